package churn

import (
	"fmt"
	"time"
)

// The plausible window of every time the package takes: customers'
// starts, ends, contract ends and renewals, revenue dates, period bounds
// and as-of dates. It is 250 years wide, so that no difference of two
// times in it saturates time.Duration (about 292 years) and no lifetime is
// silently clipped.
var (
	minTime = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(2150, 1, 1, 0, 0, 0, 0, time.UTC)
)

// MaxLifetime is the longest duration the package accepts (a lifetime, a
// rounding unit): the width of the plausible window, from 1900-01-01 to
// 2150-01-01, 91 311 days.
const MaxLifetime = 91311 * 24 * time.Hour

// MaxPeriods bounds every series, table and horizon the package builds
// from its input: the periods of FlowSeries and Ledger.Movements, the
// columns of a cohort table, the periods of an sBG projection or cohort.
// It is a century of months.
const MaxPeriods = 1200

// MaxCalendarMonths is the longest calendar period, a decade.
const MaxCalendarMonths = 120

// checkTime reports ErrTime for a zero time or one outside the plausible
// window, naming what it is.
func checkTime(what string, t time.Time) error {
	if t.IsZero() {
		return fmt.Errorf("%w: %s missing", ErrTime, what)
	}
	if t.Before(minTime) || t.After(maxTime) {
		return fmt.Errorf("%w: %s %s outside [1900-01-01, 2150-01-01]", ErrTime, what, t.Format(time.RFC3339))
	}
	return nil
}

// Period is the half-open time interval [From, To). Every count in this
// package assigns an event at instant t to the period with From ≤ t < To,
// so consecutive periods neither overlap nor leave gaps.
type Period struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// NewPeriod returns [from, to), or an error wrapping ErrPeriod unless to
// is after from, or ErrTime for a bound outside the plausible window.
func NewPeriod(from, to time.Time) (Period, error) {
	p := Period{From: from, To: to}
	return p, p.Validate()
}

// Validate reports an error wrapping ErrTime for a bound that is zero or
// outside [1900-01-01, 2150-01-01], or ErrPeriod unless To is after From.
func (p Period) Validate() error {
	if err := checkTime("period start", p.From); err != nil {
		return err
	}
	if err := checkTime("period end", p.To); err != nil {
		return err
	}
	if !p.To.After(p.From) {
		return fmt.Errorf("%w: %v is empty", ErrPeriod, p)
	}
	return nil
}

// Contains reports whether From ≤ t < To.
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.From) && t.Before(p.To)
}

// Duration returns To − From.
func (p Period) Duration() time.Duration { return p.To.Sub(p.From) }

// Equal reports whether two periods have the same instants (in any
// location).
func (p Period) Equal(q Period) bool { return p.From.Equal(q.From) && p.To.Equal(q.To) }

// String formats the period as "[2026-01-01T00:00:00Z, 2026-02-01T00:00:00Z)".
func (p Period) String() string {
	return "[" + p.From.Format(time.RFC3339) + ", " + p.To.Format(time.RFC3339) + ")"
}

// utc returns the period with both bounds in UTC, without a monotonic
// clock reading: the form accumulators keep, so that equal periods encode
// alike.
func (p Period) utc() Period { return Period{From: p.From.UTC(), To: p.To.UTC()} }

// Calendar cuts time into consecutive calendar periods of a whole number
// of months, aligned on January 1 in Location: monthly, quarterly
// (January, April, July, October) or yearly. Its zero value is monthly in
// UTC. The arithmetic is on calendar dates, never on fixed durations, so
// a month is 28 to 31 days and a period boundary is midnight local time.
type Calendar struct {
	// Months per period: 1 (the zero value means 1), 2, 3, 4, 6, or a
	// multiple of 12 up to MaxCalendarMonths; a period starts on a month m
	// with (m − 1) mod Months = 0.
	Months int
	// Location of the calendar; nil means UTC. It must be UTC, a fixed
	// zone (time.FixedZone, within ±18 hours) or an IANA zone that
	// time.LoadLocation finds by its name, so that the calendar can be
	// written down and read back; time.Local, which differs between
	// machines, is refused.
	Location *time.Location
}

// Calendars in UTC.
var (
	Monthly   = Calendar{Months: 1}
	Quarterly = Calendar{Months: 3}
	Yearly    = Calendar{Months: 12}
)

func (c Calendar) months() int {
	if c.Months == 0 {
		return 1
	}
	return c.Months
}

func (c Calendar) loc() *time.Location {
	if c.Location == nil {
		return time.UTC
	}
	return c.Location
}

// normal returns the calendar with its defaults written out: the form
// accumulators keep.
func (c Calendar) normal() Calendar { return Calendar{Months: c.months(), Location: c.loc()} }

// Validate reports an error wrapping ErrPeriod unless the number of
// months divides a year (1, 2, 3, 4, 6, 12) or is a multiple of 12 up to
// MaxCalendarMonths, and the location can be written down (see Location).
func (c Calendar) Validate() error {
	m := c.months()
	if m < 1 || m > MaxCalendarMonths || (12%m != 0 && m%12 != 0) {
		return fmt.Errorf("%w: calendar of %d months per period (want 1, 2, 3, 4, 6 or a multiple of 12 up to %d)", ErrPeriod, c.Months, MaxCalendarMonths)
	}
	if _, err := zoneOf(c.loc()).location(); err != nil {
		return fmt.Errorf("%w: calendar location: %v", ErrPeriod, err)
	}
	return nil
}

// Index returns the number of the period containing t, counted from the
// period starting in January of year 0; consecutive periods have
// consecutive numbers.
func (c Calendar) Index(t time.Time) int {
	t = t.In(c.loc())
	return floorDiv(t.Year()*12+int(t.Month())-1, c.months())
}

// Start returns the first instant of period i.
func (c Calendar) Start(i int) time.Time {
	m := i * c.months()
	y := floorDiv(m, 12)
	return time.Date(y, time.Month(m-12*y+1), 1, 0, 0, 0, 0, c.loc())
}

// Period returns period i.
func (c Calendar) Period(i int) Period {
	return Period{From: c.Start(i), To: c.Start(i + 1)}
}

// PeriodOf returns the period containing t.
func (c Calendar) PeriodOf(t time.Time) Period {
	return c.Period(c.Index(t))
}

// String returns e.g. "monthly (UTC)", "quarterly (Europe/Paris)" or
// "24-month (UTC)".
func (c Calendar) String() string {
	name := map[int]string{1: "monthly", 3: "quarterly", 12: "yearly"}[c.months()]
	if name == "" {
		name = fmt.Sprintf("%d-month", c.months())
	}
	return name + " (" + c.loc().String() + ")"
}

// equal reports whether two calendars cut time alike and encode alike.
func (c Calendar) equal(d Calendar) bool {
	return c.months() == d.months() && zoneOf(c.loc()) == zoneOf(d.loc())
}

// span returns the numbers of the periods containing first and last,
// checking both times and that there are at most MaxPeriods periods from
// the one to the other.
func (c Calendar) span(first, last time.Time) (i0, i1 int, err error) {
	if err := checkTime("first", first); err != nil {
		return 0, 0, err
	}
	if err := checkTime("last", last); err != nil {
		return 0, 0, err
	}
	i0, i1 = c.Index(first), c.Index(last)
	switch {
	case i1 < i0:
		return 0, 0, fmt.Errorf("%w: last %s before first %s", ErrPeriod, last.Format(time.RFC3339), first.Format(time.RFC3339))
	case i1-i0 >= MaxPeriods:
		return 0, 0, fmt.Errorf("%w: %d periods from %s to %s, more than %d", ErrPeriod, i1-i0+1,
			first.Format(time.DateOnly), last.Format(time.DateOnly), MaxPeriods)
	}
	return i0, i1, nil
}

// label names the period starting at t: "2025" for years, "2025-Q1" for
// quarters, "2025-01" otherwise.
func (c Calendar) label(t time.Time) string {
	switch c.months() {
	case 12:
		return t.Format("2006")
	case 3:
		return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())+2)/3)
	}
	return t.Format("2006-01")
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// zone is a location as the encodings write it: an IANA name, or a fixed
// offset east of UTC with its name.
type zone struct {
	name   string
	fixed  bool
	offset int // seconds, when fixed
}

// maxOffset bounds a fixed zone's offset: ±18 hours, as in ISO 8601.
const maxOffset = 18 * 3600

// zoneOf describes loc. A location with no transition at all (a
// time.FixedZone, Etc/GMT+5) is fixed; UTC is written by its name.
func zoneOf(loc *time.Location) zone {
	if loc == time.UTC {
		return zone{name: "UTC"}
	}
	t := time.Date(2000, 1, 1, 0, 0, 0, 0, loc)
	if start, end := t.ZoneBounds(); start.IsZero() && end.IsZero() && loc != time.Local {
		_, offset := t.Zone()
		if loc.String() == "UTC" && offset == 0 {
			return zone{name: "UTC"} // time.FixedZone("UTC", 0) is UTC
		}
		return zone{name: loc.String(), fixed: true, offset: offset}
	}
	return zone{name: loc.String()}
}

// location returns the location z describes, or an error if it cannot be
// read back by name.
func (z zone) location() (*time.Location, error) {
	switch {
	case z.fixed && (z.offset < -maxOffset || z.offset > maxOffset):
		return nil, fmt.Errorf("fixed offset of %d seconds is beyond ±18 hours", z.offset)
	case z.fixed:
		return time.FixedZone(z.name, z.offset), nil
	case z.name == "UTC":
		return time.UTC, nil
	case z.name == "Local":
		return nil, fmt.Errorf("the machine's local time differs between machines: name the zone")
	}
	loc, err := time.LoadLocation(z.name)
	if err != nil {
		return nil, fmt.Errorf("zone %q does not load by name: %v", z.name, err)
	}
	return loc, nil
}
