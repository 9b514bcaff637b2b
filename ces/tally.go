package ces

import (
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/counts"
	"github.com/rapportkit/rapport/internal/stat"
)

// Tally counts responses per score. It is exact (integer counts), its zero
// value is an empty tally on the SevenPointEase scale, and tallies on the
// same scale merge in any order with identical results. A rejected Add,
// Merge or decode leaves the tally unchanged.
type Tally struct {
	scale Scale
	h     counts.Histogram // index: score − scale.Min()
}

// NewTally returns an empty tally on scale s.
func NewTally(s Scale) *Tally {
	return &Tally{scale: s}
}

// Scale returns the tally's scale.
func (t *Tally) Scale() Scale { return t.scale }

// Add counts one response.
func (t *Tally) Add(score int) error {
	return t.AddN(score, 1)
}

// AddN counts n responses with the same score.
func (t *Tally) AddN(score int, n uint64) error {
	if score < t.scale.Min() || score > t.scale.Max() {
		return t.scale.check(score)
	}
	if !t.h.AddN(score-t.scale.Min(), n) {
		return ErrOverflow
	}
	return nil
}

// Merge adds every count of u to t. Both must be on the same scale.
func (t *Tally) Merge(u *Tally) error {
	if t.scale != u.scale {
		return fmt.Errorf("%w: merging %v into %v", ErrScale, u.scale, t.scale)
	}
	if !t.h.Merge(&u.h) {
		return ErrOverflow
	}
	return nil
}

// N returns the number of responses.
func (t *Tally) N() uint64 { return t.h.N() }

// Count returns the number of responses with the given score (0 for a
// score off the scale, which no response can have).
func (t *Tally) Count(score int) uint64 {
	if t.scale.check(score) != nil {
		return 0
	}
	return t.h.At(score - t.scale.Min())
}

// LowEffort returns the number of responses in the easy band.
func (t *Tally) LowEffort() uint64 { return t.sum(t.scale.Easy()) }

// Neutral returns the number of responses between the two bands.
func (t *Tally) Neutral() uint64 { return t.N() - t.LowEffort() - t.HighEffort() }

// HighEffort returns the number of responses in the difficult band.
func (t *Tally) HighEffort() uint64 { return t.sum(t.scale.Difficult()) }

// sum returns the number of responses with scores from..to.
func (t *Tally) sum(from, to int) uint64 {
	return t.h.Sum(from-t.scale.Min(), to-t.scale.Min())
}

// Share returns the share of responses in band e, in [0, 1], or ok = false
// for an empty tally (or an invalid band).
func (t *Tally) Share(e Effort) (float64, bool) {
	var x uint64
	switch e {
	case LowEffort:
		x = t.LowEffort()
	case NeutralEffort:
		x = t.Neutral()
	case HighEffort:
		x = t.HighEffort()
	default:
		return 0, false
	}
	if t.N() == 0 {
		return 0, false
	}
	return stat.Ratio(x, t.N(), 1), true
}

// Net returns the net effort index, the low-effort share minus the
// high-effort share, in [−1, 1] (higher is better whatever the scale's
// polarity), or ok = false for an empty tally.
func (t *Tally) Net() (float64, bool) {
	if t.N() == 0 {
		return 0, false
	}
	return t.net(1), true
}

// net returns k·(L − H)/N correctly rounded.
func (t *Tally) net(k uint64) float64 {
	low, high := t.LowEffort(), t.HighEffort()
	if low >= high {
		return stat.Ratio(low-high, t.N(), k)
	}
	return -stat.Ratio(high-low, t.N(), k)
}

// Mean returns the mean score on the scale's own points, exact from the
// counts and correctly rounded, or ok = false for an empty tally.
func (t *Tally) Mean() (float64, bool) {
	return stat.CountMean(t.h.Counts(t.scale.Points()), t.scale.Min())
}

// StdDev returns the sample standard deviation of the scores (divisor
// n − 1), or ok = false with fewer than two responses.
func (t *Tally) StdDev() (float64, bool) {
	v, ok := stat.CountVariance(t.h.Counts(t.scale.Points()))
	return math.Sqrt(v), ok
}

// Ease returns the mean score mapped onto [0, 1], 0 the most difficult
// point of the scale and 1 the easiest (see Scale.Ease), so that tallies
// on different scales read alike; ok is false for an empty tally.
func (t *Tally) Ease() (float64, bool) {
	m, ok := t.Mean()
	if !ok {
		return 0, false
	}
	return t.scale.ease(m), true
}

// Bin is one point of a distribution: its score, count and share of all
// responses in [0, 1].
type Bin struct {
	Score int     `json:"score"`
	Count uint64  `json:"count"`
	Share float64 `json:"share"`
}

// Distribution returns one Bin per point of the scale, from Min to Max,
// or ok = false for an empty tally.
func (t *Tally) Distribution() ([]Bin, bool) {
	if t.N() == 0 {
		return nil, false
	}
	bins := make([]Bin, t.scale.Points())
	for i := range bins {
		bins[i] = Bin{Score: t.scale.Min() + i, Count: t.h.At(i), Share: stat.Ratio(t.h.At(i), t.N(), 1)}
	}
	return bins, true
}
