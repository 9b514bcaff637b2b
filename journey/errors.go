package journey

import "errors"

// The sentinel errors. The words shared with every rapport package
// (ErrTime, ErrDuration, ErrOverflow, ErrEncoding, ErrID) mean what the
// module's documentation says; the others are the words of journeys.
// Errors wrap them with context, so errors.Is works and the message names
// the step (its position and contact ID) or the field at fault. A step
// whose contact fails operations.Contact.Validate wraps the operations
// sentinel too (operations.ErrTime, operations.ErrChannel…).
var (
	// ErrHandler reports an unknown or unset handler, or one that
	// contradicts its contact: an agent on a self-service channel or on
	// a deflected contact, a bot or self-service step answered by an
	// agent, self-service on a channel that is not self-service.
	ErrHandler = errors.New("journey: invalid handler")
	// ErrTier reports a tier outside 0..MaxTier, or a tier on a step no
	// agent handled.
	ErrTier = errors.New("journey: invalid tier")
	// ErrTransfer reports a transfer to the step's own agent (or its own
	// queue, on a step without an agent), or a transfer by an agent who
	// never took the contact.
	ErrTransfer = errors.New("journey: invalid transfer")
	// ErrCase reports a case whose steps belong to different customers.
	ErrCase = errors.New("journey: inconsistent case")
	// ErrSpan reports a journey whose steps span more than the linker's
	// MaxSpan.
	ErrSpan = errors.New("journey: journey too long")
	// ErrSteps reports a journey without steps, or more steps than Link
	// takes at once (MaxSteps).
	ErrSteps = errors.New("journey: invalid number of steps")
	// ErrTime reports the steps of a journey out of time order.
	ErrTime = errors.New("journey: invalid time")
	// ErrDuration reports a negative linking window or maximum span.
	ErrDuration = errors.New("journey: invalid duration")
	// ErrOverflow reports a count that would exceed 2⁶⁴−1.
	ErrOverflow = errors.New("journey: count overflow")
	// ErrEncoding reports a malformed or impossible binary or JSON tally.
	ErrEncoding = errors.New("journey: malformed encoding")
)
