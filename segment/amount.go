package segment

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// checkAmount returns d if it keeps the bounds of every amount that
// enters the package (money.Check: at most 64 decimal places as written
// and a magnitude below 10⁶⁴), so that no sum ever has a finer exponent.
// The error says what is wrong with d, for the caller to wrap with
// ErrAmount and the record it came from.
func checkAmount(d decimal.Decimal) (decimal.Decimal, error) {
	e := d.Exponent()
	if e >= -money.MaxExponent && e <= 0 && d.NumDigits() <= 19 {
		return d, nil // the common case, without allocating
	}
	if err := money.Check(d); err != nil {
		return decimal.Decimal{}, fmt.Errorf("%s: %v", amountText(d), err)
	}
	return d, nil
}

// amount is an amount that passed checkAmount, with its coefficient
// when it has at most 18 digits (narrow): adding it then needs neither
// the digit count again nor the decimal's big integer.
type amount struct {
	d      decimal.Decimal
	units  int64
	narrow bool
}

// checkedAmount is checkAmount for an amount to add to a sum.
func checkedAmount(d decimal.Decimal) (amount, error) {
	if e := d.Exponent(); e >= -money.MaxExponent && e <= 0 && d.NumDigits() <= 18 {
		return amount{d: d, units: d.CoefficientInt64(), narrow: true}, nil // the common case
	}
	d, err := checkAmount(d)
	return amount{d: d}, err
}

func (a amount) negative() bool {
	if a.narrow {
		return a.units < 0
	}
	return a.d.Sign() < 0
}

// addTo adds a to s exactly, as s.Add(a.d) does.
func (a amount) addTo(s *money.Sum) {
	if a.narrow {
		s.AddUnits(a.units, a.d.Exponent())
		return
	}
	s.Add(a.d)
}

// amountText writes d for an error message, briefly whatever its size:
// the String of 1e-2000000000 has two billion digits.
func amountText(d decimal.Decimal) string {
	e := int(d.Exponent())
	digits := d.NumDigits()
	if e >= -2*money.MaxExponent && e <= money.MaxExponent && digits <= 2*money.MaxExponent {
		return d.String()
	}
	if digits > 2*money.MaxExponent {
		return fmt.Sprintf("a %d-digit coefficient ×10^%d", digits, e)
	}
	return d.Coefficient().String() + "e" + strconv.Itoa(e)
}

// compareAmount returns x.Cmp(m) for an amount m within the bounds of
// checkAmount, in a time bounded by the size of x's coefficient whatever
// x's exponent: x.Cmp itself would scale m to x's exponent, 10²⁰⁰⁰⁰⁰⁰⁰⁰⁰
// for x = 1e-2000000000.
func compareAmount(x, m decimal.Decimal) int {
	if money.Check(x) == nil {
		return x.Cmp(m)
	}
	e, digits := int64(x.Exponent()), int64(x.NumDigits())
	if digits+e > money.MaxExponent {
		return x.Sign() // |x| ≥ 10⁶⁴ > |m|
	}
	// |x| < 10⁶⁴ written with places past the 64th: cut x toward zero to
	// the 64 places m is written on (to 0 when |x| < 10⁻⁶⁴). Where the cut
	// equals m, x lies beyond m, away from zero, unless the places cut
	// were all zeros.
	cut, rest := decimal.Decimal{}, x.Sign() != 0
	if k := -money.MaxExponent - e; k <= digits {
		q, r := new(big.Int).QuoRem(x.Coefficient(), new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil), new(big.Int))
		cut, rest = decimal.NewFromBigInt(q, -money.MaxExponent), r.Sign() != 0
	}
	if c := cut.Cmp(m); c != 0 || !rest {
		return c
	}
	return x.Sign()
}

// A net amount (Customer.Monetary) sums at most 2⁶⁴−1 amounts within the
// bounds of checkAmount: at most 64 places, and a magnitude below n·10⁶⁴
// for n transactions, so below 10⁸⁴. maxNetText is the length of the
// longest one written out: a sign, 84 digits, a point and 64 places.
const maxNetText = 1 + 84 + 1 + 64

var errNetText = errors.New("not a net amount in canonical form")

// parseNet reads a net amount as decimal.String writes it (no trailing
// zeros, no exponent), refusing any other
// spelling (1.50, 1e3, +1) and text longer than a net amount can be
// before parsing it.
func parseNet(s string) (decimal.Decimal, error) {
	if len(s) > maxNetText {
		return decimal.Decimal{}, fmt.Errorf("net amount of %d characters, more than %d", len(s), maxNetText)
	}
	if strings.ContainsAny(s, "eE") {
		// No canonical text has an exponent, and 1e-2000000000 written out
		// to compare has two billion digits.
		return decimal.Decimal{}, fmt.Errorf("%w: %q", errNetText, s)
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.String() != s {
		return decimal.Decimal{}, fmt.Errorf("%w: %q", errNetText, s)
	}
	if d.Exponent() < -money.MaxExponent {
		return decimal.Decimal{}, fmt.Errorf("net amount %s with more than %d places", s, money.MaxExponent)
	}
	return d, nil
}
