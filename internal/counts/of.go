package counts

import (
	"fmt"
	"iter"
)

// Of adds every record of seq to acc with add and returns acc. The first
// error stops it, naming the record by noun and position ("response 17:
// …"). It reads each record once and keeps none.
func Of[A, R any](seq iter.Seq[R], noun string, acc A, add func(A, R) error) (A, error) {
	i := 0
	for r := range seq {
		if err := add(acc, r); err != nil {
			var zero A
			return zero, fmt.Errorf("%s %d: %w", noun, i, err)
		}
		i++
	}
	return acc, nil
}
