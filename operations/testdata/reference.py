#!/usr/bin/python3
"""Reference values for the operations package, independent of the Go code.

Run: /usr/bin/python3 operations/testdata/reference.py   (Debian python3-mpmath 1.2)

It writes the golden files the tests read, next to this script:

  erlang_b.txt   A N B(N, A)
  erlang_c.txt   A N AHT_s t_s P(wait) SL(t) ASA/AHT
  erlang_a.txt   A N AHT_s patience_s t_s P(wait) P(abandon) SL(t) ASA/AHT occupancy
  staffing.txt   name contacts interval_s AHT_s patience_s concurrency SL within_s ASA_s abandonment occupancy agents
  lines.txt      A blocking N

Everything is computed in 40-digit arithmetic from first principles, for
the traffic the Go functions receive (the float64 nearest to 2.7 for
ErlangB(2.7, 5)), except in staffing, where the traffic is the exact
fraction the package reads a Queue as:

  Erlang B   the defining sum B = (A^N/N!) / sum_{k<=N} A^k/k!  (no recursion)
  Erlang C   C = N·B / (N − A(1 − B)), SL = 1 − C·exp(−(N − A)t/AHT),
             ASA = C·AHT/(N − A)  (textbook M/M/N results, evaluated exactly)
  Erlang A   the birth–death chain of M/M/N+M (death rate min(n,N)μ + (n−N)⁺θ)
             solved for its stationary distribution; then
               P(abandon) = θ·E[queue]/λ                      (flow balance)
               ASA        = E[wait; served] / P(served), by first-step
                            analysis of a tagged arrival's position in queue
               SL         = P(served within t), by uniformization of the
                            tagged arrival's absorbing chain (served/abandoned)
             None of these uses the closed forms the Go code is built on.
  Staffing   the smallest N found by scanning N = 1, 2, 3, … (not from floor(A)+1);
             the traffic A = contacts·AHT/(interval·concurrency) and the
             occupancy A/N are exact fractions (Python's fractions module),
             compared exactly with the decimal targets; the service level,
             ASA and abandonment in mpmath against the decimal targets.
"""
import os
from fractions import Fraction
from mpmath import mp, mpf, exp, fsum, floor

mp.dps = 40
HERE = os.path.dirname(os.path.abspath(__file__))


def erlang_b(A, N):
    A = mpf(A)
    terms = []
    t = mpf(1)
    for k in range(N + 1):
        if k > 0:
            t = t * A / k
        terms.append(t)
    return terms[-1] / fsum(terms)


def erlang_c(A, N, t_over_aht):
    """P(wait), SL within t, ASA/AHT, occupancy for M/M/N."""
    A = mpf(A)
    B = erlang_b(A, N)
    C = N * B / (N - A * (1 - B))
    sl = 1 - C * exp(-(N - A) * mpf(t_over_aht))
    asa = C / (N - A)
    return C, sl, asa, A / N


def erlang_a(A, N, r, tau, tail=1e-45):
    """M/M/N+M in units of AHT: traffic A, N agents, r = AHT/patience,
    tau = t/AHT. Returns P(wait), P(abandon), SL = P(served within t),
    ASA/AHT (mean wait of served contacts), occupancy."""
    A, r, tau = mpf(A), mpf(r), mpf(tau)
    lam, mu, theta = A, mpf(1), r          # time unit = AHT
    # stationary distribution, unnormalised
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
    K = len(pi) - N  # queue states j = 0..K-1 (an arrival finds j waiting)
    pwait = fsum(pi[N:])
    EQ = fsum((n - N) * pi[n] for n in range(N + 1, len(pi)))
    pab = theta * EQ / lam
    # first-step analysis for a tagged arrival with i ahead in queue
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
    # uniformization: states i = 0..K-1 ahead, then S (served), X (abandoned)
    Lam = N * mu + K * theta + theta
    S = K
    v = [mpf(0)] * K + [mpf(1)]       # P(in S after k uniformised jumps)
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


def fmt(x):
    return mp.nstr(x, 17, min_fixed=-30, max_fixed=30)


def golden(name, header, rows):
    with open(os.path.join(HERE, name), "w") as f:
        f.write("# written by reference.py; do not edit\n")
        f.write("# " + header + "\n")
        for row in rows:
            f.write(" ".join(str(x) for x in row) + "\n")


# Erlang B: the defining sum.
rows = []
for A, N in [(10, 14), (0.5, 1), (2.7, 5), (25.3, 20), (100.5, 110), (1000, 1000),
             (10000, 10100), (0.001, 3), (10, 0), (50, 200), (10000, 9500), (250.5, 260), (100000, 100300)]:
    rows.append((A, N, fmt(erlang_b(mpf(A), N))))
golden("erlang_b.txt", "A N B(N, A): mpmath, 40 digits, the defining sum", rows)

# Erlang C: textbook M/M/N formulas.
rows = []
for A, N, aht, t in [(10, 14, 180, 20), (10, 11, 180, 20), (2.5, 3, 300, 30), (100.25, 110, 240, 20),
                     (1000, 1030, 200, 15), (10000, 10100, 180, 20), (0.3, 1, 300, 15), (10, 40, 180, 20)]:
    C, sl, asa, occ = erlang_c(mpf(A), N, mpf(t) / aht)
    rows.append((A, N, aht, t, fmt(C), fmt(sl), fmt(asa)))
golden("erlang_c.txt", "A N AHT_s t_s P(wait) SL(t) ASA/AHT: mpmath, 40 digits, textbook M/M/N formulas", rows)

# Erlang A: the birth–death chain, flow balance, first-step analysis, uniformization.
rows = []
for A, N, aht, patience, t, tail in [(10, 14, 180, 300, 20, 1e-45), (10, 10, 180, 300, 20, 1e-45), (10, 8, 180, 300, 20, 1e-45),
                                     (10, 11, 180, 3600, 20, 1e-45), (50, 45, 240, 120, 30, 1e-45), (50, 55, 240, 120, 30, 1e-45),
                                     (3.3, 2, 100, 400, 50, 1e-45), (1000, 1000, 180, 300, 20, 1e-40)]:
    pw, pab, sl, asa, occ = erlang_a(mpf(A), N, mpf(aht) / patience, mpf(t) / aht, tail=tail)
    rows.append((A, N, aht, patience, t, fmt(pw), fmt(pab), fmt(sl), fmt(asa), fmt(occ)))
golden("erlang_a.txt", "A N AHT_s patience_s t_s P(wait) P(abandon) SL(t) ASA/AHT occupancy: "
       "mpmath, 40 digits, the M/M/N+M chain", rows)


# Staffing: the smallest N by scanning from N = 1.
def staffing(contacts, interval, aht, patience, conc, sl, within, asa, ab, occ):
    """Targets are decimal strings ("0" for none); times in seconds."""
    c = Fraction(conc) if conc != "0" else Fraction(1)
    A = Fraction(contacts) * aht / interval / c          # exact traffic
    aht_eff = Fraction(aht) / c
    tau = mpf(within) / (mpf(aht_eff.numerator) / aht_eff.denominator)
    Amp = mpf(A.numerator) / A.denominator
    sl, asa, ab, occ = Fraction(sl), Fraction(asa), Fraction(ab), Fraction(occ)
    N = 1
    while True:
        if patience == 0:
            if N > A:                                   # stable, exactly
                C, s, a, _ = erlang_c(Amp, N, tau)
                a = a * mpf(aht_eff.numerator) / aht_eff.denominator   # seconds
                if ((sl == 0 or s >= mpf(sl.numerator) / sl.denominator) and
                        (asa == 0 or a <= mpf(asa.numerator) / asa.denominator) and
                        (occ == 0 or A / N <= occ)):    # occupancy exactly
                    return N
        else:
            mp.dps = 30
            r = (mpf(aht_eff.numerator) / aht_eff.denominator) / patience
            pw, pab, s, a, o = erlang_a(Amp, N, r, tau, tail=1e-30)
            mp.dps = 40
            a = a * mpf(aht_eff.numerator) / aht_eff.denominator
            if ((sl == 0 or s >= mpf(sl.numerator) / sl.denominator) and
                    (asa == 0 or a <= mpf(asa.numerator) / asa.denominator) and
                    (ab == 0 or pab <= mpf(ab.numerator) / ab.denominator) and
                    (occ == 0 or o <= mpf(occ.numerator) / occ.denominator)):
                return N
        N += 1


def staffing_large(contacts, interval, aht, sl, within):
    """Erlang C with only a service-level target, scanning every stable N
    from floor(A) + 1 (below it no N is stable) with B updated exactly."""
    A = Fraction(contacts) * aht / interval
    Amp = mpf(A.numerator) / A.denominator
    tau = mpf(within) / aht
    N = int(floor(Amp)) + 1
    B = erlang_b(Amp, N)
    while True:
        C = N * B / (N - Amp * (1 - B))
        if 1 - C * exp(-(N - Amp) * tau) >= mpf(sl):
            break
        N += 1
        B = Amp * B / (N + Amp * B)   # exact in 40 digits; checked against erlang_b below
    assert abs(B - erlang_b(Amp, N)) < mpf(10) ** -30
    return N


rows = []
# name, contacts, interval_s, aht_s, patience_s, concurrency, SL, within_s, ASA_s, abandonment, occupancy
for case in [
    ("issue", "100", 1800, 180, 0, "0", "0.8", 20, "0", "0", "0.85"),
    ("asa", "10", 180, 180, 0, "0", "0", 0, "10", "0", "0"),
    ("occupancy", "10", 180, 180, 0, "0", "0", 0, "0", "0", "0.7"),
    ("light", "0.3", 300, 300, 0, "0", "0.9", 15, "0", "0", "0"),
    ("sl-and-asa", "250", 200, 200, 0, "0", "0.9", 10, "3", "0", "0"),
    ("chat-as-fast-agents", "60", 1800, 360, 0, "2", "0.9", 30, "0", "0", "0"),
    ("exact-occupancy", "21", 1800, 180, 0, "0", "0", 0, "0", "0", "0.7"),
    ("exact-occupancy-and-sl", "153", 1800, 180, 0, "0", "0.8", 60, "0", "0", "0.85"),
    ("erlang-a-sl", "100", 1800, 180, 300, "0", "0.8", 20, "0", "0", "0"),
    ("erlang-a-abandonment", "100", 1800, 180, 300, "0", "0", 0, "0", "0.03", "0"),
    ("erlang-a-abandonment-loose", "100", 1800, 180, 300, "0", "0", 0, "0", "0.2", "0"),
    ("erlang-a-chat", "240", 3600, 480, 180, "2", "0.8", 30, "0", "0.05", "0"),
]:
    name, contacts, interval, aht, patience, conc, sl, within, asa, ab, occ = case
    n = staffing(contacts, interval, aht, patience, conc, sl, within, asa, ab, occ)
    rows.append(case + (n,))
for name, contacts, interval, aht, sl, within in [("large", "100000", 1800, 180, "0.8", 20),
                                                   ("large-fractional", "12345.678", 240, 240, "0.9", 15)]:
    n = staffing_large(contacts, interval, aht, sl, within)
    rows.append((name, contacts, interval, aht, 0, "0", sl, within, "0", "0", "0", n))
golden("staffing.txt", "name contacts interval_s AHT_s patience_s concurrency SL within_s ASA_s abandonment occupancy agents: "
       "the smallest N meeting every target set (0: none), scanning N in mpmath and exact fractions", rows)

# Erlang B lines: the smallest N with B <= p, scanning N = 0, 1, 2, ...
rows = []
for A, p in [(10, "0.01"), (2.5, "0.05"), (100, "0.001"), (10, "0.5")]:
    N = 0
    while erlang_b(mpf(A), N) > mpf(p):
        N += 1
    rows.append((A, p, N))
golden("lines.txt", "A blocking N: the smallest N with B(N, A) <= blocking, scanning N = 0, 1, ... in mpmath", rows)
