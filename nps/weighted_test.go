package nps

import (
	"errors"
	"math"
	"testing"
)

// R 4.2 survey package: svymean(~c, svydesign(ids = ~1, weights = ~w))
// gives −0.06363636363636363 and SE 0.2932211786758232, which is ours
// times √(n/(n−1)) (survey's small-sample factor): 0.27817403484443892.
// Kish's n_eff = (Σw)²/Σw² from testdata/reference.py.
func TestWeightedReference(t *testing.T) {
	var w Weighted
	scores := []int{10, 9, 9, 8, 7, 6, 3, 0, 10, 5}
	weights := []float64{1.2, 0.8, 1.0, 2.0, 0.5, 1.5, 0.7, 1.1, 0.9, 1.3}
	for i := range scores {
		if err := w.Add(scores[i], weights[i]); err != nil {
			t.Fatal(err)
		}
	}
	score, _ := w.Score()
	se, _ := w.StdErr()
	neff, _ := w.EffectiveN()
	if math.Abs(score+0.06363636363636363) > 1e-15 || math.Abs(se-0.27817403484443892) > 1e-15 || math.Abs(neff-8.780841799709727) > 1e-12 {
		t.Errorf("score %v se %v n_eff %v", score, se, neff)
	}
	if w.N() != 10 || math.Abs(w.Weight()-11) > 1e-15 {
		t.Errorf("N %d weight %v", w.N(), w.Weight())
	}
	ci, err := w.Interval(0.95)
	if err != nil || math.Abs(ci.Lo-(score-1.959963984540054*se)) > 1e-12 {
		t.Errorf("Interval %v %v", ci, err)
	}
}

// With unit weights the weighted tally agrees with the Tally.
func TestWeightedUnitMatchesTally(t *testing.T) {
	var w Weighted
	u := tallyOf(t, 412, 301, 287)
	for score := range 11 {
		for range u.Count(score) {
			_ = w.Add(score, 1)
		}
	}
	s, _ := u.Score()
	ws, _ := w.Score()
	se, _ := u.StdErr()
	wse, _ := w.StdErr()
	if math.Abs(ws-s.Float()) > 1e-15 || math.Abs(wse-se) > 1e-15 {
		t.Errorf("weighted %v ± %v, tally %v ± %v", ws, wse, s.Float(), se)
	}
}

func TestWeightedRejects(t *testing.T) {
	var w Weighted
	_ = w.Add(9, 2)
	before := w
	for _, c := range []struct {
		score  int
		weight float64
		want   error
	}{
		{9, -1, ErrWeight}, {9, math.NaN(), ErrWeight}, {9, math.Inf(1), ErrWeight}, {11, 1, ErrScoreOutOfRange},
	} {
		if err := w.Add(c.score, c.weight); !errors.Is(err, c.want) || w != before {
			t.Errorf("Add(%d, %v): err = %v, changed = %v", c.score, c.weight, err, w != before)
		}
	}
	_ = w.Add(9, 1e154)
	before = w
	if err := w.Add(9, 1e154); !errors.Is(err, ErrOverflow) || w != before {
		t.Errorf("overflowing weight: err = %v", err)
	}
	var zero Weighted
	_ = zero.Add(9, 0)
	if _, ok := zero.Score(); ok {
		t.Error("zero total weight gives a score")
	}
	if _, ok := zero.EffectiveN(); ok {
		t.Error("zero total weight gives an effective n")
	}
	if _, err := zero.Interval(0.95); !errors.Is(err, ErrEmpty) {
		t.Errorf("zero total weight interval err = %v", err)
	}
	s, _ := NewScale(1, 10, 7, 9)
	if err := w.Merge(NewWeighted(s)); !errors.Is(err, ErrScale) {
		t.Errorf("merge across scales err = %v", err)
	}
}

func FuzzWeightedAdd(f *testing.F) {
	f.Add(9, 1.5)
	f.Add(3, math.Copysign(0, -1))
	f.Add(9, 1e200)
	f.Fuzz(func(t *testing.T, score int, weight float64) {
		var w Weighted
		_ = w.Add(5, 1)
		before := w
		err := w.Add(score, weight)
		if err != nil && w != before {
			t.Fatal("rejected Add changed the tally")
		}
		if err == nil {
			s, ok := w.Score()
			se, _ := w.StdErr()
			if ok && !(s >= -1 && s <= 1 && se >= 0) {
				t.Fatalf("score %v ± %v", s, se)
			}
		}
	})
}

func BenchmarkWeightedAdd(b *testing.B) {
	var w Weighted
	for i := 0; b.Loop(); i++ {
		_ = w.Add(i%11, 1.25)
	}
}
