package rate_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/rapportkit/rapport/rate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tallies(t *testing.T, row map[string]string) (base, variant *rate.Tally) {
	t.Helper()
	base, err := rate.FromCounts(count(t, row["xb"]), count(t, row["nb"]))
	require.NoError(t, err)
	variant, err = rate.FromCounts(count(t, row["xv"]), count(t, row["nv"]))
	require.NoError(t, err)
	return base, variant
}

func pairName(row map[string]string) string {
	return row["xb"] + "_of_" + row["nb"] + "_vs_" + row["xv"] + "_of_" + row["nv"] + "/" + row["level"]
}

// nearOrNil checks a figure against a golden value, nil for NA.
func nearOrNil(t *testing.T, want *float64, got *float64, scale, rel, abs float64, what string) {
	t.Helper()
	if want == nil {
		assert.Nil(t, got, what)
		return
	}
	if !assert.NotNil(t, got, what) {
		return
	}
	near(t, scale**want, *got, rel, abs, what)
}

// The Wald interval, z and p against R's prop.test(correct = FALSE).
func TestCompareMatchesR(t *testing.T) {
	for _, row := range readTSV(t, "testdata/r-compare.tsv") {
		t.Run(pairName(row), func(t *testing.T) {
			base, variant := tallies(t, row)
			c, err := rate.Compare(base, variant, *float(t, row["level"]), rate.Wald)
			require.NoError(t, err)
			require.NotNil(t, c.DifferenceIntervalPoints)
			near(t, 100**float(t, row["wald_lo"]), c.DifferenceIntervalPoints.Lo, 1e-13, 1e-13, "wald lo")
			near(t, 100**float(t, row["wald_hi"]), c.DifferenceIntervalPoints.Hi, 1e-13, 1e-13, "wald hi")
			assert.Equal(t, rate.Wald, c.DifferenceIntervalPoints.Method)
			nearOrNil(t, float(t, row["z"]), c.Z, 1, 1e-13, 1e-15, "z")
			nearOrNil(t, float(t, row["p"]), c.PValue, 1, 1e-12, 1e-300, "p")
		})
	}
}

// Newcombe's interval of the difference and the Katz interval of the
// ratio, as a lift, against statsmodels' confint_proportions_2indep.
func TestCompareMatchesStatsmodels(t *testing.T) {
	for _, row := range readTSV(t, "testdata/sm-compare.tsv") {
		t.Run(pairName(row), func(t *testing.T) {
			base, variant := tallies(t, row)
			c, err := rate.Compare(base, variant, *float(t, row["level"]), rate.Newcombe)
			require.NoError(t, err)
			require.NotNil(t, c.DifferenceIntervalPoints)
			near(t, 100**float(t, row["newcombe_lo"]), c.DifferenceIntervalPoints.Lo, 1e-12, 1e-13, "newcombe lo")
			near(t, 100**float(t, row["newcombe_hi"]), c.DifferenceIntervalPoints.Hi, 1e-12, 1e-13, "newcombe hi")
			assert.Equal(t, rate.Newcombe, c.DifferenceIntervalPoints.Method)
			lo, hi := float(t, row["katz_lo"]), float(t, row["katz_hi"])
			if lo == nil {
				assert.Nil(t, c.LiftIntervalPct)
				return
			}
			require.NotNil(t, c.LiftIntervalPct)
			near(t, 100*(*lo-1), c.LiftIntervalPct.Lo, 1e-12, 1e-12, "katz lo")
			near(t, 100*(*hi-1), c.LiftIntervalPct.Hi, 1e-12, 1e-12, "katz hi")
			assert.Equal(t, rate.KatzLog, c.LiftIntervalPct.Method)
		})
	}
}

func mustTally(t *testing.T, x, n uint64) *rate.Tally {
	t.Helper()
	tl, err := rate.FromCounts(x, n)
	require.NoError(t, err)
	return tl
}

// The difference and the lift are exact fractions of the counts.
func TestCompareExact(t *testing.T) {
	for _, c := range []struct {
		name           string
		xb, nb, xv, nv uint64
		diff, lift     float64
	}{
		{"20 % to 22 %", 200, 1000, 220, 1000, 2, 10},
		{"a third to a half", 1, 3, 1, 2, 16.666666666666668, 50},
		{"no change", 412, 1500, 412, 1500, 0, 0},
		{"a drop to nothing", 5, 10, 0, 7, -50, -100},
		{"past 2^53 trials", 1 << 60, 1 << 62, 1<<60 + 1<<50, 1 << 62, 0.0244140625, 0.09765625},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := rate.Compare(mustTally(t, c.xb, c.nb), mustTally(t, c.xv, c.nv), 0.95, rate.Newcombe)
			require.NoError(t, err)
			require.NotNil(t, got.DifferencePoints)
			assert.Equal(t, c.diff, *got.DifferencePoints)
			require.NotNil(t, got.LiftPct)
			assert.Equal(t, c.lift, *got.LiftPct)
		})
	}
}

// Undefined figures are nil, and Compare does not fail on them.
func TestCompareUndefined(t *testing.T) {
	type figures struct{ base, variant, diff, lift, liftCI, z bool }
	for _, c := range []struct {
		name          string
		base, variant *rate.Tally
		want          figures
	}{
		{"empty base", &rate.Tally{}, mustTally(t, 3, 10), figures{variant: true}},
		{"empty variant", mustTally(t, 3, 10), &rate.Tally{}, figures{base: true}},
		{"nil tallies are empty", nil, nil, figures{}},
		{"base rate 0: no lift", mustTally(t, 0, 10), mustTally(t, 3, 10), figures{base: true, variant: true, diff: true, z: true}},
		{"variant rate 0: a lift of -100 %, no interval", mustTally(t, 3, 10), mustTally(t, 0, 10), figures{base: true, variant: true, diff: true, lift: true, z: true}},
		{"nothing but failures: no test", mustTally(t, 0, 10), mustTally(t, 0, 12), figures{base: true, variant: true, diff: true}},
		{"nothing but successes: no test", mustTally(t, 10, 10), mustTally(t, 12, 12), figures{base: true, variant: true, diff: true, lift: true, liftCI: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := rate.Compare(c.base, c.variant, 0.95, rate.Newcombe)
			require.NoError(t, err)
			assert.Equal(t, c.want, figures{
				base:    got.BasePct != nil,
				variant: got.VariantPct != nil,
				diff:    got.DifferencePoints != nil && got.DifferenceIntervalPoints != nil,
				lift:    got.LiftPct != nil,
				liftCI:  got.LiftIntervalPct != nil,
				z:       got.Z != nil && got.PValue != nil,
			})
			js, err := json.Marshal(got)
			require.NoError(t, err, "every Comparison marshals")
			assert.True(t, json.Valid(js))
		})
	}
}

func TestCompareErrors(t *testing.T) {
	a, b := mustTally(t, 3, 10), mustTally(t, 5, 10)
	for _, c := range []struct {
		name  string
		level float64
		m     rate.Method
		want  error
		msg   string
	}{
		{"level 0", 0, rate.Newcombe, rate.ErrLevel, "rate: confidence level not in (0, 1): Compare got 0"},
		{"level 95", 95, rate.Newcombe, rate.ErrLevel, "rate: confidence level not in (0, 1): Compare got 95"},
		{"a method for one rate", 0.95, rate.Wilson, rate.ErrMethod, `rate: unknown method: Compare got "wilson", not newcombe or wald`},
		{"the lift's method", 0.95, rate.KatzLog, rate.ErrMethod, `rate: unknown method: Compare got "katz-log", not newcombe or wald`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := rate.Compare(a, b, c.level, c.m)
			require.ErrorIs(t, err, c.want)
			assert.EqualError(t, err, c.msg)
		})
	}
}

func TestCompareString(t *testing.T) {
	c, err := rate.Compare(mustTally(t, 200, 1000), mustTally(t, 220, 1000), 0.95, rate.Newcombe)
	require.NoError(t, err)
	assert.Equal(t, "22.0% vs 20.0%: +2.0 points (95% newcombe -1.6…+5.6), lift +10.0% (95% katz-log -7.2…+30.4%), z = 1.10, p = 0.27", c.String())
	empty, _ := rate.Compare(nil, mustTally(t, 1, 2), 0.95, rate.Wald)
	assert.Equal(t, "50.0% vs n/a: n/a points, lift n/a, z = n/a, p = n/a", empty.String())
}

// Fisher's exact test against R's fisher.test.
func TestFisherMatchesR(t *testing.T) {
	for _, row := range readTSV(t, "testdata/r-compare.tsv") {
		if row["level"] != "0.95" {
			continue // the p-value does not depend on the level
		}
		t.Run(pairName(row), func(t *testing.T) {
			base, variant := tallies(t, row)
			got, err := rate.Fisher(base, variant)
			require.NoError(t, err)
			near(t, *float(t, row["fisher_p"]), got, 1e-9, 1e-300, "fisher p")
			swapped, err := rate.Fisher(variant, base)
			require.NoError(t, err)
			near(t, got, swapped, 1e-12, 1e-300, "fisher p, arms swapped")
		})
	}
}

func TestFisherBounds(t *testing.T) {
	p, err := rate.Fisher(nil, &rate.Tally{})
	require.NoError(t, err)
	assert.Equal(t, 1.0, p, "no trials: one possible table")

	big := mustTally(t, 1<<30, 1<<31)
	p, err = rate.Fisher(big, big)
	require.NoError(t, err, "2^32 trials in all is within MaxFisher")
	assert.InDelta(t, 1, p, 1e-6)

	over := mustTally(t, 1, 1<<31+1)
	_, err = rate.Fisher(big, over)
	require.ErrorIs(t, err, rate.ErrOverflow)
	assert.EqualError(t, err, "rate: count overflow: Fisher got 2147483648 and 2147483649 trials, more than MaxFisher = 4294967296 in all")

	huge := mustTally(t, 0, math.MaxUint64)
	_, err = rate.Fisher(huge, huge)
	require.ErrorIs(t, err, rate.ErrOverflow, "no overflow in the bound check")
}
