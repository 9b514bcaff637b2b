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
	"encoding/binary"
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
		x, n := binary.Varint(data)
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
