package churn

import (
	"fmt"
	"iter"
	"time"
)

// Customer is one customer relationship. Its lifetime is the half-open
// interval [Start, End): the customer is active from Start and lost at End.
type Customer struct {
	ID    string    `json:"id"`
	Start time.Time `json:"start"`
	// End is when the customer was lost (cancellation effective, account
	// closed); the zero time means still active.
	End time.Time `json:"end,omitzero"`
	// ContractEnd is when the current contract term ends, the renewal
	// date; the zero time means no fixed term.
	ContractEnd time.Time `json:"contract_end,omitzero"`
	Segment     string    `json:"segment,omitempty"`
}

// Validate checks one customer: a non-empty id, a start time, an end (if
// any) not before the start and a contract end (if any) not before the
// start. Errors wrap ErrID, ErrNoStart, ErrEndBeforeStart or
// ErrContractBeforeStart and name the customer. End = Start is valid: a
// customer lost the instant it was acquired.
func (c Customer) Validate() error {
	switch {
	case c.ID == "":
		return ErrID
	case c.Start.IsZero():
		return fmt.Errorf("customer %q: %w", c.ID, ErrNoStart)
	case !c.End.IsZero() && c.End.Before(c.Start):
		return fmt.Errorf("customer %q: %w (start %s, end %s)", c.ID, ErrEndBeforeStart,
			c.Start.Format(time.RFC3339), c.End.Format(time.RFC3339))
	case !c.ContractEnd.IsZero() && c.ContractEnd.Before(c.Start):
		return fmt.Errorf("customer %q: %w (start %s, contract end %s)", c.ID, ErrContractBeforeStart,
			c.Start.Format(time.RFC3339), c.ContractEnd.Format(time.RFC3339))
	}
	return nil
}

// Active reports whether the customer is active at instant t:
// Start ≤ t < End (End zero counting as never).
func (c Customer) Active(t time.Time) bool {
	return !t.Before(c.Start) && (c.End.IsZero() || t.Before(c.End))
}

// Lost reports whether the customer was lost before asOf: End is set and
// End < asOf. Events at or after the as-of instant are not yet known.
func (c Customer) Lost(asOf time.Time) bool {
	return !c.End.IsZero() && c.End.Before(asOf)
}

// Lifetime returns how long the customer has been observed as of asOf and
// whether that lifetime ended in a loss: End − Start when the customer was
// lost before asOf, otherwise asOf − Start, censored (the customer is
// still active, or its recorded end lies at or after asOf). It is
// ok = false for a customer who starts at or after asOf, who has no
// lifetime yet.
func (c Customer) Lifetime(asOf time.Time) (d time.Duration, lost, ok bool) {
	if !c.Start.Before(asOf) {
		return 0, false, false
	}
	if c.Lost(asOf) {
		return c.End.Sub(c.Start), true, true
	}
	return asOf.Sub(c.Start), false, true
}

// Validate checks every customer (see Customer.Validate) and that no two
// share an id. It reports the first problem in slice order; a duplicate
// names the id and both positions.
func Validate(customers []Customer) error {
	_, err := validateSeq(func(yield func(Customer) bool) {
		for _, c := range customers {
			if !yield(c) {
				return
			}
		}
	})
	return err
}

// validateSeq checks customers as Validate does and returns how many there
// were.
func validateSeq(customers iter.Seq[Customer]) (int, error) {
	seen := make(map[string]int)
	i := 0
	for c := range customers {
		if err := c.Validate(); err != nil {
			return i, fmt.Errorf("customer %d: %w", i, err)
		}
		if j, dup := seen[c.ID]; dup {
			return i, fmt.Errorf("customer %q: %w (positions %d and %d)", c.ID, ErrDuplicateID, j, i)
		}
		seen[c.ID] = i
		i++
	}
	return i, nil
}
