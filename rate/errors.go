package rate

import "errors"

var (
	// ErrCount reports more successes than trials.
	ErrCount = errors.New("rate: successes exceed trials")
	// ErrOverflow reports a count past its bound: more than 2⁶⁴−1 trials
	// in a tally, more than MaxFisher in Fisher's test, or a sample size
	// past MaxSampleSize.
	ErrOverflow = errors.New("rate: count overflow")
	// ErrEncoding reports a malformed binary or JSON tally.
	ErrEncoding = errors.New("rate: malformed encoding")
	// ErrLevel reports a confidence level outside (0, 1).
	ErrLevel = errors.New("rate: confidence level not in (0, 1)")
	// ErrMethod reports an interval method the function does not offer.
	ErrMethod = errors.New("rate: unknown method")
	// ErrPlan reports a Plan that cannot be sized: a rate, lift, level or
	// power out of range.
	ErrPlan = errors.New("rate: invalid plan")
)
