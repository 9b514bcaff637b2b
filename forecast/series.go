package forecast

import (
	"cmp"
	"fmt"
	"iter"
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// Series is the history of one queue: the contacts that arrived in each
// interval of whole local days, and optionally the handle time of the
// contacts handled, for the AHT forecast.
//
// Interval i starts at Start + i·Interval. Start is the start of a day in
// Location (midnight) and the series ends at the end of a day. Days,
// weekdays and times of day are those of Location's clock: a day whose
// clock changes has its real intervals — 46 or 50 half hours when the
// clock moves by an hour — each Interval long, and each takes the
// time-of-day slot of its start, so the two passes of a repeated hour
// share a slot and a skipped hour has none.
type Series struct {
	// Location is the time zone whose clock sets days and times of day.
	Location *time.Location
	// Interval is the length of an interval: a whole number of minutes
	// dividing a day (15 min, 30 min, 1 h).
	Interval time.Duration
	// Start is the start of the first interval, the start of a day.
	Start time.Time
	// Contacts are the arrivals of each interval, ≥ 0.
	Contacts []float64
	// Handled are, per interval, the contacts handled with a handle time
	// (the AHT's denominator), and Handle their total handle time (talk +
	// hold + wrap). Both are nil when the history has no handle times;
	// otherwise both have an entry per interval.
	Handled []float64
	Handle  []time.Duration
	// Filled lists the runs of intervals SeriesOf filled with zeros.
	Filled []Gap
}

// Gap is a run of consecutive intervals: Intervals of them from Start.
type Gap struct {
	Start     time.Time `json:"start"`
	Intervals int       `json:"intervals"`
}

// Count is one interval of a history as exports give it: the interval's
// start, the contacts that arrived in it, and the contacts handled with
// their total handle time.
type Count struct {
	Start    time.Time
	Contacts float64
	Handled  float64
	Handle   time.Duration
}

// Fill says what SeriesOf does with an interval no count covers.
type Fill uint8

const (
	// FillNone rejects a missing interval with ErrGap.
	FillNone Fill = iota
	// FillZero counts a missing interval as one without contacts, as
	// exports that list only the intervals with traffic need; Series.Filled
	// reports the runs filled.
	FillZero
)

// SeriesOf builds a series from counts in any order: from the start of
// the first count's day to the end of the last one's, in loc's days. It
// fails with ErrDuplicate for two counts of one interval, ErrAlign for a
// start that is not on the interval grid of loc's clock, ErrValue for a
// negative or non-finite count or handle time, ErrGap for a missing
// interval under FillNone, ErrEmpty without counts, ErrSeries past
// MaxIntervals; each error names the count.
func SeriesOf(counts iter.Seq[Count], interval time.Duration, loc *time.Location, fill Fill) (Series, error) {
	c, err := newCalendar(loc, interval)
	if err != nil {
		return Series{}, err
	}
	if fill > FillZero {
		return Series{}, fmt.Errorf("%w: fill %d", ErrMethod, fill)
	}
	type keyed struct {
		Count
		i int
	}
	var all []keyed
	handles := false
	for x := range counts {
		i := len(all)
		if i == MaxIntervals {
			return Series{}, fmt.Errorf("%w: more than %d counts", ErrSeries, MaxIntervals)
		}
		if err := checkCount(x.Contacts, x.Handled, x.Handle); err != nil {
			return Series{}, fmt.Errorf("count %d (%v): %w", i, x.Start.Format(time.RFC3339), err)
		}
		s, err := c.intervalStart(x.Start)
		if err != nil {
			return Series{}, group.At("count", i, err)
		}
		if !s.Equal(x.Start) {
			return Series{}, fmt.Errorf("count %d: %w: %v is inside the %v interval starting %v", i, ErrAlign,
				x.Start.In(loc).Format(time.RFC3339), interval, s.Format(time.RFC3339))
		}
		x.Start = s
		handles = handles || x.Handled != 0
		all = append(all, keyed{x, i})
	}
	if len(all) == 0 {
		return Series{}, fmt.Errorf("%w: no counts", ErrEmpty)
	}
	slices.SortStableFunc(all, func(a, b keyed) int { return a.Start.Compare(b.Start) })
	for k := 1; k < len(all); k++ {
		if all[k].Start.Equal(all[k-1].Start) {
			return Series{}, fmt.Errorf("%w: counts %d and %d are both for the interval starting %v", ErrDuplicate,
				all[k-1].i, all[k].i, all[k].Start.Format(time.RFC3339))
		}
	}
	first, last := DateOf(all[0].Start), DateOf(all[len(all)-1].Start)
	ndays := last.Sub(first) + 1
	if ndays > MaxDays {
		return Series{}, fmt.Errorf("%w: counts span %d days, more than %d", ErrSeries, ndays, MaxDays)
	}
	_, n, err := c.span(first, ndays)
	if err != nil {
		return Series{}, err
	}
	s := Series{Location: loc, Interval: interval, Start: first.Start(loc), Contacts: make([]float64, n)}
	if handles {
		s.Handled, s.Handle = make([]float64, n), make([]time.Duration, n)
	}
	next := 0 // the next interval index a count should fill
	for _, x := range all {
		i := int(x.Start.Sub(s.Start) / interval)
		if i > next {
			if fill == FillNone {
				return Series{}, fmt.Errorf("%w: no count for the %d intervals from %v (before count %d); FillZero counts them as 0",
					ErrGap, i-next, s.Start.Add(time.Duration(next)*interval).Format(time.RFC3339), x.i)
			}
			s.Filled = append(s.Filled, Gap{s.Start.Add(time.Duration(next) * interval), i - next})
		}
		s.Contacts[i] = x.Contacts
		if handles {
			s.Handled[i], s.Handle[i] = x.Handled, x.Handle
		}
		next = i + 1
	}
	if next < n {
		if fill == FillNone {
			return Series{}, fmt.Errorf("%w: no count for the last %d intervals of %v, from %v; FillZero counts them as 0",
				ErrGap, n-next, last, s.Start.Add(time.Duration(next)*interval).Format(time.RFC3339))
		}
		s.Filled = append(s.Filled, Gap{s.Start.Add(time.Duration(next) * interval), n - next})
	}
	return s, nil
}

// checkCount validates one interval's figures.
func checkCount(contacts, handled float64, handle time.Duration) error {
	switch {
	case !finite(contacts) || contacts < 0:
		return fmt.Errorf("%w: contacts %v", ErrValue, contacts)
	case !finite(handled) || handled < 0:
		return fmt.Errorf("%w: handled %v", ErrValue, handled)
	case handle < 0:
		return fmt.Errorf("%w: handle time %v", ErrValue, handle)
	case handled == 0 && handle != 0:
		return fmt.Errorf("%w: handle time %v for no contact handled", ErrValue, handle)
	}
	return nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Days returns the number of days of the series, or 0 if it is invalid.
func (s Series) Days() int {
	days, err := s.layout()
	if err != nil {
		return 0
	}
	return len(days)
}

// layout validates the series and returns its days.
func (s Series) layout() ([]day, error) {
	c, err := newCalendar(s.Location, s.Interval)
	if err != nil {
		return nil, err
	}
	n := len(s.Contacts)
	if n == 0 {
		return nil, fmt.Errorf("%w: no intervals", ErrEmpty)
	}
	if (s.Handled == nil) != (s.Handle == nil) || (s.Handled != nil && (len(s.Handled) != n || len(s.Handle) != n)) {
		return nil, fmt.Errorf("%w: %d contacts, %d handled and %d handle times", ErrSeries, n, len(s.Handled), len(s.Handle))
	}
	days, err := c.days(s.Start, n)
	if err != nil {
		return nil, err
	}
	for i, x := range s.Contacts {
		var handled float64
		var handle time.Duration
		if s.Handled != nil {
			handled, handle = s.Handled[i], s.Handle[i]
		}
		if err := checkCount(x, handled, handle); err != nil {
			return nil, fmt.Errorf("interval %d (%v): %w", i, s.Start.Add(time.Duration(i)*s.Interval).In(s.Location).Format(time.RFC3339), err)
		}
	}
	return days, nil
}

// dayTotals returns the contacts of each day.
func (s Series) dayTotals(days []day) []float64 {
	out := make([]float64, len(days))
	for i, d := range days {
		t := 0.0
		for _, x := range s.Contacts[d.first : d.first+d.n] {
			t += x
		}
		out[i] = t
	}
	return out
}

// sortDates sorts dates and reports the first duplicate.
func sortDates(ds []Date) ([]Date, error) {
	ds = slices.Clone(ds)
	slices.SortFunc(ds, func(a, b Date) int { return cmp.Compare(a.Sub(b), 0) })
	for i := 1; i < len(ds); i++ {
		if ds[i] == ds[i-1] {
			return nil, fmt.Errorf("%w: date %v", ErrDuplicate, ds[i])
		}
	}
	return ds, nil
}
