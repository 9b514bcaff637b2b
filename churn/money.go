package churn

import (
	"math"

	"github.com/shopspring/decimal"
)

// money is an exact running sum of non-negative decimals. While the
// coefficient fits an int64 it is kept as c·10^e and added without
// allocating; past that, or on overflow, it falls back to decimal.Decimal.
// Either way the value is exact, so the representation never shows in
// results.
type money struct {
	c    int64
	e    int32
	set  bool // c, e hold a value
	slow bool // d holds the value
	d    decimal.Decimal
}

// pow10 holds 10⁰ … 10¹⁸.
var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// scale returns v·10^k, or ok = false on overflow (v ≥ 0, k ≥ 0).
func scale(v int64, k int32) (int64, bool) {
	if k == 0 {
		return v, true
	}
	if k >= int32(len(pow10)) {
		return 0, v == 0
	}
	if v > math.MaxInt64/pow10[k] {
		return 0, false
	}
	return v * pow10[k], true
}

func (m *money) add(x decimal.Decimal) {
	if !m.slow && x.NumDigits() <= 18 {
		v, e := x.CoefficientInt64(), x.Exponent()
		if !m.set {
			m.c, m.e, m.set = v, e, true
			return
		}
		c, ok := m.c, true
		switch {
		case e > m.e:
			v, ok = scale(v, e-m.e)
		case e < m.e:
			c, ok = scale(c, m.e-e)
		}
		if ok && v <= math.MaxInt64-c {
			m.c, m.e = c+v, min(e, m.e)
			return
		}
	}
	m.d = m.value().Add(x)
	m.slow = true
}

func (m *money) value() decimal.Decimal {
	switch {
	case m.slow:
		return m.d
	case m.set:
		return decimal.New(m.c, m.e)
	}
	return decimal.Decimal{}
}
