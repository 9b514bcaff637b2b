package period

import (
	"fmt"
	"time"
)

// Month is a month with its year: 12·year + month − 1, so that January
// 2025 follows December 2024. Month(0) is January of year 0.
type Month int32

// MonthOf returns the month of t in loc (nil means UTC).
func MonthOf(t time.Time, loc *time.Location) Month {
	y, m, _ := in(t, loc).Date()
	return YearMonth(y, m)
}

// YearMonth returns the month m of year y; months past December run into
// the next years (YearMonth(2025, 13) is January 2026).
func YearMonth(y int, m time.Month) Month { return Month(12*y + int(m) - 1) }

// Year returns the month's year.
func (m Month) Year() int { return int(floorDiv(int64(m), 12)) }

// Month returns the month of the year.
func (m Month) Month() time.Month { return time.Month(int64(m)-12*int64(m.Year())) + 1 }

// Quarter returns the quarter the month is in.
func (m Month) Quarter() Quarter { return Quarter(floorDiv(int64(m), 3)) }

// Start returns the first instant of the month in loc (nil means UTC).
func (m Month) Start(loc *time.Location) time.Time {
	return time.Date(m.Year(), m.Month(), 1, 0, 0, 0, 0, orUTC(loc))
}

// Add returns the month n months later.
func (m Month) Add(n int) Month { return m + Month(n) }

// String returns the month as 2006-01.
func (m Month) String() string {
	if y := m.Year(); y < 1 || y > 9999 {
		return fmt.Sprintf("month(%d)", int32(m))
	}
	return fmt.Sprintf("%04d-%02d", m.Year(), int(m.Month()))
}

// MarshalText returns the month as 2006-01; a month outside the years
// 1–9999 fails.
func (m Month) MarshalText() ([]byte, error) {
	if y := m.Year(); y < 1 || y > 9999 {
		return nil, fmt.Errorf("period: month %d is outside the years 1–9999", int32(m))
	}
	return []byte(m.String()), nil
}

// UnmarshalText reads 2006-01; on error m is unchanged.
func (m *Month) UnmarshalText(b []byte) error {
	t, err := time.Parse("2006-01", string(b))
	if err != nil {
		return fmt.Errorf("period: month %q: want 2006-01", b)
	}
	*m = MonthOf(t, time.UTC)
	return nil
}

// Quarter is a quarter with its year: 4·year + quarter − 1.
type Quarter int32

// QuarterOf returns the quarter of t in loc (nil means UTC).
func QuarterOf(t time.Time, loc *time.Location) Quarter { return MonthOf(t, loc).Quarter() }

// YearQuarter returns quarter q (1–4) of year y.
func YearQuarter(y, q int) Quarter { return Quarter(4*y + q - 1) }

// Year returns the quarter's year.
func (q Quarter) Year() int { return int(floorDiv(int64(q), 4)) }

// Number returns the quarter of the year, 1 to 4.
func (q Quarter) Number() int { return int(int64(q)-4*int64(q.Year())) + 1 }

// FirstMonth returns the quarter's first month.
func (q Quarter) FirstMonth() Month { return Month(3 * int64(q)) }

// Start returns the first instant of the quarter in loc (nil means UTC).
func (q Quarter) Start(loc *time.Location) time.Time { return q.FirstMonth().Start(loc) }

// Add returns the quarter n quarters later.
func (q Quarter) Add(n int) Quarter { return q + Quarter(n) }

// String returns the quarter as 2006-Q1.
func (q Quarter) String() string {
	if y := q.Year(); y < 1 || y > 9999 {
		return fmt.Sprintf("quarter(%d)", int32(q))
	}
	return fmt.Sprintf("%04d-Q%d", q.Year(), q.Number())
}

// MarshalText returns the quarter as 2006-Q1; a quarter outside the
// years 1–9999 fails.
func (q Quarter) MarshalText() ([]byte, error) {
	if y := q.Year(); y < 1 || y > 9999 {
		return nil, fmt.Errorf("period: quarter %d is outside the years 1–9999", int32(q))
	}
	return []byte(q.String()), nil
}

// UnmarshalText reads 2006-Q1; on error q is unchanged.
func (q *Quarter) UnmarshalText(b []byte) error {
	if len(b) != 7 || b[4] != '-' || b[5] != 'Q' || b[6] < '1' || b[6] > '4' {
		return fmt.Errorf("period: quarter %q: want 2006-Q1", b)
	}
	var y Year
	if err := y.UnmarshalText(b[:4]); err != nil {
		return fmt.Errorf("period: quarter %q: want 2006-Q1", b)
	}
	*q = YearQuarter(int(y), int(b[6]-'0'))
	return nil
}

// Year is a calendar year.
type Year int32

// YearOf returns the year of t in loc (nil means UTC).
func YearOf(t time.Time, loc *time.Location) Year { return Year(in(t, loc).Year()) }

// Start returns the first instant of the year in loc (nil means UTC).
func (y Year) Start(loc *time.Location) time.Time {
	return time.Date(int(y), time.January, 1, 0, 0, 0, 0, orUTC(loc))
}

// String returns the year as 2006.
func (y Year) String() string {
	if y < 1 || y > 9999 {
		return fmt.Sprintf("year(%d)", int32(y))
	}
	return fmt.Sprintf("%04d", int32(y))
}

// MarshalText returns the year as 2006; a year outside 1–9999 fails.
func (y Year) MarshalText() ([]byte, error) {
	if y < 1 || y > 9999 {
		return nil, fmt.Errorf("period: year %d is outside 1–9999", int32(y))
	}
	return []byte(y.String()), nil
}

// UnmarshalText reads a year of four digits; on error y is unchanged.
func (y *Year) UnmarshalText(b []byte) error {
	v := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			v = -1
			break
		}
		v = 10*v + int(c-'0')
	}
	if len(b) != 4 || v < 1 {
		return fmt.Errorf("period: year %q: want four digits, 0001 to 9999", b)
	}
	*y = Year(v)
	return nil
}
