package money

import (
	"encoding/binary"
	"math/big"
	"math/bits"
)

// Signed 128-bit integers are kept as two's complement in two uint64,
// hi:lo; their magnitudes as unsigned hi:lo.

// pow10 holds 10⁰ … 10³⁸, the powers of ten below 2¹²⁷, as hi:lo.
var pow10 = func() (p [39][2]uint64) {
	p[0] = [2]uint64{0, 1}
	for k := 1; k < len(p); k++ {
		h, l := bits.Mul64(p[k-1][1], 10)
		p[k] = [2]uint64{p[k-1][0]*10 + h, l}
	}
	return p
}()

// neg returns −(hi:lo) modulo 2¹²⁸.
func neg(hi, lo uint64) (uint64, uint64) {
	lo, b := bits.Sub64(0, lo, 0)
	hi, _ = bits.Sub64(0, hi, b)
	return hi, lo
}

// mulU returns the magnitude hi:lo times m = mh:ml, or ok = false if it
// needs more than 128 bits.
func mulU(hi, lo, mh, ml uint64) (uint64, uint64, bool) {
	if hi != 0 && mh != 0 {
		return 0, 0, false
	}
	if mh != 0 {
		hi, lo, mh, ml = mh, ml, hi, lo
	}
	// hi:lo × ml
	h1, l := bits.Mul64(lo, ml)
	hh, hl := bits.Mul64(hi, ml)
	h, c := bits.Add64(h1, hl, 0)
	return h, l, hh == 0 && c == 0
}

// scale returns the signed hi:lo times 10^k, or ok = false if it leaves
// the 128-bit range (k ≥ 0).
func scale(hi, lo uint64, k int32) (uint64, uint64, bool) {
	if k == 0 || hi|lo == 0 {
		return hi, lo, true
	}
	if k >= int32(len(pow10)) {
		return 0, 0, false
	}
	negative := int64(hi) < 0
	if negative {
		hi, lo = neg(hi, lo)
	}
	hi, lo, ok := mulU(hi, lo, pow10[k][0], pow10[k][1])
	if !ok || !inRange(hi, lo, negative) {
		return 0, 0, false
	}
	if negative {
		hi, lo = neg(hi, lo)
	}
	return hi, lo, true
}

// inRange reports whether the magnitude hi:lo with the given sign is a
// signed 128-bit integer: below 2¹²⁷, or equal to it when negative.
func inRange(hi, lo uint64, negative bool) bool {
	return hi>>63 == 0 || negative && hi == 1<<63 && lo == 0
}

// toBig returns the signed hi:lo as a new big.Int.
func toBig(hi, lo uint64) *big.Int {
	negative := int64(hi) < 0
	if negative {
		hi, lo = neg(hi, lo)
	}
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], hi)
	binary.BigEndian.PutUint64(b[8:], lo)
	x := new(big.Int).SetBytes(b[:])
	if negative {
		x.Neg(x)
	}
	return x
}

// fromBig returns x as a signed hi:lo, or ok = false if it does not fit.
func fromBig(x *big.Int) (uint64, uint64, bool) {
	if x.BitLen() > 128 {
		return 0, 0, false
	}
	var b [16]byte
	x.FillBytes(b[:]) // the magnitude
	hi, lo := binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])
	negative := x.Sign() < 0
	if !inRange(hi, lo, negative) {
		return 0, 0, false
	}
	if negative {
		hi, lo = neg(hi, lo)
	}
	return hi, lo, true
}

// pow10Big returns 10^k as a new big.Int (k ≥ 0).
func pow10Big(k int32) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)
}
