"""Reference values for the churn package, independent of the Go code.

Run: /usr/bin/python3 churn/testdata/reference.py
(Debian python3-scipy 1.10.1, python3-numpy 1.24.2.)

# sBG
The shifted-beta-geometric likelihood is written here from the beta
functions of Fader & Hardie (2007), "How to project customer retention",
Journal of Interactive Marketing 21(1), eq. (3)–(5):
    P(T = t) = B(α + 1, β + t − 1) / B(α, β),  S(t) = B(α, β + t) / B(α, β)
with scipy.special.betaln, not from the Go code's recursion or sufficient
statistics, and maximised by scipy.optimize.minimize (BFGS in log α, log β
from several starts, then Nelder–Mead at tight tolerances). The paper
reports α = 0.704, β = 1.182 ("regular") and α = 0.668, β = 3.806 ("high
end").

# lifelines' log-log band
lifelines' KaplanMeierFitter._bounds (lifelines/fitters/kaplan_meier_fitter.py)
computes, with v = log S and the Greenwood sum g:
    lower = exp(-exp(log(-v) - z * sqrt(g) / v))
    upper = exp(-exp(log(-v) + z * sqrt(g) / v))
(lifelines itself is not installable here). The expression is evaluated on
aml to show it equals R's conf.type = "log-log" (survfit values in
survival_ref_test.go).
"""
import mpmath as mp
import numpy as np
from scipy import optimize, special, stats


def sbg_ll(a, b, survivors):
    ll = 0.0
    n = survivors
    for t in range(1, len(n)):
        lost = n[t - 1] - n[t]
        if lost:
            ll += lost * (special.betaln(a + 1, b + t - 1) - special.betaln(a, b))
    T = len(n) - 1
    ll += n[T] * (special.betaln(a, b + T) - special.betaln(a, b))
    return ll


def fit(*cohorts):
    nll = lambda x: -sum(sbg_ll(np.exp(x[0]), np.exp(x[1]), c) for c in cohorts)
    best = None
    for start in ([0, 0], [-1, 1], [1, -1], [2, 2]):
        r = optimize.minimize(nll, start, method="BFGS", options={"gtol": 1e-12})
        if best is None or r.fun < best.fun:
            best = r
    r = optimize.minimize(nll, best.x, method="Nelder-Mead",
                          options={"xatol": 1e-13, "fatol": 1e-15, "maxiter": 20000})
    if r.fun < best.fun:
        best = r
    return np.exp(best.x[0]), np.exp(best.x[1]), -best.fun


regular = [1000, 631, 468, 382, 326, 289, 262, 241]
high_end = [1000, 869, 743, 653, 593, 551, 517, 491]
# Two cohorts of unequal length fitted jointly (made up).
joint = ([500, 420, 370, 335, 310], [800, 650, 560])



def exact(start, *cohorts):
    mp.mp.dps = 40

    def ll(u, v):
        a, b = mp.e ** u, mp.e ** v
        total = mp.mpf(0)
        for n in cohorts:
            for t in range(1, len(n)):
                if n[t - 1] - n[t]:
                    total += (n[t - 1] - n[t]) * (mp.log(mp.beta(a + 1, b + t - 1)) - mp.log(mp.beta(a, b)))
            T = len(n) - 1
            total += n[T] * (mp.log(mp.beta(a, b + T)) - mp.log(mp.beta(a, b)))
        return total

    grad = lambda u, v: [mp.diff(lambda x: ll(x, v), u), mp.diff(lambda y: ll(u, y), v)]
    r = mp.findroot(grad, (mp.log(start[0]), mp.log(start[1])))
    return float(mp.e ** r[0]), float(mp.e ** r[1]), float(ll(r[0], r[1]))


print("# sBG fits: alpha, beta, log-likelihood (scipy; then mpmath)")
for name, cs in (("regular", (regular,)), ("high end", (high_end,)), ("joint", joint)):
    a, b, ll = fit(*cs)
    print(f"{name} scipy: {a!r}, {b!r}, {ll!r}")
    print(f"{name} mpmath: {exact((a, b), *cs)!r}")

print("# sBG projections for the regular fit (mpmath values), t = 0..12: S(t), r(t) (t >= 1), P(T = t)")
a, b = 0.7040772984735162, 1.1820430262094757
S = [np.exp(special.betaln(a, b + t) - special.betaln(a, b)) for t in range(13)]
r = [(b + t - 1) / (a + b + t - 1) for t in range(1, 13)]
P = [np.exp(special.betaln(a + 1, b + t - 1) - special.betaln(a, b)) for t in range(1, 13)]
print("S:", ", ".join(repr(float(x)) for x in S))
print("r:", ", ".join(repr(float(x)) for x in r))
print("P:", ", ".join(repr(float(x)) for x in P))
# E[T] for alpha > 1 by summing the survival function: E[T] = sum_{t>=0} S(t).
a2, b2 = 2.5, 4.0
ET = sum(np.exp(special.betaln(a2, b2 + t) - special.betaln(a2, b2)) for t in range(200000))
print(f"E[T] for alpha=2.5, beta=4 by summing S: {ET!r} (closed form {(a2 + b2 - 1) / (a2 - 1)!r})")

print("# lifelines' log-log band on aml, all 23, at each event time")
time = [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45]
status = [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1]
z = stats.norm.ppf(0.975)
S, g = 1.0, 0.0
lo, hi = [], []
for t in sorted(set(time)):
    n = sum(1 for x in time if x >= t)
    d = sum(1 for x, s in zip(time, status) if x == t and s == 1)
    if d:
        S *= 1 - d / n
        g += d / (n * (n - d))
    v = np.log(S)
    lo.append(float(np.exp(-np.exp(np.log(-v) - z * np.sqrt(g) / v))))
    hi.append(float(np.exp(-np.exp(np.log(-v) + z * np.sqrt(g) / v))))
print("lower:", ", ".join(repr(x) for x in lo))
print("upper:", ", ".join(repr(x) for x in hi))
