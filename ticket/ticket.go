package ticket

import (
	"fmt"
	"time"

	"github.com/rapportkit/rapport/operations"
)

// Ticket is one request handled asynchronously (an e-mail, a form, a
// letter, a message) from creation to closure, as a help desk exports it.
// Times are instants; a zero time is "has not happened (yet)".
type Ticket struct {
	ID string `json:"id"`
	// Channel is how the ticket came in; zero if unknown.
	Channel  operations.Channel `json:"channel,omitzero"`
	Priority string             `json:"priority,omitempty"` // "urgent", "high", "normal", "low"…
	Assignee string             `json:"assignee,omitempty"`
	Group    string             `json:"group,omitempty"`

	Created time.Time `json:"created"`
	// FirstReply is the first public reply of an agent.
	FirstReply time.Time `json:"first_reply,omitzero"`
	// Solved is the last time the ticket was solved (after its last
	// reopen, if any): Zendesk's full resolution.
	Solved time.Time `json:"solved,omitzero"`
	// Closed is when the solved ticket was closed for good.
	Closed time.Time `json:"closed,omitzero"`

	// Replies is the number of public agent replies, Reopens the number
	// of times the ticket was reopened after being solved; Unknown when
	// the source does not record them (not 0, which is a count).
	Replies int `json:"replies"`
	Reopens int `json:"reopens"`
}

// Unknown is a Replies or Reopens count that was not recorded.
const Unknown = -1

// MaxAge bounds the time from creation to any other event: 100 years.
const MaxAge = 36525 * 24 * time.Hour

// Validate checks the ticket: an id and a creation time; a channel, if
// set, that is valid; a first reply, solve and close not before creation
// and at most MaxAge after it; a close only after a solve, not before it;
// counts at least 0 or Unknown; reopens only of a solved ticket; a first
// reply only with at least one reply counted, and replies counted only
// with a first reply. Its error wraps ErrID, ErrChannel, ErrTime,
// ErrCount or ErrInconsistent and names the ticket:
// `ticket: invalid time: ticket "42": solved 09:00 before created 10:00`.
func (t *Ticket) Validate() error {
	bad := func(err error, format string, args ...any) error {
		return fmt.Errorf("%w: ticket %q: "+format, append([]any{err, t.ID}, args...)...)
	}
	if t.ID == "" {
		return bad(ErrID, "no id")
	}
	if t.Channel != 0 && !t.Channel.Valid() {
		return bad(ErrChannel, "channel %d", t.Channel)
	}
	if t.Created.IsZero() {
		return bad(ErrTime, "no creation time")
	}
	for _, e := range [...]struct {
		name string
		at   time.Time
	}{{"first reply", t.FirstReply}, {"solved", t.Solved}, {"closed", t.Closed}} {
		if e.at.IsZero() {
			continue
		}
		if e.at.Before(t.Created) {
			return bad(ErrTime, "%s %v before created %v", e.name, e.at, t.Created)
		}
		if e.at.Sub(t.Created) > MaxAge {
			return bad(ErrTime, "%s %v more than 100 years after created %v", e.name, e.at, t.Created)
		}
	}
	if !t.Closed.IsZero() {
		if t.Solved.IsZero() {
			return bad(ErrInconsistent, "closed but never solved")
		}
		if t.Closed.Before(t.Solved) {
			return bad(ErrTime, "closed %v before solved %v", t.Closed, t.Solved)
		}
	}
	for _, c := range [...]struct {
		name string
		n    int
	}{{"replies", t.Replies}, {"reopens", t.Reopens}} {
		if c.n < Unknown {
			return bad(ErrCount, "%s %d", c.name, c.n)
		}
	}
	if t.Reopens > 0 && t.Solved.IsZero() {
		return bad(ErrInconsistent, "reopened %d times but never solved", t.Reopens)
	}
	if !t.FirstReply.IsZero() && t.Replies == 0 {
		return bad(ErrInconsistent, "a first reply but 0 replies")
	}
	if t.FirstReply.IsZero() && t.Replies > 0 {
		return bad(ErrInconsistent, "%d replies but no first reply", t.Replies)
	}
	return nil
}
