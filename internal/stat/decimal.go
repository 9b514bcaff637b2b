package stat

import (
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
