package operations

import (
	"math/big"
	"strings"

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

// maxCostText bounds the text of a cost sum: below 2⁶⁴·10⁶⁴ (84 digits),
// a point and 64 places, with room to spare.
const maxCostText = 160

// parseCostSum reads a sum written by costString: digits with at most one
// point, no sign and no exponent, of at most maxCostText characters, so
// that parsing is bounded before the tally's check judges the value.
func parseCostSum(s string) (money.Sum, bool) {
	if s == "" || len(s) > maxCostText || strings.Trim(s, "0123456789.") != "" || strings.Count(s, ".") > 1 {
		return money.Sum{}, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return money.Sum{}, false
	}
	return money.Of(d), true // keeps the places written, even of a zero sum, for the check to judge
}

func newBigUint(n uint64) *big.Int { return new(big.Int).SetUint64(n) }
