package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// config is one run's choice of scales, tasks and repetitions.
type config struct {
	dir    string
	scales []int
	reps   int
	budget time.Duration
	quick  bool
	tasks  []string // empty: all
}

// measured is one implementation's results at every scale it ran.
type measured struct {
	impl impl
	at   map[int]result
}

// summaryRow is one line of the closing table.
type summaryRow struct {
	task, best              string
	path                    string // another rapport path than impls[0], or ""
	scale                   int
	ours, peer, floor       time.Duration
	oursCPU, peerCPU        time.Duration
	oursRSS, peerRSS        int64
	oursGrowth, peerGrowth  float64
	hasPeer, hasFloor, grow bool
}

func run(cfg config) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	// The bandwidth is measured in a process of its own: a child started
	// by this one inherits its peak RSS (Linux keeps the high-water mark
	// of the memory a vfork child shares until exec), so this process
	// stays small.
	out, err := exec.Command(self, "bandwidth").Output()
	if err != nil {
		return fmt.Errorf("measuring the bandwidth: %w", err)
	}
	bw, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		return fmt.Errorf("measuring the bandwidth: %w", err)
	}
	fmt.Printf("machine: %s; memory bandwidth (read) %.1f GB/s; load average %s\n", machine(), bw/1e9, loadAverage())
	fmt.Printf("scales: %v; median of up to %d timed runs after a warm-up, each implementation stopping after %v; one process per implementation and scale\n\n",
		cfg.scales, cfg.reps, cfg.budget)
	for _, name := range cfg.tasks {
		if !slices.ContainsFunc(tasks, func(t task) bool { return t.name == name }) {
			return fmt.Errorf("no task %q", name)
		}
	}
	// The tasks in the order -tasks names them, or all.
	chosen := tasks
	if len(cfg.tasks) > 0 {
		chosen = nil
		for _, name := range cfg.tasks {
			chosen = append(chosen, tasks[slices.IndexFunc(tasks, func(t task) bool { return t.name == name })])
		}
	}
	failed := false
	var summary []summaryRow
	for _, t := range chosen {
		fmt.Printf("== %s: %s\n", t.name, t.about)
		fmt.Printf("%-34s %11s %11s %11s %11s %9s %10s %10s   %s\n", "implementation", "n", "time", "run CPU", "process CPU", "peak RSS", "ours ÷ it", "(CPU)", "digest")
		scales := cfg.scales
		if t.fixed {
			scales = scales[:1]
		}
		results := make([]measured, len(t.impls))
		for i := range results {
			results[i] = measured{impl: t.impls[i], at: map[int]result{}}
		}
		var ran []int
		for _, n := range scales {
			if t.maxScale > 0 && n > t.maxScale {
				fmt.Printf("%-34s %11d skipped: the data do not fit in memory past %d\n", "(all)", n, t.maxScale)
				continue
			}
			d := newData(cfg.dir, n)
			if t.prepare != nil {
				// In a child, as the bandwidth: the generators' memory
				// would raise every later child's peak RSS.
				c := exec.Command(self, "prepare", t.name, cfg.dir, strconv.Itoa(n))
				c.Stdout, c.Stderr = os.Stderr, os.Stderr
				if err := c.Run(); err != nil {
					return fmt.Errorf("%s: preparing the data: %w", t.name, err)
				}
			}
			ran = append(ran, n)
			var ours result
			for i, im := range t.impls {
				switch {
				case im.maxScale > 0 && n > im.maxScale:
					fmt.Printf("%-34s %11d skipped past %d rows (memory or time)\n", im.name, n, im.maxScale)
					continue
				case cfg.quick && im.skipQuick:
					fmt.Printf("%-34s %11d skipped in -quick mode\n", im.name, n)
					continue
				case im.needs != "" && !installed(im.needs):
					fmt.Printf("%-34s %11d skipped: %s is not installed\n", im.name, n, im.needs)
					continue
				}
				cmd := im.cmd
				if im.fn != nil {
					cmd = []string{self, "worker", t.name, strconv.Itoa(i)}
				}
				res, err := measure(cmd, d, cfg, t.noWarmup)
				if err != nil {
					if i == 0 {
						return fmt.Errorf("%s: %s: %w", t.name, im.name, err)
					}
					fmt.Printf("%-34s %11d FAILED: %v\n", im.name, n, err)
					failed = true
					continue
				}
				res.Impl = im.name
				results[i].at[n] = res
				logResult(cfg.dir, t.name, n, res)
				verdict, rel, relCPU := "reference digest", "", ""
				if i == 0 {
					ours = res
				} else {
					verdict = "digest ok"
					if res.Digest != ours.Digest {
						verdict = fmt.Sprintf("DIGEST DIFFERS (%.12s vs ours %.12s)", res.Digest, ours.Digest)
						failed = true
					}
					rel = fmt.Sprintf("%.3g", ratio(ours.median(), res.median()))
					if res.cpu() > 0 && ours.cpu() > 0 {
						relCPU = fmt.Sprintf("%.3g", ratio(ours.cpu(), res.cpu()))
					}
				}
				fmt.Printf("%-34s %11d %11v %11v %11v %9s %10s %10s   %s\n", im.name, n, round(res.median()), round(res.cpu()), round(res.CPU), mb(res.RSS), rel, relCPU, verdict)
			}
			if b := t.bytes(d); b > 0 {
				floor := time.Duration(float64(b) / bw * 1e9)
				fmt.Printf("%-34s %11d %11v %11s %11s %9s %10.3g %10s   (%s streamed once at %.1f GB/s)\n", "floor", n, round(floor), "", "", "", ratio(ours.median(), floor), "", mb(b), bw/1e9)
			}
		}
		// Growth: the least-squares slope of log time on log n.
		if len(ran) >= 2 {
			for _, m := range results {
				if k, ok := growth(m.at); ok {
					fmt.Printf("%-34s time grows as n^%.2f from %d to %d\n", m.impl.name, k, ran[0], ran[len(ran)-1])
				}
			}
		}
		for _, n := range ran {
			for i, m := range results {
				if i > 0 && !m.impl.rapport {
					continue
				}
				row, ok := summarize(t, results, i, n, newData(cfg.dir, n), bw)
				if ok {
					summary = append(summary, row)
				}
			}
		}
		fmt.Println()
	}
	printSummary(summary)
	fmt.Printf("load average at the end: %s (the machine may be shared: wall times wait for the CPU, run CPU times do not)\n", loadAverage())
	if failed {
		return fmt.Errorf("a peer failed or disagreed")
	}
	return nil
}

// summarize finds the best peer of the task at scale n for rapport's
// implementation results[i] (impls[0], or another rapport path).
func summarize(t task, results []measured, i, n int, d *data, bw float64) (summaryRow, bool) {
	ours, ok := results[i].at[n]
	if !ok || ours.Digest != results[0].at[n].Digest {
		return summaryRow{}, false
	}
	row := summaryRow{task: t.name, scale: n, ours: ours.median(), oursRSS: ours.RSS, oursCPU: ours.cpu()}
	if i > 0 {
		row.path = results[i].impl.name
	}
	row.oursGrowth, row.grow = growth(results[i].at)
	for _, m := range results[1:] {
		r, ok := m.at[n]
		if !ok || m.impl.reference || m.impl.rapport || r.Digest != ours.Digest {
			continue
		}
		if !row.hasPeer || r.median() < row.peer {
			row.hasPeer, row.best, row.peer, row.peerRSS, row.peerCPU = true, m.impl.name, r.median(), r.RSS, r.cpu()
			row.peerGrowth, _ = growth(m.at)
		}
	}
	if b := t.bytes(d); b > 0 {
		row.hasFloor, row.floor = true, time.Duration(float64(b)/bw*1e9)
	}
	return row, true
}

func printSummary(rows []summaryRow) {
	if len(rows) == 0 {
		return
	}
	fmt.Println("== summary: rapport against the fastest peer that computed the same digest")
	fmt.Println("(ours ÷ peer in wall time, and in the CPU time of the runs; growth: the exponent of ours / of the peer)")
	fmt.Printf("%-14s %11s %11s %9s  %-34s %11s %9s %12s %8s %12s %14s\n", "task", "n", "rapport", "RSS", "best peer", "time", "RSS", "ours ÷ peer", "(CPU)", "ours ÷ floor", "growth")
	for _, r := range rows {
		peer, pt, prss, rel, relCPU := "(none)", "", "", "", ""
		if r.hasPeer {
			peer, pt, prss, rel = r.best, round(r.peer).String(), mb(r.peerRSS), fmt.Sprintf("%.3g", ratio(r.ours, r.peer))
			if r.oursCPU > 0 && r.peerCPU > 0 {
				relCPU = fmt.Sprintf("%.3g", ratio(r.oursCPU, r.peerCPU))
			}
		}
		fl := "compute"
		if r.hasFloor {
			fl = fmt.Sprintf("%.3g", ratio(r.ours, r.floor))
		}
		g := ""
		if r.grow {
			g = fmt.Sprintf("n^%.2f", r.oursGrowth)
			if r.hasPeer && r.peerGrowth != 0 {
				g += fmt.Sprintf("/n^%.2f", r.peerGrowth)
			}
		}
		path := ""
		if r.path != "" {
			path = "  (" + r.path + ")"
		}
		fmt.Printf("%-14s %11d %11v %9s  %-34s %11s %9s %12s %8s %12s %14s%s\n", r.task, r.scale, round(r.ours), mb(r.oursRSS), peer, pt, prss, rel, relCPU, fl, g, path)
	}
	fmt.Println()
}

// growth fits time ∝ n^k over the scales measured: the least-squares
// slope of log(median time) on log n. ok is false with fewer than two.
func growth(at map[int]result) (float64, bool) {
	var xs, ys []float64
	for n, r := range at {
		if len(r.NS) == 0 {
			continue
		}
		xs = append(xs, math.Log(float64(n)))
		ys = append(ys, math.Log(float64(r.median())))
	}
	if len(xs) < 2 {
		return 0, false
	}
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx /= float64(len(xs))
	my /= float64(len(xs))
	var sxy, sxx float64
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	if sxx == 0 {
		return 0, false
	}
	return sxy / sxx, true
}

// measure runs one implementation in a new process: cmd followed by the
// data directory and the repetitions, with the budget in BENCH_BUDGET_S
// (and BENCH_WARMUP=0 for a task without a warm-up run);
// it reads the first JSON result line of its output and the process's
// CPU time and peak RSS.
func measure(cmd []string, d *data, cfg config, noWarmup bool) (result, error) {
	args := append(cmd[1:len(cmd):len(cmd)], d.dir, strconv.Itoa(cfg.reps))
	c := exec.Command(cmd[0], args...)
	c.Env = append(os.Environ(), fmt.Sprintf("BENCH_BUDGET_S=%g", cfg.budget.Seconds()), fmt.Sprintf("BENCH_SCALE=%d", d.scale))
	if noWarmup {
		c.Env = append(c.Env, "BENCH_WARMUP=0")
	}
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 2000 {
			msg = "…" + msg[len(msg)-2000:]
		}
		return result{}, fmt.Errorf("%v: %s", err, msg)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r struct {
			Task   string  `json:"task"`
			NS     []int64 `json:"ns"`
			CPU    []int64 `json:"cpu_ns"`
			Digest string  `json:"digest"`
		}
		if json.Unmarshal(sc.Bytes(), &r) != nil || r.Digest == "" {
			continue
		}
		res := result{Task: r.Task, Digest: r.Digest}
		for _, ns := range r.NS {
			res.NS = append(res.NS, time.Duration(ns))
		}
		if len(r.CPU) == len(r.NS) {
			for _, ns := range r.CPU {
				res.CPUs = append(res.CPUs, time.Duration(ns))
			}
		}
		if len(res.NS) == 0 {
			return result{}, fmt.Errorf("no timings")
		}
		ru := c.ProcessState.SysUsage().(*syscall.Rusage)
		res.RSS = ru.Maxrss * 1024
		res.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		return res, nil
	}
	return result{}, fmt.Errorf("no result line in its output %q", out)
}

// worker is the Go side of a measurement: worker TASK IMPL DIR REPS runs
// the task's implementation number IMPL on the data in DIR (of the scale
// in BENCH_SCALE) and prints its result line.
func worker(args []string) int {
	if len(args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: worker TASK IMPL DIR REPS")
		return 2
	}
	budgetFromEnv()
	i, err1 := strconv.Atoi(args[1])
	reps, err2 := strconv.Atoi(args[3])
	scale, err3 := strconv.Atoi(os.Getenv("BENCH_SCALE"))
	ti := slices.IndexFunc(tasks, func(t task) bool { return t.name == args[0] })
	if err1 != nil || err2 != nil || err3 != nil || ti < 0 || i < 0 || i >= len(tasks[ti].impls) || tasks[ti].impls[i].fn == nil {
		fmt.Fprintln(os.Stderr, "worker: bad arguments", args)
		return 2
	}
	d := newData(filepath.Dir(args[2]), scale)
	if file := os.Getenv("BENCH_CPUPROFILE"); file != "" {
		// A CPU profile of the whole worker: the untimed load, the
		// warm-up and the timed runs.
		f, err := os.Create(file)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	res, err := tasks[ti].impls[i].fn(d, reps)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ns, cpu := make([]int64, len(res.NS)), make([]int64, len(res.CPUs))
	for j, t := range res.NS {
		ns[j] = t.Nanoseconds()
	}
	for j, t := range res.CPUs {
		cpu[j] = t.Nanoseconds()
	}
	out, _ := json.Marshal(map[string]any{"task": tasks[ti].name, "ns": ns, "cpu_ns": cpu, "digest": res.Digest})
	fmt.Println(string(out))
	return 0
}

func installed(command string) bool {
	_, err := exec.LookPath(command)
	return err == nil
}

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }

// round keeps three or four significant digits of a duration.
func round(t time.Duration) time.Duration {
	switch {
	case t >= 10*time.Second:
		return t.Round(10 * time.Millisecond)
	case t >= time.Second:
		return t.Round(time.Millisecond)
	case t >= 10*time.Millisecond:
		return t.Round(10 * time.Microsecond)
	case t >= time.Millisecond:
		return t.Round(time.Microsecond)
	default:
		return t.Round(100 * time.Nanosecond)
	}
}

// prepareWorker writes the input files of a task at a scale: prepare TASK
// ROOT SCALE.
func prepareWorker(args []string) int {
	ti := slices.IndexFunc(tasks, func(t task) bool { return len(args) == 3 && t.name == args[0] })
	n, err := strconv.Atoi(args[len(args)-1])
	if ti < 0 || err != nil {
		fmt.Fprintln(os.Stderr, "usage: prepare TASK ROOT SCALE")
		return 2
	}
	if err := tasks[ti].prepare(newData(args[1], n)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// logged is one line of the results log, $data/results.jsonl: every
// measurement of every run, so that growth can be fitted across runs made
// at different scales (-growth).
type logged struct {
	At     time.Time       `json:"at"`
	Load   string          `json:"load"`
	Task   string          `json:"task"`
	Impl   string          `json:"impl"`
	Scale  int             `json:"scale"`
	NS     []time.Duration `json:"ns"`
	CPU    []time.Duration `json:"cpu_ns"`
	RSS    int64           `json:"rss"`
	Digest string          `json:"digest"`
}

func logResult(dir, task string, n int, r result) {
	f, err := os.OpenFile(filepath.Join(dir, "results.jsonl"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench: results log:", err)
		return
	}
	defer f.Close()
	b, _ := json.Marshal(logged{time.Now().UTC(), loadAverage(), task, r.Impl, n, r.NS, r.CPUs, r.RSS, r.Digest})
	f.Write(append(b, '\n'))
}

// printGrowth fits the growth exponent of every task and implementation
// from the results log, over the latest measurement at each scale.
func printGrowth(dir string) error {
	raw, err := os.ReadFile(filepath.Join(dir, "results.jsonl"))
	if err != nil {
		return err
	}
	type key struct{ task, impl string }
	latest := map[key]map[int]logged{}
	var order []key
	for line := range strings.Lines(string(raw)) {
		var l logged
		if json.Unmarshal([]byte(line), &l) != nil || len(l.NS) == 0 {
			continue
		}
		k := key{l.Task, l.Impl}
		if latest[k] == nil {
			latest[k] = map[int]logged{}
			order = append(order, k)
		}
		latest[k][l.Scale] = l
	}
	fmt.Printf("%-14s %-34s %-40s %s\n", "task", "implementation", "median time at each scale", "growth")
	for _, k := range order {
		at := map[int]result{}
		var desc []string
		for _, n := range slices.Sorted(maps.Keys(latest[k])) {
			l := latest[k][n]
			at[n] = result{NS: l.NS}
			desc = append(desc, fmt.Sprintf("%s: %v", scaleName(n), round(medianOf(l.NS))))
		}
		g := ""
		if e, ok := growth(at); ok {
			g = fmt.Sprintf("n^%.2f", e)
		}
		fmt.Printf("%-14s %-34s %-40s %s\n", k.task, k.impl, strings.Join(desc, ", "), g)
	}
	return nil
}

func scaleName(n int) string {
	switch {
	case n%1_000_000 == 0:
		return fmt.Sprintf("%dM", n/1_000_000)
	case n%1000 == 0:
		return fmt.Sprintf("%dk", n/1000)
	}
	return strconv.Itoa(n)
}
