#!/usr/bin/python3
"""Reference values for the sample's own statistics (stats.go), from
scipy 1.10 (Debian's python3-scipy): run `/usr/bin/python3 reference.py >
scipy.tsv` in this directory.

  garwood  x  lo hi           exact Poisson interval, chi2.ppf(α/2, 2x)/2 and
                              chi2.ppf(1 − α/2, 2x + 2)/2 (R's poisson.test)
  poisson  x  y  p            two-sided test of equal rates, binomtest(x, x + y, ½)
  welch    n1 m1 s1 n2 m2 s2 p  ttest_ind_from_stats(equal_var=False)
  nps      P  D  N  score lo hi          adjusted Wald (Rocks 2016): the Wald
                              interval after adding ¾ promoter, 1½ passive,
                              ¾ detractor; z from norm.ppf(0.975)
"""
from scipy import stats
import math

alpha = 0.05
print("# kind\targs\tvalues")
for x in [0, 1, 2, 5, 37, 812, 8614, 100000]:
    lo = 0.0 if x == 0 else stats.chi2.ppf(alpha / 2, 2 * x) / 2
    hi = stats.chi2.ppf(1 - alpha / 2, 2 * x + 2) / 2
    print(f"garwood\t{x}\t{lo!r}\t{hi!r}")
for x, y in [(0, 0), (0, 3), (3, 3), (10, 20), (812, 790), (8614, 8400), (9174, 9451), (7000, 7300)]:
    p = 1.0 if x + y == 0 else stats.binomtest(x, x + y, 0.5).pvalue
    print(f"poisson\t{x}\t{y}\t{p!r}")
for n1, m1, s1, n2, m2, s2 in [(10, 5.2, 1.1, 12, 4.6, 1.4), (8387, 385.0, 180.0, 8000, 391.5, 176.0), (2, 1.0, 0.5, 3, 2.0, 0.7)]:
    t = stats.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=False)
    print(f"welch\t{n1}\t{m1!r}\t{s1!r}\t{n2}\t{m2!r}\t{s2!r}\t{t.pvalue!r}")
z = stats.norm.ppf(0.975)
for P, D, N in [(180, 92, 412), (0, 0, 5), (5, 0, 5), (40, 60, 100)]:
    score = 100 * (P - D) / N
    ap, ad, an = (P + 0.75) / (N + 3), (D + 0.75) / (N + 3), N + 3
    adj = ap - ad
    se = math.sqrt((ap + ad - adj * adj) / an)
    lo, hi = 100 * max(-1, adj - z * se), 100 * min(1, adj + z * se)
    print(f"nps\t{P}\t{D}\t{N}\t{score!r}\t{lo!r}\t{hi!r}")
