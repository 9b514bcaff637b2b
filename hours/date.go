package hours

import (
	"fmt"
	"time"
)

// Date is a calendar day, without a time or a location.
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

// String returns the date as 2006-01-02.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// ParseDate reads a date written 2006-01-02.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%w: %q", ErrDate, s)
	}
	return DateOf(t), nil
}

// valid reports whether d is a real date of years 1–9999.
func (d Date) valid() bool {
	if d.Year < 1 || d.Year > 9999 {
		return false
	}
	return DateOf(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)) == d
}

// next returns the day after d.
func (d Date) next() Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+1, 12, 0, 0, 0, time.UTC))
}

// number returns the days since 0001-01-01 (proleptic Gregorian).
func (d Date) number() int64 {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Unix()/86400 + 719162
}

// weekday returns the day of the week of d.
func (d Date) weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// at returns the instant of the wall-clock time off past midnight of d in
// loc (24h is the next midnight). A wall-clock time that does not exist,
// skipped when the clocks go forward, is the instant they jump: a span
// 02:00–03:00 on the night the clocks go from 02:00 to 03:00 is empty.
func (d Date) at(off time.Duration, loc *time.Location) time.Time {
	sec := int(off / time.Second)
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, sec, 0, loc)
	if loc == time.UTC {
		return t
	}
	want := time.Date(d.Year, d.Month, d.Day, 0, 0, sec, 0, time.UTC)
	y, m, dd := t.Date()
	h, mi, s := t.Clock()
	if time.Date(y, m, dd, h, mi, s, 0, time.UTC).Before(want) { // in a gap: time.Date went back
		if _, end := t.ZoneBounds(); !end.IsZero() {
			return end
		}
	}
	return t
}

// compare orders dates.
func (d Date) compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return d.Year - e.Year
	case d.Month != e.Month:
		return int(d.Month) - int(e.Month)
	}
	return d.Day - e.Day
}
