package main

import (
	"math"
	"testing"
	"time"
)

func TestGrowth(t *testing.T) {
	for _, k := range []float64{0.5, 1, 1.19, 2} {
		at := map[int]result{}
		for _, n := range []int{1_000_000, 10_000_000, 100_000_000} {
			// 3 ms at 1M, growing as n^k, with a median to find among
			// three runs.
			ns := time.Duration(3e6 * math.Pow(float64(n)/1e6, k))
			at[n] = result{NS: []time.Duration{ns * 2, ns, ns / 2}}
		}
		got, ok := growth(at)
		if !ok || math.Abs(got-k) > 1e-6 {
			t.Errorf("n^%v: growth = %v, %v", k, got, ok)
		}
	}
	if _, ok := growth(map[int]result{1000: {NS: []time.Duration{1}}}); ok {
		t.Error("growth of one scale is defined")
	}
}
