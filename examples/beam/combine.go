package rapportbeam

import (
	"encoding"
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// Accumulator is the part of rapport's accumulator contract (see the
// rapport package documentation) a combiner needs, for an accumulator A
// of items X used through its pointer type P: Add an item, Merge another
// accumulator, Clone, and the binary encoding that ships accumulators
// between workers. Every rapport accumulator satisfies it.
type Accumulator[A, X any] interface {
	*A
	Add(x X) error
	Merge(b *A) error
	Clone() *A
	encoding.BinaryMarshaler
	encoding.BinaryUnmarshaler
}

// combineFn is the one Beam combiner over the contract: its accumulator
// is the rapport accumulator itself. Empty is the binary encoding of the
// empty accumulator to start from, which carries its parameters (a
// scale, a period, a calendar); nil starts from the zero value.
type combineFn[A, X any, P Accumulator[A, X]] struct {
	Empty []byte
}

func (f *combineFn[A, X, P]) CreateAccumulator() (P, error) {
	return newEmpty[A, X, P](f.Empty)
}

func (*combineFn[A, X, P]) AddInput(a P, x X) (P, error) {
	// Items were checked against an empty accumulator upstream: an error
	// here depends on what a holds (an overflow, a duplicate) and fails
	// the pipeline rather than dropping the item.
	return a, a.Add(x)
}

func (*combineFn[A, X, P]) MergeAccumulators(a, b P) (P, error) {
	return a, a.Merge(b)
}

func (*combineFn[A, X, P]) ExtractOutput(a P) P { return a }

// newEmpty decodes the empty accumulator encoded in empty, or returns
// the zero value for nil.
func newEmpty[A, X any, P Accumulator[A, X]](empty []byte) (P, error) {
	a := P(new(A))
	if empty == nil {
		return a, nil
	}
	if err := a.UnmarshalBinary(empty); err != nil {
		return nil, fmt.Errorf("rapportbeam: empty %v: %w", reflect.TypeFor[P](), err)
	}
	return a, nil
}

// checker checks items against the empty accumulator encoded in Empty,
// decoded once per worker in Setup.
type checker[A, X any, P Accumulator[A, X]] struct {
	Empty []byte
	empty P
}

func (c *checker[A, X, P]) Setup() error {
	var err error
	c.empty, err = newEmpty[A, X, P](c.Empty)
	return err
}

// check returns the error with which the empty accumulator rejects x.
func (c *checker[A, X, P]) check(x X) error { return P(c.empty.Clone()).Add(x) }

// checkFn passes on the items an empty accumulator accepts and emits the
// reason for every other one.
type checkFn[A, X any, P Accumulator[A, X]] struct {
	checker[A, X, P]
}

func (f *checkFn[A, X, P]) ProcessElement(x X, valid func(X), rejected func(string)) {
	if err := f.check(x); err != nil {
		rejected(err.Error())
		return
	}
	valid(x)
}

// checkKeyedFn is checkFn for (key, item) pairs; a reason starts with
// the key.
type checkKeyedFn[A, X any, P Accumulator[A, X]] struct {
	checker[A, X, P]
}

func (f *checkKeyedFn[A, X, P]) ProcessElement(key beam.T, x X, valid func(beam.T, X), rejected func(string)) {
	if err := f.check(x); err != nil {
		rejected(fmt.Sprintf("%v: %v", key, err))
		return
	}
	valid(key, x)
}

// encodeEmpty returns the encoding of empty that the combiner starts
// from, nil for a nil empty; it panics, as Beam's construction functions
// do, if empty's type is not registered or cannot be encoded.
func encodeEmpty[A, X any, P Accumulator[A, X]](empty P) []byte {
	if !registered[reflect.TypeFor[P]()] {
		panic(fmt.Sprintf("rapportbeam: %v is not registered: call rapportbeam.Register[%v, %v] in an init function",
			reflect.TypeFor[P](), reflect.TypeFor[A](), reflect.TypeFor[X]()))
	}
	if empty == nil {
		return nil
	}
	b, err := empty.MarshalBinary()
	if err != nil {
		panic(fmt.Sprintf("rapportbeam: empty %v: %v", reflect.TypeFor[P](), err))
	}
	return b
}

// Combine accumulates a PCollection<X> into a PCollection<P> holding one
// accumulator, which starts as empty (its parameters: a scale, a period;
// nil for the zero value) and holds every item empty accepts. Workers
// accumulate their share of the items and Beam merges the partial
// accumulators in any order, so the result is the one of adding every
// item in one process, to the byte.
//
// Items that empty rejects go to rejected, a PCollection<string> of
// reasons. An error that depends on what an accumulator already holds (a
// count past 2⁶⁴−1) fails the pipeline.
//
// Like beam.Combine, Combine panics if the pipeline cannot be built: if
// the accumulator type is not registered (see Register) or empty cannot
// be encoded.
func Combine[A, X any, P Accumulator[A, X]](s beam.Scope, empty P, items beam.PCollection) (accumulated, rejected beam.PCollection) {
	s = s.Scope(fmt.Sprintf("Combine[%v]", reflect.TypeFor[A]()))
	e := encodeEmpty[A, X, P](empty)
	valid, rejected := beam.ParDo2(s, &checkFn[A, X, P]{checker[A, X, P]{Empty: e}}, items)
	return beam.Combine(s, &combineFn[A, X, P]{Empty: e}, valid), rejected
}

// CombinePerKey is Combine per key: it accumulates a PCollection<KV<K, X>>
// into a PCollection<KV<K, P>>, one accumulator per key, each starting as
// empty; a key whose every item is rejected has none. Rejected reasons
// start with the key.
func CombinePerKey[A, X any, P Accumulator[A, X]](s beam.Scope, empty P, items beam.PCollection) (accumulated, rejected beam.PCollection) {
	s = s.Scope(fmt.Sprintf("CombinePerKey[%v]", reflect.TypeFor[A]()))
	e := encodeEmpty[A, X, P](empty)
	valid, rejected := beam.ParDo2(s, &checkKeyedFn[A, X, P]{checker[A, X, P]{Empty: e}}, items)
	return beam.CombinePerKey(s, &combineFn[A, X, P]{Empty: e}, valid), rejected
}
