package journey

import (
	"fmt"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// stamp writes a time for an error message.
func stamp(t time.Time) string { return t.Format(time.RFC3339Nano) }

// Journey is the contacts of one customer request, in time order: the
// steps of one case, or the contacts a Linker chained by customer (and
// reason) within its window.
type Journey struct {
	// Case is the case id of a journey linked by case; empty for one
	// linked by customer.
	Case  string `json:"case,omitempty"`
	Steps []Step `json:"steps"`
}

// Validate checks the journey: at least one step, every step valid
// (Step.Validate), arrivals in non-decreasing order. The error wraps
// ErrSteps, ErrTime or the step's error, and names the step by its
// position and contact ID.
func (j *Journey) Validate() error {
	if len(j.Steps) == 0 {
		return fmt.Errorf("%w: journey %q has no steps", ErrSteps, j.Case)
	}
	for i := range j.Steps {
		s := &j.Steps[i]
		if err := s.Validate(); err != nil {
			return group.At("step", i, err)
		}
		if i > 0 && s.Contact.Arrived.Before(j.Steps[i-1].Contact.Arrived) {
			return fmt.Errorf("%w: step %d: contact %q arrived %s before step %d, contact %q, at %s",
				ErrTime, i, s.Contact.ID, stamp(s.Contact.Arrived), i-1, j.Steps[i-1].Contact.ID, stamp(j.Steps[i-1].Contact.Arrived))
		}
	}
	return nil
}
