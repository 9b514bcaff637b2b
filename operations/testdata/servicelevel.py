#!/usr/bin/python3
"""Reference values for the service-level definitions and the interval
service-level quality, independent of the Go code.

Run: /usr/bin/python3 operations/testdata/servicelevel.py   (Debian python3-pandas 1.5, python3-numpy)

It draws a seeded day of contacts and writes, next to this script:

  servicelevel_contacts.txt  id channel outcome arrived_ms wait_ms end_ms
                             (times in ms after 09:00 UTC; wait_ms is −1 unless
                             answered, end_ms −1 when unknown)
  servicelevel.txt           the golden rows the test reads:
    sl    scope width_min interval def T_s S_s met base      (met/base −1: undefined;
          scope all, timed (all but the abandons without an end time) or interval)
  servicelevel_quality.txt   the interval service-level quality:
    q     def share T_s S_s width_min intervals measured met empty untimed

The service level of each definition is computed straight from the
definitions with pandas, on the contacts' exact times: a wait is within T
when wait_ms ≤ 1000·T (no histogram, no rounding), a short abandon when
end_ms − arrived_ms ≤ 1000·S. The live queue is inbound Phone and Chat.

  answered            W / answered
  queued              W / (answered + abandoned)
  no-short-abandons   W / (answered + abandoned − abandoned within S)
  offered             W / (answered + abandoned + unreached)
  offered-no-short-abandons
                      W / (answered + abandoned + unreached − abandoned within S)
  abandons-positive   (W + abandoned within T) / (answered + abandoned)

no-short-abandons, offered-no-short-abandons and abandons-positive need
every abandon's end time: an abandon without one makes them undefined (−1). An interval meets a target when met/base ≥ share,
compared exactly with Python's fractions on the share as typed; intervals
with base 0 are empty, those undefined untimed.
"""
import os
from fractions import Fraction

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261202)

rows = []


def add(channel, outcome, arrived_ms, wait_ms=-1, end_ms=-1):
    rows.append(dict(id=f"c{len(rows) + 1}", channel=channel, outcome=outcome,
                     arrived_ms=int(arrived_ms), wait_ms=int(wait_ms), end_ms=int(end_ms)))


# Eight hours of random traffic, busier in the middle of the day.
for minute in range(0, 8 * 60):
    for _ in range(rng.poisson(0.5 + 1.5 * np.sin(np.pi * minute / 480))):
        arrived = minute * 60_000 + int(rng.integers(0, 60_000))
        channel = rng.choice(["phone", "phone", "phone", "chat", "email", "chatbot"])
        if channel == "email":
            add("email", "answered", arrived, int(rng.integers(60_000, 20 * 3_600_000)))
            continue
        if channel == "chatbot":
            add("chatbot", "deflected", arrived)
            continue
        u = rng.random()
        if u < 0.78:
            # waits in ms, many on whole seconds (the edge cases of ⌈w/1 s⌉)
            wait = int(rng.exponential(14_000))
            if rng.random() < 0.3:
                wait = 1000 * (wait // 1000)
            add(channel, "answered", arrived, wait, arrived + wait + int(rng.integers(60_000, 600_000)))
        elif u < 0.92:
            patience = int(rng.exponential(25_000))
            if rng.random() < 0.3:
                patience = 1000 * (patience // 1000)
            add(channel, "abandoned", arrived, end_ms=arrived + patience)
        elif u < 0.96:
            add(channel, "unreached", arrived)
        else:
            add(channel, "busy", arrived)

# Hand-placed intervals, after the random day (from 17:00):
# 17:00–17:30, exactly 80 % by every definition with abandons in the base:
# 8 of 10 answered within 20 s (the 8th at exactly 20 s), 0 abandons.
base = 8 * 3_600_000
for i, w in enumerate([0, 1_000, 5_000, 12_000, 19_999, 19_000, 20_000, 20_000, 20_001, 45_000]):
    add("phone", "answered", base + i * 60_000, w)
# 17:30–18:00: only e-mails and a closed call, no live-queue contact.
add("email", "answered", base + 31 * 60_000, 3_600_000)
add("phone", "closed", base + 32 * 60_000)
# 18:00–18:30: an abandon without an end time (undefined where needed).
add("phone", "answered", base + 61 * 60_000, 3_000)
add("phone", "abandoned", base + 62 * 60_000)
add("chat", "abandoned", base + 63 * 60_000, end_ms=base + 63 * 60_000 + 4_000)
# 18:30–19:00: 57 % exactly, 4 of 7 (a share that is not a binary fraction).
for i, w in enumerate([2_000, 3_000, 4_000, 5_000, 30_000, 40_000, 50_000]):
    add("chat", "answered", base + 91 * 60_000 + i * 1_000, w)

df = pd.DataFrame(rows)
df.to_csv(os.path.join(HERE, "servicelevel_contacts.txt"), sep=" ", index=False, header=True)

DEFS = ["answered", "queued", "no-short-abandons", "offered", "offered-no-short-abandons", "abandons-positive"]


def counts(g, d, T, S):
    """met, base of definition d on the contacts g, or (−1, −1)."""
    q = g[g.channel.isin(["phone", "chat"])]
    ans = q[q.outcome == "answered"]
    ab = q[q.outcome == "abandoned"]
    W = int((ans.wait_ms <= 1000 * T).sum())
    untimed = bool((ab.end_ms < 0).any())
    dur = ab.end_ms - ab.arrived_ms
    if d == "answered":
        return W, len(ans)
    if d == "queued":
        return W, len(ans) + len(ab)
    if d == "offered":
        return W, len(ans) + len(ab) + int((q.outcome == "unreached").sum())
    if untimed:
        return -1, -1
    if d == "no-short-abandons":
        return W, len(ans) + len(ab) - int((dur <= 1000 * S).sum())
    if d == "offered-no-short-abandons":
        flow_outs = int((q.outcome == "unreached").sum())
        return W, len(ans) + len(ab) + flow_outs - int((dur <= 1000 * S).sum())
    if d == "abandons-positive":
        return W + int((dur <= 1000 * T).sum()), len(ans) + len(ab)
    raise ValueError(d)


THRESHOLDS = [(20, 5), (30, 10), (20, 20), (0, 0), (600, 30)]
WIDTHS = [15, 30, 60]
TARGETS = [("queued", "0.8"), ("answered", "0.8"), ("no-short-abandons", "0.8"), ("offered", "0.75"), ("offered-no-short-abandons", "0.7"),
           ("abandons-positive", "0.9"), ("queued", "0.57"), ("answered", "1"), ("offered", "0.5")]

out = ["# generated by servicelevel.py; do not edit",
       "# sl scope width_min interval def T_s S_s met base"]
qout = ["# generated by servicelevel.py; do not edit",
        "# q def share T_s S_s width_min intervals measured met empty untimed"]
timed = df[~((df.outcome == "abandoned") & (df.end_ms < 0))]  # scope "timed": without the untimed abandons
for T, S in THRESHOLDS:
    for scope, g in [("all", df), ("timed", timed)]:
        for d in DEFS:
            met, b = counts(g, d, T, S)
            out.append(f"sl {scope} 0 0 {d} {T} {S} {met} {b}")
for width in WIDTHS:
    df["interval"] = df.arrived_ms // (width * 60_000)
    groups = dict(tuple(df.groupby("interval")))
    for T, S in THRESHOLDS[:2]:
        for k, g in groups.items():
            for d in DEFS:
                met, b = counts(g, d, T, S)
                out.append(f"sl interval {width} {k} {d} {T} {S} {met} {b}")
    for d, share in TARGETS:
        for T, S in [(20, 5), (30, 10)]:
            s = Fraction(share)
            n = measured = met_n = empty = untimed = 0
            for g in groups.values():
                n += 1
                met, b = counts(g, d, T, S)
                if met < 0:
                    untimed += 1
                elif b == 0:
                    empty += 1
                else:
                    measured += 1
                    met_n += Fraction(met, b) >= s
            qout.append(f"q {d} {share} {T} {S} {width} {n} {measured} {met_n} {empty} {untimed}")

for name, lines in [("servicelevel.txt", out), ("servicelevel_quality.txt", qout)]:
    with open(os.path.join(HERE, name), "w") as f:
        f.write("\n".join(lines) + "\n")
