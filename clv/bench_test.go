package clv

import (
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/cputime"
)

// reportCPU reports the CPU time per operation since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cputime.Now()-start)/float64(b.N), "cpu-ns/op")
}

// A million customers of the BG/NBD model summarised in weeks from
// calendar days: ~200,000 distinct (x, t_x, T).
var million = sync1M()

func sync1M() func() []Summary {
	var s []Summary
	return func() []Summary {
		if s == nil {
			s = simulateBGNBD(1_000_000, 2)
		}
		return s
	}
}

func BenchmarkFitBGNBD1M(b *testing.B) {
	s := million()
	b.ResetTimer()
	start := cputime.Now()
	defer reportCPU(b, start)
	for b.Loop() {
		if _, _, err := FitBGNBD(slices.Values(s)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPredict1M(b *testing.B) {
	s := million()
	m, _ := NewBGNBD(0.243, 4.414, 0.793, 2.426)
	b.ResetTimer()
	start := cputime.Now()
	defer reportCPU(b, start)
	for b.Loop() {
		if _, err := Predict(slices.Values(s), m, 39); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPAlive1M(b *testing.B) {
	s := million()
	m, _ := NewBGNBD(0.243, 4.414, 0.793, 2.426)
	b.ResetTimer()
	start := cputime.Now()
	defer reportCPU(b, start)
	for b.Loop() {
		for _, c := range s {
			if _, err := m.PAlive(c); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkExpected(b *testing.B) {
	m, _ := NewBGNBD(0.243, 4.414, 0.793, 2.426)
	s := Summary{X: 2, Tx: 30.43, T: 38.86}
	for b.Loop() {
		if _, err := m.Expected(s, 39); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFitCDNOW(b *testing.B) {
	s := cdnow(b)
	b.Run("BGNBD", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := FitBGNBD(slices.Values(s)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ParetoNBD", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := FitParetoNBD(slices.Values(s)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("GammaGamma", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := FitGammaGamma(slices.Values(s)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
