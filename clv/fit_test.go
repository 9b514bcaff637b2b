package clv

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFitErrors(t *testing.T) {
	oneTime := []Summary{{T: 10}, {T: 20}}
	bad := []Summary{{X: 1, Tx: 1, T: 10}, {T: 5}, {X: 2, Tx: 11, T: 10}}
	for _, c := range []struct {
		name string
		err  error
		want error
		text string
	}{
		{"BG/NBD on nothing", errOf3(FitBGNBD(slices.Values([]Summary(nil)))), ErrEmpty, "no customers"},
		{"BG/NBD without repeat purchases", errOf3(FitBGNBD(slices.Values(oneTime))), ErrEmpty, "no repeat purchase"},
		{"MBG/NBD on a bad summary", errOf3(FitMBGNBD(slices.Values(bad))), ErrSummary, "summary 2"},
		{"Pareto/NBD without repeat purchases", errOf3(FitParetoNBD(slices.Values(oneTime))), ErrEmpty, "no repeat purchase"},
		{"Gamma-Gamma without repeat customers", errOf3(FitGammaGamma(slices.Values(oneTime))), ErrEmpty, "no repeat customer"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.ErrorIs(t, c.err, c.want)
			assert.ErrorContains(t, c.err, c.text)
		})
	}
}

func errOf3[A, B any](_ A, _ B, err error) error { return err }

// Customers who all buy like clockwork until the end show no dropout:
// the BG/NBD fit runs to the model's limit and says so.
func TestFitNoDropout(t *testing.T) {
	var s []Summary
	for i := range 200 {
		T := 20 + float64(i%30)
		s = append(s, Summary{X: int(T / 2), Tx: T, T: T})
	}
	_, fit, err := FitBGNBD(slices.Values(s))
	require.ErrorIs(t, err, ErrConverge)
	t.Log(err, fit)
	assert.ErrorContains(t, err, "to a bound")
}

// The models do not depend on the time unit: in days instead of weeks
// the fit has the same shapes and α seven times larger.
func TestFitUnit(t *testing.T) {
	weeks := cdnow(t)
	days := make([]Summary, len(weeks))
	for i, s := range weeks {
		days[i] = Summary{X: s.X, Tx: 7 * s.Tx, T: 7 * s.T}
	}
	w, _, err := FitBGNBD(slices.Values(weeks))
	require.NoError(t, err)
	d, _, err := FitBGNBD(slices.Values(days))
	require.NoError(t, err)
	near(t, "r", d.R(), w.R(), 1e-6)
	near(t, "α", d.Alpha(), 7*w.Alpha(), 1e-6)
	near(t, "a", d.A(), w.A(), 1e-6)
	near(t, "b", d.B(), w.B(), 1e-6)
}

// A fit depends on the customers, not on their order: to the bit.
func TestFitOrder(t *testing.T) {
	s := cdnow(t)
	m1, f1, err := FitParetoNBD(slices.Values(s))
	require.NoError(t, err)
	shuffled := slices.Clone(s)
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	m2, f2, err := FitParetoNBD(slices.Values(shuffled))
	require.NoError(t, err)
	assert.Equal(t, m1, m2)
	assert.Equal(t, f1, f2)
}

// The Gauss–Kronrod rule integrates polynomials up to degree 22 exactly,
// and the log-space integral keeps integrands far below the smallest
// float.
func TestLogIntegral(t *testing.T) {
	for _, c := range []struct {
		name   string
		f      func(float64) float64
		a, b   float64
		lnWant float64
	}{
		{"t²² on [1, 2]", func(t float64) float64 { return 22 * math.Log(t) }, 1, 2, math.Log((math.Pow(2, 23) - 1) / 23)},
		{"e^−1000t on [0, 1]", func(t float64) float64 { return -1000 * t }, 0, 1, math.Log(-math.Expm1(-1000) / 1000)},
		{"e^(−5000 − t) on [0, 3]", func(t float64) float64 { return -5000 - t }, 0, 3, -5000 + math.Log(-math.Expm1(-3))},
		{"1/(1+t)² on [0, 100]", func(t float64) float64 { return -2 * math.Log1p(t) }, 0, 100, math.Log(100.0 / 101)},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := logIntegral(funcIntegrand(c.f), c.a, c.b, 0, nil)
			require.NoError(t, err)
			assert.InDelta(t, c.lnWant, got, 1e-13*math.Max(1, math.Abs(c.lnWant)))
		})
	}
	got, err := logIntegral(funcIntegrand(func(float64) float64 { return 0 }), 2, 2, 0, nil)
	require.NoError(t, err)
	assert.True(t, math.IsInf(got, -1))
}

type funcIntegrand func(float64) float64

func (f funcIntegrand) eval(t float64, _ []float64) float64 { return f(t) }

// The NBD probabilities and tails against 60-digit mpmath.
func TestNBDReference(t *testing.T) {
	g := readGolden(t)
	for _, c := range g.Series.NBD {
		lp := lnNBD(c.R, c.K, c.C)
		assert.InDelta(t, c.LnP, lp, 1e-12*math.Max(1, math.Abs(c.LnP)), "ln P(N = %d), r = %g, c = %g", c.K, c.R, c.C)
		tail, err := nbdTail(c.R, c.K, c.C)
		require.NoError(t, err)
		if c.Tail > 0 {
			assert.InEpsilon(t, c.Tail, tail, 1e-11, "P(N > %d), r = %g, c = %g", c.K, c.R, c.C)
		}
	}
	for _, c := range g.Series.Dropout {
		got, err := dropoutMean(c.N, c.C, c.A, c.B)
		require.NoError(t, err)
		tol := 1e-12
		if c.N*c.C > 1000 {
			tol = 1e-10 // ~10⁵ terms
		}
		assert.InEpsilon(t, c.Mean, got, tol, "n = %g, c = %g, a = %g, b = %g", c.N, c.C, c.A, c.B)
	}
}
