package laws

import (
	"bytes"
	"encoding/json"
	"runtime"
	"testing"
)

func (c *checker[A, X, P]) roundTrip(t *testing.T) {
	for _, a := range c.states(t) {
		c.cases += 3
		bin := encode[A](t, a)
		appended, err := a.AppendBinary([]byte("prefix"))
		if err != nil || string(appended) != "prefix"+string(bin) {
			t.Fatalf("AppendBinary does not append MarshalBinary's bytes: %v", err)
		}
		fromBin := c.fresh()
		if err := fromBin.UnmarshalBinary(bin); err != nil {
			t.Fatalf("UnmarshalBinary of MarshalBinary's bytes: %v", err)
		}
		if string(encode[A](t, fromBin)) != string(bin) {
			t.Fatal("binary round trip changed the bytes")
		}
		js := jsonOf(t, a)
		if !json.Valid(js) {
			t.Fatalf("MarshalJSON wrote invalid JSON %s", js)
		}
		fromJSON := c.fresh()
		if err := fromJSON.UnmarshalJSON(js); err != nil {
			t.Fatalf("UnmarshalJSON of %s: %v", js, err)
		}
		if string(jsonOf(t, fromJSON)) != string(js) {
			t.Fatalf("JSON round trip changed %s", js)
		}
		if string(encode[A](t, fromJSON)) != string(bin) {
			t.Fatalf("JSON %s decodes to another state than the binary encoding", js)
		}
		if fromJSON.N() != a.N() || fromBin.N() != a.N() {
			t.Fatal("decoding changed N()")
		}
		// A decoded state is a working accumulator: it takes more items
		// and merges like the original.
		orig := P(a.Clone())
		for _, x := range c.draw(a.N()+400, 2) {
			if err := fromBin.Add(x); err != nil {
				t.Fatalf("Add after decoding: %v", err)
			}
			if err := orig.Add(x); err != nil {
				t.Fatalf("Add: %v", err)
			}
		}
		if string(encode[A](t, fromBin)) != string(encode[A](t, orig)) {
			t.Fatal("a decoded state takes items differently from the original")
		}
	}
}

// mutations returns variants of a valid binary encoding: every byte
// flipped in its low and high bit, every varint made overlong (a
// continuation bit set and a zero byte after it), every byte dropped, every
// prefix, and a trailing byte.
func mutations(b []byte) [][]byte {
	var out [][]byte
	edit := func(f func(m []byte) []byte) {
		out = append(out, f(bytes.Clone(b)))
	}
	for i := range b {
		edit(func(m []byte) []byte { m[i] ^= 1; return m })
		edit(func(m []byte) []byte { m[i] ^= 0x80; return m })
		edit(func(m []byte) []byte { m[i] = 0xff; return m })
		if b[i] < 0x80 {
			edit(func(m []byte) []byte {
				m[i] |= 0x80
				return append(m[:i+1], append([]byte{0}, b[i+1:]...)...)
			})
		}
		edit(func(m []byte) []byte { return append(m[:i], b[i+1:]...) })
		out = append(out, bytes.Clone(b[:i]))
	}
	out = append(out, append(bytes.Clone(b), 0))
	return out
}

// claims returns variants of a binary encoding in which one byte and the
// bytes after it are replaced by a varint of a huge length or count,
// with or without the rest: what a decoder that allocates what the input
// claims would take to gigabytes.
func claims(b []byte) [][]byte {
	huge := [][]byte{
		{0x80, 0x80, 0x80, 0x80, 0x10},             // 2³²
		{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10}, // 2⁴⁶
		{0xff, 0xff, 0xff, 0xff, 0x07},             // 2³¹ − 1
	}
	var out [][]byte
	for i := range b {
		for _, h := range huge {
			m := append(bytes.Clone(b[:i]), h...)
			out = append(out, m, append(bytes.Clone(m), b[i:]...))
		}
	}
	return out
}

func (c *checker[A, X, P]) canonicalBinary(t *testing.T) {
	decoy := c.build(t, c.draw(500, c.items()))
	decoyBin := encode[A](t, decoy)
	inputs := append([][]byte{nil, {}}, c.spec.BadBinary...)
	for _, a := range c.states(t)[:min(8, c.seeds())] {
		inputs = append(inputs, sample(mutations(encode[A](t, a)))...)
	}
	for _, in := range inputs {
		c.cases++
		u := P(decoy.Clone())
		if err := u.UnmarshalBinary(in); err != nil {
			if got := encode[A](t, u); string(got) != string(decoyBin) {
				t.Fatalf("a rejected UnmarshalBinary(% x) changed the state", in)
			}
			continue
		}
		if got := encode[A](t, u); string(got) != string(in) {
			t.Fatalf("UnmarshalBinary accepted % x, which is not canonical: it encodes back to % x", in, got)
		}
	}
	for _, in := range c.spec.BadBinary {
		if err := c.fresh().UnmarshalBinary(in); err == nil {
			t.Fatalf("UnmarshalBinary accepted the bad encoding % x", in)
		}
	}
}

// jsonMutations returns variants of a valid JSON encoding: every number
// written with a trailing zero after a point, with an exponent, negated
// and with a huge value, every string emptied, and every prefix at a
// token boundary.
func jsonMutations(js []byte) [][]byte {
	var out [][]byte
	for i := 0; i < len(js); i++ {
		ch := js[i]
		switch {
		case ch == '-' || ch >= '0' && ch <= '9':
			j := i + 1
			for j < len(js) && bytes.IndexByte([]byte("0123456789.eE+-"), js[j]) >= 0 {
				j++
			}
			num := js[i:j]
			for _, alt := range [][]byte{
				append(bytes.Clone(num), bytes.Repeat([]byte{'0'}, 1)...),
				withPoint(num),
				append(bytes.Clone(num), "e0"...),
				append([]byte{'-'}, num...),
				[]byte("18446744073709551616"),
				[]byte("1e400"),
				[]byte("0.1"),
			} {
				out = append(out, splice(js, i, j, alt))
			}
			i = j - 1
		case ch == '"':
			j := i + 1
			for j < len(js) && js[j] != '"' {
				if js[j] == '\\' {
					j++
				}
				j++
			}
			if j < len(js) {
				out = append(out, splice(js, i, j+1, []byte(`""`)))
				out = append(out, splice(js, i, j+1, []byte(`"1.50"`)))
			}
			i = j
		case ch == ',' || ch == '}' || ch == ']':
			out = append(out, bytes.Clone(js[:i]))
		}
	}
	out = append(out, []byte("null"), []byte("{}"), []byte("[]"), append(bytes.Clone(js), ' ', '1'))
	return out
}

// withPoint writes an integer with ".0", a fraction with a trailing zero.
func withPoint(num []byte) []byte {
	if bytes.ContainsAny(num, ".eE") {
		return append(bytes.Clone(num), '0')
	}
	return append(bytes.Clone(num), ".0"...)
}

func splice(b []byte, i, j int, with []byte) []byte {
	out := append(bytes.Clone(b[:i]), with...)
	return append(out, b[j:]...)
}

func (c *checker[A, X, P]) canonicalJSON(t *testing.T) {
	decoy := c.build(t, c.draw(600, c.items()))
	decoyBin := encode[A](t, decoy)
	var inputs [][]byte
	for _, s := range c.spec.BadJSON {
		inputs = append(inputs, []byte(s))
	}
	for _, a := range c.states(t)[:min(8, c.seeds())] {
		inputs = append(inputs, sample(jsonMutations(jsonOf(t, a)))...)
	}
	for _, in := range inputs {
		c.cases++
		u := P(decoy.Clone())
		if err := u.UnmarshalJSON(in); err != nil {
			if got := encode[A](t, u); string(got) != string(decoyBin) {
				t.Fatalf("a rejected UnmarshalJSON(%s) changed the state", in)
			}
			continue
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, in); err != nil {
			t.Fatalf("UnmarshalJSON accepted invalid JSON %s", in)
		}
		if got := jsonOf(t, u); string(got) != compact.String() {
			t.Fatalf("UnmarshalJSON accepted %s, which is not canonical: it encodes back to %s", in, got)
		}
		// The binary encoding of a state decoded from JSON is canonical too.
		bin := encode[A](t, u)
		v := c.fresh()
		if err := v.UnmarshalBinary(bin); err != nil {
			t.Fatalf("state decoded from %s does not decode from its own binary encoding: %v", in, err)
		}
	}
	for _, s := range c.spec.BadJSON {
		if err := c.fresh().UnmarshalJSON([]byte(s)); err == nil {
			t.Fatalf("UnmarshalJSON accepted the bad encoding %s", s)
		}
	}
}

// allocBudget is what a decoder may allocate for an input of n bytes:
// a generous multiple of the input and a fixed allowance, far below what
// a length claimed by the input (gigabytes) would take.
func allocBudget(n int) uint64 { return 1<<16 + 512*uint64(n) }

func (c *checker[A, X, P]) decodeAlloc(t *testing.T) {
	var inputs [][]byte
	for _, a := range c.states(t)[:min(4, c.seeds())] {
		inputs = append(inputs, sample(claims(encode[A](t, a)))...)
	}
	for _, in := range inputs {
		c.cases++
		u := c.fresh()
		if got := allocated(func() { _ = u.UnmarshalBinary(in) }); got > allocBudget(len(in)) {
			t.Fatalf("UnmarshalBinary of %d bytes (% x) allocated %d bytes", len(in), in, got)
		}
	}
	for _, a := range c.states(t)[:min(4, c.seeds())] {
		js := jsonOf(t, a)
		for _, in := range sample(jsonMutations(js)) {
			c.cases++
			u := c.fresh()
			if got := allocated(func() { _ = u.UnmarshalJSON(in) }); got > allocBudget(len(in)) {
				t.Fatalf("UnmarshalJSON of %d bytes (%s) allocated %d bytes", len(in), in, got)
			}
		}
	}
}

// allocated returns the bytes f allocates on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// maxMutations is the most mutations of one encoding a law tries: all of
// a small encoding's, an even sample of a large one's, so that a state
// of many bins costs seconds, not minutes.
const maxMutations = 384

// sample returns at most maxMutations of ms, evenly spread.
func sample(ms [][]byte) [][]byte {
	if len(ms) <= maxMutations {
		return ms
	}
	out := make([][]byte, maxMutations)
	for i := range out {
		out[i] = ms[i*len(ms)/maxMutations]
	}
	return out
}
