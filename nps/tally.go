package nps

import (
	"fmt"

	"github.com/rapportkit/rapport/internal/counts"
	"github.com/rapportkit/rapport/internal/stat"
)

// Tally counts responses per score. It is exact (integer counts), its zero
// value is an empty tally on the Standard scale, and tallies on the same
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

// index returns the slot of score, or an error naming it.
func (t *Tally) index(score int) (int, error) {
	i := score - t.scale.Min()
	if score < t.scale.Min() || score > t.scale.Max() {
		return 0, fmt.Errorf("%w: %d not in %d..%d", ErrScoreOutOfRange, score, t.scale.Min(), t.scale.Max())
	}
	return i, nil
}

// Add counts one response.
func (t *Tally) Add(score int) error {
	return t.AddN(score, 1)
}

// AddN counts n responses with the same score.
func (t *Tally) AddN(score int, n uint64) error {
	i, err := t.index(score)
	if err != nil {
		return err
	}
	if !t.h.AddN(i, n) {
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
	i, err := t.index(score)
	if err != nil {
		return 0
	}
	return t.h.At(i)
}

// Promoters returns the number of promoter responses.
func (t *Tally) Promoters() uint64 {
	return t.sum(t.scale.PromoterFrom(), t.scale.Max())
}

// Passives returns the number of passive responses.
func (t *Tally) Passives() uint64 {
	return t.sum(t.scale.PassiveFrom(), t.scale.PromoterFrom()-1)
}

// Detractors returns the number of detractor responses.
func (t *Tally) Detractors() uint64 {
	return t.sum(t.scale.Min(), t.scale.PassiveFrom()-1)
}

// sum returns the number of responses with scores from..to.
func (t *Tally) sum(from, to int) uint64 {
	return t.h.Sum(from-t.scale.Min(), to-t.scale.Min())
}

// Score returns the Net Promoter Score, or ok = false for an empty tally.
func (t *Tally) Score() (s Score, ok bool) {
	if t.N() == 0 {
		return Score{}, false
	}
	return Score{promoters: t.Promoters(), detractors: t.Detractors(), n: t.N()}, true
}

// Mean returns the mean raw score (e.g. the mean likelihood to recommend on
// 0–10), or ok = false for an empty tally.
func (t *Tally) Mean() (float64, bool) {
	return stat.CountMean(t.h.Counts(t.scale.Points()), t.scale.Min())
}
