"""Reference values for the csat package from statsmodels, independent of
the Go code and of R.

Run: /usr/bin/python3 csat/testdata/reference.py > csat/testdata/reference_py.json
     (Debian python3-statsmodels 0.13, python3-scipy 1.10)
"""
import json
import sys

from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint


def clip(v):
    return min(1.0, max(0.0, v))


out = {"source": "csat/testdata/reference.py (statsmodels 0.13, scipy 1.10)"}

# Agresti–Coull and Wald: proportion_confint(method="agresti_coull" / "normal"), clipped to [0, 1].
out["intervals"] = []
for s, n, level in [(85, 100, 0.95), (70, 100, 0.95), (13, 28, 0.90), (0, 3, 0.95), (12, 12, 0.95)]:
    ac = proportion_confint(s, n, alpha=1 - level, method="agresti_coull")
    wd = proportion_confint(s, n, alpha=1 - level, method="normal")
    out["intervals"].append({"name": f"{s} of {n} at {level}", "satisfied": s, "n": n, "level": level,
                             "agresti_coull": [clip(ac[0]), clip(ac[1])], "wald": [clip(wd[0]), clip(wd[1])]})

# Newcombe's hybrid score interval: confint_proportions_2indep(method="newcomb", compare="diff").
out["compare"] = []
for sa, na, sb, nb, level in [(70, 100, 55, 90, 0.95), (85, 100, 85, 100, 0.95), (0, 10, 3, 10, 0.95),
                              (412, 500, 380, 500, 0.90), (9, 10, 1, 2, 0.95)]:
    lo, hi = confint_proportions_2indep(sa, na, sb, nb, method="newcomb", compare="diff", alpha=1 - level)
    out["compare"].append({"name": f"{sa}/{na} vs {sb}/{nb}", "a": [sa, na], "b": [sb, nb], "level": level,
                           "lo": lo, "hi": hi})

json.dump(out, sys.stdout, indent=1)
print()
