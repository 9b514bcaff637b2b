package csat

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
)

func TestBuiltInScales(t *testing.T) {
	for _, c := range []struct {
		s                        Scale
		min, max, satFrom, disTo int
		str                      string
	}{
		{FivePoint, 1, 5, 4, 2, "1–5 (satisfied 4–5, dissatisfied 1–2)"},
		{Scale{}, 1, 5, 4, 2, "1–5 (satisfied 4–5, dissatisfied 1–2)"},
		{SevenPoint, 1, 7, 6, 2, "1–7 (satisfied 6–7, dissatisfied 1–2)"},
		{TenPoint, 1, 10, 9, 2, "1–10 (satisfied 9–10, dissatisfied 1–2)"},
		{Binary, 0, 1, 1, 0, "0–1 (satisfied 1, dissatisfied 0)"},
	} {
		if c.s.Min() != c.min || c.s.Max() != c.max || c.s.SatisfiedFrom() != c.satFrom || c.s.DissatisfiedTo() != c.disTo || c.s.String() != c.str {
			t.Errorf("%v: %d %d %d %d", c.s, c.s.Min(), c.s.Max(), c.s.SatisfiedFrom(), c.s.DissatisfiedTo())
		}
	}
}

func TestNewScale(t *testing.T) {
	for _, c := range []struct {
		min, max, satFrom int
		want              Scale
	}{
		{1, 5, 4, FivePoint},
		{1, 7, 6, SevenPoint},
		{1, 10, 9, TenPoint},
		{0, 1, 1, Binary},
		{1, 5, 3, mustScale(1, 5, 3, 2)},   // top-3 box: the mirror 1–3 is cut to 1–2
		{0, 10, 9, mustScale(0, 10, 9, 1)}, // 0–10 mirrors 9–10 to 0–1
		{-2, 2, 1, mustScale(-2, 2, 1, -1)},
		{1, 5, 5, mustScale(1, 5, 5, 1)},
	} {
		got, err := NewScale(c.min, c.max, c.satFrom)
		if err != nil || got != c.want {
			t.Errorf("NewScale(%d, %d, %d) = %v, %v; want %v", c.min, c.max, c.satFrom, got, err, c.want)
		}
	}
	for _, bad := range [][3]int{{1, 1, 1}, {1, 5, 1}, {1, 5, 6}, {5, 1, 3}, {0, 11, 9}, {math.MinInt, math.MaxInt, 0}} {
		if s, err := NewScale(bad[0], bad[1], bad[2]); !errors.Is(err, ErrScale) {
			t.Errorf("NewScale%v = %v, err = %v", bad, s, err)
		}
	}
	// The largest scale, 0..10, and the ends of int32, which every
	// encoding holds; past them a scale is refused.
	if _, err := NewScale(0, 10, 9); err != nil {
		t.Error(err)
	}
	if s, err := NewScale(math.MaxInt32-4, math.MaxInt32, math.MaxInt32); err != nil || s.Max() != math.MaxInt32 || s.Points() != 5 {
		t.Errorf("scale at MaxInt32: %v, %v", s, err)
	}
	if s, err := NewScale(math.MinInt32, math.MinInt32+4, math.MinInt32+4); err != nil || s.Min() != math.MinInt32 {
		t.Errorf("scale at MinInt32: %v, %v", s, err)
	}
	if _, err := NewScale(math.MaxInt-4, math.MaxInt, math.MaxInt); !errors.Is(err, ErrScale) {
		t.Errorf("scale at MaxInt: err = %v", err)
	}
}

func TestBoxes(t *testing.T) {
	top1, err := FivePoint.WithTopBox(1)
	if err != nil || top1.SatisfiedFrom() != 5 || top1.DissatisfiedTo() != 2 {
		t.Errorf("top-1 box: %v, %v", top1, err)
	}
	top3, err := FivePoint.WithTopBox(3)
	if err != nil || top3.SatisfiedFrom() != 3 {
		t.Errorf("top-3 box: %v, %v", top3, err)
	}
	if _, err := FivePoint.WithTopBox(4); !errors.Is(err, ErrScale) { // would overlap 1–2
		t.Errorf("top-4 box over the bottom-2 box: err = %v", err)
	}
	bottom1, _ := FivePoint.WithBottomBox(1)
	if top4, err := bottom1.WithTopBox(4); err != nil || top4.SatisfiedFrom() != 2 || top4.DissatisfiedTo() != 1 {
		t.Errorf("top-4 after bottom-1: %v, %v", top4, err)
	}
	for _, k := range []int{0, -1, 6} {
		if _, err := FivePoint.WithTopBox(k); !errors.Is(err, ErrScale) {
			t.Errorf("WithTopBox(%d) err = %v", k, err)
		}
		if _, err := FivePoint.WithBottomBox(k); !errors.Is(err, ErrScale) {
			t.Errorf("WithBottomBox(%d) err = %v", k, err)
		}
	}
	for score, want := range map[int]Category{1: Dissatisfied, 2: Dissatisfied, 3: Neutral, 4: Satisfied, 5: Satisfied} {
		if got, err := FivePoint.Classify(score); err != nil || got != want {
			t.Errorf("Classify(%d) = %v, %v", score, got, err)
		}
	}
	for score, want := range map[int]Category{0: Dissatisfied, 1: Satisfied} {
		if got, _ := Binary.Classify(score); got != want {
			t.Errorf("Binary.Classify(%d) = %v", score, got)
		}
	}
	if _, err := FivePoint.Classify(0); !errors.Is(err, ErrScoreOutOfRange) || err.Error() != "csat: score out of range: 0 not in 1..5" {
		t.Errorf("Classify(0) err = %v", err)
	}
	if Satisfied.String() != "satisfied" || Neutral.String() != "neutral" || Dissatisfied.String() != "dissatisfied" || Category(9).String() != "invalid category" {
		t.Error("Category.String")
	}
}

func TestScaleJSON(t *testing.T) {
	top1, _ := SevenPoint.WithTopBox(1)
	for _, s := range []Scale{FivePoint, Binary, TenPoint, top1} {
		js, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var got Scale
		if err := json.Unmarshal(js, &got); err != nil || got != s {
			t.Errorf("%s: %v, %v", js, got, err)
		}
	}
	js, _ := json.Marshal(FivePoint)
	if string(js) != `{"min":1,"max":5,"satisfied_from":4,"dissatisfied_to":2}` {
		t.Errorf("JSON = %s", js)
	}
	for _, bad := range []string{`{"min":1,"max":5,"satisfied_from":2,"dissatisfied_to":2}`, `{"min":"1"}`, `{"min":0,"max":20,"satisfied_from":19,"dissatisfied_to":1}`} {
		s := SevenPoint
		if err := json.Unmarshal([]byte(bad), &s); !errors.Is(err, ErrEncoding) || s != SevenPoint {
			t.Errorf("%s: err = %v, scale %v", bad, err, s)
		}
	}
}
