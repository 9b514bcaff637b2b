package segment

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/period"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomTransactions returns n transactions of about n/4 customers with
// many ties in every dimension, some amounts with other exponents.
func randomTransactions(r *rand.Rand, n int) []Transaction {
	txs := make([]Transaction, n)
	for i := range txs {
		amount := decimal.New(int64(r.IntN(50))*100, -2)
		if r.IntN(7) == 0 {
			amount = decimal.New(int64(r.IntN(9)), int32(r.IntN(3))) // 0..8, ×1, ×10, ×100
		}
		txs[i] = Transaction{
			CustomerID: fmt.Sprintf("c%03d", r.IntN(n/4+1)),
			At:         asOf.Add(-time.Duration(r.IntN(400*24)) * time.Hour),
			Amount:     amount,
		}
	}
	return txs
}

func mustCollect(t testing.TB, txs []Transaction, o Options) *Collection {
	t.Helper()
	c, err := CollectionOf(slices.Values(txs), o)
	require.NoError(t, err)
	return c
}

// bigCollection decodes a collection whose one customer has 2⁶⁴−2
// purchases, one short of the bound.
func bigCollection(t testing.TB) *Collection {
	var c Collection
	require.NoError(t, c.UnmarshalJSON(fmt.Appendf(nil, `{"options":{"refunds":false},"customers":[{"id":"big","purchases":%d,"refunds":0,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary_amount":"1"}]}`, uint64(math.MaxUint64-1))))
	return &c
}

// AddAll stops at the first bad transaction, naming its position, with
// the transactions before it added.
func TestCollectionAddAllStops(t *testing.T) {
	txs := []Transaction{tx("a", asOf, "1"), tx("b", asOf, "2"), tx("", asOf, "3"), tx("c", asOf, "4")}
	var c Collection
	err := c.AddAll(slices.Values(txs))
	require.ErrorIs(t, err, ErrID)
	assert.Equal(t, "segment: transaction 2: invalid customer id: empty", err.Error())
	assert.Equal(t, 2, c.NumCustomers())
	assert.Equal(t, uint64(2), c.N())
}

// A rejected transaction says why and changes nothing.
func TestCollectionRejects(t *testing.T) {
	for _, c := range []struct {
		name string
		opts Options
		tx   Transaction
		want error
		msg  string
	}{
		{"refund without the option", Options{}, tx("a", asOf, "-1"), ErrAmount,
			`segment: invalid amount: customer "a": -1 is a refund and Options.Refunds is off`},
		{"empty id", Options{Refunds: true}, tx("", asOf, "1"), ErrID, "segment: invalid customer id: empty"},
		{"zero time", Options{}, tx("x", time.Time{}, "1"), ErrTime, `segment: invalid time: customer "x": missing time`},
		{"65 places", Options{Refunds: true}, tx("x", asOf, "-1e-65"), ErrAmount,
			`segment: invalid amount: customer "x": -0.00000000000000000000000000000000000000000000000000000000000000001: more than 64 decimal places`},
		{"exponent −2·10⁹", Options{}, Transaction{"x", asOf, decimal.New(7, -2_000_000_000)}, ErrAmount,
			`segment: invalid amount: customer "x": 7e-2000000000: more than 64 decimal places`},
		{"10⁶⁴", Options{}, tx("x", asOf, "1e64"), ErrAmount,
			`segment: invalid amount: customer "x": 10000000000000000000000000000000000000000000000000000000000000000: magnitude of 10^64 or more`},
	} {
		t.Run(c.name, func(t *testing.T) {
			u := mustCollect(t, []Transaction{tx("a", asOf, "5")}, c.opts)
			before, _ := u.MarshalBinary()
			err := u.Add(c.tx)
			require.ErrorIs(t, err, c.want)
			assert.Equal(t, c.msg, err.Error())
			after, _ := u.MarshalBinary()
			assert.Equal(t, before, after, "a rejected Add changed the collection")
			assert.Equal(t, uint64(1), u.N())
		})
	}
}

// 1.50 written with 70 places has more places than any amount may: it
// is refused, so that no sum ever has a finer exponent than 64 places.
func TestAmountTrailingZeros(t *testing.T) {
	var c Collection
	assert.ErrorIs(t, c.Add(Transaction{"a", asOf, decimal.New(15, -1).Round(70)}), ErrAmount)
	assert.Zero(t, c.N())
}

func TestCollectionMerge(t *testing.T) {
	plain := func() *Collection {
		return mustCollect(t, []Transaction{tx("a", asOf, "1"), tx("b", asOf, "2")}, Options{})
	}
	refunds := func() *Collection {
		return mustCollect(t, []Transaction{tx("a", asOf, "-1"), tx("a", daysAgo(3), "4")}, Options{Refunds: true})
	}
	for _, c := range []struct {
		name      string
		into, add func() *Collection
		want      error
		customers int
		n         uint64
	}{
		{"nil", plain, func() *Collection { return nil }, nil, 2, 2},
		{"same options", plain, plain, nil, 2, 4},
		{"refunds into no refunds", plain, refunds, ErrMismatch, 2, 2},
		{"no refunds into refunds", refunds, plain, ErrMismatch, 1, 2},
		{"an empty collection with other options", plain, func() *Collection { return NewCollection(Options{Refunds: true}) }, ErrMismatch, 2, 2},
		{"past 2⁶⁴−1 transactions", func() *Collection { return bigCollection(t) }, plain, ErrOverflow, 1, math.MaxUint64 - 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			into := c.into()
			before, _ := into.MarshalBinary()
			err := into.Merge(c.add())
			require.ErrorIs(t, err, c.want)
			if err != nil {
				after, _ := into.MarshalBinary()
				assert.Equal(t, before, after, "a rejected Merge changed the collection")
			}
			assert.Equal(t, c.customers, into.NumCustomers())
			assert.Equal(t, c.n, into.N())
		})
	}
	r := refunds()
	require.NoError(t, r.Merge(r))
	a, _ := r.Get("a")
	assert.Equal(t, uint64(2), a.Frequency(), "a self merge doubles")
	assert.Equal(t, uint64(2), a.Refunds())
	assert.True(t, a.Monetary().Equal(dec("6")))
}

// One short of 2⁶⁴−1 transactions, the next is the last one, and the
// one after it is refused, in Add and in AddAll, changing nothing.
func TestCollectionOverflow(t *testing.T) {
	c := bigCollection(t)
	require.NoError(t, c.Add(tx("new", asOf, "1")))
	assert.Equal(t, uint64(math.MaxUint64), c.N())
	before, _ := c.MarshalBinary()
	err := c.Add(tx("big", asOf, "1"))
	require.ErrorIs(t, err, ErrOverflow)
	err = c.AddAll(slices.Values([]Transaction{tx("x", asOf, "1")}))
	require.ErrorIs(t, err, ErrOverflow)
	assert.Equal(t, `segment: transaction 0: count overflow: customer "x": the collection has 2⁶⁴−1 transactions`, err.Error())
	after, _ := c.MarshalBinary()
	assert.Equal(t, before, after)

	c = bigCollection(t)
	err = c.AddAll(slices.Values([]Transaction{tx("a", asOf, "1"), tx("big", asOf, "1"), tx("", asOf, "1")}))
	require.ErrorIs(t, err, ErrOverflow)
	assert.Contains(t, err.Error(), "transaction 1: ")
}

// A Collection holds what the Customers of its transactions hold, one by
// one, whatever the ids, times and amounts (an old fuzz target, now a
// randomized differential test).
func TestCollectionMatchesCustomers(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for trial := range 200 {
		refunds := trial%2 == 0
		c := NewCollection(Options{Refunds: refunds})
		want := map[string]*Customer{}
		for range r.IntN(60) {
			x := Transaction{CustomerID: lawIDs[r.IntN(len(lawIDs))], At: drawTime(r), Amount: drawAmount(r, true)}
			if r.IntN(16) == 0 {
				x.CustomerID = ""
			}
			n := c.NumCustomers()
			if err := c.Add(x); err != nil {
				require.Equal(t, n, c.NumCustomers(), "a rejected transaction added a customer")
				continue
			}
			u := want[x.CustomerID]
			if u == nil {
				u = new(Customer)
				want[x.CustomerID] = u
			}
			require.NoError(t, u.Add(x), "a collection accepted what a customer rejects")
		}
		require.Equal(t, len(want), c.NumCustomers())
		for id, u := range want {
			got, ok := c.Get(id)
			require.True(t, ok, id)
			assert.Equal(t, u.totals.purchases, got.purchases)
			assert.Equal(t, u.N(), got.N())
			assert.True(t, got.Monetary().Equal(u.Monetary()))
			ub, _ := u.MarshalBinary()
			gb, _ := got.MarshalBinary()
			assert.Equal(t, ub, gb, "customer %q", id)
		}
	}
}

func TestCollectionBy(t *testing.T) {
	txs := []Transaction{
		tx("a", time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), "1"),
		tx("b", time.Date(2024, 2, 5, 0, 0, 0, 0, time.UTC), "2"),
		tx("a", time.Date(2024, 2, 6, 0, 0, 0, 0, time.UTC), "3"),
		tx("c", time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC), "4"), // January 2025 is not January 2024
	}
	byMonth, err := CollectionBy(slices.Values(txs), Options{}, func(t Transaction) period.Month { return period.MonthOf(t.At, nil) })
	require.NoError(t, err)
	assert.Len(t, byMonth, 3)
	assert.Equal(t, 1, byMonth[period.YearMonth(2024, time.January)].NumCustomers())
	assert.Equal(t, 1, byMonth[period.YearMonth(2025, time.January)].NumCustomers())
	assert.Equal(t, 2, byMonth[period.YearMonth(2024, time.February)].NumCustomers())
	assert.Equal(t, uint64(2), byMonth[period.YearMonth(2024, time.February)].N())

	_, err = CollectionBy(slices.Values(append(txs, tx("c", asOf, "-1"))), Options{}, func(Transaction) int { return 0 })
	require.ErrorIs(t, err, ErrAmount)
	assert.Contains(t, err.Error(), "transaction 4: ")
}

func TestCollectionResult(t *testing.T) {
	for _, c := range []struct {
		name string
		opts Options
		txs  []Transaction
		want string
	}{
		{"empty", Options{}, nil,
			`{"n":0,"customers":0,"purchases":0,"refunds":0,"monetary_amount":null,"rfm":null}`},
		{"refunds only", Options{Refunds: true}, []Transaction{tx("a", asOf, "-2")},
			`{"n":1,"customers":1,"purchases":0,"refunds":1,"monetary_amount":"-2","rfm":null}`},
		{"two customers", Options{Refunds: true}, []Transaction{tx("a", daysAgo(1), "2.50"), tx("b", daysAgo(9), "7"), tx("b", daysAgo(3), "-1")},
			`{"n":3,"customers":2,"purchases":2,"refunds":1,"monetary_amount":"8.5","rfm":{"as_of":"2024-12-31T00:00:00Z","bins":2,"recency_cuts_days":[1],"frequency_cuts":[],"monetary_cuts_amount":["6"],"scored":2,"unscored":0}}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := mustCollect(t, c.txs, c.opts).Result(asOf, Config{Bins: 2})
			require.NoError(t, err)
			js, err := json.Marshal(s)
			require.NoError(t, err)
			assert.JSONEq(t, c.want, string(js))
			assert.NotEmpty(t, s.String())
		})
	}
	c := mustCollect(t, []Transaction{tx("a", asOf, "1")}, Options{})
	_, err := c.Result(daysAgo(1), Config{})
	assert.ErrorIs(t, err, ErrTime)
	_, err = c.Result(asOf, Config{Bins: 10})
	assert.ErrorIs(t, err, ErrConfig)
	_, err = new(Collection).Result(asOf, Config{Bins: 10})
	assert.ErrorIs(t, err, ErrConfig, "an empty collection still checks the configuration")
}
