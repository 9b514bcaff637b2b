package operations

import (
	"iter"
	"strconv"
	"strings"
)

// TallyOf tallies a sequence of contacts (slices.Values(contacts) for a
// slice) into one Tally; call Result on it for the reporting view. FCR
// comes from the contacts' FCR statuses (see MarkFCR). The first invalid
// contact stops it with an error naming its position and ID:
// `operations: record 14: invalid time: contact "zz": answered contact
// without an answer time`.
func TallyOf(contacts iter.Seq[Contact]) (*Tally, error) {
	t := new(Tally)
	i := 0
	for c := range contacts {
		if err := t.Add(c); err != nil {
			return nil, atRecord(i, err)
		}
		i++
	}
	return t, nil
}

// TallyBy tallies contacts in groups chosen by key: a channel
// (func(c Contact) Channel { return c.Channel }), a queue, an agent, a day
// or month of arrival (mind the time zone), or any combination in a struct
// key. The first invalid contact stops it with an error naming its
// position and ID, as TallyOf does.
func TallyBy[K comparable](contacts iter.Seq[Contact], key func(Contact) K) (map[K]*Tally, error) {
	groups := make(map[K]*Tally)
	i := 0
	for c := range contacts {
		k := key(c)
		t, ok := groups[k]
		if !ok {
			t = new(Tally)
			groups[k] = t
		}
		if err := t.Add(c); err != nil {
			return nil, atRecord(i, err)
		}
		i++
	}
	return groups, nil
}

// recordError places an error in a sequence of contacts, keeping the
// message's start with the package's name.
type recordError struct {
	i   int
	err error
}

func atRecord(i int, err error) error { return &recordError{i, err} }

func (e *recordError) Error() string {
	return "operations: record " + strconv.Itoa(e.i) + ": " + strings.TrimPrefix(e.err.Error(), "operations: ")
}

func (e *recordError) Unwrap() error { return e.err }
