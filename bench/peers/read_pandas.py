"""pandas read_csv as a peer of rapport's readers.

Usage: read_pandas.py KIND FILE  -> one JSON line on stdout.

Loads a CSV file into a DataFrame with the times parsed (the load is
timed), then computes the digest of the loaded data (untimed): for
transactions "rows,sum of Unix seconds,sum of cents,distinct customers",
for contacts "rows,sum of arrival seconds,sum of talk seconds,sum of cost
cents,answered". Amounts are read as float64 and rounded to cents, exact
for these two-decimal amounts.
"""
import json, sys, time
import numpy as np
import pandas as pd

kind, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter_ns()
if kind == "transactions":
    df = pd.read_csv(path, dtype={"customer_id": str, "amount": np.float64}, parse_dates=["at"])
else:
    df = pd.read_csv(path, parse_dates=["arrived", "answered", "ended"],
                     dtype={"id": str, "customer_id": str, "reason": str, "channel": str, "direction": str, "agent": str,
                            "talk_s": np.int64, "hold_s": np.int64, "wrap_s": np.int64, "outcome": str,
                            "value_added": str, "cost": np.float64})
ns = time.perf_counter_ns() - t0

def seconds(col):
    return int((col.astype("int64") // 10**9).sum())

if kind == "transactions":
    cents = int(np.rint(df["amount"].to_numpy() * 100).astype(np.int64).sum())
    digest = f"{len(df)},{seconds(df['at'])},{cents},{df['customer_id'].nunique()}"
else:
    cents = int(np.rint(df["cost"].to_numpy() * 100).astype(np.int64).sum())
    digest = f"{len(df)},{seconds(df['arrived'])},{int(df['talk_s'].sum())},{cents},{int(df['answered'].notna().sum())}"
print(json.dumps({"ns": ns, "digest": digest}))
