"""Exact sum of the amounts with Python's decimal module.

Usage: sum.py DATA_DIR REPS  -> one JSON line on stdout. The amounts are
read as cents (untimed) and turned into Decimal values with two places; the
digest is sha256 of the sum with two decimals, as in Go.
"""
import decimal, sys
from timing import measure

data, reps = sys.argv[1], int(sys.argv[2])
with open(f"{data}/transactions.csv") as f:
    next(f)
    amounts = [decimal.Decimal(line.rsplit(",", 1)[1]).scaleb(-2) for line in f]

def total():
    return sum(amounts, decimal.Decimal(0))

measure("sum", reps, total, lambda s: f"{s:.2f}")
