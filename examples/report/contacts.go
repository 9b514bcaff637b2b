package main

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/period"
)

// fcrWindow is the repeat window of first-contact resolution: the same
// customer coming back for the same reason within it was not resolved the
// first time.
const fcrWindow = 7 * 24 * time.Hour

// contactSection holds the contact-centre KPIs over the window.
type contactSection struct {
	All       operations.Result
	ByChannel []channelResult // busiest first
	Months    []monthVolume
	Channels  []operations.Channel // the columns of Months: ByChannel's order
}

type channelResult struct {
	Channel operations.Channel
	R       operations.Result
}

type monthVolume struct {
	Label  string
	Counts []uint64 // per Channels entry
	Total  uint64
}

func buildContacts(in *inputs, w window) (*contactSection, error) {
	if in.contacts == nil {
		return nil, nil
	}
	var contacts []operations.Contact
	for _, c := range in.contacts.rows {
		if w.contains(c.Arrived) {
			contacts = append(contacts, c)
		}
	}
	// Issues opened in the last 7 days before the as-of date stay unjudged:
	// a repeat may still come.
	if err := operations.MarkFCR(contacts, fcrWindow, w.to); err != nil {
		return nil, fmt.Errorf("first-contact resolution: %w", err)
	}
	all, err := operations.TallyOf(slices.Values(contacts))
	if err != nil {
		return nil, err
	}
	byChannel, err := operations.TallyBy(slices.Values(contacts), func(c operations.Contact) operations.Channel { return c.Channel })
	if err != nil {
		return nil, err
	}
	type monthChannel struct {
		month   period.Month
		channel operations.Channel
	}
	byMonth, err := operations.TallyBy(slices.Values(contacts), func(c operations.Contact) monthChannel {
		return monthChannel{period.MonthOf(c.Arrived, nil), c.Channel}
	})
	if err != nil {
		return nil, err
	}
	s := &contactSection{}
	if s.All, err = all.Result(operations.DefaultThresholds); err != nil {
		return nil, err
	}
	for ch, t := range byChannel {
		r, err := t.Result(operations.DefaultThresholds)
		if err != nil {
			return nil, err
		}
		s.ByChannel = append(s.ByChannel, channelResult{ch, r})
	}
	slices.SortFunc(s.ByChannel, func(a, b channelResult) int {
		return cmp.Or(cmp.Compare(b.R.N, a.R.N), cmp.Compare(a.Channel, b.Channel))
	})
	for _, c := range s.ByChannel {
		s.Channels = append(s.Channels, c.Channel)
	}
	for i, m := range w.months {
		v := monthVolume{Label: w.label(i)}
		for _, ch := range s.Channels {
			var n uint64
			if t := byMonth[monthChannel{m, ch}]; t != nil {
				n = t.N()
			}
			v.Counts = append(v.Counts, n)
			v.Total += n
		}
		s.Months = append(s.Months, v)
	}
	return s, nil
}

// channel returns the result of one channel, or nil.
func (s *contactSection) channel(ch operations.Channel) *operations.Result {
	for i := range s.ByChannel {
		if s.ByChannel[i].Channel == ch {
			return &s.ByChannel[i].R
		}
	}
	return nil
}
