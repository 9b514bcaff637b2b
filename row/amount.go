package row

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// maxAmountCell bounds the length of an amount cell: a bounded amount
// (64 digits before the point and 64 after, with separators, a sign and
// a currency) is shorter.
const maxAmountCell = 200

// maxUnitDigits is the most significant digits Units reads into an int64.
const maxUnitDigits = 18

// Amount reads an amount cell: digits with the Format's decimal and
// thousands separators ("1,234.50" with Thousands ","; "1 234,50" with
// Decimal "," and Thousands " "), a sign ("-12.50", "+3"), and, if
// Format.Currency is set, that currency's code or symbol before or after
// the digits ("€1,234.50", "-12,50 €", "1234.50 EUR"). Thousands
// separators must group digits by three. An exponent ("1.5e3") is read
// when no thousands separator is used. Nothing is guessed: with the zero
// Format, "1,234" is an error, never 1.234 or 1234.
//
// It fails with ErrAmount saying why: not an amount under the Format, a
// currency other than Format.Currency, more than 64 decimal places or a
// magnitude of 10⁶⁴ or more.
func (f *Format) Amount(s string) (decimal.Decimal, error) {
	n, err := f.number(s, true)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if n.text == "" {
		return decimal.New(n.units(), n.exp), nil
	}
	d, err := money.Parse(n.text)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%w: %q: %v", ErrAmount, trim(s), err)
	}
	// money.Parse lets zeros written with any exponent ("0e-3150") and
	// trailing zeros past 64 places through; an exponent beyond ±64
	// would make every later sum carry it.
	switch e := d.Exponent(); {
	case d.IsZero():
		return decimal.New(0, max(-money.MaxExponent, min(0, e))), nil
	case e < -money.MaxExponent:
		return d.Truncate(money.MaxExponent), nil // only zeros are cut: Parse checked
	}
	return d, nil
}

// Units reads an amount cell as Amount does and returns it as an integer
// number of units of 10^exp: "1,234.50" is 123450 units of 10⁻², the
// columns of segment.Columns. An amount of more than 18 significant
// digits, or written with an exponent, fails with ErrAmount (read it
// with Amount).
func (f *Format) Units(s string) (units int64, exp int32, err error) {
	n, err := f.number(s, true)
	if err != nil {
		return 0, 0, err
	}
	if n.text != "" {
		return 0, 0, fmt.Errorf("%w: %q has more than %d digits or an exponent, more than 64-bit units hold", ErrAmount, trim(s), maxUnitDigits)
	}
	return n.units(), n.exp, nil
}

// num is a parsed amount: coef·10^exp, or, when text is set, a decimal
// text for money.Parse (too many digits, or an exponent).
type num struct {
	coef uint64
	exp  int32
	neg  bool
	text string
}

func (n num) units() int64 {
	if n.neg {
		return -int64(n.coef)
	}
	return int64(n.coef)
}

// number parses an amount (currency marks allowed when currency is set)
// or a plain decimal number.
func (f *Format) number(s string, currency bool) (num, error) {
	if n, ok := f.plain(s); ok {
		return n, nil
	}
	s = trim(s)
	if s == "" {
		return num{}, fmt.Errorf("%w: empty", ErrAmount)
	}
	if len(s) > maxAmountCell {
		return num{}, fmt.Errorf("%w: %d characters, longer than a bounded amount", ErrAmount, len(s))
	}
	body, neg, mark := s, false, ""
	body, neg = cutSign(body)
	if currency {
		var pre, post string
		body, pre = cutPrefixMark(body)
		if pre != "" && !neg {
			body, neg = cutSign(trim(body))
		}
		body, post = cutSuffixMark(body)
		switch {
		case pre != "" && post != "":
			return num{}, fmt.Errorf("%w: %q has two currency marks", ErrAmount, s)
		case pre != "":
			mark = pre
		default:
			mark = post
		}
		if mark != "" {
			if err := f.checkCurrency(mark); err != nil {
				return num{}, fmt.Errorf("%w: %q: %v", ErrAmount, s, err)
			}
		}
	}
	n, err := f.digits(body)
	if err != nil {
		return num{}, fmt.Errorf("%w: %q: %v", ErrAmount, s, err)
	}
	n.neg = neg
	if n.text != "" && neg {
		n.text = "-" + n.text
	}
	if n.coef == 0 && n.text == "" {
		n.neg = false
	}
	return n, nil
}

// plain reads the common amount at once: an optional '-', at most 18
// digits and one decimal mark, nothing else.
func (f *Format) plain(s string) (num, bool) {
	var n num
	i := 0
	if len(s) > 0 && s[0] == '-' {
		n.neg, i = true, 1
	}
	if len(s)-i > maxUnitDigits+1 || i == len(s) {
		return num{}, false
	}
	point, dec, nd := -1, f.Decimal, 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			if nd++; nd > maxUnitDigits {
				return num{}, false
			}
			n.coef = 10*n.coef + uint64(c-'0')
			continue
		}
		if point >= 0 || !(dec == "" && c == '.' || dec != "" && strings.IndexByte(dec, c) >= 0) {
			return num{}, false
		}
		point = i
	}
	if point >= 0 {
		if point == len(s)-1 || point == 0 || point == 1 && n.neg {
			return num{}, false // "12." or ".5": the careful path
		}
		n.exp = -int32(len(s) - 1 - point)
	}
	if n.coef == 0 {
		n.neg = false
	}
	return n, true
}

// cutSign removes a leading '-', '+' or '−' (U+2212).
func cutSign(s string) (string, bool) {
	switch {
	case strings.HasPrefix(s, "-"):
		return s[1:], true
	case strings.HasPrefix(s, "+"):
		return s[1:], false
	case strings.HasPrefix(s, "−"):
		return s[len("−"):], true
	}
	return s, false
}

// cutPrefixMark splits a currency mark (letters and symbols) from the
// start of s.
func cutPrefixMark(s string) (rest, mark string) {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= '0' && r <= '9' || r == '.' || r == ',' || r == '-' || r == '+' || r == '−' {
			break
		}
		i += n
	}
	return s[i:], trim(s[:i])
}

// cutSuffixMark splits a currency mark from the end of s: what follows
// the last digit (or separator).
func cutSuffixMark(s string) (rest, mark string) {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if r >= '0' && r <= '9' || r == '.' || r == ',' {
			break
		}
		i -= n
	}
	return trim(s[:i]), trim(s[i:])
}

// digits reads [digits with thousands separators][decimal mark digits]
// [e±digits].
func (f *Format) digits(s string) (num, error) {
	dec, group := f.decimal(), f.Thousands
	groupSpace := strings.Contains(group, " ")
	var n num
	sig := 0 // significant digits read
	intDigits, fracDigits := 0, 0
	groupLen, grouped, first := 0, false, true
	add := func(c byte) {
		if sig == 0 && c == '0' {
			return // a leading zero
		}
		if sig++; sig <= maxUnitDigits {
			n.coef = 10*n.coef + uint64(c-'0')
		}
	}
	i := 0
	// The integer part, with thousands separators.
	for i < len(s) {
		c := s[i]
		if c >= '0' && c <= '9' {
			add(c)
			intDigits++
			groupLen++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(group, r) || groupSpace && isSpace(r) {
			switch {
			case groupLen == 0:
				return num{}, fmt.Errorf("a thousands separator %q with no digit before it", r)
			case first && groupLen > 3, !first && groupLen != 3:
				return num{}, fmt.Errorf("thousands separator %q after %d digits, not a group of three", r, groupLen)
			}
			first, grouped, groupLen = false, true, 0
			i += size
			continue
		}
		break
	}
	if grouped && groupLen != 3 {
		return num{}, fmt.Errorf("the last group has %d digits, not three", groupLen)
	}
	intEnd := i
	point := -1 // where the fraction starts
	if i < len(s) && strings.IndexByte(dec, s[i]) >= 0 {
		i++
		point = i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			add(s[i])
			fracDigits++
			i++
		}
	}
	if intDigits+fracDigits == 0 {
		return num{}, fmt.Errorf("no digits")
	}
	n.exp = -int32(fracDigits)
	exponent := ""
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') && !grouped {
		exponent = s[i:]
		j := 1
		if j < len(exponent) && (exponent[j] == '+' || exponent[j] == '-') {
			j++
		}
		if j == len(exponent) || len(exponent) > 12 || digits(exponent[j:]) < 0 {
			return num{}, fmt.Errorf("a malformed exponent %q", exponent)
		}
		i = len(s)
	}
	if i < len(s) {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return num{}, f.unexpected(r)
	}
	if sig > maxUnitDigits || exponent != "" {
		// Too many digits for coef, or an exponent: a plain decimal text
		// for money.Parse, which bounds it.
		b := make([]byte, 0, intDigits+fracDigits+2+len(exponent))
		for k := 0; k < intEnd; k++ {
			if c := s[k]; c >= '0' && c <= '9' {
				b = append(b, c)
			}
		}
		if intDigits == 0 {
			b = append(b, '0')
		}
		if fracDigits > 0 {
			b = append(b, '.')
			b = append(b, s[point:point+fracDigits]...)
		}
		b = append(b, exponent...)
		return num{text: string(b)}, nil
	}
	return n, nil
}

func (f *Format) unexpected(r rune) error {
	switch {
	case r == ',' || r == '.':
		return fmt.Errorf("%q is neither the decimal separator (Format.Decimal %q) nor a thousands separator (Format.Thousands %q)", r, f.decimal(), f.Thousands)
	case isSpace(r) || r == '\'' || r == '’':
		return fmt.Errorf("%q is not a thousands separator (Format.Thousands %q)", r, f.Thousands)
	}
	return fmt.Errorf("unexpected %q", r)
}

// checkCurrency accepts a currency mark of Format.Currency.
func (f *Format) checkCurrency(mark string) error {
	if f.Currency == "" {
		return fmt.Errorf("a currency mark %q, and Format.Currency is not set", mark)
	}
	if !f.IsCurrency(mark) {
		return fmt.Errorf("currency %q, not %s", mark, f.Currency)
	}
	return nil
}

// IsCurrency reports whether mark names Format.Currency: its code in any
// case, or one of its symbols (€ for EUR, $ and US$ for USD, £ for GBP…).
func (f *Format) IsCurrency(mark string) bool {
	if f.Currency == "" {
		return false
	}
	if strings.EqualFold(mark, f.Currency) {
		return true
	}
	for _, s := range currencySymbols[strings.ToUpper(f.Currency)] {
		if mark == s {
			return true
		}
	}
	return false
}

func isCode(c string) bool {
	if len(c) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if x := c[i] | 0x20; x < 'a' || x > 'z' {
			return false
		}
	}
	return true
}

// currencySymbols are the symbols an amount may carry for a currency
// code. A symbol shared by several currencies ($, kr, ¥) is read as the
// currency the caller named.
var currencySymbols = map[string][]string{
	"EUR": {"€"},
	"USD": {"$", "US$"},
	"GBP": {"£"},
	"JPY": {"¥", "円"},
	"CNY": {"¥", "元", "CN¥"},
	"CHF": {"Fr.", "fr.", "SFr."},
	"CAD": {"$", "CA$", "C$"},
	"AUD": {"$", "A$", "AU$"},
	"NZD": {"$", "NZ$"},
	"MXN": {"$", "MX$"},
	"BRL": {"R$"},
	"INR": {"₹"},
	"KRW": {"₩"},
	"SEK": {"kr"},
	"NOK": {"kr"},
	"DKK": {"kr"},
	"PLN": {"zł"},
	"CZK": {"Kč"},
	"TRY": {"₺"},
	"ILS": {"₪"},
	"RUB": {"₽"},
	"UAH": {"₴"},
	"ZAR": {"R"},
	"SGD": {"$", "S$"},
	"HKD": {"$", "HK$"},
}
