package ces

import (
	"fmt"

	"github.com/rapportkit/rapport/internal/stat"
)

// Interval is a confidence interval, clamped to the range of its
// statistic (the scale for a mean, [0, 1] for ease).
type Interval = stat.Interval

// Method names an interval construction.
type Method = stat.Method

const (
	// StudentT is the t interval of a mean, mean ± t(1 − α/2; n − 1)·s/√n.
	StudentT Method = "t"
	// Welch is the interval of a difference of two means with Welch's
	// standard error and degrees of freedom, used by Compare.
	Welch Method = "welch"
)

// Interval returns the t confidence interval of the mean score at the
// given level (e.g. 0.95), on the scale's points and clamped to
// [Min, Max]. It fails with ErrLevel, ErrEmpty, or ErrTooFew for a single
// response. If every response is the same score the interval is that
// score.
func (t *Tally) Interval(level float64) (Interval, error) {
	if _, err := stat.Critical(level); err != nil {
		return Interval{}, err
	}
	switch t.N() {
	case 0:
		return Interval{}, ErrEmpty
	case 1:
		return Interval{}, fmt.Errorf("%w: an interval needs two responses", ErrTooFew)
	}
	mean, _ := t.Mean()
	sd, _ := t.StdDev()
	lo, hi, err := stat.MeanInterval(mean, sd, t.N(), level)
	if err != nil {
		return Interval{}, err
	}
	return Interval{Lo: lo, Hi: hi, Level: level, Method: StudentT}.Clamp(float64(t.scale.Min()), float64(t.scale.Max())), nil
}

// EaseInterval returns the interval of Interval mapped onto the ease
// scale [0, 1] (its bounds swap when lower is easier). It fails like
// Interval.
func (t *Tally) EaseInterval(level float64) (Interval, error) {
	ci, err := t.Interval(level)
	if err != nil {
		return Interval{}, err
	}
	ci.Lo, ci.Hi = t.scale.ease(ci.Lo), t.scale.ease(ci.Hi)
	if ci.Lo > ci.Hi {
		ci.Lo, ci.Hi = ci.Hi, ci.Lo
	}
	return ci.Clamp(0, 1), nil
}
