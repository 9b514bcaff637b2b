"""Sum of the amounts in cents with numpy (int64: exact while it fits).

Usage: sum_numpy.py DATA_DIR REPS  -> one JSON line on stdout; the digest
is sha256 of the sum with two decimals, as in Go.
"""
import sys
import numpy as np
from timing import measure

data, reps = sys.argv[1], int(sys.argv[2])
cents = np.loadtxt(f"{data}/transactions.csv", delimiter=",", skiprows=1, usecols=2, dtype=np.int64)


def total():
    s = int(cents.sum())
    return f"{s // 100}.{s % 100:02d}"


measure("sum", reps, total, lambda text: text)
