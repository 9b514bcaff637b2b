package csat

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// tallyOf builds a tally on s with counts[i] responses of score Min+i.
func tallyOf(t testing.TB, s Scale, counts ...uint64) *Tally {
	t.Helper()
	u := NewTally(s)
	for i, c := range counts {
		if err := u.AddN(s.Min()+i, c); err != nil {
			t.Fatal(err)
		}
	}
	return u
}

// near reports whether got is within rel relative error of want.
func near(got, want, rel float64) bool {
	return got == want || math.Abs(got-want) <= rel*math.Abs(want)
}

// The reference sample: counts 190/240/110/330/140 on 1–5. Its
// mean is 3020/1010 = 2.990099… (R: mean(rep(1:5, c(190, 240, 110, 330,
// 140))), testdata/reference.R), not the 2.82 the issue quotes.
func TestReferenceSample(t *testing.T) {
	u := tallyOf(t, FivePoint, 190, 240, 110, 330, 140)
	mean, ok := u.Mean()
	if !ok || mean != 2.9900990099009901 {
		t.Errorf("Mean = %.17g, %v", mean, ok)
	}
	sd, ok := u.StdDev()
	if !ok || !near(sd, 1.3685918302107221, 1e-15) {
		t.Errorf("StdDev = %.17g, %v", sd, ok)
	}
	if u.Satisfied() != 470 || u.Neutral() != 110 || u.Dissatisfied() != 430 || u.N() != 1010 {
		t.Errorf("boxes %d/%d/%d of %d", u.Satisfied(), u.Neutral(), u.Dissatisfied(), u.N())
	}
	if s, _ := u.Score(); s != 470.0/1010 {
		t.Errorf("Score = %v", s)
	}
	if d, _ := u.Dissatisfaction(); d != 430.0/1010 {
		t.Errorf("Dissatisfaction = %v", d)
	}
	// R: mean(rep(1:7, 1:7)) = 5, sd = 1.7638342073763937.
	v := tallyOf(t, SevenPoint, 1, 2, 3, 4, 5, 6, 7)
	if m, _ := v.Mean(); m != 5 {
		t.Errorf("1..7 mean = %v", m)
	}
	if sd, _ := v.StdDev(); !near(sd, 1.7638342073763937, 1e-15) {
		t.Errorf("1..7 sd = %.17g", sd)
	}
}

func TestTallyCounts(t *testing.T) {
	var u Tally // FivePoint
	for _, s := range []int{1, 2, 3, 4, 5, 5} {
		if err := u.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	if u.N() != 6 || u.Count(5) != 2 || u.Count(0) != 0 || u.Count(6) != 0 || u.Scale() != FivePoint {
		t.Fatalf("counts: n=%d", u.N())
	}
	before := u
	for _, bad := range []int{0, 6, -1, math.MaxInt, math.MinInt} {
		if err := u.Add(bad); !errors.Is(err, ErrScoreOutOfRange) || u != before {
			t.Errorf("Add(%d): err = %v, changed = %v", bad, err, u != before)
		}
	}
	if err := u.AddN(4, math.MaxUint64); !errors.Is(err, ErrOverflow) || u != before {
		t.Errorf("AddN overflow: err = %v", err)
	}
	// 29 of 100 satisfied is exactly 29 %, where 100·0.29 is 28.999999999999996.
	p := tallyOf(t, FivePoint, 71, 0, 0, 29, 0)
	r, _ := p.Result(0.95, Wilson)
	if r.Score != 29 || r.Dissatisfaction != 71 {
		t.Errorf("29 %% is %v, 71 %% is %v", r.Score, r.Dissatisfaction)
	}
	bins, ok := p.Distribution()
	if !ok || len(bins) != 5 || bins[0] != (Bin{Score: 1, Count: 71, Share: 0.71}) || bins[3] != (Bin{Score: 4, Count: 29, Share: 0.29}) {
		t.Errorf("Distribution = %v, %v", bins, ok)
	}
}

func TestEmpty(t *testing.T) {
	var u Tally
	if _, ok := u.Score(); ok {
		t.Error("empty Score ok")
	}
	if _, ok := u.Dissatisfaction(); ok {
		t.Error("empty Dissatisfaction ok")
	}
	if _, ok := u.Mean(); ok {
		t.Error("empty Mean ok")
	}
	if _, ok := u.StdDev(); ok {
		t.Error("empty StdDev ok")
	}
	if _, ok := u.Distribution(); ok {
		t.Error("empty Distribution ok")
	}
	if _, err := u.Interval(0.95, Wilson); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty Interval err = %v", err)
	}
	if _, err := u.Level(DefaultLevels); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty Level err = %v", err)
	}
	if _, err := Of(FivePoint, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("Of(nil) err = %v", err)
	}
	one := tallyOf(t, FivePoint, 0, 0, 0, 1)
	if _, ok := one.StdDev(); ok {
		t.Error("StdDev of one response ok")
	}
}

// Wilson: R prop.test(correct = FALSE); Clopper–Pearson: R binom.test;
// Jeffreys: R qbeta (testdata/reference.R). Agresti–Coull and Wald:
// statsmodels 0.13 proportion_confint (testdata/reference.py).
func TestInterval(t *testing.T) {
	type bounds = [2]float64
	for _, c := range []struct {
		s, n                           uint64
		level                          float64
		wilson, cp, jeffreys, ac, wald bounds
	}{
		// The reference: Wilson (85 of 100, 95 %) = [0.7671644, 0.9069401].
		{85, 100, 0.95, bounds{0.7671644040916763, 0.90694014716343363}, bounds{0.76469249985104515, 0.91354561435835147},
			bounds{0.77046934076904827, 0.90963048364735744}, bounds{0.7660187875232367, 0.9080857637318733}, bounds{0.7800152874094277, 0.9199847125905722}},
		{70, 100, 0.95, bounds{0.60415145366653333, 0.78105114705067225}, bounds{0.60018532382019596, 0.78759357951046338},
			bounds{0.60545349336922694, 0.78315857138119493}, bounds{0.6038539562622239, 0.7813486444549819}, bounds{0.6101831668145794, 0.7898168331854205}},
		{13, 28, 0.90, bounds{0.31935946821435118, 0.61550571327999404}, bounds{0.30072486029458945, 0.63380325199422793},
			bounds{0.31681459042718552, 0.61697254319199768}, bounds{0.3193289787573191, 0.6155362027370261}, bounds{0.30925865268026326, 0.6193127758911654}},
		{0, 3, 0.95, bounds{0, 0.56149703175504539}, bounds{0, 0.70759822617871326},
			bounds{0, 0.5355832430429508}, bounds{0, 0.6174715687913586}, bounds{0, 0}},
		{12, 12, 0.95, bounds{0.75750599334475921, 1}, bounds{0.73535153060294889, 1},
			bounds{0.8146940616875149, 1}, bounds{0.7180146781118362, 1}, bounds{1, 1}},
	} {
		// Satisfied on Binary as 1s, the rest 0s; the same shares on FivePoint.
		for _, u := range []*Tally{tallyOf(t, Binary, c.n-c.s, c.s), tallyOf(t, FivePoint, c.n-c.s, 0, 0, c.s, 0)} {
			for _, m := range []struct {
				method Method
				want   bounds
			}{{Wilson, c.wilson}, {ClopperPearson, c.cp}, {Jeffreys, c.jeffreys}, {AgrestiCoull, c.ac}, {Wald, c.wald}} {
				ci, err := u.Interval(c.level, m.method)
				if err != nil {
					t.Fatal(err)
				}
				if !near(ci.Lo, m.want[0], 1e-9) || !near(ci.Hi, m.want[1], 1e-9) || ci.Method != m.method || ci.Level != c.level {
					t.Errorf("%d/%d %s: %v, want %v", c.s, c.n, m.method, ci, m.want)
				}
			}
			d, err := u.DissatisfactionInterval(c.level, Wilson)
			if err != nil || !near(d.Lo, 1-c.wilson[1], 1e-9) || !near(d.Hi, 1-c.wilson[0], 1e-9) {
				t.Errorf("%d/%d dissatisfaction: %v, %v", c.s, c.n, d, err)
			}
		}
	}
	u := tallyOf(t, FivePoint, 1, 1, 1, 1, 1)
	for _, m := range []Method{Newcombe, "bootstrap"} {
		if _, err := u.Interval(0.95, m); !errors.Is(err, ErrMethod) {
			t.Errorf("method %q: err = %v", m, err)
		}
		if _, err := u.DissatisfactionInterval(0.95, m); !errors.Is(err, ErrMethod) {
			t.Errorf("dissatisfaction method %q: err = %v", m, err)
		}
	}
	if _, err := u.Interval(95, Wilson); !errors.Is(err, ErrLevel) {
		t.Errorf("level 95: err = %v", err)
	}
}

func TestLevels(t *testing.T) {
	for _, c := range []struct {
		share float64
		want  Level
	}{{1, VeryGood}, {0.81, VeryGood}, {0.80, Good}, {0.75, Good}, {0.70, Fair}, {0.65, Fair}, {0.60, Poor}, {0, Poor}} {
		if got, err := DefaultLevels.Classify(c.share); err != nil || got != c.want {
			t.Errorf("Classify(%v) = %v, %v; want %v", c.share, got, err, c.want)
		}
	}
	// 80 of 100 is not "above 80 %"; 81 of 100 is.
	if l, _ := tallyOf(t, FivePoint, 20, 0, 0, 80, 0).Level(DefaultLevels); l != Good {
		t.Errorf("80 %% is %v", l)
	}
	if l, _ := tallyOf(t, FivePoint, 19, 0, 0, 81, 0).Level(DefaultLevels); l != VeryGood {
		t.Errorf("81 %% is %v", l)
	}
	strict := Levels{Fair: 0.7, Good: 0.85, VeryGood: 0.9}
	if l, _ := strict.Classify(0.88); l != Good {
		t.Errorf("custom levels: 0.88 is %v", l)
	}
	for _, bad := range []Levels{{Fair: 0.9, Good: 0.8, VeryGood: 0.95}, {VeryGood: 1.5}, {Fair: -0.1}, {Fair: math.NaN()}} {
		if _, err := bad.Classify(0.5); !errors.Is(err, ErrLevels) {
			t.Errorf("%+v: err = %v", bad, err)
		}
	}
	for _, share := range []float64{-0.1, 85, math.NaN()} {
		if _, err := DefaultLevels.Classify(share); !errors.Is(err, ErrLevels) {
			t.Errorf("share %v: err = %v", share, err)
		}
	}
	for l := Poor; l <= VeryGood; l++ {
		b, err := l.MarshalText()
		var back Level
		if err != nil || back.UnmarshalText(b) != nil || back != l {
			t.Errorf("level %v text round trip: %s, %v", l, b, err)
		}
	}
	if VeryGood.String() != "very good" || Level(7).String() != "invalid level" {
		t.Error("Level.String")
	}
	if _, err := Level(7).MarshalText(); !errors.Is(err, ErrLevels) {
		t.Errorf("invalid level text: err = %v", err)
	}
	var l Level
	if err := l.UnmarshalText([]byte("excellent")); !errors.Is(err, ErrLevels) {
		t.Errorf("unknown level name: err = %v", err)
	}
}

// Delta, z and p: R prop.test(correct = FALSE) (testdata/reference.R);
// the interval: statsmodels confint_proportions_2indep(method="newcomb")
// (testdata/reference.py).
func TestCompare(t *testing.T) {
	for _, c := range []struct {
		sa, na, sb, nb uint64
		level          float64
		delta, z, p    float64
		lo, hi         float64
	}{
		{70, 100, 55, 90, 0.95, 0.088888888888888795, 1.2895371196309096, 0.19721142023011987, -0.045493574927062824, 0.2201801458720176},
		{85, 100, 85, 100, 0.95, 0, 0, 0.99999999999999944, -0.100518238685726, 0.100518238685726},
		{0, 10, 3, 10, 0.95, -0.3, -1.8786728732554485, 0.060289173990602185, -0.6032218525388546, 0.03759243457905065},
		{412, 500, 380, 500, 0.90, 0.063999999999999946, 2.493191973355886, 0.012660037687824385, 0.021785881724685527, 0.10598013842934184},
		{9, 10, 1, 2, 0.95, 0.4, 1.3856406460551021, 0.16585666034290997, -0.10686505297059201, 0.8137018969003438},
	} {
		a := tallyOf(t, Binary, c.na-c.sa, c.sa)
		b := tallyOf(t, FivePoint, c.nb-c.sb, 0, 0, 0, c.sb) // scales may differ
		got, err := Compare(a, b, c.level)
		if err != nil {
			t.Fatal(err)
		}
		if !near(got.Delta, c.delta, 1e-14) || !near(got.Z, c.z, 1e-13) || !near(got.P, c.p, 1e-13) ||
			!near(got.Interval.Lo, c.lo, 1e-9) || !near(got.Interval.Hi, c.hi, 1e-9) || got.Interval.Method != Newcombe {
			t.Errorf("%d/%d vs %d/%d: %+v", c.sa, c.na, c.sb, c.nb, got)
		}
		if got.Delta != 0 && !near(got.Z, got.Delta/got.StdErr, 1e-15) {
			t.Errorf("z ≠ Δ/SE: %+v", got)
		}
		// Swapping the samples mirrors everything.
		r, _ := Compare(b, a, c.level)
		if r.Delta != -got.Delta || r.P != got.P || !near(r.Interval.Lo, -got.Interval.Hi, 1e-15) {
			t.Errorf("swapped: %+v vs %+v", r, got)
		}
	}
	c, _ := Compare(tallyOf(t, Binary, 30, 70), tallyOf(t, Binary, 35, 55), 0.95)
	if got := c.String(); got != "Δ +8.9 points (95% newcombe CI -4.5…+22.0), z = 1.29, p = 0.2" {
		t.Errorf("String() = %q", got)
	}
	if _, err := Compare(tallyOf(t, Binary, 0, 4), tallyOf(t, Binary, 0, 9), 0.95); !errors.Is(err, ErrNoVariance) {
		t.Errorf("all satisfied: err = %v", err)
	}
	if _, err := Compare(tallyOf(t, Binary, 4, 0), tallyOf(t, Binary, 9, 0), 0.95); !errors.Is(err, ErrNoVariance) {
		t.Errorf("none satisfied: err = %v", err)
	}
	if _, err := Compare(&Tally{}, tallyOf(t, Binary, 1, 1), 0.95); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: err = %v", err)
	}
	if _, err := Compare(tallyOf(t, Binary, 1, 1), tallyOf(t, Binary, 1, 1), 0); !errors.Is(err, ErrLevel) {
		t.Errorf("level 0: err = %v", err)
	}
}

// The Newcombe interval stays in [−1, 1] and holds Δ for every pair of
// small samples.
func TestCompareAlwaysValid(t *testing.T) {
	for na := uint64(1); na <= 12; na++ {
		for nb := uint64(1); nb <= 12; nb++ {
			for sa := uint64(0); sa <= na; sa++ {
				for sb := uint64(0); sb <= nb; sb++ {
					c, err := Compare(tallyOf(t, Binary, na-sa, sa), tallyOf(t, Binary, nb-sb, sb), 0.95)
					if errors.Is(err, ErrNoVariance) {
						continue
					}
					if err != nil || c.Interval.Lo < -1 || c.Interval.Hi > 1 || c.Interval.Lo > c.Delta+1e-12 || c.Interval.Hi < c.Delta-1e-12 || !(c.P >= 0 && c.P <= 1) {
						t.Fatalf("%d/%d vs %d/%d: %+v, %v", sa, na, sb, nb, c, err)
					}
				}
			}
		}
	}
}

func TestMerge(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	random := func() *Tally {
		u := NewTally(SevenPoint)
		for range rng.IntN(30) {
			_ = u.AddN(1+rng.IntN(7), uint64(rng.IntN(1000)))
		}
		return u
	}
	for range 200 {
		parts := make([]*Tally, 1+rng.IntN(8))
		for i := range parts {
			parts[i] = random()
		}
		forward, backward, tree := NewTally(SevenPoint), NewTally(SevenPoint), NewTally(SevenPoint)
		left, right := NewTally(SevenPoint), NewTally(SevenPoint)
		for i := range parts {
			_ = forward.Merge(parts[i])
			_ = backward.Merge(parts[len(parts)-1-i])
		}
		for i, p := range parts {
			if i < len(parts)/2 {
				_ = left.Merge(p)
			} else {
				_ = right.Merge(p)
			}
		}
		_ = tree.Merge(right)
		_ = tree.Merge(left)
		if *forward != *backward || *forward != *tree {
			t.Fatal("merge order changed the result")
		}
	}
	var a Tally
	if err := a.Merge(NewTally(SevenPoint)); !errors.Is(err, ErrScale) {
		t.Errorf("merging 1–7 into 1–5: err = %v", err)
	}
	_ = a.AddN(5, math.MaxUint64-1)
	before := a
	if err := a.Merge(tallyOf(t, FivePoint, 2)); !errors.Is(err, ErrOverflow) || a != before {
		t.Errorf("overflowing merge: %v", err)
	}
}

// Past 2⁵³ responses shares and means stay exact.
func TestLargeCounts(t *testing.T) {
	u := tallyOf(t, FivePoint, 0, 0, 0, 1<<62, 1<<62)
	if m, _ := u.Mean(); m != 4.5 {
		t.Errorf("Mean = %v", m)
	}
	if s, _ := u.Score(); s != 1 {
		t.Errorf("Score = %v", s)
	}
	v := tallyOf(t, FivePoint, 1<<62+1, 0, 0, 0, 1<<62)
	if d, _ := v.Dissatisfaction(); d != 0.5 {
		t.Errorf("Dissatisfaction = %v", d)
	}
}

func FuzzTallyAdd(f *testing.F) {
	f.Add(4, uint64(1))
	f.Add(-1, uint64(3))
	f.Add(5, uint64(math.MaxUint64))
	f.Fuzz(func(t *testing.T, score int, n uint64) {
		u := tallyOf(t, FivePoint, 1, 1, 1, 1, 1)
		before := *u
		err := u.AddN(score, n)
		valid := score >= 1 && score <= 5
		switch {
		case !valid && !errors.Is(err, ErrScoreOutOfRange):
			t.Fatalf("AddN(%d, %d) err = %v", score, n, err)
		case err != nil && *u != before:
			t.Fatal("rejected AddN changed the tally")
		case err == nil && (u.N() != before.N()+n || u.Count(score) != before.Count(score)+n):
			t.Fatalf("AddN(%d, %d) counted wrong", score, n)
		case err == nil && u.Satisfied()+u.Neutral()+u.Dissatisfied() != u.N():
			t.Fatal("boxes do not add up")
		}
		if s, ok := u.Score(); !ok || s < 0 || s > 1 {
			t.Fatalf("Score = %v", s)
		}
		if m, _ := u.Mean(); m < 1 || m > 5 {
			t.Fatalf("Mean = %v", m)
		}
	})
}

func BenchmarkTallyAdd(b *testing.B) {
	var u Tally
	for i := 0; b.Loop(); i++ {
		_ = u.Add(1 + i%5)
	}
}

func BenchmarkTallyMerge(b *testing.B) {
	var u Tally
	v := tallyOf(b, FivePoint, 10, 20, 30, 40, 50)
	for b.Loop() {
		_ = u.Merge(v)
	}
}

func BenchmarkTallyMean(b *testing.B) {
	u := tallyOf(b, FivePoint, 190, 240, 110, 330, 140)
	for b.Loop() {
		_, _ = u.Mean()
	}
}

func BenchmarkInterval(b *testing.B) {
	u := tallyOf(b, FivePoint, 15, 0, 0, 85, 0)
	for _, m := range []Method{Wilson, ClopperPearson, Jeffreys} {
		b.Run(string(m), func(b *testing.B) {
			for b.Loop() {
				_, _ = u.Interval(0.95, m)
			}
		})
	}
}

func BenchmarkCompare(b *testing.B) {
	x, y := tallyOf(b, Binary, 88, 412), tallyOf(b, Binary, 120, 380)
	for b.Loop() {
		_, _ = Compare(x, y, 0.95)
	}
}
