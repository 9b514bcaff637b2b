package churn

import (
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// Customer is one customer relationship. Its lifetime is the half-open
// interval [Start, End): the customer is active from Start and lost at End.
//
// Contracts run in consecutive terms. Renewals are the instants at which
// one term ended and the next began (a renewal signed, an annual invoice
// paid); ContractEnd is the end of the current term, the next renewal
// date. A customer is up for renewal in a period at every term end in it:
// each renewal, and the contract end (see Flow for how each is decided).
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
	// Renewals are the past term ends at which the customer renewed, in
	// increasing order, each after Start and before End and ContractEnd.
	Renewals []time.Time `json:"renewals,omitempty"`
}

// Validate checks one customer: a non-empty id (ErrID), a start time, an
// end (if any) not before the start, a contract end (if any) not before
// the start, renewals strictly increasing after the start and before the
// end and the contract end, and every time within [1900-01-01,
// 2150-01-01] (ErrTime). Errors name the customer and the field. End =
// Start is valid: a customer lost the instant it was acquired.
func (c Customer) Validate() error {
	if c.ID == "" {
		return ErrID
	}
	bad := func(err error) error { return fmt.Errorf("%w (customer %q)", err, c.ID) }
	if err := checkTime("start", c.Start); err != nil {
		return bad(err)
	}
	order := func(what string, t time.Time, rule string, u time.Time) error {
		return fmt.Errorf("%w: customer %q: %s %s %s %s", ErrTime, c.ID, what, t.Format(time.RFC3339), rule, u.Format(time.RFC3339))
	}
	if !c.End.IsZero() {
		if err := checkTime("end", c.End); err != nil {
			return bad(err)
		}
		if c.End.Before(c.Start) {
			return order("end", c.End, "before start", c.Start)
		}
	}
	if !c.ContractEnd.IsZero() {
		if err := checkTime("contract end", c.ContractEnd); err != nil {
			return bad(err)
		}
		if c.ContractEnd.Before(c.Start) {
			return order("contract end", c.ContractEnd, "before start", c.Start)
		}
	}
	prev := c.Start
	for i, r := range c.Renewals {
		// The name is formatted only on an error, so that a valid
		// customer is checked without allocating.
		what := func() string { return fmt.Sprintf("renewal %d", i) }
		switch {
		case r.IsZero() || r.Before(minTime) || r.After(maxTime):
			return bad(checkTime(what(), r))
		case !r.After(prev) && i == 0:
			return order(what(), r, "not after start", c.Start)
		case !r.After(prev):
			return order(what(), r, "not after the renewal before it", prev)
		case !c.End.IsZero() && !r.Before(c.End):
			return order(what(), r, "not before end", c.End)
		case !c.ContractEnd.IsZero() && !r.Before(c.ContractEnd):
			return order(what(), r, "not before contract end", c.ContractEnd)
		}
		prev = r
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

// Lifetime is one observed customer lifetime: how long it lasted, and
// whether it ended in a loss (Lost) or is censored, still running when
// observation stopped. It is the item of a Survival accumulator: one
// value, so that a lifetime and its multiplicity (AddN) say what they
// count, and a customer's Lifetime goes straight into Add.
type Lifetime struct {
	Duration time.Duration
	Lost     bool
}

// Lifetime returns how long the customer has been observed as of asOf:
// End − Start when the customer was lost before asOf, otherwise asOf −
// Start, censored (the customer is still active, or its recorded end lies
// at or after asOf). It is ok = false for a customer who starts at or
// after asOf, who has no lifetime yet. For a valid customer and an asOf
// within the plausible window the duration is exact (at most
// MaxLifetime); outside it, Survival.Add refuses the result.
func (c Customer) Lifetime(asOf time.Time) (Lifetime, bool) {
	if !c.Start.Before(asOf) {
		return Lifetime{}, false
	}
	if c.Lost(asOf) {
		return Lifetime{Duration: c.End.Sub(c.Start), Lost: true}, true
	}
	return Lifetime{Duration: asOf.Sub(c.Start)}, true
}

// Validate checks every customer (see Customer.Validate) and that no two
// share an id. It reports the first problem in slice order; a duplicate
// names the id and both positions.
func Validate(customers []Customer) error {
	var err error
	for range checked(slices.Values(customers), &err) {
	}
	return err
}

// checked yields the customers until one is invalid or repeats the id of
// an earlier one, where it stops and sets *err, naming the position (and
// for a duplicate both positions).
func checked(customers iter.Seq[Customer], err *error) iter.Seq[Customer] {
	return func(yield func(Customer) bool) {
		seen := make(map[string]int)
		i := 0
		for c := range customers {
			if e := c.Validate(); e != nil {
				*err = group.At("customer", i, e)
				return
			}
			// One map operation a customer: a new id is stored as i+1; a
			// repeated one sums its first position j+1 and i+1.
			n := len(seen)
			seen[c.ID] += i + 1
			if len(seen) == n {
				j := seen[c.ID] - (i + 1) - 1
				*err = group.At("customer", i, fmt.Errorf("%w: %q (positions %d and %d)", ErrDuplicateID, c.ID, j, i))
				return
			}
			i++
			if !yield(c) {
				return
			}
		}
	}
}

// The plausible window in seconds since the Unix epoch.
const (
	minUnix = -2208988800 // 1900-01-01
	maxUnix = 5680281600  // 2150-01-01
)

// wallNanos returns t in nanoseconds since the Unix epoch, exact in the
// plausible window, and whether t lies in it (the zero time does not).
func wallNanos(t time.Time) (int64, bool) {
	s, ns := t.Unix(), int64(t.Nanosecond())
	if s < minUnix || s > maxUnix || s == maxUnix && ns > 0 {
		return 0, false
	}
	return s*1e9 + ns, true
}

// monotonic reports whether t carries a monotonic clock reading, which
// Before and Sub use when both of their times have one: Round(0) strips
// it.
func monotonic(t time.Time) bool { return t != t.Round(0) }

// span is the fast path of Validate and Lifetime for the common customer:
// no renewals, and a start without a monotonic clock reading, so that
// every comparison of Validate and Lifetime involving it is one of wall
// times. It returns the start and the end (ended = false for none) in
// nanoseconds since the Unix epoch, and ok = true only if Validate
// returns nil; ok = false says nothing (call Validate).
func (c *Customer) span() (start, end int64, ended, ok bool) {
	if c.ID == "" || len(c.Renewals) > 0 {
		return 0, 0, false, false
	}
	start, ok = wallNanos(c.Start)
	if !ok || monotonic(c.Start) {
		return 0, 0, false, false
	}
	if !c.ContractEnd.IsZero() {
		if t, in := wallNanos(c.ContractEnd); !in || t < start {
			return 0, 0, false, false
		}
	}
	if c.End.IsZero() {
		return start, 0, false, true
	}
	end, ok = wallNanos(c.End)
	if !ok || end < start {
		return 0, 0, false, false
	}
	return start, end, true, true
}
