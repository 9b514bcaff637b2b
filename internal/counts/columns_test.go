package counts

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oneByOne is the reference of Columns: each row added on its own.
func oneByOne(s scale, groups []uint32, scores []uint8, nGroups int) ([]Tally[scale], error) {
	tallies := make([]Tally[scale], nGroups)
	for g := range tallies {
		tallies[g] = New(s)
	}
	for i, v := range scores {
		if err := tallies[groups[i]].AddN(&testKind, s.min, s.max, int(v), 1); err != nil {
			return nil, err
		}
	}
	return tallies, nil
}

func id(t Tally[scale]) Tally[scale] { return t }

func TestColumnsMatchesAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, s := range []scale{{0, 10}, {1, 5}, {-3, 3}, {250, 255}} {
		for _, c := range []struct{ rows, groups int }{{0, 0}, {0, 3}, {1, 1}, {1000, 7}, {50000, 1000}} {
			groups := make([]uint32, c.rows)
			scores := make([]uint8, c.rows)
			for i := range scores {
				groups[i] = uint32(rng.IntN(c.groups))
				// Negative points of a scale have no byte: draw from its
				// non-negative part.
				scores[i] = uint8(max(s.min, 0) + rng.IntN(s.max-max(s.min, 0)+1))
			}
			want, err := oneByOne(s, groups, scores, c.groups)
			require.NoError(t, err)
			got, err := Columns(&testKind, s, groups, scores, c.groups, id)
			require.NoError(t, err)
			assert.Equal(t, want, got, "%v %+v", s, c)
		}
	}
}

func TestColumnsRejects(t *testing.T) {
	s := scale{1, 5}
	groups := []uint32{0, 1, 2, 1}
	scores := []uint8{1, 5, 3, 2}
	for _, c := range []struct {
		name    string
		groups  []uint32
		scores  []uint8
		nGroups int
		err     error
		msg     string
	}{
		{"lengths", groups[:3], scores, 3, errColumns, "test: columns: 3 groups for 4 scores"},
		{"negative groups", groups, scores, -1, errColumns, "test: columns: -1 groups not in 0..1048576"},
		{"too many groups", groups, scores, MaxGroups + 1, errColumns, "test: columns: 1048577 groups not in 0..1048576"},
		{"group", groups, scores, 2, errColumns, "test: row 2: columns: group 2 not below 2"},
		{"no groups", groups, scores, 0, errColumns, "test: row 0: columns: group 0 not below 0"},
		{"score above", groups, []uint8{1, 5, 6, 2}, 3, errScore, "test: row 2: score: 6 not in 1..5"},
		{"score below", groups, []uint8{1, 0, 6, 2}, 3, errScore, "test: row 1: score: 0 not in 1..5"},
		{"score far above", groups, []uint8{1, 5, 3, 255}, 3, errScore, "test: row 3: score: 255 not in 1..5"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Columns(&testKind, s, c.groups, c.scores, c.nGroups, id)
			assert.Nil(t, got)
			assert.ErrorIs(t, err, c.err)
			assert.EqualError(t, err, c.msg)
		})
	}
}

func FuzzColumns(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3}, []byte{1, 5, 3, 2}, uint8(3))
	f.Add([]byte{9}, []byte{0}, uint8(0))
	f.Fuzz(func(t *testing.T, g, scores []byte, nGroups uint8) {
		s := scale{1, 5}
		groups := make([]uint32, len(g))
		for i, v := range g {
			groups[i] = uint32(v)
		}
		got, err := Columns(&testKind, s, groups, scores, int(nGroups), id)
		ok := len(g) == len(scores)
		for i := 0; ok && i < len(g); i++ {
			ok = int(g[i]) < int(nGroups) && scores[i] >= 1 && scores[i] <= 5
		}
		if !ok {
			require.Error(t, err)
			require.Nil(t, got)
			return
		}
		require.NoError(t, err)
		want, err := oneByOne(s, groups, scores, int(nGroups))
		require.NoError(t, err)
		require.Equal(t, want, got)
	})
}
