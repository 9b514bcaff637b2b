"""RFM with pandas: group by customer, then rank-based quantile scores.

Usage: rfm_pandas.py kernel|csv DATA_DIR REPS  -> one JSON line on stdout.

kernel: transactions.csv (customer_id,at,amount_cents) loaded untimed with
the ids as a categorical column (pandas' fast idiom: groupby on the codes,
not on strings); csv: shop.csv (customer_id,at,amount with RFC 3339 times
and euro amounts, refunds negative) read and parsed in the timed part, the
ids read straight into a categorical. Refunds lower the net amount but are
not purchases; a customer with none is not scored.

Scores follow rapport's tie rule: with n customers and L the number of
customers strictly worse on a dimension (more days since the last purchase,
fewer purchases, less money), score = 1 + floor(5 * L / n). Recency is in
whole UTC days before the as-of date 2026-01-01. The digest is "id,R,F,M"
lines in id order.
"""
import sys
import numpy as np
import pandas as pd
from timing import measure

AS_OF_DAY = 1767225600 // 86400
mode, data, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])


def score(g):
    n = len(g)
    days = AS_OF_DAY - g["last"] // 86400
    worse_r = n - days.rank(method="max").astype(np.int64)   # customers with more days
    worse_f = g["f"].rank(method="min").astype(np.int64) - 1  # customers with fewer purchases
    worse_m = g["m"].rank(method="min").astype(np.int64) - 1  # customers with less money
    return pd.DataFrame({"r": 1 + 5 * worse_r // n, "f": 1 + 5 * worse_f // n, "m": 1 + 5 * worse_m // n}, index=g.index)


def kernel(tx):
    g = tx.groupby("customer_id", observed=True, sort=False).agg(last=("at", "max"), f=("at", "size"), m=("amount_cents", "sum"))
    return score(g)


def from_csv():
    tx = pd.read_csv(f"{data}/shop.csv", dtype={"customer_id": "category", "at": str, "amount": np.float64})
    at = pd.to_datetime(tx["at"], format="%Y-%m-%dT%H:%M:%SZ").to_numpy().astype("datetime64[s]").astype(np.int64)
    cents = np.rint(tx["amount"].to_numpy() * 100).astype(np.int64)
    buy = cents > 0
    df = pd.DataFrame({"customer_id": tx["customer_id"], "at": np.where(buy, at, np.iinfo(np.int64).min), "buy": buy, "cents": cents})
    g = df.groupby("customer_id", observed=True, sort=False).agg(last=("at", "max"), f=("buy", "sum"), m=("cents", "sum"))
    return score(g[g["f"] > 0])


def digest(out):
    out = out.loc[sorted(out.index.astype(str))]
    return "".join(f"{i},{r},{f},{m}\n" for i, r, f, m in zip(out.index, out["r"], out["f"], out["m"]))


if mode == "csv":
    measure("csv-rfm", reps, from_csv, digest)
else:
    tx = pd.read_csv(f"{data}/transactions.csv", dtype={"customer_id": "category", "at": np.int64, "amount_cents": np.int64})
    measure("rfm", reps, lambda: kernel(tx), digest)
