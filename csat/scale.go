package csat

import (
	"fmt"

	"github.com/rapportkit/rapport/internal/counts"
)

// MaxPoints is the most points a scale may have (0–10 has eleven).
const MaxPoints = counts.MaxPoints

// Scale is a satisfaction rating scale and its two boxes: scores
// SatisfiedFrom..Max are satisfied (the top box), Min..DissatisfiedTo
// dissatisfied (the bottom box) and any between neutral. The zero Scale is
// FivePoint. Build others with NewScale, WithTopBox and WithBottomBox;
// every constructor validates, so a Scale in hand is always valid.
type Scale struct {
	// Offsets from FivePoint, so that the zero value is FivePoint.
	min, max, satisfied, dissatisfied int
}

// The built-in scales. Each counts its top two points as satisfied and its
// bottom two as dissatisfied (top-2 and bottom-2 box), except Binary.
var (
	// FivePoint is 1 (very dissatisfied) … 5 (very satisfied): satisfied
	// 4–5, neutral 3, dissatisfied 1–2. It is the zero Scale.
	FivePoint = Scale{}
	// Binary is 0 (no, not satisfied) or 1 (yes, satisfied).
	Binary = mustScale(0, 1, 1, 0)
	// SevenPoint is 1 … 7: satisfied 6–7, neutral 3–5, dissatisfied 1–2.
	SevenPoint = mustScale(1, 7, 6, 2)
	// TenPoint is 1 … 10: satisfied 9–10, neutral 3–8, dissatisfied 1–2.
	TenPoint = mustScale(1, 10, 9, 2)
)

// NewScale returns a scale from min to max (2 to MaxPoints points,
// within ±2³¹) whose satisfied box runs from satisfiedFrom to max. The
// dissatisfied box mirrors it at the bottom (the same number of points
// from min), cut short if needed so that the boxes never overlap:
// NewScale(1, 5, 4) is FivePoint, NewScale(0, 10, 9) counts 0–1 as
// dissatisfied, and NewScale(1, 5, 3), a top-3 box, counts 1–2.
func NewScale(min, max, satisfiedFrom int) (Scale, error) {
	if !(min < satisfiedFrom && satisfiedFrom <= max) {
		return Scale{}, fmt.Errorf("%w: need min < satisfiedFrom ≤ max, got %d..%d satisfied from %d", ErrScale, min, max, satisfiedFrom)
	}
	dissatisfiedTo := satisfiedFrom - 1
	if mirror := min + (max - satisfiedFrom); mirror < dissatisfiedTo {
		dissatisfiedTo = mirror
	}
	return newScale(min, max, satisfiedFrom, dissatisfiedTo)
}

// newScale validates every field.
func newScale(min, max, satisfiedFrom, dissatisfiedTo int) (Scale, error) {
	if _, err := counts.Range(min, max); err != nil {
		return Scale{}, fmt.Errorf("%w: %w", ErrScale, err)
	}
	if !(min <= dissatisfiedTo && dissatisfiedTo < satisfiedFrom && satisfiedFrom <= max) {
		return Scale{}, fmt.Errorf("%w: need min ≤ dissatisfiedTo < satisfiedFrom ≤ max, got %d..%d boxes %d, %d",
			ErrScale, min, max, dissatisfiedTo, satisfiedFrom)
	}
	return Scale{min: min - 1, max: max - 5, satisfied: satisfiedFrom - 4, dissatisfied: dissatisfiedTo - 2}, nil
}

func mustScale(min, max, satisfiedFrom, dissatisfiedTo int) Scale {
	s, err := newScale(min, max, satisfiedFrom, dissatisfiedTo)
	if err != nil {
		panic(err)
	}
	return s
}

// Min returns the lowest score.
func (s Scale) Min() int { return s.min + 1 }

// Max returns the highest score.
func (s Scale) Max() int { return s.max + 5 }

// SatisfiedFrom returns the lowest satisfied score.
func (s Scale) SatisfiedFrom() int { return s.satisfied + 4 }

// DissatisfiedTo returns the highest dissatisfied score.
func (s Scale) DissatisfiedTo() int { return s.dissatisfied + 2 }

// Points returns the number of points on the scale.
func (s Scale) Points() int { return s.Max() - s.Min() + 1 }

// WithTopBox returns the scale with its top k points satisfied (1 ≤ k, and
// the top box may not reach the bottom box): FivePoint.WithTopBox(1)
// counts only 5 as satisfied.
func (s Scale) WithTopBox(k int) (Scale, error) {
	if k < 1 || k > s.Points() {
		return Scale{}, fmt.Errorf("%w: top-%d box on a %d-point scale", ErrScale, k, s.Points())
	}
	return newScale(s.Min(), s.Max(), s.Max()-k+1, s.DissatisfiedTo())
}

// WithBottomBox returns the scale with its bottom k points dissatisfied
// (1 ≤ k, and the bottom box may not reach the top box).
func (s Scale) WithBottomBox(k int) (Scale, error) {
	if k < 1 || k > s.Points() {
		return Scale{}, fmt.Errorf("%w: bottom-%d box on a %d-point scale", ErrScale, k, s.Points())
	}
	return newScale(s.Min(), s.Max(), s.SatisfiedFrom(), s.Min()+k-1)
}

// Classify returns the category of a score, or ErrScoreOutOfRange.
func (s Scale) Classify(score int) (Category, error) {
	if err := counts.CheckScore(&kind, s, score); err != nil {
		return 0, err
	}
	switch {
	case score >= s.SatisfiedFrom():
		return Satisfied, nil
	case score > s.DissatisfiedTo():
		return Neutral, nil
	}
	return Dissatisfied, nil
}

// String returns the scale as "1–5 (satisfied 4–5, dissatisfied 1–2)".
func (s Scale) String() string {
	return fmt.Sprintf("%d–%d (satisfied %s, dissatisfied %s)", s.Min(), s.Max(),
		counts.Span(s.SatisfiedFrom(), s.Max()), counts.Span(s.Min(), s.DissatisfiedTo()))
}

// Category is the box a score falls in.
type Category int8

// The three categories, from the top box down.
const (
	Satisfied    Category = 1
	Neutral      Category = 0
	Dissatisfied Category = -1
)

// String returns "dissatisfied", "neutral" or "satisfied".
func (c Category) String() string {
	return counts.Name(int(c)+1, "dissatisfied", "neutral", "satisfied", "invalid category")
}

// MarshalJSON writes the scale as
// {"min":1,"max":5,"satisfied_from":4,"dissatisfied_to":2}.
func (s Scale) MarshalJSON() ([]byte, error) { return kind.MarshalScale(s) }

// UnmarshalJSON reads a scale written by MarshalJSON, with exactly its
// keys, and validates it; on error (ErrEncoding) the scale is unchanged.
func (s *Scale) UnmarshalJSON(b []byte) error { return kind.UnmarshalScale(b, s) }
