package churn

import (
	"fmt"
	"math"
)

// Compound returns the churn over k periods implied by a constant churn
// rate r per period: 1 − (1 − r)^k. k may be fractional, so
// Compound(annual, 1.0/12) is the equivalent monthly rate. It is computed
// as −expm1(k·log1p(−r)) to keep small rates precise. r must be in [0, 1]
// and k finite and non-negative.
func Compound(r, k float64) (float64, error) {
	if !(r >= 0 && r <= 1) {
		return 0, fmt.Errorf("%w: got %v", ErrRate, r)
	}
	if !(k >= 0) || math.IsInf(k, 1) {
		return 0, fmt.Errorf("%w: %v periods", ErrRate, k)
	}
	if k == 0 {
		return 0, nil
	}
	if r == 1 {
		return 1, nil
	}
	return -math.Expm1(k * math.Log1p(-r)), nil
}

// AnnualFromMonthly returns the annual churn equivalent to a constant
// monthly churn m: 1 − (1 − m)¹². 5 % a month is 46 % a year, not 60 %.
func AnnualFromMonthly(m float64) (float64, error) { return Compound(m, 12) }

// MonthlyFromAnnual returns the constant monthly churn equivalent to an
// annual churn a: 1 − (1 − a)^(1/12).
func MonthlyFromAnnual(a float64) (float64, error) { return Compound(a, 1.0/12) }
