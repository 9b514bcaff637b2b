"""Reference values for the operations package, independent of the Go code.

Run: /usr/bin/python3 operations/testdata/reference.py   (Debian python3-mpmath 1.2)

Everything is computed in 40-digit arithmetic from first principles:

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
  Staffing   the smallest N found by scanning N = 1, 2, 3, … (not from floor(A)+1)
"""
from mpmath import mp, mpf, exp, factorial, ceil, floor, fsum, log

mp.dps = 40


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


print("# Erlang B: {A, N, B}")
for A, N in [(10, 14), (0.5, 1), (2.7, 5), (25.3, 20), (100.5, 110), (1000, 1000),
             (10000, 10100), (0.001, 3), (10, 0), (50, 200), (10000, 9500), (250.5, 260), (100000, 100300)]:
    print(f"{{{A}, {N}, {fmt(erlang_b(A, N))}}},")

print("# Erlang C: {A, N, t/AHT, P(wait), SL, ASA/AHT}")
for A, N, tau in [(10, 14, mpf(20) / 180), (10, 11, mpf(20) / 180), (2.5, 3, mpf(30) / 300),
                  (100.25, 110, mpf(20) / 240), (1000, 1030, mpf(15) / 200),
                  (10000, 10100, mpf(20) / 180), (0.3, 1, mpf(15) / 300), (10, 40, mpf(20) / 180)]:
    C, sl, asa, occ = erlang_c(A, N, tau)
    print(f"{{{A}, {N}, {fmt(tau)}, {fmt(C)}, {fmt(sl)}, {fmt(asa)}}},")


def required_c(A, tau, sl=None, asa=None, occ=None):
    N = 1
    while True:
        if N > A:
            C, s, a, o = erlang_c(A, N, tau)
            if (sl is None or s >= sl) and (asa is None or a <= asa) and (occ is None or o <= occ):
                return N
        N += 1


print("# Erlang C staffing: smallest N by scanning from 1")
print("issue A=10 SL 0.8/20s occ 0.85:", required_c(mpf(10), mpf(20) / 180, sl=mpf("0.8"), occ=mpf("0.85")))
print("A=10 ASA <= 10 s:", required_c(mpf(10), 0, asa=mpf(10) / 180))
print("A=10 occ <= 0.7:", required_c(mpf(10), 0, occ=mpf("0.7")))
print("A=0.3 SL 0.9/15s AHT 300:", required_c(mpf("0.3"), mpf(15) / 300, sl=mpf("0.9")))
print("A=6 (60 chats/30 min, AHT 6 min, 2 at once) SL 0.9/30s, AHT 180:", required_c(mpf(6), mpf(30) / 180, sl=mpf("0.9")))
print("A=250 SL 0.9/10s AHT 200, ASA <= 3 s:", required_c(mpf(250), mpf(10) / 200, sl=mpf("0.9"), asa=mpf(3) / 200))

print("# Erlang A: {A, N, r, tau, P(wait), P(ab), SL, ASA/AHT, occupancy}")
for A, N, r, tau in [(10, 14, mpf(180) / 300, mpf(20) / 180), (10, 10, mpf(180) / 300, mpf(20) / 180),
                     (10, 8, mpf(180) / 300, mpf(20) / 180), (10, 11, mpf(180) / 3600, mpf(20) / 180),
                     (50, 45, 2, mpf(30) / 240), (50, 55, 2, mpf(30) / 240), (3.3, 2, mpf("0.25"), mpf("0.5"))]:
    pw, pab, sl, asa, occ = erlang_a(A, N, r, tau)
    print(f"{{{A}, {N}, {fmt(r)}, {fmt(tau)}, {fmt(pw)}, {fmt(pab)}, {fmt(sl)}, {fmt(asa)}, {fmt(occ)}}},")


def required_a(A, r, tau, sl=None, ab=None):
    N = 1
    while True:
        pw, pab, s, asa, occ = erlang_a(A, N, r, tau, tail=1e-30)
        if (sl is None or s >= sl) and (ab is None or pab <= ab):
            return N
        N += 1


mp.dps = 30
print("# Erlang A staffing: smallest N by scanning from 1")
print("A=10 patience 300 s SL 0.8/20s:", required_a(mpf(10), mpf(180) / 300, mpf(20) / 180, sl=mpf("0.8")))
print("A=10 patience 300 s abandonment <= 0.03:", required_a(mpf(10), mpf(180) / 300, mpf(20) / 180, ab=mpf("0.03")))
print("A=10 patience 300 s abandonment <= 0.2:", required_a(mpf(10), mpf(180) / 300, mpf(20) / 180, ab=mpf("0.2")))
print("chat: 240/h, AHT 8 min, 2 at once (A=16, AHT 4 min), patience 3 min, SL 0.8/30s, abandonment <= 0.05:",
      required_a(mpf(16), mpf(4) / 3, mpf("0.125"), sl=mpf("0.8"), ab=mpf("0.05")))

mp.dps = 40
print("# Erlang B lines: smallest N with B <= p, scanning N = 0, 1, 2, ...")
for A, p in [(10, mpf("0.01")), (2.5, mpf("0.05")), (100, mpf("0.001")), (10, mpf("0.5"))]:
    N = 0
    while erlang_b(mpf(A), N) > p:
        N += 1
    print(f"{{{A}, {mp.nstr(p, 5)}, {N}}},")

print("# Large Erlang C staffing, scanning every stable N (N = floor(A)+1, +2, ...)")
for A, tau, sl in [(10000, mpf(20) / 180, mpf("0.8")), (mpf("12345.678"), mpf(15) / 240, mpf("0.9"))]:
    A = mpf(A)
    N = int(floor(A)) + 1
    B = erlang_b(A, N)
    while True:
        C = N * B / (N - A * (1 - B))
        if 1 - C * exp(-(N - A) * tau) >= sl:
            break
        N += 1
        B = A * B / (N + A * B)   # exact in 40 digits; checked against erlang_b below
    assert abs(B - erlang_b(A, N)) < mpf(10) ** -30
    print(f"A={mp.nstr(A, 10)} tau={fmt(tau)} SL>={mp.nstr(sl, 3)}: N={N} SL={fmt(1 - C * exp(-(N - A) * tau))}")

print("# Large Erlang A: {A, N, r, tau, P(wait), P(ab), SL, ASA/AHT, occupancy}")
for A, N, r, tau in [(1000, 1000, mpf("0.6"), mpf(20) / 180)]:
    pw, pab, sl, asa, occ = erlang_a(A, N, r, tau, tail=1e-40)
    print(f"{{{A}, {N}, {fmt(r)}, {fmt(tau)}, {fmt(pw)}, {fmt(pab)}, {fmt(sl)}, {fmt(asa)}, {fmt(occ)}}},")
