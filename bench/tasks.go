package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"time"
)

// A task is one computation, measured for rapport and for each peer in a
// process of its own that prints a JSON result line.
type task struct {
	name  string
	about string // what is computed, for the report
	// bytes is the input a streaming pass must read (for the floor); 0
	// for a compute-bound task.
	bytes func(*data) int64
	// fixed says the input does not grow with the scale: the task runs at
	// the first scale only.
	fixed bool
	// maxScale is the largest scale whose data fit in memory (0: any).
	maxScale int
	// noWarmup times the first run too (and takes the digest from it):
	// for the tasks that read a file, where a warm-up would double the
	// longest runs for nothing (the page cache is warm from the
	// generation, and every run parses afresh).
	noWarmup bool
	// prepare writes the task's input files, untimed, before any
	// implementation runs.
	prepare func(*data) error
	// impls[0] is rapport's; the others are peers, references and other
	// paths of rapport (marked rapport).
	impls []impl
}

// An impl is one implementation of a task: an external command that
// receives the data directory and the repetitions as its last arguments,
// or a Go function run by this program's worker mode in a new process.
type impl struct {
	name string
	cmd  []string
	fn   func(d *data, reps int) (result, error)
	// reference marks what no user would pick instead of rapport (a plain
	// Go loop over integers, a 50-digit oracle): it is shown, but it is
	// not a peer in "ours ÷ best peer".
	reference bool
	// rapport marks another of rapport's own paths to the same result (a
	// columnar entry point next to the keyed one): measured against
	// impls[0] like a peer, never the best peer.
	rapport bool
	// maxScale is the largest scale it runs at (memory or patience), 0
	// for any.
	maxScale int
	// needs is a command that must be installed (Rscript); without it the
	// implementation is skipped with a note.
	needs string
	// skipQuick leaves it out of -quick mode (R, which -quick does not
	// install).
	skipQuick bool
}

// peersDir holds the peer scripts, next to this source file's directory
// when run with go run from bench/.
var peersDir = "peers"

func python(script string, args ...string) []string {
	return append([]string{"/usr/bin/python3", filepath.Join(peersDir, script)}, args...)
}
func rscript(script string, args ...string) []string {
	return append([]string{"Rscript", filepath.Join(peersDir, script)}, args...)
}
func duckdb(task string) []string {
	return []string{"node", filepath.Join(peersDir, "duckdb.mjs"), task}
}

const duckdbName = "DuckDB SQL, 2 threads"

var tasks = []task{
	{
		name:  "nps",
		about: "NPS of a byte column of scores, validated (nps.Tally.AddUint8s)",
		bytes: func(d *data) int64 { return int64(d.sizes.Scores) },
		prepare: func(d *data) error {
			_, err := d.responses()
			return err
		},
		impls: []impl{
			{name: "rapport AddUint8s", fn: npsOurs},
			{name: "numpy max+count_nonzero", cmd: python("nps_numpy.py", "count_nonzero")},
			{name: "numpy max+bincount", cmd: python("nps_numpy.py", "bincount")},
			{name: duckdbName, cmd: duckdb("nps")},
		},
	},
	{
		name:  "nps-grouped",
		about: "NPS per day of answer, 1000 days (nps.TallyBy over []Response; nps.TallyColumns over day and score columns)",
		bytes: func(d *data) int64 { return int64(d.sizes.Scores) * 3 }, // a uint16 group and a byte score
		prepare: func(d *data) error {
			_, err := d.responses()
			return err
		},
		impls: []impl{
			{name: "rapport nps.TallyBy", fn: groupedOurs},
			{name: "rapport nps.TallyColumns", fn: groupedColumns, rapport: true},
			{name: "Go (group, score) histogram", fn: groupedHistogram, reference: true},
			{name: "numpy bincount(g*16+s)", cmd: python("grouped.py", "numpy")},
			{name: "pandas groupby, categorical", cmd: python("grouped.py", "pandas")},
			{name: duckdbName, cmd: duckdb("nps-grouped")},
		},
	},
	{
		name:     "contacts",
		about:    "contact KPIs with FCR over a 7-day window (operations.MarkFCR + TallyOf + Result; MarkFCRTable + TallyTable on a Table)",
		bytes:    func(d *data) int64 { return int64(d.sizes.Contacts) * contactFloorBytes },
		maxScale: 10_000_000,
		prepare:  func(d *data) error { _, err := d.contacts(); return err },
		impls: []impl{
			{name: "rapport MarkFCR+TallyOf", fn: contactsOurs},
			{name: "rapport MarkFCRTable+TallyTable", fn: contactsTable, rapport: true},
			{name: "pandas+numpy, sorted codes", cmd: python("contacts.py", "kpi")},
			{name: duckdbName, cmd: duckdb("contacts")},
		},
	},
	{
		name:     "aht-agent",
		about:    "AHT per agent, 500 agents (operations.TallyBy over []Contact; TallyTableBy over a Table)",
		bytes:    func(d *data) int64 { return int64(d.sizes.Contacts) * 7 }, // agent, outcome, handle time
		maxScale: 10_000_000,
		prepare:  func(d *data) error { _, err := d.contacts(); return err },
		impls: []impl{
			{name: "rapport operations.TallyBy", fn: ahtOurs},
			{name: "rapport TallyTableBy", fn: ahtTable, rapport: true},
			{name: "pandas groupby, categorical", cmd: python("contacts.py", "aht")},
			{name: duckdbName, cmd: duckdb("aht-agent")},
		},
	},
	{
		name:     "km",
		about:    "Kaplan–Meier curve of customers in whole days (churn.SurvivalOf + Curve)",
		bytes:    func(d *data) int64 { return int64(d.sizes.Lifetimes) * 16 }, // start, end
		maxScale: 10_000_000,
		prepare:  func(d *data) error { _, err := d.lifetimes(); return err },
		impls: []impl{
			{name: "rapport churn.SurvivalOf", fn: kmOurs},
			{name: "statsmodels SurvfuncRight", cmd: python("km.py", "statsmodels")},
			{name: "numpy bincount+cumprod", cmd: python("km.py", "numpy")},
			{name: duckdbName, cmd: duckdb("km")},
		},
	},
	{
		name:     "rfm",
		about:    "RFM scores, 5 quantile bins, of transaction columns (segment.Collection.AddColumns + Score)",
		bytes:    func(d *data) int64 { return int64(d.sizes.Transactions) * 24 }, // id, time, amount
		maxScale: 10_000_000,
		prepare:  func(d *data) error { return d.transactions() },
		impls: []impl{
			{name: "rapport AddColumns+Score", fn: rfmOurs},
			{name: "pandas groupby+rank, categorical", cmd: python("rfm_pandas.py", "kernel")},
			{name: "R data.table", cmd: rscript("rfm.R", "data.table"), needs: "Rscript", skipQuick: true},
			{name: "R collapse", cmd: rscript("rfm.R", "collapse"), needs: "Rscript", skipQuick: true},
			{name: duckdbName, cmd: duckdb("rfm")},
		},
	},
	{
		name:     "csv-rfm",
		noWarmup: true,
		about:    "CSV file → RFM scores, parsing included (segment.Reader.ReadColumns + AddColumns + Score)",
		bytes:    func(d *data) int64 { return d.fileSize(d.shopFile()) },
		maxScale: 10_000_000,
		prepare:  func(d *data) error { _, err := d.shop(); return err },
		impls: []impl{
			{name: "rapport ReadColumns+Score", fn: csvRFMOurs},
			{name: "pandas read_csv+groupby+rank", cmd: python("rfm_pandas.py", "csv")},
			{name: duckdbName, cmd: duckdb("csv-rfm")},
		},
	},
	{
		name:     "csv-contacts",
		noWarmup: true,
		about:    "CSV file → contact KPIs with FCR, parsing included (operations.Reader.ReadAll + MarkFCR + TallyOf; ReadTable + MarkFCRTable + TallyTable)",
		bytes:    func(d *data) int64 { return d.fileSize(d.contactsFile()) },
		maxScale: 10_000_000,
		prepare:  func(d *data) error { _, err := d.contacts(); return err },
		impls: []impl{
			{name: "rapport ReadAll+MarkFCR+TallyOf", fn: csvContactsOurs},
			{name: "rapport ReadTable+MarkFCRTable+TallyTable", fn: csvContactsTable, rapport: true},
			{name: "pandas read_csv+numpy", cmd: python("contacts.py", "csv")},
			{name: duckdbName, cmd: duckdb("csv-contacts")},
		},
	},
	{
		name:  "erlang",
		about: "agents for 41 loads from 1 to 10,000 Erlangs (operations.Queue.Staff)",
		bytes: func(*data) int64 { return 0 },
		fixed: true,
		impls: []impl{
			{name: "rapport Queue.Staff", fn: erlangOurs},
			{name: "Python Erlang recursion", cmd: python("erlang.py", "float")},
			{name: "mpmath 50 digits (oracle)", cmd: python("erlang.py", "mpmath"), reference: true},
		},
	},
	{
		name:     "bgnbd-fit",
		about:    "BG/NBD fit over one summary per customer (clv.FitBGNBD)",
		bytes:    func(*data) int64 { return 0 },
		maxScale: 10_000_000,
		prepare:  func(d *data) error { _, err := d.bgnbdSummaries(); return err },
		impls: []impl{
			{name: "rapport clv.FitBGNBD", fn: bgnbdFitOurs},
			{name: "scipy BFGS, grouped", cmd: python("bgnbd_scipy.py", "fit-grouped")},
			{name: "scipy BFGS, every row", cmd: python("bgnbd_scipy.py", "fit"), maxScale: 1_000_000},
		},
	},
	{
		name:     "bgnbd-predict",
		about:    "P(alive) and expected purchases in 39 weeks per customer (clv.Predict)",
		bytes:    func(*data) int64 { return 0 },
		maxScale: 10_000_000,
		prepare:  func(d *data) error { _, err := d.bgnbdSummaries(); return err },
		impls: []impl{
			{name: "rapport clv.Predict", fn: bgnbdPredictOurs},
			{name: "numpy + scipy hyp2f1", cmd: python("bgnbd_scipy.py", "predict")},
		},
	},
	{
		name:    "sum",
		about:   "exact decimal sum of amounts in cents (internal/money.Sum.AddColumn)",
		bytes:   func(d *data) int64 { return int64(d.sizes.Transactions) * 8 },
		prepare: func(d *data) error { return d.transactions() },
		impls: []impl{
			{name: "rapport money.Sum", fn: sumOurs},
			{name: "Go int64 loop", fn: sumInt64, reference: true},
			{name: "shopspring decimal.Sum", fn: sumShopspring, maxScale: 10_000_000},
			{name: "Python decimal (exact)", cmd: python("sum.py"), maxScale: 10_000_000},
			{name: "numpy int64 sum", cmd: python("sum_numpy.py"), maxScale: 10_000_000},
		},
	},
	journeyTask, agentTask, ticketTask, // journey.go, agent.go, ticket.go
}

// budget bounds the timed repetitions of one implementation: after the
// warm-up, repetitions stop once they have taken this long (at least one
// runs). Workers read it from BENCH_BUDGET_S.
var budget = 20 * time.Second

func budgetFromEnv() {
	if s, err := strconv.ParseFloat(os.Getenv("BENCH_BUDGET_S"), 64); err == nil && s > 0 {
		budget = time.Duration(s * float64(time.Second))
	}
}

// timeIt runs compute once to warm up and take the digest of its result,
// then up to reps timed runs, stopping early once the runs have taken the
// budget; only compute is timed, as in the peers. With BENCH_WARMUP=0 the
// first run is timed too, and so is a warm-up that alone took the budget.
func timeIt[T any](task string, reps int, compute func() (T, error), digest func(T) string) (result, error) {
	r := result{Task: task, Impl: "rapport"}
	var spent time.Duration
	if os.Getenv("BENCH_WARMUP") == "0" {
		start, cpu := time.Now(), cpuTime()
		out, err := compute()
		if err != nil {
			return result{}, err
		}
		spent = time.Since(start)
		r.NS, r.CPUs = append(r.NS, spent), append(r.CPUs, cpuTime()-cpu)
		r.Digest = digest(out)
	} else {
		start, cpu := time.Now(), cpuTime()
		out, err := compute()
		if err != nil {
			return result{}, err
		}
		if t := time.Since(start); t >= budget {
			// A warm-up longer than the budget is the one timed run: a
			// second would add nothing but time.
			r.NS, r.CPUs = append(r.NS, t), append(r.CPUs, cpuTime()-cpu)
			spent = t
		}
		r.Digest = digest(out)
	}
	for i := len(r.NS); i < reps && (i == 0 || spent < budget); i++ {
		runtime.GC()
		start, cpu := time.Now(), cpuTime()
		if _, err := compute(); err != nil {
			return result{}, err
		}
		t := time.Since(start)
		spent += t
		r.NS, r.CPUs = append(r.NS, t), append(r.CPUs, cpuTime()-cpu)
	}
	return r, nil
}

// cpuTime is the CPU time (user + system) of this process so far, all
// threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func digestOf(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func numCPU() int                       { return runtime.NumCPU() }
func goVersion() string                 { return runtime.Version() }
func readFile(p string) ([]byte, error) { return os.ReadFile(p) }
