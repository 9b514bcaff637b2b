#!/usr/bin/python3
"""Reference values for package hours, computed independently of the Go code.

Run: /usr/bin/python3 reference.py > golden.json   (Debian python3-pandas 1.5.3, numpy 1.24)

The "office" calendar, in Europe/Paris: Monday to Friday 09:00-12:00 and
13:00-17:30; holidays 2026-11-11, 2026-12-25, 2027-01-01; exception
2026-12-24 open 09:00-12:00 only. The "always" calendar: every day
00:00-24:00 in Europe/Paris.

- between: open minutes of [a, b) by brute force on a one-minute grid of
  UTC instants, each converted to Paris wall-clock time with pandas'
  tz_convert and tested against the opening hours (no walking of days);
  random a, b over 2026-10-01..2027-04-30, which holds both changes of
  the clocks (2026-10-25, 2027-03-28).
- busdays: open time between local midnights = numpy.busday_count with the
  weekmask and holidays x 7.5 h (ranges avoiding the 24 December exception).
- add: a + n business hours with pandas.offsets.CustomBusinessHour on naive
  wall-clock times (same weekmask, spans and holidays; starts not in the
  week of the exception, hours 08:00-18:00 away from the clock changes).
"""
import json
import numpy as np
import pandas as pd

TZ = "Europe/Paris"
HOLIDAYS = ["2026-11-11", "2026-12-25", "2027-01-01"]
SPANS = [(9 * 60, 12 * 60), (13 * 60, 17 * 60 + 30)]
EXCEPTION = ("2026-12-24", [(9 * 60, 12 * 60)])
rng = np.random.default_rng(20261202)


def office_open(local):
    """Boolean mask of open minutes for tz-aware local DatetimeIndex."""
    minute = local.hour * 60 + local.minute
    dates = local.strftime("%Y-%m-%d")
    weekday = local.weekday < 5
    inspan = np.zeros(len(local), bool)
    for lo, hi in SPANS:
        inspan |= (minute >= lo) & (minute < hi)
    exc = np.zeros(len(local), bool)
    for lo, hi in EXCEPTION[1]:
        exc |= (minute >= lo) & (minute < hi)
    is_exc = dates == EXCEPTION[0]
    hol = np.isin(dates, HOLIDAYS)
    return np.where(is_exc, exc, weekday & inspan & ~hol)


def minutes_open(a, b, cal):
    grid = pd.date_range(a, b, freq="min", inclusive="left", tz="UTC")
    if cal == "always":
        return len(grid)
    return int(office_open(grid.tz_convert(TZ)).sum())


start = pd.Timestamp("2026-10-01", tz=TZ).tz_convert("UTC")
end = pd.Timestamp("2027-04-30", tz=TZ).tz_convert("UTC")
span_min = int((end - start) / pd.Timedelta(minutes=1))
between = []
for cal in ("office", "always"):
    for _ in range(150):
        a = start + pd.Timedelta(minutes=int(rng.integers(0, span_min - 20000)))
        b = a + pd.Timedelta(minutes=int(rng.integers(0, 15000)))
        between.append({"calendar": cal, "a": a.isoformat(), "b": b.isoformat(),
                        "open_seconds": 60 * minutes_open(a, b, cal)})
# the two days the clocks change, whole: 23 h and 25 h
for d0, d1 in (("2026-10-25", "2026-10-26"), ("2027-03-28", "2027-03-29")):
    a, b = pd.Timestamp(d0, tz=TZ).tz_convert("UTC"), pd.Timestamp(d1, tz=TZ).tz_convert("UTC")
    between.append({"calendar": "always", "a": a.isoformat(), "b": b.isoformat(),
                    "open_seconds": 60 * minutes_open(a, b, "always")})

busdays = []
for d0, d1 in (("2026-11-02", "2026-11-16"), ("2026-12-28", "2027-01-11"),
               ("2026-10-01", "2026-12-01"), ("2027-01-04", "2027-04-30"), ("2026-12-25", "2026-12-26")):
    n = int(np.busday_count(d0, d1, weekmask="1111100", holidays=HOLIDAYS))
    busdays.append({"a": d0, "b": d1, "busdays": n, "open_seconds": n * 27000})

cbh = pd.offsets.CustomBusinessHour(start=["09:00", "13:00"], end=["12:00", "17:30"],
                                    weekmask="Mon Tue Wed Thu Fri", holidays=HOLIDAYS)
add = []
days = pd.date_range("2026-10-01", "2027-04-20", freq="D")
while len(add) < 150:
    d = days[int(rng.integers(0, len(days)))]
    if pd.Timestamp("2026-12-14") <= d <= pd.Timestamp("2026-12-31") or \
       pd.Timestamp("2026-10-19") <= d <= pd.Timestamp("2026-10-26") or \
       pd.Timestamp("2027-03-22") <= d <= pd.Timestamp("2027-03-29"):
        continue
    a = d + pd.Timedelta(minutes=int(rng.integers(8 * 60, 18 * 60)))
    n = int(rng.integers(1, 40))
    got = a + cbh * n
    if pd.Timestamp("2026-12-14") <= got <= pd.Timestamp("2026-12-31") or \
       pd.Timestamp("2026-10-24") <= got <= pd.Timestamp("2026-10-26") or \
       pd.Timestamp("2027-03-27") <= got <= pd.Timestamp("2027-03-29"):
        continue
    add.append({"a": a.strftime("%Y-%m-%dT%H:%M"), "hours": n, "want": got.strftime("%Y-%m-%dT%H:%M")})

print(json.dumps({"between": between, "busdays": busdays, "add": add}, indent=1))
