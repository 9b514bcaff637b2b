package ces

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
)

// R t.test(a, b, var.equal = FALSE) on the expanded counts
// (testdata/reference.R, "# welch").
func TestCompare(t *testing.T) {
	for _, c := range []struct {
		s                Scale
		a, b             []uint64
		level            float64
		delta, tt, df, p float64
		lo, hi           float64
	}{
		{SevenPointEase, []uint64{4, 6, 10, 20, 40, 60, 60}, []uint64{10, 12, 18, 30, 45, 35, 20}, 0.95,
			0.92411764705882415, 5.6703195637539743, 340.46046692035031, 3.0446582981150669e-08, 0.60355388626939022, 1.244681407848258},
		{SevenPointEase, []uint64{4, 6, 10, 20, 40, 60, 60}, []uint64{10, 12, 18, 30, 45, 35, 20}, 0.99,
			0.92411764705882415, 5.6703195637539743, 340.46046692035031, 3.0446582981150669e-08, 0.50195711845333035, 1.3462781756643178},
		{FivePointEffort, []uint64{190, 240, 110, 330, 140}, []uint64{300, 250, 200, 150, 100}, 0.95,
			0.49009900990099009, 8.1612350868804544, 2006.8906059647875, 5.7876545403254835e-16, 0.37232810028090108, 0.60786991952107905},
		// One sample without variance: df = 1, R's interval −2.85…9.85 clamped to ±4.
		{FivePointEffort, []uint64{0, 0, 0, 0, 5}, []uint64{1, 1, 0, 0, 0}, 0.95,
			3.5, 7, 1, 0.090334470601733094, -2.8531023680873471, 4},
	} {
		got, err := Compare(tallyOf(t, c.s, c.a...), tallyOf(t, c.s, c.b...), c.level)
		if err != nil {
			t.Fatal(err)
		}
		if !near(got.Delta, c.delta, 1e-14) || !near(got.T, c.tt, 1e-12) || !near(got.DF, c.df, 1e-12) || !near(got.P, c.p, 1e-10) ||
			!near(got.Interval.Lo, c.lo, 1e-12) || !near(got.Interval.Hi, c.hi, 1e-12) || got.Interval.Method != Welch {
			t.Errorf("%v vs %v: %+v", c.a, c.b, got)
		}
	}
	a, b := tallyOf(t, SevenPointEase, 4, 6, 10, 20, 40, 60, 60), tallyOf(t, SevenPointEase, 10, 12, 18, 30, 45, 35, 20)
	c, _ := Compare(b, a, 0.95)
	if got := c.String(); got != "Δ -0.92 (95% welch CI -1.24…-0.60), t = -5.67, df = 340.5, p = 3e-08" {
		t.Errorf("String() = %q", got)
	}
	for name, tc := range map[string]struct {
		a, b *Tally
		want error
	}{
		"scales":      {a, tallyOf(t, FivePointEffort, 1, 1), ErrScale},
		"one":         {a, tallyOf(t, SevenPointEase, 1), ErrTooFew},
		"empty":       {&Tally{}, a, ErrTooFew},
		"no variance": {tallyOf(t, SevenPointEase, 3), tallyOf(t, SevenPointEase, 0, 0, 0, 0, 2), ErrNoVariance},
	} {
		if _, err := Compare(tc.a, tc.b, 0.95); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", name, err, tc.want)
		}
	}
	if _, err := Compare(a, b, 0); !errors.Is(err, ErrLevel) {
		t.Errorf("level 0: err = %v", err)
	}
}

// R: each channel against the best by t.test(var.equal = FALSE), then
// p.adjust(method = "holm") (testdata/reference.R, "# rank").
func TestRank(t *testing.T) {
	groups := map[string]*Tally{
		"chat":  tallyOf(t, SevenPointEase, 2, 3, 5, 10, 30, 50, 40),
		"apps":  tallyOf(t, SevenPointEase, 2, 3, 5, 10, 30, 50, 40), // ties with chat: by key
		"phone": tallyOf(t, SevenPointEase, 10, 15, 20, 30, 40, 25, 10),
		"email": tallyOf(t, SevenPointEase, 5, 10, 15, 20, 25, 15, 10),
		"store": tallyOf(t, SevenPointEase, 1, 2, 3, 5, 10, 20, 30),
		"kiosk": tallyOf(t, SevenPointEase, 0, 0, 0, 1), // a single response: not tested
		"web":   tallyOf(t, SevenPointEase, 3, 4, 5, 10, 30, 50, 40),
	}
	ranked, err := Rank(groups, 0.05)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		key            string
		mean, t, df, p float64
		adjusted       float64
		tested, signif bool
	}
	want := []row{
		{"store", 5.830985915492958, 0, 0, 1, 1, false, false},
		{"apps", 5.6642857142857146, -0.82573466861045441, 130.5214304352825, 0.41046137754930767, 0.82279370098802729, true, false},
		{"chat", 5.6642857142857146, -0.82573466861045441, 130.5214304352825, 0.41046137754930767, 0.82279370098802729, true, false},
		{"web", 5.605633802816901, -1.0976916972093675, 137.00732568973825, 0.2742645669960091, 0.82279370098802729, true, false},
		{"email", 4.35, -6.3088591993045178, 161.76469903832654, 2.581383202022583e-09, 1.0325532808090332e-08, true, true},
		{"phone", 4.2666666666666666, -7.2948182540789022, 154.42615004899466, 1.4651183371756904e-11, 7.3255916858784517e-11, true, true},
		{"kiosk", 4, 0, 0, 1, 1, false, false},
	}
	if len(ranked) != len(want) {
		t.Fatalf("%d rows", len(ranked))
	}
	for i, w := range want {
		r := ranked[i]
		if r.Key != w.key || !near(r.Mean, w.mean, 1e-15) || !near(r.T, w.t, 1e-12) || !near(r.DF, w.df, 1e-12) || !near(r.P, w.p, 1e-9) ||
			!near(r.AdjustedP, w.adjusted, 1e-9) || r.Tested != w.tested || r.Significant != w.signif || !near(r.Delta, w.mean-want[0].mean, 1e-14) {
			t.Errorf("row %d: %+v, want %+v", i, r, w)
		}
	}
	if e := ranked[0].Ease; !near(e, (5.830985915492958-1)/6, 1e-15) {
		t.Errorf("ease %v", e)
	}
	for i, s := range []string{
		"store: mean 5.83, ease 80.5%, n=71",
		"apps: mean 5.66, ease 77.7%, n=140, Δ -0.17, p = 0.41 (Holm 0.82)",
		"phone: mean 4.27, ease 54.4%, n=150, Δ -1.56, p = 1.5e-11 (Holm 7.3e-11), significant",
		"kiosk: mean 4.00, ease 50.0%, n=1, Δ -1.83, not tested",
	} {
		if got := ranked[[]int{0, 1, 5, 6}[i]].String(); got != s {
			t.Errorf("String() = %q, want %q", got, s)
		}
	}
	// A stricter alpha keeps the flags where Holm's p-values are.
	strict, _ := Rank(groups, 1e-10)
	if strict[4].Significant || !strict[5].Significant {
		t.Errorf("alpha 1e-10: email %v, phone %v", strict[4].Significant, strict[5].Significant)
	}
	// Holm's correction matters: phone's raw p (1.5e-11) is below 5e-11,
	// its adjusted p (7.3e-11) is not.
	holmed, _ := Rank(groups, 5e-11)
	if holmed[5].Key != "phone" || holmed[5].P >= 5e-11 || holmed[5].Significant {
		t.Errorf("alpha 5e-11: %+v", holmed[5])
	}
	js, err := json.Marshal(ranked[5])
	if err != nil || !strings.Contains(string(js), `"key":"phone"`) || !strings.Contains(string(js), `"significant":true`) {
		t.Errorf("JSON %s, %v", js, err)
	}
}

// Lower is easier: the lowest mean effort ranks first (R, "# rank on 1..5").
func TestRankLowerIsEasier(t *testing.T) {
	ranked, err := Rank(map[string]*Tally{
		"phone": tallyOf(t, FivePointEffort, 20, 30, 25, 15, 10),
		"chat":  tallyOf(t, FivePointEffort, 40, 35, 15, 7, 3),
		"email": tallyOf(t, FivePointEffort, 15, 25, 30, 20, 10),
	}, 0.05)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		key       string
		mean, t   float64
		df, p, ad float64
	}{
		{"chat", 1.98, 0, 0, 1, 1},
		{"phone", 2.65, 4.1129563247570919, 192.88288637570278, 5.7793343806593547e-05, 5.7793343806593547e-05},
		{"email", 2.85, 5.445347953311547, 194.72167300325421, 1.5467155103482746e-07, 3.0934310206965493e-07},
	}
	for i, w := range want {
		r := ranked[i]
		if r.Key != w.key || !near(r.Mean, w.mean, 1e-15) || !near(r.T, w.t, 1e-12) || !near(r.DF, w.df, 1e-12) || !near(r.P, w.p, 1e-9) || !near(r.AdjustedP, w.ad, 1e-9) {
			t.Errorf("row %d: %+v", i, r)
		}
	}
	if !ranked[1].Significant || !ranked[2].Significant || ranked[0].Ease <= ranked[1].Ease {
		t.Errorf("flags or ease wrong: %+v", ranked)
	}
}

func TestRankErrors(t *testing.T) {
	ok := tallyOf(t, SevenPointEase, 1, 2, 3)
	for name, tc := range map[string]struct {
		groups map[int]*Tally
		alpha  float64
		want   error
	}{
		"alpha 0": {map[int]*Tally{1: ok}, 0, ErrAlpha},
		"alpha 1": {map[int]*Tally{1: ok}, 1, ErrAlpha},
		"NaN":     {map[int]*Tally{1: ok}, math.NaN(), ErrAlpha},
		"none":    {map[int]*Tally{}, 0.05, ErrEmpty},
		"empty":   {map[int]*Tally{1: ok, 2: {}}, 0.05, ErrEmpty},
		"scales":  {map[int]*Tally{1: ok, 2: tallyOf(t, FivePointEffort, 3)}, 0.05, ErrScale},
		"nil":     {map[int]*Tally{1: ok, 2: nil}, 0.05, ErrEmpty},
	} {
		if _, err := Rank(tc.groups, tc.alpha); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", name, err, tc.want)
		}
	}
	_, err := Rank(map[string]*Tally{"chat": ok, "phone": {}}, 0.05)
	if err == nil || err.Error() != "rank: group phone: ces: no responses" {
		t.Errorf("the error names the group: %v", err)
	}
	if _, err := Rank(map[float64]*Tally{math.NaN(): ok}, 0.05); !errors.Is(err, ErrEmpty) {
		t.Errorf("NaN key: err = %v", err)
	}
	// A lone group is simply first.
	one, err := Rank(map[string]*Tally{"chat": ok}, 0.05)
	if err != nil || len(one) != 1 || one[0].Tested || one[0].P != 1 {
		t.Errorf("one group: %+v, %v", one, err)
	}
}

// Rankings do not depend on map iteration order, and Holm's adjusted
// p-values are monotone in P and never below it.
func TestRankDeterministic(t *testing.T) {
	groups := map[int]*Tally{}
	for k := range 20 {
		groups[k] = tallyOf(t, SevenPointEase, uint64(k%3), 1, 2, uint64(k%5), 3, uint64(k%2), 1)
	}
	first, _ := Rank(groups, 0.05)
	for range 20 {
		again, _ := Rank(groups, 0.05)
		for i := range first {
			if first[i] != again[i] {
				t.Fatalf("row %d differs: %+v vs %+v", i, first[i], again[i])
			}
		}
	}
	for i, r := range first {
		if r.AdjustedP < r.P || r.AdjustedP > 1 {
			t.Errorf("row %d: adjusted %v < p %v", i, r.AdjustedP, r.P)
		}
		for _, s := range first {
			if r.Tested && s.Tested && r.P < s.P && r.AdjustedP > s.AdjustedP {
				t.Errorf("Holm not monotone: %v→%v, %v→%v", r.P, r.AdjustedP, s.P, s.AdjustedP)
			}
		}
		if i > 0 && (first[i-1].Mean < r.Mean || first[i-1].Mean == r.Mean && first[i-1].Key > r.Key) {
			t.Errorf("rows %d and %d out of order", i-1, i)
		}
	}
}

func FuzzRank(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 0, 0, 9, 1, 1, 1, 2, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		groups := map[int]*Tally{}
		for i := 0; i+7 <= len(data); i += 7 {
			u := NewTally(SevenPointEase)
			for j, c := range data[i : i+7] {
				_ = u.AddN(1+j, uint64(c))
			}
			if u.N() > 0 {
				groups[i] = u
			}
		}
		ranked, err := Rank(groups, 0.05)
		if len(groups) == 0 {
			if !errors.Is(err, ErrEmpty) {
				t.Fatalf("no groups: err = %v", err)
			}
			return
		}
		if err != nil || len(ranked) != len(groups) {
			t.Fatalf("%d groups: %d rows, %v", len(groups), len(ranked), err)
		}
		for i, r := range ranked {
			if i > 0 && r.Mean > ranked[i-1].Mean || !(r.P >= 0 && r.P <= 1 && r.AdjustedP >= r.P && r.AdjustedP <= 1) || r.Significant && !r.Tested {
				t.Fatalf("row %d: %+v", i, r)
			}
		}
	})
}

func BenchmarkRank(b *testing.B) {
	groups := map[string]*Tally{
		"chat":  tallyOf(b, SevenPointEase, 2, 3, 5, 10, 30, 50, 40),
		"phone": tallyOf(b, SevenPointEase, 10, 15, 20, 30, 40, 25, 10),
		"email": tallyOf(b, SevenPointEase, 5, 10, 15, 20, 25, 15, 10),
		"store": tallyOf(b, SevenPointEase, 1, 2, 3, 5, 10, 20, 30),
		"web":   tallyOf(b, SevenPointEase, 3, 4, 5, 10, 30, 50, 40),
	}
	for b.Loop() {
		_, _ = Rank(groups, 0.05)
	}
}

func BenchmarkCompare(b *testing.B) {
	x, y := tallyOf(b, SevenPointEase, 4, 6, 10, 20, 40, 60, 60), tallyOf(b, SevenPointEase, 10, 12, 18, 30, 45, 35, 20)
	for b.Loop() {
		_, _ = Compare(x, y, 0.95)
	}
}
