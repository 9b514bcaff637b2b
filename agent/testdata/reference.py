#!/usr/bin/env python3
"""Reference values for package agent, computed with pandas independently of
the Go code.

It generates a seeded week of agent-state intervals and schedules for 12
agents in two teams (intervals.csv, schedule.csv: the files the Go test
reads through agent.Reader), then computes with pandas, for every agent,
team, day and the whole centre: the time in each state, occupancy,
utilization, measured shrinkage (planned, unplanned), contacts, AHT,
contacts per logged-in hour, FTE at 8 h per FTE, and the spread of the
agents' AHTs (mean, sample SD, linear 10/50/90th percentiles, numpy's
default); and each agent's and team's schedule adherence and conformance
by intersecting every actual interval with every planned one (a cross
join on the agent, not the Go code's binary search). It writes golden.json.

Definitions (package doc): handling = on-contact + after-contact-work;
logged-in = every state but absence and offline; scheduled = logged-in +
absence; occupancy = handling / (handling + available); utilization =
handling / logged-in; open share = (handling + available) / logged-in;
shrinkage = (break + training + meeting + absence) /
scheduled; AHT = handling / contacts when every on-contact interval
carries its count; adherence = time in the planned state (available,
on-contact and ACW meet one another) / planned work time; conformance =
logged-in time / planned work time.

Run: /usr/bin/python3 reference.py   (Debian python3-pandas 1.5, numpy 1.24)
"""
import json
import numpy as np
import pandas as pd

rng = np.random.default_rng(20260302)
STATES = ["available", "on-contact", "after-contact-work", "break", "training", "meeting", "absence", "offline"]
# The CSV spells states as exports do, to read them through the aliases.
SPELLING = {"available": ["Available", "Idle"], "on-contact": ["Interacting", "On a Call"],
            "after-contact-work": ["After Call Work", "ACW"], "break": ["Break", "Meal"],
            "training": ["Training"], "meeting": ["Meeting"], "absence": ["Sick", "Absence"],
            "offline": ["Offline"]}
AGENTS = [f"a{i:02d}" for i in range(1, 13)]
TEAM = {a: ("north" if i < 6 else "south") for i, a in enumerate(AGENTS)}
DAYS = pd.date_range("2026-03-02", periods=5, freq="D", tz="UTC")
S = pd.Timedelta(seconds=1)

plans, acts = [], []
for a in AGENTS:
    for d in DAYS:
        start = d + pd.Timedelta(hours=7) + int(rng.integers(0, 13)) * pd.Timedelta(minutes=15)
        segs = [("available", 120), ("break", 15), ("available", 105), ("break", 60),
                (str(rng.choice(["training", "meeting"])), 60), ("available", 135)]
        t, bounds = start, []
        for st, m in segs:
            bounds.append((st, t, t + pd.Timedelta(minutes=m)))
            t += pd.Timedelta(minutes=m)
        plans += [(a, st, s0, s1) for st, s0, s1 in bounds]
        end = bounds[-1][2]
        if rng.random() < 0.05:  # sick all day
            acts.append((a, "absence", start, end, None))
            continue
        late = int(rng.integers(-300, 1201)) * S
        if late > pd.Timedelta(0):
            acts.append((a, "absence", start, start + late, None))
        edges = [start + late] + [b[2] + int(rng.integers(-180, 301)) * S for b in bounds[:-1]] \
            + [end + int(rng.integers(-600, 1801)) * S]
        for (st, _, _), lo, hi in zip(bounds, edges, edges[1:]):
            if st == "available":
                t = lo
                while t < hi:
                    s = str(rng.choice(["available", "on-contact", "after-contact-work"], p=[0.35, 0.45, 0.2]))
                    u = min(hi, t + int(rng.integers(30, 901)) * S)
                    c = int(rng.integers(1, 5)) if s == "on-contact" else None
                    if s == "on-contact" and a == "a12" and d == DAYS[-1] and rng.random() < 0.3:
                        c = None  # an export without the count: a12's AHT is unknown
                    acts.append((a, s, t, u, c))
                    t = u
            else:
                if rng.random() < 0.1:
                    st = "meeting" if st != "meeting" else "available"
                acts.append((a, st, lo, hi, None))
        if rng.random() < 0.5:
            acts.append((a, "offline", edges[-1], edges[-1] + int(rng.integers(3600, 10801)) * S, None))

act = pd.DataFrame(acts, columns=["agent", "state", "start", "end", "contacts"])
plan = pd.DataFrame(plans, columns=["agent", "state", "start", "end"])
act["team"] = act.agent.map(TEAM)
act["day"] = act.start.dt.strftime("%Y-%m-%d")
act["ns"] = (act.end - act.start).astype("int64")

# The files, in the order of time within each agent, agents interleaved by
# start; durations in a column the reader ignores when the end is given.
out = act.sort_values(["start", "agent"], kind="stable").copy()
out["status"] = [SPELLING[s][i % len(SPELLING[s])] for i, s in enumerate(out.state)]
fmt = "%Y-%m-%dT%H:%M:%SZ"
csv = pd.DataFrame({"Agent Name": out.agent, "Status": out.status, "Start": out.start.dt.strftime(fmt),
                    "End": out.end.dt.strftime(fmt), "Duration": out.ns // 10**9,
                    "Contacts": out.contacts.astype("Int64"), "Team": out.team})
csv.to_csv("intervals.csv", index=False)
plan.assign(start=plan.start.dt.strftime(fmt), end=plan.end.dt.strftime(fmt)).to_csv("schedule.csv", index=False)

HANDLING = {"on-contact", "after-contact-work"}
LOGGED_IN = set(STATES) - {"absence", "offline"}
PLANNED = {"break", "training", "meeting"}
PER_FTE = 8 * 3600


def none_if_nan(x):
    return None if x is None or (isinstance(x, float) and np.isnan(x)) else float(x)


def figures(g):
    ns = g.groupby("state").ns.sum().reindex(STATES, fill_value=0).astype(float)
    sec = ns / 1e9
    handling = sec[list(HANDLING)].sum()
    logged = sec[list(LOGGED_IN)].sum()
    sched = logged + sec["absence"]

    def ratio(a, b):
        return a / b if b > 0 else None

    oc = g[g.state == "on-contact"]
    contacts = int(oc.contacts.fillna(0).sum())
    counted = oc.contacts.notna().all() and contacts > 0
    per_agent = []
    for _, ga in g.groupby("agent"):
        oca = ga[ga.state == "on-contact"]
        ca = oca.contacts.fillna(0).sum()
        if oca.contacts.notna().all() and ca > 0:
            per_agent.append(ga[ga.state.isin(HANDLING)].ns.sum() / 1e9 / ca)
    spread = pd.Series(per_agent, dtype=float)
    return {
        "n": len(g), "agents": int(g.agent.nunique()),
        "seconds": {s: float(sec[s]) for s in STATES}, "logged_in_seconds": float(logged),
        "occupancy": ratio(handling, handling + sec["available"]), "utilization": ratio(handling, logged),
        "open_share": ratio(handling + sec["available"], logged),
        "shrinkage": ratio(sec[list(PLANNED)].sum() + sec["absence"], sched),
        "planned_shrinkage": ratio(sec[list(PLANNED)].sum(), sched), "unplanned_shrinkage": ratio(sec["absence"], sched),
        "contacts": contacts, "aht_seconds": handling / contacts if counted else None,
        "contacts_per_hour": contacts / (logged / 3600) if counted and logged > 0 else None,
        "fte": logged / PER_FTE,
        "spread": {"agents": len(spread),
                   "mean_seconds": none_if_nan(spread.mean()) if len(spread) else None,
                   "sd_seconds": none_if_nan(spread.std(ddof=1)) if len(spread) > 1 else None,
                   **{f"p{int(q * 100)}_seconds": (float(spread.quantile(q)) if len(spread) else None) for q in (0.1, 0.5, 0.9)}},
    }


groups = [{"by": "all", "key": "", **figures(act)}]
for by in ["agent", "team", "day"]:
    for k, g in act.groupby(by):
        groups.append({"by": by, "key": k, **figures(g)})

# Adherence: every actual interval against every planned one of its agent.
x = act.merge(plan, on="agent", suffixes=("", "_plan"))
x["overlap"] = (np.minimum(x.end, x.end_plan) - np.maximum(x.start, x.start_plan)).clip(lower=pd.Timedelta(0))
open_ = {"available"} | HANDLING
meets = np.where(x.state_plan.isin(open_), x.state.isin(open_), x.state == x.state_plan)
meets &= x.state_plan.isin(LOGGED_IN) & x.state.isin(LOGGED_IN)
x = x[meets]
in_adh = x.groupby("agent").overlap.sum().dt.total_seconds()
plan["ns"] = (plan.end - plan.start).astype("int64")
scheduled = plan[plan.state.isin(LOGGED_IN)].groupby("agent").ns.sum() / 1e9
worked = act[act.state.isin(LOGGED_IN)].groupby("agent").ns.sum() / 1e9
adh = pd.DataFrame({"scheduled": scheduled, "in_adherence": in_adh, "worked": worked}).fillna(0.0)
adh["team"] = adh.index.map(TEAM)
adherence = []
for name, r in list(adh.iterrows()) + list(adh.groupby("team")[["scheduled", "in_adherence", "worked"]].sum().iterrows()):
    adherence.append({"key": name, "scheduled_seconds": r.scheduled, "in_adherence_seconds": r.in_adherence,
                      "worked_seconds": r.worked, "adherence": r.in_adherence / r.scheduled,
                      "conformance": r.worked / r.scheduled})

with open("golden.json", "w") as f:
    json.dump({"source": "testdata/reference.py, pandas " + pd.__version__ + ", numpy " + np.__version__,
               "per_fte_seconds": PER_FTE, "team": TEAM, "groups": groups, "adherence": adherence}, f, indent=1)
print(len(act), "intervals,", len(plan), "planned;", len(groups), "groups,", len(adherence), "adherence vectors")
