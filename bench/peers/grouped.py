"""NPS counts per day of answer (1000 days), as numpy and pandas users
write them.

Usage: grouped.py numpy|pandas DATA_DIR REPS -> one JSON line.
numpy: range checks, then one bincount of day*16 + score. pandas: the day
as a categorical column, then groupby(day, score).size(). The digest is
"day:c0,…,c10" lines in day order for the days with an answer, as in Go.
"""
import sys
import numpy as np
import pandas as pd
from timing import measure

mode, data, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
scores = np.fromfile(f"{data}/scores.u8", dtype=np.uint8)
days = np.fromfile(f"{data}/days.u16", dtype="<u2")
DAYS = 1000


def check():
    if scores.max(initial=0) > 10 or days.max(initial=0) >= DAYS:
        raise SystemExit("response out of range")


def numpy_counts():
    check()
    return np.bincount(days.astype(np.int64) * 16 + scores, minlength=DAYS * 16).reshape(DAYS, 16)[:, :11]


df = pd.DataFrame({"day": pd.Categorical(days, categories=range(DAYS)), "score": scores})


def pandas_counts():
    check()
    s = df.groupby(["day", "score"], observed=True).size()
    out = np.zeros((DAYS, 11), dtype=np.int64)
    out[s.index.get_level_values(0).astype(np.int64), s.index.get_level_values(1).astype(np.int64)] = s.to_numpy()
    return out


def digest(c):
    return "".join(f"{d}:" + ",".join(str(int(v)) for v in c[d]) + "\n" for d in range(DAYS) if c[d].sum() > 0)


measure("nps-grouped", reps, numpy_counts if mode == "numpy" else pandas_counts, digest)
