"""Reference values for the segment package, independent of the Go code.

Run: /usr/bin/python3 segment/testdata/reference.py   (Debian numpy)

Gini: the population form G = sum_i sum_j |x_i - x_j| / (2 n^2 mean), the
mean absolute difference definition (not the sorted-rank formula the Go
code uses), computed in exact fractions, and numpy's trapezoid Lorenz area.
Quantile scores: 1 + floor(k * L / n), L = number strictly better, by brute
force over all pairs.
"""
from fractions import Fraction as F
import numpy as np

def gini_mad(xs):
    n = len(xs)
    s = sum(abs(F(a) - F(b)) for a in xs for b in xs)
    return s / (2 * n * n * (sum(F(x) for x in xs) / n))

def gini_lorenz(xs):
    x = np.sort(np.array(xs, dtype=float))
    L = np.concatenate([[0.0], np.cumsum(x) / x.sum()])
    p = np.linspace(0, 1, len(x) + 1)
    return 1 - 2 * np.trapz(L, p)

cases = {
    "nine10one100": [10] * 9 + [100],
    "equal": [5, 5, 5, 5],
    "one": [0, 0, 0, 7],
    "mixed": ["12.50", "0.99", "100", "3.333", "47.1", "47.1", "0"],
}
for name, xs in cases.items():
    g = gini_mad(xs)
    n = len(xs)
    print(f"{name}: gini {float(g)!r} (lorenz {gini_lorenz([float(x) for x in xs])!r}), sample {float(g * n / (n - 1))!r}")

def scores(vals, k, better):
    n = len(vals)
    return [1 + k * sum(1 for w in vals if better(v, w)) // n for v in vals]

days = [0, 3, 3, 10, 45, 45, 45, 90, 200, 365]
freq = [1, 1, 1, 2, 2, 3, 5, 8, 8, 20]
print("recency", scores(days, 5, lambda v, w: v < w))
print("frequency", scores(freq, 5, lambda v, w: v > w))

# top 20 % share and customers for 80 % on the concentration curve
xs = sorted([F(x) for x in cases["mixed"]], reverse=True)
T = sum(xs)
k = F(2, 10) * len(xs)
w = int(k)
top = (sum(xs[:w]) + (k - w) * xs[w]) / T
print("mixed top20", float(top))
s, c = 0, 0
while s < F(8, 10) * T:
    s += xs[c]; c += 1
print("mixed customers for 80%", c)
