package row

import (
	"fmt"
	"strings"
	"time"
)

// maxTimeCell bounds the length of a time cell, so that no layout is
// tried on a long text.
const maxTimeCell = 64

// Time reads a time cell in the first of the Format's layouts that fits
// and returns it in Format.Location. It fails with ErrTime for an empty
// cell, a cell no layout reads, or a time outside the plausible window
// (Earliest, Latest), saying which.
func (f *Format) Time(s string) (time.Time, error) {
	s = trim(s)
	if s == "" {
		return time.Time{}, fmt.Errorf("%w: empty", ErrTime)
	}
	if len(s) > maxTimeCell {
		return time.Time{}, fmt.Errorf("%w: %d characters, longer than any time", ErrTime, len(s))
	}
	loc := f.location()
	t, ok := f.parseTime(s, loc)
	if !ok {
		return time.Time{}, fmt.Errorf("%w: %q is not a time in %s", ErrTime, s, f.layoutNames())
	}
	return f.inWindow(s, t, loc)
}

// inWindow checks t against the plausible window and returns it in loc.
func (f *Format) inWindow(s string, t time.Time, loc *time.Location) (time.Time, error) {
	if f.Earliest.IsZero() && f.Latest.IsZero() {
		// The default window, by the second.
		if u := t.Unix(); u >= DefaultEarliest.Unix() && u < DefaultLatest.Unix() {
			if loc == time.UTC {
				return t.UTC(), nil
			}
			return t.In(loc), nil
		}
	}
	if lo := f.earliest(); t.Before(lo) {
		return time.Time{}, fmt.Errorf("%w: %q is before the plausible window, which starts %s (Format.Earliest)", ErrTime, s, lo.Format(time.DateOnly))
	}
	if hi := f.latest(); !t.Before(hi) {
		return time.Time{}, fmt.Errorf("%w: %q is after the plausible window, which ends before %s (Format.Latest)", ErrTime, s, hi.Format(time.DateOnly))
	}
	return t.In(loc), nil
}

func (f *Format) parseTime(s string, loc *time.Location) (time.Time, bool) {
	if len(f.Times) == 0 {
		return parseISO(s, loc)
	}
	for _, l := range f.Times {
		var t time.Time
		var ok bool
		switch l {
		case ISO, time.RFC3339, time.RFC3339Nano, time.DateTime, time.DateOnly:
			// The ISO reader reads these layouts and their neighbours,
			// without package time's allocations.
			t, ok = parseISO(s, loc)
		case UnixSeconds:
			t, ok = parseUnix(s, false)
		case UnixMillis:
			t, ok = parseUnix(s, true)
		default:
			var err error
			t, err = time.ParseInLocation(l, s, loc)
			ok = err == nil
		}
		if ok {
			return t, true
		}
	}
	return time.Time{}, false
}

func (f *Format) layoutNames() string {
	if len(f.Times) == 0 {
		return "the layout " + ISO
	}
	if len(f.Times) == 1 {
		return fmt.Sprintf("the layout %q", f.Times[0])
	}
	q := make([]string, len(f.Times))
	for i, l := range f.Times {
		q[i] = fmt.Sprintf("%q", l)
	}
	return "the layouts " + strings.Join(q, ", ")
}

// digits returns the value of s, all ASCII digits, or −1.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return -1
		}
		n = 10*n + int(c)
	}
	return n
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// parseISO reads YYYY-MM-DD, then optionally [T ]HH:MM[:SS[.fraction]]
// (or H:MM, a one-digit hour)
// and a zone (Z, ±HH:MM, ±HHMM, ±HH, UTC). Without a zone the time is in
// loc.
func parseISO(s string, loc *time.Location) (time.Time, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	y, mo, d := digits(s[0:4]), digits(s[5:7]), digits(s[8:10])
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysIn(mo, y) {
		return time.Time{}, false
	}
	h, mi, sec, ns := 0, 0, 0, 0
	rest := s[10:]
	if rest != "" {
		// A run of spaces is one space, and the hour has two digits or
		// one, as package time reads them and as spreadsheets and
		// fixed-width exports write them (2025-03-14  9:30:00).
		for len(rest) > 1 && rest[0] == ' ' && rest[1] == ' ' {
			rest = rest[1:]
		}
		hl := 2
		if len(rest) > 2 && rest[2] == ':' {
			hl = 1
		}
		if c := rest[0]; c != 'T' && c != ' ' && c != 't' || len(rest) < 4+hl || rest[1+hl] != ':' {
			return time.Time{}, false
		}
		h, mi = digits(rest[1:1+hl]), digits(rest[2+hl:4+hl])
		if h < 0 || h > 23 || mi < 0 || mi > 59 {
			return time.Time{}, false
		}
		rest = rest[4+hl:]
	}
	if len(rest) >= 3 && rest[0] == ':' {
		if sec = digits(rest[1:3]); sec < 0 || sec > 59 {
			return time.Time{}, false
		}
		rest = rest[3:]
		if len(rest) > 0 && (rest[0] == '.' || rest[0] == ',') {
			i := 1
			for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
				i++
			}
			if i == 1 || i > 10 {
				return time.Time{}, false
			}
			ns = digits(rest[1:i])
			for k := i; k < 10; k++ {
				ns *= 10
			}
			rest = rest[i:]
		}
	}
	off := 0
	if rest == "" {
		if loc != time.UTC {
			return time.Date(y, time.Month(mo), d, h, mi, sec, ns, loc), true
		}
	} else {
		var ok bool
		if off, ok = parseZone(rest); !ok {
			return time.Time{}, false
		}
	}
	// In UTC or at a given offset: the instant by arithmetic, without
	// time.Date's normalisations.
	unix := civilDays(y, mo, d)*86400 + int64(3600*h+60*mi+sec) - int64(off)
	return time.Unix(unix, int64(ns)).UTC(), true
}

// civilDays returns the days from 1970-01-01 to y-m-d in the proleptic
// Gregorian calendar (Howard Hinnant's days_from_civil).
func civilDays(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// parseZone reads Z, UTC (after an optional space), ±HH:MM, ±HHMM or ±HH
// and returns the offset east of UTC in seconds.
func parseZone(z string) (int, bool) {
	switch z {
	case "Z", "z", "UTC", " UTC", "GMT", " GMT":
		return 0, true
	}
	if z[0] == ' ' {
		z = z[1:]
	}
	if len(z) < 3 || (z[0] != '+' && z[0] != '-') {
		return 0, false
	}
	h, m := digits(z[1:3]), 0
	switch {
	case len(z) == 3:
	case len(z) == 5:
		m = digits(z[3:5])
	case len(z) == 6 && z[3] == ':':
		m = digits(z[4:6])
	default:
		return 0, false
	}
	if h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, false
	}
	off := 3600*h + 60*m
	if z[0] == '-' {
		off = -off
	}
	return off, true
}

// parseUnix reads seconds (with an optional fraction) or whole
// milliseconds since the Unix epoch. At most 12 digits of seconds or 15
// of milliseconds, beyond any plausible time.
func parseUnix(s string, millis bool) (time.Time, bool) {
	whole, frac, dot := strings.Cut(s, ".")
	if millis && dot {
		return time.Time{}, false
	}
	limit := 12
	if millis {
		limit = 15
	}
	if whole == "" || len(whole) > limit || len(frac) > 9 || dot && frac == "" {
		return time.Time{}, false
	}
	n := digits(whole)
	if n < 0 {
		return time.Time{}, false
	}
	if millis {
		return time.UnixMilli(int64(n)).UTC(), true
	}
	ns := 0
	if dot {
		if ns = digits(frac); ns < 0 {
			return time.Time{}, false
		}
		for k := len(frac); k < 9; k++ {
			ns *= 10
		}
	}
	return time.Unix(int64(n), int64(ns)).UTC(), true
}
