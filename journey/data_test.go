package journey

import (
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/rapportkit/rapport/operations"
)

var base = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

var (
	botChannels   = []operations.Channel{operations.Chatbot, operations.Phone, operations.Messaging}
	agentChannels = []operations.Channel{operations.Phone, operations.Chat, operations.Email, operations.Messaging, operations.Letter, operations.Social}
	selfChannels  = []operations.Channel{operations.FAQ, operations.CustomerSpace}
)

// randomStep draws a valid step of customer cust arriving at at.
func randomStep(r *rand.Rand, id int, cust string, at time.Time) Step {
	s := Step{Handler: Handler(1 + r.IntN(3))}
	c := &s.Contact
	c.ID = "c" + strconv.Itoa(id)
	c.CustomerID = cust
	c.Reason = []string{"billing", "move", "fault"}[r.IntN(3)]
	c.Direction = operations.Inbound
	c.Arrived = at
	switch s.Handler {
	case Self:
		c.Channel = selfChannels[r.IntN(len(selfChannels))]
		c.Outcome = []operations.Outcome{operations.Deflected, operations.Abandoned}[r.IntN(2)]
		c.Resolved = c.Outcome == operations.Deflected && r.IntN(2) == 0
	case Bot:
		c.Channel = botChannels[r.IntN(len(botChannels))]
		c.Queue = "bot"
		c.Outcome = []operations.Outcome{operations.Deflected, operations.Abandoned, operations.Unreached}[r.IntN(3)]
		c.Resolved = c.Outcome == operations.Deflected && r.IntN(2) == 0
		if !c.Resolved && r.IntN(2) == 0 {
			s.TransferredTo = "agents"
		}
	case Agent:
		c.Channel = agentChannels[r.IntN(len(agentChannels))]
		c.Queue = "agents"
		s.Tier = r.IntN(4)
		if r.IntN(5) == 0 {
			c.Outcome = operations.Abandoned
			break
		}
		c.Outcome = operations.Answered
		c.Answered = at.Add(time.Duration(r.IntN(300)) * time.Second)
		c.Agent = "a" + strconv.Itoa(r.IntN(5))
		c.Talk = time.Duration(60+r.IntN(600)) * time.Second
		c.Resolved = r.IntN(2) == 0
		if !c.Resolved && r.IntN(3) == 0 {
			s.TransferredTo = c.Agent + "x"
		}
	}
	return s
}

// randomJourney draws a valid journey of 1 to 5 steps.
func randomJourney(r *rand.Rand) Journey {
	n := 1 + r.IntN(5)
	j := Journey{Steps: make([]Step, n)}
	at := base.Add(time.Duration(r.IntN(1000)) * time.Minute)
	for i := range j.Steps {
		j.Steps[i] = randomStep(r, i, "k1", at)
		at = at.Add(time.Duration(r.IntN(72*60)) * time.Minute)
	}
	return j
}

// randomSteps draws the steps of requests requests of customers
// customers, one to six steps each, a quarter under a case.
func randomSteps(r *rand.Rand, requests, customers int) []Step {
	var steps []Step
	for k := range requests {
		at := base.Add(time.Duration(r.IntN(1000)) * time.Hour)
		for i := range 1 + r.IntN(6) {
			s := randomStep(r, len(steps), "k"+strconv.Itoa(k%customers), at)
			if r.IntN(4) == 0 {
				s.Case = "K" + strconv.Itoa(k) + "-" + strconv.Itoa(i%2)
			}
			steps = append(steps, s)
			at = at.Add(time.Duration(r.IntN(60)) * time.Hour)
		}
	}
	return steps
}
