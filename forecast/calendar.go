package forecast

import (
	"fmt"
	"time"
)

// Bounds on the input.
const (
	// MaxIntervals is the most intervals a series holds: 2²⁰, 30 years
	// of 15-minute intervals.
	MaxIntervals = 1 << 20
	// MaxDays is the most days a series or a history window spans.
	MaxDays = 40 * 366
	// MaxHorizon is the most days a forecast looks ahead.
	MaxHorizon = 366
)

// checkInterval validates an interval length: whole minutes dividing a
// day.
func checkInterval(d time.Duration) error {
	if d < time.Minute || d > 24*time.Hour || d%time.Minute != 0 || (24*time.Hour)%d != 0 {
		return fmt.Errorf("%w: %v", ErrInterval, d)
	}
	return nil
}

// day is one local day of a series: its date, the index of its first
// interval, its number of intervals and, on a day whose clock changes,
// the slot of each interval.
type day struct {
	date  Date
	first int
	n     int
	slots []int // nil on a day of 24 hours without a clock change: slot k is interval k
}

// slot returns the time-of-day slot of the day's k-th interval.
func (d *day) slot(k int) int {
	if d.slots == nil {
		return k
	}
	return d.slots[k]
}

// standard reports whether the day has the usual intervals, one per slot.
func (d *day) standard() bool { return d.slots == nil }

// calendar lays out days of intervals of length step in loc.
type calendar struct {
	loc  *time.Location
	step time.Duration
	per  int // intervals (slots) in a day of 24 hours
}

func newCalendar(loc *time.Location, step time.Duration) (calendar, error) {
	if loc == nil {
		return calendar{}, fmt.Errorf("%w: nil", ErrLocation)
	}
	if err := checkInterval(step); err != nil {
		return calendar{}, err
	}
	return calendar{loc: loc, step: step, per: int(24 * time.Hour / step)}, nil
}

// lay returns the day starting at start (d.Start(loc)), whose first
// interval is interval number first of the series, and the start of the
// next day. On a day whose clock changes the intervals are the real
// ones, each step long (46 or 50 half hours on the days of a one-hour
// change); each gets the slot of its start on the local clock, so that
// the two passes of a repeated hour share a slot and the skipped hour's
// slots have no interval. The day fails if its length is not a whole
// number of intervals or an interval does not start on the local grid
// (a clock change that is not a multiple of the interval).
func (c calendar) lay(d Date, start time.Time, first int) (day, time.Time, error) {
	next := d.AddDays(1).Start(c.loc)
	length := next.Sub(start)
	if length <= 0 || length%c.step != 0 {
		return day{}, time.Time{}, fmt.Errorf("%w: %v lasts %v in %v, not a whole number of %v intervals", ErrSeries, d, length, c.loc, c.step)
	}
	dy := day{date: d, first: first, n: int(length / c.step)}
	_, off0 := start.Zone()
	_, off1 := next.Add(-time.Nanosecond).Zone()
	if length == 24*time.Hour && off0 == off1 && onGrid(start, c.step) {
		return dy, next, nil
	}
	dy.slots = make([]int, dy.n)
	for k := range dy.slots {
		t := start.Add(time.Duration(k) * c.step)
		if !onGrid(t, c.step) {
			return day{}, time.Time{}, fmt.Errorf("%w: interval %d of %v starts at %v in %v, not on the %v grid of the local clock", ErrSeries, k, d, t.Format("15:04:05"), c.loc, c.step)
		}
		dy.slots[k] = sinceMidnight(t) / int(c.step/time.Minute)
	}
	return dy, next, nil
}

// sinceMidnight returns the minutes of t's local clock since midnight.
func sinceMidnight(t time.Time) int {
	h, m, _ := t.Clock()
	return 60*h + m
}

// onGrid reports whether t's local clock is a whole number of steps
// since midnight.
func onGrid(t time.Time, step time.Duration) bool {
	h, m, s := t.Clock()
	return s == 0 && t.Nanosecond() == 0 && (time.Duration(60*h+m)*time.Minute)%step == 0
}

// intervalStart returns the start of the interval of the local clock
// that contains t: t less the time since the last grid point of its
// local clock. It fails where a clock change falls inside an interval.
func (c calendar) intervalStart(t time.Time) (time.Time, error) {
	t = t.In(c.loc)
	h, m, s := t.Clock()
	into := (time.Duration(60*h+m)*time.Minute)%c.step + time.Duration(s)*time.Second + time.Duration(t.Nanosecond())
	start := t.Add(-into)
	if !onGrid(start, c.step) {
		return time.Time{}, fmt.Errorf("%w: the %v interval holding %v crosses a clock change of %v", ErrAlign, c.step, t.Format(time.RFC3339), c.loc)
	}
	return start, nil
}

// days lays out n intervals from start, which must be the start of its
// day, as whole days.
func (c calendar) days(start time.Time, n int) ([]day, error) {
	start = start.In(c.loc)
	d := DateOf(start)
	if !start.Equal(d.Start(c.loc)) {
		return nil, fmt.Errorf("%w: starts at %v, not at the start of %v in %v", ErrSeries, start.Format(time.RFC3339), d, c.loc)
	}
	if n > MaxIntervals {
		return nil, fmt.Errorf("%w: %d intervals, more than %d", ErrSeries, n, MaxIntervals)
	}
	days := make([]day, 0, n/c.per+1)
	t := start
	for i := 0; i < n; {
		if len(days) == MaxDays {
			return nil, fmt.Errorf("%w: more than %d days", ErrSeries, MaxDays)
		}
		dy, next, err := c.lay(d, t, i)
		if err != nil {
			return nil, err
		}
		if i+dy.n > n {
			return nil, fmt.Errorf("%w: ends %d intervals into %v, not at the end of a day", ErrSeries, n-i, d)
		}
		days = append(days, dy)
		i += dy.n
		d, t = d.AddDays(1), next
	}
	return days, nil
}

// span lays out the days from first, for count days, and returns them
// with their number of intervals.
func (c calendar) span(first Date, count int) ([]day, int, error) {
	if !first.IsValid() {
		return nil, 0, fmt.Errorf("%w: no date %d-%02d-%02d", ErrSeries, first.Year, first.Month, first.Day)
	}
	if count < 1 || count > MaxDays {
		return nil, 0, fmt.Errorf("%w: %d days not in 1..%d", ErrSeries, count, MaxDays)
	}
	days := make([]day, 0, count)
	t, n := first.Start(c.loc), 0
	for d := first; len(days) < count; d = d.AddDays(1) {
		dy, next, err := c.lay(d, t, n)
		if err != nil {
			return nil, 0, err
		}
		n += dy.n
		if n > MaxIntervals {
			return nil, 0, fmt.Errorf("%w: more than %d intervals", ErrSeries, MaxIntervals)
		}
		days = append(days, dy)
		t = next
	}
	return days, n, nil
}
