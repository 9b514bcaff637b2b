#!/usr/bin/python3
"""Reference figures for examples/segment, independent of the Go code.

Run: /usr/bin/python3 examples/segment/testdata/reference.py > examples/segment/testdata/reference.json

The orders are main.go's, copied. Per customer as of 2024-12-31 (UTC days):
days since the last purchase, purchases, net amount, and the scores
1 + floor(5 * L / n) with L the customers strictly worse (numpy); the
default tiers (bronze, silver from 500, gold from 2000, premium from
10000) per half-year and the moves between them; the population Gini of
the amounts, the concentration curve at 20 % of customers and the fewest
customers making 80 % of revenue, in exact fractions.
"""
import datetime as dt
import json
from fractions import Fraction as F

import numpy as np

orders = [
    ("ann", 2, 3, "420.00"), ("ann", 4, 18, "310.00"), ("ann", 6, 2, "275.00"),
    ("ann", 9, 9, "890.00"), ("ann", 11, 28, "1020.00"), ("ann", 12, 20, "180.00"),
    ("bob", 1, 12, "1450.00"), ("bob", 5, 30, "950.00"), ("bob", 10, 2, "650.00"),
    ("cid", 3, 1, "6200.00"), ("cid", 6, 14, "6300.00"), ("cid", 9, 30, "5900.00"), ("cid", 12, 2, "5900.00"),
    ("dee", 3, 22, "180.00"),
    ("eve", 12, 27, "95.00"),
    ("fay", 4, 4, "60.00"), ("fay", 8, 15, "75.00"),
    ("gus", 2, 14, "420.00"), ("gus", 5, 5, "430.00"), ("gus", 8, 1, "450.00"), ("gus", 11, 11, "450.00"),
    ("hal", 1, 8, "30.00"), ("hal", 12, 12, "2100.00"),
    ("ida", 7, 19, "320.00"), ("ida", 10, 23, "220.00"),
    ("jon", 6, 21, "300.00"),
]
as_of = dt.date(2024, 12, 31)
ids = sorted({o[0] for o in orders})
last = {i: max(dt.date(2024, m, d) for c, m, d, _ in orders if c == i) for i in ids}
days = np.array([(as_of - last[i]).days for i in ids])
freq = np.array([sum(1 for o in orders if o[0] == i) for i in ids])
money = [sum(F(a) for c, _, _, a in orders if c == i) for i in ids]
n = len(ids)


def score(worse):
    return [1 + 5 * int(w) // n for w in worse]


r = score([(days > d).sum() for d in days])
f = score([(freq < q).sum() for q in freq])
m = score([sum(1 for y in money if y < x) for x in money])


def cuts(vals, sc, pick):
    """Cut j: the value at the edge of the scores >= j + 1 (segment's Scores)."""
    out = []
    for j in range(1, 5):
        reach = [v for v, x in zip(vals, sc) if x >= j + 1]
        if not reach:
            break
        out.append(pick(reach))
    return out


def segment_name(R, Fq):
    """The R x F map of segment.DefaultRules, as its documentation draws it."""
    if R == 5 and Fq >= 4: return "Champions"
    if R in (3, 4) and Fq >= 4: return "Loyal Customers"
    if R in (4, 5) and Fq in (2, 3): return "Potential Loyalist"
    if R == 5 and Fq == 1: return "New Customers"
    if R == 4 and Fq == 1: return "Promising"
    if R == 3 and Fq == 3: return "Need Attention"
    if R == 3 and Fq <= 2: return "About To Sleep"
    if R <= 2 and Fq in (3, 4): return "At Risk"
    if R <= 2 and Fq == 5: return "Can't Lose Them"
    if R == 2: return "Hibernating"
    return "Lost"


def tier(amount):
    for name, lo in (("premium", 10000), ("gold", 2000), ("silver", 500), ("bronze", 0)):
        if amount >= lo:
            return name


levels = ["bronze", "silver", "gold", "premium"]
half = lambda month: "H1" if month <= 6 else "H2"
spend = {h: {} for h in ("H1", "H2")}
for c, mo, _, a in orders:
    spend[half(mo)][c] = spend[half(mo)].get(c, F(0)) + F(a)
before = {c: tier(v) for c, v in spend["H1"].items()}
after = {c: tier(v) for c, v in spend["H2"].items()}
moves = {"up": 0, "down": 0, "stay": 0, "new": 0, "lost": 0}
events = []
for c in sorted(set(before) | set(after)):
    if c not in after:
        moves["lost"] += 1
        events.append([c, "lost", before[c], ""])
    elif c not in before:
        moves["new"] += 1
        events.append([c, "new", "", after[c]])
    else:
        i, j = levels.index(before[c]), levels.index(after[c])
        if i == j:
            moves["stay"] += 1
            continue
        kind = "upgrade" if j > i else "downgrade"
        moves["up" if j > i else "down"] += 1
        events.append([c, kind, before[c], after[c]])

T = sum(money)
gini = sum(abs(a - b) for a in money for b in money) / (2 * n * n * (T / n))
desc = sorted(money, reverse=True)
k = F(2, 10) * n
w = int(k)
top = (sum(desc[:w]) + (k - w) * desc[w]) / T
s, for80 = F(0), 0
while s < F(8, 10) * T:
    s += desc[for80]
    for80 += 1

print(json.dumps({
    "customers": [
        {"id": i, "days": int(days[x]), "purchases": int(freq[x]), "amount": str(money[x]), "score": f"{r[x]}{f[x]}{m[x]}",
         "segment": segment_name(r[x], f[x])}
        for x, i in enumerate(ids)
    ],
    "recency_cuts_days": cuts([int(d) for d in days], r, max),
    "frequency_cuts": cuts([int(q) for q in freq], f, min),
    "monetary_cuts": [str(c) for c in cuts(money, m, min)],
    "moves": moves,
    "events": events,
    "revenue": str(T),
    "top20_pct": float(100 * top),
    "for80": for80,
    "gini": float(gini),
}, indent=1))
