package hours

import (
	"time"

	"github.com/rapportkit/rapport/period"
)

// validDay reports whether d is a day of the years 1–9999.
func validDay(d period.Day) bool {
	y, _, _ := d.Date()
	return y >= 1 && y <= 9999
}

// at returns the instant of the wall-clock time off past midnight of day
// d in loc (24h is the next midnight). A wall-clock time that does not
// exist, skipped when the clocks go forward, is the instant they jump: a
// span 02:00–03:00 on the night the clocks go from 02:00 to 03:00 is
// empty.
func at(d period.Day, off time.Duration, loc *time.Location) time.Time {
	sec := int(off / time.Second)
	y, m, dd := d.Date()
	t := time.Date(y, m, dd, 0, 0, sec, 0, loc)
	if loc == time.UTC {
		return t
	}
	want := time.Date(y, m, dd, 0, 0, sec, 0, time.UTC)
	ty, tm, td := t.Date()
	h, mi, s := t.Clock()
	if time.Date(ty, tm, td, h, mi, s, 0, time.UTC).Before(want) { // in a gap: time.Date went back
		if _, end := t.ZoneBounds(); !end.IsZero() {
			return end
		}
	}
	return t
}
