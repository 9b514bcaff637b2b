package rapportbeam

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/funcx"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/graph/coder"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/runtime"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/util/reflectx"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// registered holds the accumulator pointer types Register has seen; it
// is written only during initialisation.
var registered = map[reflect.Type]bool{}

// Register registers, for accumulator A of items X, everything Beam needs
// to run Combine and CombinePerKey on it in a pipeline: the combiner and
// the checks, and explicit coders for P and, when X is a struct, for X.
// It must be called in an init function, before beam.Init. This package
// registers every rapport accumulator; call Register for your own.
//
// P is encoded with its MarshalBinary and UnmarshalBinary: canonical, so
// the coder is deterministic. A struct X is encoded with encoding/gob,
// exactly (a decimal keeps its exponent, a time its zone offset); a
// decoder refuses more than MaxRecord bytes. Without explicit coders Beam would infer a schema from exported
// struct fields and ship a decimal.Decimal, whose fields are unexported,
// as 0 without an error (TestDefaultCoderLosesDecimals shows it).
func Register[A, X any, P Accumulator[A, X]]() {
	register.Combiner3[P, X, P](&combineFn[A, X, P]{})
	register.DoFn3x0[X, func(X), func(string)](&checkFn[A, X, P]{})
	register.DoFn4x0[beam.T, X, func(beam.T, X), func(string)](&checkKeyedFn[A, X, P]{})
	register.Emitter1[X]()
	register.Emitter1[string]()
	register.Emitter2[beam.T, X]()
	registerCoder(reflect.TypeFor[A](), encodeBinary[A, X, P], decodeBinary[A, X, P])
	if reflect.TypeFor[X]().Kind() == reflect.Struct {
		registerCoder(reflect.TypeFor[X](), encodeGob[X], decodeGob[X])
	}
	registered[reflect.TypeFor[P]()] = true
}

// registerCoder registers enc and dec as the coder of values of t (of
// *t when t is an accumulator). beam.RegisterCoder names a function
// after its symbol, and every instantiation of a generic function has
// the same symbol (encodeBinary[...]): the last one registered would
// decode every type. So each pair is registered under a name that holds
// the type, as Beam's own batch.RegisterShardedKeyType does.
func registerCoder(t reflect.Type, enc, dec any) {
	typ := reflect.TypeOf(enc).In(0)
	runtime.RegisterType(t)
	name := fmt.Sprintf("rapportbeam.coder[%s.%s]", t.PkgPath(), t.Name())
	runtime.RegisterFunctionWithName(name+".enc", enc)
	runtime.RegisterFunctionWithName(name+".dec", dec)
	e, err := funcx.New(reflectx.MakeFuncWithName(name+".enc", enc))
	if err != nil {
		panic(fmt.Sprintf("rapportbeam: encoder of %v: %v", typ, err))
	}
	d, err := funcx.New(reflectx.MakeFuncWithName(name+".dec", dec))
	if err != nil {
		panic(fmt.Sprintf("rapportbeam: decoder of %v: %v", typ, err))
	}
	coder.RegisterDeterministicCoderWithFuncs(typ, e, d)
}

func encodeBinary[A, X any, P Accumulator[A, X]](a P) ([]byte, error) { return a.MarshalBinary() }

func decodeBinary[A, X any, P Accumulator[A, X]](b []byte) (P, error) {
	a := P(new(A))
	if err := a.UnmarshalBinary(b); err != nil {
		return nil, fmt.Errorf("rapportbeam: %v: %w", reflect.TypeFor[P](), err)
	}
	return a, nil
}

// MaxRecord is the largest encoding of an item the coders decode, in
// bytes: it bounds what a decoder allocates. rapport's records are far
// smaller (no amount has more than 64 digits before and 64 after the
// point).
const MaxRecord = 1 << 16

// encodeGob encodes an item with encoding/gob, which writes decimals and
// times exactly (decimal.Decimal and time.Time have GobEncode), the
// exponent of a decimal included: JSON would turn 12.340 into 12.34,
// and accumulators that keep the scale of their sums (clv.History) would
// then differ from the single-process result.
func encodeGob[X any](x X) ([]byte, error) {
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(x)
	return b.Bytes(), err
}

func decodeGob[X any](b []byte) (X, error) {
	var x X
	if len(b) > MaxRecord {
		return x, fmt.Errorf("rapportbeam: %v of %d bytes, more than %d", reflect.TypeFor[X](), len(b), MaxRecord)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&x); err != nil {
		return x, fmt.Errorf("rapportbeam: %v: %w", reflect.TypeFor[X](), err)
	}
	return x, nil
}
