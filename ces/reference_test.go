package ces

import (
	"testing"

	"github.com/rapportkit/rapport/internal/golden"
	"github.com/stretchr/testify/require"
)

// reference holds testdata/reference.json, written by testdata/reference.R.
type reference struct {
	Source    string
	OneSample []struct {
		Name, Scale             string
		Counts                  []uint64
		Level, Mean, SD, Lo, Hi float64
	} `json:"one_sample"`
	Welch []struct {
		Name, Scale            string
		A, B                   []uint64
		Level, Delta, T, DF, P float64
		Lo, Hi                 float64
	}
	Rank []struct {
		Name, Scale string
		Rows        []struct {
			Key            string
			Counts         []uint64
			Mean           float64
			Tested         bool
			T, DF, P, Holm float64
		}
	}
}

func vectors(t testing.TB) reference { return golden.Read[reference](t, "testdata/reference.json") }

// scales names the scales of the reference vectors.
var scales = map[string]Scale{"ease7": SevenPointEase, "effort5": FivePointEffort}

// tallyOf builds a tally on s with counts[i] responses of score Min+i.
func tallyOf(t testing.TB, s Scale, counts ...uint64) *Tally {
	t.Helper()
	u := NewTally(s)
	for i, c := range counts {
		require.NoError(t, u.AddN(s.Min()+i, c))
	}
	return u
}
