#!/usr/bin/python3
"""RFM reference scores from pandas, independent of the Go code.

Run: /usr/bin/python3 segment/testdata/rfm_reference.py   (Debian pandas)

Writes, in segment/testdata:
  rfm_transactions.csv  customer_id,at,amount: seeded transactions, at in
                        Unix seconds before the as-of instant, amount a
                        decimal with cents, negative for a refund; many ties
                        in every dimension, some refund-only customers.
  rfm_pandas.csv        per scored customer (id order): whole UTC days since
                        the last purchase, purchases, net amount in cents,
                        and the R, F, M scores for 3, 5 and 9 bins.

Scores follow the tie rule of segment: with n scored customers (those with
a purchase) and L the number strictly worse on a dimension (more days,
fewer purchases, less money), score = 1 + floor(k * L / n), through pandas
rank (method "max" for recency, "min" for the others). Refunds lower the
net amount but are not purchases: they change neither frequency nor
recency. rfm_reference.R computes the same with R data.table and collapse.
"""
import os
import random

import numpy as np
import pandas as pd

AS_OF = 1735689600  # 2025-01-01T00:00:00Z
BINS = (3, 5, 9)
here = os.path.dirname(os.path.abspath(__file__))

rng = random.Random(20261202)
rows = []
for c in range(400):
    cid = f"c{c:03d}"
    for _ in range(1 + int(rng.paretovariate(1.3)) % 12):
        at = AS_OF - 1 - rng.randrange(400) * 86400 - rng.randrange(86400)
        cents = rng.choice([999, 1999, 2500, 4999, 10000]) * rng.choice([1, 1, 1, 2, 3])
        if c % 23 == 0 or rng.random() < 0.05:
            cents = -rng.choice([500, 999, 2500])  # a refund
        rows.append((cid, at, cents))
rng.shuffle(rows)


def decimal_text(cents):
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


with open(os.path.join(here, "rfm_transactions.csv"), "w") as f:
    f.write("customer_id,at,amount\n")
    for cid, at, cents in rows:
        f.write(f"{cid},{at},{decimal_text(cents)}\n")

tx = pd.read_csv(os.path.join(here, "rfm_transactions.csv"), dtype={"customer_id": str, "at": np.int64, "amount": str})
tx["cents"] = tx["amount"].str.replace(".", "", regex=False).astype(np.int64)
purchases = tx[tx["cents"] >= 0]
g = purchases.groupby("customer_id", sort=True).agg(last=("at", "max"), f=("at", "size"))
g["m"] = tx.groupby("customer_id")["cents"].sum().reindex(g.index)
n = len(g)
days = AS_OF // 86400 - g["last"] // 86400
worse_r = n - days.rank(method="max").astype(np.int64)  # customers with more days
worse_f = g["f"].rank(method="min").astype(np.int64) - 1  # fewer purchases
worse_m = g["m"].rank(method="min").astype(np.int64) - 1  # less money
out = pd.DataFrame({"recency_days": days, "frequency": g["f"], "monetary_cents": g["m"]}, index=g.index)
for k in BINS:
    out[f"r{k}"] = 1 + k * worse_r // n
    out[f"f{k}"] = 1 + k * worse_f // n
    out[f"m{k}"] = 1 + k * worse_m // n
out.index.name = "id"
out.to_csv(os.path.join(here, "rfm_pandas.csv"))
