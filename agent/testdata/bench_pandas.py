#!/usr/bin/env python3
"""Peer timing for BenchmarkTallyOf10M / BenchmarkTallyBy10M: the same 10M
intervals of 1,000 agents (5 minutes apart, 4 min + agent%60 s long, the
same 16-state cycle) as pandas columns, then what TallyBy by agent does:
the overlap check (sort by agent and start, compare with the previous
end) and the time per agent and state, contacts, occupancy and AHT per
agent. Generation is not timed. Prints wall and CPU seconds per step.

Run: /usr/bin/python3 bench_pandas.py   (Debian python3-pandas 1.5)
"""
import time
import numpy as np
import pandas as pd

N, AGENTS = 10_000_000, 1000
mix = np.array([1, 2, 3, 2, 3, 1, 4, 2, 3, 5, 2, 6, 1, 2, 3, 7], dtype=np.int8)
i = np.arange(N, dtype=np.int64)
a, k = i % AGENTS, i // AGENTS
state = mix[(k + a) % len(mix)]
start = k * 300 * 10**9
end = start + (240 + a % 60) * 10**9
contacts = np.where(state == 2, 1 + a % 3, 0).astype(np.int8)
df = pd.DataFrame({"agent": pd.Categorical(a), "state": state, "start": start, "end": end, "contacts": contacts})
del i, a, k, state, start, end, contacts

t0, c0 = time.perf_counter(), time.process_time()
s = df.sort_values(["agent", "start"], kind="stable")
prev_end = s.groupby("agent", observed=True)["end"].shift()
overlaps = int((s.start < prev_end).sum())
t1, c1 = time.perf_counter(), time.process_time()
df["ns"] = df.end - df.start
per = df.groupby(["agent", "state"], observed=True).ns.sum().unstack(fill_value=0)
c = df.groupby("agent", observed=True).contacts.sum()
handling = per[2] + per[3]
occupancy = handling / (handling + per[1])
aht = handling / c
t2, c2 = time.perf_counter(), time.process_time()
assert overlaps == 0 and len(occupancy) == AGENTS and aht.notna().all()
print(f"overlap check: {t1 - t0:.2f} s wall, {c1 - c0:.2f} s CPU")
print(f"aggregate:     {t2 - t1:.2f} s wall, {c2 - c1:.2f} s CPU")
print(f"total:         {t2 - t0:.2f} s wall, {c2 - c0:.2f} s CPU = {(c2 - c0) / N * 1e9:.0f} ns CPU per interval")
