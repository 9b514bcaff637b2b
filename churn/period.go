package churn

import (
	"fmt"
	"time"
)

// Period is the half-open time interval [From, To). Every count in this
// package assigns an event at instant t to the period with From ≤ t < To,
// so consecutive periods neither overlap nor leave gaps.
type Period struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// NewPeriod returns [from, to), or an error wrapping ErrPeriod unless to
// is after from.
func NewPeriod(from, to time.Time) (Period, error) {
	p := Period{From: from, To: to}
	return p, p.Validate()
}

// Validate reports an error wrapping ErrPeriod unless To is after From.
func (p Period) Validate() error {
	if !p.To.After(p.From) {
		return fmt.Errorf("%w: [%s, %s) is empty", ErrPeriod, p.From.Format(time.RFC3339), p.To.Format(time.RFC3339))
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

// Calendar cuts time into consecutive calendar periods of a whole number
// of months, aligned on January 1 in Location: monthly, quarterly
// (January, April, July, October) or yearly. Its zero value is monthly in
// UTC. The arithmetic is on calendar dates, never on fixed durations, so
// a month is 28 to 31 days and a period boundary is midnight local time.
type Calendar struct {
	// Months per period: 1 (the zero value means 1), 3, 12...; a period
	// starts on a month m with (m − 1) mod Months = 0.
	Months int
	// Location of the calendar; nil means UTC.
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

// Validate reports an error wrapping ErrCalendar unless the number of
// months divides a year (1, 2, 3, 4, 6, 12) or is a multiple of one.
func (c Calendar) Validate() error {
	m := c.months()
	if m < 1 || (12%m != 0 && m%12 != 0) {
		return fmt.Errorf("%w: %d months per period", ErrCalendar, c.Months)
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

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
