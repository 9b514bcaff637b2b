package rate_test

import (
	"testing"

	"github.com/rapportkit/rapport/rate"
)

func BenchmarkAdd(b *testing.B) {
	var t rate.Tally
	i := 0
	for b.Loop() {
		_ = t.Add(i&3 == 0)
		i++
	}
}

func BenchmarkResult(b *testing.B) {
	t, _ := rate.FromCounts(412, 1500)
	for _, m := range []rate.Method{rate.Wilson, rate.ClopperPearson} {
		b.Run(string(m), func(b *testing.B) {
			for b.Loop() {
				_, _ = t.Result(0.95, m)
			}
		})
	}
}

func BenchmarkCompare(b *testing.B) {
	base, _ := rate.FromCounts(200, 1000)
	variant, _ := rate.FromCounts(246, 1000)
	for b.Loop() {
		_, _ = rate.Compare(base, variant, 0.95, rate.Newcombe)
	}
}

func BenchmarkFisher(b *testing.B) {
	for _, c := range []struct {
		name           string
		xb, nb, xv, nv uint64
	}{
		{"small", 18, 20, 9, 16},
		{"1e5", 12000, 100000, 12300, 100000},
		{"MaxFisher", 1 << 30, 1 << 31, 1 << 30, 1 << 31},
	} {
		base, _ := rate.FromCounts(c.xb, c.nb)
		variant, _ := rate.FromCounts(c.xv, c.nv)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				_, _ = rate.Fisher(base, variant)
			}
		})
	}
}

func BenchmarkSampleSize(b *testing.B) {
	p := rate.Plan{Base: 0.2, Lift: 0.1, Alpha: 0.05, Power: 0.8}
	for b.Loop() {
		_, _ = p.SampleSize()
	}
}
