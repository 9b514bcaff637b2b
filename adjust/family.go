package adjust

import (
	"cmp"
	"fmt"
	"slices"
)

// MaxTests is the largest family P and Significant take, 2¹⁸ = 262 144
// p-values, undefined ones included. It bounds their time (n log n to
// sort, and, for Benjamini–Yekutieli, the exact harmonic number a
// p-value on a threshold is decided with) and their memory (a few words
// per p-value).
const MaxTests = 1 << 18

// entry is a defined p-value and its position in the caller's slice.
type entry struct {
	p float64
	i int32
}

// family returns the defined p-values of ps sorted ascending, ties in
// the caller's order, after checking the method and every p-value. fn
// names the caller in messages.
func family(ps []*float64, m Method, fn string) ([]entry, error) {
	if err := m.check(fn); err != nil {
		return nil, err
	}
	if len(ps) > MaxTests {
		return nil, fmt.Errorf("%w: %s got %d, more than MaxTests = %d", ErrOverflow, fn, len(ps), MaxTests)
	}
	n := 0
	for i, p := range ps {
		if p == nil {
			continue
		}
		if !(*p >= 0 && *p <= 1) {
			return nil, fmt.Errorf("%w: %s got p[%d] = %v", ErrPValue, fn, i, *p)
		}
		n++
	}
	f := make([]entry, 0, n)
	for i, p := range ps {
		if p != nil {
			f = append(f, entry{p: *p, i: int32(i)})
		}
	}
	slices.SortFunc(f, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.p, b.p), cmp.Compare(a.i, b.i))
	})
	return f, nil
}
