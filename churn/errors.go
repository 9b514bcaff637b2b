package churn

import (
	"errors"
	"fmt"

	"github.com/rapportkit/rapport/internal/stat"
)

// The words of the rapport vocabulary (see the module's root
// documentation) this package can meet, and those of its own domain.
// Every error of the package wraps one of them.
var (
	// ErrID reports an empty customer id.
	ErrID = errors.New("churn: empty customer id")
	// ErrDuplicateID reports two customers (or signal sets) with one id.
	ErrDuplicateID = errors.New("churn: duplicate customer id")
	// ErrTime reports a missing time, times out of order (an end before
	// its start, renewals out of order) or a time outside the plausible
	// window [1900-01-01, 2150-01-01] UTC.
	ErrTime = errors.New("churn: invalid time")
	// ErrPeriod reports an invalid period: empty or reversed, a calendar
	// whose months do not divide a year (or a multiple of one up to
	// MaxCalendarMonths), a location that cannot be written down, or a
	// series, table or horizon longer than MaxPeriods.
	ErrPeriod = errors.New("churn: invalid period")
	// ErrMismatch reports two accumulators over different periods or
	// calendars merged.
	ErrMismatch = errors.New("churn: mismatched periods")
	// ErrDuration reports a negative lifetime or one longer than
	// MaxLifetime, or a negative rounding unit.
	ErrDuration = errors.New("churn: invalid duration")
	// ErrAmount reports a revenue amount that is negative or outside the
	// bounds of every amount in rapport (at most 64 decimal places, a
	// magnitude below 10⁶⁴).
	ErrAmount = errors.New("churn: invalid amount")
	// ErrEmpty reports a statistic asked of no observations where no
	// result can be formed at all (a curve of no lifetime).
	ErrEmpty = errors.New("churn: no observations")
	// ErrOverflow reports a count past 2⁶⁴ − 1.
	ErrOverflow = errors.New("churn: count overflow")
	// ErrEncoding reports a malformed, non-canonical or impossible binary
	// or JSON encoding.
	ErrEncoding = errors.New("churn: malformed encoding")
	// ErrLevel reports a confidence level outside (0, 1).
	ErrLevel = errors.New("churn: confidence level not in (0, 1)")
	// ErrMethod reports an interval method this package does not offer.
	ErrMethod = errors.New("churn: unknown interval method")
	// ErrConverge reports an sBG fit that does not converge to a finite
	// maximum-likelihood estimate within its iterations: nobody lost,
	// everybody lost at once, no heterogeneity between customers, or a
	// likelihood still rising at the bound.
	ErrConverge = errors.New("churn: sBG fit does not converge")
	// ErrParameter reports an sBG parameter outside [MinSBGParameter,
	// MaxSBGParameter] or not finite.
	ErrParameter = errors.New("churn: sBG parameter out of range")
	// ErrRate reports a rate, share or quantile outside [0, 1] or not
	// finite.
	ErrRate = errors.New("churn: rate not in [0, 1]")
	// ErrSurvivors reports survivor counts that are not a valid cohort
	// (negative, increasing, too short or too long).
	ErrSurvivors = errors.New("churn: invalid survivor counts")
	// ErrScorecard reports a scorecard with a weight or rule that is
	// negative, NaN or infinite.
	ErrScorecard = errors.New("churn: invalid scorecard")
	// ErrSignal reports a risk signal out of its range.
	ErrSignal = errors.New("churn: signal out of range")
	// ErrCount reports counts that contradict each other (more complainants
	// than customers, say) or a cohort size that is negative or not finite.
	ErrCount = errors.New("churn: inconsistent counts")
)

// critical checks the level and the method of a survival interval and
// returns its critical value z, with the package's own errors.
func critical(level float64, m Method) (float64, error) {
	switch m {
	case Log, LogLog, Plain:
	default:
		return 0, fmt.Errorf("%w: %q (want %q, %q or %q)", ErrMethod, m, Log, LogLog, Plain)
	}
	if !(level > 0 && level < 1) {
		return 0, fmt.Errorf("%w: got %v", ErrLevel, level)
	}
	z, err := stat.Critical(level)
	if err != nil {
		return 0, fmt.Errorf("%w: got %v", ErrLevel, level)
	}
	return z, nil
}
