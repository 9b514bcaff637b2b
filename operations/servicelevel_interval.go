package operations

import (
	"fmt"
	"iter"
	"math"
	"math/bits"
	"time"

	"github.com/rapportkit/rapport/internal/stat"
	"github.com/rapportkit/rapport/internal/unit"
)

// SLTarget is a service-level objective: at least Share of the contacts
// answered within Within, by Definition. "80/20" is {Definition: SLQueued,
// Share: 0.8, Within: 20 * time.Second}. Share is read as the decimal it
// is typed as, so an interval whose service level is exactly 80 % (4 of
// 5) meets 0.8.
type SLTarget struct {
	Definition ServiceLevel
	// Share is the least service level, in (0, 1].
	Share float64
	// Within is the answer threshold T, positive.
	Within time.Duration
	// ShortAbandon is the short-abandon threshold S of SLNoShortAbandons
	// (ignored by the other definitions), not negative.
	ShortAbandon time.Duration
}

func (g SLTarget) check() error {
	switch {
	case !g.Definition.Valid():
		return fmt.Errorf("%w: SLTarget.Definition %d", ErrServiceLevel, g.Definition)
	case !(g.Share > 0 && g.Share <= 1):
		return fmt.Errorf("%w: SLTarget.Share %v not in (0, 1]", ErrTargets, g.Share)
	case g.Within < 0:
		return fmt.Errorf("%w: SLTarget.Within %v is negative", ErrDuration, g.Within)
	case g.Within == 0:
		return fmt.Errorf("%w: SLTarget.Within is not set: a service level needs its threshold", ErrTargets)
	case g.ShortAbandon < 0:
		return fmt.Errorf("%w: SLTarget.ShortAbandon %v is negative", ErrDuration, g.ShortAbandon)
	}
	return nil
}

// meets reports whether met of base contacts reach the share, exactly
// (see share.reached).
func (g SLTarget) meets(met, base uint64) bool { return shareOf(g.Share).reached(met, base) }

// share is a target share in (0, 1] read as its decimal, num/den, once
// for many comparisons.
type share struct {
	p        float64
	num, den uint64
	ok       bool // false past 19 decimal places: compare by ceilShare
}

func shareOf(p float64) share {
	num, den, ok := stat.DecimalFraction(p)
	return share{p, num, den, ok}
}

// reached reports whether met/base ≥ num/den, exactly: met·den ≥ num·base
// in 128 bits, or met ≥ ⌈p·base⌉ past 19 decimal places.
func (s share) reached(met, base uint64) bool {
	if !s.ok {
		return met >= ceilShare(s.p, base)
	}
	h1, l1 := bits.Mul64(met, s.den)
	h2, l2 := bits.Mul64(s.num, base)
	return h1 > h2 || h1 == h2 && l1 >= l2
}

// IntervalQuality is the interval service-level quality: how many
// intervals (15, 30 or 60 minutes) met a service-level target. An
// interval whose service level is undefined — no contact in the
// definition's denominator (Empty), or an abandoned contact without an end
// time where the definition needs it (Untimed) — neither meets nor misses
// it: it is counted apart, and MetPct is over the Measured intervals.
type IntervalQuality struct {
	Definition          ServiceLevel `json:"definition"`
	TargetPct           float64      `json:"target_pct"` // SLTarget.Share in percent
	WithinSeconds       float64      `json:"within_seconds"`
	ShortAbandonSeconds float64      `json:"short_abandon_seconds"`

	Intervals uint64 `json:"intervals"` // every interval given
	Measured  uint64 `json:"measured"`  // with a defined service level
	Met       uint64 `json:"met"`       // measured and meeting the target
	Empty     uint64 `json:"empty"`     // no contact in the denominator
	Untimed   uint64 `json:"untimed"`   // undefined for want of an abandon's end time

	// MetPct is Met ÷ Measured in percent, nil when nothing was measured.
	MetPct *float64 `json:"met_pct"`
}

// IntervalsMet returns the interval service-level quality: the share of
// intervals whose service level meets the target, from one tally per
// interval (TallyBy keyed by the interval's start; maps.Values for the
// map it returns). A nil tally is an interval without contacts. It fails
// with ErrServiceLevel, ErrTargets or ErrDuration on an invalid target,
// before reading the sequence; it reads each tally once and keeps
// nothing.
func IntervalsMet(intervals iter.Seq[*Tally], target SLTarget) (IntervalQuality, error) {
	if err := target.check(); err != nil {
		return IntervalQuality{}, err
	}
	q := IntervalQuality{
		Definition: target.Definition, TargetPct: percentOf(target.Share),
		WithinSeconds: target.Within.Seconds(), ShortAbandonSeconds: target.ShortAbandon.Seconds(),
	}
	goal := shareOf(target.Share)
	for t := range intervals {
		if q.Intervals == math.MaxUint64 {
			return IntervalQuality{}, fmt.Errorf("%w: more than %d intervals", ErrOverflow, q.Intervals)
		}
		q.Intervals++
		if t == nil {
			q.Empty++
			continue
		}
		met, base, ok := t.ServiceLevelCounts(target.Definition, target.Within, target.ShortAbandon)
		switch {
		case !ok:
			q.Untimed++
		case base == 0:
			q.Empty++
		default:
			q.Measured++
			if goal.reached(met, base) {
				q.Met++
			}
		}
	}
	q.MetPct = unit.Pct(ratio(q.Met, q.Measured))
	return q, nil
}

// String returns e.g. "SL queued ≥ 80% in 20s met in 5 of 8 intervals
// (62.5%), 1 empty, 0 untimed", with "n/a" when none was measured.
func (q IntervalQuality) String() string {
	share := "n/a"
	if q.MetPct != nil {
		share = fmt.Sprintf("%.1f%%", *q.MetPct)
	}
	within := time.Duration(math.Round(q.WithinSeconds * 1e9))
	return fmt.Sprintf("SL %s ≥ %v%% in %v met in %d of %d intervals (%s), %d empty, %d untimed",
		q.Definition, q.TargetPct, within, q.Met, q.Measured, share, q.Empty, q.Untimed)
}
