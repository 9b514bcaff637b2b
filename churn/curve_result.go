package churn

import (
	"fmt"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/unit"
)

// CurveResult is the reporting view of a survival curve: its counts, the
// median lifetime in days with its confidence interval, and the table of
// steps with survival in percent. An undefined figure is nil (null in
// JSON): the median while more than half the customers remain, a bound
// the band never reaches, the standard error once S has reached 0.
type CurveResult struct {
	N                  uint64        `json:"n"`
	Events             uint64        `json:"events"`
	Censored           uint64        `json:"censored"`
	MedianDays         *float64      `json:"median_days"`
	MedianIntervalDays *DaysInterval `json:"median_interval_days"`
	Steps              []StepResult  `json:"steps"`
}

// DaysInterval is the confidence interval of a lifetime in days; a bound
// the band never reaches is nil.
type DaysInterval struct {
	Lo     *float64 `json:"lo"`
	Hi     *float64 `json:"hi"`
	Level  float64  `json:"level"`
	Method Method   `json:"method"`
}

// StepResult is one row of a curve's table in the units of a report.
type StepResult struct {
	TimeDays            float64   `json:"time_days"`
	AtRisk              uint64    `json:"at_risk"`
	Events              uint64    `json:"events"`
	Censored            uint64    `json:"censored"`
	SurvivalPct         float64   `json:"survival_pct"`
	StdErrPct           *float64  `json:"std_err_pct"`
	SurvivalIntervalPct *Interval `json:"survival_interval_pct"`
}

// Result returns the reporting view of the curve with pointwise intervals
// and the median's interval at the given level by method m. It fails with
// ErrLevel or ErrMethod.
func (c *Curve) Result(level float64, m Method) (CurveResult, error) {
	li, err := c.QuantileInterval(0.5, level, m)
	if err != nil {
		return CurveResult{}, err
	}
	r := CurveResult{N: c.n, Steps: make([]StepResult, len(c.steps))}
	med, ok := c.Median()
	r.MedianDays = unit.Days(med, ok)
	r.MedianIntervalDays = &DaysInterval{Lo: days(li.Lo), Hi: days(li.Hi), Level: level, Method: m}
	for i, s := range c.steps {
		r.Events += s.Events
		r.Censored += s.Censored
		ci, err := c.Interval(s.Time, level, m)
		se, ok := c.StdErr(s.Time)
		r.Steps[i] = StepResult{
			TimeDays: s.Time.Hours() / 24, AtRisk: s.AtRisk, Events: s.Events, Censored: s.Censored,
			SurvivalPct: 100 * s.Survival, StdErrPct: unit.Pct(se, ok), SurvivalIntervalPct: unit.Interval(ci, err, 100),
		}
	}
	return r, nil
}

func days(d *time.Duration) *float64 {
	if d == nil {
		return nil
	}
	return unit.Days(*d, true)
}

// Result returns the reporting view of the curve of s (see
// Curve.Result); with no lifetime, n = 0, no step and a nil median.
func (s *Survival) Result(level float64, m Method) (CurveResult, error) {
	if _, err := critical(level, m); err != nil {
		return CurveResult{}, err
	}
	c, err := s.Curve()
	if err != nil {
		return CurveResult{Steps: []StepResult{}}, nil
	}
	return c.Result(level, m)
}

// String returns e.g. "23 lifetimes, 18 lost; median 189.0 days (95%
// log-log 91.0–238.0)".
func (r CurveResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d lifetimes, %d lost; median ", r.N, r.Events)
	if r.MedianDays == nil {
		b.WriteString("not reached")
	} else {
		fmt.Fprintf(&b, "%.1f days", *r.MedianDays)
	}
	if ci := r.MedianIntervalDays; ci != nil {
		bound := func(p *float64) string {
			if p == nil {
				return "n/a"
			}
			return fmt.Sprintf("%.1f", *p)
		}
		fmt.Fprintf(&b, " (%g%% %s %s–%s)", 100*ci.Level, ci.Method, bound(ci.Lo), bound(ci.Hi))
	}
	return b.String()
}
