package ticket

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestValidateNamesTheTicket(t *testing.T) {
	for _, tc := range []struct {
		k    Ticket
		want error
		msg  string
	}{
		{Ticket{ID: "42", Created: base, Reopens: 1}, ErrInconsistent, `ticket: inconsistent fields: ticket "42": reopened 1 times but never solved`},
		{Ticket{ID: "43", Created: base, FirstReply: base.Add(-time.Minute), Replies: 1}, ErrTime, `ticket: invalid time: ticket "43": first reply`},
		{Ticket{ID: "44", Created: base, Solved: base.Add(time.Hour), Closed: base.Add(time.Minute)}, ErrTime, `ticket "44": closed`},
		{Ticket{ID: "45"}, ErrTime, `ticket "45": no creation time`},
	} {
		err := tc.k.Validate()
		require.ErrorIs(t, err, tc.want)
		require.Contains(t, err.Error(), tc.msg)
	}
	for _, k := range badTickets {
		require.Error(t, k.Validate(), "%+v", k)
	}
	ok := Ticket{ID: "1", Created: base, FirstReply: base.Add(time.Hour), Replies: 2, Solved: base.Add(2 * time.Hour), Reopens: 1, Closed: base.Add(3 * time.Hour)}
	require.NoError(t, ok.Validate())
}

// TestHandWorked checks a small case worked by hand.
//
//	ticket  priority  created (Mon 2026-11-30, Paris = UTC+1)  first reply  solved       replies reopens
//	a       urgent    08:00 UTC (09:00 Paris)                 +30 min      +3 h         1       0
//	b       urgent    08:00 UTC                               +2 h         +5 h         2       1
//	c       high      16:00 UTC (17:00 Paris)                 +17 h        —            1       ?
//	d       low       Sat 2026-12-05 10:00 UTC                —            +2 days      0       0
//
// First reply (calendar): 30 min, 2 h, 17 h → mean 6 h 30 min, p50 2 h.
// Business reply (9–12, 13–17:30 Paris): a 30 min; b 09:00→11:00 = 2 h;
// c Mon 17:00→Tue 10:00 Paris: 30 min Monday + 1 h Tuesday = 1 h 30 min.
// Urgent first reply target 1 h (calendar): b breaches (1 of 2, 50 %);
// urgent resolution 4 h: b breaches (1 of 2). High first reply 1 h in
// business hours: c breaches (1 h 30 min > 1 h). One-touch: solved a, b,
// d with replies known: a only → 1/3. Reopened: b of a, b, d → 1/3.
// Backlog at Tue 2026-12-01 12:00 UTC: c (20 h old) only; a and b solved.
func TestHandWorked(t *testing.T) {
	mon := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	tickets := []Ticket{
		{ID: "a", Priority: "urgent", Created: mon, FirstReply: mon.Add(30 * time.Minute), Solved: mon.Add(3 * time.Hour), Replies: 1, Reopens: 0},
		{ID: "b", Priority: "urgent", Created: mon, FirstReply: mon.Add(2 * time.Hour), Solved: mon.Add(5 * time.Hour), Replies: 2, Reopens: 1},
		{ID: "c", Priority: "high", Created: mon.Add(8 * time.Hour), FirstReply: mon.Add(25 * time.Hour), Replies: 1, Reopens: Unknown},
		{ID: "d", Priority: "low", Created: mon.AddDate(0, 0, 5).Add(2 * time.Hour), Solved: mon.AddDate(0, 0, 7).Add(2 * time.Hour)},
	}
	ts := Targets{"urgent": {FirstReply: time.Hour, Resolution: 4 * time.Hour}, "high": {FirstReply: time.Hour, Business: true}}
	tally, err := TallyOf(slices.Values(tickets), ts, office(t))
	require.NoError(t, err)

	mean, ok := tally.Mean(FirstReplyTime)
	require.True(t, ok)
	require.Equal(t, 6*time.Hour+30*time.Minute, mean)
	p50, _ := tally.Percentile(FirstReplyTime, 0.5)
	require.Equal(t, 2*time.Hour, p50)
	biz, _ := tally.Mean(BusinessFirstReplyTime)
	require.Equal(t, (30*time.Minute+2*time.Hour+90*time.Minute)/3, biz)
	p100, _ := tally.Percentile(BusinessFirstReplyTime, 1)
	require.Equal(t, 2*time.Hour, p100)
	rate, ok := tally.ReplyBreachRate("urgent")
	require.True(t, ok)
	require.Equal(t, 0.5, rate)
	rate, _ = tally.ResolutionBreachRate("urgent")
	require.Equal(t, 0.5, rate)
	rate, _ = tally.ReplyBreachRate("high")
	require.Equal(t, 1.0, rate)
	_, ok = tally.ResolutionBreachRate("high") // no resolution target
	require.False(t, ok)
	_, ok = tally.ReplyBreachRate("low") // no target at all
	require.False(t, ok)
	one, _ := tally.OneTouch()
	require.Equal(t, 1.0/3, one)
	re, _ := tally.ReopenRate()
	require.Equal(t, 1.0/3, re)
	share, _ := tally.Within(FirstReplyTime, time.Hour)
	require.Equal(t, 1.0/3, share)

	b, err := Backlog(slices.Values(tickets), mon.Add(28*time.Hour))
	require.NoError(t, err)
	require.Equal(t, uint64(1), b.Open)
	require.Equal(t, 20*3600.0, *b.OldestSeconds)
	require.Equal(t, uint64(1), b.Bands[0].Tickets)
	require.NotEmpty(t, b.String())

	// Nothing measured: undefined, never 0.
	var empty Tally
	r, err := empty.Result()
	require.NoError(t, err)
	require.Nil(t, r.FirstReply.MeanSeconds)
	require.Nil(t, r.OneTouchPct)
	require.Nil(t, r.BusinessFirstReply.MeanSeconds)
	eb, err := Backlog(slices.Values([]Ticket(nil)), mon)
	require.NoError(t, err)
	require.Nil(t, eb.OldestSeconds)
	require.Nil(t, eb.Age.P50Seconds)
	_, err = Backlog(slices.Values(tickets), time.Time{})
	require.ErrorIs(t, err, ErrTime)
	_, err = Backlog(slices.Values(append(slices.Clone(tickets), Ticket{})), mon)
	require.ErrorIs(t, err, ErrID)
	require.Contains(t, err.Error(), "ticket 4")
}

func TestTallyBy(t *testing.T) {
	tickets := make([]Ticket, 0, 200)
	r := newRand()
	for range 200 {
		tickets = append(tickets, randomTicket(r))
	}
	by, err := TallyBy(slices.Values(tickets), targets, office(t), func(k Ticket) string { return k.Priority })
	require.NoError(t, err)
	all, err := TallyOf(slices.Values(tickets), targets, office(t))
	require.NoError(t, err)
	sum, err := NewTally(targets, office(t))
	require.NoError(t, err)
	for _, p := range priorities {
		require.NoError(t, sum.Merge(by[p]))
	}
	a, _ := all.MarshalBinary()
	s, _ := sum.MarshalBinary()
	require.Equal(t, a, s)
	_, err = TallyOf(slices.Values([]Ticket{{}}), nil, nil)
	require.ErrorIs(t, err, ErrID)
	// The longest ticket walks 100 years of days in business hours.
	long := Ticket{ID: "x", Created: base, FirstReply: base.Add(MaxAge), Replies: 1}
	_, err = TallyOf(slices.Values([]Ticket{long}), nil, office(t))
	require.NoError(t, err)
}

// TestBacklogBy checks that the backlogs of the groups add up to the
// backlog of all.
func TestBacklogBy(t *testing.T) {
	r := newRand()
	var ks []Ticket
	for range 500 {
		ks = append(ks, randomTicket(r))
	}
	at := base.AddDate(0, 3, 0)
	all, err := Backlog(slices.Values(ks), at)
	require.NoError(t, err)
	by, err := BacklogBy(slices.Values(ks), at, func(k Ticket) string { return k.Priority })
	require.NoError(t, err)
	require.Len(t, by, len(priorities))
	var open, oldest float64
	bands := make([]uint64, len(AgeBands))
	for _, b := range by {
		open += float64(b.Open)
		if b.OldestSeconds != nil {
			oldest = max(oldest, *b.OldestSeconds)
		}
		for i, band := range b.Bands {
			bands[i] += band.Tickets
		}
	}
	require.Equal(t, float64(all.Open), open)
	require.Equal(t, *all.OldestSeconds, oldest)
	for i, band := range all.Bands {
		require.Equal(t, band.Tickets, bands[i])
	}
	require.Positive(t, all.Open)
	_, err = BacklogBy(slices.Values([]Ticket{{}}), at, func(k Ticket) string { return k.Priority })
	require.ErrorIs(t, err, ErrID)
}

// No time is within a negative limit, not even a reply at creation
// (which is within 0).
func TestWithinNegative(t *testing.T) {
	k := Ticket{ID: "z", Created: base, FirstReply: base, Replies: 1}
	tally, err := TallyOf(slices.Values([]Ticket{k}), nil, nil)
	require.NoError(t, err)
	share, ok := tally.Within(FirstReplyTime, 0)
	require.True(t, ok)
	require.Equal(t, 1.0, share)
	share, ok = tally.Within(FirstReplyTime, -time.Minute)
	require.True(t, ok)
	require.Zero(t, share)
}
