#!/usr/bin/env python3
"""Reference values of the dashboard's service-level trend, computed from
the sample's contacts.csv with the standard library only, independently of
rapport: for each month of 2025, the inbound phone calls and chats answered
or abandoned (the live queues' offered contacts), those answered within
20 s (waits kept to the second, rounded up), the share in percent with its
95 % Wilson interval, and the two-sided p-value of the pooled two-sample
z-test against the month before (R's prop.test(correct = FALSE)).

    python3 testdata/service_level.py > testdata/service_level.json
"""
import csv
import json
import math
import os
from datetime import datetime

Z = 1.959963984540054  # the 97.5 % quantile of the normal distribution


def parse(t):
    return datetime.fromisoformat(t.replace("Z", "+00:00"))


def wilson(k, n):
    p = k / n
    d = 1 + Z * Z / n
    centre = (p + Z * Z / (2 * n)) / d
    half = Z / d * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return 100 * (centre - half), 100 * (centre + half)


def z_test(k1, n1, k2, n2):
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return None
    z = (k2 / n2 - k1 / n1) / se
    return math.erfc(abs(z) / math.sqrt(2))


here = os.path.dirname(os.path.abspath(__file__))
counts = {}
with open(os.path.join(here, "..", "data", "contacts.csv"), newline="") as f:
    for row in csv.DictReader(f):
        if row["direction"] != "inbound" or row["channel"] not in ("phone", "chat"):
            continue
        if row["outcome"] not in ("answered", "abandoned"):
            continue
        arrived = parse(row["arrived"])
        if arrived.year != 2025:
            continue
        month = arrived.strftime("%Y-%m")
        k, n = counts.get(month, (0, 0))
        n += 1
        if row["outcome"] == "answered":
            wait = (parse(row["answered"]) - arrived).total_seconds()
            if math.ceil(wait) <= 20:
                k += 1
        counts[month] = (k, n)

out, prev = [], None
for month in sorted(counts):
    k, n = counts[month]
    lo, hi = wilson(k, n)
    rec = {"month": month, "within": k, "offered": n, "pct": 100 * k / n, "lo_pct": lo, "hi_pct": hi, "p_value": None}
    if prev is not None:
        rec["p_value"] = z_test(prev[0], prev[1], k, n)
    out.append(rec)
    prev = (k, n)
print(json.dumps(out, indent=1))
