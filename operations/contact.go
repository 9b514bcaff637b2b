package operations

import (
	"fmt"
	"math"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// Contact is one interaction between a customer and the centre: a call, a
// chat, an e-mail, a visit to self-care… Times are instants; durations are
// the agent's handling (zero unless an agent answered).
type Contact struct {
	ID         string `json:"id"`
	CustomerID string `json:"customer_id,omitempty"` // empty for an anonymous contact
	Reason     string `json:"reason,omitempty"`      // the request's subject, as coded by the centre
	Agent      string `json:"agent,omitempty"`
	Queue      string `json:"queue,omitempty"` // the queue, skill or team it was routed to

	Channel   Channel   `json:"channel"`
	Direction Direction `json:"direction"`
	Outcome   Outcome   `json:"outcome"`

	// Arrived is when the contact reached the centre (entered the queue,
	// the e-mail was received; for an outbound contact, the dial).
	Arrived time.Time `json:"arrived"`
	// Answered is when an agent took the contact (replied, for an
	// asynchronous channel); zero unless Outcome is Answered.
	Answered time.Time `json:"answered,omitzero"`
	// Ended is when the contact ended (the customer hung up or left the
	// queue); zero if unknown. For abandoned calls it gives the time to
	// abandon.
	Ended time.Time `json:"ended,omitzero"`

	Talk time.Duration `json:"talk,omitempty"`
	Hold time.Duration `json:"hold,omitempty"`
	Wrap time.Duration `json:"wrap,omitempty"` // after-call work

	// Resolved says the request was settled (by the agent or self-service);
	// only a handled contact (Answered or Deflected) can be resolved.
	Resolved bool `json:"resolved,omitempty"`
	// Complaint says the contact is a complaint.
	Complaint bool       `json:"complaint,omitempty"`
	Value     ValueAdded `json:"value,omitempty"`
	// Cost is what the contact cost (agent time, telephony…), in any one
	// currency. Its zero value (Valid false) is "unknown", which is not a
	// cost of 0: while any contact's cost is unknown, the total cost and
	// the costs per contact and per resolution are undefined. Set a known
	// cost with decimal.NewNullDecimal(d); JSON null is unknown.
	Cost decimal.NullDecimal `json:"cost"`

	// FCR places a handled contact in its customer's history; MarkFCR sets
	// it from the data, or it comes from the source system. FCRUnknown
	// leaves the contact out of first-contact resolution.
	FCR FCRStatus `json:"fcr,omitempty"`
}

// Validate checks the contact. Every channel, direction and outcome must be
// set and valid, the arrival time set, and:
//
//   - an Answered contact has an answer time, not before its arrival; other
//     contacts have none;
//   - an end time, if set, is not before the arrival or the answer;
//   - the wait (arrival to answer) and the time to the end fit in a
//     time.Duration: at most 292 years, never clipped;
//   - talk, hold and wrap are not negative, and zero unless Answered;
//   - only a handled contact (Answered or Deflected) is Resolved or has an
//     FCR status, and FCRResolved needs Resolved;
//   - self-service channels are inbound and never Answered (an agent who
//     takes over a bot conversation makes a Chat contact);
//   - Closed and Deflected are inbound outcomes;
//   - a known cost is not negative, has at most 64 decimal places and is
//     below 10⁶⁴.
//
// The error starts with its sentinel — ErrChannel, ErrDirection,
// ErrOutcome, ErrValueAdded, ErrFCR, ErrTime, ErrDuration, ErrAmount or
// ErrInconsistent — and names the contact ID and the field:
// `operations: invalid time: contact "c42": answered 08:59:59 before
// arrived 09:00:00`.
func (c *Contact) Validate() error {
	if detail, err := c.validate(); err != nil {
		return fmt.Errorf("%w: contact %q: %s", err, c.ID, detail)
	}
	return nil
}

// validate returns the description of the first problem and its sentinel.
func (c *Contact) validate() (string, error) {
	switch {
	case !c.Channel.Valid():
		return fmt.Sprintf("channel %d", c.Channel), ErrChannel
	case !c.Direction.Valid():
		return fmt.Sprintf("direction %d", c.Direction), ErrDirection
	case !c.Outcome.Valid():
		return fmt.Sprintf("outcome %d", c.Outcome), ErrOutcome
	case !c.Value.Valid():
		return fmt.Sprintf("value %d", c.Value), ErrValueAdded
	case !c.FCR.Valid():
		return fmt.Sprintf("fcr %d", c.FCR), ErrFCR
	case c.Arrived.IsZero():
		return "no arrival time", ErrTime
	}
	for _, d := range [...]struct {
		name string
		v    time.Duration
	}{{"talk", c.Talk}, {"hold", c.Hold}, {"wrap", c.Wrap}} {
		if d.v < 0 {
			return fmt.Sprintf("%s %v is negative", d.name, d.v), ErrDuration
		}
		if d.v != 0 && c.Outcome != Answered {
			return fmt.Sprintf("%s %v on a contact %s, not answered", d.name, d.v, c.Outcome), ErrInconsistent
		}
	}
	if c.Outcome == Answered {
		if c.Answered.IsZero() {
			return "answered contact without an answer time", ErrTime
		}
		if c.Answered.Before(c.Arrived) {
			return fmt.Sprintf("answered %s before arrived %s", stamp(c.Answered), stamp(c.Arrived)), ErrTime
		}
		if _, ok := span(c.Arrived, c.Answered); !ok {
			return fmt.Sprintf("wait from arrived %s to answered %s longer than 292 years", stamp(c.Arrived), stamp(c.Answered)), ErrDuration
		}
	} else if !c.Answered.IsZero() {
		return fmt.Sprintf("answer time on a contact %s", c.Outcome), ErrInconsistent
	}
	if !c.Ended.IsZero() {
		if c.Ended.Before(c.Arrived) {
			return fmt.Sprintf("ended %s before arrived %s", stamp(c.Ended), stamp(c.Arrived)), ErrTime
		}
		if c.Ended.Before(c.Answered) {
			return fmt.Sprintf("ended %s before answered %s", stamp(c.Ended), stamp(c.Answered)), ErrTime
		}
		if _, ok := span(c.Arrived, c.Ended); !ok {
			return fmt.Sprintf("time from arrived %s to ended %s longer than 292 years", stamp(c.Arrived), stamp(c.Ended)), ErrDuration
		}
	}
	if !c.Outcome.Handled() {
		if c.Resolved {
			return fmt.Sprintf("resolved on a contact %s", c.Outcome), ErrInconsistent
		}
		if c.FCR != FCRUnknown {
			return fmt.Sprintf("fcr %s on a contact %s", c.FCR, c.Outcome), ErrInconsistent
		}
	}
	if c.FCR == FCRResolved && !c.Resolved {
		return fmt.Sprintf("fcr %s on a contact not resolved", c.FCR), ErrInconsistent
	}
	if c.Channel.SelfService() {
		if c.Direction != Inbound {
			return fmt.Sprintf("%s contact on %s", c.Direction, c.Channel), ErrInconsistent
		}
		if c.Outcome == Answered {
			return fmt.Sprintf("%s contact answered by an agent", c.Channel), ErrInconsistent
		}
	}
	if c.Direction == Outbound && (c.Outcome == Closed || c.Outcome == Deflected) {
		return fmt.Sprintf("outbound contact %s", c.Outcome), ErrInconsistent
	}
	if c.Cost.Valid {
		if c.Cost.Decimal.Sign() < 0 {
			return fmt.Sprintf("cost %v is negative", c.Cost.Decimal), ErrAmount
		}
		if err := money.Check(c.Cost.Decimal); err != nil {
			return fmt.Sprintf("cost %v: %v", c.Cost.Decimal, err), ErrAmount
		}
	}
	return "", nil
}

// stamp writes a time for an error message.
func stamp(t time.Time) string { return t.Format(time.RFC3339Nano) }

// span returns to − from, or ok = false when it does not fit in a
// time.Duration (more than 292 years either way), where time.Time.Sub
// would clip it.
func span(from, to time.Time) (time.Duration, bool) {
	d := to.Sub(from)
	if d > math.MinInt64 && d < math.MaxInt64 {
		return d, true // Sub clips only to the two extremes
	}
	return d, from.Add(d).Equal(to)
}

// Wait returns the time from arrival to answer, or ok = false for a
// contact not answered (or whose wait does not fit in a time.Duration).
func (c *Contact) Wait() (time.Duration, bool) {
	if c.Outcome != Answered || c.Answered.IsZero() {
		return 0, false
	}
	return span(c.Arrived, c.Answered)
}
