package clv

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSummaryValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		s    Summary
		want error
	}{
		{"one purchase", Summary{T: 10}, nil},
		{"repeat", Summary{X: 2, Tx: 5, T: 10, Spend: decimal.New(125, -1)}, nil},
		{"last purchase today", Summary{X: 1, Tx: 10, T: 10}, nil},
		{"repeat on the first day", Summary{X: 3, T: 10}, nil},
		{"first purchase today", Summary{}, nil},
		{"negative x", Summary{X: -1, T: 10}, ErrSummary},
		{"x past the bound", Summary{X: MaxRepeats + 1, Tx: 1, T: 10}, ErrSummary},
		{"negative T", Summary{T: -1}, ErrSummary},
		{"NaN T", Summary{T: math.NaN()}, ErrSummary},
		{"infinite T", Summary{T: math.Inf(1)}, ErrSummary},
		{"t_x after T", Summary{X: 1, Tx: 11, T: 10}, ErrSummary},
		{"negative t_x", Summary{X: 1, Tx: -1, T: 10}, ErrSummary},
		{"NaN t_x", Summary{X: 1, Tx: math.NaN(), T: 10}, ErrSummary},
		{"t_x without repeat", Summary{Tx: 1, T: 10}, ErrSummary},
		{"negative spend", Summary{X: 1, Tx: 1, T: 10, Spend: decimal.New(-1, 0)}, ErrAmount},
		{"spend past the bounds", Summary{X: 1, Tx: 1, T: 10, Spend: decimal.New(1, 64)}, ErrAmount},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.s.Validate()
			if c.want == nil {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, c.want)
		})
	}
}

func at(y int, m time.Month, d, h int, loc *time.Location) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, loc)
}

func order(id string, at time.Time, amount string) segment.Transaction {
	return segment.Transaction{CustomerID: id, At: at, Amount: decimal.RequireFromString(amount)}
}

// Summaries of small histories, worked by hand.
func TestHistorySummary(t *testing.T) {
	sydney := time.FixedZone("AEDT", 11*3600)
	asOf := at(2024, 3, 31, 0, time.UTC)
	for _, c := range []struct {
		name   string
		orders []segment.Transaction
		o      Options
		want   Summary
	}{
		{"one order", []segment.Transaction{order("a", at(2024, 3, 1, 9, time.UTC), "10")},
			Options{}, Summary{ID: "a", T: 30}},
		{"two orders on one day are one purchase", []segment.Transaction{
			order("a", at(2024, 3, 1, 9, time.UTC), "10"), order("a", at(2024, 3, 1, 18, time.UTC), "5"),
			order("a", at(2024, 3, 11, 9, time.UTC), "7.50")},
			Options{}, Summary{ID: "a", X: 1, Tx: 10, T: 30, Spend: decimal.RequireFromString("7.5")}},
		{"each order: the first day's mean order is the first purchase", []segment.Transaction{
			order("a", at(2024, 3, 1, 9, time.UTC), "10"), order("a", at(2024, 3, 1, 18, time.UTC), "5"),
			order("a", at(2024, 3, 11, 9, time.UTC), "7.50")},
			// (2·22.50 − 15) ÷ (2·2) = 7.5
			Options{EachOrder: true}, Summary{ID: "a", X: 2, Tx: 10, T: 30, Spend: decimal.RequireFromString("7.5")}},
		{"weeks", []segment.Transaction{order("a", at(2024, 3, 3, 9, time.UTC), "10"), order("a", at(2024, 3, 17, 9, time.UTC), "30")},
			Options{Unit: 7 * 24 * time.Hour}, Summary{ID: "a", X: 1, Tx: 2, T: 4, Spend: decimal.RequireFromString("30")}},
		{"a day is the order's own date", []segment.Transaction{
			// 23:30 in Sydney is 12:30 UTC the same day; 01:00 in Sydney on
			// the 2nd is still the 1st in UTC, but the 2nd for the customer.
			order("a", at(2024, 3, 1, 23, sydney), "10"), order("a", at(2024, 3, 2, 1, sydney), "20")},
			Options{}, Summary{ID: "a", X: 1, Tx: 1, T: 30, Spend: decimal.RequireFromString("20")}},
		{"mean of repeat occasions", []segment.Transaction{
			order("a", at(2024, 1, 1, 9, time.UTC), "100"), order("a", at(2024, 1, 2, 9, time.UTC), "1"),
			order("a", at(2024, 1, 3, 9, time.UTC), "1"), order("a", at(2024, 1, 4, 9, time.UTC), "1")},
			Options{}, Summary{ID: "a", X: 3, Tx: 3, T: 90, Spend: decimal.RequireFromString("1")}},
		{"thirds round to 16 places", []segment.Transaction{
			order("a", at(2024, 1, 1, 9, time.UTC), "1"), order("a", at(2024, 1, 2, 9, time.UTC), "1"),
			order("a", at(2024, 1, 3, 9, time.UTC), "1"), order("a", at(2024, 1, 4, 9, time.UTC), "0")},
			Options{}, Summary{ID: "a", X: 3, Tx: 3, T: 90, Spend: decimal.RequireFromString("0.6666666666666667")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := new(History)
			for _, o := range c.orders {
				require.NoError(t, h.Add(o))
			}
			s, ok, err := h.Summary(asOf, c.o)
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, c.want.ID, s.ID)
			assert.Equal(t, c.want.X, s.X)
			assert.Equal(t, c.want.Tx, s.Tx)
			assert.Equal(t, c.want.T, s.T)
			assert.True(t, c.want.Spend.Equal(s.Spend), "spend %v, want %v", s.Spend, c.want.Spend)
			assert.NoError(t, s.Validate())
		})
	}
}

func TestHistoryErrors(t *testing.T) {
	h := new(History)
	require.NoError(t, h.Add(order("a", at(2024, 3, 1, 9, time.UTC), "10")))
	for _, c := range []struct {
		name string
		err  error
		want error
	}{
		{"another customer's order", h.Clone().Add(order("b", at(2024, 3, 1, 9, time.UTC), "1")), ErrMismatch},
		{"another customer's history", h.Clone().Merge(must(HistoryOf(func(yield func(segment.Transaction) bool) {
			yield(order("b", at(2024, 3, 1, 9, time.UTC), "1"))
		}))), ErrMismatch},
		{"no id", h.Clone().Add(order("", at(2024, 3, 1, 9, time.UTC), "1")), ErrID},
		{"negative amount", h.Clone().Add(order("a", at(2024, 3, 1, 9, time.UTC), "-1")), ErrAmount},
		{"year 1600", h.Clone().Add(order("a", at(1600, 3, 1, 9, time.UTC), "1")), ErrTime},
		{"count past 2⁶⁴−1", h.Clone().AddN(order("a", at(2024, 3, 1, 9, time.UTC), "1"), math.MaxUint64), ErrOverflow},
		{"purchase after the as-of date", second(h.Summary(at(2024, 2, 29, 0, time.UTC), Options{})), ErrTime},
		{"negative unit", second(h.Summary(at(2024, 4, 1, 0, time.UTC), Options{Unit: -time.Hour})), ErrArgument},
		{"holdout end before the cut", third(h.Holdout(at(2024, 4, 1, 0, time.UTC), at(2024, 3, 1, 0, time.UTC), Options{})), ErrTime},
		{"purchase after the holdout", third(h.Holdout(at(2024, 1, 1, 0, time.UTC), at(2024, 2, 1, 0, time.UTC), Options{})), ErrTime},
		{"result as of before the purchase", errOf(h.Result(at(2024, 1, 1, 0, time.UTC), Options{})), ErrTime},
	} {
		t.Run(c.name, func(t *testing.T) { assert.ErrorIs(t, c.err, c.want) })
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func second[A, B any](_ A, _ B, err error) error { return err }
func third[A, B any](_ A, _ B, err error) error  { return err }
func errOf[A any](_ A, err error) error          { return err }

// An empty history has no summary, a nil-figured result, and a customer
// first seen after a cut is not in the calibration cohort.
func TestHistoryUndefined(t *testing.T) {
	var h History
	_, ok, err := h.Summary(at(2024, 1, 1, 0, time.UTC), Options{})
	require.NoError(t, err)
	assert.False(t, ok)
	r, err := h.Result(at(2024, 1, 1, 0, time.UTC), Options{})
	require.NoError(t, err)
	assert.Nil(t, r.First)
	assert.Nil(t, r.TotalAmount)
	assert.Equal(t, ": 0 orders on 0 days", r.String())

	require.NoError(t, h.Add(order("a", at(2024, 3, 1, 9, time.UTC), "10")))
	_, ok, err = h.Holdout(at(2024, 2, 1, 0, time.UTC), at(2024, 4, 1, 0, time.UTC), Options{})
	require.NoError(t, err)
	assert.False(t, ok)
	r, err = h.Result(at(2024, 3, 31, 0, time.UTC), Options{})
	require.NoError(t, err)
	assert.Equal(t, "a: 1 order on 1 day, x = 0, first 2024-03-01, last 2024-03-01 (t_x 0 days, idle 30 days, age 30 days), total 10", r.String())
	assert.Nil(t, r.MeanRepeatAmount)
}

// Summarize sorts the customers by id and refuses the first bad
// transaction by position.
func TestSummarize(t *testing.T) {
	orders := []segment.Transaction{
		order("b", at(2024, 3, 1, 9, time.UTC), "10"),
		order("a", at(2024, 3, 2, 9, time.UTC), "10"),
		order("b", at(2024, 3, 5, 9, time.UTC), "4"),
	}
	s, err := Summarize(func(yield func(segment.Transaction) bool) {
		for _, o := range orders {
			if !yield(o) {
				return
			}
		}
	}, at(2024, 3, 31, 0, time.UTC), Options{})
	require.NoError(t, err)
	require.Len(t, s, 2)
	assert.Equal(t, "a", s[0].ID)
	assert.Equal(t, Summary{ID: "b", X: 1, Tx: 4, T: 30, Spend: s[1].Spend}, s[1])
	orders = append(orders, order("c", time.Time{}, "1"))
	_, err = Summarize(func(yield func(segment.Transaction) bool) {
		for _, o := range orders {
			if !yield(o) {
				return
			}
		}
	}, at(2024, 3, 31, 0, time.UTC), Options{})
	assert.ErrorIs(t, err, ErrTime)
	assert.Contains(t, err.Error(), "transaction 3")
	assert.True(t, errors.Is(err, ErrTime))
}
