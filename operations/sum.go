package operations

import (
	"math/big"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

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

// costString writes a cost sum with all its decimal places, "14.70".
func costString(s money.Sum) string {
	return s.Value().StringFixed(-s.Exp())
}

// parseCostSum reads a sum written by costString: a non-negative decimal
// with at most maxCostExponent decimal places.
func parseCostSum(s string) (money.Sum, bool) {
	d, err := decimal.NewFromString(s)
	if err != nil || d.Sign() < 0 || d.Exponent() < -maxCostExponent || d.Exponent() > maxCostExponent {
		return money.Sum{}, false
	}
	return money.Of(d), true // keeps written trailing zeros, even of a zero sum
}

func newBigUint(n uint64) *big.Int { return new(big.Int).SetUint64(n) }
