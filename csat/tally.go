package csat

import "github.com/rapportkit/rapport/internal/counts"

// kind tells the core how this package's tallies encode and fail: a
// scale travels as its four integers (min, max, satisfied from,
// dissatisfied to).
var kind = counts.Kind[Scale]{
	Tag: 'C', Keys: []string{"min", "max", "satisfied_from", "dissatisfied_to"},
	Params:   func(s Scale) []int { return []int{s.Min(), s.Max(), s.SatisfiedFrom(), s.DissatisfiedTo()} },
	Scale:    func(p []int) (Scale, error) { return newScale(p[0], p[1], p[2], p[3]) },
	ErrScore: ErrScoreOutOfRange, ErrOverflow: ErrOverflow, ErrMismatch: ErrMismatch, ErrEncoding: ErrEncoding,
	ErrLevel: ErrLevel, ErrMethod: ErrMethod, ErrColumns: ErrColumns, ErrLabels: ErrLabels, ErrUnknownLabel: ErrUnknownLabel,
}

// Tally counts responses per score. It is exact (integer counts), its
// zero value is an empty tally on the FivePoint scale, and it keeps the
// accumulator contract of package rapport: tallies on the same scale
// merge in any order with identical results, and a rejected Add, Merge or
// decode leaves the tally unchanged. Add does not allocate.
type Tally struct {
	c counts.Tally[Scale]
}

// NewTally returns an empty tally on scale s.
func NewTally(s Scale) *Tally { return &Tally{c: counts.New(s)} }

// Add counts one response, or fails with ErrScoreOutOfRange or
// ErrOverflow.
func (t *Tally) Add(score int) error { return t.AddN(score, 1) }

// AddN counts n responses with the same score.
func (t *Tally) AddN(score int, n uint64) error {
	s := t.c.Scale()
	return t.c.AddN(&kind, s.Min(), s.Max(), score, n)
}

// Satisfied returns the number of satisfied responses (the top box).
func (t *Tally) Satisfied() uint64 { return t.c.Sum(t.Scale().SatisfiedFrom(), t.Scale().Max()) }

// Neutral returns the number of responses between the two boxes.
func (t *Tally) Neutral() uint64 {
	return t.c.Sum(t.Scale().DissatisfiedTo()+1, t.Scale().SatisfiedFrom()-1)
}

// Dissatisfied returns the number of dissatisfied responses (the bottom box).
func (t *Tally) Dissatisfied() uint64 { return t.c.Sum(t.Scale().Min(), t.Scale().DissatisfiedTo()) }

// Merge adds every count of u to t; u may be t (which doubles it) or nil
// (which adds nothing). Both must be on the same scale, else ErrMismatch.
func (t *Tally) Merge(u *Tally) error {
	if u == nil {
		return nil
	}
	return t.c.Merge(&kind, &u.c)
}

// Count returns the number of responses with the given score (0 for a
// score off the scale, which no response can have).
func (t *Tally) Count(score int) uint64 { return t.c.Count(score) }

// N returns the number of responses.
func (t *Tally) N() uint64 { return t.c.N() }

// Scale returns the tally's scale.
func (t *Tally) Scale() Scale { return t.c.Scale() }

// Score returns the CSAT score, the share of satisfied responses in
// [0, 1] (multiply by 100 for the usual percentage, or use Result), or
// ok = false for an empty tally.
func (t *Tally) Score() (float64, bool) { return t.c.Share(t.Satisfied()) }

// Dissatisfaction returns the share of dissatisfied responses in [0, 1],
// or ok = false for an empty tally.
func (t *Tally) Dissatisfaction() (float64, bool) { return t.c.Share(t.Dissatisfied()) }

// Mean returns the mean score, exact from the counts and correctly
// rounded, or ok = false for an empty tally.
func (t *Tally) Mean() (float64, bool) { return t.c.Mean() }

// StdDev returns the sample standard deviation of the scores (divisor
// n − 1), or ok = false with fewer than two responses.
func (t *Tally) StdDev() (float64, bool) { return t.c.StdDev() }

// Bin is one point of a distribution: its score, count and share of all
// responses in [0, 1].
type Bin = counts.Bin

// Distribution returns one Bin per point of the scale, from Min to Max,
// or ok = false for an empty tally.
func (t *Tally) Distribution() ([]Bin, bool) { return t.c.Distribution() }

// Clone returns an independent copy of the tally.
func (t *Tally) Clone() *Tally {
	u := *t
	return &u
}
