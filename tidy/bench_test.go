package tidy_test

import (
	"io"
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
