package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/rapportkit/rapport/operations"
	rowerr "github.com/rapportkit/rapport/row"
)

// fcrWindow is the repeat window of first-contact resolution: the same
// customer coming back for the same reason within it was not resolved the
// first time.
const fcrWindow = 7 * 24 * time.Hour

// readContacts reads contacts with the operations package's own reader,
// which names the line of every row it rejects.
func readContacts(s *source) (*loaded[operations.Contact], error) {
	f, err := s.open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd := operations.NewReader(f)
	out := &loaded[operations.Contact]{File: s.name}
	for {
		c, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		var re *rowerr.Error
		if errors.As(err, &re) {
			out.Read++
			reason := re.Err.Error() // Validate's errors name the contact
			if re.Column != "" {
				reason = fmt.Sprintf("contact %q: %s: %v", re.ID, re.Column, re.Err)
			}
			out.Rejected = append(out.Rejected, rejection{File: s.name, Line: re.Line, Reason: reason})
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		out.Read++
		out.Rows = append(out.Rows, c)
	}
}

// contactSection holds the contact-centre KPIs over the window.
type contactSection struct {
	All       operations.Result
	Tally     *operations.Tally
	ByChannel []channelResult
	Months    []monthVolume
	Channels  []operations.Channel // columns of Months, busiest first
}

type channelResult struct {
	Channel operations.Channel
	R       operations.Result
}

type monthVolume struct {
	Month  string
	Counts []uint64 // per Channels entry
	Total  uint64
}

func buildContacts(in *inputs, w window) (*contactSection, error) {
	if in.contacts == nil {
		return nil, nil
	}
	var contacts []operations.Contact
	for _, c := range in.contacts.Rows {
		if _, ok := w.month(c.Arrived); ok {
			contacts = append(contacts, c)
		}
	}
	// The repeat window looks past the window's end when the data go on;
	// issues still open at the as-of date stay unjudged.
	if err := operations.MarkFCR(contacts, fcrWindow, w.to); err != nil {
		return nil, fmt.Errorf("first-contact resolution: %w", err)
	}
	s := &contactSection{Tally: new(operations.Tally)}
	byChannel := map[operations.Channel]*operations.Tally{}
	months := make([]map[operations.Channel]uint64, len(w.months))
	for i := range months {
		months[i] = map[operations.Channel]uint64{}
	}
	for _, c := range contacts {
		if err := s.Tally.Add(c); err != nil {
			return nil, err
		}
		if err := groupOf(byChannel, c.Channel, func() *operations.Tally { return new(operations.Tally) }).Add(c); err != nil {
			return nil, err
		}
		m, _ := w.month(c.Arrived)
		months[m][c.Channel]++
	}
	var err error
	if s.All, err = s.Tally.Result(operations.DefaultThresholds); err != nil {
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
	for i, m := range months {
		v := monthVolume{Month: w.labels[i]}
		for _, ch := range s.Channels {
			v.Counts = append(v.Counts, m[ch])
			v.Total += m[ch]
		}
		s.Months = append(s.Months, v)
	}
	return s, nil
}
