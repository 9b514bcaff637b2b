"""The measuring protocol every Python peer follows, as the Go workers do:
compute once (warm-up; its result gives the digest), then up to REPS timed
runs, stopping once they have taken BENCH_BUDGET_S seconds (at least one
runs; with BENCH_WARMUP=0 the first run is timed too, and so is a warm-up
that alone took the budget); print one JSON line
{"task", "ns", "cpu_ns", "digest"} on stdout (wall and CPU times of the
timed runs), the digest the SHA-256 of the text."""
import hashlib, json, os, time


def measure(task, reps, compute, digest):
    budget = float(os.environ.get("BENCH_BUDGET_S", "20")) * 1e9
    times, cpus, spent = [], [], 0
    t0, c0 = time.perf_counter_ns(), time.process_time_ns()
    out = compute()
    t, c = time.perf_counter_ns() - t0, time.process_time_ns() - c0
    # With BENCH_WARMUP=0 the first run is timed too; so is a warm-up
    # longer than the budget, the one timed run.
    if os.environ.get("BENCH_WARMUP") == "0" or t >= budget:
        times.append(t)
        cpus.append(c)
        spent = t
    text = digest(out)
    if os.environ.get("BENCH_SHOW"):
        import sys
        print(text[:2000], file=sys.stderr)
    del out
    for i in range(len(times), reps):
        if i and spent >= budget:
            break
        t0, c0 = time.perf_counter_ns(), time.process_time_ns()
        compute()
        t = time.perf_counter_ns() - t0
        times.append(t)
        cpus.append(time.process_time_ns() - c0)
        spent += t
    print(json.dumps({"task": task, "ns": times, "cpu_ns": cpus, "digest": hashlib.sha256(text.encode()).hexdigest()}))
