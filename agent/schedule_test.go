package agent

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A hand-worked shift: planned 09:00–13:00 open, 13:00–14:00 break,
// 14:00–17:00 open (7 h open + 1 h break = 8 h scheduled).
func TestScheduleWorked(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, time.UTC) }
	plan := []Interval{
		{Agent: "ana", State: Available, Start: at(14, 0), End: at(17, 0)}, // out of order on purpose
		{Agent: "ana", State: Available, Start: at(9, 0), End: at(13, 0)},
		{Agent: "ana", State: Break, Start: at(13, 0), End: at(14, 0)},
		{Agent: "ben", State: Training, Start: at(9, 0), End: at(10, 0)},
	}
	s, err := NewSchedule(slices.Values(plan))
	require.NoError(t, err)
	actual := []Interval{
		{Agent: "ana", State: Available, Start: at(9, 10), End: at(10, 0)},              // 10 min late: 50 min adherent
		{Agent: "ana", State: OnContact, Start: at(10, 0), End: at(12, 0), Contacts: 9}, // 2 h
		{Agent: "ana", State: AfterContactWork, Start: at(12, 0), End: at(12, 50)},      // 50 min
		{Agent: "ana", State: Break, Start: at(12, 50), End: at(14, 0)},                 // early break: 1 h adherent, 10 min not
		{Agent: "ana", State: Meeting, Start: at(14, 0), End: at(14, 30)},               // unplanned meeting: 30 min not
		{Agent: "ana", State: Available, Start: at(14, 30), End: at(17, 30)},            // 2 h 30 adherent, 30 min overtime
		{Agent: "zed", State: Available, Start: at(9, 0), End: at(17, 0)},               // not planned
	}
	by, err := s.Compare(slices.Values(actual))
	require.NoError(t, err)
	require.Len(t, by, 3)
	assert.Equal(t, Adherence{Worked: 8 * time.Hour}, by["zed"], "an agent without a plan")
	_, ok := by["zed"].Conformance()
	assert.False(t, ok)
	ana := by["ana"]
	assert.Equal(t, 8*time.Hour, ana.Scheduled)
	// 50 + 120 + 50 + 60 + 150 min = 7 h 10 min.
	assert.Equal(t, 7*time.Hour+10*time.Minute, ana.InAdherence)
	// 9:10–17:30 = 8 h 20 min.
	assert.Equal(t, 8*time.Hour+20*time.Minute, ana.Worked)
	adh, _ := ana.Adherence()
	assert.InDelta(t, 430.0/480, adh, 1e-15)
	conf, _ := ana.Conformance()
	assert.InDelta(t, 500.0/480, conf, 1e-15)
	ben := by["ben"]
	assert.Equal(t, Adherence{Scheduled: time.Hour}, ben)
	a, _ := ben.Adherence()
	assert.Zero(t, a)

	team := ana
	require.NoError(t, team.Merge(ben))
	a, _ = team.Adherence()
	assert.InDelta(t, 430.0/540, a, 1e-15)
	r := team.Result()
	require.NotNil(t, r.ConformancePct)
	assert.InDelta(t, 100*500.0/540, *r.ConformancePct, 1e-12)
	assert.Contains(t, r.String(), "adherence 79.6 %")
	assert.Nil(t, Adherence{}.Result().AdherencePct)

	_, err = s.Compare(slices.Values([]Interval{actual[1], actual[0]}))
	assert.ErrorIs(t, err, ErrOverlap)
	assert.Contains(t, err.Error(), "interval 1")
}

func TestScheduleBad(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 3, 2, h, 0, 0, 0, time.UTC) }
	_, err := NewSchedule(slices.Values([]Interval{
		{Agent: "ana", State: Available, Start: at(9), End: at(12)},
		{Agent: "ana", State: Break, Start: at(11), End: at(13)},
	}))
	assert.ErrorIs(t, err, ErrOverlap)
	_, err = NewSchedule(slices.Values([]Interval{{Agent: "ana", State: Available, Start: at(9), End: at(8)}}))
	assert.ErrorIs(t, err, ErrTime)
	_, err = NewSchedule(slices.Values([]Interval{{Agent: "ana", State: OnContact, Start: at(9), End: at(10), Contacts: 2}}))
	assert.ErrorIs(t, err, ErrContacts)
	var a Adherence
	require.NoError(t, a.Merge(Adherence{Scheduled: 1 << 62, Worked: 1 << 62}))
	assert.ErrorIs(t, a.Merge(Adherence{Scheduled: 1 << 62}), ErrOverflow)
	assert.Equal(t, time.Duration(1<<62), a.Scheduled)
}
