package churn

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// divider agrees with the division instruction on edges and at random,
// for the units of SurvivalOf and every kind of divisor.
func TestDivider(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	ds := []uint64{1, 2, 3, 5, 7, 10, 1000, 1e9, uint64(time.Hour), uint64(24 * time.Hour), uint64(7 * 24 * time.Hour), uint64(MaxLifetime), 1 << 62, 1<<62 + 1, 1<<63 - 1, 1 << 63, 1<<63 + 1, math.MaxUint64}
	for range 2000 {
		ds = append(ds, rng.Uint64N(1<<uint(1+rng.IntN(63)))+1)
	}
	for _, d := range ds {
		v := newDivider(d)
		xs := []uint64{0, 1, d - 1, d, d + 1, 2*d - 1, 2 * d, 1<<63 - 1, 1<<63 - 2, uint64(MaxLifetime)}
		for range 200 {
			xs = append(xs, rng.Uint64N(1<<63), rng.Uint64N(1<<uint(1+rng.IntN(63))))
		}
		for k := uint64(1); k < 50 && k < (1<<63)/d; k++ {
			xs = append(xs, k*d-1, k*d, k*d+1)
		}
		for _, x := range xs {
			if x >= 1<<63 {
				continue
			}
			if got, want := v.div(x), x/d; got != want {
				t.Fatalf("%d / %d = %d, divider says %d", x, d, want, got)
			}
		}
	}
}
