package segment

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// revenues returns the concentration of the revenues, customers c00,
// c01, … in order.
func revenues(t *testing.T, xs ...string) *Concentration {
	t.Helper()
	c, err := NewConcentration(func(yield func(string, decimal.Decimal) bool) {
		for i, x := range xs {
			if !yield(fmt.Sprintf("c%02d", i), dec(x)) {
				return
			}
		}
	})
	require.NoError(t, err)
	return c
}

// The figures of testdata/reference.py: Gini by the mean absolute
// difference in exact fractions (checked against numpy's trapezoid
// Lorenz area), the concentration curve at 20 %, the customers making 80 %
// and 100 % and the ABC classes, with the shares as exact fractions.
func TestConcentrationReference(t *testing.T) {
	for _, ref := range readReference(t).Concentration {
		t.Run(ref.Name, func(t *testing.T) {
			c := revenues(t, ref.Revenues...)
			assert.Equal(t, ref.Gini, c.Gini(), "Gini")
			gs, ok := c.GiniSample()
			if ref.Sample == nil {
				assert.False(t, ok, "sample Gini of one customer")
			} else {
				assert.True(t, ok)
				assert.Equal(t, *ref.Sample, gs, "sample Gini")
			}
			top, err := c.TopShare(0.2)
			require.NoError(t, err)
			assert.Equal(t, ref.Top20, top, "TopShare(0.2)")
			k, share, err := c.CustomersFor(0.8)
			require.NoError(t, err)
			assert.Equal(t, ref.For80, k, "CustomersFor(0.8)")
			assert.Equal(t, float64(k)/float64(len(ref.Revenues)), share)
			k, _, _ = c.CustomersFor(1)
			assert.Equal(t, ref.For100, k, "CustomersFor(1)")
			abc, err := c.ABC(0.8, 0.95)
			require.NoError(t, err)
			var labels string
			for i := range ref.Revenues {
				labels += abc.Labels[fmt.Sprintf("c%02d", i)]
			}
			assert.Equal(t, ref.ABC, labels, "ABC(0.8, 0.95)")
			total := abc.A.RevenueAmount.Add(abc.B.RevenueAmount).Add(abc.C.RevenueAmount)
			assert.True(t, total.Equal(c.Total()), "class revenues add up to %v, want %v", total, c.Total())
			assert.Equal(t, len(ref.Revenues), abc.A.Customers+abc.B.Customers+abc.C.Customers)
		})
	}
}

// Shares typed as decimals compare as those decimals: 0.8 is 8/10, not
// the binary fraction 0.8000000000000000444, so a customer reaching
// exactly 80 % of revenue reaches it.
func TestExactShares(t *testing.T) {
	c := revenues(t, "50", "30", "20")
	k, _, err := c.CustomersFor(0.8)
	require.NoError(t, err)
	assert.Equal(t, 2, k, "50 + 30 is 80 % of 100")

	abc, err := revenues(t, "50", "30", "15", "5").ABC(0.8, 0.95)
	require.NoError(t, err)
	assert.Equal(t, "B", abc.Labels["c02"], "80 % before the third customer: B")
	assert.Equal(t, "C", abc.Labels["c03"], "95 % before the fourth customer: C")

	for _, x := range []struct {
		name string
		revs []string
		top  float64
		want float64
	}{
		// 15 % of two customers is 0.3 of the first, 0.6 of 3 in all:
		// 0.2, where the binary 0.15 (0.1499999999999999944…) gives
		// 0.19999999999999998.
		{"0.15 of 2 and 1", []string{"2", "1"}, 0.15, 0.2},
		{"0.05 of 3 and 1", []string{"3", "1"}, 0.05, 0.075},
		{"0.03 of 5 and 1", []string{"5", "1"}, 0.03, 0.05},
	} {
		t.Run(x.name, func(t *testing.T) {
			got, err := revenues(t, x.revs...).TopShare(x.top)
			require.NoError(t, err)
			assert.Equal(t, x.want, got)
		})
	}
	p, err := c.Pareto(0.07, 0.8)
	require.NoError(t, err)
	assert.Equal(t, 7.0, p.TopPct, "7 percent, not 7.000000000000001")
	assert.Equal(t, 80.0, p.TargetRevenuePct)
}

func TestConcentrationFigures(t *testing.T) {
	c := revenues(t, "12.50", "0.99", "100", "3.333", "47.1", "47.1", "0")
	pts := c.Lorenz()
	require.Len(t, pts, 8)
	assert.Equal(t, Point{}, pts[0])
	assert.Equal(t, Point{100, 100}, pts[7])
	assert.Equal(t, 0.0, pts[1].RevenuePct, "the zero customer")
	top := c.Top(2)
	assert.Equal(t, "c02", top[0].ID)
	assert.Equal(t, "c04", top[1].ID, "ties by id")
	assert.Len(t, c.Top(99), 7)
	assert.Empty(t, c.Top(-1))
	// 100, 47.1 and 47.1 (A) make 194.2 of 211.023; 12.50 (B); 3.333,
	// 0.99 and 0 (C) make 4.323.
	abc, _ := c.ABC(0.8, 0.95)
	assert.Equal(t, "A 3 customers (42.9%) 92.0% of revenue, B 1 customers (14.3%) 5.9% of revenue, C 3 customers (42.9%) 2.0% of revenue", abc.String())
	assert.Equal(t, "194.2", abc.A.RevenueAmount.String())
	assert.InDelta(t, 100*194.2/211.023, abc.A.RevenuePct, 1e-12)
	assert.InDelta(t, 100*3.0/7, abc.C.CustomerPct, 1e-12)
	js, err := json.Marshal(abc)
	require.NoError(t, err)
	assert.Regexp(t, `^\{"a":\{"customers":3,"customer_pct":[0-9.]+,"revenue_amount":"194.2","revenue_pct":[0-9.]+\},"b":\{`, string(js))
}

func TestShareErrors(t *testing.T) {
	c := revenues(t, "1", "2")
	for _, x := range []struct {
		name string
		call func() error
	}{
		{"TopShare 1.5", func() error { _, err := c.TopShare(1.5); return err }},
		{"TopShare NaN", func() error { _, err := c.TopShare(math.NaN()); return err }},
		{"CustomersFor −0.1", func() error { _, _, err := c.CustomersFor(-0.1); return err }},
		{"ABC out of order", func() error { _, err := c.ABC(0.9, 0.8); return err }},
		{"ABC a = 0", func() error { _, err := c.ABC(0, 0.8); return err }},
		{"ABC b > 1", func() error { _, err := c.ABC(0.5, 1.01); return err }},
		{"Pareto top 2", func() error { _, err := c.Pareto(2, 0.8); return err }},
		{"Pareto target −1", func() error { _, err := c.Pareto(0.2, -1); return err }},
	} {
		t.Run(x.name, func(t *testing.T) {
			err := x.call()
			require.ErrorIs(t, err, ErrShare)
			assert.Regexp(t, "^segment: share out of range: ", err.Error())
		})
	}
}

func TestNewConcentrationErrors(t *testing.T) {
	pairs := func(kv ...any) func(func(string, decimal.Decimal) bool) {
		return func(yield func(string, decimal.Decimal) bool) {
			for i := 0; i < len(kv); i += 2 {
				if !yield(kv[i].(string), kv[i+1].(decimal.Decimal)) {
					return
				}
			}
		}
	}
	for _, x := range []struct {
		name string
		seq  func(func(string, decimal.Decimal) bool)
		want error
		msg  string
	}{
		{"no customers", pairs(), ErrEmpty, "segment: no customers: no revenue to concentrate"},
		{"no revenue", pairs("a", dec("0"), "b", dec("0")), ErrEmpty, "segment: no customers: 2 customers and no revenue"},
		{"empty id", pairs("a", dec("1"), "", dec("1")), ErrID, "revenue 1: segment: invalid customer id: empty"},
		{"repeated id", pairs("a", dec("1"), "a", dec("1")), ErrID, `revenue 1: segment: invalid customer id: customer "a" repeated`},
		{"negative", pairs("a", dec("-1")), ErrAmount, `revenue 0: segment: invalid amount: customer "a": negative revenue -1`},
		{"exponent −10000", pairs("a", dec("1"), "b", decimal.New(1, -10000)), ErrAmount,
			`revenue 1: segment: invalid amount: customer "b": 1e-10000: more than 64 decimal places`},
	} {
		t.Run(x.name, func(t *testing.T) {
			_, err := NewConcentration(x.seq)
			require.ErrorIs(t, err, x.want)
			assert.Equal(t, x.msg, err.Error())
		})
	}
	c := mustCollect(t, []Transaction{tx("z", asOf, "-3"), tx("b", asOf, "-1"), tx("a", asOf, "5")}, Options{Refunds: true})
	_, err := c.Concentration()
	require.ErrorIs(t, err, ErrAmount)
	assert.Contains(t, err.Error(), `customer "b"`, "the smallest id of a negative net amount")
}

// Net amounts past 10⁶⁴ (sums of many large amounts) concentrate too.
func TestConcentrationOfLargeSums(t *testing.T) {
	big := "9e63"
	c := mustCollect(t, []Transaction{tx("a", asOf, big), tx("a", asOf, big), tx("b", asOf, "1")}, Options{})
	k, err := c.Concentration()
	require.NoError(t, err)
	assert.Equal(t, "18000000000000000000000000000000000000000000000000000000000000001", k.Total().String())
}

// Pareto reports the reference figures in percent.
func TestPareto(t *testing.T) {
	for _, ref := range readReference(t).Concentration {
		t.Run(ref.Name, func(t *testing.T) {
			p, err := revenues(t, ref.Revenues...).Pareto(0.2, 0.8)
			require.NoError(t, err)
			assert.Equal(t, len(ref.Revenues), p.Customers)
			assert.Equal(t, 20.0, p.TopPct)
			assert.InDelta(t, 100*ref.Top20, p.TopRevenuePct, 1e-12)
			assert.Equal(t, 80.0, p.TargetRevenuePct)
			assert.Equal(t, ref.For80, p.TargetCustomers)
			assert.Equal(t, 100*float64(ref.For80)/float64(len(ref.Revenues)), p.TargetCustomerPct)
			assert.Equal(t, ref.Gini, p.GiniRatio)
			if ref.Sample == nil {
				assert.Nil(t, p.GiniSampleRatio)
			} else {
				assert.Equal(t, *ref.Sample, *p.GiniSampleRatio)
			}
		})
	}
	p, err := revenues(t, "10", "10", "10", "10", "10", "10", "10", "10", "10", "100").Pareto(0.2, 0.8)
	require.NoError(t, err)
	js, err := json.Marshal(p)
	require.NoError(t, err)
	var keys map[string]any
	require.NoError(t, json.Unmarshal(js, &keys))
	assert.ElementsMatch(t, []string{"customers", "revenue_amount", "top_pct", "top_revenue_pct", "target_revenue_pct",
		"target_customers", "target_customer_pct", "gini_ratio", "gini_sample_ratio"}, mapKeys(keys))
	assert.Equal(t, "10 customers, revenue 190: the top 20% make 57.9% of it, 7 customers (70.0%) make 80%; Gini 0.426", p.String())
	one, err := revenues(t, "5").Pareto(0.2, 0.8)
	require.NoError(t, err)
	assert.Nil(t, one.GiniSampleRatio)
}

func mapKeys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
