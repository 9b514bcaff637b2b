package rapportbeam

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/rapportkit/rapport/nps"
)

// NPSByKey tallies a PCollection<KV<string, int>> of (group, score) pairs
// into a PCollection<KV<string, *nps.Tally>>, one tally on the standard
// 0–10 scale per group. Pairs with a score off the scale go to rejected,
// a PCollection<string> of reasons. It is CombinePerKey with an
// nps.Tally.
func NPSByKey(s beam.Scope, scores beam.PCollection) (tallies, rejected beam.PCollection) {
	return CombinePerKey(s.Scope("NPSByKey"), nps.NewTally(nps.Standard), scores)
}
