package nps

import (
	"fmt"
	"iter"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// Response is one answer to the likelihood-to-recommend question.
type Response struct {
	Score int `json:"score"`
	// Weight is the survey weight; 0 means unweighted, the same as 1.
	Weight float64   `json:"weight,omitempty"`
	At     time.Time `json:"at"`
}

// weight returns the response's weight, 1 when unset.
func (r Response) weight() float64 {
	if r.Weight == 0 {
		return 1
	}
	return r.Weight
}

// addResponse adds an unweighted response to t.
func (t *Tally) addResponse(r Response) error {
	if w := r.weight(); w != 1 {
		return fmt.Errorf("%w (weight %v): use a Weighted tally", ErrWeighted, w)
	}
	return t.Add(r.Score)
}

// TallyOf tallies responses on scale s (Standard for the usual 0–10
// question). Responses must be unweighted (Weight 0 or 1; use WeightedOf
// otherwise). The first bad response stops it with an error naming its
// position.
func TallyOf(responses iter.Seq[Response], s Scale) (*Tally, error) {
	return group.Of(responses, "response", NewTally(s), (*Tally).addResponse)
}

// TallyBy is TallyOf in groups chosen by key: a segment, a channel, a
// month with its year (key might be func(r Response) period.Month { return
// period.MonthOf(r.At, paris) }; a time.Month key would add January 2025 to
// January 2026).
func TallyBy[K comparable](responses iter.Seq[Response], s Scale, key func(Response) K) (map[K]*Tally, error) {
	return group.By(responses, "response", key, func() *Tally { return NewTally(s) }, (*Tally).addResponse)
}

// WeightedOf tallies weighted responses on scale s, like TallyOf.
func WeightedOf(responses iter.Seq[Response], s Scale) (*Weighted, error) {
	return group.Of(responses, "response", NewWeighted(s), (*Weighted).Add)
}

// WeightedBy is WeightedOf in groups chosen by key, like TallyBy.
func WeightedBy[K comparable](responses iter.Seq[Response], s Scale, key func(Response) K) (map[K]*Weighted, error) {
	return group.By(responses, "response", key, func() *Weighted { return NewWeighted(s) }, (*Weighted).Add)
}
