// Package group folds a sequence of records into accumulators: one (Of)
// or one per key (By), the loops behind every package's AOf and ABy.
package group

import (
	"iter"
	"strconv"
	"strings"
)

// Of adds every item of seq to acc. The first error stops it, naming the
// item by its noun and position (see At).
func Of[T, A any](seq iter.Seq[T], noun string, acc A, add func(A, T) error) (A, error) {
	i := 0
	for item := range seq {
		if err := add(acc, item); err != nil {
			var zero A
			return zero, At(noun, i, err)
		}
		i++
	}
	return acc, nil
}

// By adds every item of seq to the accumulator of its key (a pointer),
// made by fresh on first sight. The first error stops it, naming the item
// by its noun and position (see At).
//
// An item with the key of the item before it costs one comparison of
// keys (records in runs of one key: by period, sorted by segment); other
// keys are looked up in an Index, cheaper than a map for periods and other
// integers and for interned strings.
func By[K comparable, T, A any](seq iter.Seq[T], noun string, key func(T) K, fresh func() A, add func(A, T) error) (map[K]A, error) {
	ix := NewIndex[K]()
	var (
		accs   []A
		i      = 0
		lastK  K
		last   A
		inLast = false
	)
	for item := range seq {
		if k := key(item); !inLast || k != lastK {
			id := ix.ID(k)
			if id == len(accs) {
				accs = append(accs, fresh())
			}
			lastK, last, inLast = k, accs[id], true
		}
		if err := add(last, item); err != nil {
			return nil, At(noun, i, err)
		}
		i++
	}
	groups := make(map[K]A, len(accs))
	for id, k := range ix.Keys() {
		groups[k] = accs[id]
	}
	return groups, nil
}

// At returns err placed at the item of position i (from 0) of a sequence,
// named by noun. Its message keeps the package's name first, as every
// message of rapport starts: "nps: response 17: score out of range: …"
// for an err reading "nps: score out of range: …". errors.Is and As see
// err.
func At(noun string, i int, err error) error { return &positioned{noun, i, err} }

type positioned struct {
	noun string
	i    int
	err  error
}

func (e *positioned) Error() string {
	at := e.noun + " " + strconv.Itoa(e.i)
	msg := e.err.Error()
	if pkg, rest, ok := strings.Cut(msg, ": "); ok && pkg != "" && !strings.ContainsAny(pkg, " \t\"") {
		return pkg + ": " + at + ": " + rest
	}
	return at + ": " + msg
}

func (e *positioned) Unwrap() error { return e.err }
