package agent

import (
	"fmt"
	"iter"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// sequence checks that each agent's intervals come in order without
// overlapping: it keeps the end of every agent's last interval.
type sequence map[string]*time.Time

// check validates iv and rejects it if it starts before the end of its
// agent's previous interval; otherwise it remembers its end.
func (q sequence) check(iv Interval) error {
	if err := iv.Validate(); err != nil {
		return err
	}
	return q.follow(iv)
}

// follow is check for a valid interval.
func (q sequence) follow(iv Interval) error {
	end := q[iv.Agent]
	if end == nil {
		e := iv.End // escapes here only: one allocation per agent
		q[iv.Agent] = &e
		return nil
	}
	if err := follows(iv, *end); err != nil {
		return err
	}
	*end = iv.End
	return nil
}

// follows reports ErrOverlap if iv starts before end, the end of its
// agent's previous interval.
func follows(iv Interval, end time.Time) error {
	if iv.Start.Before(end) {
		return fmt.Errorf("%w: agent %q: %s interval from %s starts before the previous one ends at %s",
			ErrOverlap, iv.Agent, iv.State, iv.Start.Format(time.RFC3339Nano), end.Format(time.RFC3339Nano))
	}
	return nil
}

// TallyOf tallies a sequence of intervals (slices.Values(intervals) for a
// slice) into one Tally; call Result on it for the reporting view.
//
// Each agent's intervals must come in the order of time, the agents in
// any interleaving (an export sorted by agent, or by time): an interval
// that starts before the end of the same agent's previous one overlaps it
// or is out of order, and stops TallyOf with ErrOverlap. Sort by agent
// and start first if the source is in no order. The first bad interval
// stops it with an error naming its position and agent:
// `agent: interval 14: overlapping or out-of-order interval: agent "a7": …`.
// Memory is one time per agent.
func TallyOf(intervals iter.Seq[Interval]) (*Tally, error) {
	q := make(sequence)
	return group.Of(intervals, "interval", new(Tally), func(t *Tally, iv Interval) error {
		if err := q.check(iv); err != nil {
			return err
		}
		return t.add(iv)
	})
}

// TallyBy tallies intervals in groups chosen by key: the agent
// (func(iv Interval) string { return iv.Agent }), a team (from the
// caller's roster), the day of the start (period.DayOf; mind the time
// zone; an interval goes whole to its key, so cut intervals that span
// midnight with SplitDays first if days must add up to the hour), or any
// combination in a struct key. It
// checks each agent's intervals across all groups, and stops at the first
// bad one, as TallyOf does.
func TallyBy[K comparable](intervals iter.Seq[Interval], key func(Interval) K) (map[K]*Tally, error) {
	q := make(sequence)
	return group.By(intervals, "interval", key, func() *Tally { return new(Tally) }, func(t *Tally, iv Interval) error {
		if err := q.check(iv); err != nil {
			return err
		}
		return t.add(iv)
	})
}
