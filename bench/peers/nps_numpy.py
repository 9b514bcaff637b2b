"""NPS tally with numpy: validate the range, then bincount.

Usage: nps_numpy.py DATA_DIR REPS  -> one JSON line on stdout.
The digest is sha256 of the eleven counts joined by commas, as in Go.
"""
import hashlib, json, sys, time
import numpy as np

data, reps = sys.argv[1], int(sys.argv[2])
scores = np.fromfile(f"{data}/scores.u8", dtype=np.uint8)

def tally():
    if scores.max(initial=0) > 10:
        raise SystemExit("score out of range")
    return np.bincount(scores, minlength=11)

counts = tally()
times = []
for _ in range(reps):
    t0 = time.perf_counter_ns()
    tally()
    times.append(time.perf_counter_ns() - t0)
digest = hashlib.sha256(",".join(str(int(c)) for c in counts).encode()).hexdigest()
print(json.dumps({"task": "nps", "ns": times, "digest": digest}))
