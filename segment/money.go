package segment

import (
	"math"

	"github.com/shopspring/decimal"
)

// pow10 holds 10⁰ … 10¹⁸, the powers of ten that fit an int64.
var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// money is an exact decimal sum. While it fits, the sum is units·10^exp
// in machine integers, exp being the smallest exponent of the amounts
// added (and at most 0), so the representation never depends on the order
// of the additions. A sum that would overflow int64 moves to decimal
// (big.Int) arithmetic for good; either way the value is exact.
type money struct {
	units int64
	exp   int32
	wide  bool
	big   decimal.Decimal // the sum while wide
}

// scale returns u·10^k, or ok = false on overflow (k ≥ 0).
func scale(u int64, k int32) (int64, bool) {
	if u == 0 || k == 0 {
		return u, true
	}
	if k > 18 {
		return 0, false
	}
	p := pow10[k]
	if u > math.MaxInt64/p || u < math.MinInt64/p {
		return 0, false
	}
	return u * p, true
}

// addScaled returns a·10^ea + b·10^eb as units at exponent min(ea, eb),
// or ok = false on overflow.
func addScaled(a int64, ea int32, b int64, eb int32) (int64, int32, bool) {
	e := min(ea, eb)
	a, okA := scale(a, ea-e)
	b, okB := scale(b, eb-e)
	if !okA || !okB {
		return 0, 0, false
	}
	s := a + b
	if (s > a) != (b > 0) {
		return 0, 0, false
	}
	return s, e, true
}

// small returns the amount as units·10^exp with exp ≤ 0, when it fits.
func small(d decimal.Decimal) (int64, int32, bool) {
	if d.NumDigits() > 18 {
		return 0, 0, false
	}
	return smallUnits(d.CoefficientInt64(), d.Exponent())
}

// smallUnits is small for the amount u·10^e: the same result as
// small(decimal.New(u, e)) without building the decimal. Coefficients of
// 19 digits take the decimal path, as they do there.
func smallUnits(u int64, e int32) (int64, int32, bool) {
	const limit = 1e18 // the smallest 19-digit number
	if u >= limit || u <= -limit {
		return 0, 0, false
	}
	if e > 0 {
		u, ok := scale(u, e)
		return u, 0, ok
	}
	return u, e, true
}

// add adds d exactly.
func (m *money) add(d decimal.Decimal) {
	if !m.wide && m.addSmall(small(d)) {
		return
	}
	m.widen()
	m.big = m.big.Add(d)
}

// addUnits adds u·10^e exactly: the same as add(decimal.New(u, e)),
// without allocating while the sum fits. The first branch is the common
// case of addSmall, inlined: the sum's exponent already e.
func (m *money) addUnits(u int64, e int32) {
	if e == m.exp && !m.wide && u < 1e18 && u > -1e18 {
		if s := m.units + u; (s > m.units) == (u > 0) {
			m.units = s
			return
		}
	}
	m.addUnitsSlow(u, e)
}

func (m *money) addUnitsSlow(u int64, e int32) {
	if !m.wide && m.addSmall(smallUnits(u, e)) {
		return
	}
	m.widen()
	m.big = m.big.Add(decimal.New(u, e))
}

// addSmall adds u·10^e on the integer path and reports whether it fitted
// (ok = false says that u·10^e itself did not fit); m is unchanged when it
// did not.
func (m *money) addSmall(u int64, e int32, ok bool) bool {
	if !ok {
		return false
	}
	s, se, ok := addScaled(m.units, m.exp, u, e)
	if ok {
		m.units, m.exp = s, se
	}
	return ok
}

// merge adds the sum o exactly.
func (m *money) merge(o money) {
	if !m.wide && !o.wide {
		if s, e, ok := addScaled(m.units, m.exp, o.units, o.exp); ok {
			m.units, m.exp = s, e
			return
		}
	}
	m.widen()
	m.big = m.big.Add(o.value())
}

func (m *money) widen() {
	if !m.wide {
		m.big, m.wide = decimal.New(m.units, m.exp), true
	}
}

// value returns the sum as a decimal.
func (m money) value() decimal.Decimal {
	if m.wide {
		return m.big
	}
	return decimal.New(m.units, m.exp)
}

// sign returns −1, 0 or +1.
func (m money) sign() int {
	if m.wide {
		return m.big.Sign()
	}
	switch {
	case m.units < 0:
		return -1
	case m.units > 0:
		return 1
	}
	return 0
}

// fromDecimal returns the money holding d, on the fast path when d fits.
func fromDecimal(d decimal.Decimal) money {
	var m money
	m.add(d)
	return m
}
