package ticket

import (
	"time"

	"github.com/rapportkit/rapport/internal/histogram"
)

// binUnit is the unit of the histograms: durations count in whole
// minutes, rounded up (see internal/histogram for the bins).
const binUnit = time.Minute

// Measure names a time a Tally measures.
type Measure uint8

// The measures: from creation to the first reply and to the (last)
// solve, in calendar time or in the business hours of the tally's
// calendar.
const (
	FirstReplyTime Measure = iota + 1
	ResolutionTime
	BusinessFirstReplyTime
	BusinessResolutionTime
)

func (t *Tally) durations(m Measure) *histogram.Durations {
	switch m {
	case FirstReplyTime:
		return &t.reply
	case ResolutionTime:
		return &t.resolution
	case BusinessFirstReplyTime:
		if t.cal != nil {
			return &t.bizReply
		}
	case BusinessResolutionTime:
		if t.cal != nil {
			return &t.bizResolution
		}
	}
	return nil
}

// Count returns the tickets measured: replied for the first reply,
// solved for the resolution; 0 for a business measure without a calendar
// or an unknown measure.
func (t *Tally) Count(m Measure) uint64 {
	if h := t.durations(m); h != nil {
		return h.N()
	}
	return 0
}

// Mean returns the exact mean of a measure (to the nanosecond); false
// when no ticket was measured.
func (t *Tally) Mean(m Measure) (time.Duration, bool) {
	if h := t.durations(m); h != nil {
		return h.Mean()
	}
	return 0, false
}

// Percentile returns the nearest-rank p-quantile of a measure for p in
// [0, 1] (0.9 for the 90th percentile, read as the decimal 0.9): the
// smallest time at or below which ⌈p·n⌉ of the n measured tickets fall,
// as the upper edge of its histogram bin, so never below the true value:
// exact to the minute up to 8 h 32 min, and within 0.4 % above past that.
// False when nothing was measured or p is outside [0, 1].
func (t *Tally) Percentile(m Measure, p float64) (time.Duration, bool) {
	if h := t.durations(m); h != nil {
		return h.Quantile(p, binUnit)
	}
	return 0, false
}

// Within returns the share of the measured tickets whose time, rounded
// up to the minute, is at most d: exact for every whole minute up to
// 8 h 32 min, every even minute up to 17 h, and so on (a bin edge);
// none is within a negative d.
func (t *Tally) Within(m Measure, d time.Duration) (float64, bool) {
	h := t.durations(m)
	if h == nil {
		return 0, false
	}
	return ratio(h.Within(d, binUnit), h.N())
}

// Replied returns the tickets with a first reply; Solved those solved.
func (t *Tally) Replied() uint64 { return t.reply.N() }

// Solved returns the tickets solved.
func (t *Tally) Solved() uint64 { return t.resolution.N() }

// OneTouch returns the one-touch resolution rate: the solved tickets
// with exactly one agent reply, over the solved tickets whose replies are
// known.
func (t *Tally) OneTouch() (float64, bool) { return ratio(t.oneTouch, t.repliesKnown) }

// ReopenRate returns the share of the solved tickets (whose reopens are
// known) reopened at least once.
func (t *Tally) ReopenRate() (float64, bool) { return ratio(t.reopened, t.reopensKnown) }

// ReplyBreachRate returns the share of the replied tickets of a
// priority whose first reply missed its target; false without a first
// reply target for the priority or with no replied ticket of it.
func (t *Tally) ReplyBreachRate(priority string) (float64, bool) {
	g := t.find(priority)
	if g == nil || g.FirstReply == 0 {
		return 0, false
	}
	return ratio(g.replyBreached, g.replied)
}

// ResolutionBreachRate returns the share of the solved tickets of a
// priority whose resolution missed its target; false without a
// resolution target for the priority or with no solved ticket of it.
func (t *Tally) ResolutionBreachRate(priority string) (float64, bool) {
	g := t.find(priority)
	if g == nil || g.Resolution == 0 {
		return 0, false
	}
	return ratio(g.resolutionBreached, g.solved)
}

func ratio(a, b uint64) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	return float64(a) / float64(b), true
}
