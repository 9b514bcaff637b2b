package laws

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// FuzzBinary fuzzes UnmarshalBinary with the encodings of random states
// as seeds: whatever it accepts encodes back to the same bytes, and
// whatever it rejects leaves the accumulator unchanged.
func FuzzBinary[A, X any, P Accumulator[A, X]](f *testing.F, s Spec[A, X]) {
	c := &checker[A, X, P]{spec: s}
	for seed := range uint64(8) {
		a := c.seed(seed)
		b, err := a.MarshalBinary()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decoy := c.seed(99)
		before, _ := decoy.MarshalBinary()
		if err := decoy.UnmarshalBinary(data); err != nil {
			if after, _ := decoy.MarshalBinary(); !bytes.Equal(after, before) {
				t.Fatal("a rejected UnmarshalBinary changed the state")
			}
			return
		}
		if got, _ := decoy.MarshalBinary(); !bytes.Equal(got, data) {
			t.Fatalf("accepted % x, which encodes back to % x", data, got)
		}
		if js, err := decoy.MarshalJSON(); err != nil || !json.Valid(js) {
			t.Fatalf("decoded state marshals to JSON %s, %v", js, err)
		}
	})
}

// FuzzJSON is FuzzBinary for UnmarshalJSON: whatever it accepts is the
// canonical encoding (up to white space) of the state it decodes to.
func FuzzJSON[A, X any, P Accumulator[A, X]](f *testing.F, s Spec[A, X]) {
	c := &checker[A, X, P]{spec: s}
	for seed := range uint64(8) {
		js, err := c.seed(seed).MarshalJSON()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(js)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decoy := c.seed(99)
		before, _ := decoy.MarshalBinary()
		if err := decoy.UnmarshalJSON(data); err != nil {
			if after, _ := decoy.MarshalBinary(); !bytes.Equal(after, before) {
				t.Fatal("a rejected UnmarshalJSON changed the state")
			}
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		if got, _ := decoy.MarshalJSON(); !bytes.Equal(got, compact.Bytes()) {
			t.Fatalf("accepted %s, which encodes back to %s", data, got)
		}
	})
}

// FuzzAdd fuzzes Add with items built from fuzzed bytes by item (which
// returns false for bytes it cannot turn into an item): a rejected Add
// leaves the state unchanged, an accepted one adds one to N.
func FuzzAdd[A, X any, P Accumulator[A, X]](f *testing.F, s Spec[A, X], item func(data []byte) (X, bool), seeds ...[]byte) {
	c := &checker[A, X, P]{spec: s}
	for _, b := range seeds {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		x, ok := item(data)
		if !ok {
			return
		}
		a := c.seed(7)
		before, _ := a.MarshalBinary()
		n := a.N()
		if err := a.Add(x); err != nil {
			if after, _ := a.MarshalBinary(); !bytes.Equal(after, before) {
				t.Fatalf("a rejected Add(%+v) changed the state", x)
			}
			return
		}
		if a.N() != n+1 {
			t.Fatalf("N() = %d after Add to %d items", a.N(), n)
		}
		b, _ := a.MarshalBinary()
		u := P(new(A))
		if s.New != nil {
			u = P(s.New())
		}
		if err := u.UnmarshalBinary(b); err != nil {
			t.Fatalf("the state after Add(%+v) does not decode: %v", x, err)
		}
	})
}

// seed returns a state of a few random items, outside a test.
func (c *checker[A, X, P]) seed(seed uint64) P {
	a := c.fresh()
	r := rand.New(rand.NewPCG(seed, 0x66757a7a))
	for range 1 + int(seed)%c.items() {
		if err := a.Add(c.spec.Item(r)); err != nil {
			panic(err) // a generator of invalid items is a bug of the test
		}
	}
	return a
}
