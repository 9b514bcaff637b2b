"""Erlang C staffing, the short recursion users write in Python, and the
same search in 50-digit mpmath as the correctness oracle.

Usage: erlang.py float|mpmath DATA_DIR REPS  -> one JSON line on stdout.

For each offered load A (41 values, 1 to 10,000 Erlangs, as in Go), find
the fewest agents N > A with service level
SL = 1 − C(N, A)·exp(−(N − A)·20/180) ≥ 0.8 and occupancy A/N ≤ 0.85,
scanning N upward with the Erlang B recursion B(n) = A·B(n−1)/(n + A·B(n−1))
and C = N·B / (N − A·(1 − B)). The digest is the agent counts joined by
commas, as in Go.
"""
import math, sys
from timing import measure

mode, reps = sys.argv[1], int(sys.argv[3])
traffics = [round(100 * 10 ** (i / 10)) / 100 for i in range(41)]

if mode == "mpmath":
    import mpmath
    mpmath.mp.dps = 50
    num, exp = mpmath.mpf, mpmath.exp
else:
    num, exp = float, math.exp

def agents(a):
    a = num(a)
    b, n = num(1), 0
    while True:
        n += 1
        b = a * b / (n + a * b)
        if n <= a:
            continue
        c = n * b / (n - a * (1 - b))
        sl = 1 - c * exp(-(n - a) * num(20) / num(180))
        if sl >= num("0.8") and a / n <= num("0.85"):
            return n

def run():
    return [agents(a) for a in traffics]

measure("erlang", reps if mode == "float" else 1, run, lambda out: ",".join(str(n) for n in out))
