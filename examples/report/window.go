package main

import "time"

// window is the reported span: n calendar months in UTC ending at the
// as-of date's month start.
type window struct {
	from, to time.Time // [from, to)
	months   []time.Time
	labels   []string // "2025-01"
}

func newWindow(asOf time.Time, n int) window {
	to := monthStart(asOf)
	if !asOf.Equal(to) { // a mid-month as-of date reports up to that month
		to = to.AddDate(0, 1, 0)
	}
	w := window{from: to.AddDate(0, -n, 0), to: to}
	for m := w.from; m.Before(to); m = m.AddDate(0, 1, 0) {
		w.months = append(w.months, m)
		w.labels = append(w.labels, m.Format("2006-01"))
	}
	return w
}

// month returns the index of t's month in the window, or ok = false.
func (w window) month(t time.Time) (int, bool) {
	if t.Before(w.from) || !t.Before(w.to) {
		return 0, false
	}
	t = t.UTC()
	return (t.Year()-w.from.Year())*12 + int(t.Month()) - int(w.from.Month()), true
}
