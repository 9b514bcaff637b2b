package operations

// Outcome is what became of a contact. The zero value is not an outcome.
type Outcome uint8

// The outcomes of a contact.
const (
	// Answered: an agent took the contact (for an asynchronous channel,
	// replied to it; for an outbound call, the customer picked up).
	Answered Outcome = iota + 1
	// Abandoned: the customer left while waiting (hung up in queue, closed
	// the chat); for an outbound dialler, the customer picked up and no
	// agent was free.
	Abandoned
	// Unreached: the contact was presented but never reached an agent for
	// another reason (ring with no answer, dropped, never replied to); for
	// an outbound call, the customer did not pick up.
	Unreached
	// Busy: the centre turned the contact away while open (busy tone, full
	// queue, overflow message); for an outbound call, the line was busy.
	Busy
	// Closed: the contact arrived outside opening hours (inbound only).
	Closed
	// Deflected: self-service handled the contact without an agent, on a
	// self-service channel or sent there from another (inbound only).
	Deflected
)

const numOutcomes = int(Deflected)

var outcomeNames = []string{"", "answered", "abandoned", "unreached", "busy", "closed", "deflected"}

var outcomeAliases = map[string]Outcome{
	"answered": Answered, "handled": Answered, "served": Answered, "connected": Answered, "replied": Answered, "traité": Answered, "décroché": Answered, "decroche": Answered,
	"abandoned": Abandoned, "abandon": Abandoned, "abandonné": Abandoned, "abandonne": Abandoned, "hung-up": Abandoned,
	"unreached": Unreached, "no-answer": Unreached, "not-reached": Unreached, "unanswered": Unreached, "non-joint": Unreached, "non-abouti": Unreached,
	"busy": Busy, "occupied": Busy, "rejected": Busy, "overflow": Busy, "occupé": Busy, "occupe": Busy, "dissuasion": Busy,
	"closed": Closed, "out-of-hours": Closed, "after-hours": Closed, "fermé": Closed, "ferme": Closed, "hors-horaires": Closed,
	"deflected": Deflected, "self-served": Deflected, "contained": Deflected, "self-service": Deflected, "selfcare": Deflected, "dévié": Deflected, "devie": Deflected,
	// The outcomes of contact-centre exports: Aircall's missed-call
	// reasons and statuses. A short abandon (the caller hung up within
	// seconds) is an abandon: compare Ended − Arrived to drop them.
	"abandoned-in-ivr": Abandoned, "abandoned-in-classic": Abandoned, "short-abandoned": Abandoned,
	"no-available-agent": Busy, "agents-did-not-answer": Unreached, "out-of-opening-hours": Closed,
	"missed": Unreached, "done": Answered, "completed": Answered,
}

// ParseOutcome reads an outcome name and aliases ("handled", "no-answer",
// "out of hours", "self-served", "décroché", "occupé", Aircall's
// "abandoned_in_ivr" and "no_available_agent"…) in any case. An unknown
// name fails with ErrOutcome quoting it.
func ParseOutcome(s string) (Outcome, error) {
	return parseLabel(s, outcomeAliases, ErrOutcome)
}

// String returns "answered", "abandoned", "unreached", "busy", "closed" or
// "deflected", or "outcome(n)" for an invalid value.
func (o Outcome) String() string { return label(o, outcomeNames, "outcome") }

// Valid reports whether o is one of the defined outcomes.
func (o Outcome) Valid() bool { return o >= Answered && o <= Deflected }

// Handled reports whether the request was dealt with, by an agent
// (Answered) or by self-service (Deflected).
func (o Outcome) Handled() bool { return o == Answered || o == Deflected }

// Presented reports whether the contact was offered to agents while the
// centre was open: Answered, Abandoned, Unreached or Busy.
func (o Outcome) Presented() bool { return o >= Answered && o <= Busy }

// MarshalText returns the canonical name; an invalid outcome fails with
// ErrOutcome.
func (o Outcome) MarshalText() ([]byte, error) { return marshalLabel(o, outcomeNames, ErrOutcome) }

// UnmarshalText reads any name ParseOutcome accepts; on error o is unchanged.
func (o *Outcome) UnmarshalText(b []byte) error {
	v, err := ParseOutcome(string(b))
	if err != nil {
		return err
	}
	*o = v
	return nil
}
