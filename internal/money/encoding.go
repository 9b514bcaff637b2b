package money

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
)

// AppendBinary appends the sum's binary encoding to b: the exponent as a
// varint, then the coefficient after its length as a uvarint: its
// magnitude in big-endian bytes without leading zeros (none for 0),
// preceded by a zero byte when it is negative. Equal sums of equal
// exponents encode to equal bytes.
func (s Sum) AppendBinary(b []byte) []byte {
	b = binary.AppendVarint(b, int64(s.exp))
	negative := s.Sign() < 0
	var mag []byte
	if s.big != nil {
		mag = s.big.Bytes() // the magnitude
	} else {
		hi, lo := s.hi, s.lo
		if negative {
			hi, lo = neg(hi, lo)
		}
		var buf [16]byte
		binary.BigEndian.PutUint64(buf[:8], hi)
		binary.BigEndian.PutUint64(buf[8:], lo)
		mag = buf[:]
		for len(mag) > 0 && mag[0] == 0 {
			mag = mag[1:]
		}
	}
	n := len(mag)
	if negative {
		n++
	}
	b = binary.AppendUvarint(b, uint64(n))
	if negative {
		b = append(b, 0)
	}
	return append(b, mag...)
}

// ReadBinary reads a sum written by AppendBinary and returns it with the
// bytes after it. It accepts only what AppendBinary writes (no overlong
// varint, no leading zero byte), so that a decoded sum encodes back to the
// same bytes. The exponent may be any
// int32 ≤ 0: callers that add to decoded sums bound it themselves.
func ReadBinary(data []byte) (Sum, []byte, error) {
	var buf [binary.MaxVarintLen64]byte
	e, n := binary.Varint(data)
	if n <= 0 {
		return Sum{}, nil, errTruncated
	}
	if n != len(binary.AppendVarint(buf[:0], e)) {
		return Sum{}, nil, errOverlong
	}
	data = data[n:]
	if e > 0 || e < math.MinInt32 {
		return Sum{}, nil, fmt.Errorf("sum exponent %d", e)
	}
	k, n := binary.Uvarint(data)
	if n <= 0 {
		return Sum{}, nil, errTruncated
	}
	if n != len(binary.AppendUvarint(buf[:0], k)) {
		return Sum{}, nil, errOverlong
	}
	data = data[n:]
	if k > uint64(len(data)) {
		return Sum{}, nil, fmt.Errorf("sum of %d bytes in %d", k, len(data))
	}
	mag, rest := data[:k], data[k:]
	negative := len(mag) > 0 && mag[0] == 0
	if negative {
		mag = mag[1:]
	}
	if negative && len(mag) == 0 || len(mag) > 0 && mag[0] == 0 {
		return Sum{}, nil, errors.New("sum not in canonical form")
	}
	c := new(big.Int).SetBytes(mag)
	if negative {
		c.Neg(c)
	}
	var s Sum
	s.set(c, int32(e))
	return s, rest, nil
}

var (
	errTruncated = errors.New("truncated sum")
	errOverlong  = errors.New("overlong number in sum")
)
