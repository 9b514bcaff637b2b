package adjust

import "errors"

var (
	// ErrPValue reports a p-value that is not a number in [0, 1].
	ErrPValue = errors.New("adjust: p-value not in [0, 1]")
	// ErrLevel reports a significance level outside (0, 1).
	ErrLevel = errors.New("adjust: significance level not in (0, 1)")
	// ErrMethod reports an adjustment the package does not offer.
	ErrMethod = errors.New("adjust: unknown method")
	// ErrOverflow reports a family of more than MaxTests p-values.
	ErrOverflow = errors.New("adjust: too many p-values")
)
