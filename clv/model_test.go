package clv

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func models(t testing.TB) map[string]Model {
	t.Helper()
	bg, err1 := NewBGNBD(0.243, 4.414, 0.793, 2.426)
	mbg, err2 := NewMBGNBD(0.525, 6.183, 0.891, 1.614)
	pn, err3 := NewParetoNBD(0.553, 10.58, 0.606, 11.67)
	require.NoError(t, firstError(err1, err2, err3))
	return map[string]Model{"BGNBD": bg, "MBGNBD": mbg, "ParetoNBD": pn}
}

func TestModelErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want error
	}{
		{"BG/NBD r = 0", errOf(NewBGNBD(0, 1, 1, 1)), ErrParameter},
		{"BG/NBD α = +Inf", errOf(NewBGNBD(1, math.Inf(1), 1, 1)), ErrParameter},
		{"MBG/NBD b = NaN", errOf(NewMBGNBD(1, 1, 1, math.NaN())), ErrParameter},
		{"Pareto/NBD β < 0", errOf(NewParetoNBD(1, 1, 1, -1)), ErrParameter},
		{"Gamma-Gamma q = 0", errOf(NewGammaGamma(1, 0, 1)), ErrParameter},
	} {
		t.Run(c.name, func(t *testing.T) { assert.ErrorIs(t, c.err, c.want) })
	}
	bad := Summary{X: 1, Tx: 5, T: 4}
	for name, m := range models(t) {
		t.Run(name, func(t *testing.T) {
			good := Summary{X: 1, Tx: 2, T: 4}
			assert.ErrorIs(t, errOf(m.PAlive(bad)), ErrSummary)
			assert.ErrorIs(t, errOf(m.LogLikelihood(bad)), ErrSummary)
			assert.ErrorIs(t, errOf(m.Expected(bad, 1)), ErrSummary)
			assert.ErrorIs(t, errOf(m.Expected(good, -1)), ErrArgument)
			assert.ErrorIs(t, errOf(m.Expected(good, math.Inf(1))), ErrArgument)
			assert.ErrorIs(t, errOf(m.ExpectedNew(math.NaN())), ErrArgument)
			assert.ErrorIs(t, errOf(m.PNew(-1, 1)), ErrArgument)
			assert.ErrorIs(t, errOf(m.PNew(MaxRepeats+1, 1)), ErrArgument)
			// A horizon far past the model's time scale is refused, not
			// summed for ever.
			_, err := m.ExpectedNew(1e300)
			if name != "ParetoNBD" {
				assert.ErrorIs(t, err, ErrConverge)
			} else {
				assert.NoError(t, err) // a closed form
			}
		})
	}
}

// randomModel draws parameters over the range fits meet.
func randomModel(r *rand.Rand, kind int) Model {
	p := func() float64 { return math.Pow(10, -2+3.5*r.Float64()) }
	var m Model
	var err error
	switch kind % 3 {
	case 0:
		m, err = NewBGNBD(p(), p(), p(), p())
	case 1:
		m, err = NewMBGNBD(p(), p(), p(), p())
	default:
		m, err = NewParetoNBD(p(), p(), p(), p())
	}
	if err != nil {
		panic(err)
	}
	return m
}

// randomSummary draws a summary of up to 200 repeat purchases over up to
// 500 units.
func randomSummary(r *rand.Rand) Summary {
	T := 500 * r.Float64()
	x := r.IntN(4)
	if r.IntN(3) == 0 {
		x = r.IntN(200)
	}
	s := Summary{X: x, T: T}
	if x > 0 {
		s.Tx = T * r.Float64()
	}
	return s
}

// The models' read-outs keep their ranges and order on random
// parameters and summaries: P(alive) in [0, 1], expectations ≥ 0,
// non-decreasing in the horizon and 0 at 0, probabilities in [0, 1]
// adding up to at most 1, and finite log-likelihoods.
func TestModelInvariants(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		m := randomModel(r, i)
		s := randomSummary(r)
		t.Run(fmt.Sprintf("%d %v %+v", i, m, s), func(t *testing.T) {
			ll, err := m.LogLikelihood(s)
			require.NoError(t, err)
			assert.False(t, math.IsNaN(ll) || math.IsInf(ll, 0), "log-likelihood %v", ll)
			p, err := m.PAlive(s)
			require.NoError(t, err)
			assert.True(t, p >= 0 && p <= 1, "P(alive) %v", p)
			prev := 0.0
			for _, h := range []float64{0, 0.1, 1, 10, 100} {
				e, err := m.Expected(s, h)
				require.NoError(t, err)
				assert.GreaterOrEqual(t, e, prev*(1-1e-12), "expected in %v", h)
				if h == 0 {
					assert.Zero(t, e)
				}
				prev = e
				en, err := m.ExpectedNew(h)
				require.NoError(t, err)
				assert.False(t, math.IsNaN(en) || en < 0, "E[X(%v)] = %v", h, en)
			}
			total := 0.0
			for n := range 30 {
				q, err := m.PNew(n, 1)
				require.NoError(t, err)
				assert.True(t, q >= 0 && q <= 1+1e-12, "P(X(1) = %d) = %v", n, q)
				total += q
			}
			assert.LessOrEqual(t, total, 1+1e-9)
		})
	}
}

// The BG/NBD model cannot lose a customer before a repeat purchase; the
// MBG/NBD and Pareto/NBD models can, more so as T grows.
func TestPAliveOneTimeBuyer(t *testing.T) {
	for name, m := range models(t) {
		t.Run(name, func(t *testing.T) {
			early, err := m.PAlive(Summary{T: 1})
			require.NoError(t, err)
			late, err := m.PAlive(Summary{T: 100})
			require.NoError(t, err)
			if name == "BGNBD" {
				assert.Equal(t, 1.0, early)
				assert.Equal(t, 1.0, late)
				return
			}
			assert.Less(t, late, early)
		})
	}
}

func FuzzModels(f *testing.F) {
	f.Add(uint8(0), 0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 39.0, 3)
	f.Add(uint8(2), 0.553, 10.58, 0.606, 11.67, 0, 0.0, 38.86, 520.0, 0)
	f.Add(uint8(1), 1e-3, 1e3, 1.0, 1e-3, 1000, 1.0, 1e4, 1e3, 50)
	f.Fuzz(func(t *testing.T, kind uint8, p1, p2, p3, p4 float64, x int, tx, T, h float64, n int) {
		var m Model
		var err error
		switch kind % 3 {
		case 0:
			m, err = NewBGNBD(p1, p2, p3, p4)
		case 1:
			m, err = NewMBGNBD(p1, p2, p3, p4)
		default:
			m, err = NewParetoNBD(p1, p2, p3, p4)
		}
		if err != nil {
			return
		}
		s := Summary{X: x % 2000, Tx: tx, T: T}
		finite := func(what string, v float64, err error) {
			if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
				t.Fatalf("%v %+v: %s = %v", m, s, what, v)
			}
		}
		v, err := m.PAlive(s)
		finite("P(alive)", v, err)
		if err == nil && (v < 0 || v > 1) {
			t.Fatalf("%v %+v: P(alive) = %v", m, s, v)
		}
		v, err = m.LogLikelihood(s)
		if err == nil && math.IsNaN(v) {
			t.Fatalf("%v %+v: log-likelihood NaN", m, s)
		}
		v, err = m.Expected(s, h)
		finite("expected", v, err)
		v, err = m.ExpectedNew(h)
		finite("expected new", v, err)
		v, err = m.PNew(n%100, h)
		finite("P(n)", v, err)
	})
}
