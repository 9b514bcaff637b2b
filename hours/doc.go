// Package hours is a business calendar: the opening hours of each day of
// the week (several spans a day, 9:00–12:00 and 13:00–17:30), holidays
// and exceptional days, in a time zone, and the time arithmetic that
// service-level targets "in business hours" need.
//
//	c, err := hours.New(paris, week, holidays, exceptions)
//	open, err := c.Between(created, solved) // open time only
//	due, err := c.Add(created, 8*time.Hour) // 8 business hours later
//	c.IsOpen(t)
//
// # Definitions
//
// The calendar is open at instant t when t, read as a wall-clock time in
// the calendar's location, falls in [From, To) of a span of its date:
// the exception's spans if the date is an exception, none if it is a
// holiday, the week's spans for its weekday otherwise.
//
// Between(a, b) is the measure of the open instants of [a, b):
// Σ over the local dates d from a's to b's, Σ over the spans s of d,
// max(0, min(b, d@s.To) − max(a, d@s.From)), where d@x is the instant of
// wall-clock time x on date d. Days are walked as dates in the location,
// never as 24-hour steps, so a span 00:00–24:00 lasts 23 hours on the day
// the clocks go forward and 25 on the day they go back. A wall-clock time
// that does not exist (skipped when the clocks go forward) is the instant
// they jump; one that exists twice is resolved as time.Date resolves it. This is the "business hours" of Zendesk's
// first-reply and resolution times ("calendar hours" being b − a), and
// what pandas' CustomBusinessHour counts.
//
// Add(t, d) is the earliest instant u with Between(t, u) = d (t itself
// for d = 0): when d ends exactly at a close it returns the close, where
// pandas' CustomBusinessHour returns the next opening — the same open
// time.
//
// # Bounds and errors
//
// Opening hours are whole seconds, 0 ≤ From < To ≤ 24h, at most MaxSpans
// a day and not overlapping (ErrHours, naming the weekday or date); a
// span over midnight is written as two. Holidays and exceptions are days
// (period.Day, the module's day key) of years 1–9999, at most MaxDates
// (ErrDate). The location must load again by its name (ErrLocation), so
// that an encoded calendar means the same thing on another machine.
// Between and Add walk at most MaxDays days (100 years): further is
// ErrSpan, never a long loop; times out of order are ErrTime and
// negative durations ErrDuration.
//
// A Calendar has canonical binary and JSON encodings, so that an
// accumulator holding one as a parameter (ticket.Tally) can travel.
//
// # Checks
//
// testdata/reference.py computes 457 reference values independently of
// this code: open minutes counted one by one on a UTC minute grid with
// pandas' time-zone conversion (across both clock changes of 2026–27),
// numpy.busday_count for whole days, and pandas CustomBusinessHour for
// Add.
package hours
