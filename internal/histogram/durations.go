package histogram

import (
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/nanos"
	"github.com/rapportkit/rapport/internal/stat"
)

// Durations is a histogram of durations with their exact sum. The zero
// value is empty and ready to use; a Durations holds its counts in a
// slice, so copy it with Clone.
type Durations struct {
	counts []uint64 // counts[bin]; no trailing zero
	n      uint64
	sum    nanos.Sum
}

// Add adds a duration d ≥ 0 (the caller checks it). It allocates only
// when d falls past the last bin so far.
func (h *Durations) Add(d, unit time.Duration) {
	b := Bin(Units(d, unit))
	if b >= len(h.counts) {
		h.grow(b + 1)
	}
	h.counts[b]++
	h.n++
	h.sum.Add(uint64(d))
}

// AddN adds n durations d ≥ 0. The caller keeps the total count within
// 64 bits.
func (h *Durations) AddN(d, unit time.Duration, n uint64) {
	if n == 0 {
		return
	}
	b := Bin(Units(d, unit))
	if b >= len(h.counts) {
		h.grow(b + 1)
	}
	h.counts[b] += n
	h.n += n
	if n == 1 {
		h.sum.Add(uint64(d))
	} else {
		h.sum.Merge(nanos.Product(uint64(d), n))
	}
}

// grow extends the counts to k bins.
func (h *Durations) grow(k int) {
	h.counts = append(h.counts, make([]uint64, k-len(h.counts))...)
}

// Merge adds the durations of o (which may be h itself) to h.
func (h *Durations) Merge(o *Durations) {
	if len(o.counts) > len(h.counts) {
		h.grow(len(o.counts))
	}
	dst := h.counts[:len(o.counts)] // no bounds check in the loop
	for b, c := range o.counts {
		dst[b] += c
	}
	h.n += o.n
	h.sum.Merge(o.sum)
}

// Clone returns a copy that shares no memory with h.
func (h *Durations) Clone() Durations {
	c := *h
	c.counts = slices.Clone(h.counts)
	return c
}

// N returns the number of durations.
func (h *Durations) N() uint64 { return h.n }

// Sum returns the exact sum of the durations in nanoseconds.
func (h *Durations) Sum() nanos.Sum { return h.sum }

// Mean returns the exact mean duration, rounded to the nanosecond; false
// when h is empty.
func (h *Durations) Mean() (time.Duration, bool) {
	if h.n == 0 {
		return 0, false
	}
	return h.sum.Mean(h.n), true
}

// Within returns how many durations are at most t: those in the bins
// whose upper edge is at most ⌊t/unit⌋, exact when that is a bin edge
// (see the package doc); 0 for t < 0.
func (h *Durations) Within(t, unit time.Duration) uint64 {
	if t < 0 {
		return 0
	}
	limit := uint64(t / unit)
	var n uint64
	for b, c := range h.counts {
		if _, hi := Edges(b); hi > limit {
			break
		}
		n += c
	}
	return n
}

// Quantile returns the nearest-rank p-quantile for p ∈ [0, 1] read as
// its decimal: the upper edge of the bin holding the ⌈p·n⌉-th smallest
// duration (the smallest for p = 0), capped at the longest
// time.Duration. It is false when h is empty or p is outside [0, 1].
func (h *Durations) Quantile(p float64, unit time.Duration) (time.Duration, bool) {
	if h.n == 0 || !(p >= 0 && p <= 1) {
		return 0, false
	}
	rank := max(stat.CeilShare(p, h.n), 1)
	var seen uint64
	for b, c := range h.counts {
		if seen += c; seen >= rank {
			_, hi := Edges(b)
			if hi > uint64(math.MaxInt64/unit) {
				return math.MaxInt64, true
			}
			return time.Duration(hi) * unit, true
		}
	}
	return 0, false // unreachable: the counts add up to n
}
