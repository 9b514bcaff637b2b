#!/usr/bin/python3
"""Reference values for internal/histogram, computed independently of the Go code.

Run: python3 reference.py   (Python 3.11 standard library only)
It writes golden.json from the definition of the bins, not from their bit
arithmetic: the upper edges are listed by walking the widths (1 unit up to
512, then 2^(e-8) units across each doubling (2^e, 2^(e+1)], e >= 9), and a
value's bin is the first edge at or above it (bisect). For seeded durations
in nanoseconds and both units (s, min) it records:

- the bins and edges of hand-picked and random unit counts;
- the count within each limit T (units: ceil(d/unit) <= T, only for T on
  a bin edge, where the histogram is exact);
- nearest-rank quantiles: the ceil(p*n)-th smallest duration (the first
  for p = 0), p read as the decimal Python's repr prints (the shortest
  that round-trips, as Go's strconv 'g' -1), as the upper edge of its bin
  times the unit, capped at 2^63 - 1 ns;
- the exact sum and the mean rounded half up to the nanosecond.
"""
import bisect
import json
import random
from fractions import Fraction
from math import ceil

MAX_NS = 2**63 - 1


def upper_edges(limit):
    """Upper edges of the bins, in units, up to the first one >= limit
    (Bin and Edges hold for up to 2^63 units, far past any duration)."""
    edges = list(range(0, 513))  # bin v holds v (bin 0 holds 0)
    e = 9
    while edges[-1] < limit:
        width = 2 ** (e - 8)
        for _ in range(256):
            edges.append(edges[-1] + width)
        e += 1
    return edges


EDGES = upper_edges(2**64)


def bin_of(v):
    return bisect.bisect_left(EDGES, v)


def units(d_ns, unit_ns):
    return -(-d_ns // unit_ns)


rng = random.Random(20261202)
cases = []
for unit_name, unit_ns in (("second", 10**9), ("minute", 60 * 10**9)):
    ds = []
    for _ in range(1500):
        u = rng.randrange(2 ** rng.randrange(1, 22))
        d = u * unit_ns - (rng.randrange(unit_ns) if rng.random() < 0.5 else 0)
        ds.append(max(d, 0))
    ds.sort()
    n = len(ds)
    vs = [units(d, unit_ns) for d in ds]
    limits = sorted({EDGES[b] for b in range(0, bin_of(2**22))} | {600, 1800, 3600, 4320, 15840})
    limits = [t for t in limits if EDGES[bin_of(t)] == t]
    within = [[t, bisect.bisect_right(vs, t)] for t in limits[::7]]
    quantiles = []
    for p in (0, 1e-25, 0.035, 0.1, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1):
        rank = max(ceil(Fraction(repr(p)) * n), 1)
        hi = EDGES[bin_of(vs[rank - 1])]
        quantiles.append({"p": p, "ns": min(hi * unit_ns, MAX_NS)})
    s = sum(ds)
    cases.append({
        "unit_ns": unit_ns,
        "name": unit_name,
        "durations_ns": ds,
        "within": within,
        "quantiles": quantiles,
        "sum_ns": str(s),
        "mean_ns": (2 * s + n) // (2 * n),
    })

picked = [0, 1, 2, 511, 512, 513, 514, 515, 1023, 1024, 1025, 1028, 1029, 2048, 2049, 4097,
          10**6, 2**33, 2**33 + 1, 9223372037, 153722868, 2**40 + 12345, 2**63 - 1, 2**63]
picked += [rng.randrange(2 ** rng.randrange(1, 64)) for _ in range(300)]
bins = [[v, bin_of(v), EDGES[bin_of(v) - 1] if bin_of(v) > 0 else 0, EDGES[bin_of(v)]] for v in picked]

with open("golden.json", "w") as f:
    json.dump({
        "source": "internal/histogram/testdata/reference.py (bins by walking their widths, bisect; Fraction ranks)",
        "bins": bins,
        "max_bin": {"second": bin_of(units(MAX_NS, 10**9)), "minute": bin_of(units(MAX_NS, 60 * 10**9))},
        "cases": cases,
    }, f, separators=(",", ":"))
    f.write("\n")
