// Command bench measures rapport against the tools users would pick
// instead, on the same seeded data, and prints ratios: ours ÷ the best
// peer and ours ÷ the physical floor (the time to stream the task's input
// once at the machine's measured memory bandwidth). Every implementation
// runs in a process of its own, so that its peak RSS is its own; it fails
// if any implementation's result digest differs from ours, or if one fails.
//
//	./run -quick     every task at 100k rows, short budgets (for CI)
//	./run            every task at 1M rows
//	./run -full      1M and 10M rows, and how the time grows with n
//	./run -full -huge  adds 100M rows where the data fit in memory
//
// See README.md for the tasks, peers and the latest results.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// sizes are the input sizes of one run, all derived from its scale n.
type sizes struct {
	Scores       int // NPS scores (and grouped responses)
	Transactions int // RFM transactions and decimal amounts
	Customers    int // distinct customers among the transactions; BG/NBD customers
	Contacts     int // contacts of the contact-centre tasks
	Lifetimes    int // customers of the survival task
}

// sizesOf returns the sizes of scale n: n rows of every kind, over n/10
// customers.
func sizesOf(n int) sizes {
	return sizes{Scores: n, Transactions: n, Customers: max(1, n/10), Contacts: n, Lifetimes: n}
}

// result is one implementation's measurement of one task at one size.
type result struct {
	Task   string          `json:"task"`
	Impl   string          `json:"impl"`
	NS     []time.Duration `json:"ns"`  // wall time of each timed run
	CPUs   []time.Duration `json:"cpu"` // CPU time (user + system, all threads) of each timed run
	Digest string          `json:"digest"`
	CPU    time.Duration   `json:"process_cpu"` // user + system time of the whole process
	RSS    int64           `json:"rss"`         // peak resident set of the process, bytes
}

func (r result) median() time.Duration { return medianOf(r.NS) }

// cpu is the median CPU time of the timed runs, or 0 if the
// implementation did not report it.
func (r result) cpu() time.Duration {
	if len(r.CPUs) == 0 {
		return 0
	}
	return medianOf(r.CPUs)
}

func medianOf(v []time.Duration) time.Duration {
	t := slices.Clone(v)
	slices.Sort(t)
	return t[len(t)/2]
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "read-worker" {
		os.Exit(readWorker(os.Args[2:]))
	}
	if len(os.Args) > 1 && os.Args[1] == "bandwidth" {
		fmt.Println(bandwidth(5))
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "prepare" {
		os.Exit(prepareWorker(os.Args[2:]))
	}
	if len(os.Args) > 1 && os.Args[1] == "worker" {
		os.Exit(worker(os.Args[2:]))
	}
	read := flag.Bool("read", false, "measure the CSV readers alone instead (1M and 10M rows, against DuckDB and pandas)")
	quick := flag.Bool("quick", false, "every task at 100k rows with short budgets (a check that every peer agrees, for CI)")
	full := flag.Bool("full", false, "every task at 1M and 10M rows, with the growth exponent")
	huge := flag.Bool("huge", false, "with -full: add 100M rows to the tasks whose data fit in memory")
	sizeList := flag.String("sizes", "", "comma-separated scales instead (100000,1000000)")
	only := flag.String("tasks", "", "comma-separated tasks to run, in that order (default all)")
	reps := flag.Int("reps", 5, "timed repetitions per implementation (the median is reported)")
	budget := flag.Duration("budget", 20*time.Second, "time after which an implementation stops repeating (at least one timed run)")
	dir := flag.String("data", filepath.Join(os.TempDir(), "rapport-bench"), "directory for the generated data")
	growthOnly := flag.Bool("growth", false, "print the growth exponents fitted over every scale in the results log of -data (results.jsonl), the latest run at each scale")
	flag.Parse()
	if *growthOnly {
		if err := printGrowth(*dir); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if *read {
		if err := runRead(*dir, min(*reps, 3), readSizes); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	scales := []int{1_000_000}
	switch {
	case *quick:
		scales = []int{100_000}
		*reps, *budget = min(*reps, 2), min(*budget, time.Second)
	case *full && *huge:
		scales = []int{1_000_000, 10_000_000, 100_000_000}
	case *full:
		scales = []int{1_000_000, 10_000_000}
	}
	if *sizeList != "" {
		scales = nil
		for _, s := range strings.Split(*sizeList, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n < 1000 {
				fmt.Fprintf(os.Stderr, "bench: -sizes: %q is not a scale of at least 1000\n", s)
				os.Exit(2)
			}
			scales = append(scales, n)
		}
	}
	var names []string
	if *only != "" {
		names = strings.Split(*only, ",")
	}
	cfg := config{dir: *dir, scales: scales, reps: *reps, budget: *budget, quick: *quick, tasks: names}
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// machine describes the machine the run measured.
func machine() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s, %d CPUs, %s", host, numCPU(), goVersion())
}
