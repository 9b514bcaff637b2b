#!/usr/bin/python3
"""Reference values for package ticket, computed independently of the Go code.

Run: /usr/bin/python3 reference.py   (Debian python3-pandas 1.5.3, numpy 1.24)
It writes tickets.csv, a seeded sample in the columns of a Zendesk ticket
export, and golden.json, what pandas computes from it:

- first reply and full resolution times in minutes (calendar time), and in
  the business hours of the "office" calendar (Europe/Paris, Monday to
  Friday 09:00-12:00 and 13:00-17:30, holidays 2026-11-11, 2026-12-25,
  2027-01-01) counted on a one-minute grid of UTC instants converted with
  pandas' tz_convert (open minutes by cumulative sum, no walking of days);
- counts, exact means, nearest-rank percentiles (the ceil(p*n)-th smallest,
  with integer arithmetic);
- one-touch rate (solved with Replies == 1 over solved with Replies known),
  reopen rate (solved with Reopens >= 1 over solved with Reopens known);
- per priority with a target: tickets, replied, solved, and breaches (time
  strictly over the target, calendar or business as the target says);
- the backlog at three instants: tickets created at or before it and not
  solved by it, their ages (mean, percentiles, oldest) and age bands.

Zendesk definitions: "First reply time", "Full resolution time", "One-touch
tickets", "Reopens" (support.zendesk.com, Explore ticket metrics).
"""
import json
import numpy as np
import pandas as pd

rng = np.random.default_rng(14)
N = 3000
TZ = "Europe/Paris"
HOLIDAYS = ["2026-11-11", "2026-12-25", "2027-01-01"]
SPANS = [(9 * 60, 12 * 60), (13 * 60, 17 * 60 + 30)]
TARGETS = {  # priority: (first reply min, resolution min, business)
    "urgent": (60, 240, False),
    "high": (240, 480, True),
    "normal": (120, 0, True),
}
PRIORITIES = ["urgent", "high", "normal", "low", ""]

t0 = pd.Timestamp("2026-10-01", tz="UTC")
created = t0 + pd.to_timedelta(rng.integers(0, 180 * 1440, N), unit="min")
replied = rng.random(N) < 0.85
reply_min = np.ceil(rng.exponential(300, N)).astype(int)
solved = rng.random(N) < 0.7
res_min = np.maximum(np.ceil(rng.exponential(2500, N)).astype(int), np.where(replied, reply_min, 0))
replies = np.where(replied, 1 + rng.integers(0, 3, N) * rng.integers(0, 2, N), 0)
replies_known = rng.random(N) < 0.9
reopens = np.where(solved, rng.integers(0, 2, N) * rng.integers(0, 3, N), 0)
reopens_known = rng.random(N) < 0.9
prio = np.array(PRIORITIES)[rng.integers(0, len(PRIORITIES), N)]
via = np.array(["email", "web", ""])[rng.integers(0, 3, N)]

fmt = "%Y-%m-%d %H:%M:%S"
df = pd.DataFrame({
    "Id": np.arange(1, N + 1),
    "Via": via,
    "Priority": prio,
    "Group": np.array(["Support", "Billing"])[rng.integers(0, 2, N)],
    "Assignee": np.array(["ana", "bo", "cy"])[rng.integers(0, 3, N)],
    "Created at": created.strftime(fmt),
    "Solved at": np.where(solved, (created + pd.to_timedelta(res_min, unit="min")).strftime(fmt), ""),
    "Replies": np.where(replies_known, replies.astype(str), ""),
    "Reopens": np.where(reopens_known & solved, reopens.astype(str), np.where(solved, "", "0")),
    "First reply time in minutes": np.where(replied, reply_min.astype(str), ""),
})
df.to_csv("tickets.csv", index=False)

# Business minutes: cumulative open minutes on a UTC minute grid.
grid = pd.date_range(t0, t0 + pd.Timedelta(days=400), freq="min", tz="UTC")
local = grid.tz_convert(TZ)
minute = local.hour * 60 + local.minute
inspan = np.zeros(len(grid), bool)
for lo, hi in SPANS:
    inspan |= (minute >= lo) & (minute < hi)
open_ = inspan & (local.weekday < 5) & ~np.isin(local.strftime("%Y-%m-%d"), HOLIDAYS)
cum = np.concatenate([[0], np.cumsum(open_)])
idx = lambda ts: ((ts - t0) / pd.Timedelta(minutes=1)).astype(int)
ci = idx(created)
biz_reply = cum[ci + reply_min] - cum[ci]
biz_res = cum[ci + res_min] - cum[ci]


def rank_value(values, pct):
    v = np.sort(values)
    n = len(v)
    if n == 0:
        return None
    r = max(-(-n * pct // 100), 1)
    return int(v[r - 1])


def times(minutes):
    m = np.asarray(minutes, dtype=np.int64)
    if len(m) == 0:
        return {"n": 0, "mean_seconds": None, "p50_seconds": None, "p90_seconds": None, "p95_seconds": None}
    return {"n": len(m), "mean_seconds": float(m.sum() * 60) / len(m),
            "p50_seconds": 60 * rank_value(m, 50), "p90_seconds": 60 * rank_value(m, 90),
            "p95_seconds": 60 * rank_value(m, 95)}


def share(a, b):
    return None if b == 0 else 100.0 * a / b


sla = []
for p in sorted(TARGETS):
    fr, rs, biz = TARGETS[p]
    mine = prio == p
    r_time = biz_reply if biz else reply_min
    s_time = biz_res if biz else res_min
    rep, sol = mine & replied, mine & solved
    rb = int((rep & (r_time > fr)).sum()) if fr else 0
    sb = int((sol & (s_time > rs)).sum()) if rs else 0
    sla.append({"priority": p, "business": biz, "tickets": int(mine.sum()),
                "replied": int(rep.sum()), "first_reply_breached": rb,
                "first_reply_breach_pct": share(rb, rep.sum()) if fr else None,
                "solved": int(sol.sum()), "resolution_breached": sb,
                "resolution_breach_pct": share(sb, sol.sum()) if rs else None})

known_r = solved & replies_known
known_o = solved & reopens_known
golden = {
    "n": N, "replied": int(replied.sum()), "solved": int(solved.sum()),
    "first_reply": times(reply_min[replied]), "resolution": times(res_min[solved]),
    "business_first_reply": times(biz_reply[replied]), "business_resolution": times(biz_res[solved]),
    "one_touch_pct": share(int((known_r & (replies == 1)).sum()), int(known_r.sum())),
    "reopen_pct": share(int((known_o & (reopens > 0)).sum()), int(known_o.sum())),
    "sla": sla, "backlog": [],
}

solved_at = created + pd.to_timedelta(np.where(solved, res_min, 10**8), unit="min")
for at in ("2026-12-01T00:00:00Z", "2027-02-15T12:00:00Z", "2027-06-01T00:00:00Z"):
    a = pd.Timestamp(at)
    is_open = (created <= a) & (solved_at > a)
    age = ((a - created[is_open]) / pd.Timedelta(minutes=1)).astype(int).to_numpy()
    bands = [0, 1, 3, 7, 30, None]
    counts = []
    for lo, hi in zip(bands, bands[1:]):
        sel = age >= lo * 1440
        if hi is not None:
            sel &= age < hi * 1440
        counts.append(int(sel.sum()))
    golden["backlog"].append({"at": at, "open": int(is_open.sum()), "age": times(age),
                              "oldest_seconds": 60 * int(age.max()) if len(age) else None,
                              "bands": counts})

with open("golden.json", "w") as f:
    json.dump(golden, f, indent=1)
