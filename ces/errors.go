package ces

import (
	"errors"

	"github.com/rapportkit/rapport/internal/stat"
)

var (
	// ErrScoreOutOfRange reports a score outside the scale.
	ErrScoreOutOfRange = errors.New("ces: score out of range")
	// ErrEmpty reports a statistic asked of a tally with no responses, or
	// a ranking of no groups.
	ErrEmpty = errors.New("ces: no responses")
	// ErrTooFew reports a statistic that needs at least two responses (a
	// standard deviation, an interval, a test).
	ErrTooFew = errors.New("ces: too few responses")
	// ErrScale reports an invalid scale, or tallies on different scales
	// merged, compared or ranked together.
	ErrScale = errors.New("ces: invalid or mismatched scale")
	// ErrOverflow reports a count that would exceed 2⁶⁴−1 responses.
	ErrOverflow = errors.New("ces: count overflow")
	// ErrNoVariance reports a test undefined because every response of both
	// samples is the same score within each sample.
	ErrNoVariance = errors.New("ces: no variance")
	// ErrEncoding reports a malformed binary or JSON tally or scale.
	ErrEncoding = errors.New("ces: malformed encoding")
	// ErrAlpha reports a significance level outside (0, 1).
	ErrAlpha = errors.New("ces: significance level must be in (0, 1)")
	// ErrLevel reports a confidence level outside (0, 1).
	ErrLevel = stat.ErrLevel
)
