package nps

import (
	"errors"

	"github.com/rapportkit/rapport/internal/stat"
)

var (
	// ErrScoreOutOfRange reports a score outside the scale (0–10 by default).
	ErrScoreOutOfRange = errors.New("nps: score out of range")
	// ErrEmpty reports a statistic asked of a tally with no responses.
	ErrEmpty = errors.New("nps: no responses")
	// ErrWeight reports a weight that is negative, NaN or infinite.
	ErrWeight = errors.New("nps: weight must be finite and non-negative")
	// ErrWeighted reports a weighted response given to an unweighted tally.
	ErrWeighted = errors.New("nps: weighted response in an unweighted tally")
	// ErrScale reports an invalid scale or two tallies on different scales.
	ErrScale = errors.New("nps: invalid or mismatched scale")
	// ErrOverflow reports a count that would exceed 2⁶⁴−1 responses.
	ErrOverflow = errors.New("nps: count overflow")
	// ErrNoVariance reports a statistic undefined because every response
	// falls in one category (a test or plan needs some spread).
	ErrNoVariance = errors.New("nps: no variance")
	// ErrEncoding reports a malformed binary or JSON tally.
	ErrEncoding = errors.New("nps: malformed encoding")
	// ErrPlan reports an invalid sample-size plan.
	ErrPlan = errors.New("nps: invalid plan")
	// ErrLevel reports a confidence level outside (0, 1).
	ErrLevel = stat.ErrLevel
	// ErrMethod reports an interval method this package does not offer.
	ErrMethod = stat.ErrMethod
)
