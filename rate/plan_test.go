package rate_test

import (
	"math"
	"testing"

	"github.com/rapportkit/rapport/rate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func plan(t *testing.T, row map[string]string, continuity bool) rate.Plan {
	t.Helper()
	return rate.Plan{
		Base: *float(t, row["base"]), Lift: *float(t, row["lift"]),
		Alpha: *float(t, row["alpha"]), Power: *float(t, row["power"]),
		Continuity: continuity,
	}
}

// SampleSize is Fleiss' n rounded up: the closed forms at 40 digits
// (testdata/reference.py, mpmath), with and without the continuity
// correction.
func TestSampleSizeMatchesFleiss(t *testing.T) {
	for _, row := range readTSV(t, "testdata/mp-plan.tsv") {
		name := row["base"] + "_lift_" + row["lift"] + "/alpha_" + row["alpha"] + "/power_" + row["power"]
		for _, cc := range []bool{false, true} {
			want := *float(t, row["n"])
			if cc {
				want = *float(t, row["n_cc"])
			}
			t.Run(name+map[bool]string{false: "", true: "/continuity"}[cc], func(t *testing.T) {
				got, err := plan(t, row, cc).SampleSize()
				require.NoError(t, err)
				assert.Equal(t, uint64(math.Ceil(want)), got, "n = %v", want)
			})
		}
	}
}

func TestSampleSizeErrors(t *testing.T) {
	ok := rate.Plan{Base: 0.2, Lift: 0.1, Alpha: 0.05, Power: 0.8}
	for _, c := range []struct {
		name string
		edit func(p *rate.Plan)
		want error
		msg  string
	}{
		{"base 0", func(p *rate.Plan) { p.Base = 0 }, rate.ErrPlan, "rate: invalid plan: base rate 0 not in (0, 1)"},
		{"base in percent", func(p *rate.Plan) { p.Base = 20 }, rate.ErrPlan, "rate: invalid plan: base rate 20 not in (0, 1)"},
		{"no lift", func(p *rate.Plan) { p.Lift = 0 }, rate.ErrPlan, "rate: invalid plan: lift 0: nothing to detect"},
		{"NaN lift", func(p *rate.Plan) { p.Lift = math.NaN() }, rate.ErrPlan, "rate: invalid plan: lift NaN: nothing to detect"},
		{"a lift past 100 %", func(p *rate.Plan) { p.Lift = 4 }, rate.ErrPlan, "rate: invalid plan: base 0.2 with lift 4 gives a rate of 1, not in (0, 1)"},
		{"a drop of all", func(p *rate.Plan) { p.Lift = -1 }, rate.ErrPlan, "rate: invalid plan: base 0.2 with lift -1 gives a rate of 0, not in (0, 1)"},
		{"alpha 0", func(p *rate.Plan) { p.Alpha = 0 }, rate.ErrPlan, "rate: invalid plan: significance level 0 not in (0, 1)"},
		{"power 1", func(p *rate.Plan) { p.Power = 1 }, rate.ErrPlan, "rate: invalid plan: power 1 not in (0, 1)"},
		{"power reached with no trials", func(p *rate.Plan) { p.Power = 0.001 }, rate.ErrPlan, "rate: invalid plan: power 0.001 is reached with no trials at level 0.05"},
		{"a lift too small to detect", func(p *rate.Plan) { p.Lift = 1e-9 }, rate.ErrOverflow, "rate: count overflow: SampleSize of 6.28e+19 trials, more than MaxSampleSize = 9007199254740992"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := ok
			c.edit(&p)
			_, err := p.SampleSize()
			require.ErrorIs(t, err, c.want)
			assert.EqualError(t, err, c.msg)
		})
	}
}
