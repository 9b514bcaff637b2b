package main

import (
	"fmt"
	"time"

	"github.com/rapportkit/rapport/period"
)

// window is the reported span: the calendar months in UTC up to the as-of
// date, which the report knows everything before. When the as-of date is
// not the first of a month, the last month is partial: it runs from its
// first day to the day before the as-of date, and its label says so.
type window struct {
	from, to time.Time // [from, to): to is the as-of date
	months   []period.Month
	partial  bool
}

func newWindow(asOf time.Time, n int) window {
	last := period.MonthOf(asOf.Add(-time.Nanosecond), time.UTC) // the month of the last instant known
	first := last.Add(1 - n)
	w := window{from: first.Start(time.UTC), to: asOf, partial: last.Add(1).Start(time.UTC).After(asOf)}
	for m := first; m <= last; m++ {
		w.months = append(w.months, m)
	}
	return w
}

// span returns month i's part of the window: the whole month, or for a
// partial last month its days before the as-of date.
func (w window) span(i int) (from, to time.Time) {
	m := w.months[i]
	from, to = m.Start(time.UTC), m.Add(1).Start(time.UTC)
	if to.After(w.to) {
		to = w.to
	}
	return from, to
}

// label returns month i as "2025-03", with a star for a partial month.
func (w window) label(i int) string {
	if w.partial && i == len(w.months)-1 {
		return w.months[i].String() + "*"
	}
	return w.months[i].String()
}

// contains reports whether t is in the window.
func (w window) contains(t time.Time) bool {
	return !t.Before(w.from) && t.Before(w.to)
}

// partialNote explains the star of a partial month, or is empty.
func (w window) partialNote() string {
	if !w.partial {
		return ""
	}
	last := w.to.Add(-time.Nanosecond)
	return fmt.Sprintf("* %s is partial: it runs from %s to %s, the day before the as-of date", w.months[len(w.months)-1],
		w.months[len(w.months)-1].Start(time.UTC).Format(time.DateOnly), last.Format(time.DateOnly))
}
