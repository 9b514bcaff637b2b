package operations

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
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

func wantRate(t *testing.T, name string, got float64, ok bool, want float64) {
	t.Helper()
	if !ok || got != want {
		t.Errorf("%s = %v, %v; want %v", name, got, ok, want)
	}
}

func wantDuration(t *testing.T, name string, got time.Duration, ok bool, want time.Duration) {
	t.Helper()
	if !ok || got != want {
		t.Errorf("%s = %v, %v; want %v", name, got, ok, want)
	}
}

// Every figure of the sample worked out by hand (see data_test.go).
func TestTallySample(t *testing.T) {
	cs := sample()
	if err := MarkFCR(cs, 7*24*time.Hour, time.Time{}); err != nil {
		t.Fatal(err)
	}
	u := tallyOf(t, cs)
	counts := []struct {
		name      string
		got, want uint64
	}{
		{"N", u.N(), 14}, {"Incoming", u.Incoming(), 12}, {"Outgoing", u.Outgoing(), 2},
		{"CallsReceived", u.CallsReceived(), 6}, {"TicketsCreated", u.TicketsCreated(), 3},
		{"Presented", u.Presented(), 9}, {"Answered", u.Answered(), 5}, {"Abandoned", u.Abandoned(), 2},
		{"Handled", u.Handled(), 8}, {"Resolved", u.Resolved(), 4}, {"Complaints", u.Complaints(), 1},
		{"Issues", u.Issues(), 7}, {"Count", u.Count(Inbound, Email, Answered), 2}, {"Count invalid", u.Count(0, Email, Answered), 0},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	r, ok := u.Reachability()
	wantRate(t, "Reachability", r, ok, 5.0/9)
	r, ok = u.OutboundReach()
	wantRate(t, "OutboundReach", r, ok, 0.5)
	r, ok = u.Abandonment()
	wantRate(t, "Abandonment", r, ok, 0.4)
	for _, c := range []struct {
		within time.Duration
		want   float64
	}{{0, 0}, {4 * time.Second, 0}, {5 * time.Second, 0.2}, {20 * time.Second, 0.4}, {39 * time.Second, 0.4},
		{39*time.Second + 999*time.Millisecond, 0.4}, {40 * time.Second, 0.6}, {time.Hour, 0.6}, {-time.Second, 0}} {
		r, ok = u.ServiceLevel(c.within)
		wantRate(t, "ServiceLevel("+c.within.String()+")", r, ok, c.want)
	}
	r, ok = u.AnsweredWithin(20 * time.Second)
	wantRate(t, "AnsweredWithin", r, ok, 2.0/3)
	if _, ok := u.ServiceLevelExcluding(20*time.Second, 5*time.Second); ok {
		t.Error("ServiceLevelExcluding defined with an untimed abandon")
	}
	if _, ok := u.AbandonmentExcluding(5 * time.Second); ok {
		t.Error("AbandonmentExcluding defined with an untimed abandon")
	}
	if _, ok := u.Patience(); ok {
		t.Error("Patience defined with an untimed abandon")
	}
	d, ok := u.ASA()
	wantDuration(t, "ASA", d, ok, 20*time.Second)
	for p, want := range map[float64]time.Duration{0: 5 * time.Second, 0.33: 5 * time.Second, 0.5: 15 * time.Second, 0.67: 40 * time.Second, 1: 40 * time.Second} {
		d, ok = u.WaitQuantile(p)
		wantDuration(t, "WaitQuantile", d, ok, want)
	}
	for _, p := range []float64{-0.1, 1.1, math.NaN()} {
		if _, ok := u.WaitQuantile(p); ok {
			t.Errorf("WaitQuantile(%v) ok", p)
		}
	}
	d, ok = u.TimeToAbandon()
	wantDuration(t, "TimeToAbandon", d, ok, 10*time.Second)
	r, ok = u.ResponseWithin(24 * time.Hour)
	wantRate(t, "ResponseWithin(24h)", r, ok, 1.0/3)
	r, ok = u.ResponseWithin(48 * time.Hour)
	wantRate(t, "ResponseWithin(48h)", r, ok, 2.0/3)
	d, ok = u.ResponseTime()
	wantDuration(t, "ResponseTime", d, ok, 16*time.Hour+30*time.Minute)
	d, ok = u.ResponseQuantile(0.5)
	wantDuration(t, "ResponseQuantile", d, ok, 3*time.Hour)
	d, ok = u.AHT()
	wantDuration(t, "AHT", d, ok, 4*time.Minute+20*time.Second)
	d, ok = u.AverageTalk()
	wantDuration(t, "AverageTalk", d, ok, 4*time.Minute)
	d, ok = u.AverageHold()
	wantDuration(t, "AverageHold", d, ok, 5*time.Second)
	d, ok = u.AverageWrap()
	wantDuration(t, "AverageWrap", d, ok, 15*time.Second)
	r, ok = u.ResolutionRate()
	wantRate(t, "ResolutionRate", r, ok, 0.5)
	r, ok = u.FCR()
	wantRate(t, "FCR", r, ok, 2.0/7)
	r, ok = u.RepeatRate()
	wantRate(t, "RepeatRate", r, ok, 1.0/8)
	r, ok = u.ComplaintRate()
	wantRate(t, "ComplaintRate", r, ok, 1.0/14)
	r, ok = u.Deflection()
	wantRate(t, "Deflection", r, ok, 2.0/11)
	r, ok = u.HighValueShare()
	wantRate(t, "HighValueShare", r, ok, 0.5)
	r, ok = u.LowValueShare()
	wantRate(t, "LowValueShare", r, ok, 0.5)
	if c := u.Cost(); !c.Equal(dec("26.45")) || c.String() != "26.45" {
		t.Errorf("Cost = %v", c)
	}
	if c, ok := u.CostPerContact(); !ok || !c.Equal(dec("3.30625")) {
		t.Errorf("CostPerContact = %v, %v", c, ok)
	}
	if c, ok := u.CostPerResolution(); !ok || !c.Equal(dec("6.6125")) {
		t.Errorf("CostPerResolution = %v, %v", c, ok)
	}
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
		if v, ok := f(); ok || v != 0 {
			t.Errorf("empty %s = %v, %v", name, v, ok)
		}
	}
	durations := map[string]func() (time.Duration, bool){
		"ASA": u.ASA, "TimeToAbandon": u.TimeToAbandon, "Patience": u.Patience, "ResponseTime": u.ResponseTime,
		"AHT": u.AHT, "AverageTalk": u.AverageTalk, "AverageHold": u.AverageHold, "AverageWrap": u.AverageWrap,
		"WaitQuantile":     func() (time.Duration, bool) { return u.WaitQuantile(0.5) },
		"ResponseQuantile": func() (time.Duration, bool) { return u.ResponseQuantile(0.5) },
	}
	for name, f := range durations {
		if _, ok := f(); ok {
			t.Errorf("empty %s ok", name)
		}
	}
	if _, ok := u.CostPerContact(); ok {
		t.Error("empty CostPerContact ok")
	}
	if _, ok := u.CostPerResolution(); ok {
		t.Error("empty CostPerResolution ok")
	}
	if !u.Cost().IsZero() || u.N() != 0 {
		t.Error("empty cost or count")
	}
	// Abandoned calls alone: abandonment is defined, ASA is not.
	tallyAbandons := tallyOf(t, []Contact{{ID: "a", Channel: Phone, Direction: Inbound, Outcome: Abandoned, Arrived: t0, Ended: at(time.Minute)}})
	if r, ok := tallyAbandons.Abandonment(); !ok || r != 1 {
		t.Errorf("all abandoned: %v %v", r, ok)
	}
	if _, ok := tallyAbandons.ASA(); ok {
		t.Error("ASA without answers")
	}
	if p, ok := tallyAbandons.Patience(); !ok || p != time.Minute {
		t.Errorf("Patience = %v, %v", p, ok)
	}
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
	r, ok := u.AbandonmentExcluding(5 * time.Second) // 3 short abandons out: 3 of 7
	wantRate(t, "AbandonmentExcluding", r, ok, 3.0/7)
	r, ok = u.ServiceLevelExcluding(20*time.Second, 5*time.Second) // 3 of 10 − 3
	wantRate(t, "ServiceLevelExcluding", r, ok, 3.0/7)
	r, ok = u.ServiceLevelExcluding(20*time.Second, 20*time.Second) // 3 of 10 − 4
	wantRate(t, "ServiceLevelExcluding(t, t)", r, ok, 3.0/6)
	r, ok = u.ServiceLevel(20 * time.Second)
	wantRate(t, "ServiceLevel", r, ok, 3.0/10)
	// Patience: (1+10+19+25 + 2+4+5+6+30+100) s / 6 abandons = 202/6 s.
	p, ok := u.Patience()
	wantDuration(t, "Patience", p, ok, time.Duration(math.Round(202.0/6*1e9)))
}

// Sub-second waits are rounded up: 20.001 s is not within 20 s, 19.999 s is.
func TestServiceLevelRounding(t *testing.T) {
	u := tallyOf(t, []Contact{
		{ID: "a", Channel: Phone, Direction: Inbound, Outcome: Answered, Arrived: t0, Answered: at(20*time.Second + time.Millisecond)},
		{ID: "b", Channel: Phone, Direction: Inbound, Outcome: Answered, Arrived: t0, Answered: at(20*time.Second - time.Millisecond)},
		{ID: "c", Channel: Phone, Direction: Inbound, Outcome: Answered, Arrived: t0, Answered: t0},
	})
	r, ok := u.ServiceLevel(20 * time.Second)
	wantRate(t, "SL", r, ok, 2.0/3)
	r, ok = u.ServiceLevel(0)
	wantRate(t, "SL(0)", r, ok, 1.0/3)
	d, ok := u.ASA()
	wantDuration(t, "ASA exact", d, ok, 40*time.Second/3)
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
		if !onEdge(s) {
			t.Errorf("%d s not on an edge", s)
		}
	}
	for m := uint64(1); m <= 34; m++ {
		if !onEdge(60 * m) {
			t.Errorf("%d min of wait not on an edge", m)
		}
	}
	for h := uint64(1); h <= 34; h++ {
		if !onEdge(60 * h) {
			t.Errorf("%d h of response not on an edge", h)
		}
	}
	for _, h := range []uint64{36, 40, 48, 60, 68, 72} {
		if !onEdge(60 * h) {
			t.Errorf("%d h not on an edge", h)
		}
	}
	for d := uint64(1); d <= 11; d++ {
		if !onEdge(1440 * d) {
			t.Errorf("%d days not on an edge", d)
		}
	}
	// A whole-minute threshold past 512 s counts exactly.
	var w waits
	for _, s := range []int{599, 600, 601, 1799, 1800, 1801, 3601} {
		w.add(time.Duration(s)*time.Second, waitUnit)
	}
	if got := w.within(10*time.Minute, waitUnit); got != 2 {
		t.Errorf("within 10 min: %d", got)
	}
	if got := w.within(30*time.Minute, waitUnit); got != 5 {
		t.Errorf("within 30 min: %d", got)
	}
	// A quantile past 512 units is at most 0.4 % high, never low.
	q, _ := w.quantile(1, waitUnit)
	if q < 3601*time.Second || float64(q) > 3601*1.004*1e9 {
		t.Errorf("max = %v", q)
	}
}

func TestTallyRejects(t *testing.T) {
	u := tallyOf(t, sample())
	before, _ := u.MarshalBinary()
	bad := sample()[0]
	bad.Talk = -time.Second
	if err := u.Add(bad); !errors.Is(err, ErrNegativeDuration) {
		t.Errorf("err = %v", err)
	}
	after, _ := u.MarshalBinary()
	if string(before) != string(after) {
		t.Error("rejected Add changed the tally")
	}
	var full Tally
	full.n = math.MaxUint64
	if err := full.Add(sample()[0]); !errors.Is(err, ErrOverflow) || full.n != math.MaxUint64 {
		t.Errorf("overflow: %v", err)
	}
	if err := u.Merge(&full); !errors.Is(err, ErrOverflow) {
		t.Errorf("merge overflow: %v", err)
	}
	after, _ = u.MarshalBinary()
	if string(before) != string(after) {
		t.Error("rejected Merge changed the tally")
	}
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
			Cost:       decimal.New(rng.Int64N(100000), -int32(rng.IntN(4))),
		}
		if c.Outcome == Answered {
			c.Answered = c.Arrived.Add(time.Duration(rng.Int64N(int64([]time.Duration{time.Minute, time.Hour, 100 * time.Hour}[rng.IntN(3)]))))
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

// Merging partial tallies in any order or grouping gives the tally of the
// whole, bit for bit.
func TestTallyMergeOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100 {
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
			_ = parts[rng.IntN(len(parts))].Add(c)
		}
		var forward, backward Tally
		for i := range parts {
			_ = forward.Merge(parts[i])
			_ = backward.Merge(parts[len(parts)-1-i])
		}
		shuffled := slices.Clone(cs)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for name, u := range map[string]*Tally{"forward": &forward, "backward": &backward, "shuffled": tallyOf(t, shuffled)} {
			got, _ := u.MarshalBinary()
			if string(got) != string(want) {
				t.Fatalf("%s merge differs from the whole", name)
			}
			if !u.Cost().Equal(whole.Cost()) {
				t.Fatalf("%s cost %v vs %v", name, u.Cost(), whole.Cost())
			}
		}
	}
}

func TestTallyCloneAndSelfMerge(t *testing.T) {
	u := tallyOf(t, sample())
	v := u.Clone()
	if err := v.Merge(v); err != nil {
		t.Fatal(err)
	}
	if v.N() != 2*u.N() || !v.Cost().Equal(u.Cost().Mul(decimal.NewFromInt(2))) {
		t.Errorf("self-merge: %d, %v", v.N(), v.Cost())
	}
	doubled := u.Clone()
	_ = doubled.Merge(u)
	a, _ := v.MarshalBinary()
	b, _ := doubled.MarshalBinary()
	if string(a) != string(b) {
		t.Error("self-merge differs from merging a copy")
	}
	if d, _ := u.ASA(); d != 20*time.Second {
		t.Error("the clone shares memory with the original")
	}
}

// Costs add exactly: 0.1 + 0.2 is 0.3, and sums past 128 bits are exact.
func TestCostExact(t *testing.T) {
	var a money.Sum
	a.Add(dec("0.1"))
	a.Add(dec("0.2"))
	if !a.Value().Equal(dec("0.3")) || costString(a) != "0.3" {
		t.Errorf("0.1 + 0.2 = %v", a.Value())
	}
	a.Add(dec("0.05"))
	if costString(a) != "0.35" {
		t.Errorf("String = %q", costString(a))
	}
	var large money.Sum
	huge := dec("340282366920938463463374607431768211455") // 2¹²⁸ − 1
	large.Add(huge)
	large.Add(dec("0.001"))
	large.Add(huge)
	want := huge.Add(huge).Add(dec("0.001"))
	if !large.Value().Equal(want) {
		t.Errorf("big sum %v, want %v", large.Value(), want)
	}
	var small money.Sum
	small.Add(dec("1e-60"))
	small.Merge(large)
	if !small.Value().Equal(want.Add(dec("1e-60"))) {
		t.Errorf("merge with big: %v", small.Value())
	}
	var many Tally
	c := Contact{ID: "x", Channel: Phone, Direction: Inbound, Outcome: Busy, Arrived: t0, Cost: dec("0.07")}
	for range 1000 {
		_ = many.Add(c)
	}
	if !many.Cost().Equal(dec("70")) {
		t.Errorf("1000 × 0.07 = %v", many.Cost())
	}
	c.Cost = dec("1e-65")
	if err := many.Add(c); !errors.Is(err, ErrCost) {
		t.Errorf("65 decimal places: %v", err)
	}
}

func TestRatio(t *testing.T) {
	if r, ok := ratio(1<<60, 3<<60); !ok || r != 1.0/3 {
		t.Errorf("big ratio %v", r)
	}
}

func TestTallyByAndOf(t *testing.T) {
	byChannel, err := TallyBy(slices.Values(sample()), func(c Contact) Channel { return c.Channel })
	if err != nil {
		t.Fatal(err)
	}
	if len(byChannel) != 5 || byChannel[Phone].N() != 8 || byChannel[Email].TicketsCreated() != 3 {
		t.Fatalf("groups: %d, phone %d", len(byChannel), byChannel[Phone].N())
	}
	bad := append(sample(), Contact{ID: "zz", Channel: Phone, Direction: Inbound, Outcome: Answered, Arrived: t0})
	if _, err := TallyBy(slices.Values(bad), func(c Contact) Channel { return c.Channel }); !errors.Is(err, ErrMissingTime) ||
		err.Error() != `record 14: contact "zz": answered: operations: missing time` {
		t.Errorf("err = %v", err)
	}
	if _, err := Of(slices.Values(bad)); !errors.Is(err, ErrMissingTime) {
		t.Errorf("Of err = %v", err)
	}
	r, err := Of(slices.Values(sample()))
	if err != nil {
		t.Fatal(err)
	}
	if r.Contacts != 14 || *r.ServiceLevel != 0.4 || r.FCR != nil || *r.ASA != 20 || !r.CostPerContact.Equal(dec("3.30625")) {
		t.Errorf("Of: %+v", r)
	}
	empty, _ := Of(slices.Values([]Contact(nil)))
	if empty.ServiceLevel != nil || empty.CostPerContact != nil {
		t.Errorf("empty result: %+v", empty)
	}
	if !reflect.DeepEqual(empty.Thresholds, DefaultThresholds) {
		t.Error("default thresholds")
	}
}

func BenchmarkTallyAdd(b *testing.B) {
	cs := randomContacts(rand.New(rand.NewPCG(3, 3)), 1024)
	var u Tally
	for _, c := range cs { // warm the histograms up
		_ = u.Add(c)
	}
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
		_ = u.Result(DefaultThresholds)
	}
}
