// Package laws checks that an accumulator keeps the contract written in
// the documentation of package rapport (the module root): a ready zero
// value, rejections that change nothing, Merge equal to Add in any order
// and grouping, AddN equal to repeated Add, independent clones,
// canonical binary and JSON encodings, decoders that allocate in
// proportion to their input, Results that marshal and carry their units.
//
// It is imported by tests only. A package's test states what its
// accumulator takes and calls Check once:
//
//	func TestTallyLaws(t *testing.T) {
//		laws.Check(t, laws.Spec[Tally, int]{
//			Item: func(r *rand.Rand) int { return r.IntN(11) },
//			Bad:  []int{-1, 11},
//			...
//		})
//	}
//
// and its fuzz targets call Fuzz, so that every accumulator is held to
// the same laws by the same code.
package laws

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"
)

// Accumulator is the contract's method set, on the pointer type P of an
// accumulator A of items X.
type Accumulator[A, X any] interface {
	*A
	Add(X) error
	Merge(*A) error
	N() uint64
	Clone() *A
	AppendBinary([]byte) ([]byte, error)
	MarshalBinary() ([]byte, error)
	UnmarshalBinary([]byte) error
	MarshalJSON() ([]byte, error)
	UnmarshalJSON([]byte) error
}

// Spec describes an accumulator A of items X to Check.
type Spec[A, X any] struct {
	// New returns an empty accumulator with the parameters under test (a
	// scale, a period); nil means new(A), the zero value.
	New func() *A
	// Item draws a valid item. Any items it draws, whatever the seed, must
	// be acceptable together in any order (all of one customer, say, if
	// the accumulator holds one customer).
	Item func(r *rand.Rand) X
	// Bad lists items Add must reject.
	Bad []X
	// AddN is the accumulator's AddN, if it has one.
	AddN func(a *A, x X, n uint64) error
	// Result is the accumulator's Result with the arguments under test.
	Result func(a *A) (any, error)
	// Other returns an empty accumulator with different parameters, which
	// must not merge into New's (ErrMismatch); nil if the type has no
	// parameters.
	Other func() *A
	// ErrMismatch is the package's mismatch sentinel, with Other.
	ErrMismatch error
	// InvalidZero says the zero value is documented as invalid: it has
	// IsValid() == false and rejects Add.
	InvalidZero bool
	// AllocFree says Add must not allocate.
	AllocFree bool
	// BadBinary and BadJSON are encodings the decoders must reject, on top
	// of the mutations Check makes itself (impossible states, say).
	BadBinary [][]byte
	BadJSON   []string
	// Parameters are the JSON keys of a Result that hold model parameters
	// (an sBG's alpha and beta): pure numbers, exempt from unit suffixes.
	Parameters []string
	// Items is the number of items per state; 0 means 64.
	Items int
	// Seeds is the number of random states per law; 0 means 32.
	Seeds int
}

// Check runs every law on the accumulator described by s, each in a
// subtest, and logs the number of cases it ran.
func Check[A, X any, P Accumulator[A, X]](t *testing.T, s Spec[A, X]) {
	t.Helper()
	c := &checker[A, X, P]{spec: s}
	c.t = t
	for _, law := range []struct {
		name string
		run  func(*testing.T)
	}{
		{"zero", c.zero},
		{"reject", c.reject},
		{"merge", c.merge},
		{"merge-nil-self", c.mergeNilSelf},
		{"mismatch", c.mismatch},
		{"addn", c.addN},
		{"clone", c.clone},
		{"round-trip", c.roundTrip},
		{"canonical-binary", c.canonicalBinary},
		{"canonical-json", c.canonicalJSON},
		{"decode-alloc", c.decodeAlloc},
		{"result", c.result},
		{"alloc-free", c.allocFree},
	} {
		t.Run(law.name, law.run)
	}
	t.Logf("laws: %d cases", c.cases)
}

// checker holds the spec and counts the cases run.
type checker[A, X any, P Accumulator[A, X]] struct {
	t     *testing.T
	spec  Spec[A, X]
	cases int
}

func (c *checker[A, X, P]) fresh() P {
	if c.spec.New != nil {
		return P(c.spec.New())
	}
	return P(new(A))
}

func (c *checker[A, X, P]) items() int {
	if c.spec.Items > 0 {
		return c.spec.Items
	}
	return 64
}

func (c *checker[A, X, P]) seeds() int {
	if c.spec.Seeds > 0 {
		return c.spec.Seeds
	}
	return 32
}

// draw returns n items from the generator seeded with seed.
func (c *checker[A, X, P]) draw(seed uint64, n int) []X {
	r := rand.New(rand.NewPCG(seed, 0x6c617773))
	xs := make([]X, n)
	for i := range xs {
		xs[i] = c.spec.Item(r)
	}
	return xs
}

// build adds items to a fresh accumulator, failing the test on an error.
func (c *checker[A, X, P]) build(t *testing.T, items []X) P {
	t.Helper()
	a := c.fresh()
	for i, x := range items {
		if err := a.Add(x); err != nil {
			t.Fatalf("Add(item %d = %+v) of a valid item: %v", i, x, err)
		}
	}
	return a
}

// states returns the random states the laws run on: empty, one item, and
// seeds() states of up to items() items.
func (c *checker[A, X, P]) states(t *testing.T) []P {
	t.Helper()
	out := []P{c.fresh(), c.build(t, c.draw(1, 1))}
	for seed := range uint64(c.seeds()) {
		n := 1 + int(seed*7919)%c.items()
		out = append(out, c.build(t, c.draw(seed+2, n)))
	}
	return out
}

// encode returns a's binary encoding, failing the test on an error.
func encode[A any, P interface {
	*A
	MarshalBinary() ([]byte, error)
}](t *testing.T, a P) []byte {
	t.Helper()
	b, err := a.MarshalBinary()
	if err != nil {
		t.Fatalf("MarshalBinary: %v", err)
	}
	return b
}

// jsonOf returns a's JSON encoding, failing the test on an error.
func jsonOf(t *testing.T, a json.Marshaler) []byte {
	t.Helper()
	b, err := a.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON: %v", err)
	}
	return b
}

func (c *checker[A, X, P]) zero(t *testing.T) {
	var a A
	p := P(&a)
	x := c.draw(0, 1)[0]
	v, hasValid := any(p).(interface{ IsValid() bool })
	if c.spec.InvalidZero {
		c.cases++
		if !hasValid || v.IsValid() {
			t.Fatal("a documented invalid zero value needs IsValid() == false")
		}
		if err := p.Add(x); err == nil {
			t.Fatal("the invalid zero value accepted Add")
		}
		return
	}
	if hasValid && !v.IsValid() {
		t.Fatal("zero value: IsValid() == false but the spec says it is ready")
	}
	if c.spec.New == nil {
		c.cases++
		if err := p.Add(x); err != nil {
			t.Fatalf("zero value rejected Add(%+v): %v", x, err)
		}
		if p.N() != 1 {
			t.Fatalf("N() = %d after one Add", p.N())
		}
	}
	c.cases++
	if n := c.fresh().N(); n != 0 {
		t.Fatalf("empty accumulator has N() = %d", n)
	}
}

func (c *checker[A, X, P]) reject(t *testing.T) {
	for _, a := range c.states(t) {
		before, n := encode[A](t, a), a.N()
		for _, x := range c.spec.Bad {
			c.cases++
			if err := a.Add(x); err == nil {
				t.Fatalf("Add(%+v) of a bad item succeeded", x)
			}
			if c.spec.AddN != nil {
				c.cases++
				if err := c.spec.AddN((*A)(a), x, 0); err == nil {
					t.Fatalf("AddN(%+v, 0) of a bad item succeeded", x)
				}
			}
			if after := encode[A](t, a); string(after) != string(before) || a.N() != n {
				t.Fatalf("a rejected Add(%+v) changed the state", x)
			}
		}
	}
}

// merge splits the items of each state into random parts, accumulates
// them and merges the parts in random order and grouping.
func (c *checker[A, X, P]) merge(t *testing.T) {
	for seed := range uint64(c.seeds()) {
		items := c.draw(seed+100, 1+int(seed*104729)%(2*c.items()))
		want := encode[A](t, c.build(t, items))
		wantJSON := jsonOf(t, c.build(t, items))
		r := rand.New(rand.NewPCG(seed, 0x6d65726765))
		for range 4 {
			c.cases++
			parts := split(r, items)
			accs := make([]P, len(parts))
			for i, part := range parts {
				accs[i] = c.build(t, part)
			}
			got := c.fold(t, r, accs)
			if b := encode[A](t, got); string(b) != string(want) {
				t.Fatalf("merging %d parts of %d items differs from adding them in turn", len(parts), len(items))
			}
			if j := jsonOf(t, got); string(j) != string(wantJSON) {
				t.Fatalf("merging: JSON %s, want %s", j, wantJSON)
			}
			if got.N() != uint64(len(items)) {
				t.Fatalf("merged N() = %d, want %d", got.N(), len(items))
			}
		}
	}
}

// split cuts items into 1–6 parts of random sizes (some empty); as the
// items of a generator are acceptable together in their order, each
// part keeps it.
func split[X any](r *rand.Rand, items []X) [][]X {
	k := 1 + r.IntN(6)
	parts := make([][]X, k)
	for _, x := range items {
		i := r.IntN(k)
		parts[i] = append(parts[i], x)
	}
	return parts
}

// fold merges accs in a random order and grouping: repeatedly merge a
// random one into another until one remains.
func (c *checker[A, X, P]) fold(t *testing.T, r *rand.Rand, accs []P) P {
	t.Helper()
	for len(accs) > 1 {
		i, j := r.IntN(len(accs)), r.IntN(len(accs)-1)
		if j >= i {
			j++
		}
		if err := accs[i].Merge((*A)(accs[j])); err != nil {
			t.Fatalf("Merge: %v", err)
		}
		accs = append(accs[:j], accs[j+1:]...)
	}
	return accs[0]
}

func (c *checker[A, X, P]) mergeNilSelf(t *testing.T) {
	for _, a := range c.states(t) {
		c.cases += 2
		before := encode[A](t, a)
		if err := a.Merge(nil); err != nil {
			t.Fatalf("Merge(nil): %v", err)
		}
		if after := encode[A](t, a); string(after) != string(before) {
			t.Fatal("Merge(nil) changed the state")
		}
		twice := P(a.Clone())
		if err := twice.Merge((*A)(a.Clone())); err != nil {
			t.Fatalf("Merge(clone): %v", err)
		}
		if err := a.Merge((*A)(a)); err != nil {
			t.Fatalf("a.Merge(a): %v", err)
		}
		if string(encode[A](t, a)) != string(encode[A](t, twice)) {
			t.Fatal("a.Merge(a) differs from merging a copy of a")
		}
	}
}

func (c *checker[A, X, P]) mismatch(t *testing.T) {
	if c.spec.Other == nil {
		t.Skip("no parameters")
	}
	for _, a := range c.states(t) {
		c.cases++
		o := P(c.spec.Other())
		if err := o.Add(c.draw(0, 1)[0]); err != nil {
			// Items of New may not fit Other; an empty Other must still
			// be refused.
			o = P(c.spec.Other())
		}
		before := encode[A](t, a)
		err := a.Merge((*A)(o))
		if !errors.Is(err, c.spec.ErrMismatch) {
			t.Fatalf("Merge of an accumulator with other parameters: err = %v, want %v", err, c.spec.ErrMismatch)
		}
		if string(encode[A](t, a)) != string(before) {
			t.Fatal("a refused Merge changed the state")
		}
	}
}

func (c *checker[A, X, P]) addN(t *testing.T) {
	if c.spec.AddN == nil {
		t.Skip("no AddN")
	}
	for seed := range uint64(c.seeds()) {
		items := c.draw(seed+200, 1+int(seed)%8)
		r := rand.New(rand.NewPCG(seed, 0x6164646e))
		byAdd, byAddN := c.fresh(), c.fresh()
		var n uint64
		for _, x := range items {
			c.cases++
			k := uint64(r.IntN(5))
			for range k {
				if err := byAdd.Add(x); err != nil {
					t.Fatalf("Add: %v", err)
				}
			}
			if err := c.spec.AddN((*A)(byAddN), x, k); err != nil {
				t.Fatalf("AddN(%+v, %d): %v", x, k, err)
			}
			n += k
		}
		if string(encode[A](t, byAdd)) != string(encode[A](t, byAddN)) {
			t.Fatal("AddN(x, k) differs from k times Add(x)")
		}
		if byAddN.N() != n {
			t.Fatalf("N() = %d after AddN of %d items", byAddN.N(), n)
		}
	}
}

func (c *checker[A, X, P]) clone(t *testing.T) {
	for i, a := range c.states(t) {
		c.cases++
		before := encode[A](t, a)
		k := P(a.Clone())
		if string(encode[A](t, k)) != string(before) {
			t.Fatal("Clone differs from the original")
		}
		for _, x := range c.draw(uint64(i)+300, 3) {
			if err := k.Add(x); err != nil {
				t.Fatalf("Add to a clone: %v", err)
			}
		}
		if err := k.Merge((*A)(k.Clone())); err != nil {
			t.Fatalf("Merge into a clone: %v", err)
		}
		if string(encode[A](t, a)) != string(before) {
			t.Fatal("changing a clone changed the original")
		}
	}
}
