package csat

import (
	"errors"
	"testing"

	"github.com/rapportkit/rapport/internal/counts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
		// Qualtrics' five points.
		{FivePointLabels, "Extremely dissatisfied", 1},
		{FivePointLabels, "Somewhat dissatisfied", 2},
		{FivePointLabels, "Somewhat satisfied", 4},
		{FivePointLabels, "Extremely satisfied", 5},
		// Typeform, Medallia, SurveyMonkey variants.
		{FivePointLabels, "Very unsatisfied", 1},
		{FivePointLabels, "Unsatisfied", 2},
		{FivePointLabels, "Neutral", 3},
		{FivePointLabels, "Highly satisfied", 5},
		{FivePointLabels, "Completely satisfied", 5},
		{FivePointLabels, "Pas du tout satisfait", 1},
		{FivePointLabels, "Plutôt satisfaite", 4},
		{FivePointLabels, "Tout à fait satisfait", 5},
		{FivePointLabels, "Contente", 4},
		{FivePointLabels, "très mécontente", 1},
		{SevenPointLabels, "Plutôt satisfait", 5},
		{SevenPointLabels, "Extremely dissatisfied", 1},
		{SevenPointLabels, "Moderately dissatisfied", 2},
		{SevenPointLabels, "Slightly satisfied", 5},
		{SevenPointLabels, "Mostly satisfied", 6},
		{SevenPointLabels, "Satisfied", 6},
		{SevenPointLabels, "Completely satisfied", 7},
		{SevenPointLabels, "Très satisfaite", 7},
		{SevenPointLabels, "Légèrement insatisfait", 3},
		{TenPointLabels, "Extremely satisfied", 10},
		{TenPointLabels, "Not at all satisfied", 1},
		{TenPointLabels, "7", 7},
		{BinaryLabels, "Oui", 1},
		{BinaryLabels, "no", 0},
		{BinaryLabels, "NON", 0},
		{BinaryLabels, "yes", 1},
		{BinaryLabels, "Good, I’m satisfied", 1},
		{BinaryLabels, "Bad, I'm unsatisfied", 0},
		{BinaryLabels, "thumbs down", 0},
	} {
		t.Run(c.labels.Scale().String()+" "+c.answer, func(t *testing.T) {
			got, err := c.labels.Point(c.answer)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
	_, err := FivePointLabels.Point("Plutôt content")
	assert.ErrorIs(t, err, ErrUnknownLabel)
	assert.EqualError(t, err, `csat: unknown label "Plutôt content"`)
	_, err = FivePointLabels.Point("6")
	assert.ErrorIs(t, err, ErrScoreOutOfRange, "6 on 1–5")
	_, err = FivePointLabels.Point("")
	assert.ErrorIs(t, err, ErrUnknownLabel, "empty answer")
}

func TestNewLabels(t *testing.T) {
	l, err := NewLabels(TenPoint, map[string]int{"Extremely satisfied": 10, "Not at all satisfied": 1})
	require.NoError(t, err)
	p, err := l.Point("extremely satisfied")
	require.NoError(t, err)
	assert.Equal(t, 10, p)
	p, err = l.Point("7")
	require.NoError(t, err)
	assert.Equal(t, 7, p, "numeric answer")
	_, err = NewLabels(FivePoint, map[string]int{"Great": 6})
	assert.ErrorIs(t, err, ErrScoreOutOfRange)
	assert.ErrorContains(t, err, `"Great"`)
	_, err = NewLabels(FivePoint, map[string]int{"?!": 3})
	assert.ErrorIs(t, err, ErrLabels, "empty label")
	_, err = NewLabels(FivePoint, map[string]int{"Bof": 3, "BOF": 2})
	assert.ErrorIs(t, err, ErrLabels, "conflicting labels")
	more, err := FivePointLabels.With(map[string]int{"Bof": 3})
	require.NoError(t, err)
	p, _ = more.Point("bof")
	assert.Equal(t, 3, p)
	_, err = FivePointLabels.Point("bof")
	assert.Error(t, err, "With changed the original labels")
	_, err = FivePointLabels.With(map[string]int{"Satisfied": 5})
	assert.ErrorIs(t, err, ErrLabels, "With conflicting")
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
		if counts.Fold(counts.Fold(answer)) != counts.Fold(answer) {
			t.Fatalf("Fold is not idempotent on %q", answer)
		}
	})
}

func BenchmarkLabelsPoint(b *testing.B) {
	for b.Loop() {
		_, _ = FivePointLabels.Point("Très satisfait")
	}
}
