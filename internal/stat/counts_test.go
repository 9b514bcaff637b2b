package stat

import (
	"errors"
	"math"
	"testing"
)

// Exact rationals rounded once: testdata/counts.py (Python fractions).
// R agrees: weighted.mean(1:5, c(190, 240, 110, 330, 140)) = 2.9900990099009901.
func TestCountMeanVariance(t *testing.T) {
	for _, c := range []struct {
		counts     []uint64
		min        int
		mean, vari float64
	}{
		{[]uint64{190, 240, 110, 330, 140}, 1, 2.99009900990099, 1.873043597719534},
		{[]uint64{3, 0, 4}, 0, 1.1428571428571428, 1.1428571428571428},
		{[]uint64{1, 2, 3, 4, 5, 6, 7}, 1, 5.0, 3.111111111111111},
		{[]uint64{5, 1, 0, 2}, -2, -1.125, 1.8392857142857142},
		{[]uint64{1 << 62, 1<<62 + 1}, 1, 1.5, 0.25},
		{[]uint64{1 << 63, 1, 1<<63 - 7}, 3, 4.0, 1.0},
		{[]uint64{7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 << 40}, 0, 9.999999999936335, 6.366462912335224e-10},
	} {
		m, ok := CountMean(c.counts, c.min)
		if !ok || m != c.mean {
			t.Errorf("CountMean(%v, %d) = %.17g, %v; want %.17g", c.counts, c.min, m, ok, c.mean)
		}
		v, ok := CountVariance(c.counts)
		if !ok || v != c.vari {
			t.Errorf("CountVariance(%v) = %.17g, %v; want %.17g", c.counts, v, ok, c.vari)
		}
	}
	if m, ok := CountMean([]uint64{1}, 4); !ok || m != 4 {
		t.Errorf("single observation: mean %v, %v", m, ok)
	}
	if _, ok := CountVariance([]uint64{0, 1}); ok {
		t.Error("variance of one observation must be undefined")
	}
	if _, ok := CountMean([]uint64{0, 0}, 1); ok {
		t.Error("mean of nothing must be undefined")
	}
	if _, ok := CountVariance(nil); ok {
		t.Error("variance of nothing must be undefined")
	}
	// Extreme offsets take the exact path: min·n does not fit 2⁵³.
	if m, ok := CountMean([]uint64{3, 1}, math.MinInt32); !ok || m != math.MinInt32+0.25 {
		t.Errorf("CountMean at MinInt32 = %v", m)
	}
	if m, ok := CountMean([]uint64{1 << 60}, -(1 << 40)); !ok || m != -(1<<40) {
		t.Errorf("CountMean with a large product = %v", m)
	}
}

// The fast and exact paths agree wherever both apply.
func TestCountPathsAgree(t *testing.T) {
	for n := uint64(1); n < 60; n++ {
		counts := []uint64{n, 2 * n, 0, n * n, 7}
		bn, bs1, bs2 := bigSums(counts)
		fn, fs1, fs2, ok := countSums(counts)
		if !ok || bn.Uint64() != fn || bs1.Uint64() != fs1 || bs2.Uint64() != fs2 {
			t.Fatalf("sums differ for %v", counts)
		}
	}
	if _, _, _, ok := countSums([]uint64{math.MaxUint64, 1}); ok {
		t.Error("overflowing n must be reported")
	}
}

// testdata/counts.py, "# ratio k*x/n".
func TestRatio(t *testing.T) {
	for _, c := range []struct {
		x, n, k uint64
		want    float64
	}{
		{29, 100, 100, 29},
		{1, 3, 100, 33.333333333333336},
		{1<<62 + 1, 1 << 63, 100, 50},
		{7, 7, 100, 100},
		{0, 5, 100, 0},
		{123456789, 987654321, 1, 0.1249999988609375},
		{1<<53 + 1, 3, 1, 3002399751580331}, // (2⁵³ + 1)/3 is an integer; float64(2⁵³ + 1) is not 2⁵³ + 1
	} {
		if got := Ratio(c.x, c.n, c.k); got != c.want {
			t.Errorf("Ratio(%d, %d, %d) = %.17g, want %.17g", c.x, c.n, c.k, got, c.want)
		}
	}
	if Ratio(1, 0, 100) != 0 {
		t.Error("Ratio over 0 must be 0")
	}
}

// R 4.2 qt: testdata/counts.R, "# t interval" and the t.test cross-check.
func TestMeanInterval(t *testing.T) {
	for _, c := range []struct {
		mean, sd float64
		n        uint64
		level    float64
		lo, hi   float64
	}{
		{2.99, 1.3, 1010, 0.95, 2.9097302289311671, 3.0702697710688334},
		{5.2, 1.1, 2, 0.9, 0.28905383817108987, 10.11094616182891},
		{4.0, 0.0, 10, 0.95, 4.0, 4.0},
		{3.5, 2.0, 30, 0.99, 2.4935101755802318, 4.5064898244197682},
		{4, 2.1602468994692869, 7, 0.95, 2.0021048397085996, 5.9978951602913995}, // t.test(1:7)
	} {
		lo, hi, err := MeanInterval(c.mean, c.sd, c.n, c.level)
		if err != nil || !close(lo, c.lo, 1e-12) || !close(hi, c.hi, 1e-12) {
			t.Errorf("MeanInterval%v = [%.17g, %.17g], %v", c, lo, hi, err)
		}
	}
	if _, _, err := MeanInterval(1, 1, 1, 0.95); !errors.Is(err, ErrEmpty) {
		t.Errorf("n = 1: err = %v", err)
	}
	if _, _, err := MeanInterval(1, 1, 5, 1); !errors.Is(err, ErrLevel) {
		t.Errorf("level 1: err = %v", err)
	}
}

func BenchmarkCountVariance(b *testing.B) {
	counts := []uint64{190, 240, 110, 330, 140, 17, 3}
	for b.Loop() {
		_, _ = CountVariance(counts)
	}
}
