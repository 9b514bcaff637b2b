package stat

import "errors"

var (
	// ErrLevel reports a confidence level outside the open interval (0, 1).
	ErrLevel = errors.New("confidence level must be in (0, 1)")
	// ErrEmpty reports a statistic asked of no observations.
	ErrEmpty = errors.New("no observations")
	// ErrCount reports successes that are negative, not finite or exceed the trials.
	ErrCount = errors.New("successes must be finite and within 0..trials")
	// ErrMethod reports an interval method the function does not know.
	ErrMethod = errors.New("unknown interval method")
)
