package csat

import (
	"testing"

	"github.com/rapportkit/rapport/internal/golden"
	"github.com/stretchr/testify/require"
)

// fromR holds testdata/reference_r.json, written by testdata/reference.R.
type fromR struct {
	Source  string
	Moments []struct {
		Name     string
		Counts   []uint64
		Mean, SD float64
	}
	Intervals []struct {
		Name             string
		Satisfied, N     uint64
		Level            float64
		Wilson, Jeffreys [2]float64
		ClopperPearson   [2]float64 `json:"clopper_pearson"`
	}
	Compare []struct {
		Name        string
		A, B        [2]uint64
		Delta, Z, P float64
	}
}

// fromPython holds testdata/reference_py.json, written by
// testdata/reference.py with statsmodels.
type fromPython struct {
	Source    string
	Intervals []struct {
		Name         string
		Satisfied, N uint64
		Level        float64
		AgrestiCoull [2]float64 `json:"agresti_coull"`
		Wald         [2]float64
	}
	Compare []struct {
		Name   string
		A, B   [2]uint64
		Level  float64
		Lo, Hi float64
	}
}

func goldenR(t testing.TB) fromR { return golden.Read[fromR](t, "testdata/reference_r.json") }

func goldenPython(t testing.TB) fromPython {
	return golden.Read[fromPython](t, "testdata/reference_py.json")
}

// tallyOf builds a tally on s with counts[i] responses of score Min+i.
func tallyOf(t testing.TB, s Scale, counts ...uint64) *Tally {
	t.Helper()
	u := NewTally(s)
	for i, c := range counts {
		require.NoError(t, u.AddN(s.Min()+i, c))
	}
	return u
}
