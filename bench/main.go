// Command bench measures rapport against the tools users would pick
// instead, on the same seeded data, and prints ratios: ours ÷ peer and
// ours ÷ the physical floor (the time to stream the task's input once at the
// machine's measured memory bandwidth). It fails if any implementation's
// result digest differs from ours, or if a runner fails.
//
//	./run            # CI sizes (one tenth)
//	./run -full      # full sizes
//
// See README.md for the tasks, peers and the latest results.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// sizes are the input sizes of one run.
type sizes struct {
	Scores       int // NPS scores
	Transactions int // RFM transactions and decimal amounts
	Customers    int // distinct customers among the transactions
}

var (
	ciSizes   = sizes{Scores: 1_000_000, Transactions: 1_000_000, Customers: 100_000}
	fullSizes = sizes{Scores: 10_000_000, Transactions: 10_000_000, Customers: 1_000_000}
)

// result is one implementation's measurement of one task.
type result struct {
	Task   string          `json:"task"`
	Impl   string          `json:"impl"`
	NS     []time.Duration `json:"ns"`
	Digest string          `json:"digest"`
}

func (r result) median() time.Duration {
	t := slices.Clone(r.NS)
	slices.Sort(t)
	return t[len(t)/2]
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "read-worker" {
		os.Exit(readWorker(os.Args[2:]))
	}
	read := flag.Bool("read", false, "measure the CSV readers instead (1M and 10M rows, against DuckDB and pandas)")
	full := flag.Bool("full", false, "full sizes (10M scores, 10M transactions, 1M customers)")
	reps := flag.Int("reps", 7, "timed repetitions per implementation (the median is reported)")
	dir := flag.String("data", filepath.Join(os.TempDir(), "rapport-bench"), "directory for the generated data")
	flag.Parse()
	if *read {
		if err := runRead(*dir, min(*reps, 3), readSizes); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	sz := ciSizes
	if *full {
		sz = fullSizes
	}
	if err := run(*dir, sz, *reps); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(dir string, sz sizes, reps int) error {
	d, err := prepare(filepath.Join(dir, fmt.Sprintf("%d-%d", sz.Scores, sz.Transactions)), sz)
	if err != nil {
		return err
	}
	bw := bandwidth(reps)
	fmt.Printf("machine: %s; memory bandwidth (read) %.1f GB/s\n", machine(), bw/1e9)
	fmt.Printf("sizes: %d scores, %d transactions over %d customers; median of %d runs\n\n", sz.Scores, sz.Transactions, sz.Customers, reps)

	failed := false
	for _, t := range tasks {
		ours, err := t.ours(d, reps)
		if err != nil {
			return fmt.Errorf("%s: rapport: %w", t.name, err)
		}
		if b := t.bytes(d); b > 0 {
			floor := time.Duration(float64(b) / bw * 1e9)
			fmt.Printf("%-12s %-26s %12v   ours ÷ floor %6.2f   (floor %v)\n", t.name, "rapport", ours.median(), ratio(ours.median(), floor), floor)
		} else {
			fmt.Printf("%-12s %-26s %12v   (compute-bound: no memory floor)\n", t.name, "rapport", ours.median())
		}
		for _, p := range t.peers {
			got, err := p.run(d, reps)
			if err != nil {
				fmt.Printf("%-12s %-26s FAILED: %v\n", t.name, p.impl, err)
				failed = true
				continue
			}
			verdict := "digest ok"
			if got.Digest != ours.Digest {
				verdict = fmt.Sprintf("DIGEST DIFFERS (%.12s vs ours %.12s)", got.Digest, ours.Digest)
				failed = true
			}
			r := ratio(ours.median(), got.median())
			fmt.Printf("%-12s %-26s %12v   ours ÷ peer  %6.3g   (%.3g× %s)   %s\n", t.name, p.impl, got.median(), r, math.Max(r, 1/r), map[bool]string{true: "faster", false: "slower"}[r < 1], verdict)
		}
		fmt.Println()
	}
	if failed {
		return fmt.Errorf("a peer failed or disagreed")
	}
	return nil
}

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }

// machine describes the machine the run measured.
func machine() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s, %d CPUs, %s", host, numCPU(), goVersion())
}
