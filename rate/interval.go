package rate

import (
	"fmt"

	"github.com/rapportkit/rapport/internal/stat"
)

// Interval is a confidence interval: of a rate in percent (0–100) in a
// Result, of a difference in percentage points (−100..100) or of a lift
// in percent (−100 and up) in a Comparison, always clamped to that
// range.
type Interval = stat.Interval

// Method names an interval construction. Its value is the name written in
// JSON and printed by Interval.String.
type Method = stat.Method

// Interval methods; the formulas are in the package documentation.
const (
	// Wilson inverts the score test: the recommended default for a rate,
	// close to its nominal coverage for every n and rate (Brown, Cai &
	// DasGupta 2001).
	Wilson = stat.Wilson
	// ClopperPearson is the "exact" interval from beta quantiles: its
	// coverage is never below the level, so it is wider than needed.
	// Choose it when an auditor asks for a guarantee.
	ClopperPearson = stat.ClopperPearson
	// Jeffreys is the equal-tailed Bayesian interval for a Jeffreys
	// prior; it behaves like Wilson.
	Jeffreys = stat.Jeffreys
	// AgrestiCoull is Wald after adding z²/2 successes and z²/2 failures:
	// simple and good for n above 40.
	AgrestiCoull = stat.AgrestiCoull
	// Wald is p̂ ± z·√(p̂(1−p̂)/n) for a rate, and the same for a
	// difference. It is offered for comparison with other tools only:
	// its coverage is poor for small n or rates near 0 or 1, and it has
	// zero width at 0 of n.
	Wald = stat.Wald
	// Newcombe is the hybrid score interval of a difference of two rates
	// (Newcombe 1998, method 10), built from the Wilson intervals of
	// both: the recommended default for a difference.
	Newcombe = stat.Newcombe
	// KatzLog is the interval of a ratio of two rates on the log scale
	// (Katz et al. 1978), which Compare uses for the lift.
	KatzLog Method = "katz-log"
)

// checkLevel returns ErrLevel for a level outside (0, 1), naming fn.
func checkLevel(level float64, fn string) error {
	if !(level > 0 && level < 1) {
		return fmt.Errorf("%w: %s got %v", ErrLevel, fn, level)
	}
	return nil
}

// rateInterval returns the interval of x of n > 0 by a method for one
// rate, on [0, 1].
func rateInterval(x, n uint64, level float64, m Method) (Interval, error) {
	return stat.Proportion(float64(x), float64(n), level, m)
}

// checkRateMethod returns ErrMethod for a method that is not one of the
// five for a single rate.
func checkRateMethod(m Method, fn string) error {
	switch m {
	case Wilson, ClopperPearson, Jeffreys, AgrestiCoull, Wald:
		return nil
	}
	return fmt.Errorf("%w: %s got %q, not one of wilson, clopper-pearson, jeffreys, agresti-coull, wald", ErrMethod, fn, string(m))
}
