package journey

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/operations"
	"github.com/stretchr/testify/require"
)

// answered returns an answered phone step.
func answered(id, cust, reason, cs string, at time.Time) Step {
	return Step{Case: cs, Handler: Agent, Contact: operations.Contact{ID: id, CustomerID: cust, Reason: reason,
		Channel: operations.Phone, Direction: operations.Inbound, Outcome: operations.Answered, Arrived: at, Answered: at}}
}

func stepIDs(j Journey) []string {
	var out []string
	for _, s := range j.Steps {
		out = append(out, s.Contact.ID)
	}
	return out
}

func TestLink(t *testing.T) {
	h := func(n int) time.Time { return base.Add(time.Duration(n) * time.Hour) }
	steps := []Step{
		answered("4", "k", "billing", "", h(30)),   // 6 h after 3: same journey
		answered("1", "k", "billing", "", h(0)),    // first of k's billing journey
		answered("5", "k", "billing", "", h(60)),   // 30 h after 4: a new journey
		answered("3", "k", "billing", "", h(24)),   // 24 h after 1: same journey (within, not past)
		answered("m", "k", "move", "", h(1)),       // another reason
		answered("c2", "k", "billing", "K", h(99)), // a case, whatever the times
		answered("c1", "", "", "K", h(2)),
		answered("x", "", "", "", h(5)),          // anonymous: alone
		answered("2", "k", "billing", "", h(24)), // ties with 3: input order
	}
	orig := slices.Clone(steps)
	l := Linker{Window: 24 * time.Hour, ByReason: true}
	js, err := l.Link(steps)
	require.NoError(t, err)
	var got [][]string
	for _, j := range js {
		got = append(got, stepIDs(j))
	}
	require.Equal(t, []string{"c1", "c2"}, got[0], "cases first")
	require.Equal(t, "K", js[0].Case)
	require.Equal(t, []string{"x"}, got[4], "steps alone last")
	require.ElementsMatch(t, [][]string{{"1", "3", "2", "4"}, {"5"}, {"m"}}, got[1:4])
	require.Equal(t, "", js[1].Case)
	// Link sorted steps in place: the journeys are its sub-slices.
	require.Same(t, &steps[0], &js[0].Steps[0])
	require.ElementsMatch(t, orig, steps)

	// Without ByReason, m joins the billing journey; without a window,
	// only the case links.
	steps = slices.Clone(orig)
	js, err = Linker{Window: 24 * time.Hour}.Link(steps)
	require.NoError(t, err)
	require.Contains(t, [][]string{stepIDs(js[1]), stepIDs(js[2])}, []string{"1", "m", "3", "2", "4"})
	steps = slices.Clone(orig)
	js, err = Linker{}.Link(steps)
	require.NoError(t, err)
	require.Len(t, js, 1+7)
}

func TestLinkErrors(t *testing.T) {
	h := func(n int) time.Time { return base.Add(time.Duration(n) * time.Hour) }
	for name, tc := range map[string]struct {
		l     Linker
		steps []Step
		err   error
		msg   string
	}{
		"window": {Linker{Window: -1}, nil, ErrDuration, "journey: invalid duration: window -1ns is negative"},
		"span":   {Linker{MaxSpan: -1}, nil, ErrDuration, "journey: invalid duration: maximum span -1ns is negative"},
		"case span": {Linker{}, []Step{answered("a", "k", "", "K", h(0)), answered("b", "k", "", "K", h(90*24+1))}, ErrSpan,
			`journey: step 1: journey too long: contact "b" of case "K" arrives 2161h0m0s after the journey's first contact "a", past 2160h0m0s`},
		"chain span": {Linker{Window: 48 * time.Hour, MaxSpan: 72 * time.Hour},
			[]Step{answered("a", "k", "", "", h(0)), answered("b", "k", "", "", h(40)), answered("c", "k", "", "", h(80))}, ErrSpan,
			`journey: step 2: journey too long: contact "c" of customer "k" arrives 80h0m0s after the journey's first contact "a", past 72h0m0s`},
		"case customers": {Linker{}, []Step{answered("a", "k", "", "K", h(0)), answered("b", "j", "", "K", h(1))}, ErrCase,
			`journey: step 1: inconsistent case: contact "b" of case "K" is of customer "j", contact "a" of customer "k"`},
		"self transfer": {Linker{}, []Step{answered("a", "k", "", "", h(0)), func() Step {
			s := answered("b", "k", "", "", h(1))
			s.Contact.Agent, s.TransferredTo = "ana", "ana"
			return s
		}()}, ErrTransfer, `journey: step 1: invalid transfer: step "b": transferred to its own agent "ana"`},
		"contact": {Linker{}, []Step{func() Step {
			s := answered("a", "k", "", "", h(0))
			s.Contact.Answered = h(-1)
			return s
		}()}, operations.ErrTime, `journey: step 0: step "a": operations: invalid time: contact "a": answered`},
	} {
		t.Run(name, func(t *testing.T) {
			orig := slices.Clone(tc.steps)
			_, err := tc.l.Tally(tc.steps)
			require.ErrorIs(t, err, tc.err)
			_, err = tc.l.Link(tc.steps)
			require.ErrorIs(t, err, tc.err)
			require.Contains(t, err.Error(), tc.msg)
			require.Equal(t, orig, tc.steps, "a failed Link moved steps")
		})
	}
}

// TestLinkOrder checks that the journeys, and so the tally, do not depend
// on the order of the steps.
func TestLinkOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	steps := randomSteps(r, 50, 50)
	tally := func(steps []Step) []byte {
		js, err := Linker{Window: 36 * time.Hour, ByReason: true}.Link(steps)
		require.NoError(t, err)
		tl, err := TallyOf(slices.Values(js))
		require.NoError(t, err)
		b, err := tl.MarshalBinary()
		require.NoError(t, err)
		return b
	}
	direct := func(steps []Step) []byte {
		orig := slices.Clone(steps)
		tl, err := Linker{Window: 36 * time.Hour, ByReason: true}.Tally(steps)
		require.NoError(t, err)
		require.Equal(t, orig, steps, "Linker.Tally moved steps")
		b, err := tl.MarshalBinary()
		require.NoError(t, err)
		return b
	}
	want := tally(slices.Clone(steps))
	require.Equal(t, want, direct(steps))
	for range 5 {
		r.Shuffle(len(steps), func(i, j int) { steps[i], steps[j] = steps[j], steps[i] })
		require.Equal(t, want, tally(slices.Clone(steps)))
		require.Equal(t, want, direct(steps))
	}
}

func TestStepValidate(t *testing.T) {
	at := base
	bot := func(ch operations.Channel, o operations.Outcome) Step {
		return Step{Handler: Bot, Contact: operations.Contact{ID: "b", Channel: ch, Direction: operations.Inbound, Outcome: o, Arrived: at}}
	}
	for name, tc := range map[string]struct {
		s   Step
		err error
	}{
		"no handler":     {func() Step { s := bot(operations.Chatbot, operations.Deflected); s.Handler = 0; return s }(), ErrHandler},
		"self on phone":  {func() Step { s := bot(operations.Phone, operations.Deflected); s.Handler = Self; return s }(), ErrHandler},
		"agent on faq":   {func() Step { s := bot(operations.FAQ, operations.Abandoned); s.Handler = Agent; return s }(), ErrHandler},
		"bot on faq":     {bot(operations.FAQ, operations.Deflected), ErrHandler},
		"agent on bot":   {func() Step { s := bot(operations.Chatbot, operations.Abandoned); s.Handler = Agent; return s }(), ErrHandler},
		"agent deflects": {func() Step { s := bot(operations.Phone, operations.Deflected); s.Handler = Agent; return s }(), ErrHandler},
		"bot answered":   {func() Step { s := answered("a", "", "", "", at); s.Handler = Bot; return s }(), ErrHandler},
		"tier":           {func() Step { s := answered("a", "", "", "", at); s.Tier = -1; return s }(), ErrTier},
		"bot tier":       {func() Step { s := bot(operations.Chatbot, operations.Deflected); s.Tier = 1; return s }(), ErrTier},
		"own queue": {func() Step {
			s := bot(operations.Chatbot, operations.Abandoned)
			s.Contact.Queue, s.TransferredTo = "q", "q"
			return s
		}(), ErrTransfer},
		"unanswered transfer": {func() Step {
			s := bot(operations.Phone, operations.Abandoned)
			s.Handler, s.TransferredTo = Agent, "x"
			return s
		}(), ErrTransfer},
	} {
		t.Run(name, func(t *testing.T) {
			err := tc.s.Validate()
			require.ErrorIs(t, err, tc.err)
			require.Contains(t, err.Error(), `step "`)
		})
	}
	for _, s := range []Step{bot(operations.Chatbot, operations.Deflected), bot(operations.Phone, operations.Deflected),
		func() Step {
			s := answered("a", "", "", "", at)
			s.Tier = MaxTier
			s.Contact.Agent, s.TransferredTo = "a", "b"
			return s
		}()} {
		require.NoError(t, s.Validate())
	}
	require.True(t, errors.Is((&Step{}).Validate(), operations.ErrChannel))
}

func TestHandler(t *testing.T) {
	for in, want := range map[string]Handler{"Bot": Bot, " IVR ": Bot, "virtual_agent": Bot, "HUMAN": Agent, "self service": Self, "conseiller": Agent} {
		h, err := ParseHandler(in)
		require.NoError(t, err, in)
		require.Equal(t, want, h, in)
		b, err := h.MarshalText()
		require.NoError(t, err)
		var back Handler
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, h, back)
	}
	_, err := ParseHandler("robot?")
	require.ErrorIs(t, err, ErrHandler)
	_, err = Handler(0).MarshalText()
	require.ErrorIs(t, err, ErrHandler)
	require.Equal(t, "handler(7)", Handler(7).String())
	c := operations.Contact{Channel: operations.Phone, Outcome: operations.Deflected}
	require.Equal(t, Bot, HandlerOf(&c))
	c.Outcome = operations.Answered
	require.Equal(t, Agent, HandlerOf(&c))
	c.Channel = operations.FAQ
	require.Equal(t, Self, HandlerOf(&c))
}

// TestLinkExact checks that grouping by hash, the fast path, and by
// exact numbering of the strings, the path of a hash collision, make the
// same journeys.
func TestLinkExact(t *testing.T) {
	steps := randomSteps(rand.New(rand.NewPCG(3, 4)), 300, 120)
	l := Linker{Window: 36 * time.Hour, ByReason: true}
	journeys := func(exact bool) [][]string {
		steps := slices.Clone(steps)
		keys := make([]linkKey, len(steps))
		var out [][]string
		require.NoError(t, l.pass(steps, keys, exact, func() {}, func(from, to int32) {
			var ids []string
			for _, k := range keys[from:to] {
				ids = append(ids, steps[k.idx].Contact.ID)
			}
			out = append(out, ids)
		}))
		return out
	}
	fast, exact := journeys(false), journeys(true)
	require.Greater(t, len(fast), 300)
	require.ElementsMatch(t, exact, fast)
}

// TestLinkCollision makes every hash collide: Link and Linker.Tally fall
// back to exact numbering and give the journeys and tally they give
// without collisions.
func TestLinkCollision(t *testing.T) {
	steps := randomSteps(rand.New(rand.NewPCG(5, 6)), 200, 80)
	l := Linker{Window: 36 * time.Hour, ByReason: true}
	run := func() ([][]string, *Tally) {
		tl, err := l.Tally(steps)
		require.NoError(t, err)
		js, err := l.Link(slices.Clone(steps))
		require.NoError(t, err)
		var out [][]string
		for _, j := range js {
			out = append(out, stepIDs(j))
		}
		return out, tl
	}
	wantJourneys, wantTally := run()
	groupHash = func(uint64, string) uint64 { return 42 }
	defer func() { groupHash = hash }()
	gotJourneys, gotTally := run()
	require.ElementsMatch(t, wantJourneys, gotJourneys)
	require.Equal(t, wantTally, gotTally)
}
