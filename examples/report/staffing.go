package main

import (
	"fmt"
	"time"

	"github.com/rapportkit/rapport/operations"
)

// The service targets the staffing advice aims for, and the abandonment
// the Erlang A advice allows on top of them (Erlang C's customers never
// abandon, so it takes no abandonment target).
var staffingTargets = operations.Targets{
	ServiceLevel: 0.80, Within: 20 * time.Second, Occupancy: 0.85, Shrinkage: 0.30,
}

const staffingAbandonment = 0.05

// staffingSection advises agents and positions for the peak half hour of
// the live channels, from the last eight weeks' arrivals and handle times.
type staffingSection struct {
	Targets     operations.Targets
	Abandonment float64 // the Erlang A target
	Weeks       int
	Queues      []staffedQueue
}

type staffedQueue struct {
	Channel  operations.Channel
	Peak     string // weekday and half hour
	Queue    operations.Queue
	ErlangC  operations.Staffing
	ErlangA  *operations.Staffing // with the observed patience, when known
	Observed *float64             // the service level the channel achieved, a fraction
}

// concurrency is the chats an agent handles at once.
var concurrency = map[operations.Channel]float64{operations.Chat: 2}

func buildStaffing(in *inputs, w window) (*staffingSection, error) {
	if in.contacts == nil {
		return nil, nil
	}
	const weeks = 8
	from := w.to.AddDate(0, 0, -7*weeks)
	s := &staffingSection{Targets: staffingTargets, Abandonment: staffingAbandonment, Weeks: weeks}
	for _, ch := range []operations.Channel{operations.Phone, operations.Chat} {
		var slots [7 * 48]int // arrivals per weekday and half hour
		tally := new(operations.Tally)
		for _, c := range in.contacts.Rows {
			if c.Channel != ch || c.Direction != operations.Inbound || c.Arrived.Before(from) || !c.Arrived.Before(w.to) {
				continue
			}
			t := c.Arrived.UTC()
			slots[int(t.Weekday())*48+t.Hour()*2+t.Minute()/30]++
			if err := tally.Add(c); err != nil {
				return nil, err
			}
		}
		peak := 0
		for i, n := range slots {
			if n > slots[peak] {
				peak = i
			}
		}
		aht, ok := tally.AHT()
		if !ok || slots[peak] == 0 {
			continue
		}
		q := operations.Queue{
			Contacts:    float64(slots[peak]) / weeks, // mean arrivals in that half hour
			Interval:    30 * time.Minute,
			AHT:         aht,
			Concurrency: concurrency[ch],
		}
		sq := staffedQueue{Channel: ch, Peak: fmt.Sprintf("%s %02d:%02d", time.Weekday(peak/48), peak%48/2, 30*(peak%2))}
		var err error
		if sq.ErlangC, err = q.Staff(s.Targets); err != nil {
			return nil, fmt.Errorf("staffing %v: %w", ch, err)
		}
		if patience, ok := tally.Patience(); ok {
			q.Patience = patience
			withAbandonment := s.Targets
			withAbandonment.Abandonment = s.Abandonment
			if a, err := q.Staff(withAbandonment); err == nil {
				sq.ErlangA = &a
			}
		}
		sq.Queue = q
		if sl, ok := tally.ServiceLevel(s.Targets.Within); ok {
			sq.Observed = &sl
		}
		s.Queues = append(s.Queues, sq)
	}
	return s, nil
}
