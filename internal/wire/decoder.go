package wire

import (
	"fmt"
)

// Decoder reads a binary encoding, remembering the first error: reads
// after an error return zero values, and End reports it. Every error
// wraps the sentinel it was made with.
type Decoder struct {
	data     []byte
	err      error
	sentinel error
}

// NewDecoder returns a decoder of data whose errors wrap sentinel.
func NewDecoder(data []byte, sentinel error) Decoder {
	return Decoder{data: data, sentinel: sentinel}
}

// Fail records the error "sentinel: format…" unless there is one already.
func (d *Decoder) Fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: "+format, append([]any{d.sentinel}, args...)...)
	}
}

// SetErr records err, which wraps the sentinel already (a check of the
// decoded values), unless there is an error already.
func (d *Decoder) SetErr(err error) {
	if d.err == nil {
		d.err = err
	}
}

// Err returns the first error, or nil.
func (d *Decoder) Err() error { return d.err }

// Len returns the number of bytes left.
func (d *Decoder) Len() int { return len(d.data) }

// Header reads a header of tag and version without parameters (see
// AppendHeader).
func (d *Decoder) Header(tag, version byte) {
	if d.err != nil {
		return
	}
	data, err := ReadHeader(d.data, tag, version, nil)
	if err != nil {
		d.Fail("%v", err)
		return
	}
	d.data = data
}

// Uvarint reads a uvarint.
func (d *Decoder) Uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	x, n := Uvarint(d.data)
	if n <= 0 {
		d.Fail("%s number", varintError(n))
		return 0
	}
	d.data = d.data[n:]
	return x
}

// Varint reads a varint.
func (d *Decoder) Varint() int64 {
	if d.err != nil {
		return 0
	}
	x, n := Varint(d.data)
	if n <= 0 {
		d.Fail("%s number", varintError(n))
		return 0
	}
	d.data = d.data[n:]
	return x
}

// Bytes reads the next n bytes, failing with "truncated what" if there
// are fewer. The result aliases the data.
func (d *Decoder) Bytes(n uint64, what string) []byte {
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.data)) {
		d.Fail("truncated %s", what)
		return nil
	}
	b := d.data[:n:n]
	d.data = d.data[n:]
	return b
}

// Text reads a string written by AppendString, copied out of the data.
func (d *Decoder) Text() string {
	return string(d.Bytes(d.Uvarint(), "string"))
}

// End reports the first error, or trailing bytes.
func (d *Decoder) End() error {
	if d.err == nil && len(d.data) > 0 {
		d.Fail("%d trailing bytes", len(d.data))
	}
	return d.err
}

// Read reads a value with read, a reader of the slice kind (it returns
// the value and the bytes after it), failing with "what: its error".
func Read[T any](d *Decoder, what string, read func([]byte) (T, []byte, error)) T {
	var zero T
	if d.err != nil {
		return zero
	}
	v, rest, err := read(d.data)
	if err != nil {
		d.Fail("%s: %v", what, err)
		return zero
	}
	d.data = rest
	return v
}
