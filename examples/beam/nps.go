package rapportbeam

import (
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/rapportkit/rapport/nps"
)

func init() {
	beam.RegisterCoder(reflect.TypeFor[nps.Tally](), encodeTally, decodeTally)
	register.Combiner3[nps.Tally, int, nps.Tally](&npsFn{})
	register.DoFn4x0[string, int, func(string, int), func(string)](&validateScoreFn{})
	register.Emitter1[string]()
	register.Emitter2[string, int]()
}

func encodeTally(t nps.Tally) ([]byte, error) { return t.MarshalBinary() }

func decodeTally(b []byte) (nps.Tally, error) {
	var t nps.Tally
	err := t.UnmarshalBinary(b)
	return t, err
}

// npsFn combines scores into an nps.Tally.
type npsFn struct{}

func (npsFn) CreateAccumulator() nps.Tally { return nps.Tally{} }

func (npsFn) AddInput(t nps.Tally, score int) (nps.Tally, error) {
	err := t.Add(score) // validated upstream: an error here is a bug
	return t, err
}

func (npsFn) MergeAccumulators(a, b nps.Tally) (nps.Tally, error) {
	err := a.Merge(&b)
	return a, err
}

func (npsFn) ExtractOutput(t nps.Tally) nps.Tally { return t }

// validateScoreFn passes valid (key, score) pairs on and emits a reason for
// every invalid one.
type validateScoreFn struct{}

func (validateScoreFn) ProcessElement(key string, score int, valid func(string, int), rejected func(string)) {
	if _, err := nps.Classify(score); err != nil {
		rejected(fmt.Sprintf("%s: %v", key, err))
		return
	}
	valid(key, score)
}

// NPSByKey tallies a PCollection<KV<string, int>> of (group, score) pairs
// into a PCollection<KV<string, nps.Tally>>, one tally per group. Pairs
// with a score off the 0–10 scale go to rejected, a PCollection<string> of
// reasons.
func NPSByKey(s beam.Scope, scores beam.PCollection) (tallies, rejected beam.PCollection) {
	s = s.Scope("NPSByKey")
	valid, rejected := beam.ParDo2(s, &validateScoreFn{}, scores)
	return beam.CombinePerKey(s, &npsFn{}, valid), rejected
}
