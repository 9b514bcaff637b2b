package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// A task is one computation, measured for rapport in process and for each
// peer as a subprocess that prints a JSON result line.
type task struct {
	name  string
	bytes func(*data) int64 // input bytes a streaming pass must read (for the floor)
	ours  func(d *data, reps int) (result, error)
	peers []peer
}

// A peer is another implementation of a task: a command that receives the
// data directory and the repetitions and prints one JSON result per line,
// or a Go function measured in process.
type peer struct {
	impl string
	cmd  []string
	task string
	fn   func(d *data, reps int) (result, error)
}

func (p peer) run(d *data, reps int) (result, error) {
	if p.fn != nil {
		return p.fn(d, reps)
	}
	args := append(p.cmd[1:len(p.cmd):len(p.cmd)], d.dir, fmt.Sprint(reps))
	cmd := exec.Command(p.cmd[0], args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return result{}, fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var r struct {
			Task   string  `json:"task"`
			NS     []int64 `json:"ns"`
			Digest string  `json:"digest"`
		}
		if json.Unmarshal(sc.Bytes(), &r) != nil || r.Task != p.task {
			continue
		}
		res := result{Task: r.Task, Impl: p.impl, Digest: r.Digest}
		for _, ns := range r.NS {
			res.NS = append(res.NS, time.Duration(ns))
		}
		if len(res.NS) == 0 {
			return result{}, fmt.Errorf("no timings")
		}
		return res, nil
	}
	return result{}, fmt.Errorf("no %q result in its output", p.task)
}

// peersDir holds the peer scripts, next to this source file's directory
// when run with go run from bench/.
var peersDir = "peers"

func python(script string) []string {
	return []string{"/usr/bin/python3", filepath.Join(peersDir, script)}
}
func rscript(script string) []string { return []string{"Rscript", filepath.Join(peersDir, script)} }

var tasks = []task{
	{
		name:  "nps",
		bytes: func(d *data) int64 { return int64(d.sizes.Scores) },
		ours:  npsOurs,
		peers: []peer{{impl: "numpy bincount", cmd: python("nps_numpy.py"), task: "nps"}},
	},
	{
		name:  "rfm",
		bytes: func(d *data) int64 { return int64(d.sizes.Transactions) * 24 }, // id, time, amount
		ours:  rfmOurs,
		peers: []peer{
			{impl: "pandas groupby+rank", cmd: python("rfm_pandas.py"), task: "rfm"},
			{impl: "R data.table", cmd: append(rscript("rfm.R"), "data.table"), task: "rfm"},
			{impl: "R collapse", cmd: append(rscript("rfm.R"), "collapse"), task: "rfm"},
		},
	},
	{
		name:  "erlang",
		bytes: func(*data) int64 { return 0 }, // compute-bound: no floor
		ours:  erlangOurs,
		peers: []peer{
			{impl: "Python Erlang recursion", cmd: append(python("erlang.py"), "float"), task: "erlang"},
			{impl: "mpmath 50 digits (oracle)", cmd: append(python("erlang.py"), "mpmath"), task: "erlang"},
		},
	},
	{
		name:  "bgnbd-fit",
		bytes: func(*data) int64 { return 0 }, // compute-bound: no floor
		ours:  bgnbdFitOurs,
		peers: []peer{
			{impl: "scipy BFGS, grouped", cmd: append(python("bgnbd_scipy.py"), "fit-grouped"), task: "bgnbd-fit"},
			{impl: "scipy BFGS, every row", cmd: append(python("bgnbd_scipy.py"), "fit"), task: "bgnbd-fit"},
		},
	},
	{
		name:  "bgnbd-predict",
		bytes: func(*data) int64 { return 0 },
		ours:  bgnbdPredictOurs,
		peers: []peer{{impl: "numpy + scipy hyp2f1", cmd: append(python("bgnbd_scipy.py"), "predict"), task: "bgnbd-predict"}},
	},
	{
		name:  "sum",
		bytes: func(d *data) int64 { return int64(d.sizes.Transactions) * 8 }, // one int64 per amount
		ours:  sumOurs,
		peers: []peer{
			{impl: "Go int64 loop", fn: sumInt64},
			{impl: "shopspring decimal.Sum", fn: sumShopspring},
			{impl: "Python decimal (exact)", cmd: python("sum.py"), task: "sum"},
			{impl: "numpy int64 sum", cmd: python("sum_numpy.py"), task: "sum"},
		},
	},
}

// timeIt runs compute reps times after one warm-up run and returns the
// timings and the digest of the warm-up's result; only compute is timed,
// as in the peers.
func timeIt[T any](task string, reps int, compute func() (T, error), digest func(T) string) (result, error) {
	out, err := compute()
	if err != nil {
		return result{}, err
	}
	r := result{Task: task, Impl: "rapport", Digest: digest(out)}
	for range reps {
		runtime.GC()
		start := time.Now()
		if _, err := compute(); err != nil {
			return result{}, err
		}
		r.NS = append(r.NS, time.Since(start))
	}
	return r, nil
}

func digestOf(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func numCPU() int                       { return runtime.NumCPU() }
func goVersion() string                 { return runtime.Version() }
func readFile(p string) ([]byte, error) { return os.ReadFile(p) }
