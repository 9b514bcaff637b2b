package agent

import (
	"fmt"
	"math"
	"time"
	"unicode/utf8"
)

// Interval is a span of time one agent spent in one state, a row of an
// agent-status export (Genesys "Agent Status Duration Details", Talkdesk
// "Agent Status"), or a planned activity of a schedule.
type Interval struct {
	// Agent identifies the agent; it must be non-empty UTF-8.
	Agent string
	// State is what the agent did.
	State State
	// Start and End bound the interval, [Start, End); End may equal
	// Start (an empty interval, as exports write a state left at once).
	Start, End time.Time
	// Contacts is the number of contacts handled during an OnContact
	// interval, 0 when the export does not say (then the agent's AHT and
	// contacts per hour are undefined). Other states carry none.
	Contacts int
}

// Duration returns End − Start. It is exact for a valid interval.
func (iv Interval) Duration() time.Duration { return iv.End.Sub(iv.Start) }

// Validate reports whether the interval can be tallied: an agent, a
// state, both times, End not before Start and within 292 years of it
// (what a time.Duration holds), a contact count that is not negative and
// only on an OnContact interval. Its errors wrap ErrID, ErrState, ErrTime,
// ErrDuration or ErrContacts and name the agent.
func (iv Interval) Validate() error {
	switch {
	case iv.Agent == "":
		return fmt.Errorf("%w: interval %s at %s", ErrID, iv.State, iv.Start.Format(time.RFC3339))
	case !utf8.ValidString(iv.Agent):
		return fmt.Errorf("%w: agent %q is not UTF-8", ErrID, iv.Agent)
	case !iv.State.Valid():
		return fmt.Errorf("%w: agent %q: %s", ErrState, iv.Agent, iv.State)
	case iv.Start.IsZero() || iv.End.IsZero():
		return fmt.Errorf("%w: agent %q: %s interval without a start or an end", ErrTime, iv.Agent, iv.State)
	case iv.End.Before(iv.Start):
		return fmt.Errorf("%w: agent %q: %s interval ends at %s, before its start %s", ErrTime, iv.Agent, iv.State,
			iv.End.Format(time.RFC3339), iv.Start.Format(time.RFC3339))
	case iv.Duration() == math.MaxInt64 && !iv.Start.Add(math.MaxInt64).Equal(iv.End):
		return fmt.Errorf("%w: agent %q: %s interval longer than 292 years", ErrDuration, iv.Agent, iv.State)
	case iv.Contacts < 0:
		return fmt.Errorf("%w: agent %q: %d contacts", ErrContacts, iv.Agent, iv.Contacts)
	case iv.Contacts > 0 && iv.State != OnContact:
		return fmt.Errorf("%w: agent %q: %d contacts on a %s interval", ErrContacts, iv.Agent, iv.Contacts, iv.State)
	}
	return nil
}
