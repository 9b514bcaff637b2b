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

// Check reports whether d is within the bounds: at most MaxExponent
// decimal places and |d| < 10^MaxExponent. It costs a few operations on
// the coefficient's bit length, whatever its size. The error says which
// bound d passes; callers wrap it with their sentinel (ErrAmount).
func Check(d decimal.Decimal) error {
	if d.IsZero() {
		return nil
	}
	e := d.Exponent()
	if e < -MaxExponent {
		// 1.50 written with 70 places is still 1.5: only significant
		// places count.
		return checkPlaces(d)
	}
	// |coef| < 2^BitLen ≤ 10^(BitLen·log10 2 + 1): a coefficient of at
	// most 3·(64 − e) bits has fewer than 64 − e digits only if it is
	// checked exactly, so bound the bit length first, then count digits.
	if bits := d.Coefficient().BitLen(); bits > 4*(MaxExponent+int(max(0, -e)))+4 {
		return errMagnitude
	}
	if int(d.NumDigits())+int(e) > MaxExponent {
		return errMagnitude
	}
	return nil
}

// checkPlaces checks an amount written with more than MaxExponent places,
// trailing zeros included: only the significant places count.
func checkPlaces(d decimal.Decimal) error {
	coef, e := d.Coefficient(), int(d.Exponent())
	// A coefficient of b bits has fewer than b/3 + 1 digits, hence fewer
	// trailing zeros: an exponent further below −MaxExponent than that
	// leaves a significant place past the bound, and is refused before
	// any arithmetic on the exponent.
	excess := -MaxExponent - e
	if excess > coef.BitLen()/3+1 {
		return errPlaces
	}
	q, r := new(big.Int).QuoRem(coef, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(excess)), nil), new(big.Int))
	if r.Sign() != 0 {
		return errPlaces
	}
	return Check(decimal.NewFromBigInt(q, -MaxExponent))
}

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
