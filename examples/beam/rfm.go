package rapportbeam

import (
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
)

func init() {
	// A Transaction carries a decimal.Decimal: without these coders Beam
	// would infer a schema and ship every amount as 0.
	beam.RegisterCoder(reflect.TypeFor[segment.Transaction](), encodeTransaction, decodeTransaction)
	beam.RegisterCoder(reflect.TypeFor[segment.Collection](), encodeCollection, decodeCollection)
	register.Combiner3[segment.Collection, segment.Transaction, segment.Collection](&collectionFn{})
	register.DoFn3x0[segment.Transaction, func(segment.Transaction), func(string)](&validateTransactionFn{})
	register.DoFn2x1[segment.Collection, func(string), error](&scoreFn{})
}

// transactionJSON is a Transaction on the wire, its amount as decimal
// text whatever package decimal's process-wide JSON settings.
type transactionJSON struct {
	CustomerID string    `json:"customer_id"`
	At         time.Time `json:"at"`
	Amount     string    `json:"amount"`
}

// maxAmountText bounds the amount text decodeTransaction parses (parsing
// is quadratic in the digits): segment accepts no amount of more than 64
// digits before and 64 after the point.
const maxAmountText = 160

func encodeTransaction(t segment.Transaction) ([]byte, error) {
	return json.Marshal(transactionJSON{t.CustomerID, t.At, t.Amount.String()})
}

func decodeTransaction(b []byte) (segment.Transaction, error) {
	var j transactionJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return segment.Transaction{}, err
	}
	if len(j.Amount) > maxAmountText {
		return segment.Transaction{}, fmt.Errorf("rapportbeam: amount of %d characters", len(j.Amount))
	}
	amount, err := decimal.NewFromString(j.Amount)
	if err != nil {
		return segment.Transaction{}, fmt.Errorf("rapportbeam: amount: %w", err)
	}
	return segment.Transaction{CustomerID: j.CustomerID, At: j.At, Amount: amount}, nil
}

func encodeCollection(c segment.Collection) ([]byte, error) { return c.MarshalBinary() }

func decodeCollection(b []byte) (segment.Collection, error) {
	var c segment.Collection
	err := c.UnmarshalBinary(b)
	return c, err
}

// collectionFn combines transactions into a segment.Collection: per-worker
// collections of partial customers, merged exactly in any order.
type collectionFn struct {
	Refunds bool
}

func (f collectionFn) CreateAccumulator() segment.Collection {
	return *segment.NewCollection(segment.Options{Refunds: f.Refunds})
}

func (collectionFn) AddInput(c segment.Collection, t segment.Transaction) (segment.Collection, error) {
	err := c.Add(t) // validated upstream: an error here is a bug
	return c, err
}

func (collectionFn) MergeAccumulators(a, b segment.Collection) (segment.Collection, error) {
	err := a.Merge(&b)
	return a, err
}

func (collectionFn) ExtractOutput(c segment.Collection) segment.Collection { return c }

// validateTransactionFn passes valid transactions on and emits a reason
// for every invalid one.
type validateTransactionFn struct {
	Refunds bool
}

func (f validateTransactionFn) ProcessElement(t segment.Transaction, valid func(segment.Transaction), rejected func(string)) {
	if err := segment.NewCollection(segment.Options{Refunds: f.Refunds}).Add(t); err != nil {
		rejected(fmt.Sprintf("customer %q at %s: %v", t.CustomerID, t.At.Format(time.RFC3339), err))
		return
	}
	valid(t)
}

// scoreFn scores the merged collection and emits one "id RFM" line per
// customer.
type scoreFn struct {
	AsOf time.Time
}

func (f scoreFn) ProcessElement(c segment.Collection, emit func(string)) error {
	s, err := c.Score(f.AsOf, segment.Config{})
	if err != nil {
		return err
	}
	for sc := range s.Customers() {
		emit(sc.ID + " " + sc.Score.Code())
	}
	return nil
}

// RFM aggregates a PCollection<segment.Transaction> into customers with a
// combiner whose accumulator is segment.Collection, merges the partial
// collections of all workers into one, and scores it as of asOf. It returns
// a PCollection<string> of "id RFM" lines and the rejected transactions
// (a PCollection<string> of reasons).
//
// Quantile cut points need every customer's values in one place: the final
// merge holds one aggregate per customer (not per transaction). For more
// customers than a worker holds, score shards with explicit cut points
// (segment.Config) computed from merged histograms; see the segment
// package documentation.
func RFM(s beam.Scope, transactions beam.PCollection, asOf time.Time, refunds bool) (scores, rejected beam.PCollection) {
	s = s.Scope("RFM")
	valid, rejected := beam.ParDo2(s, &validateTransactionFn{Refunds: refunds}, transactions)
	customers := beam.Combine(s, &collectionFn{Refunds: refunds}, valid)
	return beam.ParDo(s, &scoreFn{AsOf: asOf}, customers), rejected
}
