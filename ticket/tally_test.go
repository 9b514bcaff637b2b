package ticket

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rapportkit/rapport/hours"
	"github.com/rapportkit/rapport/internal/laws"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/period"
	"github.com/stretchr/testify/require"
)

var base = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)

func office(t testing.TB) *hours.Calendar {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	work := hours.Spans{{From: 9 * time.Hour, To: 12 * time.Hour}, {From: 13 * time.Hour, To: 17*time.Hour + 30*time.Minute}}
	c, err := hours.New(loc, hours.Week{time.Monday: work, time.Tuesday: work, time.Wednesday: work, time.Thursday: work, time.Friday: work},
		[]period.Day{period.DateDay(2026, 11, 11), period.DateDay(2026, 12, 25), period.DateDay(2027, 1, 1)}, nil)
	require.NoError(t, err)
	return c
}

var targets = Targets{
	"urgent": {FirstReply: time.Hour, Resolution: 4 * time.Hour},
	"high":   {FirstReply: 4 * time.Hour, Resolution: 8 * time.Hour, Business: true},
	"normal": {FirstReply: 8 * time.Hour, Business: true},
}

var calendarTargets = Targets{"urgent": targets["urgent"], "normal": {Resolution: 24 * time.Hour}}

var priorities = []string{"urgent", "high", "normal", "low", ""}

// randomTicket draws a valid ticket: created over six months, replied,
// solved, closed or not, with replies and reopens known or not.
func randomTicket(r *rand.Rand) Ticket {
	k := Ticket{
		ID:       "t" + string(rune('a'+r.IntN(26))),
		Channel:  []operations.Channel{0, operations.Email, operations.Form, operations.Messaging}[r.IntN(4)],
		Priority: priorities[r.IntN(len(priorities))],
		Created:  base.Add(time.Duration(r.Int64N(int64(180 * 24 * time.Hour)))),
		Replies:  Unknown,
		Reopens:  Unknown,
	}
	if r.IntN(5) > 0 {
		k.FirstReply = k.Created.Add(time.Duration(r.ExpFloat64() * float64(6*time.Hour)))
		if r.IntN(4) > 0 {
			k.Replies = 1 + r.IntN(3)
		}
	} else if r.IntN(2) == 0 {
		k.Replies = 0
	}
	if r.IntN(3) > 0 {
		k.Solved = k.Created.Add(time.Duration(r.ExpFloat64() * float64(40*time.Hour)))
		if r.IntN(4) > 0 {
			k.Reopens = r.IntN(2) * r.IntN(3)
		}
		if r.IntN(2) == 0 {
			k.Closed = k.Solved.Add(96 * time.Hour)
		}
	}
	return k
}

var badTickets = []Ticket{
	{},
	{ID: "x"},
	{ID: "x", Created: base, Solved: base.Add(-time.Second)},
	{ID: "x", Created: base, FirstReply: base.Add(-time.Second), Replies: 1},
	{ID: "x", Created: base, Reopens: 1},
	{ID: "x", Created: base, Closed: base.Add(time.Hour)},
	{ID: "x", Created: base, Solved: base.Add(2 * time.Hour), Closed: base.Add(time.Hour)},
	{ID: "x", Created: base, FirstReply: base.Add(time.Hour)},
	{ID: "x", Created: base, Replies: 2},
	{ID: "x", Created: base, Replies: -2},
	{ID: "x", Created: base, Channel: 99},
	{ID: "x", Created: base, Solved: base.AddDate(101, 0, 0)},
}

func spec(t testing.TB, cal bool) laws.Spec[Tally, Ticket] {
	var c *hours.Calendar
	ts := calendarTargets
	if cal {
		c, ts = office(t), targets
	}
	proto, err := NewTally(ts, c)
	require.NoError(t, err)
	other, err := NewTally(Targets{"urgent": {FirstReply: 2 * time.Hour}}, nil)
	require.NoError(t, err)
	return laws.Spec[Tally, Ticket]{
		New:  proto.Clone,
		Item: randomTicket,
		Bad:  badTickets,
		AddN: (*Tally).AddN,
		Result: func(a *Tally) (any, error) {
			return a.Result()
		},
		Other:       other.Clone,
		ErrMismatch: ErrMismatch,
		AllocFree:   true,
		BadBinary:   [][]byte{{tallyTag, version}, {tallyTag, version, 0, 2}},
		BadJSON:     []string{`{}`, `{"targets":[],"calendar":null,"n":-1}`},
	}
}

func TestTallyLaws(t *testing.T) {
	t.Run("calendar", func(t *testing.T) { laws.Check(t, spec(t, true)) })
	t.Run("no-calendar", func(t *testing.T) { laws.Check(t, spec(t, false)) })
	t.Run("zero", func(t *testing.T) {
		laws.Check(t, laws.Spec[Tally, Ticket]{Item: randomTicket, Bad: badTickets, AddN: (*Tally).AddN, AllocFree: true,
			Result: func(a *Tally) (any, error) { return a.Result() }})
	})
}

func FuzzTallyBinary(f *testing.F) { laws.FuzzBinary(f, spec(f, true)) }
func FuzzTallyJSON(f *testing.F)   { laws.FuzzJSON(f, spec(f, true)) }

func TestNewTallyErrors(t *testing.T) {
	_, err := NewTally(Targets{"high": {FirstReply: time.Hour, Business: true}}, nil)
	require.ErrorIs(t, err, ErrTarget)
	_, err = NewTally(Targets{"high": {FirstReply: -time.Hour}}, nil)
	require.ErrorIs(t, err, ErrTarget)
	many := Targets{}
	for i := range MaxPriorities + 1 {
		many[string(rune('A'+i))] = Target{}
	}
	_, err = NewTally(many, nil)
	require.ErrorIs(t, err, ErrTarget)
}

func newRand() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }
