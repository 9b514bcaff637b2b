package segment

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var asOf = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// daysAgo is the time d days before asOf.
func daysAgo(d int) time.Time { return asOf.AddDate(0, 0, -d) }

func tx(id string, at time.Time, amount string) Transaction {
	return Transaction{CustomerID: id, At: at, Amount: dec(amount)}
}

func TestCustomerAggregates(t *testing.T) {
	var c Customer
	for _, x := range []Transaction{
		tx("ann", daysAgo(30), "10.50"), tx("ann", daysAgo(3), "0.1"), tx("ann", daysAgo(100), "5"),
		tx("ann", daysAgo(1), "-2.6"), // a refund: neither a purchase nor recent
	} {
		require.NoError(t, c.Add(x))
	}
	first, _ := c.First()
	last, _ := c.Last()
	r, ok, err := c.Recency(asOf)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, int64(3), r, "recency")
	assert.Equal(t, "ann", c.ID())
	assert.Equal(t, uint64(4), c.N())
	assert.Equal(t, uint64(3), c.Frequency())
	assert.Equal(t, uint64(1), c.Refunds())
	assert.True(t, c.Monetary().Equal(dec("13")), "monetary %v", c.Monetary())
	assert.True(t, first.Equal(daysAgo(100)), "first %v", first)
	assert.True(t, last.Equal(daysAgo(3)), "last %v", last)
	mean, ok := c.MeanOrder()
	assert.True(t, ok)
	assert.True(t, mean.Equal(dec("4.3333333333333333")), "mean order %v", mean)
	tenure, ok, err := c.Tenure(asOf)
	assert.True(t, ok)
	require.NoError(t, err)
	assert.Equal(t, int64(100), tenure)
}

// A rejected transaction says why, in the package's words, and changes
// nothing.
func TestCustomerRejects(t *testing.T) {
	for _, c := range []struct {
		name string
		tx   Transaction
		want error
	}{
		{"empty id", tx("", daysAgo(1), "1"), ErrID},
		{"another customer", tx("bob", daysAgo(1), "1"), ErrID},
		{"zero time", tx("ann", time.Time{}, "1"), ErrTime},
		{"after 2262", tx("ann", time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC), "1"), ErrTime},
		{"65 places", tx("ann", daysAgo(1), "1e-65"), ErrAmount},
		{"10⁶⁴", tx("ann", daysAgo(1), "1e64"), ErrAmount},
		{"exponent −2·10⁹", Transaction{CustomerID: "ann", At: daysAgo(1), Amount: decimal.New(1, -2_000_000_000)}, ErrAmount},
	} {
		t.Run(c.name, func(t *testing.T) {
			var u Customer
			require.NoError(t, u.Add(tx("ann", daysAgo(5), "7")))
			before := u
			err := u.Add(c.tx)
			require.ErrorIs(t, err, c.want)
			assert.Regexp(t, "^segment: ", err.Error())
			assert.Equal(t, before, u)
		})
	}
}

// The zero Customer takes the id of its first transaction; NewCustomer
// sets it in advance; ids that differ do not merge.
func TestCustomerID(t *testing.T) {
	var zero Customer
	require.NoError(t, zero.Merge(NewCustomer("")))
	assert.Equal(t, "", zero.ID())
	require.NoError(t, zero.Add(tx("ann", daysAgo(1), "1")))
	assert.Equal(t, "ann", zero.ID())

	bob := NewCustomer("bob")
	require.NoError(t, bob.Add(tx("bob", daysAgo(2), "2")))
	err := zero.Merge(bob)
	require.ErrorIs(t, err, ErrMismatch)
	assert.Equal(t, `segment: mismatched accumulators: customer "bob" merged into customer "ann"`, err.Error())

	var empty Customer
	require.NoError(t, empty.Merge(bob))
	assert.Equal(t, "bob", empty.ID())
	assert.Equal(t, uint64(1), empty.N())
	require.NoError(t, empty.Merge(nil))
	require.NoError(t, empty.Merge(&empty))
	assert.Equal(t, uint64(2), empty.Frequency(), "a self merge doubles")
}

// Recency counts calendar days in the as-of date's location.
func TestRecencyDayBoundary(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip(err)
	}
	var c Customer
	require.NoError(t, c.Add(tx("a", time.Date(2024, 3, 30, 23, 30, 0, 0, time.UTC), "1"))) // 31 March 00:30 in Paris
	for _, x := range []struct {
		name string
		asOf time.Time
		want int64
	}{
		{"next UTC day", time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), 1},
		{"same UTC day", time.Date(2024, 3, 30, 23, 59, 0, 0, time.UTC), 0},
		{"same Paris date", time.Date(2024, 3, 31, 12, 0, 0, 0, paris), 0},
		{"across the DST change", time.Date(2024, 4, 1, 0, 0, 0, 0, paris), 1},
	} {
		t.Run(x.name, func(t *testing.T) {
			got, ok, err := c.Recency(x.asOf)
			require.NoError(t, err)
			assert.True(t, ok)
			assert.Equal(t, x.want, got)
		})
	}
	_, _, err = c.Recency(time.Date(2024, 3, 30, 23, 0, 0, 0, paris))
	assert.ErrorIs(t, err, ErrTime, "purchase on the next Paris day")
}

// Without purchases recency is undefined, not an error; before the data
// it is an error.
func TestRecencyUndefined(t *testing.T) {
	var empty Customer
	_, ok, err := empty.Recency(asOf)
	assert.False(t, ok)
	assert.NoError(t, err)

	var refunds Customer
	require.NoError(t, refunds.Add(tx("r", daysAgo(3), "-5")))
	_, ok, err = refunds.Tenure(asOf)
	assert.False(t, ok)
	assert.NoError(t, err)
	_, ok = refunds.MeanOrder()
	assert.False(t, ok)

	var c Customer
	require.NoError(t, c.Add(tx("a", daysAgo(3), "5")))
	_, _, err = c.Recency(daysAgo(4))
	assert.ErrorIs(t, err, ErrTime)
}

func TestCustomerResult(t *testing.T) {
	for _, c := range []struct {
		name string
		txs  []Transaction
		want string
	}{
		{"empty", nil,
			`{"id":"","n":0,"purchases":0,"refunds":0,"first":null,"last":null,"recency_days":null,"tenure_days":null,"monetary_amount":null,"mean_order_amount":null}`},
		{"refunds only", []Transaction{tx("r", daysAgo(2), "-5.5")},
			`{"id":"r","n":1,"purchases":0,"refunds":1,"first":null,"last":null,"recency_days":null,"tenure_days":null,"monetary_amount":"-5.5","mean_order_amount":null}`},
		{"purchases", []Transaction{tx("ann", daysAgo(2), "120.00"), tx("ann", daysAgo(30), "80.50"), tx("ann", daysAgo(60), "-0.50")},
			`{"id":"ann","n":3,"purchases":2,"refunds":1,"first":"2024-12-01T00:00:00Z","last":"2024-12-29T00:00:00Z","recency_days":2,"tenure_days":30,"monetary_amount":"200","mean_order_amount":"100"}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var u Customer
			for _, x := range c.txs {
				require.NoError(t, u.Add(x))
			}
			p, err := u.Result(asOf)
			require.NoError(t, err)
			js, err := json.Marshal(p)
			require.NoError(t, err)
			assert.JSONEq(t, c.want, string(js))
			assert.NotEmpty(t, p.String())
		})
	}
	var u Customer
	require.NoError(t, u.Add(tx("a", asOf, "1")))
	_, err := u.Result(daysAgo(1))
	assert.ErrorIs(t, err, ErrTime)
}

// Adding a purchase of an ordinary amount does not allocate.
func TestCustomerAddAllocFree(t *testing.T) {
	var c Customer
	x := tx("ann", daysAgo(1), "12.34")
	if n := testing.AllocsPerRun(100, func() { _ = c.Add(x) }); n != 0 {
		t.Errorf("Add allocates %v times", n)
	}
}
