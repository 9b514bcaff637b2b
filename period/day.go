package period

import (
	"fmt"
	"time"
)

// Day is a calendar day: the days since 0001-01-01, whose Day is 0.
type Day int32

// epochDay is the Day of 1970-01-01.
const epochDay = 719162

// DayOf returns the day of t in loc (nil means UTC).
func DayOf(t time.Time, loc *time.Location) Day {
	y, m, d := in(t, loc).Date()
	return DateDay(y, m, d)
}

// DateDay returns the day y-m-d; out-of-range months and days normalise
// as in time.Date (2025-02-30 is 2025-03-02).
func DateDay(y int, m time.Month, d int) Day {
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	return Day(floorDiv(u, 86400) + epochDay)
}

// Date returns the day's year, month and day of the month.
func (d Day) Date() (int, time.Month, int) { return d.utc().Date() }

// Weekday returns the day of the week.
func (d Day) Weekday() time.Weekday { return time.Weekday((int(d) + 1) % 7) } // 0001-01-01 was a Monday

// Start returns the first instant of the day in loc (nil means UTC).
func (d Day) Start(loc *time.Location) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, orUTC(loc))
}

// Add returns the day n days later (earlier for a negative n).
func (d Day) Add(n int) Day { return d + Day(n) }

func (d Day) utc() time.Time { return time.Unix((int64(d)-epochDay)*86400, 0).UTC() }

// String returns the day as 2006-01-02.
func (d Day) String() string {
	if y, _, _ := d.Date(); y < 1 || y > 9999 {
		return fmt.Sprintf("day(%d)", int32(d))
	}
	return d.utc().Format(time.DateOnly)
}

// MarshalText returns the day as 2006-01-02; a day outside the years
// 1–9999 fails.
func (d Day) MarshalText() ([]byte, error) {
	if y, _, _ := d.Date(); y < 1 || y > 9999 {
		return nil, fmt.Errorf("period: day %d is outside the years 1–9999", int32(d))
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads 2006-01-02; on error d is unchanged.
func (d *Day) UnmarshalText(b []byte) error {
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return fmt.Errorf("period: day %q: want 2006-01-02", b)
	}
	*d = DayOf(t, time.UTC)
	return nil
}

// Week is an ISO 8601 week, Monday to Sunday: the weeks since the week
// of 0001-01-01 (a Monday), whose Week is 0. Its year is the ISO year,
// the year of its Thursday: 2024-12-30 is in 2025-W01.
type Week int32

// WeekOf returns the ISO week of t in loc (nil means UTC).
func WeekOf(t time.Time, loc *time.Location) Week {
	return DayOf(t, loc).Week()
}

// ISOWeek returns the week whose ISO year and number are given; numbers
// past the year's last week run into the next year.
func ISOWeek(year, week int) Week {
	// The week of January 4 is week 1.
	return DateDay(year, time.January, 4).Week() + Week(week-1)
}

// Week returns the ISO week of the day.
func (d Day) Week() Week { return Week(floorDiv(int64(d), 7)) }

// Monday returns the week's first day.
func (w Week) Monday() Day { return Day(7 * int64(w)) }

// ISO returns the week's ISO year and number (1–53).
func (w Week) ISO() (year, week int) { return w.Monday().utc().ISOWeek() }

// Start returns the first instant of the week (its Monday) in loc.
func (w Week) Start(loc *time.Location) time.Time { return w.Monday().Start(loc) }

// Add returns the week n weeks later.
func (w Week) Add(n int) Week { return w + Week(n) }

// String returns the week as 2006-W01.
func (w Week) String() string {
	y, n := w.ISO()
	if y < 1 || y > 9999 {
		return fmt.Sprintf("week(%d)", int32(w))
	}
	return fmt.Sprintf("%04d-W%02d", y, n)
}

// MarshalText returns the week as 2006-W01; a week outside the years
// 1–9999 fails.
func (w Week) MarshalText() ([]byte, error) {
	if y, _ := w.ISO(); y < 1 || y > 9999 {
		return nil, fmt.Errorf("period: week %d is outside the years 1–9999", int32(w))
	}
	return []byte(w.String()), nil
}

// UnmarshalText reads 2006-W01 (weeks 01 to the year's last, 52 or 53);
// on error w is unchanged.
func (w *Week) UnmarshalText(b []byte) error {
	var y, n int
	if len(b) != 8 || b[4] != '-' || b[5] != 'W' {
		return fmt.Errorf("period: week %q: want 2006-W01", b)
	}
	if _, err := fmt.Sscanf(string(b), "%04d-W%02d", &y, &n); err != nil || y < 1 || n < 1 {
		return fmt.Errorf("period: week %q: want 2006-W01", b)
	}
	v := ISOWeek(y, n)
	if yy, nn := v.ISO(); yy != y || nn != n {
		return fmt.Errorf("period: week %q: %d has no week %d", b, y, n)
	}
	*w = v
	return nil
}

func orUTC(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}

func in(t time.Time, loc *time.Location) time.Time { return t.In(orUTC(loc)) }

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
