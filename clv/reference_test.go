package clv

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// golden is testdata/golden.json, written by testdata/reference.py from
// the papers' closed forms in mpmath (40 digits), scipy fits and pandas
// summaries; see the script for the source of every value.
type golden struct {
	Published map[string]struct {
		Params        []float64 `json:"params"`
		LogLikelihood float64   `json:"log_likelihood"`
	} `json:"cdnow_published"`
	Customer1 struct {
		X        int     `json:"x"`
		Tx       float64 `json:"t_x"`
		T        float64 `json:"T"`
		Horizon  float64 `json:"t"`
		Expected float64 `json:"expected"`
	} `json:"cdnow_customer_1"`
	MLE map[string]struct {
		Params        []float64 `json:"params"`
		LogLikelihood float64   `json:"log_likelihood"`
		Correlation   float64   `json:"correlation"`
	} `json:"cdnow_mle"`
	Points []struct {
		Model         string    `json:"model"`
		Label         string    `json:"params_label"`
		Params        []float64 `json:"params"`
		X             int       `json:"x"`
		Tx            float64   `json:"t_x"`
		T             float64   `json:"T"`
		LogLikelihood float64   `json:"log_likelihood"`
		PAlive        float64   `json:"p_alive"`
		Horizons      []float64 `json:"horizons"`
		Expected      []float64 `json:"expected"`
	} `json:"points"`
	NewCustomers []struct {
		Model       string    `json:"model"`
		Label       string    `json:"params_label"`
		Params      []float64 `json:"params"`
		T           float64   `json:"t"`
		ExpectedNew float64   `json:"expected_new"`
		N           []int     `json:"n"`
		PNew        []float64 `json:"p_new"`
	} `json:"new_customers"`
	Spend []struct {
		Params        []float64 `json:"params"`
		X             int       `json:"x"`
		Spend         float64   `json:"spend"`
		LogLikelihood float64   `json:"log_likelihood"`
		ExpectedSpend float64   `json:"expected_spend"`
	} `json:"spend"`
	CLV []struct {
		Model       string    `json:"model"`
		Params      []float64 `json:"params"`
		SpendParams []float64 `json:"spend_params"`
		Convention  string    `json:"convention"`
		Rate        float64   `json:"rate"`
		Step        float64   `json:"step"`
		Horizon     float64   `json:"horizon"`
		X           int       `json:"x"`
		Tx          float64   `json:"t_x"`
		T           float64   `json:"T"`
		Spend       float64   `json:"spend"`
		Expected    float64   `json:"expected"`
		Discounted  float64   `json:"discounted"`
		MeanSpend   float64   `json:"expected_spend"`
		CLV         string    `json:"clv"`
	} `json:"clv"`
	Series struct {
		Dropout []struct {
			N    float64 `json:"n"`
			C    float64 `json:"c"`
			A    float64 `json:"a"`
			B    float64 `json:"b"`
			Mean float64 `json:"mean"`
		} `json:"dropout"`
		NBD []struct {
			R    float64 `json:"r"`
			C    float64 `json:"c"`
			K    int     `json:"k"`
			LnP  float64 `json:"ln_p"`
			Tail float64 `json:"tail"`
		} `json:"nbd"`
	} `json:"series"`
	DERT []struct {
		Params []float64 `json:"params"`
		Rate   float64   `json:"rate"`
		X      int       `json:"x"`
		Tx     float64   `json:"t_x"`
		T      float64   `json:"T"`
		DERT   float64   `json:"dert"`
	} `json:"dert"`
	Summaries struct {
		AsOf      string `json:"as_of"`
		Cut       string `json:"cut"`
		End       string `json:"end"`
		Customers []struct {
			ID        string         `json:"customer_id"`
			Orders    uint64         `json:"orders"`
			Days      int            `json:"days"`
			Daily     goldenSummary  `json:"daily"`
			EachOrder goldenSummary  `json:"each_order"`
			Holdout   *goldenHoldout `json:"holdout"`
		} `json:"customers"`
	} `json:"summaries"`
}

type goldenSummary struct {
	X     int    `json:"x"`
	Tx    int    `json:"t_x_days"`
	T     int    `json:"T_days"`
	Spend string `json:"spend"`
}

type goldenHoldout struct {
	Calibration goldenSummary `json:"calibration"`
	X           int           `json:"x"`
	Amount      string        `json:"amount"`
}

func readGolden(t testing.TB) *golden {
	t.Helper()
	b, err := os.ReadFile("testdata/golden.json")
	require.NoError(t, err)
	var g golden
	require.NoError(t, json.Unmarshal(b, &g))
	return &g
}

// cdnow reads the CDNOW sample: x, t_x, T in weeks and the mean spend of
// the repeat purchases.
func cdnow(t testing.TB) []Summary {
	t.Helper()
	f, err := os.Open("testdata/cdnow_customers_summary_with_transactions.csv")
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	out := make([]Summary, 0, len(recs)-1)
	for _, r := range recs[1:] {
		x, err1 := strconv.Atoi(r[1])
		tx, err2 := strconv.ParseFloat(r[2], 64)
		T, err3 := strconv.ParseFloat(r[3], 64)
		z, err4 := decimal.NewFromString(r[4])
		require.NoError(t, firstError(err1, err2, err3, err4))
		out = append(out, Summary{ID: r[0], X: x, Tx: tx, T: T, Spend: z})
	}
	return out
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// model returns the model named in the golden file.
func model(t testing.TB, name string, p []float64) Model {
	t.Helper()
	var m Model
	var err error
	switch name {
	case "BGNBD":
		m, err = NewBGNBD(p[0], p[1], p[2], p[3])
	case "MBGNBD":
		m, err = NewMBGNBD(p[0], p[1], p[2], p[3])
	case "ParetoNBD":
		m, err = NewParetoNBD(p[0], p[1], p[2], p[3])
	default:
		t.Fatalf("model %q", name)
	}
	require.NoError(t, err)
	return m
}

// near checks got against want to a relative tolerance.
func near(t *testing.T, what string, got, want, rel float64) {
	t.Helper()
	if d := math.Abs(got - want); !(d <= rel*math.Abs(want)) {
		t.Errorf("%s = %.17g, want %.17g (relative error %.2g > %.2g)", what, got, want, d/math.Abs(want), rel)
	}
}

func TestPublishedCDNOW(t *testing.T) {
	g := readGolden(t)
	data := cdnow(t)
	for _, name := range []string{"BGNBD", "ParetoNBD"} {
		t.Run(name, func(t *testing.T) {
			m := model(t, name, g.Published[name].Params)
			ll := 0.0
			for _, s := range data {
				v, err := m.LogLikelihood(s)
				require.NoError(t, err)
				ll += v
			}
			near(t, "log-likelihood", ll, g.Published[name].LogLikelihood, 1e-12)
		})
	}
	t.Run("GammaGamma", func(t *testing.T) {
		p := g.Published["GammaGamma"].Params
		m, err := NewGammaGamma(p[0], p[1], p[2])
		require.NoError(t, err)
		ll := 0.0
		for _, s := range data {
			if s.X > 0 {
				v, err := m.LogLikelihood(s)
				require.NoError(t, err)
				ll += v
			}
		}
		near(t, "log-likelihood", ll, g.Published["GammaGamma"].LogLikelihood, 1e-12)
	})
	t.Run("customer 1", func(t *testing.T) {
		// Fader, Hardie & Lee (2005) report 1.226 purchases in the next 39
		// weeks for this customer.
		m := model(t, "BGNBD", g.Published["BGNBD"].Params)
		c := g.Customer1
		e, err := m.Expected(Summary{X: c.X, Tx: c.Tx, T: c.T}, c.Horizon)
		require.NoError(t, err)
		near(t, "expected purchases", e, c.Expected, 1e-12)
		assert.Equal(t, "1.226", strconv.FormatFloat(e, 'f', 3, 64))
	})
}

func TestFitCDNOW(t *testing.T) {
	g := readGolden(t)
	data := cdnow(t)
	fits := map[string]func() ([]float64, Fit, error){
		"BGNBD": func() ([]float64, Fit, error) {
			m, f, err := FitBGNBD(slices.Values(data))
			return []float64{m.R(), m.Alpha(), m.A(), m.B()}, f, err
		},
		"MBGNBD": func() ([]float64, Fit, error) {
			m, f, err := FitMBGNBD(slices.Values(data))
			return []float64{m.R(), m.Alpha(), m.A(), m.B()}, f, err
		},
		"ParetoNBD": func() ([]float64, Fit, error) {
			m, f, err := FitParetoNBD(slices.Values(data))
			return []float64{m.R(), m.Alpha(), m.S(), m.Beta()}, f, err
		},
		"GammaGamma": func() ([]float64, Fit, error) {
			m, f, err := FitGammaGamma(slices.Values(data))
			return []float64{m.P(), m.Q(), m.V()}, f.Fit, err
		},
	}
	for _, name := range []string{"BGNBD", "MBGNBD", "ParetoNBD", "GammaGamma"} {
		t.Run(name, func(t *testing.T) {
			p, fit, err := fits[name]()
			require.NoError(t, err)
			want := g.MLE[name]
			t.Logf("%v; params %v, scipy %v", fit, p, want.Params)
			// The maximum is at least scipy's, within rounding of the sum.
			assert.GreaterOrEqual(t, fit.LogLikelihood, want.LogLikelihood-1e-7)
			assert.InDelta(t, want.LogLikelihood, fit.LogLikelihood, 1e-5)
			for i := range p {
				near(t, fmt.Sprintf("parameter %d", i), p[i], want.Params[i], 1e-4)
			}
			if pub, ok := g.Published[name]; ok {
				// The published parameters are the fit rounded to 3 or 4
				// significant digits.
				for i := range p {
					near(t, fmt.Sprintf("published parameter %d", i), p[i], pub.Params[i], 2e-3)
				}
			}
		})
	}
}

func TestPointsReference(t *testing.T) {
	g := readGolden(t)
	for _, c := range g.Points {
		name := fmt.Sprintf("%s/%s/x=%d,t_x=%g,T=%g", c.Model, c.Label, c.X, c.Tx, c.T)
		t.Run(name, func(t *testing.T) {
			m := model(t, c.Model, c.Params)
			s := Summary{X: c.X, Tx: c.Tx, T: c.T}
			ll, err := m.LogLikelihood(s)
			require.NoError(t, err)
			near(t, "log-likelihood", ll, c.LogLikelihood, 1e-12)
			p, err := m.PAlive(s)
			require.NoError(t, err)
			near(t, "P(alive)", p, c.PAlive, 5e-12)
			for i, h := range c.Horizons {
				e, err := m.Expected(s, h)
				require.NoError(t, err)
				near(t, fmt.Sprintf("expected in %g", h), e, c.Expected[i], tolerance(c.X))
			}
		})
	}
}

// tolerance is the relative error allowed an expectation: measured
// errors are below 2·10⁻¹³, and 8·10⁻¹³ for a customer with a thousand
// purchases, whose series runs over ~10⁵ terms; the margin is for other
// platforms' rounding (fused multiply-adds on arm64).
func tolerance(x int) float64 {
	if x >= 1000 {
		return 1e-10
	}
	return 1e-11
}

func TestNewCustomersReference(t *testing.T) {
	g := readGolden(t)
	for _, c := range g.NewCustomers {
		t.Run(fmt.Sprintf("%s/%s/t=%g", c.Model, c.Label, c.T), func(t *testing.T) {
			m := model(t, c.Model, c.Params)
			e, err := m.ExpectedNew(c.T)
			require.NoError(t, err)
			near(t, "E[X(t)]", e, c.ExpectedNew, 1e-12)
			for i, n := range c.N {
				p, err := m.PNew(n, c.T)
				require.NoError(t, err)
				near(t, fmt.Sprintf("P(X(t) = %d)", n), p, c.PNew[i], 1e-11)
			}
		})
	}
}

func TestSpendReference(t *testing.T) {
	g := readGolden(t)
	for _, c := range g.Spend {
		t.Run(fmt.Sprintf("x=%d,spend=%g", c.X, c.Spend), func(t *testing.T) {
			m, err := NewGammaGamma(c.Params[0], c.Params[1], c.Params[2])
			require.NoError(t, err)
			s := Summary{X: c.X, Tx: 1, T: 1, Spend: decimal.NewFromFloat(c.Spend)}
			ll, err := m.LogLikelihood(s)
			require.NoError(t, err)
			near(t, "log-likelihood", ll, c.LogLikelihood, 1e-12)
			e, err := m.ExpectedSpend(s, 10)
			require.NoError(t, err)
			near(t, "expected spend", e.InexactFloat64(), c.ExpectedSpend, 1e-9)
		})
	}
}

func TestCLVReference(t *testing.T) {
	g := readGolden(t)
	for _, c := range g.CLV {
		t.Run(fmt.Sprintf("%s/%s/x=%d,t_x=%g", c.Model, c.Convention, c.X, c.Tx), func(t *testing.T) {
			var conv Convention
			require.NoError(t, conv.UnmarshalText([]byte(c.Convention)))
			spend, err := NewGammaGamma(c.SpendParams[0], c.SpendParams[1], c.SpendParams[2])
			require.NoError(t, err)
			v := Valuation{
				Purchases: model(t, c.Model, c.Params),
				Spend:     spend,
				Horizon:   c.Horizon,
				Discount:  Discount{Convention: conv, Rate: c.Rate, Step: c.Step},
				Places:    2,
			}
			cv, err := v.Value(Summary{ID: "c", X: c.X, Tx: c.Tx, T: c.T, Spend: decimal.NewFromFloat(c.Spend)})
			require.NoError(t, err)
			p := cv.PAlivePct / 100
			near(t, "expected purchases", cv.ExpectedPurchases, c.Expected, 1e-11)
			near(t, "discounted purchases", cv.DiscountedPurchases, c.Discounted, 1e-11)
			_ = p
			want := decimal.RequireFromString(c.CLV)
			require.NotNil(t, cv.CLVAmount)
			assert.True(t, cv.CLVAmount.Equal(want.Round(2)), "CLV %v, want %v rounded to cents", cv.CLVAmount, want)
			assert.True(t, cv.SpendAmount.Equal(decimal.NewFromFloat(c.MeanSpend).Round(2)), "spend %v, want %v", cv.SpendAmount, c.MeanSpend)
		})
	}
}

// CLVTools' DERT is the continuous discount over an unlimited horizon:
// a horizon of 40/δ leaves out e^−40 of it.
func TestDERTReference(t *testing.T) {
	g := readGolden(t)
	gg, err := NewGammaGamma(6.25, 3.74, 15.44)
	require.NoError(t, err)
	for _, c := range g.DERT {
		t.Run(fmt.Sprintf("x=%d,t_x=%g", c.X, c.Tx), func(t *testing.T) {
			v := Valuation{
				Purchases: model(t, "ParetoNBD", c.Params),
				Spend:     gg,
				Horizon:   40 / c.Rate,
				Discount:  Discount{Convention: Continuous, Rate: c.Rate},
				Places:    2,
			}
			cv, err := v.Value(Summary{X: c.X, Tx: c.Tx, T: c.T})
			require.NoError(t, err)
			near(t, "DERT", cv.DiscountedPurchases, c.DERT, 1e-11)
		})
	}
}

func TestSummariesReference(t *testing.T) {
	g := readGolden(t)
	f, err := os.Open("testdata/orders.csv")
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var txs []segment.Transaction
	for _, r := range recs[1:] {
		at, err := time.Parse(time.RFC3339, r[1])
		require.NoError(t, err)
		txs = append(txs, segment.Transaction{CustomerID: r[0], At: at, Amount: decimal.RequireFromString(r[2])})
	}
	hs, err := HistoryBy(slices.Values(txs), func(t segment.Transaction) string { return t.CustomerID })
	require.NoError(t, err)
	date := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		require.NoError(t, err)
		return d
	}
	asOf, cut, end := date(g.Summaries.AsOf), date(g.Summaries.Cut), date(g.Summaries.End)
	check := func(t *testing.T, got Summary, want goldenSummary) {
		t.Helper()
		assert.Equal(t, want.X, got.X, "x")
		assert.Equal(t, float64(want.Tx), got.Tx, "t_x")
		assert.Equal(t, float64(want.T), got.T, "T")
		assert.True(t, got.Spend.Equal(decimal.RequireFromString(want.Spend)), "spend %v, want %v", got.Spend, want.Spend)
	}
	require.Len(t, hs, len(g.Summaries.Customers))
	for _, c := range g.Summaries.Customers {
		t.Run(c.ID, func(t *testing.T) {
			h := hs[c.ID]
			require.NotNil(t, h)
			assert.Equal(t, c.Orders, h.N())
			assert.Equal(t, c.Days, h.Days())
			s, ok, err := h.Summary(asOf, Options{})
			require.NoError(t, err)
			require.True(t, ok)
			check(t, s, c.Daily)
			s, _, err = h.Summary(asOf, Options{EachOrder: true})
			require.NoError(t, err)
			check(t, s, c.EachOrder)
			ho, ok, err := h.Holdout(cut, end, Options{})
			require.NoError(t, err)
			require.Equal(t, c.Holdout != nil, ok)
			if ok {
				check(t, ho.Calibration, c.Holdout.Calibration)
				assert.Equal(t, c.Holdout.X, ho.X)
				assert.True(t, ho.Amount.Equal(decimal.RequireFromString(c.Holdout.Amount)), "holdout amount %v, want %v", ho.Amount, c.Holdout.Amount)
				assert.Equal(t, float64(end.Sub(cut)/(24*time.Hour)), ho.T)
			}
		})
	}
}
