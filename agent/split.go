package agent

import (
	"iter"
	"time"

	"github.com/rapportkit/rapport/period"
)

// SplitDays returns the intervals of a sequence cut at every midnight in
// loc (nil means UTC), so that a TallyBy keyed by day (period.DayOf of
// the start) adds each day's own hours: 22:00–02:00 becomes 22:00–00:00
// and 00:00–02:00. A day is the local calendar day, 23 or 25 hours long
// when the clocks change. An OnContact interval's contacts stay on its
// first part, the day it started. Intervals that are not valid pass
// through whole, for the consumer to reject (the positions its errors
// name then count parts). An interval yields one part per day it
// touches: at most 106,752 for the longest a Duration holds.
func SplitDays(intervals iter.Seq[Interval], loc *time.Location) iter.Seq[Interval] {
	return func(yield func(Interval) bool) {
		for iv := range intervals {
			if iv.Validate() != nil {
				if !yield(iv) {
					return
				}
				continue
			}
			for {
				next := period.DayOf(iv.Start, loc).Add(1).Start(loc)
				if !next.After(iv.Start) || !next.Before(iv.End) {
					break
				}
				part := iv
				part.End = next
				if !yield(part) {
					return
				}
				iv.Start, iv.Contacts = next, 0
			}
			if !yield(iv) {
				return
			}
		}
	}
}
