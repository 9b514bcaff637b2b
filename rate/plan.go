package rate

import (
	"fmt"
	"math"
	"math/big"

	"github.com/rapportkit/rapport/internal/stat"
)

// MaxSampleSize is the largest sample size SampleSize returns, 2⁵³: the
// integers a float64 holds exactly, and far beyond any test anyone will
// run.
const MaxSampleSize = 1 << 53

// Plan describes a test of two rates to size: an A/B test of a subject
// line, a new survey invitation, a bot flow against the old one.
type Plan struct {
	// Base is the current rate p₁ in (0, 1): 0.2 for a 20 % open rate.
	Base float64
	// Lift is the relative change to detect, p₂/p₁ − 1: 0.1 to detect a
	// move from 20 % to 22 %, −0.1 for a drop to 18 %. It is not 0, and
	// p₂ = p₁·(1 + Lift) is in (0, 1). Base and Lift are taken as the
	// decimals they were typed as: 0.2 and 0.1 give p₂ = 0.22 exactly.
	Lift float64
	// Alpha is the two-sided significance level in (0, 1), 0.05 usually.
	Alpha float64
	// Power is the chance 1 − β of detecting the lift if it is there, in
	// (0, 1), 0.8 usually.
	Power float64
	// Continuity applies Fleiss' continuity correction, for a test that
	// will be read with a continuity-corrected χ² (prop.test's default in
	// R) or Fisher's exact test; it adds about 2/|p₂ − p₁| trials per arm.
	Continuity bool
}

// SampleSize returns the trials needed in each of the two arms, by
// Fleiss' formula for the two-sided pooled z-test (Fleiss, Levin & Paik
// 2003, chapter 4), with Δ = p₂ − p₁, p̄ = (p₁ + p₂)/2, q = 1 − p:
//
//	n  = (z₁₋α/₂·√(2·p̄·q̄) + z₁₋β·√(p₁q₁ + p₂q₂))² / Δ²
//	n' = n/4 · (1 + √(1 + 4/(n·|Δ|)))²     with the continuity correction
//
// rounded up to an integer. n is the n of R's power.prop.test. It fails
// with ErrPlan for a rate, lift, level or power out of range (or a power
// so low that no trial is needed), and ErrOverflow past MaxSampleSize.
func (p Plan) SampleSize() (uint64, error) {
	n, err := p.size()
	if err != nil {
		return 0, err
	}
	if !(n <= MaxSampleSize) {
		return 0, fmt.Errorf("%w: SampleSize of %.3g trials, more than MaxSampleSize = %d", ErrOverflow, n, uint64(MaxSampleSize))
	}
	return uint64(math.Ceil(n)), nil
}

// size returns the sample size per arm before rounding.
func (p Plan) size() (float64, error) {
	if !(p.Base > 0 && p.Base < 1) {
		return 0, fmt.Errorf("%w: base rate %v not in (0, 1)", ErrPlan, p.Base)
	}
	if !(p.Alpha > 0 && p.Alpha < 1) {
		return 0, fmt.Errorf("%w: significance level %v not in (0, 1)", ErrPlan, p.Alpha)
	}
	if !(p.Power > 0 && p.Power < 1) {
		return 0, fmt.Errorf("%w: power %v not in (0, 1)", ErrPlan, p.Power)
	}
	if p.Lift == 0 || math.IsNaN(p.Lift) || math.IsInf(p.Lift, 0) {
		return 0, fmt.Errorf("%w: lift %v: nothing to detect", ErrPlan, p.Lift)
	}
	// p₂ = p₁(1 + lift) and Δ = p₁·lift on the typed decimals.
	b, l := stat.Decimal(p.Base), stat.Decimal(p.Lift)
	delta := new(big.Rat).Mul(b, l)
	r2 := new(big.Rat).Add(b, delta)
	p1 := p.Base
	p2, _ := r2.Float64()
	if !(r2.Sign() > 0 && r2.Cmp(big.NewRat(1, 1)) < 0) {
		return 0, fmt.Errorf("%w: base %v with lift %v gives a rate of %v, not in (0, 1)", ErrPlan, p.Base, p.Lift, p2)
	}
	d, _ := delta.Float64()
	d = math.Abs(d)
	mean, _ := new(big.Rat).Quo(new(big.Rat).Add(b, r2), big.NewRat(2, 1)).Float64()
	za := -stat.NormalQuantile(p.Alpha / 2)
	zb := stat.NormalQuantile(p.Power)
	root := za*math.Sqrt(2*mean*(1-mean)) + zb*math.Sqrt(p1*(1-p1)+p2*(1-p2))
	if !(root > 0) {
		return 0, fmt.Errorf("%w: power %v is reached with no trials at level %v", ErrPlan, p.Power, p.Alpha)
	}
	n := root * root / (d * d)
	if p.Continuity {
		c := 1 + math.Sqrt(1+4/(n*d))
		n = n / 4 * c * c
	}
	return n, nil
}
