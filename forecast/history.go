package forecast

import (
	"fmt"
	"iter"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/rapportkit/rapport/internal/nanos"
	"github.com/rapportkit/rapport/internal/unit"
	"github.com/rapportkit/rapport/operations"
)

// History bins contacts by the interval of the local clock they arrived
// in: for each interval, the contacts and, of them, the answered ones
// with their handle time (talk + hold + wrap). Counts are exact integers
// and handle times exact sums of nanoseconds, so histories built in
// parallel merge to the same state in any order; a History keeps the
// accumulator contract of package rapport.
//
// It counts every contact it is given: give it those the queue is staffed
// for, for a live queue its inbound contacts offered to agents (answered
// and abandoned), filtering the sequence before HistoryOf or HistoryBy.
//
// Intervals follow the location's clock: on the day the clock goes back,
// the two passes of the repeated hour are distinct intervals, each its
// real length (see Series). The zero History is invalid (IsValid is
// false): NewHistory gives it an interval and a named location.
type History struct {
	cal   calendar
	cells map[int64]*cell // by the interval's start, Unix seconds
	n     uint64
}

type cell struct {
	contacts, answered uint64
	handle             nanos.Sum
}

// NewHistory returns an empty history of intervals of the given length
// (a whole number of minutes dividing a day) in loc, which must be a
// named zone that time.LoadLocation loads (it is written in the
// encodings by name): not time.Local, whose meaning depends on the
// machine, nor a fixed zone.
func NewHistory(interval time.Duration, loc *time.Location) (*History, error) {
	if err := checkHistoryLocation(loc); err != nil {
		return nil, err
	}
	c, err := newCalendar(loc, interval)
	if err != nil {
		return nil, err
	}
	return &History{cal: c}, nil
}

func checkHistoryLocation(loc *time.Location) error {
	if loc == nil {
		return fmt.Errorf("%w: nil", ErrLocation)
	}
	if loc == time.Local || loc.String() == "Local" {
		return fmt.Errorf("%w: time.Local depends on the machine; name the zone (time.LoadLocation(\"Europe/Paris\"))", ErrLocation)
	}
	if _, err := time.LoadLocation(loc.String()); err != nil {
		return fmt.Errorf("%w: %q is not a zone time.LoadLocation loads: %v", ErrLocation, loc.String(), err)
	}
	return nil
}

// IsValid reports whether the history has an interval and a location:
// false for the zero History.
func (h *History) IsValid() bool { return h.cal.loc != nil }

// Interval returns the length of the history's intervals.
func (h *History) Interval() time.Duration { return h.cal.step }

// Location returns the history's time zone.
func (h *History) Location() *time.Location { return h.cal.loc }

// N returns the number of contacts added.
func (h *History) N() uint64 { return h.n }

// Add bins one contact: c.Validate must accept it, and its handle time
// must be below 2⁶³ ns (292 years).
func (h *History) Add(c operations.Contact) error { return h.AddN(c, 1) }

// AddN bins n copies of the contact.
func (h *History) AddN(c operations.Contact, n uint64) error {
	if !h.IsValid() {
		return fmt.Errorf("%w: the zero History has no interval or location; use NewHistory", ErrLocation)
	}
	if err := c.Validate(); err != nil {
		return fmt.Errorf("forecast: %w", err)
	}
	var total nanos.Sum // talk + hold + wrap, each ≥ 0 after Validate
	for _, d := range [...]time.Duration{c.Talk, c.Hold, c.Wrap} {
		total.Add(uint64(d))
	}
	if total.Cmp(nanos.Product(1, math.MaxInt64)) > 0 {
		return fmt.Errorf("%w: contact %q: handle time of more than 292 years", ErrValue, c.ID)
	}
	start, err := h.cal.intervalStart(c.Arrived)
	if err != nil {
		return fmt.Errorf("contact %q: %w", c.ID, err)
	}
	key := start.Unix()
	x := h.cells[key]
	var have uint64
	if x != nil {
		have = x.contacts
	}
	if n > math.MaxUint64-h.n || n > math.MaxUint64-have {
		return fmt.Errorf("%w: %d more contacts", ErrOverflow, n)
	}
	if n == 0 {
		return nil
	}
	if x == nil {
		if h.cells == nil {
			h.cells = make(map[int64]*cell)
		}
		x = new(cell)
		h.cells[key] = x
	}
	x.contacts += n
	h.n += n
	if c.Outcome == operations.Answered {
		x.answered += n
		x.handle.Merge(nanos.Product(uint64(total.Mean(1)), n))
	}
	return nil
}

// Merge adds every contact of o, which must have the same interval and
// location (ErrMismatch).
func (h *History) Merge(o *History) error {
	if o == nil {
		return nil
	}
	if err := h.match(o); err != nil {
		return err
	}
	if o.n > math.MaxUint64-h.n {
		return fmt.Errorf("%w: merging %d contacts into %d", ErrOverflow, o.n, h.n)
	}
	if h == o {
		o = o.Clone()
	}
	if h.cells == nil && len(o.cells) > 0 {
		h.cells = make(map[int64]*cell, len(o.cells))
	}
	for k, y := range o.cells {
		x := h.cells[k]
		if x == nil {
			x = new(cell)
			h.cells[k] = x
		}
		x.contacts += y.contacts // ≤ h.n + o.n, which does not overflow
		x.answered += y.answered
		x.handle.Merge(y.handle)
	}
	h.n += o.n
	return nil
}

func (h *History) match(o *History) error {
	if h.cal.step != o.cal.step || h.cal.loc.String() != o.cal.loc.String() || h.IsValid() != o.IsValid() {
		return fmt.Errorf("%w: %v in %v and %v in %v", ErrMismatch, h.cal.step, h.cal.loc, o.cal.step, o.cal.loc)
	}
	return nil
}

// Clone returns an independent copy.
func (h *History) Clone() *History {
	u := &History{cal: h.cal, n: h.n}
	if h.cells != nil {
		u.cells = make(map[int64]*cell, len(h.cells))
		for k, x := range h.cells {
			y := *x
			u.cells[k] = &y
		}
	}
	return u
}

// keys returns the interval starts in order.
func (h *History) keys() []int64 { return slices.Sorted(maps.Keys(h.cells)) }

// Series returns the `days` days from first (1 ≤ days ≤ MaxDays) as a
// series with handle times: the intervals no contact arrived in count 0
// contacts, as they are when the history holds every arrival of those
// days (mark days whose data are missing with Options.Exclude). Contacts
// outside those days are not in it.
func (h *History) Series(first Date, days int) (Series, error) {
	if !h.IsValid() {
		return Series{}, fmt.Errorf("%w: the zero History has no interval or location", ErrLocation)
	}
	_, n, err := h.cal.span(first, days)
	if err != nil {
		return Series{}, err
	}
	s := Series{Location: h.cal.loc, Interval: h.cal.step, Start: first.Start(h.cal.loc),
		Contacts: make([]float64, n), Handled: make([]float64, n), Handle: make([]time.Duration, n)}
	from := s.Start.Unix()
	to := s.Start.Add(time.Duration(n) * h.cal.step).Unix()
	step := int64(h.cal.step / time.Second)
	for k, x := range h.cells {
		if k < from || k >= to {
			continue
		}
		i := (k - from) / step
		d := x.handle.Mean(1) // the sum; it saturates past 2⁶³ − 1 ns
		if x.handle.Cmp(nanos.Product(1, math.MaxInt64)) > 0 {
			return Series{}, fmt.Errorf("%w: more than 292 years of handle time in the interval at %v", ErrOverflow, time.Unix(k, 0).In(h.cal.loc))
		}
		s.Contacts[i], s.Handled[i], s.Handle[i] = float64(x.contacts), float64(x.answered), d
	}
	return s, nil
}

// HistoryResult is the reporting view of a History.
type HistoryResult struct {
	N               uint64     `json:"n"` // contacts
	TimeZone        string     `json:"time_zone"`
	IntervalSeconds float64    `json:"interval_seconds"`
	Intervals       int        `json:"intervals"` // intervals with contacts
	First           *time.Time `json:"first"`     // the first and last of them
	Last            *time.Time `json:"last"`
	Answered        uint64     `json:"answered"`
	AHTSeconds      *float64   `json:"aht_seconds"`
}

// Result returns the reporting view: the contacts, the intervals they
// arrived in and their AHT (nil without an answered contact).
func (h *History) Result() (HistoryResult, error) {
	r := HistoryResult{N: h.n, IntervalSeconds: h.cal.step.Seconds(), Intervals: len(h.cells)}
	if h.cal.loc != nil {
		r.TimeZone = h.cal.loc.String()
	}
	var handle nanos.Sum
	for _, x := range h.cells {
		r.Answered += x.answered
		handle.Merge(x.handle)
	}
	if len(h.cells) > 0 {
		keys := h.keys()
		first, last := time.Unix(keys[0], 0).In(h.cal.loc), time.Unix(keys[len(keys)-1], 0).In(h.cal.loc)
		r.First, r.Last = &first, &last
	}
	if r.Answered > 0 {
		r.AHTSeconds = unit.Seconds(handle.Mean(r.Answered), true)
	}
	return r, nil
}

// String returns e.g. "1234 contacts in 310 intervals of 30m0s
// (Europe/Paris) from 2026-03-02 08:00 to 2026-03-29 19:30, 1180
// answered, AHT 312.4s".
func (r HistoryResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d contacts in %d intervals of %v (%s)", r.N, r.Intervals, time.Duration(r.IntervalSeconds*float64(time.Second)), r.TimeZone)
	if r.First != nil {
		fmt.Fprintf(&b, " from %s to %s", r.First.Format("2006-01-02 15:04"), r.Last.Format("2006-01-02 15:04"))
	}
	fmt.Fprintf(&b, ", %d answered", r.Answered)
	if r.AHTSeconds != nil {
		fmt.Fprintf(&b, ", AHT %.1fs", *r.AHTSeconds)
	} else {
		b.WriteString(", AHT n/a")
	}
	return b.String()
}

// HistoryOf bins the contacts into one history. The first invalid
// contact stops it with an error naming its position.
func HistoryOf(contacts iter.Seq[operations.Contact], interval time.Duration, loc *time.Location) (*History, error) {
	h, err := NewHistory(interval, loc)
	if err != nil {
		return nil, err
	}
	return group.Of(contacts, "contact", h, (*History).Add)
}

// HistoryBy bins the contacts into a history per key: a channel, a
// queue, or a struct of both. The first invalid contact stops it with an
// error naming its position.
func HistoryBy[K comparable](contacts iter.Seq[operations.Contact], interval time.Duration, loc *time.Location, key func(operations.Contact) K) (map[K]*History, error) {
	proto, err := NewHistory(interval, loc)
	if err != nil {
		return nil, err
	}
	return group.By(contacts, "contact", key, func() *History { return &History{cal: proto.cal} }, (*History).Add)
}
