package main

import (
	"io"
	"testing"

	"github.com/rapportkit/rapport/tidy"
)

// The outputs of the sample's report, built once: the text, the dashboard
// and the tidy file in both formats.
func BenchmarkOutputs(b *testing.B) {
	_, r := sampleReport(b)
	for _, c := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"text", func(w io.Writer) error { r.writeText(w); return nil }},
		{"dashboard", r.writeDashboard},
		{"tidy-csv", func(w io.Writer) error { return r.writeTidy(w, tidy.CSV) }},
		{"tidy-jsonl", func(w io.Writer) error { return r.writeTidy(w, tidy.JSONLines) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := c.write(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
