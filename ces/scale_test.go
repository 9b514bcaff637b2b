package ces

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
)

func TestBuiltInScales(t *testing.T) {
	for _, c := range []struct {
		s                         Scale
		min, max                  int
		p                         Polarity
		easyFrom, easyTo, difFrom int
		difTo                     int
		str                       string
	}{
		{SevenPointEase, 1, 7, HigherIsEasier, 5, 7, 1, 3, "1–7, higher is easier (easy 5–7, neutral 4, difficult 1–3)"},
		{Scale{}, 1, 7, HigherIsEasier, 5, 7, 1, 3, "1–7, higher is easier (easy 5–7, neutral 4, difficult 1–3)"},
		{FivePointEffort, 1, 5, LowerIsEasier, 1, 2, 4, 5, "1–5, lower is easier (easy 1–2, neutral 3, difficult 4–5)"},
	} {
		ef, et := c.s.Easy()
		df, dt := c.s.Difficult()
		if c.s.Min() != c.min || c.s.Max() != c.max || c.s.Polarity() != c.p || ef != c.easyFrom || et != c.easyTo || df != c.difFrom || dt != c.difTo || c.s.String() != c.str {
			t.Errorf("%v: %d..%d %v easy %d–%d difficult %d–%d", c.s, c.s.Min(), c.s.Max(), c.s.Polarity(), ef, et, df, dt)
		}
	}
	for score, want := range map[int]Effort{1: LowEffort, 2: LowEffort, 3: NeutralEffort, 4: HighEffort, 5: HighEffort} {
		if got, err := FivePointEffort.Classify(score); err != nil || got != want {
			t.Errorf("FivePointEffort.Classify(%d) = %v, %v", score, got, err)
		}
	}
	for score, want := range map[int]Effort{1: HighEffort, 3: HighEffort, 4: NeutralEffort, 5: LowEffort, 7: LowEffort} {
		if got, err := SevenPointEase.Classify(score); err != nil || got != want {
			t.Errorf("SevenPointEase.Classify(%d) = %v, %v", score, got, err)
		}
	}
	for _, bad := range []int{0, 8, math.MinInt} {
		if _, err := SevenPointEase.Classify(bad); !errors.Is(err, ErrScoreOutOfRange) {
			t.Errorf("Classify(%d) err = %v", bad, err)
		}
		if _, err := SevenPointEase.Ease(bad); !errors.Is(err, ErrScoreOutOfRange) {
			t.Errorf("Ease(%d) err = %v", bad, err)
		}
	}
	for _, c := range []struct {
		s     Scale
		score int
		want  float64
	}{{SevenPointEase, 1, 0}, {SevenPointEase, 7, 1}, {SevenPointEase, 4, 0.5}, {FivePointEffort, 1, 1}, {FivePointEffort, 5, 0}, {FivePointEffort, 2, 0.75}} {
		if got, err := c.s.Ease(c.score); err != nil || got != c.want {
			t.Errorf("%v Ease(%d) = %v, %v", c.s, c.score, got, err)
		}
	}
	if LowEffort.String() != "low effort" || NeutralEffort.String() != "neutral" || HighEffort.String() != "high effort" || Effort(3).String() != "invalid effort" {
		t.Error("Effort.String")
	}
	if Polarity(5).String() != "invalid polarity" {
		t.Error("Polarity.String")
	}
}

func TestNewScale(t *testing.T) {
	for _, c := range []struct {
		min, max        int
		p               Polarity
		lowTo, highFrom int
	}{
		{1, 7, HigherIsEasier, 3, 5},
		{1, 5, LowerIsEasier, 2, 4},
		{1, 10, HigherIsEasier, 4, 7},
		{0, 10, LowerIsEasier, 4, 6},
		{1, 2, HigherIsEasier, 1, 2},
		{1, 3, LowerIsEasier, 1, 3},
		{1, 4, LowerIsEasier, 1, 4},
		{-3, 3, HigherIsEasier, -1, 1},
	} {
		s, err := NewScale(c.min, c.max, c.p)
		lowTo, highFrom := s.Bands()
		if err != nil || lowTo != c.lowTo || highFrom != c.highFrom || s.Polarity() != c.p {
			t.Errorf("NewScale(%d, %d, %v) = %v, %v", c.min, c.max, c.p, s, err)
		}
	}
	if s, _ := NewScale(1, 7, HigherIsEasier); s != SevenPointEase {
		t.Error("NewScale(1, 7, HigherIsEasier) is not SevenPointEase")
	}
	if s, _ := NewScale(1, 5, LowerIsEasier); s != FivePointEffort {
		t.Error("NewScale(1, 5, LowerIsEasier) is not FivePointEffort")
	}
	for _, bad := range [][2]int{{1, 1}, {5, 1}, {0, 11}, {math.MinInt, math.MaxInt}} {
		if _, err := NewScale(bad[0], bad[1], HigherIsEasier); !errors.Is(err, ErrScale) {
			t.Errorf("NewScale%v err = %v", bad, err)
		}
	}
	if _, err := NewScale(1, 5, Polarity(2)); !errors.Is(err, ErrScale) {
		t.Errorf("bad polarity: err = %v", err)
	}
	wide, err := SevenPointEase.WithBands(4, 5) // no neutral band
	if err != nil || wide.String() != "1–7, higher is easier (easy 5–7, neutral none, difficult 1–4)" {
		t.Errorf("WithBands(4, 5) = %v, %v", wide, err)
	}
	for _, bad := range [][2]int{{0, 5}, {3, 3}, {5, 4}, {3, 8}} {
		if _, err := SevenPointEase.WithBands(bad[0], bad[1]); !errors.Is(err, ErrScale) {
			t.Errorf("WithBands%v err = %v", bad, err)
		}
	}
}

func TestScaleJSON(t *testing.T) {
	narrow, _ := FivePointEffort.WithBands(1, 5)
	for _, s := range []Scale{SevenPointEase, FivePointEffort, narrow} {
		js, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var got Scale
		if err := json.Unmarshal(js, &got); err != nil || got != s {
			t.Errorf("%s: %v, %v", js, got, err)
		}
	}
	js, _ := json.Marshal(FivePointEffort)
	if string(js) != `{"min":1,"max":5,"polarity":"lower-is-easier","low_to":2,"high_from":4}` {
		t.Errorf("JSON = %s", js)
	}
	for _, bad := range []string{
		`{"min":1,"max":5,"polarity":"sideways","low_to":2,"high_from":4}`,
		`{"min":1,"max":5,"polarity":"lower-is-easier","low_to":4,"high_from":2}`,
		`{"min":"1"}`,
	} {
		s := FivePointEffort
		if err := json.Unmarshal([]byte(bad), &s); !errors.Is(err, ErrEncoding) || s != FivePointEffort {
			t.Errorf("%s: err = %v, scale %v", bad, err, s)
		}
	}
	if _, err := Polarity(3).MarshalText(); !errors.Is(err, ErrScale) {
		t.Errorf("invalid polarity text: err = %v", err)
	}
}
