package histogram

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/stat"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomDurations draws durations over many doublings, in the unit, with
// whole-unit and in-between values.
func randomDurations(r *rand.Rand, n int, unit time.Duration) []time.Duration {
	ds := make([]time.Duration, n)
	for i := range ds {
		u := r.Int64N(1 << (1 + r.IntN(20))) // up to 2²⁰ units
		ds[i] = time.Duration(u) * unit
		if r.IntN(2) == 0 {
			ds[i] -= time.Duration(r.Int64N(int64(unit)))
		}
		ds[i] = max(ds[i], 0)
	}
	return ds
}

// Within counts exactly the durations of at most T units when T is a bin
// edge (brute force over the sorted durations), and never more than them
// otherwise; the count is 0 below zero.
func TestWithin(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, unit := range []time.Duration{time.Second, time.Minute} {
		ds := randomDurations(r, 3000, unit)
		var h Durations
		for _, d := range ds {
			h.Add(d, unit)
		}
		brute := func(limit time.Duration) (n uint64) {
			for _, d := range ds {
				if Units(d, unit) <= uint64(limit/unit) {
					n++
				}
			}
			return n
		}
		for b := 0; b <= Bin(1<<21); b++ {
			_, hi := Edges(b)
			limit := time.Duration(hi) * unit
			require.Equal(t, brute(limit), h.Within(limit, unit), "%v on the edge of bin %d", limit, b)
			// A limit between units is the whole units below it.
			require.Equal(t, brute(limit), h.Within(limit+unit-1, unit), "%v", limit+unit-1)
			if hi > ExactBins {
				off := limit + 3*unit // inside the next bin: an under-count, never over
				require.LessOrEqual(t, h.Within(off, unit), brute(off), "%v", off)
			}
		}
		assert.Zero(t, h.Within(-1, unit))
	}
	// Hand-worked: 20.001 s is past 20 s, 19.999 s is within it; 0 counts
	// within 0 s.
	var h Durations
	for _, d := range []time.Duration{0, 19999 * time.Millisecond, 20001 * time.Millisecond} {
		h.Add(d, time.Second)
	}
	assert.Equal(t, uint64(1), h.Within(0, time.Second))
	assert.Equal(t, uint64(2), h.Within(20*time.Second, time.Second))
	assert.Equal(t, uint64(3), h.Within(21*time.Second, time.Second))
}

// Quantile is the upper edge of the bin of the ⌈p·n⌉-th smallest
// duration, p read as its decimal (brute force over the sorted
// durations): at or above the true value, by less than a unit up to
// ExactBins units and by at most 1/SubBins past that.
func TestQuantile(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, unit := range []time.Duration{time.Second, time.Minute} {
		for _, n := range []int{1, 2, 7, 200, 1001} {
			ds := randomDurations(r, n, unit)
			var h Durations
			for _, d := range ds {
				h.Add(d, unit)
			}
			slices.Sort(ds)
			for _, p := range []float64{0, 1e-25, 0.035, 0.1, 0.5, 0.9, 0.95, 0.99, 1} {
				rank := max(stat.CeilShare(p, uint64(n)), 1)
				v := Units(ds[rank-1], unit)
				_, hi := Edges(Bin(v))
				got, ok := h.Quantile(p, unit)
				require.True(t, ok)
				require.Equal(t, time.Duration(hi)*unit, got, "p=%v n=%d", p, n)
				require.GreaterOrEqual(t, got, ds[rank-1])
				if v > ExactBins {
					require.LessOrEqual(t, float64(hi-v)/float64(v), 1.0/SubBins)
				} else {
					require.Less(t, got-ds[rank-1], unit)
				}
			}
		}
	}
	// Hand-worked: the 0.035-quantile of 200 waits 1..200 s is the 7th
	// (0.035·200 is 7.000000000000001 in floating point), the 0.9 of 10 the 9th.
	var h, ten Durations
	for s := range 200 {
		h.Add(time.Duration(s+1)*time.Second, time.Second)
	}
	for s := range 10 {
		ten.Add(time.Duration(s+1)*time.Second, time.Second)
	}
	q, _ := h.Quantile(0.035, time.Second)
	assert.Equal(t, 7*time.Second, q)
	q, _ = ten.Quantile(0.9, time.Second)
	assert.Equal(t, 9*time.Second, q)
	for _, p := range []float64{-0.1, 1.1, math.NaN()} {
		_, ok := h.Quantile(p, time.Second)
		assert.False(t, ok, "p=%v", p)
	}
	var empty Durations
	_, ok := empty.Quantile(0.5, time.Second)
	assert.False(t, ok)
	// The longest duration's bin edge is past 2⁶³ ns: capped.
	var long Durations
	long.Add(math.MaxInt64, time.Minute)
	q, _ = long.Quantile(1, time.Minute)
	assert.Equal(t, time.Duration(math.MaxInt64), q)
}

// Merge in any order, AddN and Add agree; the mean is exact; Clone shares
// nothing.
func TestMergeAndMean(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	ds := randomDurations(r, 500, time.Second)
	var all, a, b Durations
	for i, d := range ds {
		all.Add(d, time.Second)
		if i%3 == 0 {
			a.Add(d, time.Second)
		} else {
			b.Add(d, time.Second)
		}
	}
	ab, ba := a.Clone(), b.Clone()
	ab.Merge(&b)
	ba.Merge(&a)
	want := all.AppendBinary(nil)
	assert.Equal(t, want, ab.AppendBinary(nil))
	assert.Equal(t, want, ba.AppendBinary(nil))
	assert.Equal(t, all.N(), ab.N())

	twice := all.Clone()
	twice.Merge(&twice)
	var n3 Durations
	for _, d := range ds {
		n3.AddN(d, time.Second, 2)
		n3.AddN(d, time.Second, 0)
	}
	assert.Equal(t, n3.AppendBinary(nil), twice.AppendBinary(nil))
	assert.Equal(t, want, all.AppendBinary(nil), "merging a clone into itself changed the original")

	var sum int64
	for _, d := range ds {
		sum += int64(d)
	}
	mean, ok := all.Mean()
	assert.True(t, ok)
	assert.Equal(t, time.Duration((sum+int64(len(ds))/2)/int64(len(ds))), mean) // round half up, d ≥ 0
	var empty Durations
	_, ok = empty.Mean()
	assert.False(t, ok)
}

// Add allocates only to grow past its last bin.
func TestAddAllocFree(t *testing.T) {
	var h Durations
	h.Add(time.Hour, time.Second)
	allocs := testing.AllocsPerRun(100, func() {
		h.Add(time.Minute, time.Second)
		h.AddN(time.Second, time.Second, 3)
	})
	assert.Zero(t, allocs)
}

func BenchmarkAdd(b *testing.B) {
	var h Durations
	ds := randomDurations(rand.New(rand.NewPCG(7, 8)), 1024, time.Second)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		h.Add(ds[i%len(ds)], time.Second)
	}
}
