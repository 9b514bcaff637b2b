package churn

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
)

// Fader & Hardie (2007), "How to project customer retention", Journal of
// Interactive Marketing 21(1), table 1: survivors of a cohort of 1000 over
// seven years.
var (
	regular = []int{1000, 631, 468, 382, 326, 289, 262, 241}
	highEnd = []int{1000, 869, 743, 653, 593, 551, 517, 491}
)

func TestFitSBG(t *testing.T) {
	for _, c := range []struct {
		name          string
		cohorts       [][]int
		paper         [2]float64 // published, 3 decimals
		scipy, mpmath [3]float64 // α, β, LL from testdata/reference.py
	}{
		{"regular", [][]int{regular}, [2]float64{0.704, 1.182},
			[3]float64{0.7040773114749076, 1.182043045439481, -1680.265188463286},
			[3]float64{0.7040772984735162, 1.1820430262094757, -1680.265188463287}},
		{"high end", [][]int{highEnd}, [2]float64{0.668, 3.806},
			[3]float64{0.6680883634478333, 3.8060951157417993, -1611.1581473911547},
			[3]float64{0.6680883511064463, 3.806094964058267, -1611.1581473911565}},
		{"joint", [][]int{{500, 420, 370, 335, 310}, {800, 650, 560}}, [2]float64{nan, nan},
			[3]float64{0.43253465507772254, 1.9916428975597364, -1226.7856320380733},
			[3]float64{0.43253463682971394, 1.9916428788583078, -1226.7856320380745}},
	} {
		m, err := FitSBG(c.cohorts...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		ll, _ := m.LogLikelihood(c.cohorts...)
		if !closeTo(m.Alpha(), c.mpmath[0], 1e-10) || !closeTo(m.Beta(), c.mpmath[1], 1e-10) || !closeTo(ll, c.mpmath[2], 1e-13) {
			t.Errorf("%s: %v LL %.17g, want mpmath %v", c.name, m, ll, c.mpmath)
		}
		// scipy's optimizer stops ~1e-8 away; its likelihood is no better.
		if !closeTo(m.Alpha(), c.scipy[0], 1e-7) || !closeTo(m.Beta(), c.scipy[1], 1e-7) || ll < c.scipy[2]-1e-9 {
			t.Errorf("%s: %v LL %.17g, scipy %v", c.name, m, ll, c.scipy)
		}
		if !math.IsNaN(c.paper[0]) && (math.Abs(m.Alpha()-c.paper[0]) > 5e-4 || math.Abs(m.Beta()-c.paper[1]) > 5e-4) {
			t.Errorf("%s: %v, published %v", c.name, m, c.paper)
		}
	}
}

// testdata/reference.py: S, r and P from scipy.special.betaln.
func TestSBGProjection(t *testing.T) {
	m, err := NewSBG(0.7040772984735162, 1.1820430262094757)
	if err != nil {
		t.Fatal(err)
	}
	S := []float64{1.0, 0.6267060540838754, 0.47381932177314307, 0.387973954114384, 0.33206791100877003, 0.29234709920131, 0.262455818463095, 0.23902361402997543, 0.22008496653381915, 0.20441078661463688, 0.191190191018963, 0.17986499242512682, 0.17003745281151103}
	r := []float64{0.6267060540838755, 0.7560471431312029, 0.8188225686164387, 0.8559025869836319, 0.8803834682887772, 0.897754139446303, 0.9107194324350081, 0.9207666256197545, 0.9287812331480911, 0.9353233955280557, 0.9407647508824715, 0.9453615765852444}
	P := []float64{0.37329394591612464, 0.15288673231073224, 0.08584536765875923, 0.05590604310561386, 0.03972081180746005, 0.02989128073821499, 0.023432204433119625, 0.018938647496156345, 0.01567417991918224, 0.013220595595673883, 0.01132519859383614, 0.009827539613615877}
	proj := m.Project(1000, 12)
	for tt, want := range S {
		if got := m.Survival(tt); !closeTo(got, want, 1e-13) || !closeTo(proj[tt], 1000*want, 1e-13) {
			t.Errorf("S(%d) = %.17g, projected %.17g; want %.17g", tt, got, proj[tt], want)
		}
	}
	for i := range r {
		rt, ok1 := m.Retention(i + 1)
		pt, ok2 := m.Churn(i + 1)
		if !ok1 || !ok2 || !closeTo(rt, r[i], 1e-14) || !closeTo(pt, P[i], 1e-13) {
			t.Errorf("t = %d: r %.17g P %.17g; want %.17g %.17g", i+1, rt, pt, r[i], P[i])
		}
	}
	if _, ok := m.Retention(0); ok {
		t.Error("r(0) ok")
	}
	if _, ok := m.Churn(0); ok {
		t.Error("P(T = 0) ok")
	}
	if m.Survival(-3) != 1 || len(m.Project(10, -1)) != 0 {
		t.Error("before the start")
	}
	if _, ok := m.MeanLifetime(); ok {
		t.Error("E[T] finite for α < 1")
	}
	// Summing S(t) over 200 000 periods in reference.py gives 3.6666663.
	if et, ok := (SBG{2.5, 4}).MeanLifetime(); !ok || !closeTo(et, 11.0/3, 1e-15) {
		t.Errorf("E[T] = %v", et)
	}
}

func TestFitSBGErrors(t *testing.T) {
	for _, c := range []struct {
		cohorts [][]int
		want    error
	}{
		{nil, ErrSurvivors},
		{[][]int{{1000}}, ErrSurvivors},
		{[][]int{{1000, 600}}, ErrSurvivors}, // one period: only α/(α+β)
		{[][]int{{0, 0, 0}}, ErrSurvivors},
		{[][]int{{100, 90, 95}}, ErrSurvivors},
		{[][]int{{100, 90, -1}}, ErrSurvivors},
		{[][]int{{100, 100, 100}}, ErrNoFit},       // nobody lost
		{[][]int{{100, 0, 0}}, ErrNoFit},           // everybody at once
		{[][]int{{1000, 500, 250, 125}}, ErrNoFit}, // constant churn
		{[][]int{{1000, 900, 700, 400}}, ErrNoFit}, // churn rising with tenure
		{[][]int{{1000, 900, 900, 900}}, ErrNoFit}, // leave at once or never
	} {
		if m, err := FitSBG(c.cohorts...); !errors.Is(err, c.want) {
			t.Errorf("FitSBG(%v) = %v, %v; want %v", c.cohorts, m, err, c.want)
		}
	}
	for _, ab := range [][2]float64{{0, 1}, {1, -1}, {math.NaN(), 1}, {1, math.Inf(1)}} {
		if _, err := NewSBG(ab[0], ab[1]); !errors.Is(err, ErrNoFit) {
			t.Errorf("NewSBG%v err = %v", ab, err)
		}
	}
}

func TestSBGJSON(t *testing.T) {
	m, _ := NewSBG(0.704, 1.182)
	b, _ := json.Marshal(m)
	var u SBG
	if err := json.Unmarshal(b, &u); err != nil || u != m || string(b) != `{"alpha":0.704,"beta":1.182}` {
		t.Errorf("round trip %s: %v %v", b, u, err)
	}
	if err := json.Unmarshal([]byte(`{"alpha":-1,"beta":1}`), &u); !errors.Is(err, ErrEncoding) || u != m {
		t.Errorf("bad alpha: %v", err)
	}
	if m.String() != "sBG(α = 0.704, β = 1.182)" {
		t.Errorf("String = %q", m)
	}
}

// FitSBG on any valid survivor counts returns a valid model or ErrNoFit,
// never NaN, and the model is at least as likely as its neighbours.
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
			if !errors.Is(err, ErrSurvivors) && !errors.Is(err, ErrNoFit) {
				t.Fatalf("%v: %v", c, err)
			}
			return
		}
		ll, _ := m.LogLikelihood(c)
		for _, d := range [][2]float64{{1.001, 1}, {0.999, 1}, {1, 1.001}, {1, 0.999}} {
			n, _ := NewSBG(m.Alpha()*d[0], m.Beta()*d[1])
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
