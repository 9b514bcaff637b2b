package operations

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tallyOf(t testing.TB, cs []Contact) *Tally {
	t.Helper()
	var u Tally
	for _, c := range cs {
		if err := u.Add(c); err != nil {
			t.Fatal(err)
		}
	}
	return &u
}

// rateCase and spanCase are read-outs under test: a fraction or a duration and ok.
type rateCase struct {
	name string
	got  func() (float64, bool)
	want float64
}

type spanCase struct {
	name string
	got  func() (time.Duration, bool)
	want time.Duration
}

func checkRates(t *testing.T, rates []rateCase) {
	t.Helper()
	for _, r := range rates {
		t.Run(r.name, func(t *testing.T) {
			got, ok := r.got()
			require.True(t, ok, "undefined")
			assert.Equal(t, r.want, got)
		})
	}
}

func checkSpans(t *testing.T, spans []spanCase) {
	t.Helper()
	for _, s := range spans {
		t.Run(s.name, func(t *testing.T) {
			got, ok := s.got()
			require.True(t, ok, "undefined")
			assert.Equal(t, s.want, got)
		})
	}
}

// threshold binds a threshold to a read-out.
func threshold(f func(time.Duration) (float64, bool), d time.Duration) func() (float64, bool) {
	return func() (float64, bool) { return f(d) }
}

// Every figure of the sample worked out by hand (see data_test.go).
func TestTallySample(t *testing.T) {
	cs := sample()
	require.NoError(t, MarkFCR(cs, 7*24*time.Hour, time.Time{}))
	u := tallyOf(t, cs)
	t.Run("counts", func(t *testing.T) {
		for _, c := range []struct {
			name      string
			got, want uint64
		}{
			{"N", u.N(), 14}, {"Incoming", u.Incoming(), 12}, {"Outgoing", u.Outgoing(), 2},
			{"CallsReceived", u.CallsReceived(), 6}, {"TicketsCreated", u.TicketsCreated(), 3},
			{"Presented", u.Presented(), 9}, {"Answered", u.Answered(), 5}, {"Abandoned", u.Abandoned(), 2},
			{"Handled", u.Handled(), 8}, {"Resolved", u.Resolved(), 4}, {"Complaints", u.Complaints(), 1},
			{"Issues", u.Issues(), 7}, {"Count", u.Count(Inbound, Email, Answered), 2}, {"Count invalid", u.Count(0, Email, Answered), 0},
			{"Costed", u.Costed(), 14},
		} {
			t.Run(c.name, func(t *testing.T) { assert.Equal(t, c.want, c.got) })
		}
	})
	t.Run("rates", func(t *testing.T) {
		checkRates(t, []rateCase{
			{"Reachability", u.Reachability, 5.0 / 9},
			{"OutboundReach", u.OutboundReach, 0.5},
			{"Abandonment", u.Abandonment, 0.4},
			{"AnsweredWithin 20s", threshold(u.AnsweredWithin, 20*time.Second), 2.0 / 3},
			{"ResponseWithin 24h", threshold(u.ResponseWithin, 24*time.Hour), 1.0 / 3},
			{"ResponseWithin 48h", threshold(u.ResponseWithin, 48*time.Hour), 2.0 / 3},
			{"ResolutionRate", u.ResolutionRate, 0.5},
			{"FCR", u.FCR, 2.0 / 7},
			{"RepeatRate", u.RepeatRate, 1.0 / 8},
			{"ComplaintRate", u.ComplaintRate, 1.0 / 14},
			{"Deflection", u.Deflection, 2.0 / 11},
			{"HighValueShare", u.HighValueShare, 0.5},
			{"LowValueShare", u.LowValueShare, 0.5},
		})
	})
	t.Run("service level", func(t *testing.T) {
		var rates []rateCase
		for _, c := range []struct {
			within time.Duration
			want   float64
		}{{0, 0}, {4 * time.Second, 0}, {5 * time.Second, 0.2}, {20 * time.Second, 0.4}, {39 * time.Second, 0.4},
			{39*time.Second + 999*time.Millisecond, 0.4}, {40 * time.Second, 0.6}, {time.Hour, 0.6}, {-time.Second, 0}} {
			rates = append(rates, rateCase{c.within.String(), threshold(u.ServiceLevel, c.within), c.want})
		}
		checkRates(t, rates)
	})
	t.Run("untimed abandon", func(t *testing.T) {
		_, ok := u.ServiceLevelExcluding(20*time.Second, 5*time.Second)
		assert.False(t, ok, "ServiceLevelExcluding defined with an untimed abandon")
		_, ok = u.AbandonmentExcluding(5 * time.Second)
		assert.False(t, ok, "AbandonmentExcluding defined with an untimed abandon")
		_, ok = u.Patience()
		assert.False(t, ok, "Patience defined with an untimed abandon")
	})
	t.Run("durations", func(t *testing.T) {
		quantile := func(p float64) func() (time.Duration, bool) {
			return func() (time.Duration, bool) { return u.WaitQuantile(p) }
		}
		checkSpans(t, []spanCase{
			{"ASA", u.ASA, 20 * time.Second},
			{"WaitQuantile(0)", quantile(0), 5 * time.Second},
			{"WaitQuantile(0.33)", quantile(0.33), 5 * time.Second},
			{"WaitQuantile(0.5)", quantile(0.5), 15 * time.Second},
			{"WaitQuantile(0.67)", quantile(0.67), 40 * time.Second},
			{"WaitQuantile(1)", quantile(1), 40 * time.Second},
			{"TimeToAbandon", u.TimeToAbandon, 10 * time.Second},
			{"ResponseTime", u.ResponseTime, 16*time.Hour + 30*time.Minute},
			{"ResponseQuantile(0.5)", func() (time.Duration, bool) { return u.ResponseQuantile(0.5) }, 3 * time.Hour},
			{"AHT", u.AHT, 4*time.Minute + 20*time.Second},
			{"AverageTalk", u.AverageTalk, 4 * time.Minute},
			{"AverageHold", u.AverageHold, 5 * time.Second},
			{"AverageWrap", u.AverageWrap, 15 * time.Second},
		})
		for _, p := range []float64{-0.1, 1.1, math.NaN()} {
			_, ok := u.WaitQuantile(p)
			assert.False(t, ok, "WaitQuantile(%v)", p)
		}
	})
	t.Run("costs", func(t *testing.T) {
		c, ok := u.Cost()
		require.True(t, ok)
		assert.Equal(t, "26.45", c.String())
		assert.Equal(t, "26.45", u.KnownCost().String())
		perContact, ok := u.CostPerContact()
		require.True(t, ok)
		assert.True(t, perContact.Equal(dec("3.30625")), "CostPerContact = %v", perContact)
		perResolution, ok := u.CostPerResolution()
		require.True(t, ok)
		assert.True(t, perResolution.Equal(dec("6.6125")), "CostPerResolution = %v", perResolution)
	})
}

// A cost that is unknown is not a cost of 0: the total and the costs per
// contact and per resolution are undefined, and the Result says how many
// costs were known.
func TestUnknownCost(t *testing.T) {
	cs := sample()
	cs[4].Cost = decimal.NullDecimal{} // c5, a busy call
	u := tallyOf(t, cs)
	assert.Equal(t, uint64(13), u.Costed())
	assert.Equal(t, "26.45", u.KnownCost().String())
	for name, f := range map[string]func() (decimal.Decimal, bool){
		"Cost": u.Cost, "CostPerContact": u.CostPerContact, "CostPerResolution": u.CostPerResolution,
	} {
		t.Run(name, func(t *testing.T) {
			_, ok := f()
			assert.False(t, ok)
		})
	}
	r, err := u.Result(DefaultThresholds)
	require.NoError(t, err)
	assert.Nil(t, r.CostAmount)
	assert.Nil(t, r.CostPerContactAmount)
	assert.Nil(t, r.CostPerResolutionAmount)
	assert.Equal(t, uint64(13), r.Costed)
	assert.Contains(t, r.String(), "cost n/a (known for 13 of 14 contacts)")
	// Known for every contact again once the missing one is merged in.
	known := tallyOf(t, cs[:4])
	known2 := tallyOf(t, append(slices.Clone(cs[5:]), sample()[4]))
	require.NoError(t, known.Merge(known2))
	_, ok := known.CostPerContact()
	assert.True(t, ok)
}

// Every ratio over an empty denominator is undefined, not 0.
func TestTallyEmpty(t *testing.T) {
	var u Tally
	rates := map[string]func() (float64, bool){
		"Reachability": u.Reachability, "OutboundReach": u.OutboundReach, "Abandonment": u.Abandonment,
		"ResolutionRate": u.ResolutionRate, "FCR": u.FCR, "RepeatRate": u.RepeatRate, "ComplaintRate": u.ComplaintRate,
		"Deflection": u.Deflection, "HighValueShare": u.HighValueShare, "LowValueShare": u.LowValueShare,
		"ServiceLevel":          func() (float64, bool) { return u.ServiceLevel(20 * time.Second) },
		"ServiceLevelExcluding": func() (float64, bool) { return u.ServiceLevelExcluding(20*time.Second, 0) },
		"AbandonmentExcluding":  func() (float64, bool) { return u.AbandonmentExcluding(0) },
		"AnsweredWithin":        func() (float64, bool) { return u.AnsweredWithin(20 * time.Second) },
		"ResponseWithin":        func() (float64, bool) { return u.ResponseWithin(24 * time.Hour) },
	}
	for name, f := range rates {
		t.Run(name, func(t *testing.T) {
			v, ok := f()
			assert.False(t, ok)
			assert.Zero(t, v)
		})
	}
	durations := map[string]func() (time.Duration, bool){
		"ASA": u.ASA, "TimeToAbandon": u.TimeToAbandon, "Patience": u.Patience, "ResponseTime": u.ResponseTime,
		"AHT": u.AHT, "AverageTalk": u.AverageTalk, "AverageHold": u.AverageHold, "AverageWrap": u.AverageWrap,
		"WaitQuantile":     func() (time.Duration, bool) { return u.WaitQuantile(0.5) },
		"ResponseQuantile": func() (time.Duration, bool) { return u.ResponseQuantile(0.5) },
	}
	for name, f := range durations {
		t.Run(name, func(t *testing.T) {
			_, ok := f()
			assert.False(t, ok)
		})
	}
	for name, f := range map[string]func() (decimal.Decimal, bool){
		"Cost": u.Cost, "CostPerContact": u.CostPerContact, "CostPerResolution": u.CostPerResolution,
	} {
		t.Run(name, func(t *testing.T) {
			_, ok := f()
			assert.False(t, ok)
		})
	}
	assert.True(t, u.KnownCost().IsZero())
	assert.Zero(t, u.N())
	t.Run("abandons alone", func(t *testing.T) {
		// Abandoned calls alone: abandonment is defined, ASA is not.
		u := tallyOf(t, []Contact{{ID: "a", Channel: Phone, Direction: Inbound, Outcome: Abandoned, Arrived: t0, Ended: at(time.Minute)}})
		r, ok := u.Abandonment()
		assert.True(t, ok)
		assert.Equal(t, 1.0, r)
		_, ok = u.ASA()
		assert.False(t, ok, "ASA without answers")
		p, ok := u.Patience()
		assert.True(t, ok)
		assert.Equal(t, time.Minute, p)
	})
}

func TestTallyShortAbandons(t *testing.T) {
	var cs []Contact
	for i, w := range []time.Duration{2, 4, 5, 6, 30, 100} { // abandons after w seconds
		cs = append(cs, Contact{ID: string(rune('a' + i)), Channel: Phone, Direction: Inbound, Outcome: Abandoned,
			Arrived: t0, Ended: at(w * time.Second)})
	}
	for i, w := range []time.Duration{1, 10, 19, 25} { // answered after w seconds
		cs = append(cs, Contact{ID: string(rune('A' + i)), Channel: Chat, Direction: Inbound, Outcome: Answered,
			Arrived: t0, Answered: at(w * time.Second)})
	}
	u := tallyOf(t, cs)
	checkRates(t, []rateCase{
		{"AbandonmentExcluding", func() (float64, bool) { return u.AbandonmentExcluding(5 * time.Second) }, 3.0 / 7}, // 3 short abandons out: 3 of 7
		{"ServiceLevelExcluding", func() (float64, bool) { return u.ServiceLevelExcluding(20*time.Second, 5*time.Second) }, 3.0 / 7},
		{"ServiceLevelExcluding(t, t)", func() (float64, bool) { return u.ServiceLevelExcluding(20*time.Second, 20*time.Second) }, 3.0 / 6},
		{"ServiceLevel", threshold(u.ServiceLevel, 20*time.Second), 3.0 / 10},
	})
	// Patience: (1+10+19+25 + 2+4+5+6+30+100) s / 6 abandons = 202/6 s.
	checkSpans(t, []spanCase{{"Patience", u.Patience, time.Duration(math.Round(202.0 / 6 * 1e9))}})
}

// Sub-second waits are rounded up: 20.001 s is not within 20 s, 19.999 s is.
func TestServiceLevelRounding(t *testing.T) {
	u := tallyOf(t, []Contact{
		{ID: "a", Channel: Phone, Direction: Inbound, Outcome: Answered, Arrived: t0, Answered: at(20*time.Second + time.Millisecond)},
		{ID: "b", Channel: Phone, Direction: Inbound, Outcome: Answered, Arrived: t0, Answered: at(20*time.Second - time.Millisecond)},
		{ID: "c", Channel: Phone, Direction: Inbound, Outcome: Answered, Arrived: t0, Answered: t0},
	})
	checkRates(t, []rateCase{
		{"SL", threshold(u.ServiceLevel, 20*time.Second), 2.0 / 3},
		{"SL(0)", threshold(u.ServiceLevel, 0), 1.0 / 3},
	})
	checkSpans(t, []spanCase{{"ASA exact", u.ASA, 40 * time.Second / 3}})
}

// A quantile's rank ⌈p·n⌉ is exact for p read as its decimal: 0.035 of
// 200 waits is the 7th, where 0.035·200 is 7.000000000000001 in floating
// point.
func TestWaitQuantileRank(t *testing.T) {
	var cs []Contact
	for i := 1; i <= 200; i++ {
		cs = append(cs, Contact{ID: fmt.Sprint(i), Channel: Phone, Direction: Inbound, Outcome: Answered,
			Arrived: t0, Answered: at(time.Duration(i) * time.Second)})
	}
	u := tallyOf(t, cs)
	p, n := 0.035, 200.0
	require.Greater(t, p*n, 7.0, "the example needs a float product above 7")
	checkSpans(t, []spanCase{
		{"0.035", func() (time.Duration, bool) { return u.WaitQuantile(0.035) }, 7 * time.Second},
		{"0.9", func() (time.Duration, bool) { return u.WaitQuantile(0.9) }, 180 * time.Second},
		{"1e-25", func() (time.Duration, bool) { return u.WaitQuantile(1e-25) }, time.Second},
	})
}

// The histogram's bins tile the values, their edges are as documented, and
// counts are exact on every documented edge.
func TestWaitBins(t *testing.T) {
	prevHi := uint64(0)
	for b := 0; b < binOf(1<<40)+1; b++ {
		lo, hi := binEdges(b)
		if b > 0 && lo != prevHi {
			t.Fatalf("bin %d starts at %d after %d", b, lo, prevHi)
		}
		if binOf(hi) != b || (b > 0 && binOf(lo+1) != b) || (b > exactBins && float64(hi-lo)/float64(lo) > 1.0/subBins) {
			t.Fatalf("bin %d = (%d, %d]", b, lo, hi)
		}
		prevHi = hi
	}
	onEdge := func(v uint64) bool { _, hi := binEdges(binOf(v)); return hi == v }
	for s := uint64(0); s <= 512; s++ {
		assert.True(t, onEdge(s), "%d s not on an edge", s)
	}
	for m := uint64(1); m <= 34; m++ {
		assert.True(t, onEdge(60*m), "%d min of wait not on an edge", m)
	}
	for h := uint64(1); h <= 34; h++ {
		assert.True(t, onEdge(60*h), "%d h of response not on an edge", h)
	}
	for _, h := range []uint64{36, 40, 48, 60, 68, 72} {
		assert.True(t, onEdge(60*h), "%d h not on an edge", h)
	}
	for d := uint64(1); d <= 11; d++ {
		assert.True(t, onEdge(1440*d), "%d days not on an edge", d)
	}
	// A whole-minute threshold past 512 s counts exactly.
	var w waits
	for _, s := range []int{599, 600, 601, 1799, 1800, 1801, 3601} {
		w.add(time.Duration(s)*time.Second, waitUnit)
	}
	assert.Equal(t, uint64(2), w.within(10*time.Minute, waitUnit))
	assert.Equal(t, uint64(5), w.within(30*time.Minute, waitUnit))
	// A quantile past 512 units is at most 0.4 % high, never low.
	q, _ := w.quantile(1, waitUnit)
	if q < 3601*time.Second || float64(q) > 3601*1.004*1e9 {
		t.Errorf("max = %v", q)
	}
	// The longest wait a Duration holds has a bin, the last one a decoder
	// accepts.
	assert.Equal(t, 6675, binOf(units(math.MaxInt64, waitUnit)))
}

func TestTallyRejects(t *testing.T) {
	u := tallyOf(t, sample())
	before, _ := u.MarshalBinary()
	bad := sample()[0]
	bad.Talk = -time.Second
	err := u.Add(bad)
	assert.ErrorIs(t, err, ErrDuration)
	after, _ := u.MarshalBinary()
	assert.Equal(t, before, after, "rejected Add changed the tally")
	var full Tally
	full.n = math.MaxUint64
	err = full.Add(sample()[0])
	assert.ErrorIs(t, err, ErrOverflow)
	assert.Equal(t, uint64(math.MaxUint64), full.n)
	assert.ErrorIs(t, u.Merge(&full), ErrOverflow)
	after, _ = u.MarshalBinary()
	assert.Equal(t, before, after, "rejected Merge changed the tally")
	require.NoError(t, u.Merge(nil))
	after, _ = u.MarshalBinary()
	assert.Equal(t, before, after, "Merge(nil) changed the tally")
}

// Some contacts the laws' Bad list and the fuzzers feed to Add.
func badContacts() []Contact {
	good := sample()[0]
	var out []Contact
	for _, change := range []func(c *Contact){
		func(c *Contact) { c.Talk = -time.Second },
		func(c *Contact) { c.Arrived = time.Time{} },
		func(c *Contact) { c.Answered = time.Time{} },
		func(c *Contact) { c.Answered = c.Arrived.Add(-1) },
		func(c *Contact) { c.Answered, c.Ended = c.Arrived.Add(math.MaxInt64).Add(time.Hour), time.Time{} },
		func(c *Contact) { c.Cost = cost("-1") },
		func(c *Contact) { c.Cost = cost("1e-65") },
		func(c *Contact) { c.Cost = cost("1e64") },
		func(c *Contact) { c.Channel = 0 },
		func(c *Contact) { c.Outcome = Busy },
		func(c *Contact) { c.FCR = FCRResolved; c.Resolved = false },
	} {
		c := good
		change(&c)
		out = append(out, c)
	}
	return out
}

// randomContact returns a valid contact of any kind.
func randomContact(rng *rand.Rand, i int) Contact {
	for {
		c := Contact{
			ID:         string(rune('a'+i%26)) + string(rune('0'+i%10)),
			CustomerID: []string{"", "A", "B", "C"}[rng.IntN(4)],
			Reason:     []string{"", "bill", "move"}[rng.IntN(3)],
			Channel:    Channel(1 + rng.IntN(numChannels)),
			Direction:  Direction(1 + rng.IntN(2)),
			Outcome:    Outcome(1 + rng.IntN(numOutcomes)),
			Arrived:    t0.Add(time.Duration(rng.Int64N(int64(30 * 24 * time.Hour)))),
			Value:      ValueAdded(rng.IntN(3)),
			Complaint:  rng.IntN(5) == 0,
		}
		if rng.IntN(8) > 0 { // one cost in 8 unknown
			c.Cost = decimal.NewNullDecimal(decimal.New(rng.Int64N(100000), -int32(rng.IntN(4))))
		}
		if c.Outcome == Answered {
			// Waits up to 15 min and responses up to 12 h reach past the
			// histograms' 512 exact bins and keep their JSON short enough
			// for the laws' mutations.
			longest := []time.Duration{time.Minute, 15 * time.Minute}
			if !c.Channel.Synchronous() {
				longest = []time.Duration{time.Hour, 12 * time.Hour}
			}
			c.Answered = c.Arrived.Add(time.Duration(rng.Int64N(int64(longest[rng.IntN(2)]))))
			c.Talk = time.Duration(rng.Int64N(int64(20 * time.Minute)))
			c.Hold = time.Duration(rng.Int64N(int64(time.Minute)))
			c.Wrap = time.Duration(rng.Int64N(int64(2 * time.Minute)))
		}
		if rng.IntN(3) > 0 {
			c.Ended = c.Arrived.Add(time.Duration(rng.Int64N(int64(time.Hour))))
			if c.Ended.Before(c.Answered) {
				c.Ended = c.Answered.Add(time.Duration(rng.Int64N(int64(time.Hour))))
			}
		}
		c.Resolved = c.Outcome.Handled() && rng.IntN(2) == 0
		if c.Outcome.Handled() && rng.IntN(3) == 0 {
			c.FCR = []FCRStatus{FCRRepeat, FCRUnresolved, FCRResolved}[rng.IntN(3)]
			if c.FCR == FCRResolved && !c.Resolved {
				c.FCR = FCRUnresolved
			}
		}
		if c.Validate() == nil {
			return c
		}
	}
}

func randomContacts(rng *rand.Rand, n int) []Contact {
	cs := make([]Contact, n)
	for i := range cs {
		cs[i] = randomContact(rng, i)
	}
	return cs
}

// spec describes Tally to the law checker of the rapport contract.
func spec() laws.Spec[Tally, Contact] {
	return laws.Spec[Tally, Contact]{
		Item:      func(r *rand.Rand) Contact { return randomContact(r, r.IntN(260)) },
		Bad:       badContacts(),
		Result:    func(t *Tally) (any, error) { return t.Result(DefaultThresholds) },
		AllocFree: true,
		BadBinary: impossibleBinary(),
		BadJSON:   impossibleJSON(),
	}
}

// The rapport contract: laws/doc in the module root.
func TestTallyLaws(t *testing.T) { laws.Check(t, spec()) }

// Merging partial tallies in any order or grouping gives the tally of the
// whole, bit for bit, with FCR marked.
func TestTallyMergeOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 100 {
		cs := randomContacts(rng, rng.IntN(200))
		if rng.IntN(4) == 0 {
			_ = MarkFCR(cs, 3*24*time.Hour, time.Time{})
		}
		whole := tallyOf(t, cs)
		want, _ := whole.MarshalBinary()
		parts := make([]*Tally, 1+rng.IntN(6))
		for i := range parts {
			parts[i] = new(Tally)
		}
		for _, c := range cs {
			require.NoError(t, parts[rng.IntN(len(parts))].Add(c))
		}
		var forward, backward Tally
		for i := range parts {
			require.NoError(t, forward.Merge(parts[i]))
			require.NoError(t, backward.Merge(parts[len(parts)-1-i]))
		}
		shuffled := slices.Clone(cs)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for name, u := range map[string]*Tally{"forward": &forward, "backward": &backward, "shuffled": tallyOf(t, shuffled)} {
			got, _ := u.MarshalBinary()
			require.Equal(t, want, got, "run %d: %s merge differs from the whole", i, name)
			require.True(t, u.KnownCost().Equal(whole.KnownCost()), "%s cost %v vs %v", name, u.KnownCost(), whole.KnownCost())
		}
	}
}

func TestTallyCloneAndSelfMerge(t *testing.T) {
	u := tallyOf(t, sample())
	v := u.Clone()
	require.NoError(t, v.Merge(v))
	assert.Equal(t, 2*u.N(), v.N())
	vc, _ := v.Cost()
	uc, _ := u.Cost()
	assert.True(t, vc.Equal(uc.Mul(decimal.NewFromInt(2))), "self-merge cost %v", vc)
	doubled := u.Clone()
	require.NoError(t, doubled.Merge(u))
	a, _ := v.MarshalBinary()
	b, _ := doubled.MarshalBinary()
	assert.Equal(t, b, a, "self-merge differs from merging a copy")
	d, _ := u.ASA()
	assert.Equal(t, 20*time.Second, d, "the clone shares memory with the original")
}

// Costs add exactly: 0.1 + 0.2 is 0.3, and sums past 128 bits are exact.
func TestCostExact(t *testing.T) {
	var a money.Sum
	a.Add(dec("0.1"))
	a.Add(dec("0.2"))
	assert.True(t, a.Value().Equal(dec("0.3")))
	assert.Equal(t, "0.3", costString(a))
	a.Add(dec("0.05"))
	assert.Equal(t, "0.35", costString(a))
	var large money.Sum
	huge := dec("340282366920938463463374607431768211455") // 2¹²⁸ − 1
	large.Add(huge)
	large.Add(dec("0.001"))
	large.Add(huge)
	want := huge.Add(huge).Add(dec("0.001"))
	assert.True(t, large.Value().Equal(want), "big sum %v, want %v", large.Value(), want)
	var small money.Sum
	small.Add(dec("1e-60"))
	small.Merge(large)
	assert.True(t, small.Value().Equal(want.Add(dec("1e-60"))), "merge with big: %v", small.Value())
	var many Tally
	c := Contact{ID: "x", Channel: Phone, Direction: Inbound, Outcome: Busy, Arrived: t0, Cost: cost("0.07")}
	for range 1000 {
		require.NoError(t, many.Add(c))
	}
	total, ok := many.Cost()
	assert.True(t, ok)
	assert.True(t, total.Equal(dec("70")), "1000 × 0.07 = %v", total)
	c.Cost = cost("1e-65")
	assert.ErrorIs(t, many.Add(c), ErrAmount, "65 decimal places")
	// 1.5 written with 70 places has more places than any amount may
	// (FuzzTallyAdd found that accepting it made a tally that did not
	// decode): refused, and the tally still encodes and decodes.
	c.Cost = cost("1.5" + strings.Repeat("0", 69))
	assert.ErrorIs(t, many.Add(c), ErrAmount, "70 places as written")
	b, _ := many.MarshalBinary()
	var back Tally
	require.NoError(t, back.UnmarshalBinary(b))
	assert.True(t, back.KnownCost().Equal(dec("70")))
}

func TestRatio(t *testing.T) {
	r, ok := ratio(1<<60, 3<<60)
	assert.True(t, ok)
	assert.Equal(t, 1.0/3, r)
}

func TestTallyByAndOf(t *testing.T) {
	byChannel, err := TallyBy(slices.Values(sample()), func(c Contact) Channel { return c.Channel })
	require.NoError(t, err)
	assert.Len(t, byChannel, 5)
	assert.Equal(t, uint64(8), byChannel[Phone].N())
	assert.Equal(t, uint64(3), byChannel[Email].TicketsCreated())
	bad := append(sample(), Contact{ID: "zz", Channel: Phone, Direction: Inbound, Outcome: Answered, Arrived: t0})
	const msg = `operations: record 14: invalid time: contact "zz": answered contact without an answer time`
	_, err = TallyBy(slices.Values(bad), func(c Contact) Channel { return c.Channel })
	require.ErrorIs(t, err, ErrTime)
	assert.EqualError(t, err, msg)
	_, err = TallyOf(slices.Values(bad))
	require.ErrorIs(t, err, ErrTime)
	assert.EqualError(t, err, msg)
	u, err := TallyOf(slices.Values(sample()))
	require.NoError(t, err)
	r, err := u.Result(DefaultThresholds)
	require.NoError(t, err)
	assert.Equal(t, uint64(14), r.N)
	assert.Equal(t, 40.0, *r.ServiceLevelPct)
	assert.Nil(t, r.FCRPct)
	assert.Equal(t, 20.0, *r.ASASeconds)
	assert.True(t, r.CostPerContactAmount.Equal(dec("3.30625")))
	empty, err := TallyOf(slices.Values([]Contact(nil)))
	require.NoError(t, err)
	er, err := empty.Result(DefaultThresholds)
	require.NoError(t, err)
	assert.Nil(t, er.ServiceLevelPct)
	assert.Nil(t, er.CostPerContactAmount)
	assert.Equal(t, DefaultThresholds, er.Thresholds)
}

// Every figure of a Result carries its unit: a reachability of 55.6 % is
// 55.6 in reachability_pct, never 0.556.
func TestResultUnits(t *testing.T) {
	r, err := tallyOf(t, sample()).Result(DefaultThresholds)
	require.NoError(t, err)
	js, err := json.Marshal(r)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(js, &m))
	pct := func(a, b float64) float64 { return 100 * (a / b) } // at run time, as unit.Pct
	for key, want := range map[string]any{
		"n": 14.0, "reachability_pct": pct(5, 9), "service_level_pct": 40.0, "asa_seconds": 20.0,
		"wait_p90_seconds": 40.0, "abandonment_pct": 40.0, "aht_seconds": 260.0, "fcr_pct": nil,
		"complaint_pct": pct(1, 14), "cost_amount": "26.45", "cost_per_contact_amount": "3.30625", "costed": 14.0,
		"thresholds": map[string]any{"answer_seconds": 20.0, "response_seconds": 86400.0, "short_abandon_seconds": 5.0},
	} {
		t.Run(key, func(t *testing.T) {
			require.Contains(t, m, key)
			assert.Equal(t, want, m[key])
		})
	}
	var back Result
	require.NoError(t, json.Unmarshal(js, &back))
	assert.Equal(t, r.Thresholds, back.Thresholds)
	assert.Equal(t, *r.ReachabilityPct, *back.ReachabilityPct)
	_, err = tallyOf(t, sample()).Result(Thresholds{Answer: -time.Second})
	assert.ErrorIs(t, err, ErrDuration)
	assert.EqualError(t, err, "operations: invalid duration: Thresholds.Answer -1s is negative")
	_, err = tallyOf(t, sample()).Result(Thresholds{ShortAbandon: -time.Second})
	assert.EqualError(t, err, "operations: invalid duration: Thresholds.ShortAbandon -1s is negative")
}

func TestThresholdsJSON(t *testing.T) {
	for _, c := range []struct {
		name, js string
		want     Thresholds
		err      error
	}{
		{"default", `{"answer_seconds":20,"response_seconds":86400,"short_abandon_seconds":5}`, DefaultThresholds, nil},
		{"without short abandons", `{"answer_seconds":20,"response_seconds":86400}`, Thresholds{Answer: 20 * time.Second, Response: 24 * time.Hour}, nil},
		{"fractional", `{"answer_seconds":0.5,"response_seconds":1e-9,"short_abandon_seconds":2.5}`,
			Thresholds{Answer: time.Second / 2, Response: 1, ShortAbandon: 2500 * time.Millisecond}, nil},
		{"negative", `{"answer_seconds":-1,"response_seconds":0}`, Thresholds{}, ErrDuration},
		{"negative short abandon", `{"answer_seconds":1,"response_seconds":0,"short_abandon_seconds":-1}`, Thresholds{}, ErrDuration},
		{"too long", `{"answer_seconds":1e10,"response_seconds":0}`, Thresholds{}, ErrDuration},
	} {
		t.Run(c.name, func(t *testing.T) {
			var th Thresholds
			err := json.Unmarshal([]byte(c.js), &th)
			if c.err != nil {
				assert.ErrorIs(t, err, c.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, th)
		})
	}
	js, err := json.Marshal(DefaultThresholds)
	require.NoError(t, err)
	assert.JSONEq(t, `{"answer_seconds":20,"response_seconds":86400,"short_abandon_seconds":5}`, string(js))
}

// Add allocates nothing once the histograms have grown to the longest
// waits: not for validation (money.Check), nor for the cost sum. (The
// laws' alloc-free check averages over single Adds, and rounds down.)
func TestTallyAddAllocFree(t *testing.T) {
	cs := randomContacts(rand.New(rand.NewPCG(9, 9)), 200)
	u := tallyOf(t, cs) // grows the histograms
	if n := testing.AllocsPerRun(20, func() {
		for _, c := range cs {
			_ = u.Add(c)
		}
	}); n != 0 {
		t.Errorf("200 Adds allocate %v times", n)
	}
}

func BenchmarkTallyAdd(b *testing.B) {
	cs := randomContacts(rand.New(rand.NewPCG(3, 3)), 1024)
	var u Tally
	for _, c := range cs { // warm the histograms up
		_ = u.Add(c)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := u.Add(cs[i%len(cs)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTallyMerge(b *testing.B) {
	v := tallyOf(b, randomContacts(rand.New(rand.NewPCG(3, 4)), 1000))
	u := v.Clone()
	for b.Loop() {
		_ = u.Merge(v)
	}
}

func BenchmarkTallyMarshalBinary(b *testing.B) {
	u := tallyOf(b, randomContacts(rand.New(rand.NewPCG(3, 5)), 1000))
	var buf []byte
	for b.Loop() {
		buf, _ = u.AppendBinary(buf[:0])
	}
}

func BenchmarkTallyResult(b *testing.B) {
	u := tallyOf(b, randomContacts(rand.New(rand.NewPCG(3, 6)), 1000))
	for b.Loop() {
		_, _ = u.Result(DefaultThresholds)
	}
}
