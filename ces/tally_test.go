package ces

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

// The reference sample, counts 190/240/110/330/140 on the 1–5
// effort scale. Its mean is 3020/1010 = 2.990099… (R: mean(rep(1:5, …)),
// testdata/reference.R), not the 2.82 the issue quotes.
func TestReferenceSample(t *testing.T) {
	u := tallyOf(t, FivePointEffort, 190, 240, 110, 330, 140)
	if m, ok := u.Mean(); !ok || m != 2.9900990099009901 {
		t.Errorf("Mean = %.17g, %v", m, ok)
	}
	if sd, _ := u.StdDev(); !near(sd, 1.3685918302107221, 1e-15) {
		t.Errorf("StdDev = %.17g", sd)
	}
	if u.LowEffort() != 430 || u.Neutral() != 110 || u.HighEffort() != 470 {
		t.Errorf("bands %d/%d/%d", u.LowEffort(), u.Neutral(), u.HighEffort())
	}
	if net, _ := u.Net(); net != -40.0/1010 {
		t.Errorf("Net = %v", net)
	}
	if e, _ := u.Ease(); !near(e, (5-2.9900990099009901)/4, 1e-15) {
		t.Errorf("Ease = %v", e)
	}
	for e, want := range map[Effort]float64{LowEffort: 430.0 / 1010, NeutralEffort: 110.0 / 1010, HighEffort: 470.0 / 1010} {
		if got, ok := u.Share(e); !ok || got != want {
			t.Errorf("Share(%v) = %v, %v", e, got, ok)
		}
	}
	if _, ok := u.Share(Effort(4)); ok {
		t.Error("Share of an invalid band ok")
	}
	r, err := u.Result(0.95)
	if err != nil {
		t.Fatal(err)
	}
	if r.LowEffort != 43000.0/1010 || r.HighEffort != 47000.0/1010 || r.Net != -4000.0/1010 || r.N != 1010 {
		t.Errorf("Result = %+v", r)
	}
}

// R t.test(x, conf.level = level)$conf.int on the expanded counts
// (testdata/reference.R, "# one sample").
func TestInterval(t *testing.T) {
	for _, c := range []struct {
		s      Scale
		counts []uint64
		level  float64
		mean   float64
		sd     float64
		lo, hi float64
	}{
		{FivePointEffort, []uint64{190, 240, 110, 330, 140}, 0.95, 2.9900990099009901, 1.3685918302107221, 2.9055939692104591, 3.0746040505915211},
		{SevenPointEase, []uint64{4, 6, 10, 20, 40, 60, 60}, 0.95, 5.53, 1.4559184360610011, 5.3269890853634854, 5.733010914636516},
		{SevenPointEase, []uint64{4, 6, 10, 20, 40, 60, 60}, 0.90, 5.53, 1.4559184360610011, 5.3598719982462049, 5.7001280017537965},
		// R: [−91.985, 98.985], clamped to the scale.
		{FivePointEffort, []uint64{0, 1, 0, 0, 1}, 0.99, 3.5, 2.1213203435596424, 1, 5},
	} {
		u := tallyOf(t, c.s, c.counts...)
		m, _ := u.Mean()
		sd, _ := u.StdDev()
		ci, err := u.Interval(c.level)
		if err != nil || !near(m, c.mean, 1e-15) || !near(sd, c.sd, 1e-15) || !near(ci.Lo, c.lo, 1e-12) || !near(ci.Hi, c.hi, 1e-12) || ci.Method != StudentT || ci.Level != c.level {
			t.Errorf("%v: mean %v sd %v %v, %v", c.counts, m, sd, ci, err)
		}
		e, err := u.EaseInterval(c.level)
		lo, hi := c.s.ease(c.lo), c.s.ease(c.hi)
		if c.s.Polarity() == LowerIsEasier {
			lo, hi = hi, lo
		}
		if err != nil || !near(e.Lo, lo, 1e-12) || !near(e.Hi, hi, 1e-12) || e.Lo > e.Hi {
			t.Errorf("%v ease interval %v, %v; want [%v, %v]", c.counts, e, err, lo, hi)
		}
	}
	same := tallyOf(t, SevenPointEase, 0, 0, 0, 0, 0, 9)
	if ci, err := same.Interval(0.95); err != nil || ci.Lo != 6 || ci.Hi != 6 {
		t.Errorf("no spread: %v, %v", ci, err)
	}
	if _, err := tallyOf(t, SevenPointEase, 1).Interval(0.95); !errors.Is(err, ErrTooFew) {
		t.Errorf("one response: err = %v", err)
	}
	if _, err := (&Tally{}).Interval(0.95); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: err = %v", err)
	}
	if _, err := same.Interval(1); !errors.Is(err, ErrLevel) {
		t.Errorf("level 1: err = %v", err)
	}
	if _, err := (&Tally{}).EaseInterval(0.95); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty ease interval: err = %v", err)
	}
}

func TestTallyCounts(t *testing.T) {
	var u Tally // SevenPointEase
	for _, s := range []int{1, 4, 5, 7, 7} {
		if err := u.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	if u.N() != 5 || u.Count(7) != 2 || u.Count(8) != 0 || u.Scale() != SevenPointEase || u.LowEffort() != 3 || u.HighEffort() != 1 || u.Neutral() != 1 {
		t.Fatalf("counts wrong: %+v", u)
	}
	before := u
	for _, bad := range []int{0, 8, math.MaxInt} {
		if err := u.Add(bad); !errors.Is(err, ErrScoreOutOfRange) || u != before {
			t.Errorf("Add(%d): err = %v", bad, err)
		}
	}
	if err := u.AddN(4, math.MaxUint64); !errors.Is(err, ErrOverflow) || u != before {
		t.Errorf("AddN overflow: err = %v", err)
	}
	bins, ok := u.Distribution()
	if !ok || len(bins) != 7 || bins[6] != (Bin{Score: 7, Count: 2, Share: 0.4}) || bins[1] != (Bin{Score: 2}) {
		t.Errorf("Distribution = %v", bins)
	}
	// 29 of 100 easy is exactly 29 %, not 28.999999999999996.
	r, _ := tallyOf(t, SevenPointEase, 71, 0, 0, 0, 0, 0, 29).Result(0.95)
	if r.LowEffort != 29 || r.HighEffort != 71 || r.Net != -42 {
		t.Errorf("Result shares %v %v %v", r.LowEffort, r.HighEffort, r.Net)
	}
}

func TestEmpty(t *testing.T) {
	var u Tally
	if _, ok := u.Mean(); ok {
		t.Error("empty Mean ok")
	}
	if _, ok := u.StdDev(); ok {
		t.Error("empty StdDev ok")
	}
	if _, ok := u.Ease(); ok {
		t.Error("empty Ease ok")
	}
	if _, ok := u.Net(); ok {
		t.Error("empty Net ok")
	}
	if _, ok := u.Share(LowEffort); ok {
		t.Error("empty Share ok")
	}
	if _, ok := u.Distribution(); ok {
		t.Error("empty Distribution ok")
	}
	if _, err := u.Result(0.95); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty Result err = %v", err)
	}
	if _, err := Of(FivePointEffort, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("Of(nil) err = %v", err)
	}
}

func TestMerge(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	random := func() *Tally {
		u := NewTally(FivePointEffort)
		for range rng.IntN(30) {
			_ = u.AddN(1+rng.IntN(5), uint64(rng.IntN(1000)))
		}
		return u
	}
	for range 200 {
		parts := make([]*Tally, 1+rng.IntN(8))
		for i := range parts {
			parts[i] = random()
		}
		forward, backward := NewTally(FivePointEffort), NewTally(FivePointEffort)
		for i := range parts {
			_ = forward.Merge(parts[i])
			_ = backward.Merge(parts[len(parts)-1-i])
		}
		if *forward != *backward {
			t.Fatal("merge order changed the result")
		}
	}
	var a Tally
	if err := a.Merge(NewTally(FivePointEffort)); !errors.Is(err, ErrScale) {
		t.Errorf("merging different scales: err = %v", err)
	}
	// Same range, other polarity: a different scale.
	reversed, _ := NewScale(1, 7, LowerIsEasier)
	if err := a.Merge(NewTally(reversed)); !errors.Is(err, ErrScale) {
		t.Errorf("merging opposite polarities: err = %v", err)
	}
	_ = a.AddN(5, math.MaxUint64-1)
	before := a
	if err := a.Merge(tallyOf(t, SevenPointEase, 2)); !errors.Is(err, ErrOverflow) || a != before {
		t.Errorf("overflowing merge: %v", err)
	}
}

func FuzzTallyAdd(f *testing.F) {
	f.Add(3, uint64(1))
	f.Add(0, uint64(3))
	f.Add(5, uint64(math.MaxUint64))
	f.Fuzz(func(t *testing.T, score int, n uint64) {
		u := tallyOf(t, FivePointEffort, 1, 1, 1, 1, 1)
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
		}
		if u.LowEffort()+u.Neutral()+u.HighEffort() != u.N() {
			t.Fatal("bands do not add up")
		}
		e, _ := u.Ease()
		net, _ := u.Net()
		ci, err := u.Interval(0.95)
		if !(e >= 0 && e <= 1 && net >= -1 && net <= 1) || err != nil || ci.Lo < 1 || ci.Hi > 5 || ci.Lo > ci.Hi {
			t.Fatalf("ease %v net %v interval %v, %v", e, net, ci, err)
		}
	})
}

func BenchmarkTallyAdd(b *testing.B) {
	var u Tally
	for i := 0; b.Loop(); i++ {
		_ = u.Add(1 + i%7)
	}
}

func BenchmarkTallyMerge(b *testing.B) {
	var u Tally
	v := tallyOf(b, SevenPointEase, 1, 2, 3, 4, 5, 6, 7)
	for b.Loop() {
		_ = u.Merge(v)
	}
}

func BenchmarkInterval(b *testing.B) {
	u := tallyOf(b, SevenPointEase, 4, 6, 10, 20, 40, 60, 60)
	for b.Loop() {
		_, _ = u.Interval(0.95)
	}
}
