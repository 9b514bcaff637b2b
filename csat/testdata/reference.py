"""Reference values for the csat package from statsmodels, independent of
the Go code and of R.

Run: /usr/bin/python3 csat/testdata/reference.py
     (Debian python3-statsmodels 0.13, python3-scipy 1.10)
"""
from statsmodels.stats.proportion import proportion_confint, confint_proportions_2indep

print("# agresti-coull and wald: proportion_confint(method='agresti_coull' / 'normal'), clipped to [0, 1]")
for s, n, level in [(85, 100, 0.95), (70, 100, 0.95), (13, 28, 0.90), (0, 3, 0.95), (12, 12, 0.95)]:
    ac = proportion_confint(s, n, alpha=1 - level, method="agresti_coull")
    wd = proportion_confint(s, n, alpha=1 - level, method="normal")
    clip = lambda v: min(1.0, max(0.0, v))
    print(s, n, level, "ac", repr(clip(ac[0])), repr(clip(ac[1])), "wald", repr(clip(wd[0])), repr(clip(wd[1])))

print("# newcombe hybrid score: confint_proportions_2indep(method='newcomb', compare='diff')")
for sa, na, sb, nb, level in [(70, 100, 55, 90, 0.95), (85, 100, 85, 100, 0.95), (0, 10, 3, 10, 0.95),
                              (412, 500, 380, 500, 0.90), (9, 10, 1, 2, 0.95)]:
    lo, hi = confint_proportions_2indep(sa, na, sb, nb, method="newcomb", compare="diff", alpha=1 - level)
    print(sa, na, sb, nb, level, repr(lo), repr(hi))
