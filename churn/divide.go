package churn

import "math/bits"

// divider divides by a constant d ≥ 1 with a multiplication and a shift:
// floor(x/d) = floor(m·x / 2^(63+l)) for every 0 ≤ x < 2⁶³, with
// l = ⌈log₂ d⌉ and m = ⌈2^(63+l)/d⌉ < 2⁶⁴ (Granlund & Montgomery 1994,
// theorem 4.2, for 63-bit dividends: 2^(63+l) ≤ m·d < 2^(63+l) + d ≤
// 2^(63+l) + 2^l). A division instruction costs ten times as much.
type divider struct {
	m     uint64
	shift uint // l − 1, the shift after taking the high word
	one   bool // d = 1 (l = 0)
}

func newDivider(d uint64) divider {
	if d == 1 {
		return divider{one: true}
	}
	l := uint(bits.Len64(d - 1)) // ⌈log₂ d⌉, 1 ≤ l ≤ 64
	// m = ⌈2^(63+l)/d⌉, dividing the 128 bits 2^(l−1)·2⁶⁴ by d: the
	// quotient fits in 64 bits as 2^(l−1) < d.
	q, r := bits.Div64(1<<(l-1), 0, d)
	if r != 0 {
		q++
	}
	return divider{m: q, shift: l - 1}
}

// div returns floor(x/d) for 0 ≤ x < 2⁶³.
func (v divider) div(x uint64) uint64 {
	if v.one {
		return x
	}
	hi, _ := bits.Mul64(v.m, x)
	return hi >> v.shift
}
