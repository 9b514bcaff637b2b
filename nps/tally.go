package nps

import "github.com/rapportkit/rapport/internal/counts"

// kind tells the core how this package's tallies encode and fail: a
// scale travels as its four integers (min, max, passive from, promoter
// from).
var kind = counts.Kind[Scale]{
	Tag: 'T', Keys: []string{"min", "max", "passive_from", "promoter_from"},
	Params:   func(s Scale) []int { return []int{s.Min(), s.Max(), s.PassiveFrom(), s.PromoterFrom()} },
	Scale:    func(p []int) (Scale, error) { return NewScale(p[0], p[1], p[2], p[3]) },
	ErrScore: ErrScoreOutOfRange, ErrOverflow: ErrOverflow, ErrMismatch: ErrMismatch, ErrEncoding: ErrEncoding,
	ErrLevel: ErrLevel, ErrMethod: ErrMethod, ErrColumns: ErrColumns,
}

// Tally counts responses per score. It is exact (integer counts), its
// zero value is an empty tally on the Standard scale, and it keeps the
// accumulator contract of package rapport: tallies on the same scale
// merge in any order with identical results, and a rejected Add, Merge or
// decode leaves the tally unchanged. Add does not allocate.
type Tally struct {
	c counts.Tally[Scale] // index: score − scale.Min()
}

// NewTally returns an empty tally on scale s.
func NewTally(s Scale) *Tally {
	return &Tally{c: counts.New(s)}
}

// Scale returns the tally's scale.
func (t *Tally) Scale() Scale { return t.c.Scale() }

// Add counts one response, or fails with ErrScoreOutOfRange or
// ErrOverflow.
func (t *Tally) Add(score int) error { return t.AddN(score, 1) }

// AddN counts n responses with the same score.
func (t *Tally) AddN(score int, n uint64) error {
	s := t.c.Scale()
	return t.c.AddN(&kind, s.Min(), s.Max(), score, n)
}

// Merge adds every count of u to t; u may be t (which doubles it) or nil
// (which adds nothing). Both must be on the same scale, else ErrMismatch.
func (t *Tally) Merge(u *Tally) error {
	if u == nil {
		return nil
	}
	return t.c.Merge(&kind, &u.c)
}

// N returns the number of responses.
func (t *Tally) N() uint64 { return t.c.N() }

// Clone returns an independent copy of the tally.
func (t *Tally) Clone() *Tally {
	u := *t
	return &u
}

// Count returns the number of responses with the given score (0 for a
// score off the scale, which no response can have).
func (t *Tally) Count(score int) uint64 { return t.c.Count(score) }

// Promoters returns the number of promoter responses.
func (t *Tally) Promoters() uint64 {
	s := t.Scale()
	return t.c.Sum(s.PromoterFrom(), s.Max())
}

// Passives returns the number of passive responses.
func (t *Tally) Passives() uint64 {
	s := t.Scale()
	return t.c.Sum(s.PassiveFrom(), s.PromoterFrom()-1)
}

// Detractors returns the number of detractor responses.
func (t *Tally) Detractors() uint64 {
	s := t.Scale()
	return t.c.Sum(s.Min(), s.PassiveFrom()-1)
}

// Score returns the Net Promoter Score, or ok = false for an empty tally.
func (t *Tally) Score() (s Score, ok bool) {
	if t.N() == 0 {
		return Score{}, false
	}
	return Score{promoters: t.Promoters(), detractors: t.Detractors(), n: t.N()}, true
}

// Mean returns the mean raw score (e.g. the mean likelihood to recommend
// on 0–10), exact from the counts and correctly rounded, or ok = false for
// an empty tally.
func (t *Tally) Mean() (float64, bool) { return t.c.Mean() }

// Bin is one point of a distribution: its score, its count and its share
// of all responses in [0, 1].
type Bin = counts.Bin

// Distribution returns one Bin per point of the scale, from Min to Max,
// or ok = false for an empty tally.
func (t *Tally) Distribution() ([]Bin, bool) { return t.c.Distribution() }
