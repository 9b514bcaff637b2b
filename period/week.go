package period

import (
	"fmt"
	"time"
)

// weekdays are the days of an ISO week, Monday first.
var weekdays = [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

// HourOfWeek is an hour of the week, the unit of a weekly arrival
// pattern: 0 is Monday 00:00–01:00, 167 Sunday 23:00–24:00.
type HourOfWeek uint8

// HourOfWeekOf returns the hour of the week of t in loc (nil means UTC),
// by the local clock.
func HourOfWeekOf(t time.Time, loc *time.Location) HourOfWeek {
	t = in(t, loc)
	return HourOfWeek(24*isoWeekday(t) + t.Hour())
}

// Weekday returns the hour's day of the week.
func (h HourOfWeek) Weekday() time.Weekday { return time.Weekday((int(h)/24 + 1) % 7) }

// Hour returns the hour of the day, 0 to 23.
func (h HourOfWeek) Hour() int { return int(h) % 24 }

// Valid reports whether h is an hour of the week, 0 to 167.
func (h HourOfWeek) Valid() bool { return h < 168 }

// String returns e.g. "Fri 09:00".
func (h HourOfWeek) String() string {
	if !h.Valid() {
		return fmt.Sprintf("hour-of-week(%d)", uint8(h))
	}
	return fmt.Sprintf("%s %02d:00", weekdays[h/24], h%24)
}

// MarshalText returns the String; an invalid hour fails.
func (h HourOfWeek) MarshalText() ([]byte, error) {
	if !h.Valid() {
		return nil, fmt.Errorf("period: hour of the week %d is not in 0–167", uint8(h))
	}
	return []byte(h.String()), nil
}

// UnmarshalText reads "Fri 09:00"; on error h is unchanged.
func (h *HourOfWeek) UnmarshalText(b []byte) error {
	day, hh, mm, ok := parseWeekClock(string(b))
	if !ok || mm != 0 {
		return fmt.Errorf("period: hour of the week %q: want e.g. Fri 09:00", b)
	}
	*h = HourOfWeek(24*day + hh)
	return nil
}

// HalfHourOfWeek is a half-hour of the week, the interval of contact-
// centre forecasts: 0 is Monday 00:00–00:30, 335 Sunday 23:30–24:00.
type HalfHourOfWeek uint16

// HalfHourOfWeekOf returns the half-hour of the week of t in loc (nil
// means UTC), by the local clock.
func HalfHourOfWeekOf(t time.Time, loc *time.Location) HalfHourOfWeek {
	t = in(t, loc)
	return HalfHourOfWeek(48*isoWeekday(t) + 2*t.Hour() + t.Minute()/30)
}

// Weekday returns the half-hour's day of the week.
func (h HalfHourOfWeek) Weekday() time.Weekday { return time.Weekday((int(h)/48 + 1) % 7) }

// Clock returns the half-hour's start on the clock: hour and minute (0
// or 30).
func (h HalfHourOfWeek) Clock() (hour, minute int) { return int(h) % 48 / 2, int(h) % 2 * 30 }

// Hour returns the hour of the week the half-hour is in.
func (h HalfHourOfWeek) Hour() HourOfWeek { return HourOfWeek(h / 2) }

// Valid reports whether h is a half-hour of the week, 0 to 335.
func (h HalfHourOfWeek) Valid() bool { return h < 336 }

// String returns e.g. "Fri 09:30".
func (h HalfHourOfWeek) String() string {
	if !h.Valid() {
		return fmt.Sprintf("half-hour-of-week(%d)", uint16(h))
	}
	hh, mm := h.Clock()
	return fmt.Sprintf("%s %02d:%02d", weekdays[h/48], hh, mm)
}

// MarshalText returns the String; an invalid half-hour fails.
func (h HalfHourOfWeek) MarshalText() ([]byte, error) {
	if !h.Valid() {
		return nil, fmt.Errorf("period: half-hour of the week %d is not in 0–335", uint16(h))
	}
	return []byte(h.String()), nil
}

// UnmarshalText reads "Fri 09:30"; on error h is unchanged.
func (h *HalfHourOfWeek) UnmarshalText(b []byte) error {
	day, hh, mm, ok := parseWeekClock(string(b))
	if !ok || mm != 0 && mm != 30 {
		return fmt.Errorf("period: half-hour of the week %q: want e.g. Fri 09:30", b)
	}
	*h = HalfHourOfWeek(48*day + 2*hh + mm/30)
	return nil
}

// isoWeekday returns 0 for Monday … 6 for Sunday.
func isoWeekday(t time.Time) int { return (int(t.Weekday()) + 6) % 7 }

// parseWeekClock reads "Mon 09:30".
func parseWeekClock(s string) (day, hour, minute int, ok bool) {
	if len(s) != 9 || s[3] != ' ' || s[6] != ':' {
		return 0, 0, 0, false
	}
	day = -1
	for i, d := range weekdays {
		if s[:3] == d {
			day = i
		}
	}
	hour, minute = two(s[4:6]), two(s[7:9])
	return day, hour, minute, day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
}

// two reads two digits, or returns −1.
func two(s string) int {
	if s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return -1
	}
	return int(s[0]-'0')*10 + int(s[1]-'0')
}
