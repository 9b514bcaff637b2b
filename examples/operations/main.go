// Command operations is a quickstart for the operations package: tally a
// week of contacts into contact-centre KPIs, mark first-contact resolution,
// then size a queue with Erlang C and Erlang A.
//
//	go run ./examples/operations
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/rapportkit/rapport/operations"
	"github.com/shopspring/decimal"
)

const s, m, h = time.Second, time.Minute, time.Hour

var monday = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

// contact builds an inbound contact arriving at monday+at; wait is the time
// to answer, or to hang up for an abandoned contact.
func contact(id, customer, reason string, ch operations.Channel, o operations.Outcome,
	at, wait, talk time.Duration, resolved bool, cost string) operations.Contact {
	c := operations.Contact{ID: id, CustomerID: customer, Reason: reason, Channel: ch, Direction: operations.Inbound,
		Outcome: o, Arrived: monday.Add(at), Talk: talk, Resolved: resolved}
	if cost != "" { // an empty cost is unknown, not 0
		c.Cost = decimal.NewNullDecimal(decimal.RequireFromString(cost))
	}
	if o == operations.Answered {
		c.Answered, c.Wrap = c.Arrived.Add(wait), m
	} else if o == operations.Abandoned {
		c.Ended = c.Arrived.Add(wait) // the time to abandon
	}
	return c
}

// pct and dur print a KPI, or "n/a" when it is undefined (ok false): an
// empty denominator is never reported as 0.
func pct(v float64, ok bool) string {
	if !ok {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", 100*v)
}

func dur(d time.Duration, ok bool) string {
	if !ok {
		return "n/a"
	}
	return d.Round(s / 10).String()
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	phone, chat, email, bot := operations.Phone, operations.Chat, operations.Email, operations.Chatbot
	ans, ab, defl := operations.Answered, operations.Abandoned, operations.Deflected
	const mon, tue, wed, thu, fri = 0, 24 * h, 48 * h, 72 * h, 96 * h
	week := []operations.Contact{ // id, customer, reason, channel, outcome, arrival, wait, talk, resolved, cost
		contact("c01", "ana", "billing", phone, ans, mon+9*h, 15*s, 4*m, true, "6.40"),
		contact("c02", "bob", "delivery", phone, ans, mon+9*h+2*m, 48*s, 6*m, false, "8.10"),
		contact("c03", "", "", phone, ab, mon+9*h+3*m, 40*s, 0, false, "0.30"),
		contact("c04", "chloé", "password", chat, ans, mon+10*h+15*m, 25*s, 9*m, true, "4.20"),
		contact("c05", "dan", "password", bot, defl, mon+11*h, 0, 0, true, "0.25"),
		contact("c06", "eve", "refund", email, ans, tue+8*h, 7*h+30*m, 6*m, true, "3.50"),
		contact("c07", "", "", chat, ab, tue+16*h, 2*m, 0, false, "0"),
		contact("c08", "bob", "delivery", phone, ans, wed+14*h+30*m, 10*s, 5*m, true, "7.00"), // bob calls back
		contact("c09", "gus", "delivery", bot, defl, thu+9*h, 0, 0, false, "0.25"),            // the bot could not help…
		contact("c10", "gus", "delivery", phone, ans, thu+9*h+20*m, 5*s, 4*m, true, "6.10"),   // …so gus calls
		contact("c11", "fay", "billing", phone, ans, thu+9*h+40*m, 70*s, 3*m, true, "5.80"),
		contact("c12", "", "", phone, operations.Busy, fri+11*h, 0, 0, false, "0"),
	}
	// A contact repeats when the same customer comes back for the same reason
	// within 7 days. Issues opened less than 7 days before the as-of date stay
	// unjudged: a repeat may still come.
	asOf := time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)
	if err := operations.MarkFCR(week, 7*24*h, asOf); err != nil {
		return fmt.Errorf("FCR: %w", err)
	}
	var t operations.Tally
	for _, c := range week {
		if err := t.Add(c); err != nil { // rejects bad data, naming the contact
			return err
		}
	}
	fmt.Fprintf(w, "%d contacts, %d calls, %d presented to agents, %d answered, %d abandoned\n",
		t.N(), t.CallsReceived(), t.Presented(), t.Answered(), t.Abandoned())
	fmt.Fprintln(w, "reachability      ", pct(t.Reachability()))
	fmt.Fprintln(w, "service level 20 s", pct(t.ServiceLevel(20*s)), "(phone and chat)")
	fmt.Fprintln(w, "ASA               ", dur(t.ASA()))
	fmt.Fprintln(w, "abandonment       ", pct(t.Abandonment()))
	fmt.Fprintln(w, "AHT               ", dur(t.AHT()), "(talk + hold + wrap)")
	fmt.Fprintln(w, "FCR               ", pct(t.FCR()), "of", t.Issues(), "issues")
	if perContact, ok := t.CostPerContact(); ok { // defined when every cost is known
		total, _ := t.Cost()
		fmt.Fprintln(w, "cost per contact  ", perContact.StringFixed(2), "(total", total.StringFixed(2)+")")
	} else {
		fmt.Fprintln(w, "cost per contact   n/a: cost known for", t.Costed(), "of", t.N(), "contacts")
	}

	// Staffing: 100 calls per 30 min, AHT 180 s, 80 % answered within 20 s,
	// occupancy at most 85 %, 30 % shrinkage (breaks, training, absence).
	q := operations.Queue{Contacts: 100, Interval: 30 * m, AHT: 180 * s}
	targets := operations.Targets{ServiceLevel: 0.8, Within: 20 * s, Occupancy: 0.85, Shrinkage: 0.3}
	erlangC, err := q.Staff(targets)
	if err != nil {
		return fmt.Errorf("staffing with Erlang C: %w", err)
	}
	fmt.Fprintln(w, "Erlang C:", erlangC)
	// Erlang A: callers hang up after waiting 5 min on average (Tally.Patience
	// estimates it from real waits); at most 5 % may abandon. (Erlang C has
	// no abandonment target: its callers never hang up.)
	q.Patience, targets.Abandonment = 5*m, 0.05
	erlangA, err := q.Staff(targets)
	if err != nil {
		return fmt.Errorf("staffing with Erlang A: %w", err)
	}
	fmt.Fprintln(w, "Erlang A:", erlangA)
	return nil
}
