package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/segment"
)

// The read benchmark: rapport's readers against DuckDB's read_csv and
// pandas' read_csv, loading the same CSV files into memory, at two sizes
// so that the growth of the time with the size shows. Every
// implementation runs in a process of its own, once per repetition, so
// that its peak RSS is its own; the load is timed, the digest of what was
// loaded (row count and exact sums) is computed after and must agree.

// readSizes are the row counts of the read benchmark.
var readSizes = []int{1_000_000, 10_000_000}

// readKinds are the files read: transactions as a shop exports them and
// contacts in the report's documented format.
var readKinds = []string{"transactions", "contacts"}

// readImpl is one way to load a file.
type readImpl struct {
	name  string
	kinds []string
	cmd   func(kind, file string) []string
}

func readImpls(self string) []readImpl {
	return []readImpl{
		{"rapport ReadColumns", []string{"transactions"}, func(k, f string) []string { return []string{self, "read-worker", "columns", k, f} }},
		{"rapport ReadAll", readKinds, func(k, f string) []string { return []string{self, "read-worker", "all", k, f} }},
		{"DuckDB read_csv, 2 threads", readKinds, func(k, f string) []string {
			return []string{"node", filepath.Join(peersDir, "read_duckdb.mjs"), k, f}
		}},
		{"pandas read_csv", readKinds, func(k, f string) []string { return append(python("read_pandas.py"), k, f) }},
	}
}

// readResult is one implementation's measurements of one file.
type readResult struct {
	ns, cpu, rss []int64 // per repetition; cpu is the process's user + system time, rss in bytes
	live         int64   // bytes the loaded data holds (rapport only)
	digest       string
}

func median(v []int64) int64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

// runRead measures every implementation on every file and size.
func runRead(dir string, reps int, sizes []int) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Printf("machine: %s; load average %s\n", machine(), loadAverage())
	fmt.Printf("read benchmark: median of %d runs, each in its own process; peak RSS of that process\n\n", reps)
	failed := false
	for _, kind := range readKinds {
		results := map[string]map[int]readResult{}
		reference := map[int]string{} // the first implementation's digest of each size
		var files []string
		for _, n := range sizes {
			file, err := readCSVFile(dir, kind, n)
			if err != nil {
				return err
			}
			files = append(files, file)
		}
		fmt.Printf("%-30s %10s %10s %10s %10s %10s %8s   %s\n", kind, "rows", "time", "CPU", "peak RSS", "data", "RSS÷data", "digest")
		for _, impl := range readImpls(self) {
			if !slices.Contains(impl.kinds, kind) {
				continue
			}
			results[impl.name] = map[int]readResult{}
			for i, n := range sizes {
				res, err := measureRead(impl.cmd(kind, files[i]), reps)
				if err != nil {
					fmt.Printf("%-30s %10d FAILED: %v\n", impl.name, n, err)
					failed = true
					continue
				}
				results[impl.name][n] = res
				verdict := "reference"
				if ref, ok := reference[n]; ok {
					verdict = "ok"
					if res.digest != ref {
						verdict = fmt.Sprintf("DIFFERS: %s vs %s", res.digest, ref)
						failed = true
					}
				} else {
					reference[n] = res.digest
				}
				data, ratio := "", ""
				if res.live > 0 {
					data = mb(res.live)
					ratio = fmt.Sprintf("%.2f", float64(median(res.rss))/float64(res.live))
				}
				fmt.Printf("%-30s %10d %10v %10v %10s %10s %8s   %s\n", impl.name, n, time.Duration(median(res.ns)).Round(time.Millisecond),
					time.Duration(median(res.cpu)).Round(time.Millisecond), mb(median(res.rss)), data, ratio, verdict)
			}
		}
		// Growth exponents and same-run ratios at each size.
		fmt.Println()
		for name, byN := range results {
			if len(sizes) == 2 {
				a, b := byN[sizes[0]], byN[sizes[1]]
				if len(a.ns) > 0 && len(b.ns) > 0 {
					k := math.Log(float64(median(b.ns))/float64(median(a.ns))) / math.Log(float64(sizes[1])/float64(sizes[0]))
					fmt.Printf("%-30s time grows as n^%.2f\n", name, k)
				}
			}
		}
		for _, n := range sizes {
			for _, ours := range []string{"rapport ReadColumns", "rapport ReadAll"} {
				o, ok := results[ours][n]
				if !ok || len(o.ns) == 0 {
					continue
				}
				for _, peer := range []string{"DuckDB read_csv, 2 threads", "pandas read_csv"} {
					if p, ok := results[peer][n]; ok && len(p.ns) > 0 {
						fmt.Printf("%d rows: %s ÷ %s = %.2f\n", n, ours, peer, float64(median(o.ns))/float64(median(p.ns)))
					}
				}
			}
		}
		fmt.Println()
	}
	if failed {
		return fmt.Errorf("a reader failed or disagreed")
	}
	return nil
}

func mb(b int64) string { return fmt.Sprintf("%.0f MB", float64(b)/1e6) }

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

// measureRead runs cmd reps times, each in a new process.
func measureRead(cmd []string, reps int) (readResult, error) {
	var res readResult
	for range reps {
		c := exec.Command(cmd[0], cmd[1:]...)
		var stderr bytes.Buffer
		c.Stderr = &stderr
		out, err := c.Output()
		if err != nil {
			return res, fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
		}
		var r struct {
			NS     int64  `json:"ns"`
			Digest string `json:"digest"`
			Live   int64  `json:"live"`
		}
		if err := json.Unmarshal(bytes.TrimSpace(out), &r); err != nil {
			return res, fmt.Errorf("output %q: %v", out, err)
		}
		if res.digest != "" && r.Digest != res.digest {
			return res, fmt.Errorf("digest changed between runs")
		}
		res.digest, res.live = r.Digest, r.Live
		res.ns = append(res.ns, r.NS)
		ru := c.ProcessState.SysUsage().(*syscall.Rusage)
		res.rss = append(res.rss, ru.Maxrss*1024)
		res.cpu = append(res.cpu, ru.Utime.Nano()+ru.Stime.Nano())
	}
	return res, nil
}

// readWorker is the rapport side: read-worker MODE KIND FILE loads the
// file (MODE columns or all) and prints the time, the digest and the
// bytes the loaded data holds.
func readWorker(args []string) int {
	if len(args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: read-worker columns|all transactions|contacts FILE")
		return 2
	}
	mode, kind, file := args[0], args[1], args[2]
	f, err := os.Open(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer f.Close()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	var digest string
	var keep any
	switch {
	case kind == "transactions" && mode == "columns":
		cols, err := readShopColumns(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		elapsed := time.Since(start)
		keep = cols
		digest = columnsDigest(cols)
		defer report(elapsed, digest, &before, &after, keep)
	case kind == "transactions":
		r := segment.NewReader(f)
		r.Options.Refunds = true
		txs, sum, err := r.ReadAll()
		if err == nil && sum.Rejected > 0 {
			err = sum.Errors[0]
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		elapsed := time.Since(start)
		keep = txs
		digest = transactionsDigest(txs)
		defer report(elapsed, digest, &before, &after, keep)
	case kind == "contacts":
		cs, err := readContactsFrom(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		elapsed := time.Since(start)
		keep = cs
		digest = contactsDigest(cs)
		defer report(elapsed, digest, &before, &after, keep)
	default:
		fmt.Fprintln(os.Stderr, "unknown kind", kind)
		return 2
	}
	return 0
}

// report prints the worker's result; the loaded data is still alive, so
// the heap after a collection minus the heap before is what it holds.
func report(elapsed time.Duration, digest string, before, after *runtime.MemStats, keep any) {
	runtime.GC()
	runtime.ReadMemStats(after)
	live := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	out, _ := json.Marshal(map[string]any{"ns": elapsed.Nanoseconds(), "digest": digest, "live": live})
	fmt.Println(string(out))
	runtime.KeepAlive(keep)
}

func columnsDigest(c segment.Columns) string {
	var sec, cents int64
	ids := map[string]struct{}{}
	for i := range c.At {
		sec += c.At[i] / 1e9
		cents += scaleCents(c.Amounts[i], c.Exp)
		ids[c.CustomerIDs[i]] = struct{}{}
	}
	return fmt.Sprintf("%d,%d,%d,%d", len(c.At), sec, cents, len(ids))
}

func scaleCents(u int64, exp int32) int64 {
	for ; exp < -2; exp++ {
		u /= 10
	}
	for ; exp > -2; exp-- {
		u *= 10
	}
	return u
}

func transactionsDigest(txs []segment.Transaction) string {
	var sec, cents int64
	ids := map[string]struct{}{}
	for _, t := range txs {
		sec += t.At.Unix()
		cents += t.Amount.Shift(2).IntPart()
		ids[t.CustomerID] = struct{}{}
	}
	return fmt.Sprintf("%d,%d,%d,%d", len(txs), sec, cents, len(ids))
}

func contactsDigest(cs []operations.Contact) string {
	var sec, talk, cents, answered int64
	for _, c := range cs {
		sec += c.Arrived.Unix()
		talk += int64(c.Talk / time.Second)
		cents += c.Cost.Decimal.Shift(2).IntPart() // an unknown cost is 0 here, as in the peers
		if !c.Answered.IsZero() {
			answered++
		}
	}
	return fmt.Sprintf("%d,%d,%d,%d,%d", len(cs), sec, talk, cents, answered)
}

// readCSVFile returns the path of the kind's file of n rows in dir,
// generating it (seeded) unless it is there with its stamp.
func readCSVFile(dir, kind string, n int) (string, error) {
	file := filepath.Join(dir, fmt.Sprintf("%s-%d.csv", kind, n))
	return file, writeCSV(file, kind, n)
}

// writeCSV writes the kind's file of n rows (transactions or contacts)
// unless it is there with its stamp.
func writeCSV(file, kind string, n int) error {
	return ensure(file, fmt.Sprintf("seed %d kind %s rows %d %s", seed, kind, n, csvVersion[kind]), func(w *bufio.Writer) error {
		rng := rand.New(rand.NewPCG(seed, uint64(n)))
		if kind == "transactions" {
			writeTransactions(w, rng, n)
		} else {
			writeContacts(w, rng, n)
		}
		return nil
	})
}

// csvVersion changes when a generator's output does.
var csvVersion = map[string]string{"transactions": "v1", "contacts": "v2"}

// start is the first instant of the generated data, 2024-01-01 UTC.
const start = 1704067200

// writeTransactions writes customer_id,at,amount rows: customers among
// n/10 with a skewed activity, RFC 3339 times over two years, amounts in
// euros and cents.
func writeTransactions(w *bufio.Writer, rng *rand.Rand, n int) {
	w.WriteString("customer_id,at,amount\n")
	customers := max(1, n/10)
	var line []byte
	for range n {
		c := int(float64(customers) * rng.Float64() * rng.Float64())
		at := time.Unix(start+rng.Int64N(2*365*86400), 0).UTC()
		cents := int64(500 + rng.ExpFloat64()*6000)
		if rng.IntN(50) == 0 {
			cents = -cents // a refund
		}
		line = append(line[:0], 'C')
		line = append(line, fmt.Sprintf("%07d", c)...)
		line = append(line, ',')
		line = at.AppendFormat(line, time.RFC3339)
		line = append(line, ',')
		line = appendCents(line, cents)
		line = append(line, '\n')
		w.Write(line)
	}
}

func appendCents(b []byte, cents int64) []byte {
	if cents < 0 {
		b = append(b, '-')
		cents = -cents
	}
	b = strconv.AppendInt(b, cents/100, 10)
	b = append(b, '.')
	if cents%100 < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, cents%100, 10)
}

// writeContacts writes the report's contacts format: id, customer_id,
// reason, channel, direction, agent, arrived, answered, ended, talk_s,
// hold_s, wrap_s, outcome, resolved, complaint, value_added, cost. One
// contact in five follows up one of the last 1024 (same customer and
// reason) up to 10 days later, so that first-contact resolution has
// repeats to find; 500 agents answer.
func writeContacts(w *bufio.Writer, rng *rand.Rand, n int) {
	w.WriteString("id,customer_id,reason,channel,direction,agent,arrived,answered,ended,talk_s,hold_s,wrap_s,outcome,resolved,complaint,value_added,cost\n")
	customers := max(1, n/10)
	reasons := []string{"billing", "delivery", "move", "password", "offer", "complaint", "cancel"}
	channels := []string{"phone", "phone", "phone", "email", "chat", "messaging", "sms"}
	type recent struct {
		customer, reason int
		arrived          int64
	}
	var ring [1024]recent
	var line []byte
	for i := range n {
		c := recent{rng.IntN(customers), rng.IntN(len(reasons)), start + rng.Int64N(720*86400)}
		if i >= len(ring) && rng.IntN(5) == 0 {
			p := ring[rng.IntN(len(ring))]
			c = recent{p.customer, p.reason, p.arrived + rng.Int64N(10*86400)}
		}
		ring[i%len(ring)] = c
		arrived := c.arrived
		answered := rng.IntN(10) < 8
		line = append(line[:0], 'K')
		line = append(line, fmt.Sprintf("%08d", i)...)
		line = append(line, ",C"...)
		line = append(line, fmt.Sprintf("%07d", c.customer)...)
		line = append(line, ',')
		line = append(line, reasons[c.reason]...)
		line = append(line, ',')
		line = append(line, channels[rng.IntN(len(channels))]...)
		line = append(line, ",inbound,"...)
		if answered {
			line = append(line, fmt.Sprintf("A%03d", rng.IntN(500))...)
		}
		line = append(line, ',')
		line = time.Unix(arrived, 0).UTC().AppendFormat(line, time.RFC3339)
		line = append(line, ',')
		wait := rng.Int64N(300)
		if rng.IntN(2) == 0 {
			wait = rng.Int64N(30)
		}
		talk, hold, wrap := 0, 0, 0
		outcome := "abandoned"
		if answered {
			talk, hold, wrap = 30+rng.IntN(900), rng.IntN(60), rng.IntN(120)
			outcome = "answered"
			line = time.Unix(arrived+wait, 0).UTC().AppendFormat(line, time.RFC3339)
		}
		line = append(line, ',')
		line = time.Unix(arrived+wait+int64(talk+hold), 0).UTC().AppendFormat(line, time.RFC3339)
		for _, v := range []int{talk, hold, wrap} {
			line = append(line, ',')
			line = strconv.AppendInt(line, int64(v), 10)
		}
		line = append(line, ',')
		line = append(line, outcome...)
		line = append(line, ',')
		line = strconv.AppendBool(line, answered && rng.IntN(3) > 0)
		line = append(line, ',')
		line = strconv.AppendBool(line, rng.IntN(20) == 0)
		line = append(line, ",low,"...)
		line = appendCents(line, int64(10+rng.IntN(800)))
		line = append(line, '\n')
		w.Write(line)
	}
}
