package ces

import (
	"github.com/rapportkit/rapport/internal/counts"
	"github.com/rapportkit/rapport/internal/stat"
)

// Interval is a confidence interval, clamped to the range of its
// statistic (the scale for a mean, [0, 1] for ease).
type Interval = stat.Interval

// Method names an interval construction.
type Method = stat.Method

const (
	// StudentT is the t interval of a mean, mean ± t(1 − α/2; n − 1)·s/√n.
	StudentT = counts.StudentT
	// Welch is the interval of a difference of two means with Welch's
	// standard error and degrees of freedom, used by Compare.
	Welch Method = "welch"
)

// Interval returns the t confidence interval of the mean score at the
// given level (e.g. 0.95), on the scale's points and clamped to
// [Min, Max]; if every response is the same score the interval is that
// score. It is ok = false below two responses and fails with ErrLevel.
func (t *Tally) Interval(level float64) (Interval, bool, error) {
	return t.c.MeanInterval(&kind, "Interval", level)
}

// EaseInterval returns the interval of Interval mapped onto the ease
// scale [0, 1] (its bounds swap when lower is easier), like Interval.
func (t *Tally) EaseInterval(level float64) (Interval, bool, error) {
	ci, ok, err := t.c.MeanInterval(&kind, "EaseInterval", level)
	if !ok {
		return Interval{}, false, err
	}
	ci.Lo, ci.Hi = t.Scale().ease(ci.Lo), t.Scale().ease(ci.Hi)
	if ci.Lo > ci.Hi {
		ci.Lo, ci.Hi = ci.Hi, ci.Lo
	}
	return ci.Clamp(0, 1), true, nil
}
