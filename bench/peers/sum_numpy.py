"""Sum of the amounts in cents with numpy (int64: exact while it fits).

Usage: sum_numpy.py DATA_DIR REPS  -> one JSON line on stdout; the digest
is sha256 of the sum with two decimals, as in Go.
"""
import hashlib, json, sys, time
import numpy as np

data, reps = sys.argv[1], int(sys.argv[2])
cents = np.loadtxt(f"{data}/transactions.csv", delimiter=",", skiprows=1, usecols=2, dtype=np.int64)
s = int(cents.sum())
times = []
for _ in range(reps):
    t0 = time.perf_counter_ns()
    cents.sum()
    times.append(time.perf_counter_ns() - t0)
text = f"{s // 100}.{s % 100:02d}"
print(json.dumps({"task": "sum", "ns": times, "digest": hashlib.sha256(text.encode()).hexdigest()}))
