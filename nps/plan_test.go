package nps

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testdata/reference.py, "plan".
func TestPlan(t *testing.T) {
	for _, c := range vectors(t).Plan {
		t.Run(c.Name, func(t *testing.T) {
			got, err := Plan{Promoters: c.Promoters, Detractors: c.Detractors, Margin: c.Margin, Level: c.Level, Population: c.Population}.SampleSize()
			require.NoError(t, err)
			assert.Equal(t, c.Size, got)
		})
	}
}

func TestPlanErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		plan Plan
		want error
	}{
		{"shares past 1", Plan{Promoters: 0.7, Detractors: 0.4, Margin: 0.05, Level: 0.95}, ErrPlan},
		{"negative share", Plan{Promoters: -0.1, Detractors: 0.4, Margin: 0.05, Level: 0.95}, ErrPlan},
		{"NaN share", Plan{Promoters: math.NaN(), Detractors: 0.4, Margin: 0.05, Level: 0.95}, ErrPlan},
		{"no margin", Plan{Promoters: 0.5, Detractors: 0.2, Margin: 0, Level: 0.95}, ErrPlan},
		{"NaN margin", Plan{Promoters: 0.5, Detractors: 0.2, Margin: math.NaN(), Level: 0.95}, ErrPlan},
		// It returned 9223372036854775808 without an error.
		{"margin of 1e-12", Plan{Promoters: 0.5, Detractors: 0.2, Margin: 1e-12, Level: 0.95}, ErrPlan},
		{"no level", Plan{Promoters: 0.5, Detractors: 0.2, Margin: 0.05}, ErrLevel},
		{"no spread", Plan{Promoters: 1, Margin: 0.05, Level: 0.95}, ErrNoVariance},
	} {
		t.Run(c.name, func(t *testing.T) {
			n, err := c.plan.SampleSize()
			assert.ErrorIs(t, err, c.want)
			assert.Zero(t, n)
		})
	}
	_, err := Plan{Promoters: 0.5, Detractors: 0.2, Margin: 1e-12, Level: 0.95}.SampleSize()
	assert.EqualError(t, err, "nps: invalid plan: margin 1e-12 needs more than 2⁵³ responses")
}

// Shares are the decimals they read as: 0.7 + 0.3 is 1, which the floats
// would put a hair above or below.
func TestPlanDecimalShares(t *testing.T) {
	for _, p := range [][2]float64{{0.7, 0.3}, {0.1, 0.9}, {0.58, 0.42}, {0.33, 0.67}} {
		n, err := Plan{Promoters: p[0], Detractors: p[1], Margin: 0.05, Level: 0.95}.SampleSize()
		require.NoError(t, err, "%v", p)
		assert.Greater(t, n, uint64(0))
	}
	// Every plan needs a response, however little spread it expects.
	n, err := Plan{Promoters: 1e-20, Margin: 0.05, Level: 0.95}.SampleSize()
	require.NoError(t, err)
	assert.Equal(t, uint64(1), n)
}
