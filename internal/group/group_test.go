package group

import (
	"errors"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errBad = errors.New("pkg: bad number")

func add(s *int, n int) error {
	if n < 0 {
		return errBad
	}
	*s += n
	return nil
}

func TestBy(t *testing.T) {
	sums, err := By(slices.Values([]int{1, 2, 3, 4, 5}), "number", func(n int) bool { return n%2 == 0 },
		func() *int { return new(int) }, add)
	require.NoError(t, err)
	assert.Equal(t, 6, *sums[true])
	assert.Equal(t, 9, *sums[false])

	_, err = By(slices.Values([]int{1, 2, -3}), "number", func(int) int { return 0 }, func() *int { return new(int) }, add)
	assert.ErrorIs(t, err, errBad)
	assert.EqualError(t, err, "pkg: number 2: bad number")
}

// Runs of one key take the cached accumulator; a key seen before the run
// of another gets its own back.
func TestByRuns(t *testing.T) {
	items := []int{1, 1, 2, 2, 2, 1, 3, 1, 1}
	counts, err := By(slices.Values(items), "number", func(n int) int { return n },
		func() *int { return new(int) }, func(c *int, _ int) error { *c++; return nil })
	require.NoError(t, err)
	assert.Equal(t, map[int]int{1: 5, 2: 3, 3: 1}, map[int]int{1: *counts[1], 2: *counts[2], 3: *counts[3]})
	assert.Len(t, counts, 3)
}

func TestOf(t *testing.T) {
	sum, err := Of(slices.Values([]int{1, 2, 3}), "number", new(int), add)
	require.NoError(t, err)
	assert.Equal(t, 6, *sum)
	sum, err = Of(slices.Values([]int{1, -2}), "number", new(int), add)
	assert.Nil(t, sum)
	assert.ErrorIs(t, err, errBad)
	assert.EqualError(t, err, "pkg: number 1: bad number")
}

func TestAt(t *testing.T) {
	for _, c := range []struct{ name, err, want string }{
		{"package first", "nps: score out of range: 11", "nps: response 3: score out of range: 11"},
		{"no package", "score out of range", "response 3: score out of range"},
		{"a phrase is not a package", "bad score: 11", "response 3: bad score: 11"},
		{"a quoted id is not a package", `"C1": duplicate`, `response 3: "C1": duplicate`},
	} {
		t.Run(c.name, func(t *testing.T) {
			base := errors.New(c.err)
			err := At("response", 3, base)
			assert.EqualError(t, err, c.want)
			assert.ErrorIs(t, err, base)
		})
	}
}
