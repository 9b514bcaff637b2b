package operations

import (
	"iter"

	"github.com/rapportkit/rapport/internal/group"
)

// TallyOf tallies a sequence of contacts (slices.Values(contacts) for a
// slice) into one Tally; call Result on it for the reporting view. FCR
// comes from the contacts' FCR statuses (see MarkFCR). The first invalid
// contact stops it with an error naming its position and ID:
// `operations: record 14: invalid time: contact "zz": answered contact
// without an answer time`.
func TallyOf(contacts iter.Seq[Contact]) (*Tally, error) {
	return group.Of(contacts, "record", new(Tally), (*Tally).Add)
}

// TallyBy tallies contacts in groups chosen by key: a channel
// (func(c Contact) Channel { return c.Channel }), a queue, an agent, a day
// or month of arrival (mind the time zone), or any combination in a struct
// key. The first invalid contact stops it with an error naming its
// position and ID, as TallyOf does.
func TallyBy[K comparable](contacts iter.Seq[Contact], key func(Contact) K) (map[K]*Tally, error) {
	return group.By(contacts, "record", key, func() *Tally { return new(Tally) }, (*Tally).Add)
}
