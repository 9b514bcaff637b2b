package ces

import (
	"github.com/rapportkit/rapport/internal/counts"
	"github.com/rapportkit/rapport/internal/stat"
)

// kind tells the core how this package's tallies encode and fail: a
// scale travels as five integers (see Scale.params); its JSON, with the
// polarity as text, is written here.
var kind = counts.Kind[Scale]{
	Tag: 'E', Params: Scale.params, Scale: scaleOf,
	ErrScore: ErrScoreOutOfRange, ErrOverflow: ErrOverflow, ErrMismatch: ErrMismatch,
	ErrEncoding: ErrEncoding, ErrLevel: ErrLevel, ErrMethod: ErrMethod, ErrColumns: ErrColumns,
	ErrLabels: ErrLabels, ErrUnknownLabel: ErrUnknownLabel,
}

// Tally counts responses per score. It is exact (integer counts), its
// zero value is an empty tally on the SevenPointEase scale, and it keeps
// the accumulator contract of package rapport: tallies on the same scale
// merge in any order with identical results, and a rejected Add, Merge or
// decode leaves the tally unchanged. Add does not allocate.
type Tally struct {
	c counts.Tally[Scale]
}

// NewTally returns an empty tally on scale s.
func NewTally(s Scale) *Tally { return &Tally{c: counts.New(s)} }

// Scale returns the tally's scale.
func (t *Tally) Scale() Scale { return t.c.Scale() }

// N returns the number of responses.
func (t *Tally) N() uint64 { return t.c.N() }

// Add counts one response, or fails with ErrScoreOutOfRange or
// ErrOverflow.
func (t *Tally) Add(score int) error { return t.AddN(score, 1) }

// AddN counts n responses with the same score.
func (t *Tally) AddN(score int, n uint64) error {
	min, max := t.c.ScaleRef().ends()
	return t.c.AddN(&kind, min, max, score, n)
}

// Count returns the number of responses with the given score (0 for a
// score off the scale, which no response can have).
func (t *Tally) Count(score int) uint64 { return t.c.Count(score) }

// Merge adds every count of u to t; u may be t (which doubles it) or nil
// (which adds nothing). Both must be on the same scale, polarity
// included, else ErrMismatch.
func (t *Tally) Merge(u *Tally) error {
	if u == nil {
		return nil
	}
	return t.c.Merge(&kind, &u.c)
}

// Clone returns an independent copy of the tally.
func (t *Tally) Clone() *Tally {
	u := *t
	return &u
}

// LowEffort returns the number of responses in the easy band.
func (t *Tally) LowEffort() uint64 { return t.c.Sum(t.Scale().Easy()) }

// Neutral returns the number of responses between the two bands.
func (t *Tally) Neutral() uint64 { return t.N() - t.LowEffort() - t.HighEffort() }

// HighEffort returns the number of responses in the difficult band.
func (t *Tally) HighEffort() uint64 { return t.c.Sum(t.Scale().Difficult()) }

// band returns the number of responses in band e, or ok = false for an
// invalid band.
func (t *Tally) band(e Effort) (uint64, bool) {
	switch e {
	case LowEffort:
		return t.LowEffort(), true
	case NeutralEffort:
		return t.Neutral(), true
	case HighEffort:
		return t.HighEffort(), true
	}
	return 0, false
}

// Share returns the share of responses in band e, in [0, 1], or ok =
// false for an empty tally (or an invalid band).
func (t *Tally) Share(e Effort) (float64, bool) {
	x, ok := t.band(e)
	if !ok {
		return 0, false
	}
	return t.c.Share(x)
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
func (t *Tally) Mean() (float64, bool) { return t.c.Mean() }

// StdDev returns the sample standard deviation of the scores (divisor
// n − 1), or ok = false with fewer than two responses.
func (t *Tally) StdDev() (float64, bool) { return t.c.StdDev() }

// Ease returns the mean score mapped onto [0, 1], 0 the most difficult
// point of the scale and 1 the easiest (see Scale.Ease), so that tallies
// on different scales read alike; ok is false for an empty tally.
func (t *Tally) Ease() (float64, bool) {
	m, ok := t.Mean()
	if !ok {
		return 0, false
	}
	return t.Scale().ease(m), true
}

// Bin is one point of a distribution: its score, count and share of all
// responses in [0, 1].
type Bin = counts.Bin

// Distribution returns one Bin per point of the scale, from Min to Max,
// or ok = false for an empty tally.
func (t *Tally) Distribution() ([]Bin, bool) { return t.c.Distribution() }
