package ticket_test

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/hours"
	"github.com/rapportkit/rapport/ticket"
)

func Example() {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		fmt.Println(err)
		return
	}
	work := hours.Spans{{From: 9 * time.Hour, To: 18 * time.Hour}}
	cal, err := hours.New(paris, hours.Week{time.Monday: work, time.Tuesday: work, time.Wednesday: work,
		time.Thursday: work, time.Friday: work}, nil, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	export := `Id,Via,Priority,Created at,Solved at,Replies,Reopens,First reply time in minutes
1,email,urgent,2026-12-07T08:00:00Z,2026-12-07T10:00:00Z,1,0,20
2,web,urgent,2026-12-07T16:00:00Z,2026-12-08T09:00:00Z,2,1,1000
3,email,normal,2026-12-04T17:30:00Z,,,,
`
	tickets, sum, err := ticket.NewReader(strings.NewReader(export)).ReadAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	targets := ticket.Targets{"urgent": {FirstReply: time.Hour, Resolution: 2 * time.Hour, Business: true}}
	t, err := ticket.TallyOf(slices.Values(tickets), targets, cal)
	if err != nil {
		fmt.Println(err)
		return
	}
	reply, _ := t.Percentile(ticket.FirstReplyTime, 0.5)
	biz, _ := t.Percentile(ticket.BusinessFirstReplyTime, 1)
	breach, _ := t.ReplyBreachRate("urgent")
	oneTouch, _ := t.OneTouch()
	fmt.Println("rows accepted:", sum.Accepted)
	fmt.Println("median first reply:", reply)
	fmt.Println("slowest first reply in business hours:", biz)
	fmt.Printf("urgent first replies over 1 business hour: %.0f%%\n", 100*breach)
	fmt.Printf("one-touch: %.0f%%\n", 100*oneTouch)

	backlog, err := ticket.Backlog(slices.Values(tickets), time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("open on Monday at noon:", backlog.Open, "oldest", time.Duration(*backlog.OldestSeconds)*time.Second)
	// Output:
	// rows accepted: 3
	// median first reply: 20m0s
	// slowest first reply in business hours: 1h40m0s
	// urgent first replies over 1 business hour: 50%
	// one-touch: 50%
	// open on Monday at noon: 1 oldest 66h30m0s
}

func ExampleTally_Result() {
	created := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	var t ticket.Tally
	for i, minutes := range []int{5, 30, 45, 90} {
		err := t.Add(ticket.Ticket{ID: fmt.Sprint(i), Created: created,
			FirstReply: created.Add(time.Duration(minutes) * time.Minute), Replies: 1,
			Solved: created.Add(time.Duration(2*minutes) * time.Minute), Reopens: 0})
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	r, err := t.Result()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	// Output:
	// tickets 4, replied 4, solved 4
	// first reply: n=4 mean 42m30s p50 30m0s p90 1h30m0s p95 1h30m0s
	// resolution: n=4 mean 1h25m0s p50 1h0m0s p90 3h0m0s p95 3h0m0s
	// one-touch 100.0%, reopened 0.0%
}

func ExampleBacklog() {
	at := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	tickets := []ticket.Ticket{
		{ID: "a", Created: at.Add(-2 * time.Hour), Replies: ticket.Unknown, Reopens: ticket.Unknown},
		{ID: "b", Created: at.Add(-50 * time.Hour), Replies: ticket.Unknown, Reopens: ticket.Unknown},
		{ID: "c", Created: at.Add(-10 * 24 * time.Hour), Solved: at.Add(-time.Hour), Replies: ticket.Unknown, Reopens: ticket.Unknown},
	}
	b, err := ticket.Backlog(slices.Values(tickets), at)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b)
	// Output:
	// backlog at 2026-12-07T12:00:00Z: 2 open, oldest 50h0m0s
	// age: n=2 mean 26h0m0s p50 2h0m0s p90 50h0m0s p95 50h0m0s
	// 0–1 days: 1
	// 1–3 days: 1
	// 3–7 days: 0
	// 7–30 days: 0
	// 30–∞ days: 0
}
