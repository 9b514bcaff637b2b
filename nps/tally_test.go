package nps

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// tallyOf builds a standard tally with the given numbers of promoters,
// passives and detractors (scores 10, 8 and 0).
func tallyOf(t testing.TB, p, pas, d uint64) *Tally {
	t.Helper()
	var u Tally
	for _, c := range []struct {
		score int
		n     uint64
	}{{10, p}, {8, pas}, {0, d}} {
		if err := u.AddN(c.score, c.n); err != nil {
			t.Fatal(err)
		}
	}
	return &u
}

func TestClassify(t *testing.T) {
	for score, want := range []Category{-1, -1, -1, -1, -1, -1, -1, 0, 0, 1, 1} {
		got, err := Classify(score)
		if err != nil || got != want {
			t.Errorf("Classify(%d) = %v, %v; want %v", score, got, err, want)
		}
	}
	for _, score := range []int{-1, 11, math.MaxInt, math.MinInt} {
		if _, err := Classify(score); !errors.Is(err, ErrScoreOutOfRange) {
			t.Errorf("Classify(%d) err = %v", score, err)
		}
	}
	if Promoter.String() != "promoter" || Category(5).String() != "invalid category" {
		t.Error("Category.String")
	}
}

func TestScale(t *testing.T) {
	s, err := NewScale(0, 10, 7, 9)
	if err != nil || s != Standard {
		t.Fatalf("NewScale(0, 10, 7, 9) = %v, %v; want Standard", s, err)
	}
	oneToFive, err := NewScale(1, 5, 4, 5)
	if err != nil {
		t.Fatal(err)
	}
	for score, want := range map[int]Category{1: Detractor, 3: Detractor, 4: Passive, 5: Promoter} {
		if got, _ := oneToFive.Classify(score); got != want {
			t.Errorf("1–5 Classify(%d) = %v, want %v", score, got, want)
		}
	}
	noPassives, err := NewScale(0, 10, 9, 9)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := noPassives.Classify(8); c != Detractor {
		t.Errorf("no-passive scale: 8 is %v", c)
	}
	for _, bad := range [][4]int{{0, 11, 7, 9}, {0, 10, 0, 9}, {0, 10, 9, 7}, {0, 10, 7, 11}, {5, 4, 4, 4}, {math.MinInt, math.MaxInt, 0, 1}} {
		if _, err := NewScale(bad[0], bad[1], bad[2], bad[3]); !errors.Is(err, ErrScale) {
			t.Errorf("NewScale%v err = %v", bad, err)
		}
	}
	if got := Standard.String(); got != "0–10 (passives 7, promoters 9)" {
		t.Errorf("String() = %q", got)
	}
}

func TestTallyCounts(t *testing.T) {
	var u Tally
	for _, s := range []int{0, 6, 7, 8, 9, 10, 10} {
		if err := u.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	if u.N() != 7 || u.Promoters() != 3 || u.Passives() != 2 || u.Detractors() != 2 || u.Count(10) != 2 || u.Count(11) != 0 {
		t.Fatalf("n=%d P=%d pas=%d D=%d", u.N(), u.Promoters(), u.Passives(), u.Detractors())
	}
	mean, ok := u.Mean()
	if !ok || mean != 50.0/7 {
		t.Errorf("Mean = %v, %v", mean, ok)
	}
	before := u
	if err := u.Add(11); !errors.Is(err, ErrScoreOutOfRange) || u != before {
		t.Errorf("Add(11): err = %v, tally changed = %v", err, u != before)
	}
	if err := u.AddN(9, math.MaxUint64); !errors.Is(err, ErrOverflow) || u != before {
		t.Errorf("AddN overflow: err = %v", err)
	}
}

func TestEmpty(t *testing.T) {
	var u Tally
	if _, ok := u.Score(); ok {
		t.Error("empty Score ok")
	}
	if _, ok := u.Mean(); ok {
		t.Error("empty Mean ok")
	}
	if _, ok := u.Variance(); ok {
		t.Error("empty Variance ok")
	}
	if _, ok := u.StdErr(); ok {
		t.Error("empty StdErr ok")
	}
	if _, err := u.Interval(0.95, Tango); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty Interval err = %v", err)
	}
	if _, err := Of(nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("Of(nil) err = %v", err)
	}
}

// 60 % promoters − 15 % detractors must be exactly 45, where the float
// expression (0.60 − 0.15)·100 gives 44.99999999999999.
func TestScoreExact(t *testing.T) {
	s, _ := tallyOf(t, 60, 25, 15).Score()
	if s.Points() != 45 || s.Float() != 0.45 || s.Round() != 45 || s.String() != "+45.0" {
		t.Fatalf("Points %v Float %v Round %v String %q", s.Points(), s.Float(), s.Round(), s)
	}
	if s.Rat().Cmp(big.NewRat(9, 20)) != 0 {
		t.Errorf("Rat = %v", s.Rat())
	}
	// Halves round away from zero: (0 − 89)/200 = −44.5 points.
	if r := (Score{promoters: 0, detractors: 89, n: 200}).Round(); r != -45 {
		t.Errorf("−44.5 rounds to %d", r)
	}
	if r := (Score{promoters: 89, detractors: 0, n: 200}).Round(); r != 45 {
		t.Errorf("44.5 rounds to %d", r)
	}
	if r := (Score{promoters: 1, detractors: 0, n: 3}).Round(); r != 33 {
		t.Errorf("33.3 rounds to %d", r)
	}
	// Past 2⁵³ the exact big.Rat path takes over: (2⁶² + 1 − 2⁶¹)/2⁶³.
	big := Score{promoters: 1<<62 + 1, detractors: 1 << 61, n: 1 << 63}
	if got, want := big.Float(), 0.25; got != want {
		t.Errorf("large Float = %v, want %v", got, want)
	}
}

// Python: testdata/reference.py (formula p₊ + p₋ − (p₊ − p₋)²).
func TestVariance(t *testing.T) {
	u := tallyOf(t, 60, 25, 15)
	v, _ := u.Variance()
	se, _ := u.StdErr()
	if math.Abs(v-0.5475) > 1e-15 || math.Abs(se-math.Sqrt(0.5475/100)) > 1e-15 {
		t.Errorf("Variance %v StdErr %v", v, se)
	}
	if v, _ := tallyOf(t, 7, 0, 0).Variance(); v != 0 {
		t.Errorf("all promoters: variance %v", v)
	}
}

// Wald and adjusted-Wald from the formulas, Tango from a brute-force
// constrained maximum likelihood and brentq, all in testdata/reference.py
// (Python 3.11, scipy 1.10).
func TestInterval(t *testing.T) {
	for _, c := range []struct {
		p, pas, d          uint64
		level              float64
		wald, adjusted, tg [2]float64
	}{
		{60, 25, 15, 0.95, [2]float64{0.3049759087485795, 0.5950240912514205}, [2]float64{0.2934311120173409, 0.5803552957496494}, [2]float64{0.2925691552091747, 0.5812570203365235}},
		{40, 100, 20, 0.95, [2]float64{0.032111482690036205, 0.21788851730996378}, [2]float64{0.030302832788722533, 0.21509594021741243}, [2]float64{0.030864532515893665, 0.2180642438840556}},
		{30, 50, 20, 0.9, [2]float64{-0.015139753886603033, 0.21513975388660306}, [2]float64{-0.01642962684843849, 0.21060438412999188}, [2]float64{-0.01649887558176661, 0.2137789594120557}},
		{10, 0, 0, 0.95, [2]float64{1.0, 1}, [2]float64{0.47503551544790223, 1}, [2]float64{0.4449344002742215, 1.0}},
		{0, 0, 10, 0.95, [2]float64{-1, -1.0}, [2]float64{-1, -0.47503551544790223}, [2]float64{-1.0, -0.44493440027422154}},
		{5, 0, 5, 0.95, [2]float64{-0.6197950323045616, 0.6197950323045616}, [2]float64{-0.5112739422381415, 0.5112739422381415}, [2]float64{-0.526813818974872, 0.526813818974872}},
		{8, 2, 0, 0.95, [2]float64{0.5520819870781755, 1}, [2]float64{0.2928387008008122, 0.9379305299684186}, [2]float64{0.30044096288888655, 0.9433178485456202}},
		{1, 1, 1, 0.99, [2]float64{-1, 1}, [2]float64{-0.8031558950577099, 0.8031558950577099}, [2]float64{-0.7855947812438785, 0.7855947851051372}},
		{412, 301, 287, 0.95, [2]float64{0.07376371479515861, 0.1762362852048414}, [2]float64{0.07348530814582349, 0.17576693512436595}, [2]float64{0.07344326416268163, 0.17580956410812565}},
	} {
		u := tallyOf(t, c.p, c.pas, c.d)
		for _, m := range []struct {
			method Method
			want   [2]float64
			tol    float64 // the Python optimizer is good to ~1e-9
		}{{Wald, c.wald, 1e-12}, {AdjustedWald, c.adjusted, 1e-12}, {Tango, c.tg, 1e-8}} {
			ci, err := u.Interval(c.level, m.method)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(ci.Lo-m.want[0]) > m.tol || math.Abs(ci.Hi-m.want[1]) > m.tol {
				t.Errorf("%d/%d/%d %s: [%.15g, %.15g], want %v", c.p, c.pas, c.d, m.method, ci.Lo, ci.Hi, m.want)
			}
		}
	}
	if _, err := tallyOf(t, 1, 1, 1).Interval(0.95, "bootstrap"); !errors.Is(err, ErrMethod) {
		t.Errorf("unknown method err = %v", err)
	}
	if _, err := tallyOf(t, 1, 1, 1).Interval(95, Wald); !errors.Is(err, ErrLevel) {
		t.Errorf("level 95 err = %v", err)
	}
}

// Every method stays in [−1, 1] and holds the point estimate, for every
// trinomial sample up to n = 30.
func TestIntervalAlwaysValid(t *testing.T) {
	for n := uint64(1); n <= 30; n++ {
		for p := uint64(0); p <= n; p++ {
			for d := uint64(0); p+d <= n; d++ {
				u := tallyOf(t, p, n-p-d, d)
				s, _ := u.Score()
				for _, m := range []Method{Wald, Tango} {
					ci, err := u.Interval(0.95, m)
					if err != nil || ci.Lo < -1 || ci.Hi > 1 || ci.Lo > s.Float()+1e-12 || ci.Hi < s.Float()-1e-12 {
						t.Fatalf("%d/%d/%d %s: %v %v", p, n-p-d, d, m, ci, err)
					}
				}
			}
		}
	}
}

// Python: testdata/reference.py, "# compare".
func TestCompare(t *testing.T) {
	c, err := Compare(tallyOf(t, 60, 25, 15), tallyOf(t, 40, 100, 20), 0.95)
	if err != nil {
		t.Fatal(err)
	}
	want := Comparison{Delta: 0.325, StdErr: 0.08786975446648294, Z: 3.6986560617279074, P: 0.00021674406698059677,
		Interval: Interval{Lo: 0.1527784459153159, Hi: 0.49722155408468416}}
	for _, f := range []struct{ got, want float64 }{
		{c.Delta, want.Delta}, {c.StdErr, want.StdErr}, {c.Z, want.Z}, {c.P, want.P}, {c.Interval.Lo, want.Interval.Lo}, {c.Interval.Hi, want.Interval.Hi},
	} {
		if math.Abs(f.got-f.want) > 1e-12*math.Max(1, math.Abs(f.want)) {
			t.Errorf("Compare: %#v, want %#v", c, want)
			break
		}
	}
	c, _ = Compare(tallyOf(t, 412, 301, 287), tallyOf(t, 380, 320, 300), 0.95)
	if math.Abs(c.P-0.22186151851414637) > 1e-12 || math.Abs(c.Interval.Lo+0.027199470795923497) > 1e-12 {
		t.Errorf("Compare 2: %#v", c)
	}
	if got := c.String(); got != "Δ +4.5 points (95% CI -2.7…+11.7), z = 1.22, p = 0.22" {
		t.Errorf("String() = %q", got)
	}
	// Swapping the samples flips the sign only.
	r, _ := Compare(tallyOf(t, 380, 320, 300), tallyOf(t, 412, 301, 287), 0.95)
	if r.Delta != -c.Delta || r.P != c.P {
		t.Errorf("swapped: %v vs %v", r, c)
	}
	if _, err := Compare(tallyOf(t, 5, 0, 0), tallyOf(t, 9, 0, 0), 0.95); !errors.Is(err, ErrNoVariance) {
		t.Errorf("no variance err = %v", err)
	}
	if _, err := Compare(&Tally{}, tallyOf(t, 9, 0, 0), 0.95); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty err = %v", err)
	}
}

// Python: testdata/reference.py, "# sample size".
func TestPlan(t *testing.T) {
	for _, c := range []struct {
		plan Plan
		want uint64
	}{
		{Plan{Promoters: 0.5, Detractors: 0.2, Margin: 0.05, Level: 0.95}, 938},
		{Plan{Promoters: 0.5, Detractors: 0.2, Margin: 0.05, Level: 0.95, Population: 500}, 327},
		{Plan{Promoters: 0.3, Detractors: 0.3, Margin: 0.1, Level: 0.9}, 163},
		{Plan{Promoters: 0.45, Detractors: 0.15, Margin: 0.03, Level: 0.99}, 3760},
	} {
		if got, err := c.plan.SampleSize(); err != nil || got != c.want {
			t.Errorf("%+v: %d, %v; want %d", c.plan, got, err, c.want)
		}
	}
	for _, c := range []struct {
		plan Plan
		want error
	}{
		{Plan{Promoters: 0.7, Detractors: 0.4, Margin: 0.05, Level: 0.95}, ErrPlan},
		{Plan{Promoters: -0.1, Detractors: 0.4, Margin: 0.05, Level: 0.95}, ErrPlan},
		{Plan{Promoters: 0.5, Detractors: 0.2, Margin: 0, Level: 0.95}, ErrPlan},
		{Plan{Promoters: 0.5, Detractors: 0.2, Margin: math.NaN(), Level: 0.95}, ErrPlan},
		{Plan{Promoters: 0.5, Detractors: 0.2, Margin: 0.05}, ErrLevel},
		{Plan{Promoters: 1, Margin: 0.05, Level: 0.95}, ErrNoVariance},
	} {
		if _, err := c.plan.SampleSize(); !errors.Is(err, c.want) {
			t.Errorf("%+v: err = %v, want %v", c.plan, err, c.want)
		}
	}
}

func TestCustomScaleTally(t *testing.T) {
	s, _ := NewScale(1, 10, 7, 9)
	u := NewTally(s)
	for _, score := range []int{1, 6, 7, 9, 10} {
		if err := u.Add(score); err != nil {
			t.Fatal(err)
		}
	}
	if err := u.Add(0); !errors.Is(err, ErrScoreOutOfRange) {
		t.Errorf("0 on 1–10: err = %v", err)
	}
	if sc, _ := u.Score(); sc.Points() != 0 || u.Count(1) != 1 {
		t.Errorf("1–10 score %v, count(1) %d", sc, u.Count(1))
	}
	if err := u.Merge(&Tally{}); !errors.Is(err, ErrScale) {
		t.Errorf("merging different scales: err = %v", err)
	}
}

func randomTally(rng *rand.Rand) *Tally {
	var u Tally
	for range rng.IntN(50) {
		_ = u.AddN(rng.IntN(11), uint64(rng.IntN(1000)))
	}
	return &u
}

// Merging in any order, or in any grouping, gives the same tally.
func TestMergeOrderIndependent(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		parts := make([]*Tally, 1+rng.IntN(8))
		for i := range parts {
			parts[i] = randomTally(rng)
		}
		var forward, backward, tree Tally
		for i := range parts {
			_ = forward.Merge(parts[i])
			_ = backward.Merge(parts[len(parts)-1-i])
		}
		half := len(parts) / 2
		var left, right Tally
		for _, p := range parts[:half] {
			_ = left.Merge(p)
		}
		for _, p := range parts[half:] {
			_ = right.Merge(p)
		}
		_ = tree.Merge(&right)
		_ = tree.Merge(&left)
		if forward != backward || forward != tree {
			t.Fatalf("merge order changed the result: %v %v %v", forward.h, backward.h, tree.h)
		}
	}
	var a Tally
	_ = a.AddN(9, math.MaxUint64-1)
	b := tallyOf(t, 2, 0, 0)
	if err := a.Merge(b); !errors.Is(err, ErrOverflow) || a.N() != math.MaxUint64-1 {
		t.Errorf("overflowing merge: %v", err)
	}
}

func FuzzTallyAdd(f *testing.F) {
	f.Add(9, uint64(1))
	f.Add(-1, uint64(3))
	f.Fuzz(func(t *testing.T, score int, n uint64) {
		u := tallyOf(t, 1, 1, 1)
		before := *u
		err := u.AddN(score, n)
		valid := score >= 0 && score <= 10
		switch {
		case !valid && !errors.Is(err, ErrScoreOutOfRange):
			t.Fatalf("AddN(%d, %d) err = %v", score, n, err)
		case err != nil && *u != before:
			t.Fatal("rejected AddN changed the tally")
		case err == nil && (u.N() != before.N()+n || u.Count(score) != before.Count(score)+n):
			t.Fatalf("AddN(%d, %d) counted wrong", score, n)
		}
	})
}

func BenchmarkTallyAdd(b *testing.B) {
	var u Tally
	for i := 0; b.Loop(); i++ {
		_ = u.Add(i % 11)
	}
}

func BenchmarkTallyMerge(b *testing.B) {
	var u Tally
	v := tallyOf(b, 10, 20, 30)
	for b.Loop() {
		_ = u.Merge(v)
	}
}

func BenchmarkIntervalTango(b *testing.B) {
	u := tallyOf(b, 412, 301, 287)
	for b.Loop() {
		_, _ = u.Interval(0.95, Tango)
	}
}
