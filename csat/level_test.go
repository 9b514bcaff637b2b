package csat

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLevels(t *testing.T) {
	for _, c := range []struct {
		share float64
		want  Level
	}{{1, VeryGood}, {0.81, VeryGood}, {0.80, Good}, {0.75, Good}, {0.70, Fair}, {0.65, Fair}, {0.60, Poor}, {0, Poor}} {
		got, err := DefaultLevels.Classify(c.share)
		require.NoError(t, err)
		assert.Equal(t, c.want, got, "Classify(%v)", c.share)
	}
	// 80 of 100 is not "above 80 %"; 81 of 100 is.
	for _, c := range []struct {
		satisfied uint64
		want      Level
	}{{80, Good}, {81, VeryGood}, {70, Fair}, {60, Poor}} {
		l, ok, err := tallyOf(t, FivePoint, 100-c.satisfied, 0, 0, c.satisfied, 0).Level(DefaultLevels)
		require.NoError(t, err)
		assert.True(t, ok)
		assert.Equal(t, c.want, l, "%d of 100", c.satisfied)
	}
	strict := Levels{Fair: 0.7, Good: 0.85, VeryGood: 0.9}
	l, _ := strict.Classify(0.88)
	assert.Equal(t, Good, l)
	for _, bad := range []Levels{{Fair: 0.9, Good: 0.8, VeryGood: 0.95}, {VeryGood: 1.5}, {Fair: -0.1}, {Fair: math.NaN()}} {
		_, err := bad.Classify(0.5)
		assert.ErrorIs(t, err, ErrBenchmark, "%+v", bad)
	}
	for _, share := range []float64{-0.1, 85, math.NaN()} {
		_, err := DefaultLevels.Classify(share)
		assert.ErrorIs(t, err, ErrBenchmark, "share %v", share)
	}
	_, _, err := (&Tally{}).Level(Levels{Fair: 2})
	assert.ErrorIs(t, err, ErrBenchmark, "an empty tally still checks the thresholds")
}

// Thresholds and shares compare as the decimals they are written as: a
// share just above seven tenths is above a threshold of 0.7, though no
// float64 lies between them.
func TestLevelsExact(t *testing.T) {
	// 7·10¹⁶ + 1 of 10¹⁷ rounds to the float64 0.7, yet is above 0.7.
	u := tallyOf(t, Binary, 3e16-1, 7e16+1)
	l, _, err := u.Level(Levels{Fair: 0.6, Good: 0.7, VeryGood: 0.8})
	require.NoError(t, err)
	assert.Equal(t, Good, l)
	// Exactly seven tenths is not above 0.7.
	l, _, _ = tallyOf(t, Binary, 3, 7).Level(Levels{Fair: 0.6, Good: 0.7, VeryGood: 0.8})
	assert.Equal(t, Fair, l)
	// 0.1 + 0.2 in float64 is 0.30000000000000004, above the decimal 0.3.
	tenth, fifth := 0.1, 0.2
	l, _ = Levels{Fair: 0.3, Good: 0.5, VeryGood: 0.9}.Classify(tenth + fifth)
	assert.Equal(t, Fair, l)
}

func TestLevelText(t *testing.T) {
	for l := Poor; l <= VeryGood; l++ {
		b, err := l.MarshalText()
		require.NoError(t, err)
		var back Level
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, l, back)
	}
	assert.Equal(t, "very good", VeryGood.String())
	assert.Equal(t, "invalid level", Level(7).String())
	_, err := Level(7).MarshalText()
	assert.ErrorIs(t, err, ErrBenchmark)
	var l Level
	assert.ErrorIs(t, l.UnmarshalText([]byte("excellent")), ErrBenchmark)
}
