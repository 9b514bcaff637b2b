package rapportbeam

import (
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/rapportkit/rapport/segment"
)

func init() {
	register.DoFn2x1[*segment.Collection, func(string), error](&scoreFn{})
}

// scoreFn scores the merged collection and emits one "id RFM" line per
// customer.
type scoreFn struct {
	AsOf time.Time
}

func (f scoreFn) ProcessElement(c *segment.Collection, emit func(string)) error {
	s, err := c.Score(f.AsOf, segment.Config{})
	if err != nil {
		return err
	}
	for sc := range s.Customers() {
		emit(sc.ID + " " + sc.Score.Code())
	}
	return nil
}

// RFM aggregates a PCollection<segment.Transaction> into customers with
// Combine on a segment.Collection (refunds as segment.Options says),
// merges the partial collections of all workers into one, and scores it
// as of asOf. It returns a PCollection<string> of "id RFM" lines and the
// rejected transactions (a PCollection<string> of reasons).
//
// Quantile cut points need every customer's values in one place: the final
// merge holds one aggregate per customer (not per transaction). For more
// customers than a worker holds, score shards with explicit cut points
// (segment.Config) computed from merged histograms; see the segment
// package documentation.
func RFM(s beam.Scope, transactions beam.PCollection, asOf time.Time, refunds bool) (scores, rejected beam.PCollection) {
	s = s.Scope("RFM")
	customers, rejected := Combine(s, segment.NewCollection(segment.Options{Refunds: refunds}), transactions)
	return beam.ParDo(s, &scoreFn{AsOf: asOf}, customers), rejected
}
