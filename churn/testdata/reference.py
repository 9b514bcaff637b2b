"""Reference values for the churn package, independent of the Go code.

Run: /usr/bin/python3 churn/testdata/reference.py
(Debian python3-scipy 1.10.1, python3-numpy 1.24.2.)

# sBG
The shifted-beta-geometric likelihood is written here from the beta
functions of Fader & Hardie (2007), "How to project customer retention",
Journal of Interactive Marketing 21(1), eq. (3)–(5):
    P(T = t) = B(α + 1, β + t − 1) / B(α, β),  S(t) = B(α, β + t) / B(α, β)
with scipy.special.betaln, not from the Go code's recursion or sufficient
statistics, and maximised by scipy.optimize.minimize (BFGS in log α, log β
from several starts, then Nelder–Mead at tight tolerances). The paper
reports α = 0.704, β = 1.182 ("regular") and α = 0.668, β = 3.806 ("high
end").

# lifelines' log-log band
lifelines' KaplanMeierFitter._bounds (lifelines/fitters/kaplan_meier_fitter.py)
computes, with v = log S and the Greenwood sum g:
    lower = exp(-exp(log(-v) - z * sqrt(g) / v))
    upper = exp(-exp(log(-v) + z * sqrt(g) / v))
(lifelines itself is not installable here). The expression is evaluated on
aml to show it equals R's conf.type = "log-log" (survfit values in
survival_ref_test.go).
"""
import mpmath as mp
import numpy as np
from scipy import optimize, special, stats


def sbg_ll(a, b, survivors):
    ll = 0.0
    n = survivors
    for t in range(1, len(n)):
        lost = n[t - 1] - n[t]
        if lost:
            ll += lost * (special.betaln(a + 1, b + t - 1) - special.betaln(a, b))
    T = len(n) - 1
    ll += n[T] * (special.betaln(a, b + T) - special.betaln(a, b))
    return ll


def fit(*cohorts):
    nll = lambda x: -sum(sbg_ll(np.exp(x[0]), np.exp(x[1]), c) for c in cohorts)
    best = None
    for start in ([0, 0], [-1, 1], [1, -1], [2, 2]):
        r = optimize.minimize(nll, start, method="BFGS", options={"gtol": 1e-12})
        if best is None or r.fun < best.fun:
            best = r
    r = optimize.minimize(nll, best.x, method="Nelder-Mead",
                          options={"xatol": 1e-13, "fatol": 1e-15, "maxiter": 20000})
    if r.fun < best.fun:
        best = r
    return np.exp(best.x[0]), np.exp(best.x[1]), -best.fun


regular = [1000, 631, 468, 382, 326, 289, 262, 241]
high_end = [1000, 869, 743, 653, 593, 551, 517, 491]
# Two cohorts of unequal length fitted jointly (made up).
joint = ([500, 420, 370, 335, 310], [800, 650, 560])



def exact(start, *cohorts):
    mp.mp.dps = 40

    def ll(u, v):
        a, b = mp.e ** u, mp.e ** v
        total = mp.mpf(0)
        for n in cohorts:
            for t in range(1, len(n)):
                if n[t - 1] - n[t]:
                    total += (n[t - 1] - n[t]) * (mp.log(mp.beta(a + 1, b + t - 1)) - mp.log(mp.beta(a, b)))
            T = len(n) - 1
            total += n[T] * (mp.log(mp.beta(a, b + T)) - mp.log(mp.beta(a, b)))
        return total

    grad = lambda u, v: [mp.diff(lambda x: ll(x, v), u), mp.diff(lambda y: ll(u, y), v)]
    r = mp.findroot(grad, (mp.log(start[0]), mp.log(start[1])))
    return float(mp.e ** r[0]), float(mp.e ** r[1]), float(ll(r[0], r[1]))


print("# sBG fits: alpha, beta, log-likelihood (scipy; then mpmath)")
for name, cs in (("regular", (regular,)), ("high end", (high_end,)), ("joint", joint)):
    a, b, ll = fit(*cs)
    print(f"{name} scipy: {a!r}, {b!r}, {ll!r}")
    print(f"{name} mpmath: {exact((a, b), *cs)!r}")

print("# sBG projections for the regular fit (mpmath values), t = 0..12: S(t), r(t) (t >= 1), P(T = t)")
a, b = 0.7040772984735162, 1.1820430262094757
S = [np.exp(special.betaln(a, b + t) - special.betaln(a, b)) for t in range(13)]
r = [(b + t - 1) / (a + b + t - 1) for t in range(1, 13)]
P = [np.exp(special.betaln(a + 1, b + t - 1) - special.betaln(a, b)) for t in range(1, 13)]
print("S:", ", ".join(repr(float(x)) for x in S))
print("r:", ", ".join(repr(float(x)) for x in r))
print("P:", ", ".join(repr(float(x)) for x in P))
# E[T] for alpha > 1 by summing the survival function: E[T] = sum_{t>=0} S(t).
a2, b2 = 2.5, 4.0
ET = sum(np.exp(special.betaln(a2, b2 + t) - special.betaln(a2, b2)) for t in range(200000))
print(f"E[T] for alpha=2.5, beta=4 by summing S: {ET!r} (closed form {(a2 + b2 - 1) / (a2 - 1)!r})")

print("# lifelines' log-log band on aml, all 23, at each event time")
time = [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45]
status = [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1]
z = stats.norm.ppf(0.975)
S, g = 1.0, 0.0
lo, hi = [], []
for t in sorted(set(time)):
    n = sum(1 for x in time if x >= t)
    d = sum(1 for x, s in zip(time, status) if x == t and s == 1)
    if d:
        S *= 1 - d / n
        g += d / (n * (n - d))
    v = np.log(S)
    lo.append(float(np.exp(-np.exp(np.log(-v) - z * np.sqrt(g) / v))))
    hi.append(float(np.exp(-np.exp(np.log(-v) + z * np.sqrt(g) / v))))
print("lower:", ", ".join(repr(x) for x in lo))
print("upper:", ", ".join(repr(x) for x in hi))

# Period flows, cohorts and revenue accounting on small hand-made data
# (the same literals as flow_test.go, cohort_test.go and revenue_test.go),
# computed here straight from the written definitions with datetime,
# fractions and decimal.
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction


def T(s):
    return datetime.fromisoformat(s).replace(tzinfo=timezone.utc) if s else None


customers = [  # id, start, end, contract end
    ("a", "2024-06-01", "", ""),
    ("b", "2024-03-15", "2025-01-01", ""),
    ("c", "2024-11-20", "2025-01-20", "2025-01-15"),
    ("d", "2025-01-01", "", ""),
    ("e", "2025-01-10", "2025-01-25", ""),
    ("f", "2025-02-01", "", ""),
    ("g", "2024-01-01", "2024-12-31", ""),
    ("h", "2024-09-01", "2025-02-01", "2025-01-31"),
    ("i", "2024-12-01", "2025-03-01", "2025-02-15"),
    ("j", "2025-01-31T12:00", "", ""),
    ("k", "2025-01-05", "2025-01-05", ""),
]
frm, to = T("2025-01-01"), T("2025-02-01")
S = N = L = LN = R = RL = 0
exposure = timedelta(0)
for _, s, e, ce in customers:
    s, e, ce = T(s), T(e), T(ce)
    # present at some point of [frm, to): acquired before to, not lost before frm
    if not (s < to and (e is None or e >= frm)):
        continue
    lost = e is not None and frm <= e < to
    if s < frm:
        S += 1
        if ce is not None and frm <= ce < to:
            R += 1
            RL += lost
    else:
        N += 1
        LN += lost
    L += lost
    exposure += min(e or to, to) - max(s, frm)
E = S + N - L
days = exposure / timedelta(days=1)
print("# flow January 2025: S, N, L, lost acquired, E, renewing, renewing lost, exposure days")
print(S, N, L, LN, E, R, RL, days)
print("churn, retention, base churn, average churn, daily churn, renewal churn, growth:")
print(L / S, (E - N) / S, (L - LN) / S, 2 * L / (S + E), L / days, RL / R, (E - S) / S)
print("# monthly <-> annual: 1-(1-0.05)^12, 1-(1-0.3)^(1/12), 1-(1-1e-9)^12")
print(repr(1 - (1 - 0.05) ** 12), repr(1 - (1 - 0.3) ** (1 / 12)), repr(float(1 - (1 - Fraction(1, 10**9)) ** 12)))

print("# cohorts, monthly, as of 2025-03-10: size, then retained into month k")
as_of = T("2025-03-10")
month = lambda d: (d.year, d.month)
def month_start(y, m):
    return datetime(y + (m - 1) // 12, (m - 1) % 12 + 1, 1, tzinfo=timezone.utc)
rows = {}
for _, s, e, _ in customers:
    s, e = T(s), T(e)
    if s >= as_of:
        continue
    rows.setdefault(month(s), []).append(e)
ym = sorted(rows)
y, m = ym[0]
while (y, m) <= ym[-1]:
    members = rows.get((y, m), [])
    cells = []
    k = 0
    while month_start(y, m + k) <= as_of:
        cells.append(sum(1 for e in members if e is None or e >= month_start(y, m + k)))
        k += 1
    print(f"{y}-{m:02d}", len(members), cells)
    y, m = (y, m + 1) if m < 12 else (y + 1, 1)

print("# revenue movements Feb, Mar, Apr 2025 (start, new, expansion, contraction, churned, resurrected, end)")
mrr = {  # customer -> month -> amount (several lines add up)
    "x": {1: [Decimal("100")], 2: [Decimal("120")], 3: [Decimal("120")]},
    "y": {1: [Decimal("50")], 2: [Decimal("30")], 4: [Decimal("40")]},
    "z": {2: [Decimal("200")], 3: [Decimal("150")], 4: [Decimal("150.25")]},
    "w": {1: [Decimal("10.10"), Decimal("5.05")], 2: [Decimal("15.15")], 3: [Decimal("20")], 4: [Decimal("20")]},
}
amt = lambda c, mo: sum(mrr[c].get(mo, []), Decimal(0))
for mo in (2, 3, 4):
    start = sum(amt(c, mo - 1) for c in mrr)
    end = sum(amt(c, mo) for c in mrr)
    new = sum(amt(c, mo) for c in mrr if amt(c, mo - 1) == 0 and amt(c, mo) > 0 and all(amt(c, k) == 0 for k in range(1, mo)))
    res = sum(amt(c, mo) for c in mrr if amt(c, mo - 1) == 0 and amt(c, mo) > 0 and any(amt(c, k) > 0 for k in range(1, mo)))
    exp = sum(amt(c, mo) - amt(c, mo - 1) for c in mrr if 0 < amt(c, mo - 1) < amt(c, mo))
    con = sum(amt(c, mo - 1) - amt(c, mo) for c in mrr if 0 < amt(c, mo) < amt(c, mo - 1))
    chu = sum(amt(c, mo - 1) for c in mrr if amt(c, mo - 1) > 0 and amt(c, mo) == 0)
    print(mo, start, new, exp, con, chu, res, end)
print("# NRR and GRR, January base vs April and vs February")
for cur in (4, 2):
    base = [c for c in mrr if amt(c, 1) > 0]
    s = sum(amt(c, 1) for c in base)
    nrr = Fraction(sum(amt(c, cur) for c in base)) / Fraction(s)
    grr = Fraction(sum(min(amt(c, 1), amt(c, cur)) for c in base)) / Fraction(s)
    print(cur, repr(float(nrr)), repr(float(grr)))
