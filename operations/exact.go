package operations

import (
	"math"
	"math/big"
	"strconv"
	"time"

	"github.com/rapportkit/rapport/internal/stat"
)

// A share, a target or a forecast the caller types as a decimal (0.85,
// 0.3, 153, 12.5) reaches us as the nearest float64. Everything here reads
// it back as the decimal that was meant: the shortest decimal that rounds
// to the float, which is what strconv.FormatFloat(x, 'g', -1, 64) prints
// and what the caller typed whenever it had at most 15 significant digits.

// roundedDigits is the significant digits a computed model value keeps
// when it is compared with a target.
const roundedDigits = 12

// limit is a target as the caller typed it: a share (0.8) read as its
// decimal, or a duration in nanoseconds.
type limit struct {
	f  float64       // the target in floating point
	ns time.Duration // the target in nanoseconds, for a duration target
}

func shareLimit(x float64) limit          { return limit{f: x} }
func durationLimit(d time.Duration) limit { return limit{f: float64(d), ns: d} }

// rat returns the target exactly.
func (l limit) rat() *big.Rat {
	if l.ns != 0 {
		return new(big.Rat).SetInt64(int64(l.ns))
	}
	return stat.Decimal(l.f)
}

// cmp compares a computed value x ≥ 0 (a service level, an abandonment
// rate, an occupancy, an ASA in nanoseconds), rounded to 12 significant
// digits, with the target l > 0: −1, 0 or +1. The rounding forgives the
// last digits of a floating-point model value, which is accurate to
// about 1e−13 and cannot be exact (it is transcendental), so that a
// service level that prints as 80.0000000000 % meets a target of 0.8.
// Values clearly away from the target are decided in floating point; the
// rest by an exact comparison of decimals.
func (l limit) cmp(x float64) int {
	const margin = 1e-11 // > the 5e−12 relative change of the rounding, ≫ the float error
	switch {
	case x > l.f*(1+margin):
		return 1
	case x < l.f*(1-margin):
		return -1
	}
	r, _ := new(big.Rat).SetString(strconv.FormatFloat(x, 'e', roundedDigits-1, 64))
	return r.Cmp(l.rat())
}

// nearInteger reports whether x is within a relative 1e−12 of an integer,
// where a floating-point value may be on the wrong side of it.
func nearInteger(x float64) bool {
	return math.Abs(x-math.Round(x)) <= 1e-12*math.Max(1, math.Abs(x))
}

// percentOf returns the fraction x, read as its decimal, in percent: 0.57
// is 57, where 100·0.57 is 56.99999999999999 in floating point. A value
// that is not finite is returned as it is.
func percentOf(x float64) float64 { return scaled(x, big.NewRat(100, 1)) }

// fractionOf returns the percentage p, read as its decimal, as a
// fraction: 85 is 0.85.
func fractionOf(p float64) float64 { return scaled(p, big.NewRat(1, 100)) }

// scaled returns x·k for x read as its decimal, correctly rounded.
func scaled(x float64, k *big.Rat) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	r := stat.Decimal(x)
	f, _ := r.Mul(r, k).Float64()
	return f
}
