package journey_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/journey"
	"github.com/rapportkit/rapport/operations"
)

// A contact-centre export of steps: a chatbot hands customer k1 to an
// agent, who transfers to tier 2; the customer calls back the next day.
// Customer k2 is served by the FAQ, k3 writes under case K7. Rows come
// in any order; Link sorts them.
const export = `id,case,customer_id,reason,channel,outcome,arrived,answered,resolved,handler,tier,agent,queue,transferred_to
s4,,k1,billing,phone,answered,2026-03-03 10:00:00,2026-03-03 10:01:00,yes,,1,cy,agents,
s1,,k1,billing,chatbot,unreached,2026-03-02 09:00:00,,no,,,,bot,agents
s2,,k1,billing,chat,answered,2026-03-02 09:02:00,2026-03-02 09:03:00,no,agent,1,ana,agents,tier2
s3,,k1,billing,chat,answered,2026-03-02 09:20:00,2026-03-02 09:21:00,no,agent,2,bob,tier2,
s5,,k2,move,faq,deflected,2026-03-02 11:00:00,,yes,,,,,
s6,K7,k3,fault,email,answered,2026-03-02 12:00:00,2026-03-02 15:00:00,no,,1,dee,agents,
s7,,k1,move,customer-space,deflected,2026-03-04 08:00:00,,yes,,,,,
s8,K7,k3,fault,letter,answered,2026-03-20 12:00:00,2026-03-23 09:00:00,yes,,2,eve,tier2,
s9,,k3,fault,phone,busy,2026-03-22 12:00:00,,no,,,,agents,
`

func Example() {
	steps, sum, err := journey.NewReader(strings.NewReader(export)).ReadAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("read %d steps, %d rejected\n", sum.Accepted, sum.Rejected)
	journeys, err := journey.Linker{Window: 48 * time.Hour, ByReason: true}.Link(steps)
	if err != nil {
		fmt.Println(err)
		return
	}
	// Journeys come grouped (cases first); order them by their first
	// arrival to read them as a story.
	slices.SortStableFunc(journeys, func(a, b journey.Journey) int {
		return a.Steps[0].Contact.Arrived.Compare(b.Steps[0].Contact.Arrived)
	})
	for _, j := range journeys {
		var ids []string
		for _, s := range j.Steps {
			ids = append(ids, s.Contact.ID)
		}
		fmt.Printf("%q %v\n", j.Case, ids)
	}
	t, err := journey.TallyOf(slices.Values(journeys))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := t.Result()
	fmt.Println(r)
	// Output:
	// read 9 steps, 0 rejected
	// "" [s1 s2 s3 s4]
	// "" [s5]
	// "K7" [s6 s8]
	// "" [s7]
	// "" [s9]
	// journeys 5, steps 9 (1.8 per journey), resolved 80.0%
	// transfers 2 (0.4 per journey; agent→agent 1, bot→agent 1, taken over 100.0%), journeys transferred 20.0%
	// tier escalations 2 of 3 agent pairs (66.7%)
	// automated journeys 3: contained 66.7%, escalated 33.3%, stranded 0.0%
	// channel switching 40.0%, digital share 66.7%, self-service share 33.3%
	// repeats after phone: 0 of 2 (0.0%)
	// repeats after faq: 0 of 1 (0.0%)
	// repeats after customer-space: 0 of 1 (0.0%)
	// repeats after chat: 1 of 1 (100.0%), phone 1
	// repeats after email: 1 of 1 (100.0%), letter 1
	// repeats after letter: 0 of 1 (0.0%)
}

// Containment and escalation of the journeys a bot starts, read one
// figure at a time: undefined (ok false) until such a journey is added.
func ExampleTally_Containment() {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	bot := journey.Step{Handler: journey.Bot, Contact: operations.Contact{ID: "b1", Channel: operations.Chatbot,
		Direction: operations.Inbound, Outcome: operations.Deflected, Arrived: at, Resolved: true}}
	var t journey.Tally
	_, ok := t.Containment()
	fmt.Println(ok)
	if err := t.AddN(journey.Journey{Steps: []journey.Step{bot}}, 3); err != nil {
		fmt.Println(err)
	}
	bot.Contact.Resolved, bot.Contact.Outcome, bot.TransferredTo = false, operations.Unreached, "agents"
	agent := journey.Step{Handler: journey.Agent, Contact: operations.Contact{ID: "a1", Channel: operations.Chat,
		Direction: operations.Inbound, Outcome: operations.Answered, Arrived: at.Add(time.Minute), Answered: at.Add(2 * time.Minute), Agent: "ana"}}
	if err := t.Add(journey.Journey{Steps: []journey.Step{bot, agent}}); err != nil {
		fmt.Println(err)
	}
	c, _ := t.Containment()
	e, _ := t.Escalation()
	k, _ := t.Takeover()
	fmt.Printf("containment %.2f, escalation %.2f, takeover %.2f\n", c, e, k)
	// Output:
	// false
	// containment 0.75, escalation 0.25, takeover 1.00
}

// Journeys grouped by the channel they started on.
func ExampleTallyBy() {
	steps, _, _ := journey.NewReader(strings.NewReader(export)).ReadAll()
	journeys, _ := journey.Linker{Window: 48 * time.Hour, ByReason: true}.Link(steps)
	by, err := journey.TallyBy(slices.Values(journeys), func(j journey.Journey) operations.Channel { return j.Steps[0].Contact.Channel })
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ch := range operations.Channels() {
		if t := by[ch]; t != nil {
			s, _ := t.ChannelSwitching()
			fmt.Printf("%s: %d journeys, switching %.2f\n", ch, t.N(), s)
		}
	}
	// Output:
	// phone: 1 journeys, switching 0.00
	// chatbot: 1 journeys, switching 1.00
	// faq: 1 journeys, switching 0.00
	// customer-space: 1 journeys, switching 0.00
	// email: 1 journeys, switching 1.00
}

// A bad row is rejected with its line, column, id and reason, and the
// reader goes on.
func ExampleReader() {
	const bad = `id,customer_id,channel,outcome,arrived,answered,agent,handler,tier,transferred_to
a,k,phone,answered,2026-03-02 09:00:00,2026-03-02 09:00:10,ana,agent,1,ana
b,k,chatbot,deflected,2026-03-02 09:00:00,,,agent,,
c,k,phone,answered,2026-03-02 09:00:00,2026-03-02 09:00:10,bob,agent,12,
d,k,chat,answered,2026-03-02 09:00:00,2026-03-02 09:00:10,bob,robot,,
e,k,faq,deflected,2026-03-02 09:00:00,,,,,
`
	steps, sum, err := journey.NewReader(strings.NewReader(bad)).ReadAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(steps), steps[0].Contact.ID, steps[0].Handler)
	for _, e := range sum.Errors {
		fmt.Println(e)
	}
	// Output:
	// 1 e self
	// row: line 2 (id "a"): journey: invalid transfer: step "a": transferred to its own agent "ana"
	// row: line 3 (id "b"): journey: invalid handler: step "b": agent step on chatbot
	// row: line 4 (id "c"), column "tier": journey: invalid tier: "12" is not a tier 0..9
	// row: line 5 (id "d"), column "handler": journey: invalid handler "robot"
}

// Linker.Tally gives the tally of the journeys without moving the steps:
// the fast path when only the figures are wanted.
func ExampleLinker_Tally() {
	steps, _, _ := journey.NewReader(strings.NewReader(export)).ReadAll()
	t, err := journey.Linker{Window: 48 * time.Hour, ByReason: true}.Tally(steps)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := t.DigitalShare()
	r, _ := t.RepeatRate(operations.Chat, operations.Phone)
	fmt.Printf("%d journeys, digital share %.3f, chat → phone repeats %.2f; first step still %s\n", t.N(), d, r, steps[0].Contact.ID)
	// Output:
	// 5 journeys, digital share 0.667, chat → phone repeats 1.00; first step still s4
}

// A journey longer than the linker's MaxSpan is an error naming the step,
// not a journey cut in two.
func ExampleLinker_Link_span() {
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	call := func(id string, days int) journey.Step {
		t := at.AddDate(0, 0, days)
		return journey.Step{Case: "K1", Handler: journey.Agent, Contact: operations.Contact{ID: id, CustomerID: "k",
			Channel: operations.Phone, Direction: operations.Inbound, Outcome: operations.Answered, Arrived: t, Answered: t}}
	}
	_, err := journey.Linker{}.Link([]journey.Step{call("c1", 0), call("c2", 30), call("c3", 120)})
	fmt.Println(errors.Is(err, journey.ErrSpan))
	fmt.Println(err)
	// Output:
	// true
	// journey: step 2: journey too long: contact "c3" of case "K1" arrives 2880h0m0s after the journey's first contact "c1", past 2160h0m0s
}
