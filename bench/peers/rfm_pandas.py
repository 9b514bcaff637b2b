"""RFM with pandas: group by customer, then rank-based quantile scores.

Usage: rfm_pandas.py DATA_DIR REPS  -> one JSON line on stdout.

Scores follow rapport's tie rule: with n customers and L the number of
customers strictly worse on a dimension (more days since the last purchase,
fewer purchases, less money), score = 1 + floor(5 * L / n). Recency is in
whole UTC days before the as-of date 2026-01-01. The digest is sha256 of
"id,R,F,M" lines in id order.
"""
import hashlib, json, sys, time
import numpy as np
import pandas as pd

AS_OF_DAY = 1767225600 // 86400
data, reps = sys.argv[1], int(sys.argv[2])
tx = pd.read_csv(f"{data}/transactions.csv", dtype={"customer_id": str, "at": np.int64, "amount_cents": np.int64})

def rfm():
    g = tx.groupby("customer_id", sort=True).agg(last=("at", "max"), f=("at", "size"), m=("amount_cents", "sum"))
    n = len(g)
    days = AS_OF_DAY - g["last"] // 86400
    worse_r = n - days.rank(method="max").astype(np.int64)   # customers with more days
    worse_f = g["f"].rank(method="min").astype(np.int64) - 1  # customers with fewer purchases
    worse_m = g["m"].rank(method="min").astype(np.int64) - 1  # customers with less money
    return pd.DataFrame({"r": 1 + 5 * worse_r // n, "f": 1 + 5 * worse_f // n, "m": 1 + 5 * worse_m // n}, index=g.index)

out = rfm()
times = []
for _ in range(reps):
    t0 = time.perf_counter_ns()
    rfm()
    times.append(time.perf_counter_ns() - t0)
text = "".join(f"{i},{r},{f},{m}\n" for i, r, f, m in zip(out.index, out["r"], out["f"], out["m"]))
print(json.dumps({"task": "rfm", "ns": times, "digest": hashlib.sha256(text.encode()).hexdigest()}))
