package journey

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/rapportkit/rapport/operations"
	"github.com/stretchr/testify/require"
)

func lawSpec() laws.Spec[Tally, Journey] {
	bad := func(edit func(*Journey)) Journey {
		j := randomJourney(rand.New(rand.NewPCG(7, 7)))
		j.Steps = append(j.Steps, randomStep(rand.New(rand.NewPCG(8, 8)), 9, "k1", j.Steps[len(j.Steps)-1].Contact.Arrived.Add(time.Hour)))
		edit(&j)
		return j
	}
	return laws.Spec[Tally, Journey]{
		Item: randomJourney,
		Bad: []Journey{
			{},
			bad(func(j *Journey) { j.Steps[0].Handler = 0 }),
			bad(func(j *Journey) { j.Steps[1].Contact.Arrived = j.Steps[0].Contact.Arrived.Add(-time.Second) }),
			bad(func(j *Journey) { j.Steps[1].Contact.Channel = 0 }),
			bad(func(j *Journey) { j.Steps[0].Tier = MaxTier + 1 }),
		},
		AddN:   (*Tally).AddN,
		Result: func(t *Tally) (any, error) { return t.Result() },
		BadJSON: []string{
			`{"journeys":0,"steps":1}`,
		},
		AllocFree: true,
	}
}

func TestTallyLaws(t *testing.T) { laws.Check(t, lawSpec()) }

func FuzzTallyBinary(f *testing.F) { laws.FuzzBinary(f, lawSpec()) }
func FuzzTallyJSON(f *testing.F)   { laws.FuzzJSON(f, lawSpec()) }

// TestTallyHand checks every counter on a journey worked by hand: a
// chatbot hands a customer to a tier-1 agent on chat, who transfers to a
// tier-2 agent; the customer calls back the next day and is resolved.
func TestTallyHand(t *testing.T) {
	at := base
	step := func(id string, h Handler, ch operations.Channel, tier int, agent, to string, resolved bool) Step {
		s := Step{Handler: h, Tier: tier, TransferredTo: to}
		s.Contact = operations.Contact{ID: id, CustomerID: "k", Channel: ch, Direction: operations.Inbound, Arrived: at, Agent: agent, Resolved: resolved}
		if h == Agent {
			s.Contact.Outcome, s.Contact.Answered = operations.Answered, at
		} else {
			s.Contact.Outcome, s.Contact.Queue = operations.Unreached, "bot"
		}
		at = at.Add(time.Hour)
		return s
	}
	j := Journey{Steps: []Step{
		step("1", Bot, operations.Chatbot, 0, "", "agents", false),
		step("2", Agent, operations.Chat, 1, "ana", "bob", false),
		step("3", Agent, operations.Chat, 2, "bob", "", false),
		step("4", Agent, operations.Phone, 1, "cy", "", true),
	}}
	var tl Tally
	require.NoError(t, tl.Add(j))
	r, err := tl.Result()
	require.NoError(t, err)
	require.Equal(t, uint64(1), r.N)
	require.Equal(t, uint64(4), r.Steps)
	require.Equal(t, uint64(2), r.Transfers)
	require.Equal(t, uint64(1), r.AgentToAgent)
	require.Equal(t, uint64(1), r.BotToAgent)
	require.Equal(t, uint64(1), r.TakenOver)
	require.Equal(t, uint64(2), r.TierPairs) // 1→2, 2→1
	require.Equal(t, uint64(1), r.TierEscalations)
	require.Equal(t, uint64(1), r.Automated)
	require.Equal(t, uint64(1), r.Escalated)
	require.Equal(t, uint64(0), r.Contained)
	require.Equal(t, uint64(1), r.Switched)
	require.Equal(t, uint64(1), r.Resolved)
	require.Equal(t, uint64(3), r.DigitalSteps) // chatbot, chat, chat; the phone is not digital
	require.Equal(t, uint64(1), r.Transferred)
	require.Equal(t, uint64(1), r.SelfServiceSteps)
	rate, ok := tl.RepeatRate(operations.Chat, operations.Phone)
	require.True(t, ok)
	require.Equal(t, 1.0, rate) // one chat step ended, followed by the call
	_, ok = tl.RepeatRate(operations.Phone, operations.Phone)
	require.True(t, ok)
	_, ok = tl.RepeatRate(operations.Email, operations.Phone)
	require.False(t, ok)
	_, ok = tl.Containment()
	require.True(t, ok)
	var empty Tally
	_, ok = empty.Containment()
	require.False(t, ok)
	er, err := empty.Result()
	require.NoError(t, err)
	require.Nil(t, er.ContainmentPct)
	require.Nil(t, er.DigitalSharePct)
}
