package churn

import (
	"errors"

	"github.com/rapportkit/rapport/internal/stat"
)

var (
	// ErrID reports a customer with an empty id.
	ErrID = errors.New("churn: empty customer id")
	// ErrDuplicateID reports two customers (or signal sets) with one id.
	ErrDuplicateID = errors.New("churn: duplicate customer id")
	// ErrNoStart reports a customer without a start time.
	ErrNoStart = errors.New("churn: customer has no start time")
	// ErrEndBeforeStart reports a customer lost before it was acquired.
	ErrEndBeforeStart = errors.New("churn: end before start")
	// ErrContractBeforeStart reports a contract ending before the customer started.
	ErrContractBeforeStart = errors.New("churn: contract end before start")
	// ErrPeriod reports a period whose end is not after its start, or two
	// accumulators over different periods.
	ErrPeriod = errors.New("churn: invalid or mismatched period")
	// ErrCalendar reports a calendar with a non-positive number of months.
	ErrCalendar = errors.New("churn: invalid calendar")
	// ErrRate reports a rate outside [0, 1] or not finite.
	ErrRate = errors.New("churn: rate must be in [0, 1]")
	// ErrDuration reports a negative lifetime.
	ErrDuration = errors.New("churn: negative duration")
	// ErrAmount reports a negative revenue amount.
	ErrAmount = errors.New("churn: negative amount")
	// ErrEmpty reports a statistic asked of no observations.
	ErrEmpty = errors.New("churn: no observations")
	// ErrOverflow reports a count that would overflow.
	ErrOverflow = errors.New("churn: count overflow")
	// ErrSurvivors reports survivor counts that are not a valid cohort
	// (negative, increasing, or too short).
	ErrSurvivors = errors.New("churn: invalid survivor counts")
	// ErrNoFit reports an sBG model with no finite maximum-likelihood
	// estimate (no churn at all, everyone churning at once, or no
	// heterogeneity between customers).
	ErrNoFit = errors.New("churn: no finite maximum-likelihood estimate")
	// ErrScorecard reports a scorecard with a weight or rule that is
	// negative, NaN or infinite.
	ErrScorecard = errors.New("churn: invalid scorecard")
	// ErrSignal reports a risk signal out of its range.
	ErrSignal = errors.New("churn: signal out of range")
	// ErrCount reports counts that contradict each other (more complainants
	// than customers, say).
	ErrCount = errors.New("churn: inconsistent counts")
	// ErrEncoding reports a malformed binary or JSON encoding.
	ErrEncoding = errors.New("churn: malformed encoding")
	// ErrLevel reports a confidence level outside (0, 1).
	ErrLevel = stat.ErrLevel
	// ErrMethod reports an interval method this package does not offer.
	ErrMethod = stat.ErrMethod
)
