package operations

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// FCRStatus places a handled contact in its customer's history for
// first-contact resolution. The zero value, FCRUnknown, leaves the contact
// out of FCR and repeat rates.
type FCRStatus uint8

// The first-contact statuses.
const (
	// FCRUnknown: not assessed, not handled, or opened too recently to judge.
	FCRUnknown FCRStatus = iota
	// FCRRepeat: the contact repeats a handled contact of the same customer
	// and reason within the repeat window.
	FCRRepeat
	// FCRResolved: the contact opens an issue, is flagged resolved and no
	// repeat follows within the window: resolved at first contact.
	FCRResolved
	// FCRUnresolved: the contact opens an issue that was not resolved at
	// first contact (not flagged resolved, or a repeat followed).
	FCRUnresolved
)

var fcrNames = []string{"", "repeat", "resolved", "unresolved"}

var fcrAliases = map[string]FCRStatus{
	"": FCRUnknown, "unknown": FCRUnknown,
	"repeat": FCRRepeat, "first-resolved": FCRResolved, "resolved": FCRResolved, "fcr": FCRResolved,
	"first-unresolved": FCRUnresolved, "unresolved": FCRUnresolved,
}

// ParseFCR reads "repeat", "resolved", "unresolved" or "" (FCRUnknown), in
// any case. An unknown name fails with ErrFCR quoting it.
func ParseFCR(s string) (FCRStatus, error) { return parseLabel(s, fcrAliases, ErrFCR) }

// String returns "repeat", "resolved", "unresolved", "" for FCRUnknown, or
// "fcr(n)" for an invalid value.
func (f FCRStatus) String() string {
	if f == FCRUnknown {
		return ""
	}
	return label(f, fcrNames, "fcr")
}

// Valid reports whether f is one of the defined statuses.
func (f FCRStatus) Valid() bool { return f <= FCRUnresolved }

// MarshalText returns the status name ("" for FCRUnknown); an invalid
// status fails with ErrFCR.
func (f FCRStatus) MarshalText() ([]byte, error) {
	if f == FCRUnknown {
		return []byte{}, nil
	}
	return marshalLabel(f, fcrNames, ErrFCR)
}

// UnmarshalText reads any name ParseFCR accepts; on error f is unchanged.
func (f *FCRStatus) UnmarshalText(b []byte) error {
	v, err := ParseFCR(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// MarkFCR sets the FCR status of every contact from the customers'
// histories. Only handled contacts (Answered or Deflected, inbound or
// outbound) take part; the others are set to FCRUnknown. Taking the handled
// contacts in order of arrival (ties broken by ID, then by position in the
// slice), a contact
//
//   - repeats (FCRRepeat) when the previous handled contact with the same
//     CustomerID and Reason arrived at most window before it;
//   - otherwise opens an issue: FCRResolved if it is flagged Resolved and
//     no handled contact with the same customer and reason follows within
//     window, FCRUnresolved if not.
//
// A contact without a CustomerID is anonymous: it opens an issue and is
// never linked. An empty Reason is a reason like any other, so when the
// source does not code reasons any repeat by the customer counts.
//
// If asOf is not zero, an issue opened less than window before asOf is
// left FCRUnknown, whatever its status so far: a repeat may still come,
// and judging only the issues already reopened would bias FCR down. Its
// repeats stay FCRRepeat. A zero asOf means the data are complete.
//
// The contacts are validated first; on error none is changed and the
// error names the contact's position and ID. A window that is not positive
// fails with ErrDuration. The slice is marked in place; its order is kept.
// It takes O(n log n) time and O(n) memory for n contacts.
func MarkFCR(contacts []Contact, window time.Duration, asOf time.Time) error {
	if window <= 0 {
		return fmt.Errorf("%w: MarkFCR window %v is not positive", ErrDuration, window)
	}
	handled := make([]int, 0, len(contacts))
	for i := range contacts {
		c := &contacts[i]
		// Validate as the contact will be after marking: a stale status
		// must not fail it.
		saved := c.FCR
		c.FCR = FCRUnknown
		err := c.Validate()
		c.FCR = saved
		if err != nil {
			return group.At("record", i, err)
		}
		if c.Outcome.Handled() {
			handled = append(handled, i)
		}
	}
	slices.SortFunc(handled, func(a, b int) int {
		ca, cb := &contacts[a], &contacts[b]
		return cmp.Or(ca.Arrived.Compare(cb.Arrived), cmp.Compare(ca.ID, cb.ID), cmp.Compare(a, b))
	})
	for i := range contacts {
		contacts[i].FCR = FCRUnknown
	}
	type key struct{ customer, reason string }
	last := make(map[key]int, len(handled))
	for _, i := range handled {
		c := &contacts[i]
		if c.CustomerID == "" {
			c.FCR = firstStatus(c)
			continue
		}
		k := key{c.CustomerID, c.Reason}
		if p, ok := last[k]; ok && within(contacts[p].Arrived, c.Arrived, window) {
			c.FCR = FCRRepeat
			if contacts[p].FCR != FCRRepeat {
				contacts[p].FCR = FCRUnresolved
			}
		} else {
			c.FCR = firstStatus(c)
		}
		last[k] = i
	}
	if !asOf.IsZero() {
		for _, i := range handled {
			c := &contacts[i]
			// Sub saturates past 292 years, on the right side of window.
			if c.FCR != FCRRepeat && asOf.Sub(c.Arrived) < window {
				c.FCR = FCRUnknown
			}
		}
	}
	return nil
}

// within reports whether to comes at most d after from (to ≥ from), exactly
// even when the two are more than 292 years apart.
func within(from, to time.Time, d time.Duration) bool {
	s, ok := span(from, to)
	return ok && s <= d
}

func firstStatus(c *Contact) FCRStatus {
	if c.Resolved {
		return FCRResolved
	}
	return FCRUnresolved
}
