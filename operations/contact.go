package operations

import (
	"fmt"
	"time"

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
	// currency; zero if unknown.
	Cost decimal.Decimal `json:"cost"`

	// FCR places a handled contact in its customer's history; MarkFCR sets
	// it from the data, or it comes from the source system. FCRUnknown
	// leaves the contact out of first-contact resolution.
	FCR FCRStatus `json:"fcr,omitempty"`
}

// maxCostExponent bounds the decimal exponent of a cost: 10⁻⁶⁴ to 10⁶⁴ units.
const maxCostExponent = 64

// Validate checks the contact. Every channel, direction and outcome must be
// set and valid, the arrival time set, and:
//
//   - an Answered contact has an answer time, not before its arrival; other
//     contacts have none;
//   - an end time, if set, is not before the arrival or the answer;
//   - talk, hold and wrap are not negative, and zero unless Answered;
//   - only a handled contact (Answered or Deflected) is Resolved or has an
//     FCR status, and FCRResolved needs Resolved;
//   - self-service channels are inbound and never Answered (an agent who
//     takes over a bot conversation makes a Chat contact);
//   - Closed and Deflected are inbound outcomes;
//   - the cost is not negative and has at most 64 decimal places.
//
// The error names the contact ID and the field, and wraps ErrChannel,
// ErrDirection, ErrOutcome, ErrValueAdded, ErrFCR, ErrMissingTime,
// ErrTimeOrder, ErrNegativeDuration, ErrCost or ErrInconsistent.
func (c *Contact) Validate() error {
	if err := c.validate(); err != nil {
		return fmt.Errorf("contact %q: %w", c.ID, err)
	}
	return nil
}

func (c *Contact) validate() error {
	switch {
	case !c.Channel.Valid():
		return fmt.Errorf("channel: %w (%d)", ErrChannel, c.Channel)
	case !c.Direction.Valid():
		return fmt.Errorf("direction: %w (%d)", ErrDirection, c.Direction)
	case !c.Outcome.Valid():
		return fmt.Errorf("outcome: %w (%d)", ErrOutcome, c.Outcome)
	case !c.Value.Valid():
		return fmt.Errorf("value: %w (%d)", ErrValueAdded, c.Value)
	case !c.FCR.Valid():
		return fmt.Errorf("fcr: %w (%d)", ErrFCR, c.FCR)
	case c.Arrived.IsZero():
		return fmt.Errorf("arrived: %w", ErrMissingTime)
	}
	for _, d := range [...]struct {
		name string
		v    time.Duration
	}{{"talk", c.Talk}, {"hold", c.Hold}, {"wrap", c.Wrap}} {
		if d.v < 0 {
			return fmt.Errorf("%s %v: %w", d.name, d.v, ErrNegativeDuration)
		}
		if d.v != 0 && c.Outcome != Answered {
			return fmt.Errorf("%s %v on a contact %s, not answered: %w", d.name, d.v, c.Outcome, ErrInconsistent)
		}
	}
	if c.Outcome == Answered {
		if c.Answered.IsZero() {
			return fmt.Errorf("answered: %w", ErrMissingTime)
		}
		if c.Answered.Before(c.Arrived) {
			return fmt.Errorf("answered %v before arrived %v: %w", c.Answered.Format(time.RFC3339Nano), c.Arrived.Format(time.RFC3339Nano), ErrTimeOrder)
		}
	} else if !c.Answered.IsZero() {
		return fmt.Errorf("answer time on a contact %s: %w", c.Outcome, ErrInconsistent)
	}
	if !c.Ended.IsZero() {
		if c.Ended.Before(c.Arrived) {
			return fmt.Errorf("ended %v before arrived %v: %w", c.Ended.Format(time.RFC3339Nano), c.Arrived.Format(time.RFC3339Nano), ErrTimeOrder)
		}
		if c.Ended.Before(c.Answered) {
			return fmt.Errorf("ended %v before answered %v: %w", c.Ended.Format(time.RFC3339Nano), c.Answered.Format(time.RFC3339Nano), ErrTimeOrder)
		}
	}
	if !c.Outcome.Handled() {
		if c.Resolved {
			return fmt.Errorf("resolved on a contact %s: %w", c.Outcome, ErrInconsistent)
		}
		if c.FCR != FCRUnknown {
			return fmt.Errorf("fcr %s on a contact %s: %w", c.FCR, c.Outcome, ErrInconsistent)
		}
	}
	if c.FCR == FCRResolved && !c.Resolved {
		return fmt.Errorf("fcr %s on a contact not resolved: %w", c.FCR, ErrInconsistent)
	}
	if c.Channel.SelfService() {
		if c.Direction != Inbound {
			return fmt.Errorf("%s contact on %s: %w", c.Direction, c.Channel, ErrInconsistent)
		}
		if c.Outcome == Answered {
			return fmt.Errorf("%s contact answered by an agent: %w", c.Channel, ErrInconsistent)
		}
	}
	if c.Direction == Outbound && (c.Outcome == Closed || c.Outcome == Deflected) {
		return fmt.Errorf("outbound contact %s: %w", c.Outcome, ErrInconsistent)
	}
	if c.Cost.Sign() < 0 {
		return fmt.Errorf("cost %v: %w", c.Cost, ErrCost)
	}
	if e := c.Cost.Exponent(); !c.Cost.IsZero() && (e < -maxCostExponent || e > maxCostExponent) {
		return fmt.Errorf("cost exponent %d: %w", e, ErrCost)
	}
	return nil
}

// Wait returns the time from arrival to answer, or ok = false for a
// contact not answered.
func (c *Contact) Wait() (time.Duration, bool) {
	if c.Outcome != Answered || c.Answered.IsZero() {
		return 0, false
	}
	return c.Answered.Sub(c.Arrived), true
}
