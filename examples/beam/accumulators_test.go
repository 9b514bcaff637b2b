package rapportbeam

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
	_ "time/tzdata" // forecast.History needs a named zone on any machine

	"github.com/rapportkit/rapport/agent"
	"github.com/rapportkit/rapport/ces"
	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/clv"
	"github.com/rapportkit/rapport/csat"
	"github.com/rapportkit/rapport/forecast"
	"github.com/rapportkit/rapport/hours"
	"github.com/rapportkit/rapport/journey"
	"github.com/rapportkit/rapport/nps"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/rate"
	"github.com/rapportkit/rapport/segment"
	"github.com/rapportkit/rapport/ticket"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// n is the number of items of each test; every tenth or so is invalid.
const n = 400

var t0 = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// scores returns n scores in lo-1..hi+1, so that some are off the scale.
func scores(seed uint64, lo, hi int) []int {
	rng := rand.New(rand.NewPCG(seed, 1))
	var xs []int
	for range n {
		xs = append(xs, lo-1+rng.IntN(hi-lo+3))
	}
	return xs
}

func responses(seed uint64) []nps.Response {
	rng := rand.New(rand.NewPCG(seed, 2))
	var xs []nps.Response
	for i := range n {
		w := 0.25 + 2*rng.Float64()
		if i%17 == 0 {
			w = -1
		}
		xs = append(xs, nps.Response{Score: rng.IntN(12), Weight: w, At: t0.Add(time.Duration(i) * time.Hour)})
	}
	return xs
}

func contacts(seed uint64) []operations.Contact {
	rng := rand.New(rand.NewPCG(seed, 3))
	var xs []operations.Contact
	for i := range n {
		arrived := t0.Add(time.Duration(rng.IntN(30*24*60)) * time.Minute)
		c := operations.Contact{
			ID:        fmt.Sprintf("K%d", i),
			Channel:   []operations.Channel{operations.Phone, operations.Chat, operations.Email}[rng.IntN(3)],
			Direction: operations.Inbound,
			Outcome:   operations.Abandoned,
			Arrived:   arrived,
			Ended:     arrived.Add(time.Duration(rng.IntN(600)) * time.Second),
		}
		if rng.IntN(4) > 0 {
			c.Outcome = operations.Answered
			c.Answered = arrived.Add(time.Duration(rng.IntN(900)) * time.Second)
			c.Ended = c.Answered.Add(time.Duration(60+rng.IntN(1200)) * time.Second)
			c.Talk = c.Ended.Sub(c.Answered)
			c.Resolved = rng.IntN(2) == 0
			c.Cost = decimal.NewNullDecimal(decimal.New(int64(100+rng.IntN(900)), -2))
		}
		if i%13 == 0 {
			c.Hold = -time.Second
		}
		xs = append(xs, c)
	}
	return xs
}

func customers(seed uint64) []churn.Customer {
	rng := rand.New(rand.NewPCG(seed, 4))
	var xs []churn.Customer
	for i := range n {
		c := churn.Customer{ID: fmt.Sprintf("C%d", i), Start: t0.AddDate(0, 0, rng.IntN(730)-365)}
		if rng.IntN(3) == 0 {
			c.End = c.Start.AddDate(0, 0, rng.IntN(400))
		}
		if i%11 == 0 {
			c.End = c.Start.AddDate(0, 0, -1)
		}
		xs = append(xs, c)
	}
	return xs
}

func lifetimes(seed uint64) []churn.Lifetime {
	rng := rand.New(rand.NewPCG(seed, 5))
	var xs []churn.Lifetime
	for i := range n {
		d := time.Duration(rng.IntN(60)) * 24 * time.Hour
		if i%19 == 0 {
			d = -d - 1
		}
		xs = append(xs, churn.Lifetime{Duration: d, Lost: rng.IntN(2) == 0})
	}
	return xs
}

func revenues(seed uint64) []churn.Revenue {
	rng := rand.New(rand.NewPCG(seed, 6))
	var xs []churn.Revenue
	for i := range n {
		a := decimal.New(int64(rng.IntN(100000)), -2)
		if i%23 == 0 {
			a = a.Neg().Sub(decimal.New(1, -2))
		}
		xs = append(xs, churn.Revenue{CustomerID: fmt.Sprintf("C%d", rng.IntN(40)), At: t0.AddDate(0, rng.IntN(12), rng.IntN(28)), Amount: a})
	}
	return xs
}

// transactions returns n transactions of customers "C0".."C{ids-1}".
func transactions(seed uint64, ids int) []segment.Transaction {
	rng := rand.New(rand.NewPCG(seed, 7))
	var xs []segment.Transaction
	for i := range n {
		tx := segment.Transaction{
			CustomerID: fmt.Sprintf("C%d", rng.IntN(ids)),
			At:         t0.Add(time.Duration(rng.IntN(365*24)) * time.Hour),
			Amount:     decimal.New(int64(rng.IntN(100000)), -2),
		}
		if i%29 == 0 {
			tx.At = time.Time{}
		}
		xs = append(xs, tx)
	}
	return xs
}

func tickets(seed uint64) []ticket.Ticket {
	rng := rand.New(rand.NewPCG(seed, 9))
	var xs []ticket.Ticket
	for i := range n {
		created := t0.Add(time.Duration(rng.IntN(30*24*60)) * time.Minute)
		tk := ticket.Ticket{ID: fmt.Sprintf("T%d", i), Channel: operations.Email, Priority: []string{"urgent", "normal"}[rng.IntN(2)], Created: created}
		if rng.IntN(4) > 0 {
			tk.FirstReply = created.Add(time.Duration(1+rng.IntN(48*60)) * time.Minute)
			tk.Replies = 1 + rng.IntN(3)
			if rng.IntN(2) == 0 {
				tk.Solved = tk.FirstReply.Add(time.Duration(rng.IntN(72*60)) * time.Minute)
				tk.Reopens = rng.IntN(2)
			}
		}
		if i%13 == 0 {
			tk.FirstReply = created.Add(-time.Minute) // a reply before the ticket: rejected
		}
		xs = append(xs, tk)
	}
	return xs
}

func journeys(seed uint64) []journey.Journey {
	rng := rand.New(rand.NewPCG(seed, 10))
	var xs []journey.Journey
	for i := range n {
		at := t0.Add(time.Duration(rng.IntN(30*24*60)) * time.Minute)
		step := func(k int, ch operations.Channel, h journey.Handler) journey.Step {
			c := operations.Contact{ID: fmt.Sprintf("J%d-%d", i, k), CustomerID: fmt.Sprintf("C%d", i), Channel: ch,
				Direction: operations.Inbound, Outcome: operations.Answered, Arrived: at.Add(time.Duration(k) * time.Hour)}
			c.Answered = c.Arrived.Add(time.Minute)
			if h == journey.Bot {
				c.Outcome, c.Answered = operations.Deflected, time.Time{}
			} else {
				c.Agent, c.Talk = fmt.Sprintf("A%d", k), 3*time.Minute
			}
			return journey.Step{Contact: c, Handler: h, Tier: map[bool]int{true: 0, false: 1}[h == journey.Bot]}
		}
		j := journey.Journey{Steps: []journey.Step{step(0, operations.Chatbot, journey.Bot)}}
		if rng.IntN(2) == 0 {
			j.Steps[0].TransferredTo = "desk"
			j.Steps = append(j.Steps, step(1, operations.Chat, journey.Agent))
		}
		j.Steps[len(j.Steps)-1].Contact.Resolved = rng.IntN(3) > 0
		if i%17 == 0 {
			j.Steps[0].Tier = 12 // past MaxTier: rejected
		}
		xs = append(xs, j)
	}
	return xs
}

func intervals(seed uint64) []agent.Interval {
	rng := rand.New(rand.NewPCG(seed, 11))
	states := []agent.State{agent.Available, agent.OnContact, agent.AfterContactWork, agent.Break, agent.Absence}
	var xs []agent.Interval
	for i := range n {
		start := t0.Add(time.Duration(i) * 10 * time.Minute)
		iv := agent.Interval{Agent: fmt.Sprintf("A%d", rng.IntN(8)), State: states[rng.IntN(len(states))], Start: start, End: start.Add(time.Duration(1+rng.IntN(600)) * time.Second)}
		if iv.State == agent.OnContact {
			iv.Contacts = 1 + rng.IntN(3)
		}
		if i%19 == 0 {
			iv.End = iv.Start.Add(-time.Second) // backwards: rejected
		}
		xs = append(xs, iv)
	}
	return xs
}

// For every accumulator of rapport, Combine and CombinePerKey on the
// prism runner give, to the byte, the accumulator a single process gets
// by adding the items in order, and reject the same items for the same
// reasons.
func TestCombineEveryAccumulator(t *testing.T) {
	period, err := churn.NewPeriod(t0, t0.AddDate(0, 6, 0))
	require.NoError(t, err)
	flow, err := churn.NewFlow(period)
	require.NoError(t, err)
	ledger, err := churn.NewLedger(churn.Calendar{Months: 3})
	require.NoError(t, err)
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	history, err := forecast.NewHistory(30*time.Minute, ny)
	require.NoError(t, err)
	day := hours.Spans{{From: 9 * time.Hour, To: 18 * time.Hour}}
	cal, err := hours.New(ny, hours.Week{1: day, 2: day, 3: day, 4: day, 5: day}, nil, nil)
	require.NoError(t, err)
	tally, err := ticket.NewTally(ticket.Targets{"urgent": {FirstReply: time.Hour}, "normal": {FirstReply: 8 * time.Hour, Business: true}}, cal)
	require.NoError(t, err)
	bools := func() []bool {
		rng := rand.New(rand.NewPCG(8, 8))
		var xs []bool
		for range n {
			xs = append(xs, rng.IntN(3) == 0)
		}
		return xs
	}()

	for _, c := range []struct {
		name  string
		check func(t *testing.T)
	}{
		{"nps.Tally", func(t *testing.T) { checkBoth(t, nps.NewTally(nps.Standard), scores(1, 0, 10), true) }},
		{"nps.Weighted", func(t *testing.T) { checkBoth(t, nps.NewWeighted(nps.Standard), responses(2), true) }},
		{"csat.Tally", func(t *testing.T) { checkBoth(t, csat.NewTally(csat.SevenPoint), scores(3, 1, 7), true) }},
		{"ces.Tally", func(t *testing.T) { checkBoth(t, ces.NewTally(ces.FivePointEffort), scores(4, 1, 5), true) }},
		{"rate.Tally", func(t *testing.T) { checkBoth(t, &rate.Tally{}, bools, false) }},
		{"operations.Tally", func(t *testing.T) { checkBoth(t, &operations.Tally{}, contacts(5), true) }},
		{"churn.Flow", func(t *testing.T) { checkBoth(t, flow, customers(6), true) }},
		{"churn.Survival", func(t *testing.T) { checkBoth(t, &churn.Survival{}, lifetimes(7), true) }},
		{"churn.Ledger", func(t *testing.T) { checkBoth(t, ledger, revenues(8), true) }},
		{"segment.Customer", func(t *testing.T) { checkBoth(t, segment.NewCustomer("C1"), transactions(9, 2), true) }},
		{"segment.Collection", func(t *testing.T) {
			checkBoth(t, segment.NewCollection(segment.Options{Refunds: true}), transactions(10, 50), true)
		}},
		{"clv.History", func(t *testing.T) { checkBoth(t, (*clv.History)(nil), transactions(11, 1), true) }},
		{"forecast.History", func(t *testing.T) { checkBoth(t, history, contacts(12), true) }},
		{"ticket.Tally", func(t *testing.T) { checkBoth(t, tally, tickets(13), true) }},
		{"journey.Tally", func(t *testing.T) { checkBoth(t, &journey.Tally{}, journeys(14), true) }},
		{"agent.Tally", func(t *testing.T) { checkBoth(t, &agent.Tally{}, intervals(15), true) }},
	} {
		t.Run(c.name, c.check)
	}
}

// checkBoth runs checkCombine and checkCombinePerKey.
func checkBoth[A, X any, P Accumulator[A, X]](t *testing.T, empty P, xs []X, reject bool) {
	t.Run("Combine", func(t *testing.T) { checkCombine(t, empty, xs, reject) })
	t.Run("CombinePerKey", func(t *testing.T) { checkCombinePerKey(t, empty, xs) })
}
