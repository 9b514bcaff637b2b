package csat

import (
	"errors"

	"github.com/rapportkit/rapport/internal/stat"
)

var (
	// ErrScoreOutOfRange reports a score outside the scale.
	ErrScoreOutOfRange = errors.New("csat: score out of range")
	// ErrEmpty reports a statistic asked of a tally with no responses.
	ErrEmpty = errors.New("csat: no responses")
	// ErrTooFew reports a statistic that needs at least two responses (a
	// standard deviation).
	ErrTooFew = errors.New("csat: too few responses")
	// ErrScale reports an invalid scale or two tallies on different scales.
	ErrScale = errors.New("csat: invalid or mismatched scale")
	// ErrUnknownLabel reports an answer text that no label matches; the
	// error names the text.
	ErrUnknownLabel = errors.New("csat: unknown label")
	// ErrLabels reports an invalid label set: an empty label, or one label
	// given two points.
	ErrLabels = errors.New("csat: invalid labels")
	// ErrLevels reports benchmark thresholds that are not ordered within
	// [0, 1], or a share to grade outside [0, 1].
	ErrLevels = errors.New("csat: invalid benchmark levels")
	// ErrOverflow reports a count that would exceed 2⁶⁴−1 responses.
	ErrOverflow = errors.New("csat: count overflow")
	// ErrNoVariance reports a test undefined because both samples are all
	// satisfied or all not satisfied.
	ErrNoVariance = errors.New("csat: no variance")
	// ErrEncoding reports a malformed binary or JSON tally.
	ErrEncoding = errors.New("csat: malformed encoding")
	// ErrLevel reports a confidence level outside (0, 1).
	ErrLevel = stat.ErrLevel
	// ErrMethod reports an interval method this package does not offer.
	ErrMethod = stat.ErrMethod
)
