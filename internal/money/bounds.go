package money

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// MaxExponent bounds every amount that enters rapport: at most
// MaxExponent decimal places and a magnitude below 10^MaxExponent. The
// bound is rapport's own, not shopspring's process-wide
// decimal.MaxDecodeExponent, which any importer may change.
const MaxExponent = 64

// maxText is the longest decimal text Parse reads: a sign, a point, 64
// digits before it and 64 after, and an exponent, with room to spare.
const maxText = 2*MaxExponent + 16

var (
	errPlaces    = fmt.Errorf("more than %d decimal places", MaxExponent)
	errMagnitude = fmt.Errorf("magnitude of 10^%d or more", MaxExponent)
	errLong      = fmt.Errorf("longer than %d characters", maxText)
	errSyntax    = errors.New("not a decimal number")
)

// Check reports whether d is within the bounds: an exponent within
// ±MaxExponent — at most MaxExponent decimal places as written, trailing
// zeros and zero itself included, since a sum keeps the finest exponent
// of its terms — and |d| < 10^MaxExponent. It compares coefficients at
// d's own exponent, so it costs a comparison of lengths for a coefficient
// of any size and does not allocate. The error says which bound d
// passes; callers wrap it with their sentinel (ErrAmount).
func Check(d decimal.Decimal) error {
	e := d.Exponent()
	switch {
	case e < -MaxExponent:
		return errPlaces
	case e > MaxExponent: // |d| ≥ 10^e unless d is 0
		if d.IsZero() {
			return errPlaces
		}
		return errMagnitude
	}
	l := &limits[e+MaxExponent]
	if d.Cmp(l[0]) >= 0 || d.Cmp(l[1]) <= 0 {
		return errMagnitude
	}
	return nil
}

// limits[e+MaxExponent] holds ±10^MaxExponent written with the exponent
// e, for every e in ±MaxExponent: decimal.Decimal.Cmp compares two
// decimals of one exponent by their coefficients, without rescaling.
var limits = func() (l [2*MaxExponent + 1][2]decimal.Decimal) {
	for i := range l {
		e := int32(i - MaxExponent)
		c := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(MaxExponent-e)), nil)
		l[i][0] = decimal.NewFromBigInt(c, e)
		l[i][1] = decimal.NewFromBigInt(new(big.Int).Neg(c), e)
	}
	return l
}()

// Parse reads a decimal in shopspring's syntax ("1234.50", "-0.5",
// "1e3"), refusing text longer than a bounded amount can be before it
// parses (parsing is quadratic in the digits), and amounts outside the
// bounds of Check. It never guesses separators: the caller has removed
// thousands separators and written the decimal point as '.'.
func Parse(s string) (decimal.Decimal, error) {
	if len(s) > maxText {
		return decimal.Decimal{}, errLong
	}
	if s == "" || strings.ContainsAny(s, " ,_") {
		return decimal.Decimal{}, errSyntax
	}
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		// An exponent of many digits is a bound to check before the
		// decimal package computes with it.
		exp := strings.TrimLeft(s[i+1:], "+-")
		if len(strings.TrimLeft(exp, "0")) > 4 {
			return decimal.Decimal{}, errMagnitude
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, errSyntax
	}
	if err := Check(d); err != nil {
		return decimal.Decimal{}, err
	}
	return d, nil
}
