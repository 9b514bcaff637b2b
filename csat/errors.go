package csat

import "errors"

var (
	// ErrColumns reports grouped columns (TallyColumns) of unequal lengths,
	// a group id not below the number of groups, or too many groups.
	ErrColumns = errors.New("csat: malformed columns")
	// ErrScoreOutOfRange reports a score outside the scale.
	ErrScoreOutOfRange = errors.New("csat: score out of range")
	// ErrScale reports an invalid scale.
	ErrScale = errors.New("csat: invalid scale")
	// ErrMismatch reports tallies on different scales merged.
	ErrMismatch = errors.New("csat: tallies on different scales")
	// ErrUnknownLabel reports an answer text that no label matches; the
	// error names the text.
	ErrUnknownLabel = errors.New("csat: unknown label")
	// ErrLabels reports an invalid label set: an empty label, or one label
	// given two points.
	ErrLabels = errors.New("csat: invalid labels")
	// ErrBenchmark reports benchmark thresholds (Levels) that are not
	// ordered within [0, 1], or a share to grade outside [0, 1].
	ErrBenchmark = errors.New("csat: invalid benchmark")
	// ErrOverflow reports a count that would exceed 2⁶⁴−1 responses.
	ErrOverflow = errors.New("csat: count overflow")
	// ErrEncoding reports a malformed binary or JSON tally or scale.
	ErrEncoding = errors.New("csat: malformed encoding")
	// ErrLevel reports a confidence level outside (0, 1).
	ErrLevel = errors.New("csat: confidence level not in (0, 1)")
	// ErrMethod reports an interval method this package does not offer.
	ErrMethod = errors.New("csat: unknown interval method")
)
