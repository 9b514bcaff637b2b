package survey

import (
	"fmt"
	"iter"

	"github.com/rapportkit/rapport/operations"
)

// Link says how Join matched responses to the contacts they rate.
type Link struct {
	// Matched is the number of responses whose contact was found.
	Matched int `json:"matched"`
	// NoContact is the number of responses without a contact id.
	NoContact int `json:"no_contact"`
	// Unmatched are the contact ids of responses whose contact is not
	// among the contacts, each once, in the order of the responses.
	Unmatched []string `json:"unmatched"`
}

// Join gives each response the dimensions of the contact it rates,
// matched by ContactID to the contact's ID: Agent, Queue, CustomerID and
// Channel (the contact's channel name) where the response's are empty,
// so that CSAT by agent or by queue comes from the contacts the
// responses rate:
//
//	link, err := survey.Join(responses, slices.Values(contacts))
//	byAgent, err := survey.CSATBy(slices.Values(responses), csat.FivePoint,
//		func(r survey.Response) string { return r.Agent })
//
// Responses are changed in place. Join reports the responses matched,
// those without a contact id and the contact ids not found among the
// contacts. Two contacts with one id fail with ErrDuplicateID, before any
// response is changed. Memory: one map entry per contact with an id.
func Join(responses []Response, contacts iter.Seq[operations.Contact]) (Link, error) {
	byID := make(map[string]*operations.Contact)
	for c := range contacts {
		if c.ID == "" {
			continue
		}
		if _, dup := byID[c.ID]; dup {
			return Link{}, fmt.Errorf("%w: %q", ErrDuplicateID, c.ID)
		}
		byID[c.ID] = &c
	}
	var link Link
	missing := map[string]bool{}
	for i := range responses {
		r := &responses[i]
		if r.ContactID == "" {
			link.NoContact++
			continue
		}
		c, ok := byID[r.ContactID]
		if !ok {
			if !missing[r.ContactID] {
				missing[r.ContactID] = true
				link.Unmatched = append(link.Unmatched, r.ContactID)
			}
			continue
		}
		link.Matched++
		fill(&r.Agent, c.Agent)
		fill(&r.Queue, c.Queue)
		fill(&r.CustomerID, c.CustomerID)
		if c.Channel.Valid() {
			fill(&r.Channel, c.Channel.String())
		}
	}
	return link, nil
}

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}
