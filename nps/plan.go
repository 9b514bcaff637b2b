package nps

import (
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/stat"
)

// Plan describes a survey to size: the promoter and detractor shares you
// expect (from a previous wave, say), the margin of error you want and the
// confidence level. Population, if not zero, is the number of people who
// could answer (the staff of a company for an employee NPS): the finite
// population correction then lowers the sample needed.
type Plan struct {
	Promoters  float64 `json:"promoters"`  // expected share, 0..1
	Detractors float64 `json:"detractors"` // expected share, 0..1
	Margin     float64 `json:"margin"`     // half-width on −1..1: 0.05 is ±5 points
	Level      float64 `json:"level"`      // e.g. 0.95
	Population uint64  `json:"population"` // 0 for an unbounded population
}

// SampleSize returns the number of responses for the Wald interval of the
// score to have at most the planned margin:
//
//	n₀ = z²·(p₊ + p₋ − (p₊ − p₋)²) / margin²,  n = n₀ / (1 + (n₀ − 1)/Population)
//
// rounded up. It fails with ErrPlan on shares outside [0, 1] or summing
// past 1, a margin outside (0, 2], ErrLevel, or ErrNoVariance if the
// expected shares leave no spread (all promoters, say).
func (p Plan) SampleSize() (uint64, error) {
	z, err := stat.Critical(p.Level)
	if err != nil {
		return 0, err
	}
	if !(p.Promoters >= 0 && p.Detractors >= 0 && p.Promoters+p.Detractors <= 1) {
		return 0, fmt.Errorf("%w: shares %v and %v", ErrPlan, p.Promoters, p.Detractors)
	}
	if !(p.Margin > 0 && p.Margin <= 2) {
		return 0, fmt.Errorf("%w: margin %v not in (0, 2]", ErrPlan, p.Margin)
	}
	v := trinomialVariance(p.Promoters, p.Detractors, 1)
	if v == 0 {
		return 0, fmt.Errorf("plan: %w", ErrNoVariance)
	}
	n := z * z * v / (p.Margin * p.Margin)
	if p.Population > 0 {
		n /= 1 + (n-1)/float64(p.Population)
	}
	// Guard the ceiling against a product a hair above an integer.
	return uint64(math.Ceil(n - 1e-9)), nil
}
