"""Exact decisions of adjust.Significant, written to significant.tsv.

    /usr/bin/python3 significant.py < padjust.tsv > significant.tsv

For every family of padjust.tsv (written by padjust.R), every method and
the levels below, the adjusted p-values are computed in exact rational
arithmetic (Python's fractions) from the decimals the p-values print as
(repr, the shortest decimal that reads back as the float), straight from
the definitions of Holm (1979), Hochberg (1988), Benjamini & Hochberg
(1995) and Benjamini & Yekutieli (2001), as R's p.adjust states them, and
compared with the level as a decimal: significant when adjusted <= alpha.

Each row: family, method (R's name), alpha, and one character per p-value,
1 significant, 0 not, - undefined (NA); then the same string for R's own
floats compared in floats (p.adjust(p, m) <= alpha), to show where the
two part.
"""

import csv
import sys
from fractions import Fraction

LEVELS = ["0.01", "0.05", "0.1", "0.25"]
METHODS = ["none", "bonferroni", "holm", "hochberg", "BH", "BY"]


def exact_adjusted(p, method):
    """Adjusted values of the defined p-values p (Fractions), in their order."""
    n = len(p)
    order = sorted(range(n), key=lambda i: p[i])
    q = [None] * n
    one = Fraction(1)
    if method == "none":
        return list(p)
    if method == "bonferroni":
        return [min(one, n * x) for x in p]
    if method == "holm":
        run = Fraction(0)
        for r, i in enumerate(order, start=1):
            run = max(run, (n + 1 - r) * p[i])
            q[i] = min(one, run)
        return q
    h = sum(Fraction(1, k) for k in range(1, n + 1))
    coef = {
        "hochberg": lambda r: Fraction(n + 1 - r),
        "BH": lambda r: Fraction(n, r),
        "BY": lambda r: h * Fraction(n, r),
    }[method]
    run = one
    for r in range(n, 0, -1):
        i = order[r - 1]
        run = min(run, coef(r) * p[i])
        q[i] = run
    return q


def main():
    rows = list(csv.DictReader(sys.stdin, delimiter="\t"))
    families = {}  # name -> list of float or None
    r_adjusted = {}  # (name, method) -> list of float or None
    for row in rows:
        if row["i"] == "0":
            families.setdefault(row["family"], [])
            r_adjusted[(row["family"], row["method"])] = []
            continue
        val = None if row["p"] == "NA" else float(row["p"])
        adj = None if row["adjusted"] == "NA" else float(row["adjusted"])
        if row["method"] == "none":
            families.setdefault(row["family"], []).append(val)
        r_adjusted.setdefault((row["family"], row["method"]), []).append(adj)

    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["family", "method", "alpha", "exact", "r"])
    for name, ps in families.items():
        defined = [i for i, x in enumerate(ps) if x is not None]
        dec = [Fraction(repr(ps[i])) for i in defined]
        for method in METHODS:
            q = exact_adjusted(dec, method)
            for level in LEVELS:
                alpha = Fraction(level)
                exact = ["-"] * len(ps)
                for k, i in enumerate(defined):
                    exact[i] = "1" if q[k] <= alpha else "0"
                r = ["-" if v is None else ("1" if v <= float(level) else "0")
                     for v in r_adjusted[(name, method)]]
                out.writerow([name, method, level, "".join(exact), "".join(r)])


main()
