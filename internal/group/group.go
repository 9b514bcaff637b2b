// Package group folds a sequence into one accumulator per key: the loop
// behind nps.TallyBy, csat.TallyBy and their kin.
package group

import (
	"fmt"
	"iter"
)

// By adds every item of seq to the accumulator of its key (a pointer), made by fresh
// on first sight. The first error stops it, naming the item by its noun
// and position ("response 17: …").
func By[K comparable, T, A any](seq iter.Seq[T], noun string, key func(T) K, fresh func() A, add func(A, T) error) (map[K]A, error) {
	groups := make(map[K]A)
	i := 0
	for item := range seq {
		k := key(item)
		acc, ok := groups[k]
		if !ok {
			acc = fresh()
			groups[k] = acc
		}
		if err := add(acc, item); err != nil {
			return nil, fmt.Errorf("%s %d: %w", noun, i, err)
		}
		i++
	}
	return groups, nil
}
