package stat

import (
	"math"
	"math/big"
)

// Newcombe is the method name of Newcombe's hybrid score interval.
const Newcombe Method = "newcombe"

// Difference returns xa/na − xb/nb correctly rounded from the exact
// rational, for na, nb > 0.
func Difference(xa, na, xb, nb uint64) float64 {
	d := new(big.Int).Sub(product(xa, nb), product(xb, na))
	f, _ := new(big.Rat).SetFrac(d, product(na, nb)).Float64()
	return f
}

// NewcombeInterval returns the hybrid score interval of the difference
// pa − pb of two independent proportions xa/na and xb/nb, na, nb > 0
// (Newcombe 1998, "Interval estimation for the difference between
// independent proportions", method 10), built from their Wilson
// intervals [l, u]:
//
//	[d − √((pa − la)² + (ub − pb)²), d + √((ua − pa)² + (pb − lb)²)]
//
// clamped to [−1, 1]. It fails like Critical for a bad level.
func NewcombeInterval(xa, na, xb, nb uint64, level float64) (Interval, error) {
	wa, err := Proportion(float64(xa), float64(na), level, Wilson)
	if err != nil {
		return Interval{}, err
	}
	wb, err := Proportion(float64(xb), float64(nb), level, Wilson)
	if err != nil {
		return Interval{}, err
	}
	d, pa, pb := Difference(xa, na, xb, nb), Ratio(xa, na, 1), Ratio(xb, nb, 1)
	return Interval{
		Lo:     d - math.Hypot(pa-wa.Lo, wb.Hi-pb),
		Hi:     d + math.Hypot(wa.Hi-pa, pb-wb.Lo),
		Level:  level,
		Method: Newcombe,
	}.Clamp(-1, 1), nil
}

// product returns a·b exactly.
func product(a, b uint64) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(a), new(big.Int).SetUint64(b))
}
