package agent

import (
	"encoding/binary"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var day = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)

// randomInterval draws an interval of one of eight agents.
func randomInterval(r *rand.Rand) Interval {
	st := State(1 + r.IntN(NumStates))
	start := day.Add(time.Duration(r.IntN(86400)) * time.Second)
	iv := Interval{
		Agent: []string{"ana", "ben", "chloé", "dev", "eli", "fay", "gus", "hana"}[r.IntN(8)],
		State: st, Start: start, End: start.Add(time.Duration(r.Int64N(int64(2 * time.Hour)))),
	}
	if st == OnContact && r.IntN(4) > 0 {
		iv.Contacts = 1 + r.IntN(5)
	}
	return iv
}

var badIntervals = []Interval{
	{State: Available, Start: day, End: day.Add(time.Minute)},
	{Agent: "\xff", State: Available, Start: day, End: day.Add(time.Minute)},
	{Agent: "ana", Start: day, End: day.Add(time.Minute)},
	{Agent: "ana", State: Offline + 1, Start: day, End: day.Add(time.Minute)},
	{Agent: "ana", State: Break, End: day},
	{Agent: "ana", State: Break, Start: day},
	{Agent: "ana", State: Break, Start: day, End: day.Add(-time.Second)},
	{Agent: "ana", State: Break, Start: time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC), End: day},
	{Agent: "ana", State: OnContact, Start: day, End: day.Add(time.Minute), Contacts: -1},
	{Agent: "ana", State: AfterContactWork, Start: day, End: day.Add(time.Minute), Contacts: 1},
}

func lawSpec() laws.Spec[Tally, Interval] {
	return laws.Spec[Tally, Interval]{
		Item:      randomInterval,
		Bad:       badIntervals,
		Result:    func(t *Tally) (any, error) { return t.Result(40 * time.Hour) },
		AllocFree: true,
		BadBinary: [][]byte{
			{'G', 1, 1, 0}, // an agent without a name
			append([]byte{'G', 1, 1, 1, 'a'}, make([]byte, 18)...), // an agent without intervals
			binary.AppendUvarint([]byte{'G', 1}, 1<<40),            // more agents than bytes
		},
		BadJSON: []string{
			`{"agents":null}`,
			`{"agents":[{"agent":"b","intervals":[1,0,0,0,0,0,0,0],"time_ns":[0,0,0,0,0,0,0,0],"counted":0,"contacts":0},{"agent":"a","intervals":[1,0,0,0,0,0,0,0],"time_ns":[0,0,0,0,0,0,0,0],"counted":0,"contacts":0}]}`,
			`{"agents":[{"agent":"a","intervals":[1,0,0,0,0,0,0,0],"time_ns":[0,0,0,0,0,0,0,0],"counted":1,"contacts":1}]}`,
			`{"agents":[{"agent":"a","intervals":[0,1,0,0,0,0,0,0],"time_ns":[0,0,0,0,0,0,0,0],"counted":0,"contacts":3}]}`,
			`{"agents":[{"agent":"a","intervals":[0,0,0,0,0,0,0,0],"time_ns":[0,0,0,0,0,0,0,0],"counted":0,"contacts":0}]}`,
			`{"agents":[{"agent":"a","intervals":[1,0,0,0,0,0,0,0],"time_ns":[0,5,0,0,0,0,0,0],"counted":0,"contacts":0}]}`,
			`{"agents":[{"agent":"a","intervals":[1,0,0,0,0,0,0,0,0],"time_ns":[0,0,0,0,0,0,0,0],"counted":0,"contacts":0}]}`,
		},
	}
}

func TestTallyLaws(t *testing.T) { laws.Check(t, lawSpec()) }

func FuzzTallyBinary(f *testing.F) { laws.FuzzBinary(f, lawSpec()) }
func FuzzTallyJSON(f *testing.F)   { laws.FuzzJSON(f, lawSpec()) }

func FuzzTallyAdd(f *testing.F) {
	laws.FuzzAdd(f, lawSpec(), func(b []byte) (Interval, bool) {
		if len(b) < 20 {
			return Interval{}, false
		}
		start := day.Add(time.Duration(int64(binary.LittleEndian.Uint64(b[1:9]))))
		return Interval{
			Agent: string(b[17:]), State: State(b[0] % 10),
			Start: start, End: start.Add(time.Duration(int64(binary.LittleEndian.Uint64(b[9:17])))),
			Contacts: int(int8(b[16])),
		}, true
	}, append([]byte{2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 3}, "ana"...))
}

// A hand-worked day: 8 h scheduled, 30 min absent, the rest below.
func TestWorkedDay(t *testing.T) {
	at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	ivs := []Interval{
		{Agent: "ana", State: Absence, Start: at(0, 0), End: at(0, 30)},   // late: 30 min
		{Agent: "ana", State: Available, Start: at(0, 30), End: at(1, 0)}, // 30 min
		{Agent: "ana", State: OnContact, Start: at(1, 0), End: at(3, 0), Contacts: 20},
		{Agent: "ana", State: AfterContactWork, Start: at(3, 0), End: at(3, 40)},
		{Agent: "ana", State: Break, Start: at(3, 40), End: at(4, 40)},    // 1 h
		{Agent: "ana", State: Training, Start: at(4, 40), End: at(5, 40)}, // 1 h
		{Agent: "ana", State: Meeting, Start: at(5, 40), End: at(6, 10)},  // 30 min
		{Agent: "ana", State: OnContact, Start: at(6, 10), End: at(7, 10), Contacts: 12},
		{Agent: "ana", State: AfterContactWork, Start: at(7, 10), End: at(7, 30)},
		{Agent: "ana", State: Available, Start: at(7, 30), End: at(8, 0)},
		{Agent: "ana", State: Offline, Start: at(8, 0), End: at(20, 0)},
	}
	tl, err := TallyOf(slices.Values(ivs))
	require.NoError(t, err)
	// handling 3 h + 1 h = 4 h; available 1 h; logged in 7.5 h; scheduled 8 h.
	for _, c := range []struct {
		name string
		read func() (float64, bool)
		want float64
	}{
		{"occupancy", tl.Occupancy, 4.0 / 5},
		{"utilization", tl.Utilization, 4 / 7.5},
		{"open share", tl.OpenShare, 5 / 7.5},
		{"shrinkage", tl.Shrinkage, 3.0 / 8},
		{"planned shrinkage", tl.PlannedShrinkage, 2.5 / 8},
		{"unplanned shrinkage", tl.UnplannedShrinkage, 0.5 / 8},
	} {
		got, ok := c.read()
		assert.True(t, ok, c.name)
		assert.InDelta(t, c.want, got, 1e-15, c.name)
	}
	aht, ok := tl.AHT()
	assert.True(t, ok)
	assert.Equal(t, 4*time.Hour/32, aht) // 7 min 30 s
	cph, _ := tl.ContactsPerHour()
	assert.InDelta(t, 32/7.5, cph, 1e-12)
	fte, _ := tl.FTE(7*time.Hour + 30*time.Minute)
	assert.InDelta(t, 1, fte, 1e-15)
	in, _ := tl.LoggedIn()
	assert.Equal(t, 7*time.Hour+30*time.Minute, in)
	off, _ := tl.Time(Offline)
	assert.Equal(t, 12*time.Hour, off)

	// An OnContact interval without a count makes AHT unknown, not shorter.
	require.NoError(t, tl.Add(Interval{Agent: "ana", State: OnContact, Start: at(20, 0), End: at(20, 5)}))
	_, ok = tl.AHT()
	assert.False(t, ok)
	_, ok = tl.ContactsPerHour()
	assert.False(t, ok)
	r, err := tl.Result(0)
	require.NoError(t, err)
	assert.Nil(t, r.AHTSeconds)
	assert.Nil(t, r.FTERatio)
	assert.NotEmpty(t, r.String())
	_, err = tl.Result(-time.Hour)
	assert.ErrorIs(t, err, ErrDuration)
}

func TestEmpty(t *testing.T) {
	var tl Tally
	r, err := tl.Result(time.Hour)
	require.NoError(t, err)
	assert.Nil(t, r.OccupancyPct)
	assert.Nil(t, r.UtilizationPct)
	assert.Nil(t, r.ShrinkagePct)
	assert.Nil(t, r.AHTSeconds)
	assert.Nil(t, r.AgentAHT.MeanSeconds)
	require.NotNil(t, r.FTERatio)
	assert.Zero(t, *r.FTERatio)
	_, ok := tl.Time(0)
	assert.False(t, ok)
	_, ok = tl.AHTQuantile(0.5)
	assert.False(t, ok)
	_, ok = tl.Agent("x")
	assert.False(t, ok)
}

func TestOverlap(t *testing.T) {
	a := Interval{Agent: "ana", State: Available, Start: day, End: day.Add(time.Hour)}
	b := Interval{Agent: "ana", State: Break, Start: day.Add(30 * time.Minute), End: day.Add(2 * time.Hour)}
	c := Interval{Agent: "ben", State: Break, Start: day.Add(30 * time.Minute), End: day.Add(2 * time.Hour)}
	_, err := TallyOf(slices.Values([]Interval{a, c, b}))
	require.ErrorIs(t, err, ErrOverlap)
	assert.Contains(t, err.Error(), "agent: interval 2: ")
	_, err = TallyBy(slices.Values([]Interval{b, a}), func(iv Interval) State { return iv.State })
	assert.ErrorIs(t, err, ErrOverlap, "out of order across groups")
	// Touching intervals and other agents' do not overlap.
	b.Start = a.End
	by, err := TallyBy(slices.Values([]Interval{a, c, b}), func(iv Interval) string { return iv.Agent })
	require.NoError(t, err)
	assert.Equal(t, uint64(2), by["ana"].N())
	_, err = TallyOf(slices.Values([]Interval{a, {Agent: "ana", State: Break, Start: day, End: day.Add(-1)}}))
	assert.ErrorIs(t, err, ErrTime)
}

func TestOverflow(t *testing.T) {
	var tl Tally
	long := Interval{Agent: "ana", State: Offline, Start: day, End: day.Add(math.MaxInt64)}
	require.NoError(t, tl.Add(long))
	require.NoError(t, tl.Add(long))
	before, _ := tl.MarshalBinary()
	assert.ErrorIs(t, tl.Add(long), ErrOverflow)
	u := tl.Clone()
	assert.ErrorIs(t, tl.Merge(u), ErrOverflow)
	after, _ := tl.MarshalBinary()
	assert.Equal(t, before, after)
	_, ok := tl.Time(Offline)
	assert.False(t, ok, "past 292 years")
	r, err := tl.Result(0)
	require.NoError(t, err)
	assert.InDelta(t, 2*float64(math.MaxInt64)/1e9, r.OfflineSeconds, 1e6)

	// Two 292-year intervals of handling over one contact: no AHT fits.
	var h Tally
	require.NoError(t, h.Add(Interval{Agent: "ana", State: OnContact, Start: day, End: day.Add(math.MaxInt64), Contacts: 1}))
	_, ok = h.AHT()
	assert.True(t, ok)
	require.NoError(t, h.Add(Interval{Agent: "ana", State: AfterContactWork, Start: day, End: day.Add(math.MaxInt64)}))
	_, ok = h.AHT()
	assert.False(t, ok)
	_, ok = h.AgentAHT("ana")
	assert.False(t, ok)
}

func TestAgentSpread(t *testing.T) {
	var tl Tally
	// AHTs 2, 4, 6, 10 min (agent d handles 3 contacts in 30 min).
	for i, m := range []int{2, 4, 6, 30} {
		name := string(rune('a' + i))
		c := 1
		if m == 30 {
			c = 3
		}
		require.NoError(t, tl.Add(Interval{Agent: name, State: OnContact, Start: day, End: day.Add(time.Duration(m) * time.Minute), Contacts: c}))
	}
	require.NoError(t, tl.Add(Interval{Agent: "e", State: Available, Start: day, End: day.Add(time.Hour)}))
	assert.Equal(t, 4, tl.AgentsWithAHT())
	m, _ := tl.AHTMean()
	assert.Equal(t, 5*time.Minute+30*time.Second, m)
	sd, _ := tl.AHTDeviation() // sd(2,4,6,10) = sqrt(35/3) min
	assert.InDelta(t, math.Sqrt(35.0/3)*60, sd.Seconds(), 1e-6)
	q, _ := tl.AHTQuantile(0.5)
	assert.Equal(t, 5*time.Minute, q)
	q, _ = tl.AHTQuantile(0.9) // h = 2.7: 6 + 0.7·4 = 8.8 min
	assert.Equal(t, 8*time.Minute+48*time.Second, q)
	q, _ = tl.AHTQuantile(1)
	assert.Equal(t, 10*time.Minute, q)
	_, ok := tl.AHTQuantile(1.5)
	assert.False(t, ok)
	aht, _ := tl.AHT() // 42 min over 6 contacts
	assert.Equal(t, 7*time.Minute, aht)
	d, ok := tl.AgentAHT("d")
	assert.True(t, ok)
	assert.Equal(t, 10*time.Minute, d)
	_, ok = tl.AgentAHT("e")
	assert.False(t, ok)
	one, ok := tl.Agent("d")
	require.True(t, ok)
	assert.Equal(t, uint64(1), one.N())
	_, ok = one.AHTDeviation()
	assert.False(t, ok)
	assert.Equal(t, []string{"a", "b", "c", "d", "e"}, tl.Agents())
}

func TestParseState(t *testing.T) {
	for s, want := range map[string]State{
		"Available": Available, "Idle": Available, "Interacting": OnContact, "On a Call": OnContact,
		"After Call Work": AfterContactWork, "after_call_work": AfterContactWork, "ACW": AfterContactWork,
		"Meal": Break, "Training": Training, "Meeting": Meeting, "Sick": Absence, "Offline": Offline,
		"on-contact": OnContact,
	} {
		got, err := ParseState(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	for _, s := range []string{"Busy", "Away", "On Queue", ""} {
		_, err := ParseState(s)
		assert.ErrorIs(t, err, ErrState, s)
	}
	for st := Available; st <= Offline; st++ {
		b, err := st.MarshalText()
		require.NoError(t, err)
		var back State
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, st, back)
	}
	_, err := State(0).MarshalText()
	assert.True(t, errors.Is(err, ErrState))
	assert.Equal(t, "state(9)", State(9).String())
}
