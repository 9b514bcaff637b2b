package tidy

import (
	"fmt"
	"strconv"
	"time"
)

// periodText writes the period [from, to) the way people name it when it
// is a calendar period, both bounds at midnight on the wall clock of
// their location: a day 2025-03-14, an ISO week 2025-W11, a month
// 2025-03, a quarter 2025-Q1, a year 2025. Any other period is its two
// instants in RFC 3339 joined by "--" (ISO 8601's interval, with the
// separator that needs no escaping).
func periodText(from, to time.Time) string {
	if midnight(from) && midnight(to) {
		y, m, d := from.Date()
		next := func(years, months, days int) bool {
			ty, tm, td := to.Date()
			return time.Date(y+years, m+time.Month(months), d+days, 0, 0, 0, 0, time.UTC).
				Equal(time.Date(ty, tm, td, 0, 0, 0, 0, time.UTC))
		}
		switch {
		case next(0, 0, 1):
			return from.Format(time.DateOnly)
		case from.Weekday() == time.Monday && next(0, 0, 7):
			iy, iw := from.ISOWeek()
			return fmt.Sprintf("%04d-W%02d", iy, iw)
		case d == 1 && next(0, 1, 0):
			return from.Format("2006-01")
		case d == 1 && (m-1)%3 == 0 && next(0, 3, 0):
			return fmt.Sprintf("%04d-Q%d", y, (m-1)/3+1)
		case d == 1 && m == time.January && next(1, 0, 0):
			return strconv.Itoa(y)
		}
	}
	return from.Format(time.RFC3339Nano) + "--" + to.Format(time.RFC3339Nano)
}

func midnight(t time.Time) bool {
	h, m, s := t.Clock()
	return h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0
}

// instantText writes a time as a date when it is midnight on its wall
// clock, else in RFC 3339.
func instantText(t time.Time) string {
	if midnight(t) {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339Nano)
}

// periodOf reads a JSON period object, {"from": …, "to": …} with RFC
// 3339 instants and nothing else, as churn.Period writes it.
func periodOf(n *node) (string, bool) {
	if n.kind != object || len(n.members) != 2 {
		return "", false
	}
	f, okF := n.get("from")
	t, okT := n.get("to")
	if !okF || !okT || f.kind != text || t.kind != text {
		return "", false
	}
	from, err := time.Parse(time.RFC3339Nano, f.text)
	if err != nil {
		return "", false
	}
	to, err := time.Parse(time.RFC3339Nano, t.text)
	if err != nil {
		return "", false
	}
	return periodText(from, to), true
}
