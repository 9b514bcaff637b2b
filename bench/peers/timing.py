"""The measuring protocol every Python peer follows, as the Go workers do:
compute once (warm-up; its result gives the digest), then up to REPS timed
runs, stopping once they have taken BENCH_BUDGET_S seconds (at least one
runs; with BENCH_WARMUP=0 the first run is timed too, and so is a warm-up
that alone took the budget); print one JSON line
{"task", "ns", "digest"} on stdout, the digest the SHA-256 of the text."""
import hashlib, json, os, time


def measure(task, reps, compute, digest):
    budget = float(os.environ.get("BENCH_BUDGET_S", "20")) * 1e9
    times, spent = [], 0
    if os.environ.get("BENCH_WARMUP") == "0":  # the first run is timed too
        t0 = time.perf_counter_ns()
        out = compute()
        spent = time.perf_counter_ns() - t0
        times.append(spent)
    else:
        t0 = time.perf_counter_ns()
        out = compute()
        t = time.perf_counter_ns() - t0
        if t >= budget:  # a warm-up longer than the budget is the one timed run
            times.append(t)
            spent = t
    text = digest(out)
    if os.environ.get("BENCH_SHOW"):
        import sys
        print(text[:2000], file=sys.stderr)
    del out
    for i in range(len(times), reps):
        if i and spent >= budget:
            break
        t0 = time.perf_counter_ns()
        compute()
        t = time.perf_counter_ns() - t0
        times.append(t)
        spent += t
    print(json.dumps({"task": task, "ns": times, "digest": hashlib.sha256(text.encode()).hexdigest()}))
