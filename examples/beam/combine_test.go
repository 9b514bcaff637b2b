package rapportbeam

import (
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/rapportkit/rapport/agent"
	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/journey"
	"github.com/rapportkit/rapport/nps"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/segment"
	"github.com/rapportkit/rapport/ticket"
	"github.com/stretchr/testify/require"
)

func init() {
	register.Function1x2[beam.T, string, error](encodedOf)
	register.Function2x2[string, beam.T, string, error](keyedEncodedOf)
}

// encodedOf is an accumulator's binary encoding in base64: what the tests
// compare, to the byte.
func encodedOf(a beam.T) (string, error) {
	b, err := a.(encoding.BinaryMarshaler).MarshalBinary()
	return base64.StdEncoding.EncodeToString(b), err
}

func keyedEncodedOf(key string, a beam.T) (string, error) {
	e, err := encodedOf(a)
	return key + " " + e, err
}

// parts is how many Creates a test's items are split over, so that
// several bundles accumulate partial accumulators that Beam merges.
const parts = 4

// items returns the items of a pipeline, split over parts Creates and
// flattened.
func items[X any](s beam.Scope, xs []X) beam.PCollection {
	var cols []beam.PCollection
	for i := range parts {
		lo, hi := i*len(xs)/parts, (i+1)*len(xs)/parts
		cols = append(cols, beam.CreateList(s, xs[lo:hi]))
	}
	return beam.Flatten(s, cols...)
}

// keyFn keys an item by keyOf.
type keyFn[X any] struct{}

func (keyFn[X]) ProcessElement(x X, emit func(string, X)) error {
	k, err := keyOf(x)
	emit(k, x)
	return err
}

// keyOf is one of "k0", "k1", "k2", by a hash of the item's JSON.
func keyOf[X any](x X) (string, error) {
	b, err := json.Marshal(x)
	h := fnv.New32a()
	h.Write(b)
	return fmt.Sprintf("k%d", h.Sum32()%3), err
}

func registerKeyFn[X any]() {
	register.DoFn2x1[X, func(string, X), error](&keyFn[X]{})
	register.Emitter2[string, X]()
}

func init() {
	registerKeyFn[int]()
	registerKeyFn[bool]()
	registerKeyFn[nps.Response]()
	registerKeyFn[operations.Contact]()
	registerKeyFn[churn.Customer]()
	registerKeyFn[churn.Lifetime]()
	registerKeyFn[churn.Revenue]()
	registerKeyFn[segment.Transaction]()
	registerKeyFn[ticket.Ticket]()
	registerKeyFn[journey.Journey]()
	registerKeyFn[agent.Interval]()
}

// single is the single-process result: empty (or the zero value) with
// every item added in order, the items it rejects left out with their
// reasons.
func single[A, X any, P Accumulator[A, X]](t *testing.T, empty P, xs []X) (P, []any) {
	t.Helper()
	a := P(new(A))
	if empty != nil {
		a = empty.Clone()
	}
	var rejected []any
	for _, x := range xs {
		if err := a.Add(x); err != nil {
			rejected = append(rejected, err.Error())
		}
	}
	return a, rejected
}

func encoded[A, X any, P Accumulator[A, X]](t *testing.T, a P) string {
	t.Helper()
	b, err := a.MarshalBinary()
	require.NoError(t, err)
	return base64.StdEncoding.EncodeToString(b)
}

// checkCombine runs Combine on xs on the prism runner and requires its
// accumulator to encode as the single-process one, and its rejections to
// be the single-process ones. It requires xs to hold rejected items
// unless reject is false.
func checkCombine[A, X any, P Accumulator[A, X]](t *testing.T, empty P, xs []X, reject bool) {
	want, wantRejected := single(t, empty, xs)
	require.Equal(t, reject, len(wantRejected) > 0, "rejected items in the test data")
	require.NotZero(t, encoded(t, want))

	p, s := beam.NewPipelineWithRoot()
	acc, rejected := Combine(s, empty, items(s, xs))
	passert.Equals(s, beam.ParDo(s, encodedOf, beam.Reshuffle(s, acc)), encoded(t, want))
	passert.Equals(s, rejected, wantRejected...)
	ptest.RunAndValidate(t, p)
}

// checkCombinePerKey is checkCombine for CombinePerKey, the items keyed
// by keyOf.
func checkCombinePerKey[A, X any, P Accumulator[A, X]](t *testing.T, empty P, xs []X) {
	groups := map[string][]X{}
	for _, x := range xs {
		k, err := keyOf(x)
		require.NoError(t, err)
		groups[k] = append(groups[k], x)
	}
	var want, wantRejected []any
	for k, g := range groups {
		a, r := single(t, empty, g)
		if len(r) < len(g) { // a key with no accepted item has no accumulator
			want = append(want, k+" "+encoded(t, a))
		}
		for _, reason := range r {
			wantRejected = append(wantRejected, k+": "+reason.(string))
		}
	}

	p, s := beam.NewPipelineWithRoot()
	acc, rejected := CombinePerKey(s, empty, beam.ParDo(s, &keyFn[X]{}, items(s, xs)))
	passert.Equals(s, beam.ParDo(s, keyedEncodedOf, beam.Reshuffle(s, acc)), want...)
	passert.Equals(s, rejected, wantRejected...)
	ptest.RunAndValidate(t, p)
}
