package csat

import (
	"errors"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Très satisfait":                     "tres satisfait",
		"  TRÈS   satisfait!! ":              "tres satisfait",
		"Tre\u0300s satisfait":               "tres satisfait", // combining grave accent
		"Satisfait(e)":                       "satisfait",
		"Très satisfait·e":                   "tres satisfait",
		"Ni satisfait(e), ni insatisfait(e)": "ni satisfait ni insatisfait",
		"Neither satisfied nor dissatisfied": "neither satisfied nor dissatisfied",
		"Œuvre Ærø ß Ça":                     "oeuvre aero ss ca",
		"":                                   "",
		"  -- ":                              "",
		"5":                                  "5",
		"x·ey (E)":                           "x ey", // ·e only as an ending
		"(e)(e":                              "e",
		"İ ǅ":                                "i ǆ",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBuiltInLabels(t *testing.T) {
	for _, c := range []struct {
		labels *Labels
		answer string
		want   int
	}{
		{FivePointLabels, "Very dissatisfied", 1},
		{FivePointLabels, "Dissatisfied", 2},
		{FivePointLabels, "Neither satisfied nor dissatisfied", 3},
		{FivePointLabels, "Satisfied", 4},
		{FivePointLabels, "Very satisfied", 5},
		{FivePointLabels, "Très insatisfait", 1},
		{FivePointLabels, "Insatisfait", 2},
		{FivePointLabels, "Ni satisfait ni insatisfait", 3},
		{FivePointLabels, "Satisfait", 4},
		{FivePointLabels, "Très satisfait", 5},
		{FivePointLabels, "tres satisfaite", 5},
		{FivePointLabels, "TRÈS SATISFAIT(E)", 5},
		{FivePointLabels, "very   satisfied.", 5},
		{FivePointLabels, "Ni satisfaite, ni insatisfaite", 3},
		{FivePointLabels, " 4 ", 4},
		{SevenPointLabels, "Plutôt satisfait", 5},
		{SevenPointLabels, "Extremely dissatisfied", 1},
		{SevenPointLabels, "Satisfied", 6},
		{SevenPointLabels, "Très satisfaite", 7},
		{BinaryLabels, "Oui", 1},
		{BinaryLabels, "no", 0},
		{BinaryLabels, "NON", 0},
		{BinaryLabels, "yes", 1},
	} {
		got, err := c.labels.Point(c.answer)
		if err != nil || got != c.want {
			t.Errorf("%v Point(%q) = %d, %v; want %d", c.labels.Scale(), c.answer, got, err, c.want)
		}
	}
	_, err := FivePointLabels.Point("Plutôt content")
	if !errors.Is(err, ErrUnknownLabel) || err.Error() != `csat: unknown label "Plutôt content"` {
		t.Errorf("unknown label: err = %v", err)
	}
	if _, err := FivePointLabels.Point("6"); !errors.Is(err, ErrScoreOutOfRange) {
		t.Errorf("6 on 1–5: err = %v", err)
	}
	if _, err := FivePointLabels.Point(""); !errors.Is(err, ErrUnknownLabel) {
		t.Errorf("empty answer: err = %v", err)
	}
}

func TestNewLabels(t *testing.T) {
	l, err := NewLabels(TenPoint, map[string]int{"Extremely satisfied": 10, "Not at all satisfied": 1})
	if err != nil {
		t.Fatal(err)
	}
	if p, err := l.Point("extremely satisfied"); err != nil || p != 10 {
		t.Errorf("Point = %d, %v", p, err)
	}
	if p, err := l.Point("7"); err != nil || p != 7 {
		t.Errorf("numeric answer: %d, %v", p, err)
	}
	if _, err := NewLabels(FivePoint, map[string]int{"Great": 6}); !errors.Is(err, ErrScoreOutOfRange) || !strings.Contains(err.Error(), `"Great"`) {
		t.Errorf("point off the scale: err = %v", err)
	}
	if _, err := NewLabels(FivePoint, map[string]int{"?!": 3}); !errors.Is(err, ErrLabels) {
		t.Errorf("empty label: err = %v", err)
	}
	if _, err := NewLabels(FivePoint, map[string]int{"Bof": 3, "BOF": 2}); !errors.Is(err, ErrLabels) {
		t.Errorf("conflicting labels: err = %v", err)
	}
	more, err := FivePointLabels.With(map[string]int{"Bof": 3})
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := more.Point("bof"); p != 3 {
		t.Errorf("With: bof = %d", p)
	}
	if _, err := FivePointLabels.Point("bof"); err == nil {
		t.Error("With changed the original labels")
	}
	if _, err := FivePointLabels.With(map[string]int{"Satisfied": 5}); !errors.Is(err, ErrLabels) {
		t.Errorf("With conflicting: err = %v", err)
	}
}

// Point never panics, and whatever it accepts is on the scale.
func FuzzLabelsPoint(f *testing.F) {
	for _, s := range []string{"Très satisfait", "4", "(e)·e", "Tre\u0300s", "\xff\xfe", "-3", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, answer string) {
		p, err := FivePointLabels.Point(answer)
		if err == nil && (p < 1 || p > 5) {
			t.Fatalf("Point(%q) = %d, off the scale", answer, p)
		}
		if err != nil && !errors.Is(err, ErrUnknownLabel) && !errors.Is(err, ErrScoreOutOfRange) {
			t.Fatalf("Point(%q) err = %v", answer, err)
		}
		if fold(fold(answer)) != fold(answer) {
			t.Fatalf("fold is not idempotent on %q", answer)
		}
	})
}

func BenchmarkLabelsPoint(b *testing.B) {
	for b.Loop() {
		_, _ = FivePointLabels.Point("Très satisfait")
	}
}
