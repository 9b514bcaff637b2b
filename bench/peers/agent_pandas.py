"""The agent task (../agent.go) with pandas, as agent/testdata/bench_pandas.py
writes it: a categorical agent column, times as int64 seconds; the overlap
check by a stable sort of (agent, start) and a comparison with the previous
end in the agent's group (groupby.shift), then the seconds per agent and
state (groupby + unstack), the contacts and the OnContact intervals without
a count per agent; occupancy, utilization, shrinkage and AHT from those.

Usage: agent_pandas.py DATA_DIR REPS -> one JSON line. The digest is
agentDigest's text.
"""
import sys
import numpy as np
import pandas as pd
from timing import measure

data, reps = sys.argv[1], int(sys.argv[2])
STATES = ["available", "on-contact", "after-contact-work", "break", "training", "meeting", "absence", "offline"]

df = pd.read_csv(f"{data}/agents.csv", dtype={"agent": "category", "state": pd.CategoricalDtype(STATES),
                                              "start": np.int64, "end": np.int64, "contacts": np.int64})


def compute(df):
    s = df.sort_values(["agent", "start"], kind="stable")
    prev_end = s.groupby("agent", observed=True)["end"].shift()
    overlaps = int((s["start"] < prev_end).sum())
    secs = (df["end"] - df["start"]).groupby([df["agent"], df["state"]], observed=False).sum().unstack(fill_value=0)
    contacts = df.groupby("agent", observed=False)["contacts"].sum()
    uncounted = ((df["state"] == "on-contact") & (df["contacts"] == 0)).groupby(df["agent"], observed=False).sum()
    return overlaps, secs, contacts, uncounted


def mean_ns(s, n):
    return (2 * s * 10**9 + n) // (2 * n)


def digest(r):
    overlaps, secs, contacts, uncounted = r
    out = [f"overlaps={overlaps}\n"]
    share = lambda a, b: "none" if b == 0 else f"{a / b:.9f}"
    for agent in sorted(secs.index):
        v = [int(secs.at[agent, st]) for st in STATES]
        av, oc, acw, brk, tr, mt, ab, off = v
        c, u = int(contacts[agent]), int(uncounted[agent])
        handling, logged = oc + acw, av + oc + acw + brk + tr + mt
        aht = str(mean_ns(handling, c)) if c > 0 and u == 0 else "none"
        out.append(f"{agent},{','.join(map(str, v))},{c},{share(handling, handling + av)},{share(handling, logged)},"
                   f"{share(brk + tr + mt + ab, logged + ab)},{aht}\n")
    return "".join(out)


measure("agent", reps, lambda: compute(df), digest)
