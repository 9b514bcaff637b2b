package csat

import (
	"iter"

	"github.com/rapportkit/rapport/internal/counts"
	"github.com/rapportkit/rapport/internal/group"
)

// Response is one answer to a satisfaction question: its Score, the
// Channel (or touchpoint: phone, chat, store …) it rates and the time At
// it was given, with the JSON keys score, channel (omitted when empty)
// and at.
type Response = counts.Response

// addResponse adds a response's score to t.
func (t *Tally) addResponse(r Response) error { return t.Add(r.Score) }

// TallyOf tallies responses on scale s. The first bad response stops it
// with an error naming its position.
func TallyOf(responses iter.Seq[Response], s Scale) (*Tally, error) {
	return group.Of(responses, "response", NewTally(s), (*Tally).addResponse)
}

// TallyBy is TallyOf in groups chosen by key: a channel
// (func(r Response) string { return r.Channel }), a month, a segment.
func TallyBy[K comparable](responses iter.Seq[Response], s Scale, key func(Response) K) (map[K]*Tally, error) {
	return group.By(responses, "response", key, func() *Tally { return NewTally(s) }, (*Tally).addResponse)
}
