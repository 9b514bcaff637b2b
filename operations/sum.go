package operations

import (
	"math"
	"math/big"
	"math/bits"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// u128 is an exact unsigned 128-bit sum, enough for 2⁶⁴ durations of up
// to 2⁶³ − 1 nanoseconds each.
type u128 struct{ hi, lo uint64 }

func (a *u128) add(x uint64) {
	var c uint64
	a.lo, c = bits.Add64(a.lo, x, 0)
	a.hi += c
}

func (a *u128) addU(b u128) {
	var c uint64
	a.lo, c = bits.Add64(a.lo, b.lo, 0)
	a.hi += b.hi + c
}

func (a u128) big() *big.Int {
	x := new(big.Int).SetUint64(a.hi)
	return x.Lsh(x, 64).Or(x, new(big.Int).SetUint64(a.lo))
}

// u128FromBig returns x, or ok = false if it is negative or needs more
// than 128 bits.
func u128FromBig(x *big.Int) (u128, bool) {
	if x.Sign() < 0 || x.BitLen() > 128 {
		return u128{}, false
	}
	lo := new(big.Int).And(x, new(big.Int).SetUint64(math.MaxUint64)).Uint64()
	return u128{hi: new(big.Int).Rsh(x, 64).Uint64(), lo: lo}, true
}

// mean returns a/n as a duration, rounded half up to the nanosecond; n > 0
// and a ≤ n·(2⁶³ − 1) (every sum here keeps that), so it cannot overflow.
func (a u128) mean(n uint64) time.Duration {
	if a.hi >= n { // unreachable for a valid sum; saturate rather than panic
		return math.MaxInt64
	}
	q, r := bits.Div64(a.hi, a.lo, n)
	if r >= n-r {
		q++
	}
	return time.Duration(min(q, math.MaxInt64))
}

// ratio returns a/b correctly rounded, or ok = false when b is 0.
func ratio(a, b uint64) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	const exact = 1 << 53
	if a < exact && b < exact {
		return float64(a) / float64(b), true
	}
	f, _ := new(big.Rat).SetFrac(new(big.Int).SetUint64(a), new(big.Int).SetUint64(b)).Float64()
	return f, true
}

// costString writes a cost sum with all its decimal places, "14.70".
func costString(s money.Sum) string {
	return s.Value().StringFixed(-s.Exp())
}

// parseCostSum reads a sum written by costString: a non-negative decimal
// with at most maxCostExponent decimal places.
func parseCostSum(s string) (money.Sum, bool) {
	d, err := decimal.NewFromString(s)
	if err != nil || d.Sign() < 0 || d.Exponent() < -maxCostExponent || d.Exponent() > maxCostExponent {
		return money.Sum{}, false
	}
	return money.Of(d), true // keeps written trailing zeros, even of a zero sum
}

func newBigUint(n uint64) *big.Int { return new(big.Int).SetUint64(n) }
