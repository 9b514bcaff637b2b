package money

import (
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Sum is an exact sum of decimal amounts, coef·10^exp. Its zero value is
// 0. The exponent is the smallest of 0 and the exponents of the terms
// added (zero terms included), so the representation never depends on
// the order of the additions. The coefficient is a signed 128-bit integer
// while it fits, added without allocating; past that it is a big.Int, and
// back to 128 bits as soon as it fits again, so that equal sums of equal
// exponents are represented alike.
//
// A Sum is a value: copies are independent (the big.Int is never changed
// once set).
type Sum struct {
	hi, lo uint64   // the coefficient, two's complement, while big is nil
	exp    int32    // ≤ 0
	big    *big.Int // the coefficient when it needs more than 128 bits
}

// Of returns the sum holding d alone.
func Of(d decimal.Decimal) Sum {
	var s Sum
	s.Add(d)
	return s
}

// Add adds d exactly.
func (s *Sum) Add(d decimal.Decimal) {
	if d.NumDigits() <= 18 {
		s.AddUnits(d.CoefficientInt64(), d.Exponent())
		return
	}
	s.addBig(d.Coefficient(), d.Exponent())
}

// AddUnits adds u·10^e exactly: the same as Add(decimal.New(u, e)),
// without allocating while the sum fits 128 bits. The first branch is the
// common case, a term at the sum's exponent added to a coefficient whose
// high word is neither the lowest nor the highest, so that the addition
// cannot overflow.
func (s *Sum) AddUnits(u int64, e int32) {
	if e == s.exp && s.big == nil && s.hi-(1<<63+1) < 1<<64-2 {
		var c uint64
		s.lo, c = bits.Add64(s.lo, uint64(u), 0)
		s.hi += uint64(u>>63) + c
		return
	}
	s.add128(uint64(u>>63), uint64(u), e)
}

// AddColumn adds every u·10^e of units exactly: the same as AddUnits for
// each, in a branch-free 128-bit loop that cannot overflow (the total of
// fewer than 2⁶³ int64 is within 128 bits), added to the sum at the end.
// An empty column adds nothing, not even its exponent.
func (s *Sum) AddColumn(units []int64, e int32) {
	if len(units) == 0 {
		return
	}
	// Four running totals, so that the additions of neighbouring
	// elements do not wait for each other.
	var lo, hi [4]uint64
	i := 0
	for ; i+4 <= len(units); i += 4 {
		u := units[i : i+4 : i+4]
		var c uint64
		lo[0], c = bits.Add64(lo[0], uint64(u[0]), 0)
		hi[0] += uint64(u[0]>>63) + c
		lo[1], c = bits.Add64(lo[1], uint64(u[1]), 0)
		hi[1] += uint64(u[1]>>63) + c
		lo[2], c = bits.Add64(lo[2], uint64(u[2]), 0)
		hi[2] += uint64(u[2]>>63) + c
		lo[3], c = bits.Add64(lo[3], uint64(u[3]), 0)
		hi[3] += uint64(u[3]>>63) + c
	}
	for ; i < len(units); i++ {
		var c uint64
		lo[0], c = bits.Add64(lo[0], uint64(units[i]), 0)
		hi[0] += uint64(units[i]>>63) + c
	}
	for k := 1; k < 4; k++ {
		var c uint64
		lo[0], c = bits.Add64(lo[0], lo[k], 0)
		hi[0] += hi[k] + c
	}
	s.add128(hi[0], lo[0], e)
}

// Merge adds the sum o exactly.
func (s *Sum) Merge(o Sum) {
	if o.big != nil {
		s.addBig(o.big, o.exp)
		return
	}
	s.add128(o.hi, o.lo, o.exp)
}

// add128 adds hi:lo·10^e, on 128 bits when the result fits.
func (s *Sum) add128(hi, lo uint64, e int32) {
	if s.big == nil {
		t := min(s.exp, e)
		ahi, alo, okA := scale(s.hi, s.lo, s.exp-t)
		bhi, blo, okB := scale(hi, lo, e-t)
		if okA && okB {
			l, c := bits.Add64(alo, blo, 0)
			h := ahi + bhi + c
			if (ahi^h)&(bhi^h)>>63 == 0 {
				s.hi, s.lo, s.exp = h, l, t
				return
			}
		}
	}
	s.addBig(toBig(hi, lo), e)
}

// addBig adds c·10^e with big integers; c is not modified.
func (s *Sum) addBig(c *big.Int, e int32) {
	t := min(s.exp, e)
	sum := s.coef()
	if k := s.exp - t; k > 0 {
		sum.Mul(sum, pow10Big(k))
	}
	if k := e - t; k > 0 {
		sum.Add(sum, new(big.Int).Mul(c, pow10Big(k)))
	} else {
		sum.Add(sum, c)
	}
	s.set(sum, t)
}

// set makes the sum c·10^e, on 128 bits when c fits; c then belongs to s.
func (s *Sum) set(c *big.Int, e int32) {
	s.exp = e
	if hi, lo, ok := fromBig(c); ok {
		s.hi, s.lo, s.big = hi, lo, nil
		return
	}
	s.hi, s.lo, s.big = 0, 0, c
}

// coef returns a fresh copy of the coefficient.
func (s *Sum) coef() *big.Int {
	if s.big != nil {
		return new(big.Int).Set(s.big)
	}
	return toBig(s.hi, s.lo)
}

// Value returns the sum as a decimal, with the sum's exponent.
func (s Sum) Value() decimal.Decimal {
	if s.big == nil && s.hi == uint64(int64(s.lo)>>63) {
		return decimal.New(int64(s.lo), s.exp)
	}
	return decimal.NewFromBigInt(s.coef(), s.exp)
}

// Exp returns the exponent of the sum's representation: the smallest of
// 0 and the exponents of the terms added.
func (s Sum) Exp() int32 { return s.exp }

// Sign returns −1, 0 or +1.
func (s Sum) Sign() int {
	switch {
	case s.big != nil:
		return s.big.Sign()
	case int64(s.hi) < 0:
		return -1
	case s.hi|s.lo != 0:
		return 1
	}
	return 0
}

// Units returns the sum as a whole number of 10^e, when e is at most the
// sum's exponent and the result fits an int64.
func (s Sum) Units(e int32) (int64, bool) {
	if s.big != nil || e > s.exp {
		return 0, false
	}
	hi, lo, ok := scale(s.hi, s.lo, s.exp-e)
	if !ok || hi != uint64(int64(lo)>>63) {
		return 0, false
	}
	return int64(lo), true
}

// Cmp compares the values of s and o: −1, 0 or +1.
func (s Sum) Cmp(o Sum) int {
	if s.big == nil && o.big == nil {
		t := min(s.exp, o.exp)
		ahi, alo, okA := scale(s.hi, s.lo, s.exp-t)
		bhi, blo, okB := scale(o.hi, o.lo, o.exp-t)
		if okA && okB {
			switch {
			case ahi != bhi:
				if int64(ahi) < int64(bhi) {
					return -1
				}
				return 1
			case alo < blo:
				return -1
			case alo > blo:
				return 1
			}
			return 0
		}
	}
	return s.Value().Cmp(o.Value())
}
