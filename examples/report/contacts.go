package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/period"
	"github.com/rapportkit/rapport/rate"
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
	ByMonth   []monthContacts      // every channel, month by month
}

// monthContacts is a month's contact-centre KPIs, with the counts of its
// service level (answered within the threshold of the contacts offered
// to the live queues), abandonment (abandoned of the same) and
// first-contact resolution (issues resolved of the issues judged) as rates, for their intervals and tests; a rate is
// nil when the month has none.
type monthContacts struct {
	R                    operations.Result
	SL, Abandonment, FCR *rate.Tally
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
	perMonth, err := operations.TallyBy(slices.Values(contacts), func(c operations.Contact) period.Month {
		return period.MonthOf(c.Arrived, nil)
	})
	if err != nil {
		return nil, err
	}
	s := &contactSection{}
	for _, m := range w.months {
		t := perMonth[m]
		if t == nil {
			t = new(operations.Tally)
		}
		r, err := t.Result(operations.DefaultThresholds)
		if err != nil {
			return nil, err
		}
		s.ByMonth = append(s.ByMonth, monthContacts{R: r, SL: countsOf(r.ServiceLevelPct, offered(t)),
			Abandonment: countsOf(r.AbandonmentPct, offered(t)), FCR: countsOf(r.FCRPct, t.Issues())})
	}
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

// offered returns the contacts offered to the live queues: inbound phone
// calls and chats answered or abandoned, the denominator of the service
// level.
func offered(t *operations.Tally) uint64 {
	var n uint64
	for _, ch := range []operations.Channel{operations.Phone, operations.Chat} {
		n += t.Count(operations.Inbound, ch, operations.Answered) + t.Count(operations.Inbound, ch, operations.Abandoned)
	}
	return n
}

// countsOf returns the rate behind a percentage of n, k of n with k the
// one count that gives that percentage back exactly, or nil when there
// is none (an undefined figure, no n).
func countsOf(pct *float64, n uint64) *rate.Tally {
	if pct == nil || n == 0 {
		return nil
	}
	k := uint64(math.Round(*pct / 100 * float64(n)))
	if k > n || 100*(float64(k)/float64(n)) != *pct {
		return nil
	}
	t, err := rate.FromCounts(k, n)
	if err != nil {
		return nil
	}
	return t
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
