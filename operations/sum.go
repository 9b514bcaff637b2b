package operations

import (
	"math"
	"math/big"
	"math/bits"
	"time"

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

// amount is an exact sum of non-negative decimals, coef·10^exp, kept in
// 128 bits without allocating and in a big.Int past that. The exponent is
// the smallest of 0 and those of the non-zero terms, so the representation
// does not depend on the order of the terms.
type amount struct {
	coef u128
	exp  int32
	big  *big.Int // the coefficient once it outgrows 128 bits; coef is then unused
}

var pow10 = func() (p [39]u128) {
	p[0] = u128{lo: 1}
	for i := 1; i < len(p); i++ {
		p[i], _ = mul128(p[i-1], 10)
	}
	return p
}()

// mul128 returns a·m and whether it fits in 128 bits.
func mul128(a u128, m uint64) (u128, bool) {
	hiHi, hiLo := bits.Mul64(a.hi, m)
	loHi, loLo := bits.Mul64(a.lo, m)
	hi, c := bits.Add64(hiLo, loHi, 0)
	return u128{hi: hi, lo: loLo}, hiHi == 0 && c == 0
}

// scale returns a·10^k and whether it fits in 128 bits.
func scale(a u128, k int32) (u128, bool) {
	if a == (u128{}) {
		return a, true
	}
	if k < 0 || int(k) >= len(pow10) {
		return u128{}, false
	}
	p := pow10[k]
	if p.hi != 0 && a.hi != 0 {
		return u128{}, false
	}
	if p.hi == 0 {
		return mul128(a, p.lo)
	}
	if a.hi != 0 {
		return u128{}, false
	}
	return mul128(p, a.lo)
}

// add adds d ≥ 0 (a validated cost).
func (a *amount) add(d decimal.Decimal) {
	if d.Sign() == 0 {
		return
	}
	if a.big == nil && d.NumDigits() <= 18 {
		if a.addSmall(u128{lo: uint64(d.CoefficientInt64())}, d.Exponent()) {
			return
		}
	}
	a.addBig(d.Coefficient(), d.Exponent())
}

// addSmall adds c·10^e in 128 bits, or reports false and leaves a unchanged.
func (a *amount) addSmall(c u128, e int32) bool {
	sum, exp := a.coef, a.exp
	var ok bool
	if e < exp {
		if sum, ok = scale(sum, exp-e); !ok {
			return false
		}
		exp = e
	}
	if c, ok = scale(c, e-exp); !ok {
		return false
	}
	lo, carry := bits.Add64(sum.lo, c.lo, 0)
	hi, over := bits.Add64(sum.hi, c.hi, carry)
	if over != 0 {
		return false
	}
	a.coef, a.exp = u128{hi: hi, lo: lo}, exp
	return true
}

// addBig adds c·10^e with big integers.
func (a *amount) addBig(c *big.Int, e int32) {
	sum := a.bigCoef()
	exp := a.exp
	ten := big.NewInt(10)
	if e < exp {
		sum.Mul(sum, new(big.Int).Exp(ten, big.NewInt(int64(exp-e)), nil))
		exp = e
	}
	c = new(big.Int).Mul(c, new(big.Int).Exp(ten, big.NewInt(int64(e-exp)), nil))
	a.big, a.exp = sum.Add(sum, c), exp
	if v, ok := u128FromBig(a.big); ok { // back to the fast path when it fits
		a.coef, a.big = v, nil
	}
}

// bigCoef returns a fresh copy of the coefficient.
func (a *amount) bigCoef() *big.Int {
	if a.big != nil {
		return new(big.Int).Set(a.big)
	}
	return a.coef.big()
}

func (a *amount) merge(b *amount) {
	if b.isZero() {
		return
	}
	if b.big == nil && a.big == nil && a.addSmall(b.coef, b.exp) {
		return
	}
	a.addBig(b.bigCoef(), b.exp)
}

func (a *amount) isZero() bool { return a.big == nil && a.coef == (u128{}) }

// decimal returns the sum.
func (a *amount) decimal() decimal.Decimal {
	return decimal.NewFromBigInt(a.bigCoef(), a.exp)
}

// String writes the sum with all its decimal places, "14.70".
func (a *amount) String() string {
	return a.decimal().StringFixed(-a.exp)
}

// parseAmount reads a sum written by String: a non-negative decimal with
// at most maxCostExponent decimal places.
func parseAmount(s string) (amount, bool) {
	d, err := decimal.NewFromString(s)
	if err != nil || d.Sign() < 0 || d.Exponent() < -maxCostExponent || d.Exponent() > maxCostExponent {
		return amount{}, false
	}
	var a amount
	a.addBig(d.Coefficient(), d.Exponent())
	if d.Exponent() < 0 {
		a.exp = d.Exponent() // keep written trailing zeros, even of a zero sum
	}
	return a, true
}

func newBigUint(n uint64) *big.Int { return new(big.Int).SetUint64(n) }
