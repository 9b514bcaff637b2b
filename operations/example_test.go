package operations_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/rapportkit/rapport/operations"
	"github.com/shopspring/decimal"
)

var monday = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func at(d time.Duration) time.Time { return monday.Add(d) }

// call returns an inbound phone call answered after wait, handled in talk.
func call(id, customer string, arrived, wait, talk time.Duration, resolved bool, cost string) operations.Contact {
	return operations.Contact{ID: id, CustomerID: customer, Reason: "billing", Channel: operations.Phone,
		Direction: operations.Inbound, Outcome: operations.Answered, Arrived: at(arrived), Answered: at(arrived + wait),
		Talk: talk, Wrap: 30 * time.Second, Resolved: resolved, Cost: known(cost)}
}

// known returns a known cost.
func known(cost string) decimal.NullDecimal {
	return decimal.NewNullDecimal(decimal.RequireFromString(cost))
}

// morning is a small morning of a contact centre.
func morning() []operations.Contact {
	const s, m = time.Second, time.Minute
	return []operations.Contact{
		call("c1", "ana", 0, 12*s, 4*m, true, "6.20"),
		call("c2", "bob", 2*m, 45*s, 6*m, false, "8.10"),
		call("c3", "chloé", 3*m, 8*s, 3*m, true, "5.40"),
		call("c4", "bob", 50*m, 18*s, 5*m, true, "7.00"), // bob calls back
		{ID: "c5", Channel: operations.Phone, Direction: operations.Inbound, Outcome: operations.Abandoned,
			Arrived: at(5 * m), Ended: at(5*m + 4*s), Cost: known("0")},
		{ID: "c6", Channel: operations.Phone, Direction: operations.Inbound, Outcome: operations.Abandoned,
			Arrived: at(6 * m), Ended: at(6*m + 70*s), Cost: known("0")},
		{ID: "c7", Channel: operations.Phone, Direction: operations.Inbound, Outcome: operations.Busy, Arrived: at(7 * m), Cost: known("0")},
		{ID: "c8", CustomerID: "dan", Reason: "invoice", Channel: operations.Email, Direction: operations.Inbound,
			Outcome: operations.Answered, Arrived: at(0), Answered: at(5 * time.Hour), Talk: 4 * m, Resolved: true,
			Cost: known("3.50"), Value: operations.LowValue},
		{ID: "c9", CustomerID: "eve", Reason: "move", Channel: operations.Email, Direction: operations.Inbound,
			Outcome: operations.Answered, Arrived: at(0), Answered: at(30 * time.Hour), Talk: 6 * m,
			Cost: known("4.00"), Value: operations.HighValue, Complaint: true},
		{ID: "c10", CustomerID: "fay", Reason: "password", Channel: operations.Chatbot, Direction: operations.Inbound,
			Outcome: operations.Deflected, Arrived: at(m), Resolved: true, Cost: known("0.30")},
	}
}

func tally() *operations.Tally {
	var t operations.Tally
	for _, c := range morning() {
		if err := t.Add(c); err != nil {
			fmt.Println(err)
		}
	}
	return &t
}

func ExampleParseChannel() {
	for _, s := range []string{"Téléphone", "WhatsApp", "e-mail", "courrier", "fax"} {
		c, err := operations.ParseChannel(s)
		fmt.Println(c, err)
	}
	// Output:
	// phone <nil>
	// messaging <nil>
	// email <nil>
	// letter <nil>
	// channel(0) operations: unknown channel "fax"
}

func ExampleParseDirection() {
	d, _ := operations.ParseDirection("sortant")
	fmt.Println(d)
	// Output:
	// outbound
}

func ExampleParseOutcome() {
	o, _ := operations.ParseOutcome("out of hours")
	fmt.Println(o, o.Presented(), o.Handled())
	// Output:
	// closed false false
}

func ExampleParseValueAdded() {
	v, _ := operations.ParseValueAdded("faible")
	fmt.Println(v)
	// Output:
	// low
}

func ExampleParseFCR() {
	f, _ := operations.ParseFCR("repeat")
	fmt.Println(f)
	// Output:
	// repeat
}

func ExampleChannels() {
	for _, c := range operations.Channels() {
		fmt.Printf("%-14s synchronous %-5v self-service %-5v digital %v\n", c, c.Synchronous(), c.SelfService(), c.Digital())
	}
	// Output:
	// phone          synchronous true  self-service false digital false
	// chatbot        synchronous true  self-service true  digital true
	// faq            synchronous false self-service true  digital true
	// customer-space synchronous false self-service true  digital true
	// chat           synchronous true  self-service false digital true
	// form           synchronous false self-service false digital true
	// callback       synchronous false self-service false digital true
	// email          synchronous false self-service false digital true
	// letter         synchronous false self-service false digital false
	// messaging      synchronous false self-service false digital true
	// social         synchronous false self-service false digital true
	// sms            synchronous false self-service false digital true
}

func ExampleContact_Validate() {
	c := call("c42", "ana", time.Minute, 0, 3*time.Minute, true, "6")
	c.Answered = at(0) // before the arrival
	fmt.Println(c.Validate())
	c = call("c43", "ana", 0, 0, -time.Second, false, "6")
	fmt.Println(c.Validate())
	// Output:
	// operations: invalid time: contact "c42": answered 2026-03-02T09:00:00Z before arrived 2026-03-02T09:01:00Z
	// operations: invalid duration: contact "c43": talk -1s is negative
}

func ExampleContact_Wait() {
	c := call("c1", "ana", 0, 12*time.Second, 4*time.Minute, true, "6")
	fmt.Println(c.Wait())
	// Output:
	// 12s true
}

func ExampleTally() {
	t := tally()
	sl, _ := t.ServiceLevel(20 * time.Second)
	asa, _ := t.ASA()
	ab, _ := t.Abandonment()
	fmt.Printf("%d contacts, %d calls: SL %.1f%% in 20s, ASA %v, abandonment %.1f%%\n",
		t.N(), t.CallsReceived(), 100*sl, asa, 100*ab)
	// Output:
	// 10 contacts, 7 calls: SL 50.0% in 20s, ASA 20.75s, abandonment 33.3%
}

func ExampleTally_volumes() {
	t := tally()
	fmt.Println("incoming", t.Incoming(), "calls", t.CallsReceived(), "tickets", t.TicketsCreated(),
		"presented", t.Presented(), "answered", t.Answered(), "abandoned", t.Abandoned(), "handled", t.Handled())
	fmt.Println("busy calls", t.Count(operations.Inbound, operations.Phone, operations.Busy))
	// Output:
	// incoming 10 calls 7 tickets 2 presented 9 answered 6 abandoned 2 handled 7
	// busy calls 1
}

func ExampleTally_Reachability() {
	r, ok := tally().Reachability() // 6 answered of 9 presented
	fmt.Printf("%.3f %v\n", r, ok)
	// Output:
	// 0.667 true
}

func ExampleTally_OutboundReach() {
	var t operations.Tally
	_ = t.Add(operations.Contact{ID: "o1", Channel: operations.Phone, Direction: operations.Outbound,
		Outcome: operations.Unreached, Arrived: monday})
	_ = t.Add(operations.Contact{ID: "o2", Channel: operations.Phone, Direction: operations.Outbound,
		Outcome: operations.Answered, Arrived: monday, Answered: at(9 * time.Second), Talk: time.Minute})
	fmt.Println(t.OutboundReach())
	// Output:
	// 0.5 true
}

// Undefined rates are reported as such, never as 0.
func ExampleTally_ServiceLevel() {
	t := tally()
	for _, within := range []time.Duration{10 * time.Second, 20 * time.Second, time.Minute} {
		sl, ok := t.ServiceLevel(within)
		fmt.Printf("%v: %.3f %v\n", within, sl, ok)
	}
	var empty operations.Tally
	fmt.Println(empty.ServiceLevel(20 * time.Second))
	// Output:
	// 10s: 0.167 true
	// 20s: 0.500 true
	// 1m0s: 0.667 true
	// 0 false
}

func ExampleTally_ServiceLevelExcluding() {
	sl, _ := tally().ServiceLevelExcluding(20*time.Second, 5*time.Second) // the 4 s abandon is left out
	fmt.Printf("%.1f%%\n", 100*sl)
	// Output:
	// 60.0%
}

func ExampleTally_AnsweredWithin() {
	r, _ := tally().AnsweredWithin(20 * time.Second)
	fmt.Printf("%.2f\n", r)
	// Output:
	// 0.75
}

func ExampleTally_ASA() {
	asa, ok := tally().ASA() // (12 + 45 + 8 + 18) s / 4
	fmt.Println(asa, ok)
	// Output:
	// 20.75s true
}

func ExampleTally_WaitQuantile() {
	t := tally()
	median, _ := t.WaitQuantile(0.5)
	p90, _ := t.WaitQuantile(0.9)
	fmt.Println(median, p90)
	// Output:
	// 12s 45s
}

func ExampleTally_Abandonment() {
	r, _ := tally().Abandonment() // 2 abandoned of 6 queued
	fmt.Printf("%.3f\n", r)
	// Output:
	// 0.333
}

func ExampleTally_AbandonmentExcluding() {
	r, _ := tally().AbandonmentExcluding(5 * time.Second) // 1 of 5
	fmt.Println(r)
	// Output:
	// 0.2
}

func ExampleTally_TimeToAbandon() {
	d, _ := tally().TimeToAbandon()
	fmt.Println(d)
	// Output:
	// 37s
}

// The patience estimate feeds the Erlang A model.
func ExampleTally_Patience() {
	p, _ := tally().Patience() // (12 + 45 + 8 + 18 + 4 + 70) s / 2 abandons
	fmt.Println(p)
	// Output:
	// 1m18.5s
}

func ExampleTally_ResponseWithin() {
	t := tally()
	day, _ := t.ResponseWithin(24 * time.Hour)
	twoDays, _ := t.ResponseWithin(48 * time.Hour)
	fmt.Println(day, twoDays)
	// Output:
	// 0.5 1
}

func ExampleTally_ResponseTime() {
	t := tally()
	mean, _ := t.ResponseTime()
	max, _ := t.ResponseQuantile(1)
	fmt.Println(mean, max)
	// Output:
	// 17h30m0s 30h0m0s
}

func ExampleTally_ResponseQuantile() {
	median, _ := tally().ResponseQuantile(0.5)
	fmt.Println(median)
	// Output:
	// 5h0m0s
}

func ExampleTally_AHT() {
	t := tally()
	aht, _ := t.AHT()
	talk, _ := t.AverageTalk()
	hold, _ := t.AverageHold()
	wrap, _ := t.AverageWrap()
	fmt.Println(aht, "=", talk, "+", hold, "+", wrap)
	// Output:
	// 5m0s = 4m40s + 0s + 20s
}

func ExampleTally_AverageTalk() {
	talk, _ := tally().AverageTalk()
	fmt.Println(talk)
	// Output:
	// 4m40s
}

func ExampleTally_AverageHold() {
	var t operations.Tally
	c := call("c1", "ana", 0, 0, time.Minute, true, "1")
	c.Hold = 20 * time.Second
	_ = t.Add(c)
	fmt.Println(t.AverageHold())
	// Output:
	// 20s true
}

func ExampleTally_AverageWrap() {
	wrap, _ := tally().AverageWrap() // 30 s on each of 4 calls, none on 2 e-mails
	fmt.Println(wrap)
	// Output:
	// 20s
}

func ExampleTally_ResolutionRate() {
	r, _ := tally().ResolutionRate() // 5 resolved of 7 handled
	fmt.Printf("%.3f\n", r)
	// Output:
	// 0.714
}

// First-contact resolution needs the customer's later contacts: bob's
// second call within 7 days makes his first one unresolved at first
// contact.
func ExampleMarkFCR() {
	cs := morning()
	if err := operations.MarkFCR(cs, 7*24*time.Hour, time.Time{}); err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cs[:4] {
		fmt.Println(c.ID, c.CustomerID, c.FCR)
	}
	var t operations.Tally
	for _, c := range cs {
		_ = t.Add(c)
	}
	fcr, _ := t.FCR()
	repeats, _ := t.RepeatRate()
	fmt.Printf("FCR %.1f%% of %d issues, repeats %.1f%%\n", 100*fcr, t.Issues(), 100*repeats)
	// Output:
	// c1 ana resolved
	// c2 bob unresolved
	// c3 chloé resolved
	// c4 bob repeat
	// FCR 66.7% of 6 issues, repeats 14.3%
}

func ExampleTally_FCR() {
	cs := morning()
	_ = operations.MarkFCR(cs, 7*24*time.Hour, time.Time{})
	t, err := operations.TallyOf(slices.Values(cs))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.FCR())
	// Output:
	// 0.6666666666666666 true
}

func ExampleTally_RepeatRate() {
	cs := morning()
	_ = operations.MarkFCR(cs, 24*time.Hour, time.Time{})
	var t operations.Tally
	for _, c := range cs {
		_ = t.Add(c)
	}
	fmt.Println(t.RepeatRate())
	// Output:
	// 0.14285714285714285 true
}

func ExampleTally_ComplaintRate() {
	fmt.Println(tally().ComplaintRate())
	// Output:
	// 0.1 true
}

func ExampleTally_Deflection() {
	r, _ := tally().Deflection() // 1 deflected, 9 presented
	fmt.Println(r)
	// Output:
	// 0.1
}

func ExampleTally_HighValueShare() {
	t := tally()
	high, _ := t.HighValueShare()
	low, _ := t.LowValueShare()
	fmt.Println(high, low)
	// Output:
	// 0.5 0.5
}

func ExampleTally_LowValueShare() {
	fmt.Println(tally().LowValueShare())
	// Output:
	// 0.5 true
}

// Costs are exact decimals: 0.1 + 0.2 is 0.3.
func ExampleTally_Cost() {
	var t operations.Tally
	for i, c := range []string{"0.1", "0.2"} {
		_ = t.Add(operations.Contact{ID: fmt.Sprint(i), Channel: operations.Phone, Direction: operations.Inbound,
			Outcome: operations.Busy, Arrived: monday, Cost: known(c)})
	}
	a, b := 0.1, 0.2
	fmt.Println(t.Cost())
	fmt.Println(a + b)
	// Output:
	// 0.3 true
	// 0.30000000000000004
}

// A cost that is unknown (the zero decimal.NullDecimal, an empty cell) is
// not a cost of 0: while one is unknown, the total and the cost per
// contact are undefined, and KnownCost is only a partial sum.
func ExampleTally_Costed() {
	t := tally()
	_ = t.Add(operations.Contact{ID: "c11", Channel: operations.Phone, Direction: operations.Inbound,
		Outcome: operations.Answered, Arrived: at(time.Hour), Answered: at(time.Hour + 9*time.Second), Talk: time.Minute})
	_, ok := t.CostPerContact()
	fmt.Println(t.Costed(), "of", t.N(), "costs known:", t.KnownCost(), "so far; cost per contact defined:", ok)
	// Output:
	// 10 of 11 costs known: 34.5 so far; cost per contact defined: false
}

func ExampleTally_CostPerContact() {
	t := tally()
	total, _ := t.Cost()
	perContact, _ := t.CostPerContact()
	perResolution, _ := t.CostPerResolution()
	fmt.Println(total, perContact, perResolution)
	// Output:
	// 34.5 4.9285714285714286 6.9
}

func ExampleTally_CostPerResolution() {
	c, ok := tally().CostPerResolution()
	fmt.Println(c.StringFixed(2), ok)
	// Output:
	// 6.90 true
}

func ExampleTally_Merge() {
	var paris, lyon operations.Tally
	cs := morning()
	for _, c := range cs[:5] {
		_ = paris.Add(c)
	}
	for _, c := range cs[5:] {
		_ = lyon.Add(c)
	}
	if err := paris.Merge(&lyon); err != nil {
		fmt.Println(err)
	}
	sl, _ := paris.ServiceLevel(20 * time.Second)
	fmt.Println(paris.N(), sl)
	// Output:
	// 10 0.5
}

func ExampleTally_Clone() {
	t := tally()
	u := t.Clone()
	_ = u.Merge(t)
	fmt.Println(t.N(), u.N())
	// Output:
	// 10 20
}

// Partial tallies travel between machines as bytes or JSON and merge.
func ExampleTally_MarshalBinary() {
	data, _ := tally().MarshalBinary()
	var received operations.Tally
	if err := received.UnmarshalBinary(data); err != nil {
		fmt.Println(err)
	}
	asa, _ := received.ASA()
	fmt.Println(received.N(), asa)
	// Output:
	// 10 20.75s
}

func ExampleTally_MarshalJSON() {
	var t operations.Tally
	_ = t.Add(call("c1", "ana", 0, 12*time.Second, 4*time.Minute, true, "6.20"))
	js, _ := json.Marshal(&t)
	fmt.Println(string(js))
	// Output:
	// {"contacts":[{"direction":"inbound","channel":"phone","outcome":"answered","n":1}],"resolved":1,"complaints":0,"high_value":0,"low_value":0,"fcr":{"repeat":0,"resolved":0,"unresolved":0},"talk_ns":"240000000000","hold_ns":"0","wrap_ns":"30000000000","wait":{"counts":[0,0,0,0,0,0,0,0,0,0,0,0,1],"sum_ns":"12000000000"},"abandon":{"counts":[],"sum_ns":"0"},"abandon_untimed":0,"response":{"counts":[],"sum_ns":"0"},"costed":1,"cost_amount":"6.20"}
}

func ExampleTally_Result() {
	r, err := tally().Result(operations.Thresholds{Answer: 30 * time.Second, Response: 8 * time.Hour})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	// Output:
	// contacts 10 (incoming 10, calls 7, tickets 2), reachability 66.7%, SL 50.0% in 30s, ASA 20.8s, P90 wait 45.0s, abandonment 33.3%, response in 8h0m0s 50.0%, AHT 300.0s, FCR n/a, resolution 71.4%, complaints 10.0%, deflection 10.0%, high value 50.0%, cost 34.50 (4.93 per contact, 6.90 per resolution)
}

// The Result's figures carry their units, in Go and in JSON.
func ExampleTally_Result_json() {
	t, _ := operations.TallyOf(slices.Values(morning()))
	r, _ := t.Result(operations.DefaultThresholds)
	fmt.Printf("SL %.1f%% in %v, ASA %.2fs, FCR defined: %v\n", *r.ServiceLevelPct, r.Thresholds.Answer, *r.ASASeconds, r.FCRPct != nil)
	js, _ := json.Marshal(struct {
		Reachability *float64              `json:"reachability_pct"`
		Thresholds   operations.Thresholds `json:"thresholds"`
		PerContact   *decimal.Decimal      `json:"cost_per_contact_amount"`
		FCR          *float64              `json:"fcr_pct"`
	}{r.ReachabilityPct, r.Thresholds, r.CostPerContactAmount, r.FCRPct})
	fmt.Println(string(js))
	// Output:
	// SL 50.0% in 20s, ASA 20.75s, FCR defined: false
	// {"reachability_pct":66.66666666666666,"thresholds":{"answer_seconds":20,"response_seconds":86400,"short_abandon_seconds":5},"cost_per_contact_amount":"4.9285714285714286","fcr_pct":null}
}

func ExampleTallyOf() {
	t, err := operations.TallyOf(slices.Values(morning()))
	if err != nil {
		fmt.Println(err)
		return
	}
	asa, _ := t.ASA()
	fmt.Println(t.N(), "contacts, ASA", asa)
	bad := append(morning(), operations.Contact{ID: "c11", Channel: operations.Phone, Direction: operations.Inbound,
		Outcome: operations.Answered, Arrived: at(0)})
	_, err = operations.TallyOf(slices.Values(bad))
	fmt.Println(err)
	// Output:
	// 10 contacts, ASA 20.75s
	// operations: record 10: invalid time: contact "c11": answered contact without an answer time
}

func ExampleTallyBy() {
	byChannel, err := operations.TallyBy(slices.Values(morning()), func(c operations.Contact) operations.Channel { return c.Channel })
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ch := range operations.Channels() {
		if t, ok := byChannel[ch]; ok {
			aht, ok := t.AHT()
			fmt.Println(ch, t.N(), aht, ok)
		}
	}
	// Output:
	// phone 7 5m0s true
	// chatbot 1 0s false
	// email 2 5m0s true
}

func ExampleErlangB() {
	b, _ := operations.ErlangB(10, 18) // 10 Erlangs on 18 lines
	fmt.Printf("%.5f\n", b)
	// Output:
	// 0.00714
}

func ExampleErlangC() {
	c, _ := operations.ErlangC(10, 14)
	fmt.Printf("%.7f\n", c)
	_, err := operations.ErlangC(10, 10)
	fmt.Println(err)
	// Output:
	// 0.1741319
	// operations: unstable queue (traffic ≥ agents): 10 Erlangs on 10 agents
}

func ExampleLines() {
	n, _ := operations.Lines(10, 0.01) // lines for 1 % blocking
	fmt.Println(n)
	// Output:
	// 18
}

func ExampleQueue_Traffic() {
	q := operations.Queue{Contacts: 100, Interval: 30 * time.Minute, AHT: 3 * time.Minute}
	fmt.Println(q.Traffic())
	// Output:
	// 10 <nil>
}

// The issue's reference: 100 calls in 30 min, AHT 180 s, 14 agents.
func ExampleQueue_Metrics() {
	q := operations.Queue{Contacts: 100, Interval: 30 * time.Minute, AHT: 180 * time.Second}
	m, _ := q.Metrics(14, 20*time.Second)
	fmt.Printf("P(wait) %.5f %%, SL %.5f %%, ASA %.6f s\n", *m.PWaitPct, *m.ServiceLevelPct, *m.ASASeconds)
	fmt.Println(m)
	// Output:
	// P(wait) 17.41319 %, SL 88.83500 %, ASA 7.835937 s
	// 14 agents on 10.00 Erlangs: P(wait) 17.4%, SL 88.8% in 20s, ASA 7.8s, abandonment 0.0%, occupancy 71.4%
}

// With a mean patience of 5 minutes (see Tally.Patience), the Erlang A
// model gives abandonment too.
func ExampleQueue_Metrics_erlangA() {
	q := operations.Queue{Contacts: 100, Interval: 30 * time.Minute, AHT: 180 * time.Second, Patience: 5 * time.Minute}
	for _, n := range []int{8, 10, 14} {
		m, _ := q.Metrics(n, 20*time.Second)
		fmt.Println(m)
	}
	// Output:
	// 8 agents on 10.00 Erlangs: P(wait) 84.8%, SL 22.6% in 20s, ASA 71.3s, abandonment 23.2%, occupancy 96.0%
	// 10 agents on 10.00 Erlangs: P(wait) 59.9%, SL 51.7% in 20s, ASA 31.2s, abandonment 10.9%, occupancy 89.1%
	// 14 agents on 10.00 Erlangs: P(wait) 14.5%, SL 91.7% in 20s, ASA 3.9s, abandonment 1.4%, occupancy 70.4%
}

func ExampleQueue_Staff() {
	q := operations.Queue{Contacts: 100, Interval: 30 * time.Minute, AHT: 180 * time.Second}
	s, err := q.Staff(operations.Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Occupancy: 0.85, Shrinkage: 0.3})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s)
	// Output:
	// 20 positions for 14 agents on 10.00 Erlangs: P(wait) 17.4%, SL 88.8% in 20s, ASA 7.8s, abandonment 0.0%, occupancy 71.4%
}

// Chat agents handling two conversations at once, with impatient customers
// (16 Erlangs of agent time; mpmath agrees on 19 agents).
func ExampleQueue_Staff_chat() {
	q := operations.Queue{Contacts: 240, Interval: time.Hour, AHT: 8 * time.Minute, Concurrency: 2, Patience: 3 * time.Minute}
	s, _ := q.Staff(operations.Targets{ServiceLevel: 0.8, Within: 30 * time.Second, Abandonment: 0.05, Shrinkage: 0.35})
	fmt.Println(s.Agents, s.Positions)
	// Output:
	// 19 30
}

// Targets compare as typed: 153 calls of 3 min in 30 min are 15.3
// Erlangs, which 18 agents carry at exactly 85 % occupancy, and they
// answer 80 % within 60 s too.
func ExampleQueue_Staff_exact() {
	q := operations.Queue{Contacts: 153, Interval: 30 * time.Minute, AHT: 3 * time.Minute}
	s, err := q.Staff(operations.Targets{ServiceLevel: 0.8, Within: time.Minute, Occupancy: 0.85})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Metrics)
	// Output:
	// 18 agents on 15.30 Erlangs: P(wait) 40.8%, SL 83.4% in 1m0s, ASA 27.2s, abandonment 0.0%, occupancy 85.0%
}

// Targets that cannot work together are errors that say why.
func ExampleQueue_Staff_unusable() {
	q := operations.Queue{Contacts: 100, Interval: 30 * time.Minute, AHT: 3 * time.Minute}
	_, err := q.Staff(operations.Targets{ServiceLevel: 0.8})
	fmt.Println(err)
	_, err = q.Staff(operations.Targets{Abandonment: 0.05})
	fmt.Println(err)
	// Output:
	// operations: invalid targets: ServiceLevel 0.8 needs Within > 0
	// operations: invalid targets: Abandonment 0.05 needs a Queue.Patience: without one (Erlang C) no contact abandons
}

func ExamplePositions() {
	shrinkage := 0.3
	p, _ := operations.Positions(21, shrinkage)
	fmt.Println(p, 21/(1-shrinkage))
	// Output:
	// 30 30.000000000000004
}
