package nps

import "errors"

var (
	// ErrColumns reports grouped columns (TallyColumns) of unequal lengths,
	// a group id not below the number of groups, or too many groups.
	ErrColumns = errors.New("nps: malformed columns")
	// ErrScoreOutOfRange reports a score outside the scale (0–10 by default).
	ErrScoreOutOfRange = errors.New("nps: score out of range")
	// ErrWeight reports a survey weight that is negative, not finite, or
	// outside 2⁻⁶⁴..2⁶⁴.
	ErrWeight = errors.New("nps: invalid weight")
	// ErrWeighted reports a weighted response given to an unweighted tally.
	ErrWeighted = errors.New("nps: weighted response in an unweighted tally")
	// ErrScale reports an invalid scale.
	ErrScale = errors.New("nps: invalid scale")
	// ErrMismatch reports tallies on different scales merged or compared.
	ErrMismatch = errors.New("nps: tallies on different scales")
	// ErrOverflow reports a count that would exceed 2⁶⁴−1 responses.
	ErrOverflow = errors.New("nps: count overflow")
	// ErrNoVariance reports a sample-size plan whose expected shares leave
	// no spread (all promoters, say): no sample is needed, or none helps.
	ErrNoVariance = errors.New("nps: no variance")
	// ErrEncoding reports a malformed binary or JSON tally.
	ErrEncoding = errors.New("nps: malformed encoding")
	// ErrPlan reports an invalid sample-size plan.
	ErrPlan = errors.New("nps: invalid plan")
	// ErrLevel reports a confidence level outside (0, 1).
	ErrLevel = errors.New("nps: confidence level not in (0, 1)")
	// ErrMethod reports an interval method this package does not offer.
	ErrMethod = errors.New("nps: unknown interval method")
)
