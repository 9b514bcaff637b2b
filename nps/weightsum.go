package nps

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
)

// Survey weights are summed exactly, in fixed point, so that a weighted
// tally does not depend on the order of its responses or of its merges:
// a weight w = M·2^q (M < 2⁵³) between 2⁻⁶⁴ and 2⁶⁴ is a whole number of
// units of 2⁻¹¹⁶, and its square one of 2⁻²³². 2⁶⁴ responses of weights
// below 2⁶⁴ sum to less than 2²⁴⁴ units of Σw and 2⁴²⁴ units of Σw², so
// four and seven 64-bit words hold any sum without overflow.
const (
	minWeightExp = -64 // the smallest weight is 2⁻⁶⁴
	maxWeightExp = 64  // every weight is below 2⁶⁴
	unitExp      = 116 // Σw is kept in units of 2⁻¹¹⁶ = 2^(minWeightExp − 52)
)

// weightSum is the exact Σw and Σw² of the responses at one point of a
// scale, as little-endian words of fixed-point numbers.
type weightSum struct {
	w  [4]uint64 // Σw·2¹¹⁶
	w2 [7]uint64 // Σw²·2²³²
}

// splitWeight returns a weight as M·2^q, M < 2⁵³, or ErrWeight for one
// that is not finite or outside [2⁻⁶⁴, 2⁶⁴).
func splitWeight(w float64) (m uint64, q int, err error) {
	frac, exp := math.Frexp(w) // w = frac·2^exp, ½ ≤ frac < 1
	if !(w > 0 && !math.IsInf(w, 1) && exp > minWeightExp && exp <= maxWeightExp) {
		return 0, 0, fmt.Errorf("%w: %v (need 2⁻⁶⁴ ≤ weight < 2⁶⁴)", ErrWeight, w)
	}
	return uint64(frac * (1 << 53)), exp - 53, nil
}

// add adds n weights M·2^q: n·M·2^(q+116) to Σw and n·M²·2^(2q+232) to Σw².
func (s *weightSum) add(m uint64, q int, n uint64) {
	hi, lo := bits.Mul64(n, m)
	addShifted(s.w[:], [3]uint64{lo, hi, 0}, uint(q+unitExp))
	sqHi, sqLo := bits.Mul64(m, m) // M² < 2¹⁰⁶
	h1, l1 := bits.Mul64(n, sqLo)
	h2, l2 := bits.Mul64(n, sqHi)
	mid, carry := bits.Add64(h1, l2, 0)
	addShifted(s.w2[:], [3]uint64{l1, mid, h2 + carry}, uint(2*(q+unitExp)))
}

// merge adds every sum of o, which may be s itself.
func (s *weightSum) merge(o *weightSum) {
	add := *o
	addWords(s.w[:], add.w[:])
	addWords(s.w2[:], add.w2[:])
}

// addShifted adds v·2^shift to the words of dst, which are wide enough
// by construction (see weightSum).
func addShifted(dst []uint64, v [3]uint64, shift uint) {
	word, bit := int(shift/64), shift%64
	x := [4]uint64{v[0], v[1], v[2], 0}
	if bit > 0 {
		x = [4]uint64{v[0] << bit, v[1]<<bit | v[0]>>(64-bit), v[2]<<bit | v[1]>>(64-bit), v[2] >> (64 - bit)}
	}
	var carry uint64
	for i := word; i < len(dst); i++ {
		var add uint64
		if i-word < len(x) {
			add = x[i-word]
		}
		dst[i], carry = bits.Add64(dst[i], add, carry)
	}
}

// addWords adds the words of src to those of dst, of the same length.
func addWords(dst, src []uint64) {
	var carry uint64
	for i := range dst {
		dst[i], carry = bits.Add64(dst[i], src[i], carry)
	}
}

// bigOf returns the words as a non-negative big.Int.
func bigOf(words []uint64) *big.Int {
	b := make([]byte, 8*len(words))
	for i, w := range words {
		for j := range 8 {
			b[len(b)-1-8*i-j] = byte(w >> (8 * j))
		}
	}
	return new(big.Int).SetBytes(b)
}

// wordsOf sets the words to x, a non-negative big.Int, and reports
// whether it fits.
func wordsOf(dst []uint64, x *big.Int) bool {
	if x.Sign() < 0 || x.BitLen() > 64*len(dst) {
		return false
	}
	b := x.FillBytes(make([]byte, 8*len(dst)))
	for i := range dst {
		var w uint64
		for j := range 8 {
			w |= uint64(b[len(b)-1-8*i-j]) << (8 * j)
		}
		dst[i] = w
	}
	return true
}
