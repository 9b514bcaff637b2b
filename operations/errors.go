package operations

import "errors"

// The sentinel errors. The words shared with every rapport package
// (ErrTime, ErrDuration, ErrAmount, ErrOverflow, ErrEncoding, ErrConverge)
// mean what the module's documentation says; the others are the words of
// a contact centre. Errors wrap them with context, so errors.Is works and
// the message says which contact, field or argument was wrong.
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
	// ErrTime reports a missing time (every contact has an arrival time
	// and an answered one an answer time) or times out of order (an
	// answer before the arrival, an end before the answer).
	ErrTime = errors.New("operations: invalid time")
	// ErrDuration reports a negative talk, hold or wrap time, a span
	// between two times of a contact past the 292 years a time.Duration
	// holds, a negative threshold, or a repeat window that is not
	// positive.
	ErrDuration = errors.New("operations: invalid duration")
	// ErrAmount reports a negative cost, or one with more than 64 decimal
	// places or of 10⁶⁴ or more.
	ErrAmount = errors.New("operations: invalid amount")
	// ErrInconsistent reports fields that contradict each other, such as
	// talk time on an abandoned call or a resolved flag on a busy one.
	ErrInconsistent = errors.New("operations: inconsistent fields")
	// ErrOverflow reports a count that would exceed 2⁶⁴−1 contacts.
	ErrOverflow = errors.New("operations: count overflow")
	// ErrEncoding reports a malformed or impossible binary or JSON tally.
	ErrEncoding = errors.New("operations: malformed encoding")
	// ErrTable reports a malformed Table: columns of unequal lengths, a
	// dictionary index out of its dictionary, or group columns
	// (TallyTableBy) that do not fit it.
	ErrTable = errors.New("operations: malformed table")
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
	// ErrTargets reports staffing targets that are out of range or cannot
	// work together: a service level without its threshold, an
	// abandonment target on a queue whose customers never abandon, no
	// target at all; or a shrinkage or blocking outside its range.
	ErrTargets = errors.New("operations: invalid targets")
	// ErrUnreachable reports targets no number of agents up to MaxAgents meets.
	ErrUnreachable = errors.New("operations: targets unreachable")
	// ErrConverge reports an Erlang A computation that needs more terms
	// than its bound (see Queue.Metrics): a queue far more loaded than its
	// agents with customers far more patient than the handle time.
	ErrConverge = errors.New("operations: Erlang A series does not converge")
)
