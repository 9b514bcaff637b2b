package csat

import (
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/counts"
	"github.com/rapportkit/rapport/internal/stat"
)

// Tally counts responses per score. It is exact (integer counts), its zero
// value is an empty tally on the FivePoint scale, and tallies on the same
// scale merge in any order with identical results. A rejected Add, Merge or
// decode leaves the tally unchanged.
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
		return fmt.Errorf("%w: %d not in %d..%d", ErrScoreOutOfRange, score, t.scale.Min(), t.scale.Max())
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
	if score < t.scale.Min() || score > t.scale.Max() {
		return 0
	}
	return t.h.At(score - t.scale.Min())
}

// Satisfied returns the number of satisfied responses (the top box).
func (t *Tally) Satisfied() uint64 { return t.sum(t.scale.SatisfiedFrom(), t.scale.Max()) }

// Neutral returns the number of responses between the two boxes.
func (t *Tally) Neutral() uint64 {
	return t.sum(t.scale.DissatisfiedTo()+1, t.scale.SatisfiedFrom()-1)
}

// Dissatisfied returns the number of dissatisfied responses (the bottom box).
func (t *Tally) Dissatisfied() uint64 { return t.sum(t.scale.Min(), t.scale.DissatisfiedTo()) }

// sum returns the number of responses with scores from..to.
func (t *Tally) sum(from, to int) uint64 {
	return t.h.Sum(from-t.scale.Min(), to-t.scale.Min())
}

// Score returns the CSAT score, the share of satisfied responses in
// [0, 1] (multiply by 100 for the usual percentage, or use Result), or
// ok = false for an empty tally.
func (t *Tally) Score() (float64, bool) {
	return t.share(t.Satisfied())
}

// Dissatisfaction returns the share of dissatisfied responses in [0, 1],
// or ok = false for an empty tally.
func (t *Tally) Dissatisfaction() (float64, bool) {
	return t.share(t.Dissatisfied())
}

func (t *Tally) share(x uint64) (float64, bool) {
	if t.N() == 0 {
		return 0, false
	}
	return stat.Ratio(x, t.N(), 1), true
}

// Mean returns the mean score, exact from the counts and correctly
// rounded, or ok = false for an empty tally.
func (t *Tally) Mean() (float64, bool) {
	return stat.CountMean(t.h.Counts(t.scale.Points()), t.scale.Min())
}

// StdDev returns the sample standard deviation of the scores (divisor
// n − 1), or ok = false with fewer than two responses.
func (t *Tally) StdDev() (float64, bool) {
	v, ok := stat.CountVariance(t.h.Counts(t.scale.Points()))
	return math.Sqrt(v), ok
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
