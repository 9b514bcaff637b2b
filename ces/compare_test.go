package ces

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// R t.test(a, b, var.equal = FALSE) on the expanded counts
// (testdata/reference.R, "welch"); the interval clamped to ±(Max − Min).
func TestCompare(t *testing.T) {
	for _, c := range vectors(t).Welch {
		t.Run(c.Name, func(t *testing.T) {
			s := scales[c.Scale]
			got, err := Compare(tallyOf(t, s, c.A...), tallyOf(t, s, c.B...), c.Level)
			require.NoError(t, err)
			span := float64(s.Max() - s.Min())
			assert.InEpsilon(t, c.Delta, *got.DeltaScore, 1e-14, "delta")
			assert.InEpsilon(t, c.T, *got.T, 1e-12, "t")
			assert.InEpsilon(t, c.DF, *got.DF, 1e-12, "df")
			assert.InEpsilon(t, c.P, *got.PValue, 1e-10, "p")
			ci := got.DeltaIntervalScore
			assert.InEpsilon(t, math.Max(c.Lo, -span), ci.Lo, 1e-12, "lo")
			assert.InEpsilon(t, math.Min(c.Hi, span), ci.Hi, 1e-12, "hi")
			assert.Equal(t, Welch, ci.Method)
		})
	}
	a, b := tallyOf(t, SevenPointEase, 4, 6, 10, 20, 40, 60, 60), tallyOf(t, SevenPointEase, 10, 12, 18, 30, 45, 35, 20)
	c, _ := Compare(b, a, 0.95)
	assert.Equal(t, "Δ -0.92 (95% welch CI -1.24…-0.60), t = -5.67, df = 340.5, p = 3e-08", c.String())
	_, err := Compare(a, tallyOf(t, FivePointEffort, 1, 1), 0.95)
	assert.ErrorIs(t, err, ErrMismatch)
	_, err = Compare(a, NewTally(FivePointEffort), 0.95)
	assert.ErrorIs(t, err, ErrMismatch, "another scale, even empty")
	_, err = Compare(a, b, 0)
	assert.EqualError(t, err, "ces: confidence level not in (0, 1): Compare got 0")
}

// Undefined figures are nil, never 0 (they used to be ErrTooFew and
// ErrNoVariance).
func TestCompareUndefined(t *testing.T) {
	a := tallyOf(t, SevenPointEase, 4, 6, 10, 20, 40, 60, 60)
	for _, c := range []struct {
		name      string
		a, b      *Tally
		delta, se bool
		tested    bool
		String    string
	}{
		{"empty", &Tally{}, a, false, false, false, "Δ undefined: a sample is empty"},
		{"nil", a, nil, false, false, false, "Δ undefined: a sample is empty"},
		{"one response", a, tallyOf(t, SevenPointEase, 1), true, false, false, "Δ +4.53, untested: a sample has a single response"},
		{"no variance", tallyOf(t, SevenPointEase, 3), tallyOf(t, SevenPointEase, 0, 0, 0, 0, 2), true, true, false,
			"Δ -4.00 (95% welch CI -4.00…-4.00), t and p undefined: no variance"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Compare(c.a, c.b, 0.95)
			require.NoError(t, err)
			assert.Equal(t, c.delta, got.DeltaScore != nil, "delta")
			assert.Equal(t, c.se, got.StdErrScore != nil, "standard error")
			assert.Equal(t, c.tested, got.T != nil, "t")
			assert.Equal(t, c.tested, got.PValue != nil, "p")
			assert.Equal(t, c.tested, got.DF != nil, "df")
			assert.Equal(t, c.String, got.String())
		})
	}
}

func BenchmarkCompare(b *testing.B) {
	x, y := tallyOf(b, SevenPointEase, 4, 6, 10, 20, 40, 60, 60), tallyOf(b, SevenPointEase, 10, 12, 18, 30, 45, 35, 20)
	for b.Loop() {
		_, _ = Compare(x, y, 0.95)
	}
}
