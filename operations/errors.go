package operations

import "errors"

var (
	// ErrChannel reports an unknown or unset channel.
	ErrChannel = errors.New("operations: unknown channel")
	// ErrDirection reports an unknown or unset direction.
	ErrDirection = errors.New("operations: unknown direction")
	// ErrOutcome reports an unknown or unset outcome.
	ErrOutcome = errors.New("operations: unknown outcome")
	// ErrValueAdded reports an unknown value-added level.
	ErrValueAdded = errors.New("operations: unknown value-added level")
	// ErrFCR reports an unknown first-contact-resolution status.
	ErrFCR = errors.New("operations: unknown first-contact status")
	// ErrMissingTime reports a contact without a time it needs: every
	// contact has an arrival time and an answered one an answer time.
	ErrMissingTime = errors.New("operations: missing time")
	// ErrTimeOrder reports times out of order, such as an answer before
	// the arrival or an end before the answer.
	ErrTimeOrder = errors.New("operations: times out of order")
	// ErrNegativeDuration reports a negative talk, hold or wrap time.
	ErrNegativeDuration = errors.New("operations: negative duration")
	// ErrCost reports a negative cost, or one with more than 64 decimal
	// places or beyond 10⁶⁴.
	ErrCost = errors.New("operations: invalid cost")
	// ErrInconsistent reports fields that contradict each other, such as
	// talk time on an abandoned call or a resolved flag on a busy one.
	ErrInconsistent = errors.New("operations: inconsistent contact")
	// ErrWindow reports a repeat window that is not positive.
	ErrWindow = errors.New("operations: repeat window must be positive")
	// ErrOverflow reports a count that would exceed 2⁶⁴−1 contacts.
	ErrOverflow = errors.New("operations: count overflow")
	// ErrEncoding reports a malformed binary or JSON tally.
	ErrEncoding = errors.New("operations: malformed encoding")
	// ErrCSV reports a CSV header or cell that cannot be read.
	ErrCSV = errors.New("operations: bad CSV")
	// ErrQueue reports an invalid queue: negative or non-finite contacts,
	// non-positive interval or handle time, negative patience, concurrency
	// below 1, or more traffic than MaxTraffic.
	ErrQueue = errors.New("operations: invalid queue")
	// ErrAgents reports a negative number of agents or more than MaxAgents.
	ErrAgents = errors.New("operations: invalid number of agents")
	// ErrUnstable reports an Erlang C queue with traffic at or above the
	// number of agents: the queue grows without bound and no steady state
	// exists (P(wait) = 1, ASA infinite).
	ErrUnstable = errors.New("operations: unstable queue (traffic ≥ agents)")
	// ErrTargets reports invalid staffing targets or shrinkage.
	ErrTargets = errors.New("operations: invalid targets")
	// ErrUnreachable reports targets no number of agents up to MaxAgents meets.
	ErrUnreachable = errors.New("operations: targets unreachable")
	// ErrConverge reports an Erlang A series that needs more than 2²⁴
	// terms: a queue far more loaded than its agents with customers far
	// more patient than the handle time.
	ErrConverge = errors.New("operations: Erlang A series does not converge")
)
