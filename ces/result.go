package ces

import (
	"fmt"

	"github.com/rapportkit/rapport/internal/unit"
)

// Result is the reporting view of a tally. The mean, the standard
// deviation and the mean's interval are on the scale's own points (the
// unit "score"); ease and the three band shares are percentages (0–100)
// and the net index is in points (−100..100), where the Tally's
// read-outs give fractions. A figure is nil (null in JSON) where it is
// undefined: every one for an empty tally, the standard deviation and
// the intervals for a single response.
type Result struct {
	Scale             Scale     `json:"scale"`
	MeanScore         *float64  `json:"mean_score"`
	MeanIntervalScore *Interval `json:"mean_interval_score"`
	StdDevScore       *float64  `json:"std_dev_score"`
	EasePct           *float64  `json:"ease_pct"`
	EaseIntervalPct   *Interval `json:"ease_interval_pct"`
	NetPoints         *float64  `json:"net_points"`
	N                 uint64    `json:"n"`
	LowEffort         uint64    `json:"low_effort"`
	Neutral           uint64    `json:"neutral"`
	HighEffort        uint64    `json:"high_effort"`
	LowEffortPct      *float64  `json:"low_effort_pct"`
	NeutralPct        *float64  `json:"neutral_pct"`
	HighEffortPct     *float64  `json:"high_effort_pct"`
}

// Result summarises the tally with the t interval of the mean (m must be
// StudentT) at the given level. It fails only with ErrLevel or ErrMethod.
func (t *Tally) Result(level float64, m Method) (Result, error) {
	ci, ok, err := t.Interval(level)
	if err == nil && m != StudentT {
		err = kind.BadMethod("Result", m)
	}
	if err != nil {
		return Result{}, err
	}
	r := Result{
		Scale:         t.Scale(),
		N:             t.N(),
		LowEffort:     t.LowEffort(),
		Neutral:       t.Neutral(),
		HighEffort:    t.HighEffort(),
		MeanScore:     unit.Value(t.Mean()),
		StdDevScore:   unit.Value(t.StdDev()),
		EasePct:       unit.Pct(t.Ease()),
		LowEffortPct:  t.c.Pct(t.LowEffort()),
		NeutralPct:    t.c.Pct(t.Neutral()),
		HighEffortPct: t.c.Pct(t.HighEffort()),
	}
	if ok {
		r.MeanIntervalScore = unit.Interval(ci, nil, 1)
		ease, _, _ := t.EaseInterval(level)
		r.EaseIntervalPct = unit.Interval(ease, nil, 100)
	}
	if t.N() > 0 {
		r.NetPoints = unit.Value(t.net(100), true)
	}
	return r, nil
}

// String returns e.g. "CES mean 5.42 on 1–7, higher is easier (95% t
// 5.21…5.63), ease 73.7%, n=250: 62.0% low effort, 14.0% neutral, 24.0%
// high effort, net +38.0", or "CES undefined, n=0 on 1–7, higher is
// easier" for an empty tally.
func (r Result) String() string {
	on := fmt.Sprintf("on %d–%d, %v", r.Scale.Min(), r.Scale.Max(), r.Scale.Polarity())
	if r.MeanScore == nil {
		return fmt.Sprintf("CES undefined, n=%d %s", r.N, on)
	}
	s := fmt.Sprintf("CES mean %.2f %s", *r.MeanScore, on)
	if ci := r.MeanIntervalScore; ci != nil {
		s += fmt.Sprintf(" (%g%% %s %.2f…%.2f)", 100*ci.Level, ci.Method, ci.Lo, ci.Hi)
	}
	return s + fmt.Sprintf(", ease %.1f%%, n=%d: %.1f%% low effort, %.1f%% neutral, %.1f%% high effort, net %+.1f",
		*r.EasePct, r.N, *r.LowEffortPct, *r.NeutralPct, *r.HighEffortPct, *r.NetPoints)
}
