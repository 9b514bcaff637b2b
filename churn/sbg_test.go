package churn

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testdata/sbg.json, written by reference.py from the beta functions of
// Fader & Hardie (2007) with scipy and mpmath.
type sbgFile struct {
	Fits []struct {
		Name          string
		Cohorts       [][]int
		Paper         []float64  // published, 3 decimals; null for made-up data
		SciPy, MPMath [3]float64 // α, β, LL
	}
	Projection struct {
		Alpha, Beta float64
		S, R, P     []float64
	}
	Survival []struct {
		Alpha, Beta float64
		T           int
		S           float64
	}
	MeanLifetime struct {
		Alpha, Beta float64
		Summed      float64
		ClosedForm  float64 `json:"closed_form"`
	} `json:"mean_lifetime"`
}

func sbgReference(t testing.TB) sbgFile {
	var f sbgFile
	golden(t, "sbg.json", &f)
	return f
}

// Fader & Hardie (2007), "How to project customer retention", Journal of
// Interactive Marketing 21(1), table 1: survivors of a cohort of 1000 over
// seven years.
var regular = []int{1000, 631, 468, 382, 326, 289, 262, 241}

func TestFitSBG(t *testing.T) {
	for _, c := range sbgReference(t).Fits {
		t.Run(c.Name, func(t *testing.T) {
			m, err := FitSBG(c.Cohorts...)
			require.NoError(t, err)
			ll, _ := m.LogLikelihood(c.Cohorts...)
			assert.True(t, closeTo(m.Alpha(), c.MPMath[0], 1e-10) && closeTo(m.Beta(), c.MPMath[1], 1e-10) && closeTo(ll, c.MPMath[2], 1e-13),
				"%v LL %.17g, want mpmath %v", m, ll, c.MPMath)
			// scipy's optimizer stops ~1e-8 away; its likelihood is no better.
			assert.True(t, closeTo(m.Alpha(), c.SciPy[0], 1e-7) && closeTo(m.Beta(), c.SciPy[1], 1e-7) && ll >= c.SciPy[2]-1e-9,
				"%v LL %.17g, scipy %v", m, ll, c.SciPy)
			if c.Paper != nil {
				assert.InDelta(t, c.Paper[0], m.Alpha(), 5e-4, "published α")
				assert.InDelta(t, c.Paper[1], m.Beta(), 5e-4, "published β")
			}
		})
	}
}

// testdata/sbg.json, "projection": S, r and P from scipy.special.betaln.
func TestSBGProjection(t *testing.T) {
	ref := sbgReference(t).Projection
	m, err := NewSBG(ref.Alpha, ref.Beta)
	require.NoError(t, err)
	proj, err := m.Project(1000, 12)
	require.NoError(t, err)
	for tt, want := range ref.S {
		got, ok := m.Survival(tt)
		assert.True(t, ok && closeTo(got, want, 1e-13) && closeTo(proj[tt], 1000*want, 1e-13),
			"S(%d) = %.17g, projected %.17g; want %.17g", tt, got, proj[tt], want)
	}
	for i := range ref.R {
		rt, ok1 := m.Retention(i + 1)
		pt, ok2 := m.Churn(i + 1)
		assert.True(t, ok1 && ok2 && closeTo(rt, ref.R[i], 1e-14) && closeTo(pt, ref.P[i], 1e-13),
			"t = %d: r %.17g P %.17g; want %.17g %.17g", i+1, rt, pt, ref.R[i], ref.P[i])
	}
	for _, c := range []struct {
		name string
		read func() (float64, bool)
	}{
		{"r(0)", func() (float64, bool) { return m.Retention(0) }},
		{"P(T = 0)", func() (float64, bool) { return m.Churn(0) }},
		{"S(−3)", func() (float64, bool) { return m.Survival(-3) }},
		{"S past MaxPeriods", func() (float64, bool) { return m.Survival(MaxPeriods + 1) }},
		{"r past MaxPeriods", func() (float64, bool) { return m.Retention(MaxPeriods + 1) }},
	} {
		_, ok := c.read()
		assert.False(t, ok, c.name)
	}
	_, ok := m.MeanLifetime()
	assert.False(t, ok, "E[T] finite for α < 1")
	// Summing S(t) over 200 000 periods in reference.py gives 3.6666663.
	ml := sbgReference(t).MeanLifetime
	et, ok := (SBG{ml.Alpha, ml.Beta}).MeanLifetime()
	assert.True(t, ok)
	assert.InEpsilon(t, ml.ClosedForm, et, 1e-15)
	assert.InDelta(t, ml.Summed, et, 1e-6)
}

// testdata/sbg.json, "survival": S(t) = B(α, β+t)/B(α, β) in mpmath at 50
// digits, up to the horizon, where the product of t ratios used to run in
// O(t).
func TestSBGSurvivalFarOut(t *testing.T) {
	for _, c := range sbgReference(t).Survival {
		t.Run(fmt.Sprintf("α=%g β=%g t=%d", c.Alpha, c.Beta, c.T), func(t *testing.T) {
			m, err := NewSBG(c.Alpha, c.Beta)
			require.NoError(t, err)
			got, ok := m.Survival(c.T)
			require.True(t, ok)
			if c.S < 1e-290 {
				assert.Less(t, got, 1e-290)
				return
			}
			assert.InEpsilon(t, c.S, got, 2e-13)
		})
	}
}

func TestFitSBGErrors(t *testing.T) {
	for _, c := range []struct {
		name    string
		cohorts [][]int
		want    error
	}{
		{"no cohort", nil, ErrSurvivors},
		{"no period", [][]int{{1000}}, ErrSurvivors},
		{"one period: only α/(α+β)", [][]int{{1000, 600}}, ErrSurvivors},
		{"nobody at the start", [][]int{{0, 0, 0}}, ErrSurvivors},
		{"rising", [][]int{{100, 90, 95}}, ErrSurvivors},
		{"negative", [][]int{{100, 90, -1}}, ErrSurvivors},
		{"longer than MaxPeriods", [][]int{make([]int, MaxPeriods+2)}, ErrSurvivors},
		{"nobody lost", [][]int{{100, 100, 100}}, ErrConverge},
		{"everybody at once", [][]int{{100, 0, 0}}, ErrConverge},
		{"constant churn", [][]int{{1000, 500, 250, 125}}, ErrConverge},
		{"churn rising with tenure", [][]int{{1000, 900, 700, 400}}, ErrConverge},
		{"leave at once or never", [][]int{{1000, 900, 900, 900}}, ErrConverge},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := FitSBG(c.cohorts...)
			assert.ErrorIs(t, err, c.want, "%v", m)
		})
	}
	for _, ab := range [][2]float64{{0, 1}, {1, -1}, {math.NaN(), 1}, {1, math.Inf(1)},
		// MaxFloat64 was accepted, with S(2) = 0 and an infinite lifetime.
		{math.MaxFloat64, math.MaxFloat64}, {MaxSBGParameter * 2, 1}, {1, MinSBGParameter / 2}} {
		_, err := NewSBG(ab[0], ab[1])
		assert.ErrorIs(t, err, ErrParameter, "NewSBG%v", ab)
	}
	m, _ := NewSBG(1, 1)
	for _, c := range []struct {
		n       float64
		periods int
		want    error
	}{{10, -1, ErrPeriod}, {10, MaxPeriods + 1, ErrPeriod}, {-1, 3, ErrCount}, {math.Inf(1), 3, ErrCount}, {math.NaN(), 3, ErrCount}} {
		_, err := m.Project(c.n, c.periods)
		assert.ErrorIs(t, err, c.want, "Project(%v, %d)", c.n, c.periods)
	}
	p, err := m.Project(10, MaxPeriods)
	require.NoError(t, err)
	assert.Len(t, p, MaxPeriods+1)
}

// The extremes of the parameter range stay finite everywhere.
func TestSBGExtremes(t *testing.T) {
	for _, ab := range [][2]float64{{MinSBGParameter, MinSBGParameter}, {MaxSBGParameter, MaxSBGParameter},
		{MinSBGParameter, MaxSBGParameter}, {MaxSBGParameter, MinSBGParameter}} {
		m, err := NewSBG(ab[0], ab[1])
		require.NoError(t, err)
		r, err := m.Result(MaxPeriods)
		require.NoError(t, err)
		_, err = json.Marshal(r)
		require.NoError(t, err, "%v", m)
		if e, ok := m.MeanLifetime(); ok {
			assert.False(t, math.IsInf(e, 0) || math.IsNaN(e), "%v E[T] = %v", m, e)
		}
	}
}

func TestSBGResult(t *testing.T) {
	m, _ := NewSBG(0.704, 1.182)
	r, err := m.Result(2)
	require.NoError(t, err)
	assert.InDelta(t, 100*0.704/1.886, r.MeanChurnPct, 1e-12)
	assert.Nil(t, r.Periods[0].RetentionPct)
	js, _ := json.Marshal(r)
	assert.Contains(t, string(js), `{"period":0,"survival_pct":100,"retention_pct":null,"churn_pct":null}`)
	assert.Equal(t, "mean churn 37.3%, polarization 34.7%, 47.4% left after 2 periods", r.String())
	_, err = m.Result(-1)
	assert.ErrorIs(t, err, ErrPeriod)
}

func TestSBGJSON(t *testing.T) {
	m, _ := NewSBG(0.704, 1.182)
	b, _ := json.Marshal(m)
	var u SBG
	require.NoError(t, json.Unmarshal(b, &u))
	assert.Equal(t, m, u)
	assert.Equal(t, `{"alpha":0.704,"beta":1.182}`, string(b))
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"alpha":-1,"beta":1}`), &u), ErrEncoding)
	assert.Equal(t, m, u)
	assert.Equal(t, "sBG(α = 0.704, β = 1.182)", m.String())
}

// FitSBG on any valid survivor counts returns a valid model or
// ErrConverge, never NaN, and the model is at least as likely as its
// neighbours.
func FuzzFitSBG(f *testing.F) {
	f.Add(uint16(1000), []byte{100, 50, 30, 20})
	f.Add(uint16(10), []byte{0, 0})
	f.Fuzz(func(t *testing.T, n0 uint16, drops []byte) {
		if len(drops) > 20 {
			return
		}
		c := []int{int(n0)}
		for _, d := range drops {
			c = append(c, max(c[len(c)-1]-int(d), 0))
		}
		m, err := FitSBG(c)
		if err != nil {
			if !errors.Is(err, ErrSurvivors) && !errors.Is(err, ErrConverge) {
				t.Fatalf("%v: %v", c, err)
			}
			return
		}
		ll, _ := m.LogLikelihood(c)
		for _, d := range [][2]float64{{1.001, 1}, {0.999, 1}, {1, 1.001}, {1, 0.999}} {
			n, err := NewSBG(m.Alpha()*d[0], m.Beta()*d[1])
			if err != nil {
				continue
			}
			if l, _ := n.LogLikelihood(c); l > ll+1e-9*math.Abs(ll) {
				t.Fatalf("%v: %v (LL %v) beaten by %v (LL %v)", c, m, ll, n, l)
			}
		}
	})
}

func BenchmarkFitSBG(b *testing.B) {
	for b.Loop() {
		if _, err := FitSBG(regular); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSBGSurvival(b *testing.B) {
	m, _ := NewSBG(0.704, 1.182)
	for i := 0; b.Loop(); i++ {
		if _, ok := m.Survival(i % (MaxPeriods + 1)); !ok {
			b.Fatal("undefined")
		}
	}
}
