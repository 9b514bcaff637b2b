package rate

import (
	"fmt"

	"github.com/rapportkit/rapport/internal/stat"
	"github.com/rapportkit/rapport/internal/unit"
)

// Result is the reporting view of a tally: the rate in percent with its
// confidence interval, nil (null in JSON) for an empty tally.
type Result struct {
	N               uint64    `json:"n"`
	Successes       uint64    `json:"successes"`
	RatePct         *float64  `json:"rate_pct"`
	RateIntervalPct *Interval `json:"rate_interval_pct"`
}

// Result returns the rate and its interval at the given level (0.95) by
// method m: Wilson, ClopperPearson, Jeffreys, AgrestiCoull or Wald. The
// percentage is the exact fraction 100·x/n correctly rounded, so 29 of
// 100 is 29, not 28.999999999999996. It fails only with ErrLevel or
// ErrMethod; an empty tally gives n = 0 and nil figures.
func (t *Tally) Result(level float64, m Method) (Result, error) {
	if err := checkLevel(level, "Result"); err != nil {
		return Result{}, err
	}
	if err := checkRateMethod(m, "Result"); err != nil {
		return Result{}, err
	}
	r := Result{N: t.n, Successes: t.successes}
	if t.n == 0 {
		return r, nil
	}
	r.RatePct = unit.Value(stat.Ratio(t.successes, t.n, 100), true)
	ci, err := rateInterval(t.successes, t.n, level, m)
	r.RateIntervalPct = unit.Interval(ci, err, 100)
	return r, nil
}

// String reports e.g. "27.5% (95% wilson 25.3…29.8%), 412 of 1500", or
// "no trials".
func (r Result) String() string {
	if r.RatePct == nil {
		return "no trials"
	}
	s := fmt.Sprintf("%.1f%%", *r.RatePct)
	if ci := r.RateIntervalPct; ci != nil {
		s += fmt.Sprintf(" (%g%% %s %.1f…%.1f%%)", 100*ci.Level, ci.Method, ci.Lo, ci.Hi)
	}
	return s + fmt.Sprintf(", %d of %d", r.Successes, r.N)
}
