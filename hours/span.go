package hours

import (
	"fmt"
	"slices"
	"time"
)

// Span is one period of opening within a day, in wall-clock time from
// local midnight: open from From (inclusive) to To (exclusive), 0 ≤ From
// < To ≤ 24h, in whole seconds. 9:00–17:30 is Span{9 * time.Hour,
// 17*time.Hour + 30*time.Minute}. On a day when the clocks change, a
// span covers the instants between its two wall-clock times: 00:00–24:00
// lasts 23 hours on the day the clocks go forward. A span over midnight
// is two spans, one each day.
type Span struct {
	From time.Duration `json:"from"`
	To   time.Duration `json:"to"`
}

// Spans is the opening hours of one day, in any order; New sorts them.
type Spans []Span

// Week is the opening hours of each day of the week, indexed by
// time.Weekday (Sunday first).
type Week [7]Spans

// MaxSpans is the most spans a day holds (one each quarter of an hour).
const MaxSpans = 96

const day = 24 * time.Hour

// checkDay sorts a copy of spans and checks it: each span forward within
// the day in whole seconds, none overlapping the next (touching is
// allowed: 9–12 and 12–17). what names the day in errors.
func checkDay(spans []Span, what string) ([]Span, error) {
	if len(spans) > MaxSpans {
		return nil, fmt.Errorf("%w: %s: %d spans, at most %d", ErrHours, what, len(spans), MaxSpans)
	}
	out := slices.Clone(spans)
	for _, s := range out {
		switch {
		case s.From%time.Second != 0 || s.To%time.Second != 0:
			return nil, fmt.Errorf("%w: %s: %v–%v not in whole seconds", ErrHours, what, s.From, s.To)
		case s.From < 0 || s.To > day:
			return nil, fmt.Errorf("%w: %s: %v–%v outside 0–24h", ErrHours, what, s.From, s.To)
		case s.From >= s.To:
			return nil, fmt.Errorf("%w: %s: %v–%v runs backwards or is empty", ErrHours, what, s.From, s.To)
		}
	}
	slices.SortFunc(out, func(a, b Span) int { return int((a.From - b.From) / time.Second) })
	for i := 1; i < len(out); i++ {
		if out[i].From < out[i-1].To {
			return nil, fmt.Errorf("%w: %s: %v–%v overlaps %v–%v", ErrHours, what,
				out[i-1].From, out[i-1].To, out[i].From, out[i].To)
		}
	}
	if len(out) == 0 {
		out = nil
	}
	return out, nil
}
