"""Reference values for the churn package, independent of the Go code.

Run from the repository root: /usr/bin/python3 churn/testdata/reference.py
(Debian python3-scipy 1.10.1, python3-numpy 1.24.2, python3-mpmath 1.2.1).
It writes sbg.json, lifelines.json and rates.json next to itself, read by
the package's tests.

# sBG (sbg.json)
The shifted-beta-geometric likelihood is written here from the beta
functions of Fader & Hardie (2007), "How to project customer retention",
Journal of Interactive Marketing 21(1), eq. (3)–(5):
    P(T = t) = B(α + 1, β + t − 1) / B(α, β),  S(t) = B(α, β + t) / B(α, β)
with scipy.special.betaln, not from the Go code's recursion or sufficient
statistics, and maximised by scipy.optimize.minimize (BFGS in log α, log β
from several starts, then Nelder–Mead at tight tolerances), then solved to
40 digits with mpmath (the gradient's root). The paper reports α = 0.704,
β = 1.182 ("regular") and α = 0.668, β = 3.806 ("high end"). S(t) far out
(up to the package's horizon of 1200 periods, and past it) is the beta
function ratio in mpmath at 50 digits.

# lifelines' log-log band (lifelines.json)
lifelines' KaplanMeierFitter._bounds (lifelines/fitters/kaplan_meier_fitter.py)
computes, with v = log S and the Greenwood sum g:
    lower = exp(-exp(log(-v) - z * sqrt(g) / v))
    upper = exp(-exp(log(-v) + z * sqrt(g) / v))
(lifelines itself is not installable here). The expression is evaluated on
aml to show it equals R's conf.type = "log-log" (km.json, from reference.R).

# Flows, renewals, cohorts and revenue (rates.json)
Small hand-made data, computed straight from the written definitions with
datetime, fractions and decimal; the tests read the input from this file
too, so that input and reference cannot drift apart.
"""
import json
import os
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

import mpmath as mp
import numpy as np
from scipy import optimize, special, stats

here = os.path.dirname(os.path.abspath(__file__))


def write(name, value):
    with open(os.path.join(here, name), "w") as f:
        json.dump(value, f, indent=1)
        f.write("\n")


# ---------------------------------------------------------------- sBG

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
    return float(np.exp(best.x[0])), float(np.exp(best.x[1])), float(-best.fun)


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
    return [float(mp.e ** r[0]), float(mp.e ** r[1]), float(ll(r[0], r[1]))]


regular = [1000, 631, 468, 382, 326, 289, 262, 241]
high_end = [1000, 869, 743, 653, 593, 551, 517, 491]
# Two cohorts of unequal length fitted jointly (made up).
joint = [[500, 420, 370, 335, 310], [800, 650, 560]]

fits = []
for name, cohorts, paper in (("regular", [regular], [0.704, 1.182]),
                             ("high end", [high_end], [0.668, 3.806]),
                             ("joint", joint, None)):
    a, b, ll = fit(*cohorts)
    fits.append({"name": name, "cohorts": cohorts, "paper": paper,
                 "scipy": [a, b, ll], "mpmath": exact((a, b), *cohorts)})

# Projections of the regular fit (mpmath values), t = 0..12.
a, b = fits[0]["mpmath"][0], fits[0]["mpmath"][1]
projection = {
    "alpha": a, "beta": b,
    "S": [float(np.exp(special.betaln(a, b + t) - special.betaln(a, b))) for t in range(13)],
    "r": [(b + t - 1) / (a + b + t - 1) for t in range(1, 13)],
    "P": [float(np.exp(special.betaln(a + 1, b + t - 1) - special.betaln(a, b))) for t in range(1, 13)],
}

mp.mp.dps = 50
far = []
for a, b in ((a, b), (0.668, 3.806), (2.5, 4.0), (1e-11, 1.0), (50.0, 0.3), (0.02, 1e6), (1e5, 3.0), (0.5, 1e-11)):
    A, B = mp.mpf(a), mp.mpf(b)
    for t in (0, 1, 2, 12, 63, 64, 65, 100, 500, 1000, 1199, 1200):
        s = mp.beta(A, B + t) / mp.beta(A, B)
        far.append({"alpha": a, "beta": b, "t": t, "S": float(s)})

# E[T] for alpha > 1 by summing the survival function: E[T] = sum_{t>=0} S(t).
a2, b2 = 2.5, 4.0
ET = sum(np.exp(special.betaln(a2, b2 + t) - special.betaln(a2, b2)) for t in range(200000))
write("sbg.json", {
    "source": "scipy 1.10.1 and mpmath 1.2.1, churn/testdata/reference.py",
    "fits": fits, "projection": projection, "survival": far,
    "mean_lifetime": {"alpha": a2, "beta": b2, "summed": float(ET), "closed_form": (a2 + b2 - 1) / (a2 - 1)},
})

# ---------------------------------------------------------------- lifelines

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
write("lifelines.json", {
    "source": "lifelines' exponential Greenwood expression in numpy 1.24.2, churn/testdata/reference.py",
    "name": "aml, all 23", "time": time, "status": status, "lower": lo, "upper": hi,
})

# ---------------------------------------------------------------- rates


def T(s):
    if not s:
        return None
    return datetime.fromisoformat(s).replace(tzinfo=timezone.utc)


# id, start, end, contract end, renewals. Every boundary case of January
# 2025: lost exactly at From (b), acquired exactly at From (d) and at To
# (f), lost exactly at To (h), acquired and lost in the month (e) or at
# one instant (k).
customers = [
    ["a", "2024-06-01", "", "", []],
    ["b", "2024-03-15", "2025-01-01", "", []],
    ["c", "2024-11-20", "2025-01-20", "2025-01-15", []],
    ["d", "2025-01-01", "", "", []],
    ["e", "2025-01-10", "2025-01-25", "", []],
    ["f", "2025-02-01", "", "", []],
    ["g", "2024-01-01", "2024-12-31", "", []],
    ["h", "2024-09-01", "2025-02-01", "2025-01-31", []],
    ["i", "2024-12-01", "2025-03-01", "2025-02-15", []],
    ["j", "2025-01-31T12:00", "", "", []],
    ["k", "2025-01-05", "2025-01-05", "", []],
]
# Contract terms: m renews every six months (in January), n's term ends
# in January with no end and no renewal recorded (open), o renewed a year
# ago and leaves after its January term end, p (acquired in January) has
# two-week terms and renews in January, then leaves after the period of
# its February term end, q leaves in January before its term end and r
# renews in January and leaves later in the month.
renewal_customers = [
    ["m", "2024-01-10", "", "2025-07-10", ["2024-07-10", "2025-01-10"]],
    ["n", "2024-07-20", "", "2025-01-20", []],
    ["o", "2023-12-05", "2025-01-10", "2025-01-05", ["2024-01-05"]],
    ["p", "2025-01-02", "2025-03-02", "2025-02-02", ["2025-01-16"]],
    ["q", "2024-02-01", "2025-01-03", "2025-01-31", ["2024-08-01"]],
    ["r", "2024-06-15", "2025-01-28", "2025-06-15", ["2024-12-15", "2025-01-15"]],
]


def flow(rows, frm, to):
    S = N = L = LN = due = renewed = lost_ren = open_ = 0
    exposure = timedelta(0)
    for _, s, e, ce, renewals in rows:
        s, e, ce = T(s), T(e), T(ce)
        # present at some point of [frm, to): acquired before to, not lost before frm
        if not (s < to and (e is None or e >= frm)):
            continue
        lost = e is not None and frm <= e < to
        if s < frm:
            S += 1
        else:
            N += 1
            LN += lost
        L += lost
        exposure += min(e or to, to) - max(s, frm)
        for r in renewals:
            if frm <= T(r) < to:
                due += 1
                renewed += 1
        if ce is not None and frm <= ce < to:
            due += 1
            if lost:
                lost_ren += 1
            elif e is not None:
                renewed += 1
            else:
                open_ += 1
    E = S + N - L
    days = exposure / timedelta(days=1)
    out = {"from": frm.isoformat(), "to": to.isoformat(), "n": len(rows), "start": S, "acquired": N, "lost": L,
           "lost_acquired": LN, "end": E, "renewals_due": due, "renewals_renewed": renewed,
           "renewals_lost": lost_ren, "renewals_open": open_, "exposure_days": days}
    rate = lambda num, den: float(Fraction(num, den)) if den else None
    out["rates"] = {
        "churn": rate(L, S), "retention": rate(E - N, S), "base_churn": rate(L - LN, S),
        "base_retention": rate(S - (L - LN), S), "average_churn": rate(2 * L, S + E),
        "daily_churn": L / days if days else None, "renewal_churn": rate(lost_ren, renewed + lost_ren),
        "growth": rate(E - S, S),
    }
    return out


january = flow(customers, T("2025-01-01"), T("2025-02-01"))
renewal_flows = [flow(renewal_customers, T(f), T(t)) for f, t in
                 (("2025-01-01", "2025-02-01"), ("2025-02-01", "2025-03-01"), ("2024-01-01", "2025-01-01"))]

compound = {
    "annual_from_monthly_5pct": 1 - (1 - 0.05) ** 12,
    "monthly_from_annual_30pct": 1 - (1 - 0.3) ** (1 / 12),
    "annual_from_monthly_1e-9": float(1 - (1 - Fraction(1, 10**9)) ** 12),
}

# Cohorts, monthly, as of 2025-03-10: size, then retained into month k.
as_of = T("2025-03-10")
month = lambda d: (d.year, d.month)


def month_start(y, m):
    return datetime(y + (m - 1) // 12, (m - 1) % 12 + 1, 1, tzinfo=timezone.utc)


rows = {}
for _, s, e, _, _ in customers:
    s, e = T(s), T(e)
    if s >= as_of:
        continue
    rows.setdefault(month(s), []).append(e)
ym = sorted(rows)
y, m = ym[0]
cohorts = []
while (y, m) <= ym[-1]:
    members = rows.get((y, m), [])
    cells = []
    k = 0
    while month_start(y, m + k) <= as_of:
        cells.append(sum(1 for e in members if e is None or e >= month_start(y, m + k)))
        k += 1
    cohorts.append({"label": f"{y}-{m:02d}", "size": len(members), "active": cells})
    y, m = (y, m + 1) if m < 12 else (y + 1, 1)

# Revenue movements Feb, Mar, Apr 2025; NRR and GRR of January against
# April and February. Amounts are booked on the 10th of the month.
mrr = [  # customer, month, amount (several lines add up)
    ["x", 1, "100"], ["x", 2, "120"], ["x", 3, "120"],
    ["y", 1, "50"], ["y", 2, "30"], ["y", 4, "40"],
    ["z", 2, "200"], ["z", 3, "150"], ["z", 4, "150.25"],
    ["w", 1, "10.10"], ["w", 1, "5.05"], ["w", 2, "15.15"], ["w", 3, "20"], ["w", 4, "20"],
]
ids = sorted({r[0] for r in mrr})
amt = lambda c, mo: sum((Decimal(a) for i, m2, a in mrr if i == c and m2 == mo), Decimal(0))
movements = []
for mo in (2, 3, 4):
    start = sum(amt(c, mo - 1) for c in ids)
    end = sum(amt(c, mo) for c in ids)
    new = sum(amt(c, mo) for c in ids if amt(c, mo - 1) == 0 and amt(c, mo) > 0 and all(amt(c, k) == 0 for k in range(1, mo)))
    res = sum(amt(c, mo) for c in ids if amt(c, mo - 1) == 0 and amt(c, mo) > 0 and any(amt(c, k) > 0 for k in range(1, mo)))
    exp = sum(amt(c, mo) - amt(c, mo - 1) for c in ids if 0 < amt(c, mo - 1) < amt(c, mo))
    con = sum(amt(c, mo - 1) - amt(c, mo) for c in ids if 0 < amt(c, mo) < amt(c, mo - 1))
    chu = sum(amt(c, mo - 1) for c in ids if amt(c, mo - 1) > 0 and amt(c, mo) == 0)
    count = lambda pred: sum(1 for c in ids if pred(c))
    lost = con + chu
    movements.append({
        "month": mo, "start": str(start), "new": str(new), "expansion": str(exp), "contraction": str(con),
        "churned": str(chu), "resurrected": str(res), "end": str(end),
        "start_customers": count(lambda c: amt(c, mo - 1) > 0), "end_customers": count(lambda c: amt(c, mo) > 0),
        "new_customers": count(lambda c: amt(c, mo - 1) == 0 and amt(c, mo) > 0 and all(amt(c, k) == 0 for k in range(1, mo))),
        "churned_customers": count(lambda c: amt(c, mo - 1) > 0 and amt(c, mo) == 0),
        "resurrected_customers": count(lambda c: amt(c, mo - 1) == 0 and amt(c, mo) > 0 and any(amt(c, k) > 0 for k in range(1, mo))),
        "quick_ratio": float(Fraction(new + exp + res) / Fraction(lost)) if lost else None,
    })
retention = []
for cur in (4, 2):
    base = [c for c in ids if amt(c, 1) > 0]
    s = sum(amt(c, 1) for c in base)
    nrr = Fraction(sum(amt(c, cur) for c in base)) / Fraction(s)
    grr = Fraction(sum(min(amt(c, 1), amt(c, cur)) for c in base)) / Fraction(s)
    retention.append({"base": 1, "current": cur, "nrr": float(nrr), "grr": float(grr),
                      "customers": len(base), "retained": sum(1 for c in base if amt(c, cur) > 0)})

write("rates.json", {
    "source": "Python 3 datetime, fractions and decimal, churn/testdata/reference.py",
    "customers": customers, "january": january,
    "renewal_customers": renewal_customers, "renewal_flows": renewal_flows,
    "compound": compound,
    "cohorts": {"as_of": "2025-03-10", "rows": cohorts},
    "revenue": {"rows": mrr, "january_total": str(sum(amt(c, 1) for c in ids)), "movements": movements, "retention": retention},
})
