package forecast

import (
	"fmt"
	"time"
)

// Date is a calendar day, as people write it: the unit of days,
// weekdays and holidays. A Date has no time zone; a series places it in
// its own.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads a date written as 2006-01-02.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("forecast: date %q: %w", s, err)
	}
	return DateOf(t), nil
}

// noon returns the date at noon UTC, where date arithmetic cannot meet a
// clock change.
func (d Date) noon() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// IsValid reports whether the date exists (no 31 April).
func (d Date) IsValid() bool { return DateOf(d.noon()) == d }

// AddDays returns the date n days later (earlier for n < 0).
func (d Date) AddDays(n int) Date { return DateOf(d.noon().AddDate(0, 0, n)) }

// Sub returns the number of days from e to d.
func (d Date) Sub(e Date) int { return int(d.noon().Sub(e.noon()) / (24 * time.Hour)) }

// Compare returns −1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.noon().Compare(e.noon()) }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.noon().Weekday() }

// String returns the date as 2006-01-02.
func (d Date) String() string { return d.noon().Format(time.DateOnly) }

// MarshalText writes the date as 2006-01-02.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a date written as 2006-01-02.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Start returns the first instant of the day in loc: local midnight, or,
// where the clock jumps over midnight (America/Santiago in September),
// the instant of the jump.
func (d Date) Start(loc *time.Location) time.Time {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
	if DateOf(t) != d { // midnight does not exist; Go chose the day before
		if _, end := t.ZoneBounds(); !end.IsZero() {
			return end
		}
	}
	// Where midnight happens twice, take the first.
	if start, _ := t.ZoneBounds(); !start.IsZero() {
		if p := start.Add(-time.Nanosecond); DateOf(p) == d {
			_, off := t.Zone()
			_, prev := p.Zone()
			if e := t.Add(time.Duration(off-prev) * time.Second); DateOf(e) == d && e.Before(t) {
				return e
			}
		}
	}
	return t
}
