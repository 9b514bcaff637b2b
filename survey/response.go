package survey

import (
	"fmt"
	"strconv"
	"time"
)

// Response is one survey response: every answer it gives and the
// dimensions it is reported by. A question not answered (or not asked)
// is NoAnswer, which no score equals.
type Response struct {
	ID string    `json:"id,omitempty"`
	At time.Time `json:"at"`

	// NPS is the likelihood to recommend, 0–10.
	NPS Score `json:"nps"`
	// CSAT is the satisfaction score on the reader's CSAT scale.
	CSAT Score `json:"csat"`
	// CES is the effort score on the reader's CES scale.
	CES Score `json:"ces"`
	// Comment is the free text of the response.
	Comment string `json:"comment,omitempty"`

	Channel    string `json:"channel,omitempty"`    // the touchpoint rated: phone, chat, store…
	ContactID  string `json:"contact_id,omitempty"` // the contact rated, if any (see Join)
	CustomerID string `json:"customer_id,omitempty"`
	Agent      string `json:"agent,omitempty"`
	Queue      string `json:"queue,omitempty"`
	Segment    string `json:"segment,omitempty"`
	Language   string `json:"language,omitempty"`
}

// Answered reports whether the response answers anything: a score or a
// comment.
func (r *Response) Answered() bool {
	return r.NPS.Answered() || r.CSAT.Answered() || r.CES.Answered() || r.Comment != ""
}

// Score is the answer to a scored question, or NoAnswer, its zero value.
type Score struct {
	v  int16
	ok bool
}

// NoAnswer is the Score of a question not answered.
var NoAnswer Score

// Answer returns the score v. Scores are ints of a survey scale; v is
// kept as given (a value past ±32767 is clamped there, and no scale
// accepts it).
func Answer(v int) Score {
	return Score{v: int16(max(-1<<15, min(1<<15-1, v))), ok: true}
}

// Value returns the score, or ok = false for NoAnswer.
func (s Score) Value() (v int, ok bool) { return int(s.v), s.ok }

// Answered reports whether s is an answer.
func (s Score) Answered() bool { return s.ok }

// String returns the score, or "no answer".
func (s Score) String() string {
	if !s.ok {
		return "no answer"
	}
	return strconv.Itoa(int(s.v))
}

// MarshalJSON returns the score as a number, or null for NoAnswer.
func (s Score) MarshalJSON() ([]byte, error) {
	if !s.ok {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(s.v), 10), nil
}

// UnmarshalJSON reads an integer or null; on error s is unchanged.
func (s *Score) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = NoAnswer
		return nil
	}
	v, err := strconv.ParseInt(string(b), 10, 16)
	if err != nil {
		return fmt.Errorf("%w: %s is not an integer score", ErrScore, b)
	}
	*s = Answer(int(v))
	return nil
}
