package nps

import (
	"fmt"
	"math"
	"math/big"

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

// MaxSample is the largest sample size SampleSize returns, 2⁵³: past it a
// float64 no longer holds every integer, and no survey has that many
// respondents.
const MaxSample = 1 << 53

// SampleSize returns the number of responses for the Wald interval of the
// score to have at most the planned margin:
//
//	n₀ = z²·(p₊ + p₋ − (p₊ − p₋)²) / margin²,  n = n₀ / (1 + (n₀ − 1)/Population)
//
// rounded up. The shares are taken as the decimals they were written as
// (0.7 and 0.3 add up to exactly 1). It fails with ErrPlan on shares
// outside [0, 1] or summing past 1, a margin outside (0, 2] or one so
// small that the sample would pass MaxSample, ErrLevel, or ErrNoVariance
// if the expected shares leave no spread (all promoters, say).
func (p Plan) SampleSize() (uint64, error) {
	z, err := kind.Critical("SampleSize", p.Level)
	if err != nil {
		return 0, err
	}
	pro, det := stat.Decimal(p.Promoters), stat.Decimal(p.Detractors)
	if pro == nil || det == nil || pro.Sign() < 0 || det.Sign() < 0 || new(big.Rat).Add(pro, det).Cmp(big.NewRat(1, 1)) > 0 {
		return 0, fmt.Errorf("%w: shares %v and %v must be in [0, 1] and add up to at most 1", ErrPlan, p.Promoters, p.Detractors)
	}
	if !(p.Margin > 0 && p.Margin <= 2) {
		return 0, fmt.Errorf("%w: margin %v not in (0, 2]", ErrPlan, p.Margin)
	}
	net := new(big.Rat).Sub(pro, det)
	spread := new(big.Rat).Add(pro, det)
	spread.Sub(spread, net.Mul(net, net)) // p₊ + p₋ − (p₊ − p₋)², exact
	v, _ := spread.Float64()
	if v == 0 {
		return 0, fmt.Errorf("%w: shares %v and %v leave no spread to plan for", ErrNoVariance, p.Promoters, p.Detractors)
	}
	n := z * z * v / (p.Margin * p.Margin)
	if p.Population > 0 {
		n /= 1 + (n-1)/float64(p.Population)
	}
	// Guard the ceiling against a product a hair above an integer; any
	// plan needs one response.
	n = max(1, math.Ceil(n-1e-9))
	if !(n <= MaxSample) {
		return 0, fmt.Errorf("%w: margin %v needs more than 2⁵³ responses", ErrPlan, p.Margin)
	}
	return uint64(n), nil
}
