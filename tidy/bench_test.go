package tidy_test

import (
	"io"
	"runtime"
	"testing"

	"github.com/rapportkit/rapport/rate"
	"github.com/rapportkit/rapport/tidy"
)

// BenchmarkWrite writes the Result of one rate (two rows) per call.
func BenchmarkWrite(b *testing.B) {
	t, _ := rate.FromCounts(412, 1500)
	r, _ := t.Result(0.95, rate.Wilson)
	type key struct {
		Period  month
		Channel string
	}
	for _, f := range []tidy.Format{tidy.CSV, tidy.JSONLines} {
		b.Run(f.String(), func(b *testing.B) {
			w, _ := tidy.NewWriter[key](io.Discard, tidy.Options{Format: f})
			k := key{yearMonth(2025, 3), "e-mail"}
			b.ReportAllocs()
			for b.Loop() {
				if err := w.Write(k, "response", r); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				b.Fatal(err)
			}
		})
	}
}

// BenchmarkWriteLedger writes a ledger's Result (amounts, an array of
// movements) per call.
func BenchmarkWriteLedger(b *testing.B) {
	rs := mainResults(b)
	var r any
	for _, mr := range rs {
		if mr.name == "churn.LedgerResult" {
			r = mr.result
		}
	}
	w, _ := tidy.NewWriter[struct{}](io.Discard, tidy.Options{})
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Write(struct{}{}, "mrr", r); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMemoryBounded writes a hundred times more Results than a first
// batch: the heap in use does not grow with them.
func TestMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 200,000 Results")
	}
	tally, _ := rate.FromCounts(412, 1500)
	r, _ := tally.Result(0.95, rate.Wilson)
	w, _ := tidy.NewWriter[string](io.Discard, tidy.Options{Key: "channel"})
	heap := func(n int) uint64 {
		for range n {
			if err := w.Write("e-mail", "response", r); err != nil {
				t.Fatal(err)
			}
		}
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	first := heap(2000)
	after := heap(198000)
	if after > first+256<<10 {
		t.Fatalf("heap grew from %d to %d bytes over 200,000 Results", first, after)
	}
}
