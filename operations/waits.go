package operations

import (
	"math"
	"math/big"
	"math/bits"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/nanos"
)

// Waits are recorded in whole units, rounded up: seconds for waits and
// times to abandon, minutes for asynchronous response times. A wait w is
// within a whole number T of units exactly when ⌈w/unit⌉ ≤ T.
//
// The histogram has a bin per unit up to exactBins units (8 min 32 s, or
// 8 h 32 min); past that, each doubling [2ᵉ, 2ᵉ⁺¹) is cut into
// subBins equal bins of 2ᵉ⁻⁸ units, right-closed, so a bin's width is at
// most 1/256 of its values (0.4 %). Counting the waits within T is exact
// when T falls on a bin edge: every T ≤ 512 units, every even T ≤ 1024,
// multiples of 4 up to 2048, of 8 up to 4096, and so on. That covers
// every whole minute up to 34 min of waiting and every whole hour up to
// 34 h, every even hour up to 68 h (72 h is exact) and every whole day up
// to 11 days of response time.
const (
	exactBins = 512
	subBits   = 8
	subBins   = 1 << subBits
)

// waits is a mergeable histogram of durations with their exact sum.
type waits struct {
	counts []uint64 // counts[bin]; no trailing zero
	n      uint64
	sum    nanos.Sum
}

// binOf returns the bin of a value of v whole units.
func binOf(v uint64) int {
	if v <= exactBins {
		return int(v)
	}
	u := v - 1
	e := bits.Len64(u) - 1  // ≥ 9
	m := u >> (e - subBits) // subBins..2·subBins−1
	return exactBins + 1 + (e-9)*subBins + int(m-subBins)
}

// binEdges returns the bin's values lo < v ≤ hi in whole units (bin 0
// holds only 0: lo = 0 there too, with the convention that 0 is in it).
func binEdges(bin int) (lo, hi uint64) {
	if bin <= exactBins {
		return uint64(max(bin-1, 0)), uint64(bin)
	}
	k := bin - exactBins - 1
	e := 9 + k/subBins
	m := uint64(subBins + k%subBins)
	s := e - subBits
	return m << s, (m + 1) << s
}

// units returns ⌈d/unit⌉ for d ≥ 0.
func units(d, unit time.Duration) uint64 {
	q := uint64(d / unit)
	if d%unit != 0 {
		q++
	}
	return q
}

func (w *waits) add(d, unit time.Duration) {
	b := binOf(units(d, unit))
	if b >= len(w.counts) {
		w.counts = append(w.counts, make([]uint64, b+1-len(w.counts))...)
	}
	w.counts[b]++
	w.n++
	w.sum.Add(uint64(d))
}

func (w *waits) merge(v *waits) {
	if len(v.counts) > len(w.counts) {
		w.counts = append(w.counts, make([]uint64, len(v.counts)-len(w.counts))...)
	}
	for b, c := range v.counts {
		w.counts[b] += c
	}
	w.n += v.n
	w.sum.Merge(v.sum)
}

// clone returns a copy that shares no memory with w.
func (w *waits) clone() waits {
	c := *w
	c.counts = slices.Clone(w.counts)
	return c
}

// within returns how many durations are at most t: those in bins whose
// upper edge is at most ⌊t/unit⌋ (exact on bin edges, see exactBins).
func (w *waits) within(t, unit time.Duration) uint64 {
	if t < 0 {
		return 0
	}
	limit := uint64(t / unit)
	var n uint64
	for b, c := range w.counts {
		if _, hi := binEdges(b); hi > limit {
			break
		}
		n += c
	}
	return n
}

// quantile returns the nearest-rank p-quantile, the smallest recorded
// value v with at least ⌈p·n⌉ (and at least one) durations ≤ v, p read as
// its decimal so that ⌈p·n⌉ is exact, as the
// upper edge of its bin: never below the true value, and above it by less
// than one unit up to exactBins units, by at most 1/256 past that.
func (w *waits) quantile(p float64, unit time.Duration) (time.Duration, bool) {
	if w.n == 0 || !(p >= 0 && p <= 1) {
		return 0, false
	}
	rank := max(ceilShare(p, w.n), 1) // p read as its decimal: 0.9 of 10 is 9

	var seen uint64
	for b, c := range w.counts {
		seen += c
		if seen >= rank {
			_, hi := binEdges(b)
			if hi > uint64(math.MaxInt64/unit) {
				return math.MaxInt64, true
			}
			return time.Duration(hi) * unit, true
		}
	}
	return 0, false // unreachable: the counts add up to n
}

// mean returns the exact mean duration, rounded to the nanosecond.
func (w *waits) mean() (time.Duration, bool) {
	if w.n == 0 {
		return 0, false
	}
	return w.sum.Mean(w.n), true
}

// check verifies a decoded histogram: no trailing zero, counts adding up
// to n, and a sum that durations in those bins could have: above the lower
// edges and at most the upper ones.
func (w *waits) check(unit time.Duration) bool {
	if len(w.counts) > 0 && w.counts[len(w.counts)-1] == 0 {
		return false
	}
	if len(w.counts) > binOf(units(math.MaxInt64, unit))+1 {
		return false
	}
	var n uint64
	lo, hi := new(big.Int), new(big.Int)
	for b, c := range w.counts {
		if n > math.MaxUint64-c {
			return false
		}
		n += c
		if c == 0 {
			continue
		}
		l, h := binEdges(b)
		least := new(big.Int).SetUint64(l) // a value in the bin exceeds (l·unit) ns, or is 0 in bin 0
		least.Mul(least, big.NewInt(int64(unit)))
		if b > 0 {
			least.Add(least, big.NewInt(1))
		}
		most := new(big.Int).SetUint64(h)
		most.Mul(most, big.NewInt(int64(unit)))
		if most.Cmp(big.NewInt(math.MaxInt64)) > 0 {
			most.SetInt64(math.MaxInt64)
		}
		cn := new(big.Int).SetUint64(c)
		lo.Add(lo, least.Mul(least, cn))
		hi.Add(hi, most.Mul(most, cn))
	}
	s := w.sum.Big()
	return n == w.n && s.Cmp(lo) >= 0 && s.Cmp(hi) <= 0
}
