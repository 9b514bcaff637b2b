#!/usr/bin/python3
"""Reference values for package plan, computed independently of Go.

Run: /usr/bin/python3 plan/testdata/reference.py   (Debian python3-mpmath 1.2)
It rewrites requirements.json next to it.

For each queue (contacts in an interval, AHT, patience, concurrency) and
targets, in 40-digit mpmath arithmetic from first principles:

  agents      the smallest N meeting every target, by scanning N = 1, 2, …
              (Erlang C: textbook M/M/N formulas; Erlang A: the
              stationary distribution of the M/M/N+M birth-death chain,
              first-step analysis and uniformization — erlang_a below is
              operations/testdata/reference.py's, copied);
  fractional  the documented fractional requirement: for each target not
              met by N - 1 agents (for Erlang C, by the stability limit A
              when N - 1 <= A, where SL -> 0, 1/ASA -> 0 and occupancy ->
              1; for Erlang A with N = 1, by no agent: SL 0, abandonment
              1, 1/ASA 0, occupancy 1), the point between lo and N where
              the target is met on the straight line between the metric's
              values there (the service level, the abandonment, the
              Erlang A occupancy, and 1/ASA), or exactly A/o for an Erlang
              C occupancy target; the largest of these, or N if no target
              binds;
  positions   ceil(N / (1 - shrinkage)) with the shrinkage as the decimal
              written (fractions.Fraction);
  metrics     SL, ASA (s), abandonment and occupancy of N agents;
  cost        positions x hourly x minutes/60 (exact, or rounded half up to
              8 places) + contacts rounded to 6 places x cost per contact,
              in Python's decimal.
"""
import json
import os
from decimal import Decimal, ROUND_HALF_UP, getcontext
from fractions import Fraction

from mpmath import mp, mpf, exp, fsum, ceil, inf

mp.dps = 40
getcontext().prec = 80


def erlang_b(A, N):
    A = mpf(A)
    t = mpf(1)
    terms = [t]
    for k in range(1, N + 1):
        t = t * A / k
        terms.append(t)
    return terms[-1] / fsum(terms)


def erlang_c(A, N, tau):
    """P(wait), SL within t, ASA/AHT, occupancy for M/M/N, tau = t/AHT."""
    A = mpf(A)
    B = erlang_b(A, N)
    C = N * B / (N - A * (1 - B))
    return C, 1 - C * exp(-(N - A) * tau), C / (N - A), A / N


def erlang_a(A, N, r, tau, tail=1e-45):
    """M/M/N+M in units of AHT (operations/testdata/reference.py): traffic
    A, N agents, r = AHT/patience, tau = t/AHT. Returns P(wait),
    P(abandon), SL = P(served within t), ASA/AHT, occupancy."""
    A, r, tau = mpf(A), mpf(r), mpf(tau)
    lam, mu, theta = A, mpf(1), r
    pi = [mpf(1)]
    n = 0
    while True:
        n += 1
        death = min(n, N) * mu + max(n - N, 0) * theta
        p = pi[-1] * lam / death
        pi.append(p)
        if n > N and p < tail * max(pi):
            break
    Z = fsum(pi)
    pi = [p / Z for p in pi]
    K = len(pi) - N
    pwait = fsum(pi[N:])
    EQ = fsum((n - N) * pi[n] for n in range(N + 1, len(pi)))
    pab = theta * EQ / lam
    psr, m = [], []
    prev_sr, prev_m = mpf(1), mpf(0)
    for i in range(K):
        q = N * mu + i * theta + theta
        p = (N * mu + i * theta) / q
        sr = p * prev_sr
        mi = sr / q + p * prev_m
        psr.append(sr)
        m.append(mi)
        prev_sr, prev_m = sr, mi
    served = fsum(pi[:N]) + fsum(pi[N + j] * psr[j] for j in range(K))
    asa = fsum(pi[N + j] * m[j] for j in range(K)) / served
    Lam = N * mu + K * theta + theta
    S = K
    v = [mpf(0)] * K + [mpf(1)]
    poisson = exp(-Lam * tau)
    acc = [poisson * x for x in v]
    k = 0
    while True:
        k += 1
        new = []
        for i in range(K):
            q = N * mu + i * theta + theta
            adv = (N * mu + i * theta) / Lam
            nxt = v[i - 1] if i > 0 else v[S]
            new.append(adv * nxt + (1 - q / Lam) * v[i])
        new.append(mpf(1))
        v = new
        poisson = poisson * Lam * tau / k
        acc = [a + poisson * x for a, x in zip(acc, v)]
        if k > Lam * tau and poisson < mpf(10) ** -45:
            break
    sl = fsum(pi[:N]) + fsum(pi[N + j] * acc[j] for j in range(K))
    busy = fsum(min(n, N) * pi[n] for n in range(len(pi)))
    return pwait, pab, sl, asa, busy / N


def metrics(A, N, r, tau, aht):
    """(SL, ASA seconds, abandonment, occupancy) of N agents."""
    if r == 0:
        C, sl, asa, occ = erlang_c(A, N, tau)
        return sl, asa * aht, mpf(0), occ
    pw, pab, sl, asa, occ = erlang_a(A, N, r, tau, tail=1e-32)
    return sl, asa * aht, pab, occ


def met(m, t):
    sl, asa, ab, occ = m
    return ((t.get("sl") is None or sl >= t["sl"]) and (t.get("asa") is None or asa <= t["asa"])
            and (t.get("ab") is None or ab <= t["ab"]) and (t.get("occ") is None or occ <= t["occ"]))


def plan(case):
    contacts, interval, aht = mpf(case["contacts"]), mpf(case["interval_s"]), mpf(case["aht_s"])
    c = mpf(case.get("concurrency", 1))
    A = contacts * aht / interval / c
    eff = aht / c
    r = eff / mpf(case["patience_s"]) if case.get("patience_s") else 0
    t = {k: mpf(v) for k, v in case["targets"].items() if k not in ("within_s", "shrink")}
    tau = mpf(case["targets"].get("within_s", 0)) / eff
    N = 1
    while True:
        if r > 0 or N > A:
            m = metrics(A, N, r, tau, eff)
            if met(m, t):
                break
        N += 1
    # the metrics at the lower point
    if r == 0 and N - 1 <= A:
        lo, ml = A, (mpf(0), inf, mpf(0), mpf(1))
    elif r > 0 and N == 1:
        lo, ml = mpf(0), (mpf(0), inf, mpf(1), mpf(1))
    else:
        lo, ml = mpf(N - 1), metrics(A, N - 1, r, tau, eff)
    mn = m
    x, binds = lo, False

    def cross(a, b, target):
        return lo + (N - lo) * min(max((target - a) / (b - a), 0), 1)

    if "sl" in t and ml[0] < t["sl"]:
        x, binds = max(x, cross(ml[0], mn[0], t["sl"])), True
    if "asa" in t and ml[1] > t["asa"]:
        x, binds = max(x, cross(1 / ml[1], 1 / mn[1], 1 / t["asa"])), True
    if "ab" in t and ml[2] > t["ab"]:
        x, binds = max(x, cross(ml[2], mn[2], t["ab"])), True
    if "occ" in t and ml[3] > t["occ"]:
        x, binds = max(x, cross(ml[3], mn[3], t["occ"]) if r > 0 else min(A / t["occ"], N)), True
    if not binds:
        x = mpf(N)
    shrink = Fraction(case["targets"].get("shrink", "0"))
    positions = -((-N * shrink.denominator) // (shrink.denominator - shrink.numerator))
    minutes = int(case["interval_s"]) // 60
    hourly, per = Decimal(case["hourly"]), Decimal(case["per_contact"])
    exact = Fraction(hourly) * minutes / 60
    d = exact.denominator
    for f in (2, 5):
        while d % f == 0:
            d //= f
    slot = hourly * minutes / 60
    if d != 1:  # not a decimal: rounded half up to 8 places
        slot = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("1e-8"), rounding=ROUND_HALF_UP)
    cost = slot * positions + Decimal(case["contacts"]).quantize(Decimal("1e-6"), rounding=ROUND_HALF_UP) * per
    return {"traffic": float(A), "agents": N, "fractional": float(x), "positions": positions,
            "service_level": float(mn[0]), "asa_s": float(mn[1]), "abandonment": float(mn[2]), "occupancy": float(mn[3]),
            "cost": format(cost.normalize(), "f")}


CASES = [
    {"name": "issue", "contacts": "100", "interval_s": 1800, "aht_s": 180,
     "targets": {"sl": "0.8", "within_s": 20, "occ": "0.85", "shrink": "0.3"}},
    {"name": "low-traffic", "contacts": "2", "interval_s": 1800, "aht_s": 300,
     "targets": {"sl": "0.8", "within_s": 20}},
    {"name": "asa", "contacts": "100", "interval_s": 1800, "aht_s": 180,
     "targets": {"asa": "10", "shrink": "0.35"}},
    {"name": "occupancy", "contacts": "100", "interval_s": 1800, "aht_s": 180,
     "targets": {"occ": "0.7"}},
    {"name": "chat", "contacts": "60", "interval_s": 1800, "aht_s": 360, "concurrency": 2,
     "targets": {"sl": "0.9", "within_s": 30, "shrink": "0.25"}},
    {"name": "fractional-contacts", "contacts": "37.4812", "interval_s": 900, "aht_s": 247,
     "targets": {"sl": "0.8", "within_s": 20, "asa": "15", "shrink": "0.3"}},
    {"name": "large", "contacts": "4500", "interval_s": 3600, "aht_s": 200,
     "targets": {"sl": "0.9", "within_s": 10, "asa": "3"}},
    {"name": "erlang-a-sl", "contacts": "100", "interval_s": 1800, "aht_s": 180, "patience_s": 300,
     "targets": {"sl": "0.8", "within_s": 20, "shrink": "0.3"}},
    {"name": "erlang-a-abandonment", "contacts": "100", "interval_s": 1800, "aht_s": 180, "patience_s": 300,
     "targets": {"ab": "0.03", "within_s": 20}},
    {"name": "erlang-a-one-agent", "contacts": "1", "interval_s": 3600, "aht_s": 300, "patience_s": 60,
     "targets": {"sl": "0.8", "within_s": 20}},
    {"name": "erlang-a-occupancy", "contacts": "150", "interval_s": 1800, "aht_s": 240, "patience_s": 120,
     "targets": {"sl": "0.7", "within_s": 30, "occ": "0.8", "ab": "0.05"}},
    {"name": "twenty-minutes", "contacts": "55.5", "interval_s": 1200, "aht_s": 200,
     "targets": {"sl": "0.8", "within_s": 20}, "hourly": "10"},
]


def main():
    out = []
    for c in CASES:
        c = dict(c)
        c.setdefault("hourly", "32.50")
        c.setdefault("per_contact", "0.15")
        c["want"] = plan(c)
        c["source"] = "plan/testdata/reference.py, mpmath 40 digits, scan from N = 1"
        out.append(c)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "requirements.json")
    with open(path, "w") as f:
        json.dump({"generator": "plan/testdata/reference.py", "mpmath": mp.__class__.__module__, "cases": out}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
