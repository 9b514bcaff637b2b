package journey

import (
	"fmt"
	"strings"

	"github.com/rapportkit/rapport/operations"
)

// Handler is who served a step of a journey. The zero value is not a
// handler: a step must say who took it.
type Handler uint8

// The handlers of a step.
const (
	// Bot is automation that converses: a chatbot, a voicebot, an IVR
	// that settles requests, a virtual agent on a messaging app.
	Bot Handler = iota + 1
	// Agent is a person of the centre. A step routed to agents that no
	// agent answered (the customer abandoned in queue) is an Agent step
	// whose contact is not Answered.
	Agent
	// Self is self-service without conversation: help articles, a task
	// done in the customer's account (operations.FAQ and
	// operations.CustomerSpace).
	Self
)

var handlerNames = []string{"", "bot", "agent", "self"}

var handlerAliases = map[string]Handler{
	"bot": Bot, "chatbot": Bot, "voicebot": Bot, "callbot": Bot, "ivr": Bot, "virtual-agent": Bot, "va": Bot, "automation": Bot, "lex": Bot, "dialogflow": Bot,
	"agent": Agent, "human": Agent, "person": Agent, "advisor": Agent, "adviser": Agent, "conseiller": Agent, "conseillère": Agent, "live-agent": Agent,
	"self": Self, "self-service": Self, "selfcare": Self, "self-care": Self, "selfservice": Self, "web": Self, "portal": Self, "faq": Self, "autonome": Self,
}

// ParseHandler reads a handler name: "bot", "agent", "self" and aliases
// ("IVR", "virtual agent", "human", "self-service", "conseiller"…), in any
// case, with spaces, hyphens or underscores. An unknown name fails with
// ErrHandler quoting it.
func ParseHandler(s string) (Handler, error) {
	k := strings.Map(func(r rune) rune {
		if r == ' ' || r == '_' {
			return '-'
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
	if h, ok := handlerAliases[k]; ok {
		return h, nil
	}
	return 0, fmt.Errorf("%w %q", ErrHandler, s)
}

// Valid reports whether h is one of the defined handlers.
func (h Handler) Valid() bool { return h >= Bot && h <= Self }

// Automated reports whether no person served the step: Bot or Self.
func (h Handler) Automated() bool { return h == Bot || h == Self }

// String returns "bot", "agent" or "self", or "handler(n)" for an invalid
// value.
func (h Handler) String() string {
	if h.Valid() {
		return handlerNames[h]
	}
	return fmt.Sprintf("handler(%d)", uint8(h))
}

// MarshalText returns the canonical name; an invalid handler fails with
// ErrHandler.
func (h Handler) MarshalText() ([]byte, error) {
	if !h.Valid() {
		return nil, fmt.Errorf("%w (%d)", ErrHandler, uint8(h))
	}
	return []byte(handlerNames[h]), nil
}

// UnmarshalText reads any name ParseHandler accepts; on error h is
// unchanged.
func (h *Handler) UnmarshalText(b []byte) error {
	v, err := ParseHandler(string(b))
	if err != nil {
		return err
	}
	*h = v
	return nil
}

// HandlerOf returns the handler a contact implies when the data does not
// say: Bot on operations.Chatbot, Self on operations.FAQ and
// operations.CustomerSpace, Bot for a contact Deflected on another
// channel (an IVR or a voicebot settled it), Agent for everything else.
func HandlerOf(c *operations.Contact) Handler {
	switch {
	case c.Channel == operations.Chatbot:
		return Bot
	case c.Channel == operations.FAQ || c.Channel == operations.CustomerSpace:
		return Self
	case c.Outcome == operations.Deflected:
		return Bot
	}
	return Agent
}
