package nps

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// near asserts that got is within rel·max(1, |want|) of want.
func near(t *testing.T, want float64, got *float64, rel float64, what string) {
	t.Helper()
	if assert.NotNil(t, got, what) {
		assert.InDelta(t, want, *got, rel*math.Max(1, math.Abs(want)), what)
	}
}

// testdata/reference.py, "compare".
func TestCompare(t *testing.T) {
	for _, c := range vectors(t).Compare {
		t.Run(c.Name, func(t *testing.T) {
			a, b := tallyOf(t, c.A[0], c.A[1], c.A[2]), tallyOf(t, c.B[0], c.B[1], c.B[2])
			got, err := Compare(a, b, c.Level)
			require.NoError(t, err)
			near(t, 100*c.Delta, got.DeltaPoints, 1e-12, "delta")
			near(t, 100*c.StdErr, got.StdErrPoints, 1e-12, "standard error")
			near(t, c.Z, got.Z, 1e-12, "z")
			near(t, c.P, got.PValue, 1e-12, "p")
			require.NotNil(t, got.DeltaIntervalPoints)
			assert.InDelta(t, 100*c.Lo, got.DeltaIntervalPoints.Lo, 1e-10)
			assert.InDelta(t, 100*c.Hi, got.DeltaIntervalPoints.Hi, 1e-10)
			// Swapping the samples flips the sign only.
			r, _ := Compare(b, a, c.Level)
			assert.Equal(t, -*got.DeltaPoints, *r.DeltaPoints)
			assert.Equal(t, *got.PValue, *r.PValue)
		})
	}
	c, _ := Compare(tallyOf(t, 412, 301, 287), tallyOf(t, 380, 320, 300), 0.95)
	assert.Equal(t, "Δ +4.5 points (95% wald CI -2.7…+11.7), z = 1.22, p = 0.22", c.String())
}

// Undefined figures are nil, never 0: an empty sample leaves everything
// undefined, a sample without spread the z ratio and the p-value.
func TestCompareUndefined(t *testing.T) {
	c, err := Compare(tallyOf(t, 5, 0, 0), tallyOf(t, 9, 0, 0), 0.95)
	require.NoError(t, err)
	assert.Equal(t, 0.0, *c.DeltaPoints)
	assert.Nil(t, c.Z)
	assert.Nil(t, c.PValue)
	assert.Equal(t, "Δ +0.0 points (95% wald CI +0.0…+0.0), z and p undefined: no variance", c.String())
	for name, pair := range map[string][2]*Tally{
		"empty a": {{}, tallyOf(t, 9, 0, 0)},
		"empty b": {tallyOf(t, 9, 0, 0), {}},
		"nil":     {nil, tallyOf(t, 9, 0, 0)},
	} {
		t.Run(name, func(t *testing.T) {
			c, err := Compare(pair[0], pair[1], 0.95)
			require.NoError(t, err)
			assert.Equal(t, Comparison{}, c)
			assert.Equal(t, "Δ undefined: a sample is empty", c.String())
		})
	}
	_, err = Compare(tallyOf(t, 1, 1, 1), tallyOf(t, 1, 1, 1), 1.5)
	assert.EqualError(t, err, "nps: confidence level not in (0, 1): Compare got 1.5")
}

func BenchmarkCompare(b *testing.B) {
	x, y := tallyOf(b, 412, 301, 287), tallyOf(b, 380, 320, 300)
	for b.Loop() {
		_, _ = Compare(x, y, 0.95)
	}
}
