package agent

import "errors"

// The sentinel errors. The words shared with every rapport package (ErrID,
// ErrTime, ErrDuration, ErrOverflow, ErrEncoding, ErrMismatch) mean what
// the module's documentation says; the others are the words of agent
// time. Errors wrap them with context, so errors.Is works and the message
// names the interval, field or argument at fault.
var (
	// ErrID reports an interval without an agent.
	ErrID = errors.New("agent: empty agent")
	// ErrState reports an unknown or unset state.
	ErrState = errors.New("agent: unknown state")
	// ErrTime reports a missing start or end time, or an interval that
	// ends before it starts.
	ErrTime = errors.New("agent: invalid time")
	// ErrOverlap reports an interval of an agent that starts before the
	// end of that agent's previous one: two intervals overlap, or the
	// agent's intervals are out of order.
	ErrOverlap = errors.New("agent: overlapping or out-of-order interval")
	// ErrDuration reports an interval longer than the 292 years a
	// time.Duration holds, or a negative or zero duration parameter
	// (hours per FTE, a period).
	ErrDuration = errors.New("agent: invalid duration")
	// ErrContacts reports a negative contact count, or contacts on an
	// interval that is not OnContact.
	ErrContacts = errors.New("agent: invalid contact count")
	// ErrOverflow reports a count past 2⁶⁴−1, or an agent's time in one
	// state past 2⁶⁴−1 ns (584 years).
	ErrOverflow = errors.New("agent: count overflow")
	// ErrEncoding reports a malformed or impossible binary or JSON tally.
	ErrEncoding = errors.New("agent: malformed encoding")
)
