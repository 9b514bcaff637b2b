package ces

import "errors"

var (
	// ErrColumns reports grouped columns (TallyColumns) of unequal lengths,
	// a group id not below the number of groups, or too many groups.
	ErrColumns = errors.New("ces: malformed columns")
	// ErrScoreOutOfRange reports a score outside the scale.
	ErrScoreOutOfRange = errors.New("ces: score out of range")
	// ErrScale reports an invalid scale.
	ErrScale = errors.New("ces: invalid scale")
	// ErrMismatch reports tallies on different scales merged, compared or
	// ranked together.
	ErrMismatch = errors.New("ces: tallies on different scales")
	// ErrOverflow reports a count that would exceed 2⁶⁴−1 responses.
	ErrOverflow = errors.New("ces: count overflow")
	// ErrEncoding reports a malformed binary or JSON tally or scale.
	ErrEncoding = errors.New("ces: malformed encoding")
	// ErrAlpha reports a significance level outside (0, 1).
	ErrAlpha = errors.New("ces: significance level not in (0, 1)")
	// ErrLevel reports a confidence level outside (0, 1).
	ErrLevel = errors.New("ces: confidence level not in (0, 1)")
	// ErrMethod reports an interval method this package does not offer.
	ErrMethod = errors.New("ces: unknown interval method")
	// ErrID reports a group key that cannot be ranked (a NaN).
	ErrID = errors.New("ces: invalid group key")
	// ErrUnknownLabel reports an answer text that no label matches; the
	// error names the text.
	ErrUnknownLabel = errors.New("ces: unknown label")
	// ErrLabels reports an invalid label set: an empty label, or one label
	// given two points.
	ErrLabels = errors.New("ces: invalid labels")
)
