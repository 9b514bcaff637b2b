// Package nanos is the exact sum of durations behind operations' handle
// times and waits and churn's customer-time at risk: an unsigned 128-bit
// count of nanoseconds, enough for 2⁶⁴ durations of up to 2⁶³ − 1 ns
// each, added without allocating. Its binary form is the high and the low
// 64 bits as two uvarints; its text form is the decimal integer.
package nanos

import (
	"encoding/binary"
	"math"
	"math/big"
	"math/bits"
	"time"

	"github.com/rapportkit/rapport/internal/wire"
)

// Sum is a sum of nanoseconds, hi·2⁶⁴ + lo. Its zero value is 0.
type Sum struct{ hi, lo uint64 }

// Add adds x nanoseconds.
func (s *Sum) Add(x uint64) {
	var c uint64
	s.lo, c = bits.Add64(s.lo, x, 0)
	s.hi += c
}

// Merge adds the sum o.
func (s *Sum) Merge(o Sum) {
	var c uint64
	s.lo, c = bits.Add64(s.lo, o.lo, 0)
	s.hi += o.hi + c
}

// Product returns a·b exactly: the bound of n durations of at most d.
func Product(a, b uint64) Sum {
	hi, lo := bits.Mul64(a, b)
	return Sum{hi: hi, lo: lo}
}

// IsZero reports whether the sum is 0.
func (s Sum) IsZero() bool { return s.hi == 0 && s.lo == 0 }

// Cmp compares s and o: −1, 0 or +1.
func (s Sum) Cmp(o Sum) int {
	switch {
	case s.hi < o.hi || s.hi == o.hi && s.lo < o.lo:
		return -1
	case s == o:
		return 0
	}
	return 1
}

// Float returns the sum as a float64 (hi·2⁶⁴ + lo in floating point).
func (s Sum) Float() float64 { return float64(s.hi)*0x1p64 + float64(s.lo) }

// Mean returns s/n as a duration, rounded half up to the nanosecond; n > 0
// and s ≤ n·(2⁶³ − 1) (every sum of durations keeps that), so it cannot
// overflow.
func (s Sum) Mean(n uint64) time.Duration {
	if s.hi >= n { // unreachable for a valid sum; saturate rather than panic
		return math.MaxInt64
	}
	q, r := bits.Div64(s.hi, s.lo, n)
	if r >= n-r {
		q++
	}
	return time.Duration(min(q, math.MaxInt64))
}

// Big returns the sum as a new big.Int.
func (s Sum) Big() *big.Int {
	x := new(big.Int).SetUint64(s.hi)
	return x.Lsh(x, 64).Or(x, new(big.Int).SetUint64(s.lo))
}

// FromBig returns x, or ok = false if it is negative or needs more than
// 128 bits.
func FromBig(x *big.Int) (Sum, bool) {
	if x.Sign() < 0 || x.BitLen() > 128 {
		return Sum{}, false
	}
	lo := new(big.Int).And(x, new(big.Int).SetUint64(math.MaxUint64)).Uint64()
	return Sum{hi: new(big.Int).Rsh(x, 64).Uint64(), lo: lo}, true
}

// String returns the sum in decimal.
func (s Sum) String() string { return s.Big().String() }

// Parse reads a sum written by String (any decimal integer in
// 0..2¹²⁸ − 1).
func Parse(text string) (Sum, bool) {
	x, ok := new(big.Int).SetString(text, 10)
	if !ok {
		return Sum{}, false
	}
	return FromBig(x)
}

// AppendBinary appends the high and the low 64 bits as uvarints.
func (s Sum) AppendBinary(b []byte) []byte {
	return binary.AppendUvarint(binary.AppendUvarint(b, s.hi), s.lo)
}

// Read reads a sum written by AppendBinary.
func Read(d *wire.Decoder) Sum { return Sum{hi: d.Uvarint(), lo: d.Uvarint()} }
