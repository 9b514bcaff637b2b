package forecast

import (
	"encoding/json"
	"math"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// golden is testdata/holtwinters.json, written by testdata/reference.py
// from statsmodels 0.13.5 (ExponentialSmoothing and ETSModel), scipy and
// an independent plain-Python recursion; see the script's docstring for
// what each field is computed with.
type golden struct {
	Horizon int          `json:"horizon"`
	Cases   []goldenCase `json:"cases"`
}

type goldenCase struct {
	Name   string    `json:"name"`
	Source string    `json:"source"`
	Trend  string    `json:"trend"`
	Season string    `json:"season"`
	Params Params    `json:"params"`
	Y      []float64 `json:"y"`
	Skip   []int     `json:"skip"`
	Init   struct {
		Level  float64   `json:"level"`
		Trend  float64   `json:"trend"`
		Season []float64 `json:"season"`
	} `json:"init"`
	Fitted   []float64 `json:"fitted"`
	SSE      float64   `json:"sse"`
	Forecast []float64 `json:"forecast"`
	Variance []float64 `json:"variance"`
	SMFit    *struct {
		SSE   float64 `json:"sse"`
		Alpha float64 `json:"alpha"`
		Beta  float64 `json:"beta"`
		Gamma float64 `json:"gamma"`
		Phi   float64 `json:"phi"`
	} `json:"sm_fit"`
	BestSSE *float64 `json:"best_sse"`
	Ratios  *struct {
		Lo    []*float64 `json:"lo"`
		Hi    []*float64 `json:"hi"`
		Count []int      `json:"count"`
	} `json:"ratios"`
}

func (c goldenCase) model() (Trend, Season) {
	tr := map[string]Trend{"none": TrendNone, "add": TrendAdditive, "damped": TrendDamped}[c.Trend]
	se := map[string]Season{"add": SeasonAdditive, "mul": SeasonMultiplicative}[c.Season]
	return tr, se
}

func (c goldenCase) skips() []bool {
	s := make([]bool, len(c.Y))
	for _, t := range c.Skip {
		s[t] = true
	}
	return s
}

func readGolden(t *testing.T) golden {
	t.Helper()
	b, err := os.ReadFile("testdata/holtwinters.json")
	require.NoError(t, err)
	var g golden
	require.NoError(t, json.Unmarshal(b, &g))
	require.NotEmpty(t, g.Cases)
	return g
}

func near(t *testing.T, what string, got, want, rel float64) {
	t.Helper()
	if math.Abs(got-want) > rel*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.15g, want %.15g (rel %.2g)", what, got, want, math.Abs(got-want)/math.Max(1, math.Abs(want)))
	}
}

// The recursion with fixed parameters against statsmodels' (and, for the
// cases with skipped days, the plain-Python one): initial state, one-step
// forecasts, SSE and the forecast of 21 days.
func TestHoltWintersReference(t *testing.T) {
	for _, c := range readGolden(t).Cases {
		t.Run(c.Name, func(t *testing.T) {
			tr, se := c.model()
			skip := c.skips()
			init, err := initial(c.Y, skip, tr, se)
			require.NoError(t, err)
			near(t, "ℓ₀", init.l, c.Init.Level, 1e-12)
			near(t, "b₀", init.b, c.Init.Trend, 1e-12)
			for j, s := range c.Init.Season {
				near(t, "s₀", init.s[j], s, 1e-12)
			}
			m := smoother{trend: tr, season: se, p: c.Params}
			st := init
			fitted := make([]float64, len(c.Y))
			sse, err := m.run(&st, c.Y, skip, fitted)
			require.NoError(t, err)
			near(t, "SSE", sse, c.SSE, 1e-10)
			for i := range fitted {
				near(t, "fitted", fitted[i], c.Fitted[i], 1e-11)
			}
			fc := m.ahead(&st, len(c.Y), len(c.Forecast))
			for h := range fc {
				near(t, "forecast", fc[h], c.Forecast[h], 1e-11)
			}
		})
	}
}

// The relative forecast variance vₕ = 1 + Σ cⱼ² of the additive models
// against statsmodels ETSModel's var_pred_mean/mse (Hyndman et al. 2008).
func TestAnalyticVarianceReference(t *testing.T) {
	for _, c := range readGolden(t).Cases {
		if c.Variance == nil {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			tr, se := c.model()
			f := &Fitted{sm: smoother{trend: tr, season: se, p: c.Params}}
			v := 1.0
			for h, want := range c.Variance {
				near(t, "v_h", v, want, 1e-12)
				k := f.coefficient(h + 1)
				v += k * k
			}
		})
	}
}

// The least-squares fit reaches the optimum statsmodels' ETSModel fit
// (additive cases) and a scipy multi-start search (all cases) find, from
// the same initial state, or a lower one.
func TestFitReference(t *testing.T) {
	for _, c := range readGolden(t).Cases {
		if c.BestSSE == nil {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			tr, se := c.model()
			init, err := initial(c.Y, nil, tr, se)
			require.NoError(t, err)
			p, sse, err := fitParams(tr, se, init, c.Y, nil)
			require.NoError(t, err)
			require.NoError(t, p.check(tr))
			want := *c.BestSSE
			if c.SMFit != nil {
				want = math.Min(want, c.SMFit.SSE)
				t.Logf("SSE %.10g; statsmodels %.10g (%v); scipy %.10g", sse, c.SMFit.SSE, *c.SMFit, *c.BestSSE)
			} else {
				t.Logf("SSE %.10g; scipy %.10g", sse, *c.BestSSE)
			}
			if sse > want*(1+1e-7) {
				t.Errorf("fitted SSE %.10g (%v) above the reference optimum %.10g", sse, p, want)
			}
		})
	}
}

// The empirical quantiles of the in-sample h-step ratios of the
// multiplicative cases against numpy.quantile of the plain-Python ratios.
func TestEmpiricalRatiosReference(t *testing.T) {
	for _, c := range readGolden(t).Cases {
		if c.Ratios == nil {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			tr, se := c.model()
			skip := c.skips()
			init, err := initial(c.Y, skip, tr, se)
			require.NoError(t, err)
			f := &Fitted{y: c.Y, skip: skip, init: init, sm: smoother{trend: tr, season: se, p: c.Params}}
			r := f.ratios(len(c.Ratios.Count))
			for h, x := range r {
				require.Len(t, x, c.Ratios.Count[h], "ratios %d days ahead", h+1)
				if c.Ratios.Lo[h] == nil {
					require.Less(t, len(x), MinErrors)
					continue
				}
				slices.Sort(x)
				near(t, "q2.5%", quantile(x, 0.025), *c.Ratios.Lo[h], 1e-12)
				near(t, "q97.5%", quantile(x, 0.975), *c.Ratios.Hi[h], 1e-12)
			}
		})
	}
}
