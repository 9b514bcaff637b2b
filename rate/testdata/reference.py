"""Reference values from statsmodels 0.13.5 and mpmath 1.3 (Debian
python3-statsmodels, python3-mpmath) for package rate, written to the
sm-*.tsv and mp-plan.tsv files its tests read:

    /usr/bin/python3 reference.py

sm-interval.tsv   proportion_confint: "normal" (Wald) and "agresti_coull",
                  and "wilson", "beta" (Clopper-Pearson) and "jeffreys" to
                  cross-check R's in r-interval.tsv. Left out: "jeffreys"
                  at 0 of n and n of n, where statsmodels takes the beta
                  quantile and Brown, Cai & DasGupta (2001), R's rows and
                  package rate take the bound 0 or 1; and "wilson" at
                  n = 5e9, where statsmodels squares n as a 64-bit integer,
                  which overflows.
sm-compare.tsv    confint_proportions_2indep(variant, base): the Newcombe
                  hybrid score interval of the difference
                  (method="newcomb", compare="diff") and the Katz log
                  interval of the ratio (method="log", compare="ratio").
mp-plan.tsv       Fleiss' sample size per arm, without and with the
                  continuity correction, from the closed forms at 40 digits
                  (Fleiss, Levin & Paik 2003, chapter 4); statsmodels'
                  samplesize_proportions_2indep_onetail cross-checks the
                  one without.
"""

import csv
from fractions import Fraction

import mpmath
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    samplesize_proportions_2indep_onetail,
)

mpmath.mp.dps = 40


def g(x):
    return repr(float(x))


def writer(name, header):
    f = open(name, "w", newline="")
    w = csv.writer(f, delimiter="\t", lineterminator="\n")
    w.writerow(header)
    return f, w


RATES = [(412, 1500), (85, 100), (0, 20), (20, 20), (3, 7), (1, 1), (0, 1),
         (1, 1000000), (999999, 1000000), (5, 5000000000)]
LEVELS = ["0.9", "0.95", "0.99"]
SM = {"wald": "normal", "agresti-coull": "agresti_coull", "wilson": "wilson",
      "clopper-pearson": "beta", "jeffreys": "jeffreys"}

f, w = writer("sm-interval.tsv", ["x", "n", "level", "method", "lo", "hi", "source"])
for x, n in RATES:
    for level in LEVELS:
        for method, sm in SM.items():
            if method == "jeffreys" and x in (0, n) or method == "wilson" and n * n >= 2**63:
                continue
            lo, hi = proportion_confint(x, n, alpha=1 - float(level), method=sm)
            w.writerow([x, n, level, method, g(lo), g(hi), f'proportion_confint(method={sm})'])
f.close()

PAIRS = [(200, 1000, 220, 1000), (5, 40, 12, 38), (0, 30, 3, 30), (0, 30, 0, 25),
         (30, 30, 25, 25), (412, 1500, 455, 1480), (1, 10, 0, 10),
         (12000, 100000, 12300, 100000), (7, 7, 3, 9), (2, 3, 1, 4), (10, 20, 10, 20),
         (1, 2, 1, 2), (0, 5, 5, 5), (450000, 1000000, 451500, 1000000)]
f, w = writer("sm-compare.tsv", ["xb", "nb", "xv", "nv", "level", "newcombe_lo", "newcombe_hi", "katz_lo", "katz_hi"])
for xb, nb, xv, nv in PAIRS:
    for level in ["0.95", "0.9"]:
        a = 1 - float(level)
        nlo, nhi = confint_proportions_2indep(xv, nv, xb, nb, method="newcomb", compare="diff", alpha=a)
        klo = khi = "NA"
        if xb > 0 and xv > 0:
            klo, khi = (g(v) for v in confint_proportions_2indep(xv, nv, xb, nb, method="log", compare="ratio", alpha=a))
        w.writerow([xb, nb, xv, nv, level, g(nlo), g(nhi), klo, khi])
f.close()


def z(p):
    return mpmath.sqrt(2) * mpmath.erfinv(2 * mpmath.mpf(p) - 1)


PLANS = [("0.2", "0.1"), ("0.05", "0.2"), ("0.5", "-0.1"), ("0.3", "0.5"), ("0.01", "0.1"),
         ("0.9", "0.05"), ("0.35", "-0.2"), ("0.12", "0.025")]
f, w = writer("mp-plan.tsv", ["base", "lift", "alpha", "power", "n", "n_cc", "statsmodels_n"])
for base, lift in PLANS:
    p1 = Fraction(base)
    p2 = p1 * (1 + Fraction(lift))
    for alpha in ["0.05", "0.01", "0.1"]:
        for power in ["0.8", "0.9"]:
            m1, m2 = mpmath.mpf(p1.numerator) / p1.denominator, mpmath.mpf(p2.numerator) / p2.denominator
            d = abs(m2 - m1)
            pbar = (m1 + m2) / 2
            root = -z(mpmath.mpf(alpha) / 2) * mpmath.sqrt(2 * pbar * (1 - pbar)) + z(power) * mpmath.sqrt(m1 * (1 - m1) + m2 * (1 - m2))
            n = root ** 2 / d ** 2
            ncc = n / 4 * (1 + mpmath.sqrt(1 + 4 / (n * d))) ** 2
            sm = samplesize_proportions_2indep_onetail(float(p2 - p1), float(p1), float(power), alpha=float(alpha))
            w.writerow([base, lift, alpha, power, mpmath.nstr(n, 20), mpmath.nstr(ncc, 20), g(sm)])
f.close()
