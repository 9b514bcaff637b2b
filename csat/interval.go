package csat

import "github.com/rapportkit/rapport/internal/stat"

// Interval is a confidence interval. For the score it is on the [0, 1]
// scale of the satisfied share, in a Comparison on percentage points; it
// is always clamped to the range of its statistic.
type Interval = stat.Interval

// Method names an interval construction.
type Method = stat.Method

// Interval methods for the satisfied share, a binomial proportion (Brown,
// Cai & DasGupta 2001, Statistical Science 16(2)); the formulas are in the
// package documentation.
const (
	// Wilson inverts the score test; it is the recommended default.
	Wilson = stat.Wilson
	// ClopperPearson is the "exact" interval from beta quantiles; it is
	// conservative (coverage at least the level).
	ClopperPearson = stat.ClopperPearson
	// Jeffreys is the equal-tailed Bayesian interval for a Jeffreys prior.
	Jeffreys = stat.Jeffreys
	// AgrestiCoull is the Wald interval after adding z²/2 successes and
	// z²/2 failures.
	AgrestiCoull = stat.AgrestiCoull
	// Wald is p̂ ± z·√(p̂(1−p̂)/n); it is offered for comparison only, as its
	// coverage is poor for small n or shares near 0 or 1.
	Wald = stat.Wald
	// Newcombe is the hybrid score interval of a difference of two
	// proportions (Newcombe 1998, method 10), used by Compare.
	Newcombe = stat.Newcombe
)

// Interval returns the confidence interval of the score (the satisfied
// share, on [0, 1]) at the given level, e.g. 0.95, by method m: Wilson,
// ClopperPearson, Jeffreys, AgrestiCoull or Wald. It is ok = false for an
// empty tally and fails with ErrLevel or ErrMethod.
func (t *Tally) Interval(level float64, m Method) (Interval, bool, error) {
	return t.c.Proportion(&kind, "Interval", t.Satisfied(), level, m)
}

// DissatisfactionInterval returns the confidence interval of the
// dissatisfied share (on [0, 1]) like Interval.
func (t *Tally) DissatisfactionInterval(level float64, m Method) (Interval, bool, error) {
	return t.c.Proportion(&kind, "DissatisfactionInterval", t.Dissatisfied(), level, m)
}
