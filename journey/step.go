package journey

import (
	"fmt"

	"github.com/rapportkit/rapport/operations"
)

// MaxTier is the highest support tier a step can carry.
const MaxTier = 9

// Step is one contact of a journey, with what linking and transfers need
// on top of operations.Contact.
type Step struct {
	Contact operations.Contact `json:"contact"`
	// Case is the case (ticket, conversation, incident) the source
	// system filed the contact under. Steps of one case are one journey
	// whatever their times; a step without a case is linked by its
	// customer (see Linker).
	Case string `json:"case,omitempty"`
	// Handler is who served the step (see Handler; HandlerOf infers it
	// from the contact).
	Handler Handler `json:"handler"`
	// Tier is the support tier of an Agent step, 1 (front line) to
	// MaxTier; 0 is unknown, and the only tier of a Bot or Self step.
	Tier int `json:"tier,omitempty"`
	// TransferredTo names the agent or queue the step was handed to,
	// without the customer leaving: the next step of the journey is the
	// transfer's destination. Empty means the step ended the contact; a
	// later step of the journey is then a repeat contact.
	TransferredTo string `json:"transferred_to,omitempty"`
}

// Validate checks the step: its contact (operations.Contact.Validate),
// and
//
//   - the handler is valid and fits the contact: Self only on
//     operations.FAQ and operations.CustomerSpace, Bot on Chatbot, no
//     Agent on a self-service channel or on a Deflected contact, no Bot
//     or Self step Answered (an agent answered it: it is an Agent step);
//   - the tier is in 0..MaxTier, and 0 unless the handler is Agent;
//   - a transfer is not to the step's own agent (nor to its own queue
//     when it has no agent), and an Agent step transfers only a contact
//     it answered.
//
// The error wraps ErrHandler, ErrTier, ErrTransfer or the operations
// sentinel of the contact's fault, and names the contact:
// `journey: invalid transfer: step "c7": transferred to its own agent "ana"`.
func (s *Step) Validate() error {
	if err := s.Contact.Validate(); err != nil {
		return fmt.Errorf("journey: step %q: %w", s.Contact.ID, err)
	}
	if detail, err := s.validate(); err != nil {
		return fmt.Errorf("%w: step %q: %s", err, s.Contact.ID, detail)
	}
	return nil
}

func (s *Step) validate() (string, error) {
	c := &s.Contact
	h := s.Handler
	switch {
	case !h.Valid():
		return fmt.Sprintf("handler %d", uint8(h)), ErrHandler
	case h == Self && !c.Channel.SelfService(), h != Self && (c.Channel == operations.FAQ || c.Channel == operations.CustomerSpace):
		return fmt.Sprintf("%s step on %s", h, c.Channel), ErrHandler
	case c.Channel == operations.Chatbot && h != Bot:
		return fmt.Sprintf("%s step on %s", h, c.Channel), ErrHandler
	case h == Agent && c.Outcome == operations.Deflected:
		return "agent step deflected to self-service", ErrHandler
	case h.Automated() && c.Outcome == operations.Answered:
		return fmt.Sprintf("%s step answered by an agent", h), ErrHandler
	case s.Tier < 0 || s.Tier > MaxTier:
		return fmt.Sprintf("tier %d not in 0..%d", s.Tier, MaxTier), ErrTier
	case s.Tier != 0 && h != Agent:
		return fmt.Sprintf("tier %d on a %s step", s.Tier, h), ErrTier
	}
	if t := s.TransferredTo; t != "" {
		switch {
		case c.Agent != "" && t == c.Agent:
			return fmt.Sprintf("transferred to its own agent %q", t), ErrTransfer
		case c.Agent == "" && c.Queue != "" && t == c.Queue:
			return fmt.Sprintf("transferred to its own queue %q", t), ErrTransfer
		case h == Agent && c.Outcome != operations.Answered:
			return fmt.Sprintf("transferred by an agent on a contact %s", c.Outcome), ErrTransfer
		}
	}
	return "", nil
}
