package hours

import (
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/rapportkit/rapport/period"
)

// MaxDays bounds the days Between and Add walk: 100 years of 365.25
// days. A longer span is ErrSpan, never a long loop.
const MaxDays = 36525

// MaxDates bounds the holidays and exceptions of a calendar.
const MaxDates = 1 << 16

// Calendar is a business calendar: weekly opening hours, holidays and
// exceptions, in a location. It is immutable once made by New, and safe
// for concurrent use. The zero Calendar is open at no time in UTC.
type Calendar struct {
	loc  *time.Location
	week Week
	// days holds the dates whose hours are not the week's: a holiday has
	// no spans (nil), an exception its own.
	days map[period.Day][]Span
}

// New returns the calendar of the week's opening hours in loc, closed on
// the holidays, and open on each exception's date during its spans only
// (instead of the week's: an exception with no spans is a holiday).
//
// It checks every day (ErrHours: spans within 0–24h, in whole seconds,
// forward, not overlapping, at most MaxSpans a day), every date
// (ErrDate: a day of years 1–9999; a day both a holiday and an
// exception; at most MaxDates of them), and loc (ErrLocation: not nil,
// and loadable by its name, so that an encoding can name it: "UTC" or an
// IANA name such as "Europe/Paris", not time.Local or a time.FixedZone).
func New(loc *time.Location, week Week, holidays []period.Day, exceptions map[period.Day]Spans) (*Calendar, error) {
	if loc == nil {
		return nil, fmt.Errorf("%w: nil", ErrLocation)
	}
	if loc != time.UTC {
		l, err := load(loc.String())
		if err != nil {
			return nil, fmt.Errorf("%w: %q cannot be loaded by its name", ErrLocation, loc.String())
		}
		loc = l
	}
	if len(holidays)+len(exceptions) > MaxDates {
		return nil, fmt.Errorf("%w: %d holidays and exceptions, at most %d", ErrDate, len(holidays)+len(exceptions), MaxDates)
	}
	c := &Calendar{loc: loc, days: make(map[period.Day][]Span, len(holidays)+len(exceptions))}
	for wd, spans := range week {
		s, err := checkDay(spans, time.Weekday(wd).String())
		if err != nil {
			return nil, err
		}
		c.week[wd] = s
	}
	for _, d := range holidays {
		if !validDay(d) {
			return nil, fmt.Errorf("%w: holiday %v", ErrDate, d)
		}
		c.days[d] = nil
	}
	for _, d := range slices.Sorted(maps.Keys(exceptions)) {
		if !validDay(d) {
			return nil, fmt.Errorf("%w: exception %v", ErrDate, d)
		}
		if _, dup := c.days[d]; dup {
			return nil, fmt.Errorf("%w: %v is both a holiday and an exception", ErrDate, d)
		}
		s, err := checkDay(exceptions[d], "exception "+d.String())
		if err != nil {
			return nil, err
		}
		c.days[d] = s
	}
	return c, nil
}

// locations caches the locations loaded by name: the IANA database is
// read from disk once a zone, not once a decoded calendar.
var locations sync.Map // name → *time.Location

// load returns the location of an IANA name or "UTC", never time.Local.
func load(name string) (*time.Location, error) {
	if l, ok := locations.Load(name); ok {
		return l.(*time.Location), nil
	}
	if name == "Local" || name == "" {
		return nil, fmt.Errorf("%w: %q", ErrLocation, name)
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	locations.Store(name, l)
	return l, nil
}

// Location returns the calendar's location.
func (c *Calendar) Location() *time.Location {
	if c.loc == nil {
		return time.UTC
	}
	return c.loc
}

// spans returns the opening hours of day d.
func (c *Calendar) spans(d period.Day) []Span {
	if s, ok := c.days[d]; ok {
		return s
	}
	return c.week[d.Weekday()]
}

// IsOpen reports whether the calendar is open at t: within a span of t's
// date in the calendar's location.
func (c *Calendar) IsOpen(t time.Time) bool {
	loc := c.Location()
	d := period.DayOf(t, loc)
	for _, s := range c.spans(d) {
		if !t.Before(at(d, s.From, loc)) && t.Before(at(d, s.To, loc)) {
			return true
		}
	}
	return false
}

// walk returns the local days of a and b and checks a ≤ b at most
// MaxDays apart.
func (c *Calendar) walk(a, b time.Time) (period.Day, period.Day, error) {
	if a.IsZero() || b.IsZero() {
		return 0, 0, fmt.Errorf("%w: zero time", ErrTime)
	}
	if b.Before(a) {
		return 0, 0, fmt.Errorf("%w: %v before %v", ErrTime, b, a)
	}
	loc := c.Location()
	da, db := period.DayOf(a, loc), period.DayOf(b, loc)
	if int(db-da) > MaxDays {
		return 0, 0, fmt.Errorf("%w: %v to %v is more than %d days", ErrSpan, da, db, MaxDays)
	}
	return da, db, nil
}

// Between returns the open time from a to b: the length of the part of
// [a, b) that falls within opening hours, walking the local dates of the
// span one by one (so a day when the clocks change has its true length).
// It fails with ErrTime if b is before a or either is zero, and with
// ErrSpan if they are more than MaxDays days apart.
func (c *Calendar) Between(a, b time.Time) (time.Duration, error) {
	da, db, err := c.walk(a, b)
	if err != nil {
		return 0, err
	}
	a, b = a.Round(0), b.Round(0) // wall clocks only
	var open time.Duration
	end := b.Sub(a) // times are offsets from a: at most MaxDays + 1 days
	for w := c.walker(da, a); ; w.next() {
		for _, s := range c.spans(w.d) {
			from, to := max(w.at(s.From), 0), min(w.at(s.To), end)
			if to > from {
				open += to - from
			}
		}
		if w.d == db {
			return open, nil
		}
	}
}

// walker turns the wall-clock times of consecutive days into instants,
// as offsets from an origin instant. On a steady day (no change of the
// clocks from its midnight to the next) an instant is the midnight plus
// the time of day, and the next midnight 24 hours later, so a walk
// through a zone's period costs one time.Date, not one a span; other days
// read each time with at.
type walker struct {
	loc      *time.Location
	origin   time.Time
	d        period.Day
	midnight time.Duration // from the origin
	end      time.Time     // the end of the zone's period holding midnight; zero for none
	steady   bool
}

// walker returns a walker at day d, measuring from origin, a time within
// MaxDays + 1 days of every day it walks to.
func (c *Calendar) walker(d period.Day, origin time.Time) walker {
	w := walker{loc: c.Location(), origin: origin, d: d}
	w.settle()
	return w
}

// settle reads the midnight of w.d and whether the day is steady: the
// zone's period holding midnight began before it (so midnight exists
// and is not a change) and ends after the next one.
func (w *walker) settle() {
	y, m, dd := w.d.Date()
	midnight := time.Date(y, m, dd, 0, 0, 0, 0, w.loc)
	var start time.Time
	start, w.end = midnight.ZoneBounds()
	w.midnight = midnight.Sub(w.origin)
	w.steady = (start.IsZero() || start.Before(midnight)) && (w.end.IsZero() || w.end.After(midnight.Add(day)))
}

// next moves the walker to the next day.
func (w *walker) next() {
	w.d++
	if w.steady && (w.end.IsZero() || w.end.Sub(w.origin) > w.midnight+2*day) {
		w.midnight += day
		return
	}
	w.settle()
}

// at returns the instant of wall-clock time off on the walker's day, as
// an offset from the origin.
func (w *walker) at(off time.Duration) time.Duration {
	if w.steady {
		return w.midnight + off
	}
	return at(w.d, off, w.loc).Sub(w.origin)
}

// Add returns the instant at which open time d has passed since t: t
// itself for d = 0, otherwise the end of the d-th stretch of opening
// hours from t (the close of a span, if d ends exactly there). It fails
// with ErrDuration for a negative d, ErrTime for a zero t, and ErrSpan if
// the calendar does not open for d within MaxDays days of t.
func (c *Calendar) Add(t time.Time, d time.Duration) (time.Time, error) {
	switch {
	case d < 0:
		return time.Time{}, fmt.Errorf("%w: Add of %v", ErrDuration, d)
	case t.IsZero():
		return time.Time{}, fmt.Errorf("%w: zero time", ErrTime)
	case d == 0:
		return t, nil
	}
	t = t.Round(0) // the wall clock only
	w := c.walker(period.DayOf(t, c.Location()), t)
	for range MaxDays + 1 {
		for _, s := range c.spans(w.d) {
			from, to := max(w.at(s.From), 0), w.at(s.To)
			if to <= from {
				continue
			}
			if left := to - from; d <= left {
				return t.Add(from + d), nil
			}
			d -= to - from
		}
		w.next()
	}
	return time.Time{}, fmt.Errorf("%w: not open for the time asked within %d days of %v", ErrSpan, MaxDays, t)
}

// Equal reports whether c and o are the same calendar: the same
// location, week, holidays and exceptions.
func (c *Calendar) Equal(o *Calendar) bool {
	if c == nil || o == nil {
		return c == o
	}
	if c.Location().String() != o.Location().String() || len(c.days) != len(o.days) {
		return false
	}
	for wd := range c.week {
		if !slices.Equal(c.week[wd], o.week[wd]) {
			return false
		}
	}
	for d, s := range c.days {
		t, ok := o.days[d]
		if !ok || !slices.Equal(s, t) {
			return false
		}
	}
	return true
}
