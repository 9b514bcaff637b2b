package ces

import (
	"iter"

	"github.com/rapportkit/rapport/internal/counts"
	"github.com/rapportkit/rapport/internal/group"
)

// Response is one answer to an effort or ease question: its Score, the
// Channel (or touchpoint: phone, chat, store …) it rates and the time At
// it was given, with the JSON keys score, channel (omitted when empty)
// and at.
type Response = counts.Response

// TallyBy tallies responses on scale s in groups chosen by key: a channel
// (func(r Response) string { return r.Channel }), a month, a segment.
// The first bad response stops it with an error naming its position.
// Rank orders the groups it returns.
func TallyBy[K comparable](responses iter.Seq[Response], s Scale, key func(Response) K) (map[K]*Tally, error) {
	return group.By(responses, "response", key, func() *Tally { return NewTally(s) }, (*Tally).addResponse)
}

// TallyOf tallies responses on scale s, like TallyBy in a single group.
func TallyOf(responses iter.Seq[Response], s Scale) (*Tally, error) {
	return group.Of(responses, "response", NewTally(s), (*Tally).addResponse)
}

func (t *Tally) addResponse(r Response) error { return t.Add(r.Score) }
