package stat

import (
	"math/big"
	"math/bits"
)

// CeilShare returns ⌈p·n⌉ exactly for a share p ∈ [0, 1] read as its
// decimal (see Decimal): 0.9 of 10 is 9, where 0.9·10 is not 9 in
// floating point, and 0.035 of 200 is 7. It allocates only for a p of
// more than 19 decimal places. It returns 0 for p outside [0, 1].
func CeilShare(p float64, n uint64) uint64 {
	if !(p >= 0 && p <= 1) {
		return 0
	}
	num, den, ok := DecimalFraction(p)
	if !ok { // more than 19 decimal places
		r := Decimal(p)
		x := new(big.Int).Mul(new(big.Int).SetUint64(n), r.Num())
		q, m := x.QuoRem(x, r.Denom(), new(big.Int))
		if m.Sign() != 0 {
			q.Add(q, big.NewInt(1))
		}
		return q.Uint64() // ≤ n
	}
	hi, lo := bits.Mul64(n, num) // hi < den as num ≤ den
	q, r := bits.Div64(hi, lo, den)
	if r != 0 {
		q++
	}
	return q
}
