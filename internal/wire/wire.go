// Package wire is the binary encoding machinery shared by the
// accumulators of rapport: a header (tag byte, version byte, varint
// parameters), length-prefixed strings, and a Decoder that reads
// varints, strings and bytes while remembering the first error, so that
// a decoding function reads every field and checks once at the end.
//
// Each package keeps its layout and its sentinel error: a Decoder made
// with ErrEncoding reports "nps: …encoding…: truncated number" and
// errors.Is(err, nps.ErrEncoding) holds.
package wire

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// AppendHeader appends a binary encoding's header: a tag byte naming the
// type, a version byte, and the type's parameters (a scale) as varints.
func AppendHeader(b []byte, tag, version byte, params ...int) []byte {
	b = append(b, tag, version)
	for _, v := range params {
		b = binary.AppendVarint(b, int64(v))
	}
	return b
}

// ReadHeader checks the tag and version written by AppendHeader, reads
// len(params) parameters into params (each within int32) and returns the
// bytes after them.
func ReadHeader(data []byte, tag, version byte, params []int) ([]byte, error) {
	if len(data) < 2 || data[0] != tag || data[1] != version {
		return nil, fmt.Errorf("not a version %d %q encoding", version, tag)
	}
	data = data[2:]
	for i := range params {
		x, n := Varint(data)
		if n <= 0 || x < math.MinInt32 || x > math.MaxInt32 {
			return nil, errors.New("bad parameters")
		}
		params[i], data = int(x), data[n:]
	}
	return data, nil
}

// AppendString appends s after its length as a uvarint.
func AppendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// Uvarint is binary.Uvarint for canonical encodings: it decodes only the
// shortest form of a number, the one binary.AppendUvarint writes, and
// returns n = −len for a longer one (a value padded with continuation
// bytes, 0x80 0x00 for 0), n = 0 for a truncated one and n < 0 for an
// overflow, as binary.Uvarint does.
func Uvarint(b []byte) (uint64, int) {
	x, n := binary.Uvarint(b)
	if n > 1 && b[n-1] == 0 {
		return 0, -n
	}
	return x, n
}

// Varint is Uvarint for the zig-zag signed encoding of binary.Varint.
func Varint(b []byte) (int64, int) {
	ux, n := Uvarint(b)
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x, n
}

// varintError names what is wrong with a number whose Uvarint length is
// n ≤ 0.
func varintError(n int) string {
	if n == 0 {
		return "truncated"
	}
	return "overlong or overflowing"
}

// CanonicalJSON reports whether input is the canonical JSON encoding
// canon, up to insignificant white space, so that an UnmarshalJSON can
// refuse every other spelling of the state it decoded (keys in another
// order, 1.50 for 1.5, 1e0 for 1, unknown keys): decode, encode the
// result again, and compare.
func CanonicalJSON(canon, input []byte) bool {
	var b bytes.Buffer
	if err := json.Compact(&b, input); err != nil {
		return false
	}
	return bytes.Equal(b.Bytes(), canon)
}
