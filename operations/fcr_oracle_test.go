package operations

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// markFCRSorted is MarkFCR before issue 18, the oracle of the fast one:
// handled contacts sorted by arrival (then ID, then position) with a
// map from (customer, reason) to the last contact of each history.
func markFCRSorted(contacts []Contact, window time.Duration, asOf time.Time) error {
	if window <= 0 {
		return fmt.Errorf("%w: MarkFCR window %v is not positive", ErrDuration, window)
	}
	handled := make([]int, 0, len(contacts))
	for i := range contacts {
		c := &contacts[i]
		saved := c.FCR
		c.FCR = FCRUnknown
		err := c.Validate()
		c.FCR = saved
		if err != nil {
			return group.At("record", i, err)
		}
		if c.Outcome.Handled() {
			handled = append(handled, i)
		}
	}
	slices.SortFunc(handled, func(a, b int) int {
		ca, cb := &contacts[a], &contacts[b]
		return cmp.Or(ca.Arrived.Compare(cb.Arrived), cmp.Compare(ca.ID, cb.ID), cmp.Compare(a, b))
	})
	for i := range contacts {
		contacts[i].FCR = FCRUnknown
	}
	type key struct{ customer, reason string }
	last := make(map[key]int, len(handled))
	for _, i := range handled {
		c := &contacts[i]
		if c.CustomerID == "" {
			c.FCR = firstStatus(c)
			continue
		}
		k := key{c.CustomerID, c.Reason}
		if p, ok := last[k]; ok && within(contacts[p].Arrived, c.Arrived, window) {
			c.FCR = FCRRepeat
			if contacts[p].FCR != FCRRepeat {
				contacts[p].FCR = FCRUnresolved
			}
		} else {
			c.FCR = firstStatus(c)
		}
		last[k] = i
	}
	if !asOf.IsZero() {
		for _, i := range handled {
			c := &contacts[i]
			if c.FCR != FCRRepeat && asOf.Sub(c.Arrived) < window {
				c.FCR = FCRUnknown
			}
		}
	}
	return nil
}

// within reports whether to comes at most d after from (to ≥ from), exactly
// even when the two are more than 292 years apart.
func within(from, to time.Time, d time.Duration) bool {
	s, ok := span(from, to)
	return ok && s <= d
}

// fcrHistories returns n valid contacts of few customers, reasons and
// distinct times, so that ties of time and of ID are frequent: handled
// and not, anonymous, resolved and not, times apart by whole windows and
// by nanoseconds, in any time zone, with stale FCR marks.
func fcrHistories(rng *rand.Rand, n int, window time.Duration) []Contact {
	zones := []*time.Location{time.UTC, time.FixedZone("X", 5*3600+1800), time.FixedZone("Y", -8*3600)}
	cs := make([]Contact, n)
	for i := range cs {
		var off time.Duration
		switch rng.IntN(4) {
		case 0:
			off = time.Duration(rng.IntN(8)) * window // ties and exact windows
		case 1:
			off = time.Duration(rng.IntN(8))*window + time.Duration(rng.IntN(3)-1) // a nanosecond either side
		case 2:
			off = time.Duration(rng.Int64N(int64(10 * window)))
		default:
			off = time.Duration(rng.IntN(20)) * time.Second
		}
		c := Contact{
			ID:         fmt.Sprint("c", rng.IntN(n/2+1)),
			CustomerID: []string{"", "A", "B", "C", "D", "E"}[rng.IntN(6)],
			Reason:     []string{"", "bill", "move"}[rng.IntN(3)],
			Channel:    Phone, Direction: Inbound,
			Outcome:  []Outcome{Answered, Deflected, Abandoned}[rng.IntN(3)],
			Arrived:  at(off).In(zones[rng.IntN(len(zones))]),
			Resolved: rng.IntN(2) == 0,
			FCR:      FCRStatus(rng.IntN(4)),
		}
		if c.Outcome == Answered {
			c.Answered = c.Arrived.Add(time.Minute)
		}
		if !c.Outcome.Handled() {
			c.Resolved = false
		}
		cs[i] = c
	}
	return cs
}

// MarkFCR marks exactly as the oracle, on random histories with ties.
func TestMarkFCRMatchesOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 2))
	for trial := range 2000 {
		window := []time.Duration{time.Nanosecond, time.Second, 1500 * time.Millisecond, time.Hour, 7 * 24 * time.Hour}[rng.IntN(5)]
		cs := fcrHistories(rng, rng.IntN(60), window)
		var asOf time.Time
		if rng.IntN(2) == 0 {
			asOf = at(time.Duration(rng.Int64N(int64(9 * window))))
		}
		want := slices.Clone(cs)
		if err := markFCRSorted(want, window, asOf); err != nil {
			t.Fatal(err)
		}
		got := slices.Clone(cs)
		if err := MarkFCR(got, window, asOf); err != nil {
			t.Fatal(err)
		}
		for i := range got {
			if got[i].FCR != want[i].FCR {
				t.Fatalf("trial %d, window %v, asOf %v: contact %d (%+v) marked %v, oracle %v", trial, window, asOf, i, cs[i], got[i].FCR, want[i].FCR)
			}
		}
	}
}

// Long inputs, sorted and marked on two cores, mark as the oracle does.
func TestMarkFCRParallelMatchesOracle(t *testing.T) {
	cs := fcrBenchContacts(3 * fcrParallelFrom)
	for i := range cs {
		if i%7 == 0 { // ties of time within histories
			cs[i].Arrived = cs[i-i%14].Arrived
			cs[i].Answered = cs[i].Arrived
		}
	}
	want, got := slices.Clone(cs), slices.Clone(cs)
	asOf := at(300 * 24 * time.Hour)
	if err := markFCRSorted(want, 7*24*time.Hour, asOf); err != nil {
		t.Fatal(err)
	}
	if err := MarkFCR(got, 7*24*time.Hour, asOf); err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if got[i].FCR != want[i].FCR {
			t.Fatalf("contact %d marked %v, oracle %v", i, got[i].FCR, want[i].FCR)
		}
	}
}

// Two histories whose hashes collide are told apart by their ids.
func TestMarkFCRCollision(t *testing.T) {
	cs := []Contact{
		handled("a1", "A", "r", 0, true), handled("b1", "B", "r", time.Minute, true),
		handled("a2", "A", "r", 2*time.Minute, true), handled("b2", "B", "r", 3*time.Hour, true),
		handled("a3", "A", "s", 4*time.Minute, true),
	}
	want := slices.Clone(cs)
	if err := markFCRSorted(want, time.Hour, time.Time{}); err != nil {
		t.Fatal(err)
	}
	// One hash for all, in order of time, as the sort leaves them.
	run := make([]fcrRecord, len(cs))
	for i, c := range cs {
		run[i] = fcrRecord{history: 1, sec: c.Arrived.Unix(), i: uint32(i)}
	}
	status := make([]FCRStatus, len(cs))
	for i := range cs {
		status[i] = firstStatus(&cs[i])
	}
	markHistory(contactHistories(cs), run, status, time.Hour)
	for i := range cs {
		if status[i] != want[i].FCR {
			t.Errorf("%s: %v, want %v", cs[i].ID, status[i], want[i].FCR)
		}
	}
	if want[2].FCR != FCRRepeat || want[1].FCR != FCRResolved || want[4].FCR != FCRResolved {
		t.Errorf("oracle: %v", marks(want))
	}
}

func FuzzMarkFCR(f *testing.F) {
	f.Add(uint64(1), uint8(20), int64(time.Hour), false)
	f.Add(uint64(7), uint8(3), int64(1), true)
	f.Fuzz(func(t *testing.T, seed uint64, n uint8, window int64, withAsOf bool) {
		if window <= 0 {
			window = -window%int64(1e15) + 1
		}
		rng := rand.New(rand.NewPCG(seed, 0))
		cs := fcrHistories(rng, int(n), time.Duration(window))
		var asOf time.Time
		if withAsOf {
			asOf = at(time.Duration(rng.Int64N(window)))
		}
		want, got := slices.Clone(cs), slices.Clone(cs)
		errWant := markFCRSorted(want, time.Duration(window), asOf)
		errGot := MarkFCR(got, time.Duration(window), asOf)
		if (errWant == nil) != (errGot == nil) {
			t.Fatalf("err %v, oracle %v", errGot, errWant)
		}
		for i := range got {
			if got[i].FCR != want[i].FCR {
				t.Fatalf("contact %d marked %v, oracle %v", i, got[i].FCR, want[i].FCR)
			}
		}
	})
}

// Issue 18: MarkFCR on 1M contacts with a 7-day window, next to the
// oracle (the implementation before it).
func fcrBenchContacts(n int) []Contact {
	rng := rand.New(rand.NewPCG(18, 4))
	customers := make([]string, max(n/10, 1))
	for i := range customers {
		customers[i] = fmt.Sprintf("CUST-%08d", i)
	}
	reasons := []string{"billing", "move", "outage", "upgrade", "cancel", ""}
	cs := make([]Contact, n)
	const year = 365 * 24 * time.Hour
	for i := range cs {
		a := at(time.Duration(rng.Int64N(int64(year))).Truncate(time.Second))
		// Each id its own string, as a reader returns them.
		cs[i] = Contact{ID: fmt.Sprintf("K%09d", i), CustomerID: strings.Clone(customers[rng.IntN(len(customers))]), Reason: reasons[rng.IntN(len(reasons))],
			Channel: Phone, Direction: Inbound, Outcome: Answered, Arrived: a, Answered: a.Add(30 * time.Second), Resolved: rng.IntN(3) > 0}
		if i%20 == 0 {
			cs[i].CustomerID = ""
		}
	}
	return cs
}

func benchmarkMarkFCR(b *testing.B, n int, mark func([]Contact, time.Duration, time.Time) error) {
	cs := fcrBenchContacts(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := mark(cs, 7*24*time.Hour, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/contact")
}

func BenchmarkMarkFCR1M(b *testing.B)       { benchmarkMarkFCR(b, 1_000_000, MarkFCR) }
func BenchmarkMarkFCROracle1M(b *testing.B) { benchmarkMarkFCR(b, 1_000_000, markFCRSorted) }
func BenchmarkMarkFCR10M(b *testing.B)      { benchmarkMarkFCR(b, 10_000_000, MarkFCR) }
