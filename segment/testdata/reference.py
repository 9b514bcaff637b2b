#!/usr/bin/python3
"""Reference values for the segment package, independent of the Go code.

Run: /usr/bin/python3 segment/testdata/reference.py > segment/testdata/reference.json

Concentration (Debian numpy and the standard library's fractions):
  gini       the population form G = sum_i sum_j |x_i - x_j| / (2 n^2 mean),
             the mean absolute difference definition (not the sorted-rank
             formula the Go code uses), in exact fractions, checked against
             numpy's trapezoid Lorenz area 1 - 2 * trapz(L, p);
  sample     G * n / (n - 1);
  top20      the concentration curve at 20 % of customers, linear between
             the points (i/n, S_i/T), in exact fractions;
  for80      min k with S_k >= 8/10 * T, in exact fractions (8/10, not the
             binary float 0.8); for100 the same for all of T;
  abc        A while the revenue before a customer is below 8/10 * T, B
             below 95/100 * T, C after, ties sharing the class of their
             first member; classes by input position.
Quantile scores: 1 + floor(k * L / n), L = number strictly better, by brute
force over all pairs; cut j (j = 1 .. k-1) the largest number of days
(smallest number of purchases) scoring at least j + 1, stopping at the
first score nobody reaches.
"""
import json
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


def top_share(xs, x):
    xs = sorted((F(v) for v in xs), reverse=True)
    k = x * len(xs)
    w = int(k)
    s = sum(xs[:w], F(0))
    if w < len(xs):
        s += (k - w) * xs[w]
    return s / sum(xs)


def customers_for(xs, y):
    xs = sorted((F(v) for v in xs), reverse=True)
    T = sum(xs)
    s, c = F(0), 0
    while s < y * T:
        s += xs[c]
        c += 1
    return c


def abc(xs, a, b):
    vals = [F(v) for v in xs]
    order = sorted(range(len(vals)), key=lambda i: -vals[i])  # stable: ties keep input order
    T = sum(vals)
    labels = [None] * len(vals)
    before, prev, cls = F(0), None, None
    for i in order:
        if prev is None or vals[i] != prev:
            cls = "A" if before < a * T else "B" if before < b * T else "C"
        labels[i] = cls
        before += vals[i]
        prev = vals[i]
    return "".join(labels)


concentration = []
for name, xs in [
    ("nine 10 and one 100", ["10"] * 9 + ["100"]),
    ("equal", ["5", "5", "5", "5"]),
    ("one makes all", ["0", "0", "0", "7"]),
    ("mixed", ["12.50", "0.99", "100", "3.333", "47.1", "47.1", "0"]),
    ("exactly 80 percent", ["50", "30", "20"]),
    ("80 percent before the third", ["50", "30", "15", "5"]),
    ("single", ["3.5"]),
]:
    g = gini_mad(xs)
    n = len(xs)
    lorenz = gini_lorenz([float(x) for x in xs])
    assert abs(float(g) - lorenz) < 1e-12, (name, float(g), lorenz)
    concentration.append({
        "name": name,
        "revenues": xs,
        "gini": float(g),
        "sample": float(g * n / (n - 1)) if n > 1 else None,
        "top20": float(top_share(xs, F(2, 10))),
        "for80": customers_for(xs, F(8, 10)),
        "for100": customers_for(xs, F(1)),
        "abc": abc(xs, F(8, 10), F(95, 100)),
    })


def scores(vals, k, better):
    n = len(vals)
    return [1 + k * sum(1 for w in vals if better(v, w)) // n for v in vals]


def cuts(vals, sc, k, pick):
    out = []
    for j in range(1, k):
        reach = [v for v, s in zip(vals, sc) if s >= j + 1]
        if not reach:
            break
        out.append(pick(reach))
    return out


days = [0, 3, 3, 10, 45, 45, 45, 90, 200, 365]
freq = [1, 1, 1, 2, 2, 3, 5, 8, 8, 20]
r = scores(days, 5, lambda v, w: v < w)
f = scores(freq, 5, lambda v, w: v > w)
quantiles = {
    "days": days,
    "frequency": freq,
    "r": r,
    "f": f,
    "recency_cuts_days": cuts(days, r, 5, max),
    "frequency_cuts": cuts(freq, f, 5, min),
}

print(json.dumps({"concentration": concentration, "quantiles": quantiles}, indent=1))
