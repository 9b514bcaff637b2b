package nps

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

// TallyColumns gives each group the tally TallyBy gives its key.
func TestTallyColumnsMatchesTallyBy(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 3))
	const rows, nGroups = 20000, 37
	groups := make([]uint32, rows)
	scores := make([]uint8, rows)
	type row struct {
		g int
		r Response
	}
	rs := make([]row, rows)
	for i := range scores {
		groups[i] = uint32(rng.IntN(nGroups - 1)) // the last group stays empty
		scores[i] = uint8(0 + rng.IntN(10-0+1))
		rs[i] = row{int(groups[i]), Response{Score: int(scores[i])}}
	}
	got, err := TallyColumns(groups, scores, Standard, nGroups)
	if err != nil {
		t.Fatal(err)
	}
	seq := func(yield func(Response) bool) {
		for _, r := range rs {
			if !yield(r.r) {
				return
			}
		}
	}
	i := -1
	want, err := TallyBy(seq, Standard, func(Response) int { i++; return rs[i].g })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != nGroups || len(want) != nGroups-1 {
		t.Fatalf("%d and %d groups", len(got), len(want))
	}
	for g := range got {
		w, ok := want[g]
		if !ok {
			w = NewTally(Standard)
		}
		if got[g] != *w {
			t.Fatalf("group %d: %v, want %v", g, got[g], *w)
		}
	}
}

func TestTallyColumnsRejects(t *testing.T) {
	groups := []uint32{0, 1, 0}
	for _, c := range []struct {
		groups  []uint32
		scores  []uint8
		nGroups int
		err     error
	}{
		{groups, []uint8{0, 10, 10 + 1}, 2, ErrScoreOutOfRange},
		{groups, []uint8{0, 10}, 2, ErrColumns},
		{groups, []uint8{0, 10, 0}, 1, ErrColumns},
		{groups, []uint8{0, 10, 0}, 1 << 21, ErrColumns},
	} {
		got, err := TallyColumns(c.groups, c.scores, Standard, c.nGroups)
		if !errors.Is(err, c.err) || got != nil {
			t.Errorf("%v %v %d: %v, %v; want %v", c.groups, c.scores, c.nGroups, got, err, c.err)
		}
	}
	if got, err := TallyColumns(nil, nil, Standard, 2); err != nil || !slices.Equal(got, []Tally{*NewTally(Standard), *NewTally(Standard)}) {
		t.Errorf("no rows: %v, %v", got, err)
	}
}
