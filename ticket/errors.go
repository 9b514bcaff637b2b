package ticket

import "errors"

// Sentinel errors. Errors wrap them with context naming the ticket, the
// field or the argument, so errors.Is works.
var (
	// ErrID reports a ticket without an id, or a priority name that is
	// too long.
	ErrID = errors.New("ticket: invalid id")
	// ErrChannel reports a channel that is set but unknown.
	ErrChannel = errors.New("ticket: unknown channel")
	// ErrTime reports a missing creation time, times out of order
	// (replied or solved before created, closed before solved) or a span
	// longer than MaxAge.
	ErrTime = errors.New("ticket: invalid time")
	// ErrCount reports a negative reply or reopen count other than Unknown.
	ErrCount = errors.New("ticket: invalid count")
	// ErrInconsistent reports fields that contradict each other: a reopen
	// of a ticket never solved, a first reply with no reply counted.
	ErrInconsistent = errors.New("ticket: inconsistent fields")
	// ErrTarget reports an invalid SLA target: a negative duration, more
	// than MaxPriorities priorities, or business hours without a calendar.
	ErrTarget = errors.New("ticket: invalid target")
	// ErrOverflow reports a count that would exceed 2⁶⁴−1 tickets.
	ErrOverflow = errors.New("ticket: count overflow")
	// ErrMismatch reports tallies with different targets or calendars merged.
	ErrMismatch = errors.New("ticket: tallies with different parameters")
	// ErrEncoding reports a malformed or impossible binary or JSON tally.
	ErrEncoding = errors.New("ticket: malformed encoding")
	// ErrDuration reports a negative duration.
	ErrDuration = errors.New("ticket: invalid duration")
)
