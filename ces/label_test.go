package ces

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuiltInLabels(t *testing.T) {
	for _, c := range []struct {
		labels *Labels
		answer string
		want   int
	}{
		{SevenPointEaseLabels, "Strongly disagree", 1},
		{SevenPointEaseLabels, "Disagree", 2},
		{SevenPointEaseLabels, "Somewhat disagree", 3},
		{SevenPointEaseLabels, "Neither agree nor disagree", 4},
		{SevenPointEaseLabels, "Somewhat agree", 5},
		{SevenPointEaseLabels, "Agree", 6},
		{SevenPointEaseLabels, "Strongly agree", 7},
		{SevenPointEaseLabels, "Pas du tout d'accord", 1},
		{SevenPointEaseLabels, "Pas d’accord", 2}, // a typographic apostrophe
		{SevenPointEaseLabels, "Plutôt pas d'accord", 3},
		{SevenPointEaseLabels, "Ni d'accord ni pas d'accord", 4},
		{SevenPointEaseLabels, "plutot d accord", 5},
		{SevenPointEaseLabels, "D'ACCORD", 6},
		{SevenPointEaseLabels, "Tout à fait d'accord", 7},
		{SevenPointEaseLabels, "Very difficult", 1},
		{SevenPointEaseLabels, "Very easy", 7},
		{SevenPointEaseLabels, "Très facile", 7},
		{SevenPointEaseLabels, "5", 5},
		{FivePointEffortLabels, "Very low effort", 1},
		{FivePointEffortLabels, "Low effort", 2},
		{FivePointEffortLabels, "Neither low nor high effort", 3},
		{FivePointEffortLabels, "High effort", 4},
		{FivePointEffortLabels, "Very high effort", 5},
		{FivePointEffortLabels, "Effort très élevé", 5},
		{FivePointEffortLabels, "Très faible effort", 1},
		{FivePointEffortLabels, "Very easy", 1},
		{FivePointEffortLabels, "Easy", 2},
		{FivePointEffortLabels, "Neither easy nor difficult", 3},
		{FivePointEffortLabels, "Difficult", 4},
		{FivePointEffortLabels, "very DIFFICULT", 5},
		{FivePointEffortLabels, "Très difficile", 5},
	} {
		t.Run(c.labels.Scale().String()+" "+c.answer, func(t *testing.T) {
			got, err := c.labels.Point(c.answer)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
	_, err := SevenPointEaseLabels.Point("Bof")
	assert.ErrorIs(t, err, ErrUnknownLabel)
	assert.EqualError(t, err, `ces: unknown label "Bof"`)
	_, err = FivePointEffortLabels.Point("6")
	assert.ErrorIs(t, err, ErrScoreOutOfRange)
}

func TestNewLabels(t *testing.T) {
	tenPoint, _ := NewScale(1, 10, HigherIsEasier)
	l, err := NewLabels(tenPoint, map[string]int{"Very difficult": 1, "Very easy": 10})
	require.NoError(t, err)
	p, _ := l.Point("very easy")
	assert.Equal(t, 10, p)
	assert.Equal(t, tenPoint, l.Scale())
	_, err = NewLabels(SevenPointEase, map[string]int{"Super": 8})
	assert.ErrorIs(t, err, ErrScoreOutOfRange)
	_, err = NewLabels(SevenPointEase, map[string]int{"!!": 3})
	assert.ErrorIs(t, err, ErrLabels)
	more, err := SevenPointEaseLabels.With(map[string]int{"Sans effort": 7})
	require.NoError(t, err)
	p, _ = more.Point("sans effort")
	assert.Equal(t, 7, p)
	_, err = SevenPointEaseLabels.Point("sans effort")
	assert.Error(t, err, "With changed the original")
	_, err = SevenPointEaseLabels.With(map[string]int{"Agree": 5})
	assert.ErrorIs(t, err, ErrLabels, "a label given another point")
}

// Point never panics, and whatever it accepts is on the scale.
func FuzzLabelsPoint(f *testing.F) {
	for _, s := range []string{"Tout à fait d'accord", "7", "Pas d’accord", "\xff", "-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, answer string) {
		p, err := SevenPointEaseLabels.Point(answer)
		if err == nil && (p < 1 || p > 7) {
			t.Fatalf("Point(%q) = %d, off the scale", answer, p)
		}
		if err != nil && !errors.Is(err, ErrUnknownLabel) && !errors.Is(err, ErrScoreOutOfRange) {
			t.Fatalf("Point(%q) err = %v", answer, err)
		}
	})
}
