package money

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// benchUnits is a column of 1M amounts in cents, 1.00 to 200.99.
var benchUnits = func() []int64 {
	r := rand.New(rand.NewPCG(1, 2))
	u := make([]int64, 1<<20)
	for i := range u {
		u[i] = 100 + r.Int64N(20000)
	}
	return u
}()

// The exact column sum; compare with BenchmarkColumnInt64Loop (target:
// within 3×).
func BenchmarkAddColumn1M(b *testing.B) {
	b.ReportAllocs()
	var s Sum
	for b.Loop() {
		s = Sum{}
		s.AddColumn(benchUnits, -2)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(benchUnits)), "ns/element")
	if s.Sign() <= 0 {
		b.Fatal(s.Value())
	}
}

var sink int64

// A plain int64 loop, unchecked: the floor for AddColumn.
func BenchmarkColumnInt64Loop1M(b *testing.B) {
	var s int64
	for b.Loop() {
		s = 0
		for _, u := range benchUnits {
			s += u
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(benchUnits)), "ns/element")
	sink = s
}

// AddUnits element by element, as segment adds a row to its customer.
func BenchmarkAddUnits1M(b *testing.B) {
	b.ReportAllocs()
	var s Sum
	for b.Loop() {
		s = Sum{}
		for _, u := range benchUnits {
			s.AddUnits(u, -2)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(benchUnits)), "ns/element")
}

func BenchmarkAdd(b *testing.B) {
	d := decimal.New(1234, -2)
	b.ReportAllocs()
	var s Sum
	for b.Loop() {
		s.Add(d)
	}
}

func BenchmarkMerge(b *testing.B) {
	o := Of(decimal.New(1234, -2))
	b.ReportAllocs()
	var s Sum
	for b.Loop() {
		s.Merge(o)
	}
}
