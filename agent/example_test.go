package agent_test

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/agent"
)

// clock returns 2 March 2026 at hh:mm UTC.
func clock(hh, mm int) time.Time { return time.Date(2026, 3, 2, hh, mm, 0, 0, time.UTC) }

// shift is a morning of two agents: Ana arrives 15 minutes late.
func shift() []agent.Interval {
	iv := func(name string, st agent.State, from, to time.Time, contacts int) agent.Interval {
		return agent.Interval{Agent: name, State: st, Start: from, End: to, Contacts: contacts}
	}
	return []agent.Interval{
		iv("ana", agent.Absence, clock(9, 0), clock(9, 15), 0),
		iv("ben", agent.Available, clock(9, 0), clock(9, 20), 0),
		iv("ana", agent.OnContact, clock(9, 15), clock(10, 15), 10),
		iv("ben", agent.OnContact, clock(9, 20), clock(10, 50), 12),
		iv("ana", agent.AfterContactWork, clock(10, 15), clock(10, 45), 0),
		iv("ana", agent.Break, clock(10, 45), clock(11, 0), 0),
		iv("ben", agent.AfterContactWork, clock(10, 50), clock(11, 30), 0),
		iv("ana", agent.Available, clock(11, 0), clock(13, 0), 0),
		iv("ben", agent.Training, clock(11, 30), clock(13, 0), 0),
	}
}

// Handling is 220 min (Ana 60 + 30, Ben 90 + 40) of 360 min open (with
// 140 min available) and 465 min logged in; 480 min were scheduled, 105
// of them in a break or training and 15 absent; 22 contacts.
func ExampleTallyOf() {
	t, err := agent.TallyOf(slices.Values(shift()))
	if err != nil {
		fmt.Println(err)
		return
	}
	occ, _ := t.Occupancy()
	util, _ := t.Utilization()
	planned, _ := t.PlannedShrinkage()
	unplanned, _ := t.UnplannedShrinkage()
	aht, _ := t.AHT()
	cph, _ := t.ContactsPerHour()
	fte, _ := t.FTE(8 * time.Hour)
	fmt.Printf("occupancy %.1f %%, utilization %.1f %%\n", 100*occ, 100*util)
	fmt.Printf("shrinkage planned %.1f %%, unplanned %.1f %%\n", 100*planned, 100*unplanned)
	fmt.Printf("AHT %v, %.2f contacts per hour, %.2f FTE of 8 h\n", aht, cph, fte)
	// Output:
	// occupancy 61.1 %, utilization 47.3 %
	// shrinkage planned 21.9 %, unplanned 3.1 %
	// AHT 10m0s, 2.84 contacts per hour, 0.97 FTE of 8 h
}

func ExampleTallyBy() {
	byAgent, err := agent.TallyBy(slices.Values(shift()), func(iv agent.Interval) string { return iv.Agent })
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range []string{"ana", "ben"} {
		occ, _ := byAgent[name].Occupancy()
		aht, _ := byAgent[name].AHT()
		fmt.Printf("%s: occupancy %.1f %%, AHT %v\n", name, 100*occ, aht)
	}
	// Output:
	// ana: occupancy 42.9 %, AHT 9m0s
	// ben: occupancy 86.7 %, AHT 10m50s
}

// Overlapping intervals of one agent are an error naming the interval.
func ExampleTallyOf_overlap() {
	ivs := shift()
	ivs[2].Start = clock(9, 10) // Ana on a contact while still absent
	_, err := agent.TallyOf(slices.Values(ivs))
	fmt.Println(err)
	// Output:
	// agent: interval 2: overlapping or out-of-order interval: agent "ana": on-contact interval from 2026-03-02T09:10:00Z starts before the previous one ends at 2026-03-02T09:15:00Z
}

func ExampleTally_Result() {
	t, _ := agent.TallyOf(slices.Values(shift()))
	r, err := t.Result(8 * time.Hour)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.1f %% occupancy, AHT %.0f s over %d agents: p50 %.0f s, sd %.0f s\n",
		*r.OccupancyPct, *r.AHTSeconds, r.AgentAHT.Agents, *r.AgentAHT.P50Seconds, *r.AgentAHT.SDSeconds)
	// Output:
	// 61.1 % occupancy, AHT 600 s over 2 agents: p50 595 s, sd 78 s
}

func ExampleSchedule_Compare() {
	plan := []agent.Interval{
		{Agent: "ana", State: agent.Available, Start: clock(9, 0), End: clock(10, 45)},
		{Agent: "ana", State: agent.Break, Start: clock(10, 45), End: clock(11, 0)},
		{Agent: "ana", State: agent.Available, Start: clock(11, 0), End: clock(13, 0)},
	}
	s, err := agent.NewSchedule(slices.Values(plan))
	if err != nil {
		fmt.Println(err)
		return
	}
	by, err := s.Compare(slices.Values(shift()))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(by["ana"].Result())
	// Output:
	// scheduled 4.00 h, in adherence 3.75 h, worked 3.75 h: adherence 93.8 %, conformance 93.8 %
}

func ExampleReader() {
	export := `Agent Name,Status,Status Start Time,Status End Time,Status Duration
ana,Available,2026-03-02 09:00:00,2026-03-02 09:12:00,720
ana,On a Call,2026-03-02 09:12:00,2026-03-02 09:20:00,480
ana,After Call Work,2026-03-02 09:20:00,2026-03-02 09:22:00,120
ana,Away,2026-03-02 09:22:00,2026-03-02 09:30:00,480
ana,On a Call,2026-03-02 09:25:00,2026-03-02 09:40:00,900
`
	r := agent.NewReader(strings.NewReader(export))
	r.States = map[string]agent.State{"Away": agent.Break} // what "Away" means here
	ivs, sum, err := r.ReadAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d rows: %d accepted, %d rejected\n", sum.Read, sum.Accepted, sum.Rejected)
	for _, e := range sum.Errors {
		fmt.Println(e)
	}
	t, _ := agent.TallyOf(slices.Values(ivs))
	occ, _ := t.Occupancy()
	fmt.Printf("occupancy %.1f %%\n", 100*occ)
	// Output:
	// 5 rows: 4 accepted, 1 rejected
	// row: line 6 (id "ana"), column "Status Start Time": agent: overlapping or out-of-order interval: agent "ana": on-contact interval from 2026-03-02T09:25:00Z starts before the previous one ends at 2026-03-02T09:30:00Z
	// occupancy 45.5 %
}

// Tallies of parts (days, sites, machines) merge into the tally of the
// whole, and travel as bytes.
func ExampleTally_Merge() {
	ivs := shift()
	var morning, rest agent.Tally
	for _, iv := range ivs[:4] {
		_ = morning.Add(iv)
	}
	for _, iv := range ivs[4:] {
		_ = rest.Add(iv)
	}
	b, _ := rest.MarshalBinary()
	var received agent.Tally
	if err := received.UnmarshalBinary(b); err != nil {
		fmt.Println(err)
		return
	}
	if err := morning.Merge(&received); err != nil {
		fmt.Println(err)
		return
	}
	all, _ := agent.TallyOf(slices.Values(ivs))
	x, _ := morning.MarshalBinary()
	y, _ := all.MarshalBinary()
	occ, _ := morning.Occupancy()
	fmt.Printf("%d intervals, occupancy %.1f %%, same state: %v\n", morning.N(), 100*occ, string(x) == string(y))
	// Output:
	// 9 intervals, occupancy 61.1 %, same state: true
}

// A night shift split at midnight, for day tallies that add up.
func ExampleSplitDays() {
	night := agent.Interval{Agent: "ana", State: agent.Available, Start: clock(22, 0), End: clock(22, 0).Add(5 * time.Hour)}
	for iv := range agent.SplitDays(slices.Values([]agent.Interval{night}), nil) {
		fmt.Println(iv.Start.Format("Jan 2 15:04"), "–", iv.End.Format("Jan 2 15:04"), iv.Duration())
	}
	// Output:
	// Mar 2 22:00 – Mar 3 00:00 2h0m0s
	// Mar 3 00:00 – Mar 3 03:00 3h0m0s
}

func ExampleParseState() {
	for _, name := range []string{"Interacting", "After Call Work", "Meal", "Busy"} {
		st, err := agent.ParseState(name)
		fmt.Println(st, err)
	}
	// Output:
	// on-contact <nil>
	// after-contact-work <nil>
	// break <nil>
	// state(0) agent: unknown state "Busy"
}
