package stat

import (
	"bytes"
	"math"
	"math/big"
	"strconv"
)

// Decimal returns the decimal a caller typed for x, as an exact rational:
// the shortest decimal that parses back to x (strconv's 'g' with
// precision −1), so that 0.05 is 1/20 and not the binary
// 0.05000000000000000277… that float64(0.05) holds. Comparing a
// computed value with a typed share, target or significance level goes
// through it. It returns nil for NaN and ±Inf, which no decimal spells.
func Decimal(x float64) *big.Rat {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
	if !ok { // unreachable: FormatFloat writes what SetString reads
		return new(big.Rat).SetFloat64(x)
	}
	return r
}

// DecimalFraction returns s ≥ 0 as num/den with den = 10ᵏ, from the
// shortest decimal that rounds to s, or ok = false if num or den do not
// fit in 64 bits (s ≥ 1.8·10¹⁹, or with more than 19 decimal places):
// Decimal without allocating, for the common shares and targets.
func DecimalFraction(s float64) (num, den uint64, ok bool) {
	if s >= 0 && s < 1<<53 && s == math.Trunc(s) { // an integer is its own shortest decimal
		return uint64(s), 1, true
	}
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], s, 'e', -1, 64) // d.ddde±xx
	i := bytes.IndexByte(b, 'e')
	digits := 0
	for _, c := range b[:i] {
		if c != '.' {
			num = 10*num + uint64(c-'0')
			digits++
		}
	}
	e := 0
	for _, c := range b[i+2:] {
		e = 10*e + int(c-'0')
	}
	if b[i+1] == '-' {
		e = -e
	}
	k := digits - 1 - e // s = num / 10ᵏ
	for ; k < 0; k++ {  // 1e+02: num = 1, k = −2
		if num > math.MaxUint64/10 {
			return 0, 0, false
		}
		num *= 10
	}
	if k > 19 {
		return 0, 0, false
	}
	den = 1
	for range k {
		den *= 10
	}
	return num, den, true
}
