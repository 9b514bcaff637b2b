package operations

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// queueOf returns live-queue contacts: answered after each wait, abandoned
// after each patience (a negative one: without an end time), and n
// unreached and busy contacts each.
func queueOf(ch Channel, waits, patience []time.Duration, unreached, busy int) []Contact {
	var cs []Contact
	add := func(c Contact) {
		c.ID, c.Channel, c.Direction = "q"+strconv.Itoa(len(cs)), ch, Inbound
		c.Arrived = at(time.Duration(len(cs)) * time.Minute)
		cs = append(cs, c)
	}
	for _, w := range waits {
		add(Contact{Outcome: Answered})
		cs[len(cs)-1].Answered = cs[len(cs)-1].Arrived.Add(w)
	}
	for _, p := range patience {
		add(Contact{Outcome: Abandoned})
		if p >= 0 {
			cs[len(cs)-1].Ended = cs[len(cs)-1].Arrived.Add(p)
		}
	}
	for range unreached {
		add(Contact{Outcome: Unreached})
	}
	for range busy {
		add(Contact{Outcome: Busy})
	}
	return cs
}

func repeat(n int, d time.Duration) []time.Duration { return slices.Repeat([]time.Duration{d}, n) }

// The worked example of ICMI's "Service Level Calculations" (Queue Tips,
// 2002): 1,000 calls answered, 860 within 20 s; 60 abandoned, 20 within
// 20 s (10 of them within 5 s), 40 after. Its formulas give 1: (860 +
// 20)/1060 = 83 %, 2: 860/1000 = 86 %, 3: 860/1060 = 81 %, 4: 860/(1000 +
// 40) = 83 %. With 25 unreached calls (flow-outs) on top, Genesys
// Cloud's calculation with flow-outs included is 860/1085; 15 busy calls,
// turned away before they queued, change nothing.
func TestServiceLevelICMI(t *testing.T) {
	waits := append(repeat(860, 20*time.Second), repeat(140, 21*time.Second)...)
	patience := append(append(repeat(10, 5*time.Second), repeat(10, 20*time.Second)...), repeat(40, time.Minute)...)
	u := tallyOf(t, queueOf(Phone, waits, patience, 25, 15))
	const T = 20 * time.Second
	for _, c := range []struct {
		def        ServiceLevel
		short      time.Duration
		met, base  uint64
		icmi, name string
	}{
		{SLAnswered, 0, 860, 1000, "86%", "formula 2"},
		{SLQueued, 0, 860, 1060, "81%", "formula 3"},
		{SLNoShortAbandons, T, 860, 1040, "83%", "formula 4, S = T"},
		{SLNoShortAbandons, 5 * time.Second, 860, 1050, "82%", "Genesys, short abandons within 5 s"},
		{SLOffered, 0, 860, 1085, "79%", "Genesys, flow-outs included"},
		{SLOfferedNoShort, 5 * time.Second, 860, 1075, "80%", "Genesys, flow-outs in, short abandons out"},
		{SLAbandonsPositive, 0, 880, 1060, "83%", "formula 1"},
	} {
		t.Run(c.def.String()+" "+c.name, func(t *testing.T) {
			met, base, ok := u.ServiceLevelCounts(c.def, T, c.short)
			require.True(t, ok)
			assert.Equal(t, [2]uint64{c.met, c.base}, [2]uint64{met, base})
			sl, ok := u.ServiceLevelAs(c.def, T, c.short)
			require.True(t, ok)
			assert.Equal(t, float64(c.met)/float64(c.base), sl)
			assert.Equal(t, c.icmi, fmt.Sprintf("%.0f%%", 100*sl))
		})
	}
	// The older methods are the same definitions.
	sl, _ := u.ServiceLevel(T)
	assert.Equal(t, 860.0/1060, sl)
	sl, _ = u.AnsweredWithin(T)
	assert.Equal(t, 0.86, sl)
	sl, _ = u.ServiceLevelExcluding(T, 5*time.Second)
	assert.Equal(t, 860.0/1050, sl)
}

func TestServiceLevelUndefined(t *testing.T) {
	var empty Tally
	for _, def := range ServiceLevels() {
		_, ok := empty.ServiceLevelAs(def, 20*time.Second, 5*time.Second)
		assert.False(t, ok, def.String())
	}
	// An abandon without an end time: the definitions that need its wait
	// are undefined, never a guess.
	u := tallyOf(t, queueOf(Chat, []time.Duration{time.Second}, []time.Duration{-1}, 0, 0))
	for def, want := range map[ServiceLevel]bool{SLAnswered: true, SLQueued: true, SLOffered: true,
		SLNoShortAbandons: false, SLOfferedNoShort: false, SLAbandonsPositive: false} {
		_, ok := u.ServiceLevelAs(def, 20*time.Second, 5*time.Second)
		assert.Equal(t, want, ok, def.String())
	}
	_, _, ok := u.ServiceLevelCounts(0, time.Second, 0)
	assert.False(t, ok, "invalid definition")
	_, ok = u.ServiceLevelAs(ServiceLevel(9), time.Second, 0)
	assert.False(t, ok, "invalid definition")
	// Only short abandons: nothing left in the denominator.
	v := tallyOf(t, queueOf(Phone, nil, []time.Duration{2 * time.Second}, 0, 0))
	_, ok = v.ServiceLevelAs(SLNoShortAbandons, 20*time.Second, 5*time.Second)
	assert.False(t, ok)
}

// Every definition's counts, overall and per 15-, 30- and 60-minute
// interval, and the interval service-level quality, against
// testdata/servicelevel.py (pandas, from the contacts' exact times).
func TestServiceLevelGolden(t *testing.T) {
	contacts := goldenContacts(t)
	var timed []Contact
	for _, c := range contacts {
		if c.Outcome != Abandoned || !c.Ended.IsZero() {
			timed = append(timed, c)
		}
	}
	all, err := TallyOf(slices.Values(contacts))
	require.NoError(t, err)
	withEnds, err := TallyOf(slices.Values(timed))
	require.NoError(t, err)
	byWidth := map[int]map[time.Time]*Tally{}
	for _, w := range []int{15, 30, 60} {
		width := time.Duration(w) * time.Minute
		byWidth[w], err = TallyBy(slices.Values(contacts), func(c Contact) time.Time { return c.Arrived.Truncate(width) })
		require.NoError(t, err)
	}
	quality := golden(t, "servicelevel_quality.txt", 11)
	for _, row := range quality {
		checkQuality(t, row, byWidth)
	}
	var sl int
	for _, row := range golden(t, "servicelevel.txt", 9) {
		sl++
		def, err := ParseServiceLevel(row[4])
		require.NoError(t, err)
		T, S := seconds(t, row[5]), seconds(t, row[6])
		var u *Tally
		switch row[1] {
		case "all":
			u = all
		case "timed":
			u = withEnds
		default:
			width := time.Duration(integer(t, row[2])) * time.Minute
			u = byWidth[integer(t, row[2])][t0.Truncate(width).Add(time.Duration(integer(t, row[3]))*width)]
			require.NotNil(t, u, "interval %v", row)
		}
		met, base, ok := u.ServiceLevelCounts(def, T, S)
		if row[7] == "-1" {
			assert.False(t, ok, "%v", row)
			continue
		}
		require.True(t, ok, "%v", row)
		assert.Equal(t, row[7]+"/"+row[8], fmt.Sprintf("%d/%d", met, base), "%v", row)
	}
	t.Logf("%d service-level vectors, %d interval-quality vectors", sl, len(quality))
	assert.Greater(t, sl, 700)
	assert.Greater(t, len(quality), 40)
}

// checkQuality checks one "q" row of the golden file.
func checkQuality(t *testing.T, row []string, byWidth map[int]map[time.Time]*Tally) {
	t.Helper()
	def, err := ParseServiceLevel(row[1])
	require.NoError(t, err)
	share, err := strconv.ParseFloat(row[2], 64)
	require.NoError(t, err)
	g := SLTarget{Definition: def, Share: share, Within: seconds(t, row[3]), ShortAbandon: seconds(t, row[4])}
	got, err := IntervalsMet(maps.Values(byWidth[integer(t, row[5])]), g)
	require.NoError(t, err)
	want := fmt.Sprint(row[6:])
	assert.Equal(t, want, fmt.Sprint([]string{
		strconv.FormatUint(got.Intervals, 10), strconv.FormatUint(got.Measured, 10), strconv.FormatUint(got.Met, 10),
		strconv.FormatUint(got.Empty, 10), strconv.FormatUint(got.Untimed, 10)}), "%v", row)
	if got.Measured > 0 {
		assert.Equal(t, 100*(float64(got.Met)/float64(got.Measured)), *got.MetPct)
	}
}

// goldenContacts reads testdata/servicelevel_contacts.txt.
func goldenContacts(t *testing.T) []Contact {
	t.Helper()
	var cs []Contact
	for _, r := range golden(t, "servicelevel_contacts.txt", 6)[1:] { // after the header
		ch, err := ParseChannel(r[1])
		require.NoError(t, err)
		o, err := ParseOutcome(r[2])
		require.NoError(t, err)
		ms := func(s string) time.Duration { return time.Duration(integer(t, s)) * time.Millisecond }
		c := Contact{ID: r[0], Channel: ch, Direction: Inbound, Outcome: o, Arrived: at(ms(r[3]))}
		if r[4] != "-1" {
			c.Answered = c.Arrived.Add(ms(r[4]))
		}
		if r[5] != "-1" {
			c.Ended = at(ms(r[5]))
		}
		cs = append(cs, c)
	}
	return cs
}

func TestIntervalsMet(t *testing.T) {
	const T = 20 * time.Second
	exactly80 := tallyOf(t, queueOf(Phone, append(repeat(8, T), repeat(2, T+time.Second)...), nil, 0, 0))
	below := tallyOf(t, queueOf(Phone, append(repeat(7, T), repeat(3, T+time.Second)...), nil, 0, 0))
	untimed := tallyOf(t, queueOf(Phone, repeat(3, T), []time.Duration{-1}, 0, 0))
	intervals := []*Tally{exactly80, below, nil, new(Tally), untimed}
	q, err := IntervalsMet(slices.Values(intervals), SLTarget{Definition: SLQueued, Share: 0.8, Within: T})
	require.NoError(t, err)
	assert.Equal(t, IntervalQuality{Definition: SLQueued, TargetPct: 80, WithinSeconds: 20,
		Intervals: 5, Measured: 3, Met: 1, Empty: 2, MetPct: q.MetPct}, q)
	third := 1.0
	third /= 3
	assert.Equal(t, 100*third, *q.MetPct) // as unit.Pct computes it
	assert.Equal(t, "SL queued ≥ 80% in 20s met in 1 of 3 intervals (33.3%), 2 empty, 0 untimed", q.String())

	q, err = IntervalsMet(slices.Values(intervals), SLTarget{Definition: SLAbandonsPositive, Share: 0.7, Within: T})
	require.NoError(t, err)
	assert.Equal(t, [5]uint64{5, 2, 2, 2, 1}, [5]uint64{q.Intervals, q.Measured, q.Met, q.Empty, q.Untimed})

	none, err := IntervalsMet(slices.Values([]*Tally{nil}), SLTarget{Definition: SLAnswered, Share: 1, Within: T})
	require.NoError(t, err)
	assert.Nil(t, none.MetPct)
	assert.Contains(t, none.String(), "(n/a)")
	js, err := json.Marshal(none)
	require.NoError(t, err)
	assert.JSONEq(t, `{"definition":"answered","target_pct":100,"within_seconds":20,"short_abandon_seconds":0,
		"intervals":1,"measured":0,"met":0,"empty":1,"untimed":0,"met_pct":null}`, string(js))

	for _, c := range []struct {
		g    SLTarget
		want error
		msg  string
	}{
		{SLTarget{Share: 0.8, Within: T}, ErrServiceLevel, "operations: unknown service-level definition: SLTarget.Definition 0"},
		{SLTarget{Definition: SLQueued, Share: 0, Within: T}, ErrTargets, "operations: invalid targets: SLTarget.Share 0 not in (0, 1]"},
		{SLTarget{Definition: SLQueued, Share: 1.2, Within: T}, ErrTargets, ""},
		{SLTarget{Definition: SLQueued, Share: 0.8}, ErrTargets, ""},
		{SLTarget{Definition: SLQueued, Share: 0.8, Within: -T}, ErrDuration, ""},
		{SLTarget{Definition: SLQueued, Share: 0.8, Within: T, ShortAbandon: -1}, ErrDuration, ""},
	} {
		_, err := IntervalsMet(func(func(*Tally) bool) { t.Fatal("read the intervals of an invalid target") }, c.g)
		assert.ErrorIs(t, err, c.want, "%+v", c.g)
		if c.msg != "" {
			assert.EqualError(t, err, c.msg)
		}
	}
}

// The target is compared as the decimal typed, on exact counts: 57 of 100
// meet 0.57 (57/100 would too in floating point), and so do 57 of 100 in
// a tally too large for float64 to tell 0.57 from its neighbours.
func TestIntervalsMetExact(t *testing.T) {
	g := SLTarget{Definition: SLAnswered, Share: 0.57, Within: time.Second}
	assert.True(t, g.meets(57, 100))
	assert.False(t, g.meets(56, 100))
	const big = 100_000_000_000_000_000 // 1e17: 0.57·big is exact in decimals, not in binary
	assert.True(t, g.meets(57_000_000_000_000_000, big))
	assert.False(t, g.meets(56_999_999_999_999_999, big))
	assert.True(t, SLTarget{Share: 1}.meets(3, 3))
	assert.False(t, SLTarget{Share: 1}.meets(2, 3))
	// Past 19 decimal places the share is compared by ceilShare, exactly.
	long := SLTarget{Share: 0.1234567890123456789e-5}
	require.False(t, shareOf(long.Share).ok)
	for _, base := range []uint64{1, 10, 1_000_000, 1 << 62, math.MaxUint64} {
		need := ceilShare(long.Share, base)
		assert.True(t, long.meets(need, base), "base %d", base)
		assert.Equal(t, need == 0, long.meets(need-1, base), "base %d", base)
	}
	// and the 128-bit path agrees with it on random counts.
	rng := rand.New(rand.NewPCG(5, 7))
	for range 10000 {
		p := float64(rng.IntN(1000)+1) / 1000
		base := rng.Uint64() >> rng.IntN(64)
		met := rng.Uint64N(base + 1)
		assert.Equal(t, met >= ceilShare(p, base), shareOf(p).reached(met, base), "%v %d/%d", p, met, base)
	}
}

func TestServiceLevelNames(t *testing.T) {
	for _, def := range ServiceLevels() {
		b, err := def.MarshalText()
		require.NoError(t, err)
		var back ServiceLevel
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, def, back)
		assert.True(t, def.Valid())
	}
	assert.Equal(t, []string{"answered", "queued", "no-short-abandons", "offered", "offered-no-short-abandons", "abandons-positive"},
		func() (s []string) {
			for _, d := range ServiceLevels() {
				s = append(s, d.String())
			}
			return
		}())
	for s, want := range map[string]ServiceLevel{"No Short Abandons": SLNoShortAbandons, "abandons_negative": SLQueued,
		"FLOW-OUTS": SLOffered, "short-abandons-excluded": SLNoShortAbandons} {
		got, err := ParseServiceLevel(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	_, err := ParseServiceLevel("ninety")
	assert.EqualError(t, err, `operations: unknown service-level definition "ninety"`)
	var sl ServiceLevel = SLOffered
	assert.ErrorIs(t, sl.UnmarshalText([]byte("x")), ErrServiceLevel)
	assert.Equal(t, SLOffered, sl, "a failed UnmarshalText changed the value")
	_, err = ServiceLevel(0).MarshalText()
	assert.ErrorIs(t, err, ErrServiceLevel)
	assert.Equal(t, "service-level(7)", ServiceLevel(7).String())
}

// The Result lists every definition by name, at its thresholds.
func TestResultServiceLevels(t *testing.T) {
	waits := append(repeat(860, 20*time.Second), repeat(140, 21*time.Second)...)
	patience := append(append(repeat(10, 5*time.Second), repeat(10, 20*time.Second)...), repeat(40, time.Minute)...)
	u := tallyOf(t, queueOf(Phone, waits, patience, 25, 15))
	r, err := u.Result(DefaultThresholds)
	require.NoError(t, err)
	js, err := json.Marshal(r.ServiceLevels)
	require.NoError(t, err)
	pct := func(a, b float64) string { return strconv.FormatFloat(100*(a/b), 'g', -1, 64) }
	assert.JSONEq(t, `[{"definition":"answered","service_level_pct":86},
		{"definition":"queued","service_level_pct":`+pct(860, 1060)+`},
		{"definition":"no-short-abandons","service_level_pct":`+pct(860, 1050)+`},
		{"definition":"offered","service_level_pct":`+pct(860, 1085)+`},
		{"definition":"offered-no-short-abandons","service_level_pct":`+pct(860, 1075)+`},
		{"definition":"abandons-positive","service_level_pct":`+pct(880, 1060)+`}]`, string(js))
	assert.Equal(t, *r.ServiceLevelPct, *r.ServiceLevels[SLQueued-1].ServiceLevelPct)

	empty, err := new(Tally).Result(DefaultThresholds)
	require.NoError(t, err)
	require.Len(t, empty.ServiceLevels, len(ServiceLevels()))
	for _, f := range empty.ServiceLevels {
		assert.Nil(t, f.ServiceLevelPct, f.Definition.String())
	}
}

// Whatever the contacts, the definitions keep their order: abandons in the
// base lower the service level, flow-outs lower it further, and counting
// early abandons as served raises it; the counts are within their bases.
func FuzzServiceLevels(f *testing.F) {
	var all []byte // every seed contact in one tally, each padded to its 24 bytes
	for _, s := range contactSeeds() {
		f.Add(s, uint16(20), uint16(5))
		all = append(all, append(s[:min(len(s), 24):min(len(s), 24)], make([]byte, 24-min(len(s), 24))...)...)
	}
	f.Add(all, uint16(20), uint16(5))
	f.Add(all, uint16(600), uint16(20))
	f.Add([]byte{1, 1, 2, 0, 0, 8, 0, 0, 10}, uint16(0), uint16(0))
	f.Fuzz(func(t *testing.T, data []byte, within, short uint16) {
		var u Tally
		for len(data) > 0 {
			n := min(len(data), 24)
			if c, ok := contactFromBytes(data[:n]); ok {
				_ = u.Add(c)
			}
			data = data[n:]
		}
		checkServiceLevels(t, &u, time.Duration(within)*time.Second, time.Duration(short)*time.Second)
	})
}

func checkServiceLevels(t *testing.T, u *Tally, within, short time.Duration) {
	t.Helper()
	sl := map[ServiceLevel]float64{}
	for _, def := range ServiceLevels() {
		met, base, ok := u.ServiceLevelCounts(def, within, short)
		if ok && met > base {
			t.Fatalf("%v: %d of %d", def, met, base)
		}
		if v, ok := u.ServiceLevelAs(def, within, short); ok {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("%v = %v", def, v)
			}
			sl[def] = v
		}
	}
	le := func(a, b ServiceLevel) {
		if x, ok := sl[a]; ok {
			if y, ok := sl[b]; ok && x > y {
				t.Fatalf("%v %v > %v %v", a, x, b, y)
			}
		}
	}
	le(SLOffered, SLQueued)
	le(SLOffered, SLOfferedNoShort)
	le(SLOfferedNoShort, SLNoShortAbandons)
	le(SLQueued, SLNoShortAbandons)
	le(SLNoShortAbandons, SLAnswered)
	le(SLQueued, SLAbandonsPositive)
	for _, share := range []float64{0.5, 0.8, 1} {
		for _, def := range ServiceLevels() {
			q, err := IntervalsMet(slices.Values([]*Tally{u}), SLTarget{Definition: def, Share: share, Within: max(within, 1), ShortAbandon: short})
			if err != nil || q.Intervals != 1 || q.Measured+q.Empty+q.Untimed != 1 || q.Met > q.Measured {
				t.Fatalf("%v %v: %+v, %v", def, share, q, err)
			}
		}
	}
}

func TestServiceLevelsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 4))
	for range 200 {
		u := tallyOf(t, randomContacts(rng, rng.IntN(300)))
		checkServiceLevels(t, u, time.Duration(rng.IntN(120))*time.Second, time.Duration(rng.IntN(30))*time.Second)
	}
}

func BenchmarkServiceLevelAs(b *testing.B) {
	u := tallyOf(b, randomContacts(rand.New(rand.NewPCG(3, 7)), 1000))
	b.ReportAllocs()
	for b.Loop() {
		for _, def := range ServiceLevels() {
			_, _ = u.ServiceLevelAs(def, 20*time.Second, 5*time.Second)
		}
	}
}

// A month of half-hours (1,440 intervals of about 30 contacts each).
func BenchmarkIntervalsMet(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 8))
	intervals := make([]*Tally, 1440)
	for i := range intervals {
		intervals[i] = tallyOf(b, randomContacts(rng, 30))
	}
	g := SLTarget{Definition: SLQueued, Share: 0.8, Within: 20 * time.Second}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := IntervalsMet(slices.Values(intervals), g); err != nil {
			b.Fatal(err)
		}
	}
}
