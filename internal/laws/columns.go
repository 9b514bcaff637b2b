package laws

import (
	"errors"
	"math/rand/v2"
	"testing"
)

// Columns is what CheckColumns needs of a survey package's grouped
// columnar way in: TallyColumns on a fixed scale of points lo..hi, and
// the tally it must match, built one Add at a time.
type Columns[T comparable] struct {
	Lo, Hi     int
	Tally      func(groups []uint32, scores []uint8, nGroups int) ([]T, error)
	Fresh      func() *T
	Add        func(t *T, score int) error
	ErrScore   error // the package's error for a score off the scale
	ErrColumns error // and for malformed columns
}

// CheckColumns checks that TallyColumns gives each group the tally of
// its rows added one by one (an empty tally to a group without rows), and
// that it rejects a score off the scale, columns of unequal lengths, a
// group not below the number of groups and too many groups, returning
// nothing.
func CheckColumns[T comparable](t *testing.T, c Columns[T]) {
	t.Helper()
	rng := rand.New(rand.NewPCG(18, 3))
	const rows, nGroups = 20000, 37
	groups := make([]uint32, rows)
	scores := make([]uint8, rows)
	want := make([]*T, nGroups)
	for g := range want {
		want[g] = c.Fresh()
	}
	for i := range scores {
		groups[i] = uint32(rng.IntN(nGroups - 1)) // the last group stays empty
		scores[i] = uint8(c.Lo + rng.IntN(c.Hi-c.Lo+1))
		if err := c.Add(want[groups[i]], int(scores[i])); err != nil {
			t.Fatal(err)
		}
	}
	got, err := c.Tally(groups, scores, nGroups)
	if err != nil || len(got) != nGroups {
		t.Fatalf("TallyColumns: %d tallies, %v", len(got), err)
	}
	for g := range got {
		if got[g] != *want[g] {
			t.Fatalf("group %d: %v, want %v", g, got[g], *want[g])
		}
	}
	g3 := []uint32{0, 1, 0}
	for _, bad := range []struct {
		groups  []uint32
		scores  []uint8
		nGroups int
		err     error
	}{
		{g3, []uint8{uint8(c.Lo), uint8(c.Hi), uint8(c.Hi + 1)}, 2, c.ErrScore},
		{g3, []uint8{uint8(c.Lo), uint8(c.Hi)}, 2, c.ErrColumns},
		{g3, []uint8{uint8(c.Lo), uint8(c.Hi), uint8(c.Lo)}, 1, c.ErrColumns},
		{g3, []uint8{uint8(c.Lo), uint8(c.Hi), uint8(c.Lo)}, 1 << 21, c.ErrColumns},
	} {
		got, err := c.Tally(bad.groups, bad.scores, bad.nGroups)
		if !errors.Is(err, bad.err) || got != nil {
			t.Errorf("%v %v %d: %v, %v; want %v", bad.groups, bad.scores, bad.nGroups, got, err, bad.err)
		}
	}
}
