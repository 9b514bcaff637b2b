package clv

import (
	"math"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func cdnowValuation(t testing.TB, d Discount, horizon float64) Valuation {
	t.Helper()
	bg, err := NewBGNBD(0.243, 4.414, 0.793, 2.426)
	require.NoError(t, err)
	gg, err := NewGammaGamma(6.25, 3.74, 15.44)
	require.NoError(t, err)
	return Valuation{Purchases: bg, Spend: gg, Horizon: horizon, Discount: d, Places: 2}
}

func TestDiscountErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		d    Discount
		h    float64
	}{
		{"no convention", Discount{}, 52},
		{"unknown convention", Discount{Convention: 9}, 52},
		{"negative rate", Discount{Convention: Continuous, Rate: -0.1}, 52},
		{"NaN rate", Discount{Convention: Stepwise, Rate: math.NaN(), Step: 1}, 52},
		{"no step", Discount{Convention: Stepwise, Rate: 0.01}, 52},
		{"too many steps", Discount{Convention: Stepwise, Rate: 0.01, Step: 1e-3}, 520},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := cdnowValuation(t, c.d, c.h).Value(Summary{T: 10})
			assert.ErrorIs(t, err, ErrArgument)
		})
	}
	v := cdnowValuation(t, Discount{Convention: NoDiscount}, 52)
	v.Places = 17
	assert.ErrorIs(t, errOf(v.Value(Summary{T: 10})), ErrArgument)
	v.Places, v.Horizon = 2, -1
	assert.ErrorIs(t, errOf(v.Value(Summary{T: 10})), ErrArgument)
	v.Horizon, v.Purchases = 52, nil
	assert.ErrorIs(t, errOf(v.Value(Summary{T: 10})), ErrArgument)
}

func TestConventionText(t *testing.T) {
	for _, c := range []Convention{NoDiscount, Stepwise, Continuous} {
		b, err := c.MarshalText()
		require.NoError(t, err)
		var u Convention
		require.NoError(t, u.UnmarshalText(b))
		assert.Equal(t, c, u)
	}
	assert.Error(t, new(Convention).UnmarshalText([]byte("monthly")))
	assert.Error(t, errOf(Convention(0).MarshalText()))
	assert.Equal(t, "Convention(0)", Convention(0).String())
	assert.Equal(t, "stepwise 1% per 30", Discount{Convention: Stepwise, Rate: 0.01, Step: 30}.String())
}

// Without a discount the three conventions agree, and one step of the
// whole horizon discounts it once.
func TestDiscountAgree(t *testing.T) {
	s := Summary{ID: "c", X: 2, Tx: 30.43, T: 38.86, Spend: decimal.RequireFromString("22.35")}
	none, err := cdnowValuation(t, Discount{Convention: NoDiscount}, 52).Value(s)
	require.NoError(t, err)
	for _, d := range []Discount{{Convention: Stepwise, Step: 4}, {Convention: Continuous}} {
		v, err := cdnowValuation(t, d, 52).Value(s)
		require.NoError(t, err)
		assert.InEpsilon(t, none.DiscountedPurchases, v.DiscountedPurchases, 1e-13, "%v", d)
	}
	assert.Equal(t, none.ExpectedPurchases, none.DiscountedPurchases)
	once, err := cdnowValuation(t, Discount{Convention: Stepwise, Rate: 0.1, Step: 100}, 52).Value(s)
	require.NoError(t, err)
	assert.InEpsilon(t, none.ExpectedPurchases/1.1, once.DiscountedPurchases, 1e-14)
	zero, err := cdnowValuation(t, Discount{Convention: Continuous, Rate: 0.1}, 0).Value(s)
	require.NoError(t, err)
	assert.Zero(t, zero.DiscountedPurchases)
	assert.True(t, zero.CLVAmount.IsZero())
}

// Values, ValueBy and Predict agree with the one-customer methods.
func TestValuesAgree(t *testing.T) {
	data := cdnow(t)[:300]
	v := cdnowValuation(t, Discount{Convention: Stepwise, Rate: 0.01, Step: 4.345}, 52.14)
	all, err := v.Values(slices.Values(data))
	require.NoError(t, err)
	require.Len(t, all, len(data))
	groups, err := ValueBy(slices.Values(data), v, func(s Summary) bool { return s.X > 0 })
	require.NoError(t, err)
	preds, err := Predict(slices.Values(data), v.Purchases, 52.14)
	require.NoError(t, err)
	sums := map[bool]decimal.Decimal{}
	alive := map[bool]float64{}
	for i, s := range data {
		one, err := v.Value(s)
		require.NoError(t, err)
		assert.Equal(t, one, all[i])
		sums[s.X > 0] = sums[s.X > 0].Add(*one.CLVAmount)
		alive[s.X > 0] += one.PAlivePct / 100
		p, err := v.Purchases.PAlive(s)
		require.NoError(t, err)
		e, err := v.Purchases.Expected(s, 52.14)
		require.NoError(t, err)
		assert.Equal(t, Prediction{CustomerID: s.ID, PAlivePct: 100 * p, ExpectedPurchases: e}, preds[i])
		assert.InEpsilon(t, e, one.ExpectedPurchases, 1e-15)
	}
	for k, g := range groups {
		assert.True(t, g.CLVAmount.Equal(sums[k]), "group %v: %v, want %v", k, g.CLVAmount, sums[k])
		assert.InEpsilon(t, alive[k], g.ExpectedAlive, 1e-12)
	}
	assert.Equal(t, uint64(len(data)), groups[false].N+groups[true].N)
}

// A spend model with q ≤ 1 has no mean for a customer without repeat
// purchases: the value is undefined (nil), not 0, and so is the group's.
func TestValueUndefined(t *testing.T) {
	v := cdnowValuation(t, Discount{Convention: NoDiscount}, 52)
	var err error
	v.Spend, err = NewGammaGamma(6.25, 0.9, 15.44)
	require.NoError(t, err)
	c, err := v.Value(Summary{ID: "new", T: 10})
	require.NoError(t, err)
	assert.Nil(t, c.CLVAmount)
	assert.Nil(t, c.SpendAmount)
	assert.Contains(t, c.String(), "undefined")
	repeat, err := v.Value(Summary{ID: "old", X: 3, Tx: 5, T: 10, Spend: decimal.New(20, 0)})
	require.NoError(t, err)
	assert.NotNil(t, repeat.CLVAmount)
	g, err := ValueBy(slices.Values([]Summary{{T: 10}, {X: 3, Tx: 5, T: 10, Spend: decimal.New(20, 0)}}), v, func(Summary) int { return 0 })
	require.NoError(t, err)
	assert.Nil(t, g[0].CLVAmount)
	assert.Contains(t, g[0].String(), "undefined")
	_, ok := v.Spend.MeanSpend()
	assert.False(t, ok)
	assert.ErrorIs(t, errOf(v.Spend.ExpectedSpend(Summary{T: 10}, 2)), ErrParameter)
}
