"""Reference values for the nps package, independent of the Go code.

Run: /usr/bin/python3 nps/testdata/reference.py > nps/testdata/reference.json
     (Debian python3-scipy 1.10, python3-mpmath 1.2)

Wald and adjusted-Wald intervals are the formulas in floating point;
Tango's interval is found by brute force: the constrained maximum
likelihood numerically (scipy.optimize.minimize_scalar), not from the
closed-form root the Go code uses, and the bounds by brentq. Variances,
weighted sums and effective sizes are exact rationals (fractions.Fraction
of the float64 inputs) rounded once; square roots come from mpmath at 60
digits.
"""
import json
import math
import sys
from fractions import Fraction

import mpmath
from scipy import optimize, stats

mpmath.mp.dps = 60


def wald(p, d, n, z):
    s = (p - d) / n
    v = p / n + d / n - s * s
    h = z * math.sqrt(max(v, 0) / n)
    return max(-1, s - h), min(1, s + h)


def constrained_q(p, d, n, delta):
    zc = n - p - d
    lo, hi = max(0.0, -delta), (1 - delta) / 2

    def nll(q):
        ll = 0.0
        for count, prob in ((p, q + delta), (d, q), (zc, 1 - 2 * q - delta)):
            if count > 0:
                if prob <= 0:
                    return 1e300
                ll += count * math.log(prob)
        return -ll

    r = optimize.minimize_scalar(nll, bounds=(lo, hi), method="bounded",
                                 options={"xatol": 1e-14, "maxiter": 10000})
    # compare with the bounds themselves (the optimum may sit on one)
    return min((r.x, lo, hi), key=nll)


def T(p, d, n, delta):
    q = constrained_q(p, d, n, delta)
    v = 2 * q + delta - delta * delta
    num = p - d - n * delta
    if num == 0:
        return 0.0
    if v <= 0:
        return math.copysign(math.inf, num)
    return num / math.sqrt(n * v)


def tango(p, d, n, z):
    s = (p - d) / n
    lo = -1.0 if d == n else optimize.brentq(lambda x: T(p, d, n, x) - z, -1 + 1e-12, s, xtol=1e-13)
    hi = 1.0 if p == n else optimize.brentq(lambda x: T(p, d, n, x) + z, s, 1 - 1e-12, xtol=1e-13)
    return lo, hi


def crit(level):
    return stats.norm.ppf(1 - (1 - level) / 2)


def exact_sqrt(x):
    return float(mpmath.sqrt(mpmath.mpf(x.numerator) / x.denominator))


out = {"source": "nps/testdata/reference.py (Python 3.11, scipy 1.10, mpmath 1.2)"}

out["intervals"] = []
for p, pas, d, level in [(60, 25, 15, 0.95), (40, 100, 20, 0.95), (30, 50, 20, 0.90), (10, 0, 0, 0.95),
                         (0, 0, 10, 0.95), (5, 0, 5, 0.95), (8, 2, 0, 0.95), (1, 1, 1, 0.99),
                         (412, 301, 287, 0.95)]:
    n = p + pas + d
    z = crit(level)
    out["intervals"].append({
        "name": f"{p}/{pas}/{d} at {level}", "promoters": p, "passives": pas, "detractors": d, "level": level,
        "wald": wald(p, d, n, z), "adjusted_wald": wald(p + 0.75, d + 0.75, n + 3, z), "tango": tango(p, d, n, z)})

# Variance of one response's category, exact: (N(P + D) − (P − D)²)/N², and
# the standard error √(variance/N).
out["variance"] = []
for p, pas, d in [(60, 25, 15), (7, 0, 0), (10**12, 1, 0), (0, 3, 10**15), (2**62, 2**62, 2**62), (1, 0, 0), (412, 301, 287)]:
    n = p + pas + d
    v = Fraction(n * (p + d) - (p - d) ** 2, n * n)
    out["variance"].append({"name": f"{p}/{pas}/{d}", "promoters": p, "passives": pas, "detractors": d,
                            "variance": float(v), "std_err": exact_sqrt(v / n)})


def compare(a, b, level=0.95):
    (pa, _, da), (pb, _, db) = a, b
    na, nb = sum(a), sum(b)
    sa, sb = (pa - da) / na, (pb - db) / nb
    va = pa / na + da / na - sa ** 2
    vb = pb / nb + db / nb - sb ** 2
    se = math.sqrt(va / na + vb / nb)
    z = (sa - sb) / se
    p = 2 * stats.norm.sf(abs(z))
    c = crit(level)
    return {"delta": sa - sb, "std_err": se, "z": z, "p": p, "lo": sa - sb - c * se, "hi": sa - sb + c * se}


out["compare"] = []
for a, b in [((60, 25, 15), (40, 100, 20)), ((412, 301, 287), (380, 320, 300))]:
    out["compare"].append({"name": f"{a} vs {b}", "a": a, "b": b, "level": 0.95, **compare(a, b)})

# Sample size: ceil(z² v / m²), with the finite population correction n₀/(1 + (n₀ − 1)/N).
out["plan"] = []
for pp, pd, m, level, pop in [(0.5, 0.2, 0.05, 0.95, 0), (0.5, 0.2, 0.05, 0.95, 500), (0.3, 0.3, 0.1, 0.9, 0),
                              (0.45, 0.15, 0.03, 0.99, 0)]:
    z = crit(level)
    v = pp + pd - (pp - pd) ** 2
    n0 = z * z * v / m / m
    n = n0 / (1 + (n0 - 1) / pop) if pop else n0
    out["plan"].append({"name": f"{pp}/{pd} ±{m} at {level}, population {pop}", "promoters": pp, "detractors": pd,
                        "margin": m, "level": level, "population": pop, "n": n, "size": math.ceil(n)})


# Weighted: the score Σwc/Σw, the linearised SE √(Σw²(c − m)²)/Σw and Kish's
# n_eff = (Σw)²/Σw², exact from the float64 weights.
def weighted(name, scores, weights):
    c = [1 if s >= 9 else (0 if s >= 7 else -1) for s in scores]
    w = [Fraction(x) for x in weights]
    total = sum(w)
    m = sum(wi * ci for wi, ci in zip(w, c)) / total
    se2 = sum(wi * wi * (ci - m) ** 2 for wi, ci in zip(w, c)) / total ** 2
    neff = total * total / sum(wi * wi for wi in w)
    return {"name": name, "scores": scores, "weights": weights, "score": float(m), "std_err": exact_sqrt(se2),
            "effective_n": float(neff), "weight": float(total), "design_effect": float(len(w) / neff)}


scores = [10, 9, 9, 8, 7, 6, 3, 0, 10, 5]
out["weighted"] = [
    weighted("R survey sample", scores, [1.2, 0.8, 1.0, 2.0, 0.5, 1.5, 0.7, 1.1, 0.9, 1.3]),
    # Squares below the smallest float64: the sums must keep their digits.
    weighted("weights near 1e-18", scores, [x * 1e-18 for x in [1.2, 0.8, 1.0, 2.0, 0.5, 1.5, 0.7, 1.1, 0.9, 1.3]]),
    weighted("weights near 1e18", scores, [x * 1e18 for x in [1.2, 0.8, 1.0, 2.0, 0.5, 1.5, 0.7, 1.1, 0.9, 1.3]]),
    weighted("extremes", [10, 0, 8], [2.0 ** -64, 1.8e19, 3.0]),
]

json.dump(out, sys.stdout, indent=1)
print()
