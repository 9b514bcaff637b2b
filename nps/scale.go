package nps

import (
	"fmt"

	"github.com/rapportkit/rapport/internal/counts"
)

// MaxPoints is the most points a scale may have (0–10 has eleven).
const MaxPoints = counts.MaxPoints

// Scale is a rating scale and its breaks: scores Min..PassiveFrom−1 are
// detractors, PassiveFrom..PromoterFrom−1 passives and PromoterFrom..Max
// promoters. The zero Scale is Standard. Build others with NewScale.
type Scale struct {
	// The fields hold offsets from Standard so that the zero value is Standard.
	min, max, passive, promoter int
}

// Standard is the 0–10 likelihood-to-recommend scale: detractors 0–6,
// passives 7–8, promoters 9–10.
var Standard = Scale{}

// NewScale returns a scale from min to max (2 to MaxPoints points, within
// ±2³¹) with passives from passiveFrom and promoters from promoterFrom.
// There must be at least one detractor and one promoter point;
// passiveFrom == promoterFrom leaves no passives. For instance a 1–10
// scale with the usual breaks is NewScale(1, 10, 7, 9).
func NewScale(min, max, passiveFrom, promoterFrom int) (Scale, error) {
	if _, err := counts.Range(min, max); err != nil {
		return Scale{}, fmt.Errorf("%w: %w", ErrScale, err)
	}
	if !(min < passiveFrom && passiveFrom <= promoterFrom && promoterFrom <= max) {
		return Scale{}, fmt.Errorf("%w: need min < passiveFrom ≤ promoterFrom ≤ max, got %d..%d breaks %d, %d",
			ErrScale, min, max, passiveFrom, promoterFrom)
	}
	return Scale{min: min, max: max - 10, passive: passiveFrom - 7, promoter: promoterFrom - 9}, nil
}

// Min returns the lowest score.
func (s Scale) Min() int { return s.min }

// Max returns the highest score.
func (s Scale) Max() int { return s.max + 10 }

// PassiveFrom returns the lowest passive score.
func (s Scale) PassiveFrom() int { return s.passive + 7 }

// PromoterFrom returns the lowest promoter score.
func (s Scale) PromoterFrom() int { return s.promoter + 9 }

// Points returns the number of points on the scale.
func (s Scale) Points() int { return s.Max() - s.Min() + 1 }

// Classify returns the category of a score, or ErrScoreOutOfRange.
func (s Scale) Classify(score int) (Category, error) {
	switch err := counts.CheckScore(&kind, s, score); {
	case err != nil:
		return 0, err
	case score >= s.PromoterFrom():
		return Promoter, nil
	case score >= s.PassiveFrom():
		return Passive, nil
	}
	return Detractor, nil
}

// String returns the scale as "0–10 (passives 7, promoters 9)".
func (s Scale) String() string {
	return fmt.Sprintf("%d–%d (passives %d, promoters %d)", s.Min(), s.Max(), s.PassiveFrom(), s.PromoterFrom())
}

// MarshalJSON writes the scale as {"min":0,"max":10,"passive_from":7,"promoter_from":9}.
func (s Scale) MarshalJSON() ([]byte, error) { return kind.MarshalScale(s) }

// UnmarshalJSON reads a scale written by MarshalJSON, with exactly its
// keys, and validates it; on error (ErrEncoding) the scale is unchanged.
func (s *Scale) UnmarshalJSON(b []byte) error { return kind.UnmarshalScale(b, s) }
