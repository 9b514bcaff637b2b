package agent

import (
	"fmt"

	"github.com/rapportkit/rapport/internal/csvrow"
)

// State is what an agent is doing during an interval. The zero value is
// not a state: an interval must say what it was.
type State uint8

// The states of an agent's day.
const (
	// Available is logged in and ready, waiting for a contact (Genesys
	// "Idle" on queue, Talkdesk "Available").
	Available State = iota + 1
	// OnContact is handling a contact: talking, holding, chatting,
	// writing (Genesys "Interacting", Talkdesk "On a Call").
	OnContact
	// AfterContactWork is wrap-up after a contact (ACW).
	AfterContactWork
	// Break is a planned break or meal: planned shrinkage.
	Break
	// Training is planned training or coaching: planned shrinkage.
	Training
	// Meeting is a planned meeting: planned shrinkage.
	Meeting
	// Absence is scheduled time the agent was absent without plan
	// (sickness, lateness, no-show): unplanned shrinkage. It is not
	// logged-in time.
	Absence
	// Offline is time the agent was neither logged in nor scheduled. It
	// counts in no figure but the time per state.
	Offline
)

// NumStates is the number of states, the highest State.
const NumStates = int(Offline)

var stateNames = []string{"", "available", "on-contact", "after-contact-work", "break", "training", "meeting", "absence", "offline"}

// stateAliases holds every name ParseState accepts, normalized as
// csvrow.Normalize does ("After Call Work" is aftercallwork).
var stateAliases = map[string]State{
	"available": Available, "idle": Available, "ready": Available, "waiting": Available,
	"disponible": Available,
	"oncontact":  OnContact, "interacting": OnContact, "communicating": OnContact, "onacall": OnContact,
	"oncall": OnContact, "talking": OnContact, "incall": OnContact, "handling": OnContact, "encommunication": OnContact,
	"aftercontactwork": AfterContactWork, "aftercallwork": AfterContactWork, "acw": AfterContactWork,
	"wrapup": AfterContactWork, "wrap": AfterContactWork, "postcall": AfterContactWork, "posttraitement": AfterContactWork,
	"break": Break, "meal": Break, "lunch": Break, "pause": Break, "dejeuner": Break, "déjeuner": Break,
	"training": Training, "coaching": Training, "formation": Training,
	"meeting": Meeting, "réunion": Meeting, "reunion": Meeting,
	"absence": Absence, "absent": Absence, "sick": Absence, "sickness": Absence, "unplannedabsence": Absence,
	"noshow": Absence, "maladie": Absence,
	"offline": Offline, "loggedout": Offline, "horsligne": Offline, "déconnecté": Offline,
	"deconnecte": Offline,
}

// ParseState reads a state by its name (String) or an alias, in any
// case, with spaces, underscores, hyphens and dots alike: the Genesys
// presences and routing statuses ("Idle", "Interacting", "Meal",
// "Training"), Talkdesk's statuses ("On a Call", "After Call Work"), and
// French names. Names that mean different things in different tools, or
// cover several states, are not read: "Busy", "Away", Genesys's
// "On Queue" (idle and interacting), "Off Queue" and "Not Responding";
// map them with Reader.States.
func ParseState(s string) (State, error) {
	if st, ok := stateAliases[csvrow.Normalize(s)]; ok {
		return st, nil
	}
	return 0, fmt.Errorf("%w %q", ErrState, s)
}

// Valid reports whether s is one of the states.
func (s State) Valid() bool { return s >= Available && s <= Offline }

// String returns the state's name ("after-contact-work"), or "state(n)".
func (s State) String() string {
	if s.Valid() {
		return stateNames[s]
	}
	return fmt.Sprintf("state(%d)", uint8(s))
}

// MarshalText returns the state's name, or ErrState.
func (s State) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("%w (%d)", ErrState, uint8(s))
	}
	return []byte(stateNames[s]), nil
}

// UnmarshalText reads a state as ParseState does.
func (s *State) UnmarshalText(b []byte) error {
	st, err := ParseState(string(b))
	if err != nil {
		return err
	}
	*s = st
	return nil
}

// handling reports whether s is time spent on contacts (OnContact, ACW).
func (s State) handling() bool { return s == OnContact || s == AfterContactWork }

// planned reports whether s is planned shrinkage (Break, Training,
// Meeting).
func (s State) planned() bool { return s == Break || s == Training || s == Meeting }

// loggedIn reports whether s is logged-in (paid) time: every state but
// Absence and Offline.
func (s State) loggedIn() bool { return s.Valid() && s != Absence && s != Offline }
