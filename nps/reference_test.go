package nps

import (
	"testing"

	"github.com/rapportkit/rapport/internal/golden"
	"github.com/stretchr/testify/require"
)

// reference holds the vectors of testdata/reference.json, written by
// testdata/reference.py (its source line says with what).
type reference struct {
	Source    string
	Intervals []struct {
		Name                            string
		Promoters, Passives, Detractors uint64
		Level                           float64
		Wald                            [2]float64
		AdjustedWald                    [2]float64 `json:"adjusted_wald"`
		Tango                           [2]float64
	}
	Variance []struct {
		Name                            string
		Promoters, Passives, Detractors uint64
		Variance                        float64
		StdErr                          float64 `json:"std_err"`
	}
	Compare []struct {
		Name        string
		A, B        [3]uint64
		Level       float64
		Delta, Z, P float64
		StdErr      float64 `json:"std_err"`
		Lo, Hi      float64
	}
	Plan []struct {
		Name                  string
		Promoters, Detractors float64
		Margin, Level         float64
		Population            uint64
		N                     float64 // before rounding up
		Size                  uint64
	}
	Weighted []struct {
		Name         string
		Scores       []int
		Weights      []float64
		Score        float64
		StdErr       float64 `json:"std_err"`
		EffectiveN   float64 `json:"effective_n"`
		Weight       float64
		DesignEffect float64 `json:"design_effect"`
	}
}

func vectors(t testing.TB) reference { return golden.Read[reference](t, "testdata/reference.json") }

// survey is testdata/weighted.json, written by testdata/weighted.R with
// R's survey package.
type survey struct {
	Source string
	Mean   float64
	SE     float64 `json:"se"`
}

// tallyOf builds a standard tally with the given numbers of promoters,
// passives and detractors (scores 10, 8 and 0).
func tallyOf(t testing.TB, p, pas, d uint64) *Tally {
	t.Helper()
	var u Tally
	require.NoError(t, u.AddN(10, p))
	require.NoError(t, u.AddN(8, pas))
	require.NoError(t, u.AddN(0, d))
	return &u
}
