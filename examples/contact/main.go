// Command contact is a quickstart for the contact centre in depth: the
// lifecycle of e-mail tickets in business hours (packages ticket and
// hours), customer journeys across channels (journey) and agents' time
// against their schedule (agent), each read from a CSV export.
//
//	go run ./examples/contact
package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/agent"
	"github.com/rapportkit/rapport/hours"
	"github.com/rapportkit/rapport/journey"
	"github.com/rapportkit/rapport/row"
	"github.com/rapportkit/rapport/ticket"
)

// A help desk's ticket export (Zendesk's column names), times in Paris.
const tickets = `Id,Via,Priority,Created at,Solved at,Replies,Reopens,First reply time in minutes
101,email,urgent,2025-03-03 09:10:00,2025-03-03 12:10:00,1,0,35
102,email,normal,2025-03-03 17:40:00,2025-03-04 10:00:00,2,0,980
103,web_form,normal,2025-03-07 16:30:00,2025-03-10 11:30:00,3,1,1080
104,email,urgent,2025-03-08 10:00:00,,1,0,1500
105,email,normal,2025-03-10 08:00:00,,0,0,
`

// Contacts of three customers on several channels, with the handler of
// each step and the transfers.
const steps = `id,case,customer_id,reason,agent,queue,channel,outcome,arrived,answered,resolved,handler,tier,transferred_to
c1,,ada,billing,,bot,chatbot,deflected,2025-03-03T09:00:00Z,,no,bot,,desk
c2,,ada,billing,lea,desk,chat,answered,2025-03-03T09:02:00Z,2025-03-03T09:03:00Z,yes,agent,1,
c3,,bob,fault,,bot,chatbot,deflected,2025-03-03T10:00:00Z,,yes,bot,,
c4,,cyd,fault,max,desk,phone,answered,2025-03-03T11:00:00Z,2025-03-03T11:01:00Z,no,agent,1,tech
c5,,cyd,fault,zoe,tech,phone,answered,2025-03-03T11:09:00Z,2025-03-03T11:09:30Z,no,agent,2,
c6,,cyd,fault,zoe,tech,email,answered,2025-03-04T08:00:00Z,2025-03-04T09:00:00Z,yes,agent,2,
`

// An agent-status export and the day's schedule.
const (
	states = `Agent Name,Status,Start,End,Contacts
lea,Available,2025-03-03T08:00:00Z,2025-03-03T08:30:00Z,
lea,On Contact,2025-03-03T08:30:00Z,2025-03-03T10:00:00Z,9
lea,After Call Work,2025-03-03T10:00:00Z,2025-03-03T10:20:00Z,
lea,Break,2025-03-03T10:20:00Z,2025-03-03T10:45:00Z,
lea,On Contact,2025-03-03T10:45:00Z,2025-03-03T12:00:00Z,8
max,On Contact,2025-03-03T08:05:00Z,2025-03-03T11:30:00Z,14
max,Training,2025-03-03T11:30:00Z,2025-03-03T12:00:00Z,
`
	planned = `agent,state,start,end
lea,available,2025-03-03T08:00:00Z,2025-03-03T10:30:00Z
lea,break,2025-03-03T10:30:00Z,2025-03-03T10:45:00Z
lea,available,2025-03-03T10:45:00Z,2025-03-03T12:00:00Z
max,available,2025-03-03T08:00:00Z,2025-03-03T11:30:00Z
max,training,2025-03-03T11:30:00Z,2025-03-03T12:00:00Z
`
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	if err := lifecycle(w); err != nil {
		return err
	}
	if err := journeys(w); err != nil {
		return err
	}
	return agents(w)
}

// lifecycle measures the tickets in calendar time and in the desk's
// opening hours (weekdays 9:00–18:00 in Paris).
func lifecycle(w io.Writer) error {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return err
	}
	day := hours.Spans{{From: 9 * time.Hour, To: 18 * time.Hour}}
	cal, err := hours.New(paris, hours.Week{time.Monday: day, time.Tuesday: day, time.Wednesday: day, time.Thursday: day, time.Friday: day}, nil, nil)
	if err != nil {
		return err
	}
	r := ticket.NewReader(strings.NewReader(tickets))
	r.Format = row.Format{Location: paris}
	all, sum, err := r.ReadAll()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "tickets: %d rows read, %d accepted\n", sum.Read, sum.Accepted)
	targets := ticket.Targets{
		"urgent": {FirstReply: time.Hour, Resolution: 8 * time.Hour},
		"normal": {FirstReply: 8 * time.Hour, Business: true},
	}
	t, err := ticket.TallyOf(slices.Values(all), targets, cal)
	if err != nil {
		return err
	}
	res, err := t.Result()
	if err != nil {
		return err
	}
	fmt.Fprintln(w, res)
	backlog, err := ticket.Backlog(slices.Values(all), time.Date(2025, 3, 10, 12, 0, 0, 0, paris))
	if err != nil {
		return err
	}
	fmt.Fprintln(w, backlog)
	return nil
}

// journeys links the contacts of a customer within 48 hours into one
// journey and measures transfers, containment and channel switching.
func journeys(w io.Writer) error {
	all, _, err := journey.NewReader(strings.NewReader(steps)).ReadAll()
	if err != nil {
		return err
	}
	t, err := journey.Linker{Window: 48 * time.Hour}.Tally(all)
	if err != nil {
		return err
	}
	res, err := t.Result()
	if err != nil {
		return err
	}
	fmt.Fprintln(w, res)
	return nil
}

// agents measures the agents' time and their adherence to the schedule.
func agents(w io.Writer) error {
	r := agent.NewReader(strings.NewReader(states))
	all, _, err := r.ReadAll()
	if err != nil {
		return err
	}
	t, err := agent.TallyOf(slices.Values(all))
	if err != nil {
		return err
	}
	res, err := t.Result(8 * time.Hour)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, res)
	plan, _, err := agent.NewReader(strings.NewReader(planned)).ReadAll()
	if err != nil {
		return err
	}
	s, err := agent.NewSchedule(slices.Values(plan))
	if err != nil {
		return err
	}
	by, err := s.Compare(slices.Values(all))
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(by)) {
		fmt.Fprintf(w, "%s: %s\n", name, by[name].Result())
	}
	return nil
}
