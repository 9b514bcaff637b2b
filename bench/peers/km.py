"""Kaplan–Meier survival of customer lifetimes in whole days, with
statsmodels or plain numpy.

Usage: km.py statsmodels|numpy DATA_DIR REPS -> one JSON line.
The customers (id,start,end in Unix seconds, end empty while active) are
loaded untimed; timed: the lifetimes as of 2026-01-01 (lost when the end
is before it, censored at it otherwise, customers starting at or after it
left out), floored to whole days as churn.SurvivalOf(…, 24h) does, then
the curve: statsmodels' SurvfuncRight, or numpy's bincount of events and
lifetimes per day with a reversed cumulative sum for those at risk and
a cumulative product. The digest is the Go program's (survival.go): n,
events, the median (the first time S ≤ 0.5) and S at 90, 365 and 730 days.
"""
import sys
import numpy as np
import pandas as pd
from timing import measure

mode, data, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
ASOF = 1767225600
df = pd.read_csv(f"{data}/customers.csv", dtype={"id": str, "start": np.int64, "end": np.float64})
start = df["start"].to_numpy()
end = df["end"].fillna(np.inf).to_numpy()


def lifetimes():
    keep = start < ASOF
    s, e = start[keep], end[keep]
    lost = e < ASOF
    stop = np.where(lost, e, ASOF).astype(np.int64)
    return (stop - s) // 86400, lost


def km_numpy():
    days, lost = lifetimes()
    total = np.bincount(days)
    events = np.bincount(days, weights=lost).astype(np.int64)
    at_risk = np.cumsum(total[::-1])[::-1]
    t = np.flatnonzero(events)
    surv = np.cumprod(1 - events[t] / at_risk[t])
    return len(days), int(events.sum()), t, surv


def km_statsmodels():
    from statsmodels.duration.survfunc import SurvfuncRight
    days, lost = lifetimes()
    sf = SurvfuncRight(days, lost.astype(np.int64))
    return len(days), int(lost.sum()), sf.surv_times, sf.surv_prob


def digest(r):
    n, events, t, surv = r

    def at(day):
        i = np.searchsorted(t, day, side="right")
        return 1.0 if i == 0 else float(surv[i - 1])

    below = np.flatnonzero(surv <= 0.5)
    median = "none" if len(below) == 0 else f"{float(t[below[0]]):.1f}"
    return f"n={n} events={events} median_days={median} s90={at(90):.6f} s365={at(365):.6f} s730={at(730):.6f}"


if mode == "statsmodels":
    import statsmodels.duration.survfunc  # imported before the timing
measure("km", reps, km_statsmodels if mode == "statsmodels" else km_numpy, digest)
