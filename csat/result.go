package csat

import (
	"fmt"

	"github.com/rapportkit/rapport/internal/unit"
)

// Result is the reporting view of a tally. Unlike the Tally's read-outs,
// which are shares in [0, 1], the shares and the interval here are
// percentages (0–100); the mean and the standard deviation are on the
// scale's own points. A figure is nil (null in JSON) where it is
// undefined: every one for an empty tally, the standard deviation for a
// single response.
type Result struct {
	SatisfiedPct         *float64  `json:"satisfied_pct"`
	SatisfiedIntervalPct *Interval `json:"satisfied_interval_pct"`
	N                    uint64    `json:"n"`
	Satisfied            uint64    `json:"satisfied"`
	Neutral              uint64    `json:"neutral"`
	NeutralPct           *float64  `json:"neutral_pct"`
	Dissatisfied         uint64    `json:"dissatisfied"`
	DissatisfiedPct      *float64  `json:"dissatisfied_pct"`
	MeanScore            *float64  `json:"mean_score"`
	StdDevScore          *float64  `json:"std_dev_score"`
	Scale                Scale     `json:"scale"`
}

// Result summarises the tally with an interval of the score at the given
// level by method m. It fails only with ErrLevel or ErrMethod.
func (t *Tally) Result(level float64, m Method) (Result, error) {
	ci, ok, err := t.Interval(level, m)
	if err != nil {
		return Result{}, err
	}
	r := Result{
		SatisfiedPct:    t.c.Pct(t.Satisfied()),
		N:               t.N(),
		Satisfied:       t.Satisfied(),
		Neutral:         t.Neutral(),
		NeutralPct:      t.c.Pct(t.Neutral()),
		Dissatisfied:    t.Dissatisfied(),
		DissatisfiedPct: t.c.Pct(t.Dissatisfied()),
		MeanScore:       unit.Value(t.Mean()),
		StdDevScore:     unit.Value(t.StdDev()),
		Scale:           t.Scale(),
	}
	if ok {
		r.SatisfiedIntervalPct = unit.Interval(ci, nil, 100)
	}
	return r, nil
}

// String returns e.g. "CSAT 85.0% (95% wilson 76.7…90.7), n=100: 85
// satisfied, 10 neutral, 5 dissatisfied; mean 4.20 on 1–5", or "CSAT
// undefined, n=0 on 1–5" for an empty tally.
func (r Result) String() string {
	if r.SatisfiedPct == nil {
		return fmt.Sprintf("CSAT undefined, n=%d on %d–%d", r.N, r.Scale.Min(), r.Scale.Max())
	}
	s := fmt.Sprintf("CSAT %.1f%%", *r.SatisfiedPct)
	if ci := r.SatisfiedIntervalPct; ci != nil {
		s += fmt.Sprintf(" (%g%% %s %.1f…%.1f)", 100*ci.Level, ci.Method, ci.Lo, ci.Hi)
	}
	return s + fmt.Sprintf(", n=%d: %d satisfied, %d neutral, %d dissatisfied; mean %.2f on %d–%d",
		r.N, r.Satisfied, r.Neutral, r.Dissatisfied, *r.MeanScore, r.Scale.Min(), r.Scale.Max())
}
