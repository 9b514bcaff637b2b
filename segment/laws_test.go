package segment

import (
	"encoding/binary"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/rapportkit/rapport/internal/wire"
	"github.com/shopspring/decimal"
)

// lawsAsOf is after every time the law items draw.
var lawsAsOf = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// drawAmount returns an amount of the kinds a ledger holds, and some it
// rarely does: cents, whole units, fine and coarse exponents, sums past
// 128 bits, zeros, and refunds when refunds is set.
func drawAmount(r *rand.Rand, refunds bool) decimal.Decimal {
	var d decimal.Decimal
	switch r.IntN(10) {
	case 0:
		d = decimal.New(r.Int64N(1e6), -int32(r.IntN(7))) // up to 6 places
	case 1:
		d = decimal.New(r.Int64N(1e18), int32(r.IntN(40))) // past 128 bits
	case 2:
		d = decimal.Zero
	case 3:
		d = decimal.New(r.Int64N(100), -64) // the finest exponent
	default:
		d = decimal.New(r.Int64N(100_000), -2) // cents
	}
	if refunds && r.IntN(5) == 0 {
		d = d.Neg().Sub(decimal.New(1, -2)) // strictly negative
	}
	return d
}

// drawTime returns a time in 2020–2029, sometimes one of a few instants
// shared by several items.
func drawTime(r *rand.Rand) time.Time {
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	if r.IntN(4) == 0 {
		return base.AddDate(0, 0, r.IntN(3))
	}
	return base.Add(time.Duration(r.Int64N(int64(9 * 365 * 24 * time.Hour))))
}

// badTransactions are rejected by every Customer and Collection: no id,
// no time, a time out of range, amounts out of bounds.
func badTransactions(id string) []Transaction {
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	return []Transaction{
		{CustomerID: "", At: at, Amount: decimal.NewFromInt(1)},
		{CustomerID: id, At: time.Time{}, Amount: decimal.NewFromInt(1)},
		{CustomerID: id, At: time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC), Amount: decimal.NewFromInt(1)},
		{CustomerID: id, At: time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC), Amount: decimal.NewFromInt(1)},
		{CustomerID: id, At: at, Amount: decimal.New(1, -65)},
		{CustomerID: id, At: at, Amount: decimal.New(1, -2_000_000_000)},
		{CustomerID: id, At: at, Amount: decimal.New(1, 64)},
		{CustomerID: id, At: at, Amount: decimal.New(-1, 64)},
	}
}

func customerSpec() laws.Spec[Customer, Transaction] {
	return laws.Spec[Customer, Transaction]{
		New: func() *Customer { return NewCustomer("ann") },
		Item: func(r *rand.Rand) Transaction {
			return Transaction{CustomerID: "ann", At: drawTime(r), Amount: drawAmount(r, true)}
		},
		Bad: append(badTransactions("ann"),
			Transaction{CustomerID: "bob", At: lawsAsOf.AddDate(-1, 0, 0), Amount: decimal.NewFromInt(1)}),
		Result:      func(c *Customer) (any, error) { return c.Result(lawsAsOf) },
		Other:       func() *Customer { return NewCustomer("bob") },
		ErrMismatch: ErrMismatch,
		BadBinary:   badCustomerBinary(),
		BadJSON:     badCustomerJSON,
	}
}

// lawIDs are the customers of the collection laws: short, 8-byte, long
// and non-ASCII ids, and two that differ by a trailing NUL.
var lawIDs = []string{"a", "b", "c", "c\x00", "12345678", "customer-1", "customer-2", "é", "ünïcode-long-id"}

func collectionSpec() laws.Spec[Collection, Transaction] {
	return laws.Spec[Collection, Transaction]{
		New: func() *Collection { return NewCollection(Options{Refunds: true}) },
		Item: func(r *rand.Rand) Transaction {
			return Transaction{CustomerID: lawIDs[r.IntN(len(lawIDs))], At: drawTime(r), Amount: drawAmount(r, true)}
		},
		Bad:         badTransactions("a"),
		Result:      func(c *Collection) (any, error) { return c.Result(lawsAsOf, Config{}) },
		Other:       func() *Collection { return NewCollection(Options{}) },
		ErrMismatch: ErrMismatch,
		BadBinary:   badCollectionBinary(),
		BadJSON:     badCollectionJSON,
	}
}

func TestCustomerLaws(t *testing.T)   { laws.Check(t, customerSpec()) }
func TestCollectionLaws(t *testing.T) { laws.Check(t, collectionSpec()) }

// rawTotals writes totals as appendTotals does, without checking them.
func rawTotals(b []byte, purchases, refunds uint64, first int64, span uint64, net string) []byte {
	b = binary.AppendUvarint(b, purchases)
	b = binary.AppendUvarint(b, refunds)
	if purchases > 0 {
		b = binary.AppendVarint(b, first)
		b = binary.AppendUvarint(b, span)
	}
	return wire.AppendString(b, net)
}

var t2024 = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano()

// badCustomerBinary are encodings of states no transactions give.
func badCustomerBinary() [][]byte {
	customer := func(id string, purchases, refunds uint64, first int64, span uint64, net string) []byte {
		b := wire.AppendString(wire.AppendHeader(nil, customerTag, version), id)
		return rawTotals(b, purchases, refunds, first, span, net)
	}
	return [][]byte{
		customer("", 1, 0, t2024, 0, "1"),                               // transactions without an id
		customer("a", 1, 0, t2024, 5, "1"),                              // one purchase at two times
		customer("a", 2, 0, t2024, 5, "-1"),                             // negative without refunds
		customer("a", 0, 1, 0, 0, "1"),                                  // refunds only, not negative
		customer("a", 0, 0, 0, 0, "1"),                                  // an amount without transactions
		customer("a", 1, 0, t2024, 0, "1"+strings.Repeat("0", 64)),      // 10⁶⁴ from one purchase
		customer("a", 0, 2, 0, 0, "-2"+strings.Repeat("0", 64)),         // −2·10⁶⁴ from two refunds
		customer("a", 1, 0, t2024, 0, "1.50"),                           // not canonical
		customer("a", 1, 0, t2024, 0, "1e3"),                            // not canonical
		customer("a", 1, 0, t2024, 0, "0."+strings.Repeat("0", 64)+"1"), // 65 places
		customer("a", 1, 0, maxNanos, 1, "1"),                           // last after 2262
		customer("a", 1, 0, minNanos-1, 0, "1"),                         // first before 1678
		customer("a", 1<<63, 1<<63, t2024, 0, "1"),                      // 2⁶⁴ transactions
		customer("a", 1, 0, t2024, 0, strings.Repeat("9", 200)),         // longer than a net amount
	}
}

var badCustomerJSON = []string{
	`{"id":"","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"1"}`,
	`{"id":"a","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-02T00:00:00Z","monetary_amount":"1"}`,
	`{"id":"a","purchases":2,"refunds":0,"first":"2024-01-02T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"1"}`,
	`{"id":"a","purchases":1,"refunds":0,"first":"2024-01-01T01:00:00+01:00","last":"2024-01-01T01:00:00+01:00","monetary_amount":"1"}`,
	`{"id":"a","purchases":1,"refunds":0,"first":null,"last":null,"monetary_amount":"1"}`,
	`{"id":"a","purchases":0,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"0"}`,
	`{"id":"a","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"1.50"}`,
	`{"id":"a","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":1}`,
	`{"id":"a","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"-1"}`,
	`{"id":"a","purchases":1,"refunds":0,"first":"2300-01-01T00:00:00Z","last":"2300-01-01T00:00:00Z","monetary_amount":"1"}`,
	`{"purchases":1,"id":"a","refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"1"}`,
	`{"id":"a","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"1","extra":0}`,
	`{"id":"a","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"1` + strings.Repeat("0", 3_000_000) + `"}`,
}

// badCollectionBinary are collection encodings of states no transactions
// give, or not in canonical order.
func badCollectionBinary() [][]byte {
	// collection claims len(ids) customers and writes those it has
	// totals for.
	collection := func(refunds byte, ids []string, totals ...[]byte) []byte {
		b := append(wire.AppendHeader(nil, collectionTag, version), refunds)
		b = binary.AppendUvarint(b, uint64(len(ids)))
		for i := range totals {
			b = append(wire.AppendString(b, ids[i]), totals[i]...)
		}
		return b
	}
	one := rawTotals(nil, 1, 0, t2024, 0, "1")
	refund := rawTotals(nil, 0, 1, 0, 0, "-1")
	max := rawTotals(nil, 1<<63, 0, t2024, 9, "1")
	return [][]byte{
		collection(1, []string{"b", "a"}, one, one),                   // ids out of order
		collection(1, []string{"a", "a"}, one, one),                   // a repeated id
		collection(1, []string{""}, one),                              // an empty id
		collection(0, []string{"a"}, refund),                          // a refund the options forbid
		collection(2, []string{"a"}, one),                             // options byte
		collection(1, []string{"a"}, rawTotals(nil, 0, 0, 0, 0, "0")), // no transaction
		collection(1, []string{"a", "b"}, max, max),                   // 2⁶⁴ transactions
		collection(1, []string{"a", "b", "c"}, one, one),              // claims a customer it lacks
	}
}

var badCollectionJSON = []string{
	`{"options":{"refunds":false},"customers":[{"id":"a","purchases":0,"refunds":1,"first":null,"last":null,"monetary_amount":"-1"}]}`,
	`{"options":{"refunds":true},"customers":[{"id":"b","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"1"},{"id":"a","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"1"}]}`,
	`{"options":{"refunds":true},"customers":[{"id":"a","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"1"},{"id":"a","purchases":1,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"1"}]}`,
	`{"options":{"refunds":true},"customers":[{"id":"a","purchases":0,"refunds":0,"first":null,"last":null,"monetary_amount":"0"}]}`,
	`{"options":{"refunds":true},"customers":null}`,
	`{"options":{},"customers":[]}`,
	`{"customers":[],"options":{"refunds":true}}`,
}

// fuzzTransaction builds a transaction from fuzzed bytes: the first byte
// picks the id (some empty, some another customer's), the next eight an
// offset of the time from 2024 (some far out of range), the rest the
// amount's decimal text, whatever its exponent.
func fuzzTransaction(data []byte) (Transaction, bool) {
	if len(data) < 9 || len(data) > 200 {
		return Transaction{}, false
	}
	amount, err := decimal.NewFromString(string(data[9:]))
	if err != nil {
		return Transaction{}, false
	}
	ids := append([]string{"", "ann", "bob"}, lawIDs...)
	offset := int64(binary.LittleEndian.Uint64(data[1:9]))
	return Transaction{
		CustomerID: ids[int(data[0])%len(ids)],
		At:         time.Unix(0, t2024).Add(time.Duration(offset)),
		Amount:     amount,
	}, true
}

// fuzzSeeds are FuzzAdd seeds: a purchase, a refund, a long exponent, a
// text of many digits.
func fuzzSeeds() [][]byte {
	seed := func(id byte, offset int64, amount string) []byte {
		return append(binary.LittleEndian.AppendUint64([]byte{id}, uint64(offset)), amount...)
	}
	return [][]byte{
		seed(1, 0, "12.50"), seed(3, int64(time.Hour), "-3.5"), seed(1, -int64(time.Hour), "1e-2000000000"),
		seed(4, 1<<62, "1"), seed(5, 0, strings.Repeat("9", 100)), seed(0, 0, "1"), seed(2, 0, "0.0000"),
	}
}

func FuzzCustomerBinary(f *testing.F)   { laws.FuzzBinary(f, customerSpec()) }
func FuzzCustomerJSON(f *testing.F)     { laws.FuzzJSON(f, customerSpec()) }
func FuzzCollectionBinary(f *testing.F) { laws.FuzzBinary(f, collectionSpec()) }
func FuzzCollectionJSON(f *testing.F)   { laws.FuzzJSON(f, collectionSpec()) }

func FuzzCustomerAdd(f *testing.F) {
	laws.FuzzAdd(f, customerSpec(), fuzzTransaction, fuzzSeeds()...)
}

func FuzzCollectionAdd(f *testing.F) {
	laws.FuzzAdd(f, collectionSpec(), fuzzTransaction, fuzzSeeds()...)
}

// The law checker's generators draw what they claim to.
func TestLawItems(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 1000 {
		x := collectionSpec().Item(r)
		if _, _, err := x.check(true); err != nil {
			t.Fatalf("item %d %+v: %v", i, x, err)
		}
		if !x.At.Before(lawsAsOf) {
			t.Fatalf("item %d after lawsAsOf: %v", i, x.At)
		}
	}
}
