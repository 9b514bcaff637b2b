package wire

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

var errTest = errors.New("test: bad encoding")

func TestHeader(t *testing.T) {
	b := AppendHeader(nil, 'X', 1, -3, 7)
	if !slices.Equal(b, []byte{'X', 1, 5, 14}) {
		t.Fatalf("header % x", b)
	}
	b = append(b, 42)
	params := make([]int, 2)
	rest, err := ReadHeader(b, 'X', 1, params)
	if err != nil || !slices.Equal(params, []int{-3, 7}) || !slices.Equal(rest, []byte{42}) {
		t.Fatalf("header: %v %v %v", params, rest, err)
	}
	for _, bad := range []struct {
		data         []byte
		tag, version byte
	}{{b, 'Y', 1}, {b, 'X', 2}, {b[:1], 'X', 1}, {b[:3], 'X', 1}} {
		if _, err := ReadHeader(bad.data, bad.tag, bad.version, params); err == nil {
			t.Errorf("% x accepted as %q v%d", bad.data, bad.tag, bad.version)
		}
	}
	over := binary.AppendVarint([]byte{'X', 1}, math.MaxInt32+1)
	if _, err := ReadHeader(over, 'X', 1, params[:1]); err == nil {
		t.Error("parameter past int32 accepted")
	}
}

func TestDecoder(t *testing.T) {
	b := AppendHeader(nil, 'D', 1)
	b = binary.AppendUvarint(b, 300)
	b = binary.AppendVarint(b, -5)
	b = AppendString(b, "héllo")
	b = append(b, 1, 2, 3)
	d := NewDecoder(b, errTest)
	d.Header('D', 1)
	u, v, s, raw := d.Uvarint(), d.Varint(), d.Text(), d.Bytes(3, "tail")
	if err := d.End(); err != nil || u != 300 || v != -5 || s != "héllo" || !slices.Equal(raw, []byte{1, 2, 3}) {
		t.Fatalf("%d %d %q %v %v", u, v, s, raw, err)
	}

	// The first error sticks and wraps the sentinel; later reads are zero.
	d = NewDecoder(b[:len(b)-1], errTest)
	d.Header('D', 1)
	d.Uvarint()
	d.Varint()
	d.Text()
	if d.Bytes(3, "tail") != nil || d.Uvarint() != 0 || d.Text() != "" || d.Len() != 2 {
		t.Error("reads after an error")
	}
	err := d.End()
	if !errors.Is(err, errTest) || err.Error() != "test: bad encoding: truncated tail" {
		t.Errorf("err = %v", err)
	}
	for _, c := range []struct {
		data []byte
		read func(*Decoder)
		want string
	}{
		{[]byte{'E', 1}, func(d *Decoder) { d.Header('D', 1) }, `not a version 1 'D' encoding`},
		{[]byte{0x80}, func(d *Decoder) { d.Uvarint() }, "truncated number"},
		{[]byte{0x80}, func(d *Decoder) { d.Varint() }, "truncated number"},
		{[]byte{5, 'a'}, func(d *Decoder) { d.Text() }, "truncated string"},
		{[]byte{1, 9}, func(d *Decoder) { d.Uvarint() }, "1 trailing bytes"},
		{[]byte{}, func(d *Decoder) { d.Fail("custom %d", 7); d.Fail("second") }, "custom 7"},
		{[]byte{}, func(d *Decoder) { d.SetErr(nil); d.SetErr(fmt.Errorf("%w: checked", errTest)); d.Fail("second") }, "checked"},
	} {
		d := NewDecoder(c.data, errTest)
		c.read(&d)
		if err := d.End(); !errors.Is(err, errTest) || !strings.HasSuffix(err.Error(), ": "+c.want) {
			t.Errorf("% x: %v, want …%s", c.data, err, c.want)
		}
	}
}

func TestRead(t *testing.T) {
	two := func(b []byte) ([2]byte, []byte, error) {
		if len(b) < 2 {
			return [2]byte{}, nil, errors.New("short")
		}
		return [2]byte{b[0], b[1]}, b[2:], nil
	}
	d := NewDecoder([]byte{1, 2, 3}, errTest)
	if got := Read(&d, "pair", two); got != [2]byte{1, 2} || d.Len() != 1 {
		t.Fatalf("%v %d", got, d.Len())
	}
	if got := Read(&d, "pair", two); got != ([2]byte{}) || d.End().Error() != "test: bad encoding: pair: short" {
		t.Fatalf("%v %v", got, d.End())
	}
}

// Decoding never panics, whatever the bytes and the reads.
func FuzzDecoder(f *testing.F) {
	f.Add([]byte{'D', 1, 0x80, 5, 'a'}, []byte{0, 1, 2, 3, 4})
	f.Fuzz(func(t *testing.T, data, ops []byte) {
		d := NewDecoder(data, errTest)
		for _, op := range ops {
			switch op % 6 {
			case 0:
				d.Header('D', 1)
			case 1:
				d.Uvarint()
			case 2:
				d.Varint()
			case 3:
				d.Text()
			case 4:
				if b := d.Bytes(uint64(op>>3), "bytes"); d.Err() == nil && len(b) != int(op>>3) {
					t.Fatal("short read without an error")
				}
			case 5:
				Read(&d, "x", func(b []byte) (int, []byte, error) { return len(b), b[len(b)/2:], nil })
			}
		}
		if err := d.End(); err != nil && !errors.Is(err, errTest) {
			t.Fatalf("error without the sentinel: %v", err)
		}
	})
}

func TestCanonicalVarints(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		x    uint64
		n    int
	}{
		{"zero", []byte{0}, 0, 1},
		{"300", []byte{0xac, 0x02}, 300, 2},
		{"overlong zero", []byte{0x80, 0x00}, 0, -2},
		{"overlong one", []byte{0x81, 0x80, 0x00}, 0, -3},
		{"truncated", []byte{0x80}, 0, 0},
		{"overflow", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}, 0, -10},
		{"max", binary.AppendUvarint(nil, math.MaxUint64), math.MaxUint64, 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			x, n := Uvarint(c.data)
			if x != c.x || n != c.n {
				t.Fatalf("Uvarint(% x) = %d, %d; want %d, %d", c.data, x, n, c.x, c.n)
			}
		})
	}
	if x, n := Varint([]byte{0x09}); x != -5 || n != 1 {
		t.Errorf("Varint(-5) = %d, %d", x, n)
	}
	if _, n := Varint([]byte{0x89, 0x00}); n >= 0 {
		t.Errorf("overlong Varint accepted, n = %d", n)
	}
	d := NewDecoder([]byte{0x85, 0x00}, errTest)
	d.Uvarint()
	if err := d.End(); !errors.Is(err, errTest) || !strings.Contains(err.Error(), "overlong") {
		t.Errorf("overlong uvarint: %v", err)
	}
}

func TestCanonicalJSON(t *testing.T) {
	canon := []byte(`{"a":1,"b":[1.5,"x y"]}`)
	for _, c := range []struct {
		input string
		want  bool
	}{
		{`{"a":1,"b":[1.5,"x y"]}`, true},
		{" {\n \"a\": 1, \"b\": [1.5, \"x y\"] }\n", true},
		{`{"b":[1.5,"x y"],"a":1}`, false},
		{`{"a":1,"b":[1.50,"x y"]}`, false},
		{`{"a":1e0,"b":[1.5,"x y"]}`, false},
		{`{"a":1,"b":[1.5,"x  y"]}`, false},
		{`{"a":1,"b":[1.5,"x y"],"c":0}`, false},
		{`{"a":1,`, false},
	} {
		if got := CanonicalJSON(canon, []byte(c.input)); got != c.want {
			t.Errorf("CanonicalJSON(%s) = %v, want %v", c.input, got, c.want)
		}
	}
}
