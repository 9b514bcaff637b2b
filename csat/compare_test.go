package csat

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Delta, z and p: R prop.test(correct = FALSE) (testdata/reference.R);
// the interval: statsmodels confint_proportions_2indep(method="newcomb")
// (testdata/reference.py).
func TestCompare(t *testing.T) {
	r, py := goldenR(t).Compare, goldenPython(t).Compare
	require.Len(t, py, len(r))
	for i, c := range r {
		p := py[i]
		t.Run(c.Name, func(t *testing.T) {
			require.Equal(t, c.A, p.A)
			a := tallyOf(t, Binary, c.A[1]-c.A[0], c.A[0])
			b := tallyOf(t, FivePoint, c.B[1]-c.B[0], 0, 0, 0, c.B[0]) // scales may differ
			got, err := Compare(a, b, p.Level)
			require.NoError(t, err)
			assert.InDelta(t, 100*c.Delta, *got.DeltaPoints, 1e-12, "delta")
			assert.InDelta(t, c.Z, *got.Z, 1e-13*math.Max(1, math.Abs(c.Z)), "z")
			assert.InDelta(t, c.P, *got.PValue, 1e-13*c.P, "p")
			ci := got.DeltaIntervalPoints
			assert.InDelta(t, 100*p.Lo, ci.Lo, 1e-7*math.Abs(p.Lo), "lo")
			assert.InDelta(t, 100*p.Hi, ci.Hi, 1e-7*math.Abs(p.Hi), "hi")
			assert.Equal(t, Newcombe, ci.Method)
			if *got.DeltaPoints != 0 {
				assert.InEpsilon(t, *got.DeltaPoints / *got.StdErrPoints, *got.Z, 1e-15, "z = Δ/SE")
			}
			// Swapping the samples mirrors everything.
			s, _ := Compare(b, a, p.Level)
			assert.Equal(t, -*got.DeltaPoints, *s.DeltaPoints)
			assert.Equal(t, *got.PValue, *s.PValue)
			assert.InDelta(t, -ci.Hi, s.DeltaIntervalPoints.Lo, 1e-13)
		})
	}
	c, _ := Compare(tallyOf(t, Binary, 30, 70), tallyOf(t, Binary, 35, 55), 0.95)
	assert.Equal(t, "Δ +8.9 points (95% newcombe CI -4.5…+22.0), z = 1.29, p = 0.2", c.String())
}

// Undefined figures are nil: all of them with an empty sample; z and p
// when both samples are all satisfied, or all not (the interval is still
// defined).
func TestCompareUndefined(t *testing.T) {
	for name, pair := range map[string][2]*Tally{
		"all satisfied":  {tallyOf(t, Binary, 0, 4), tallyOf(t, Binary, 0, 9)},
		"none satisfied": {tallyOf(t, Binary, 4, 0), tallyOf(t, Binary, 9, 0)},
	} {
		t.Run(name, func(t *testing.T) {
			c, err := Compare(pair[0], pair[1], 0.95)
			require.NoError(t, err)
			assert.Equal(t, 0.0, *c.DeltaPoints)
			assert.Equal(t, 0.0, *c.StdErrPoints)
			assert.Nil(t, c.Z)
			assert.Nil(t, c.PValue)
			assert.NotNil(t, c.DeltaIntervalPoints)
		})
	}
	c, err := Compare(&Tally{}, tallyOf(t, Binary, 1, 1), 0.95)
	require.NoError(t, err)
	assert.Equal(t, Comparison{}, c)
	_, err = Compare(tallyOf(t, Binary, 1, 1), tallyOf(t, Binary, 1, 1), 0)
	assert.ErrorIs(t, err, ErrLevel)
}

// The pooled standard error keeps its digits when nearly everyone is
// satisfied: p̄(1 − p̄) comes from X(N − X), not from 1 − p̄ in floats.
func TestCompareNearOne(t *testing.T) {
	a := tallyOf(t, Binary, 1, 1e12-1)
	b := tallyOf(t, Binary, 3, 1e12-3)
	c, err := Compare(a, b, 0.95)
	require.NoError(t, err)
	// X(N − X)/(N·nₐ·n_b) = (2e12 − 4)·4 / (2e12·1e24), exactly.
	want := 100 * math.Sqrt((2e12-4)*4/(2e12*1e24))
	assert.InEpsilon(t, want, *c.StdErrPoints, 1e-15)
}

// The Newcombe interval stays in [−1, 1] and holds Δ for every pair of
// small samples.
func TestCompareAlwaysValid(t *testing.T) {
	for na := uint64(1); na <= 12; na++ {
		for nb := uint64(1); nb <= 12; nb++ {
			for sa := uint64(0); sa <= na; sa++ {
				for sb := uint64(0); sb <= nb; sb++ {
					c, err := Compare(tallyOf(t, Binary, na-sa, sa), tallyOf(t, Binary, nb-sb, sb), 0.95)
					ci, d := c.DeltaIntervalPoints, c.DeltaPoints
					if err != nil || ci.Lo < -100 || ci.Hi > 100 || ci.Lo > *d+1e-10 || ci.Hi < *d-1e-10 ||
						c.PValue != nil && !(*c.PValue >= 0 && *c.PValue <= 1) {
						t.Fatalf("%d/%d vs %d/%d: %+v, %v", sa, na, sb, nb, c, err)
					}
				}
			}
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	x, y := tallyOf(b, Binary, 88, 412), tallyOf(b, Binary, 120, 380)
	for b.Loop() {
		_, _ = Compare(x, y, 0.95)
	}
}
