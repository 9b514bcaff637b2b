package operations_test

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/rapportkit/rapport/operations"
)

// The service level of one morning by every definition: 3 of 4 calls
// answered within 20 s, one abandoned after 4 s (a short abandon) and one
// after 70 s, one that flowed out to voicemail unanswered, and a busy one,
// turned away before it queued.
func ExampleTally_ServiceLevelAs() {
	t := tally()
	voicemail := operations.Contact{ID: "c11", Channel: operations.Phone, Direction: operations.Inbound,
		Outcome: operations.Unreached, Arrived: at(8 * time.Minute)}
	if err := t.Add(voicemail); err != nil {
		fmt.Println(err)
		return
	}
	for _, def := range operations.ServiceLevels() {
		met, base, _ := t.ServiceLevelCounts(def, 20*time.Second, 5*time.Second)
		sl, _ := t.ServiceLevelAs(def, 20*time.Second, 5*time.Second)
		fmt.Printf("%-25s %d/%d = %.1f%%\n", def, met, base, 100*sl)
	}
	// Output:
	// answered                  3/4 = 75.0%
	// queued                    3/6 = 50.0%
	// no-short-abandons         3/5 = 60.0%
	// offered                   3/7 = 42.9%
	// offered-no-short-abandons 3/6 = 50.0%
	// abandons-positive         4/6 = 66.7%
}

func ExampleParseServiceLevel() {
	for _, s := range []string{"offered", "No Short Abandons", "abandons_negative", "ninety"} {
		def, err := operations.ParseServiceLevel(s)
		fmt.Println(def, err)
	}
	// Output:
	// offered <nil>
	// no-short-abandons <nil>
	// queued <nil>
	// service-level(0) operations: unknown service-level definition "ninety"
}

// The share of half-hours meeting 80 % in 20 s: tally the calls by the
// half-hour they arrived in, then count the intervals meeting the target.
// 09:00 has 4 of 5 calls within 20 s, exactly 80 %; 09:30 has 1 of 2;
// 10:00 only a call out of hours, so its service level is undefined.
func ExampleIntervalsMet() {
	const s = time.Second
	call := func(id string, arrived, wait time.Duration) operations.Contact {
		return operations.Contact{ID: id, Channel: operations.Phone, Direction: operations.Inbound,
			Outcome: operations.Answered, Arrived: at(arrived), Answered: at(arrived + wait)}
	}
	contacts := []operations.Contact{
		call("a", 0, 5*s), call("b", time.Minute, 12*s), call("c", 2*time.Minute, 20*s),
		call("d", 3*time.Minute, 3*s), call("e", 4*time.Minute, 41*s),
		call("f", 35*time.Minute, 9*s), call("g", 40*time.Minute, 90*s),
		{ID: "h", Channel: operations.Phone, Direction: operations.Inbound, Outcome: operations.Closed, Arrived: at(65 * time.Minute)},
	}
	byHalfHour, err := operations.TallyBy(slices.Values(contacts), func(c operations.Contact) time.Time {
		return c.Arrived.Truncate(30 * time.Minute) // UTC times; use period.Slot for local time zones
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	q, err := operations.IntervalsMet(maps.Values(byHalfHour),
		operations.SLTarget{Definition: operations.SLQueued, Share: 0.8, Within: 20 * s})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q)
	// Output:
	// SL queued ≥ 80% in 20s met in 1 of 2 intervals (50.0%), 1 empty, 0 untimed
}
