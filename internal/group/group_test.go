package group

import (
	"errors"
	"slices"
	"testing"
)

func TestBy(t *testing.T) {
	sums, err := By(slices.Values([]int{1, 2, 3, 4, 5}), "number", func(n int) bool { return n%2 == 0 },
		func() *int { return new(int) }, func(s *int, n int) error { *s += n; return nil })
	if err != nil || *sums[true] != 6 || *sums[false] != 9 {
		t.Fatalf("%v %v", sums, err)
	}
	bad := errors.New("bad")
	_, err = By(slices.Values([]int{1, 2, -3}), "number", func(int) int { return 0 },
		func() *int { return new(int) }, func(s *int, n int) error {
			if n < 0 {
				return bad
			}
			return nil
		})
	if !errors.Is(err, bad) || err.Error() != "number 2: bad" {
		t.Errorf("err = %v", err)
	}
}
