package operations

import (
	"errors"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func marks(cs []Contact) map[string]FCRStatus {
	m := make(map[string]FCRStatus, len(cs))
	for _, c := range cs {
		m[c.ID] = c.FCR
	}
	return m
}

func handled(id, customer, reason string, arrived time.Duration, resolved bool) Contact {
	return Contact{ID: id, CustomerID: customer, Reason: reason, Channel: Phone, Direction: Inbound, Outcome: Answered,
		Arrived: at(arrived), Answered: at(arrived), Resolved: resolved}
}

func TestMarkFCR(t *testing.T) {
	const day = 24 * time.Hour
	cs := []Contact{
		handled("a1", "A", "bill", 0, true),
		handled("a2", "A", "bill", 7*day, true),              // exactly the window after a1: a repeat
		handled("a3", "A", "bill", 14*day+time.Second, true), // just past the window after a2: a new issue
		handled("a4", "A", "move", 1*day, true),              // another reason: its own issue
		handled("b1", "B", "bill", 2*day, false),             // first, not resolved
		handled("b2", "B", "bill", 3*day, true),              // repeat (the chain is b1 → b2 → b3)
		handled("b3", "B", "bill", 9*day, true),              // 6 days after b2: a repeat too
		handled("x1", "", "bill", 0, true),                   // anonymous: never linked
		handled("x2", "", "bill", time.Hour, true),
		handled("u1", "U", "bill", 15*day, false), // not resolved, but opened within the window before asOf
		{ID: "n1", CustomerID: "A", Reason: "bill", Channel: Phone, Direction: Inbound, Outcome: Abandoned, Arrived: at(day), FCR: FCRUnknown},
	}
	want := map[string]FCRStatus{"a1": FCRUnresolved, "a2": FCRRepeat, "a3": FCRResolved, "a4": FCRResolved,
		"b1": FCRUnresolved, "b2": FCRRepeat, "b3": FCRRepeat, "x1": FCRResolved, "x2": FCRResolved, "n1": FCRUnknown, "u1": FCRUnresolved}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20 { // the input order does not matter
		shuffled := slices.Clone(cs)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		shuffled[0].FCR = FCRRepeat * FCRStatus(boolInt(shuffled[0].Outcome.Handled())) // stale marks are overwritten
		if err := MarkFCR(shuffled, 7*day, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if got := marks(shuffled); !maps.Equal(got, want) {
			t.Fatalf("marks %v\nwant %v", got, want)
		}
	}
	// As of day 16, a3 (day 14) is still open; b1 (day 2) is judged.
	asOf := slices.Clone(cs)
	if err := MarkFCR(asOf, 7*day, at(16*day)); err != nil {
		t.Fatal(err)
	}
	if m := marks(asOf); m["a3"] != FCRUnknown || m["u1"] != FCRUnknown || m["b1"] != FCRUnresolved || m["b3"] != FCRRepeat || m["a4"] != FCRResolved {
		t.Errorf("as of day 16: %v", m)
	}
	u := tallyOf(t, func() []Contact { c := slices.Clone(cs); _ = MarkFCR(c, 7*day, time.Time{}); return c }())
	if r, ok := u.FCR(); !ok || r != 4.0/7 || u.Issues() != 7 {
		t.Errorf("FCR %v of %d issues", r, u.Issues())
	}
}

// Simultaneous contacts of one customer are ordered by ID.
func TestMarkFCRTies(t *testing.T) {
	cs := []Contact{handled("z", "A", "r", 0, true), handled("y", "A", "r", 0, true)}
	if err := MarkFCR(cs, time.Hour, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if cs[0].FCR != FCRRepeat || cs[1].FCR != FCRUnresolved {
		t.Errorf("ties: %v", marks(cs))
	}
}

func TestMarkFCRErrors(t *testing.T) {
	cs := []Contact{handled("ok", "A", "r", 0, true), {ID: "bad", Channel: Phone, Direction: Inbound, Outcome: Answered, Arrived: t0}}
	cs[0].FCR = FCRRepeat
	err := MarkFCR(cs, time.Hour, time.Time{})
	if !errors.Is(err, ErrTime) || err.Error() != `operations: record 1: invalid time: contact "bad": answered contact without an answer time` {
		t.Errorf("err = %v", err)
	}
	if cs[0].FCR != FCRRepeat {
		t.Error("a failed MarkFCR changed a contact")
	}
	if err := MarkFCR(cs[:1], 0, time.Time{}); !errors.Is(err, ErrDuration) || err.Error() != "operations: invalid duration: MarkFCR window 0s is not positive" {
		t.Errorf("window 0: %v", err)
	}
}

// Contacts more than 292 years apart are not within the longest window,
// though time.Time.Sub clips their distance to it.
func TestMarkFCRFarApart(t *testing.T) {
	const year = 365 * 24 * time.Hour
	cs := []Contact{handled("a", "A", "r", 0, true), handled("b", "A", "r", 0, true)}
	cs[1].Arrived = t0.Add(200 * year).Add(100 * year)
	cs[1].Answered = cs[1].Arrived
	if err := MarkFCR(cs, math.MaxInt64, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if cs[1].FCR != FCRResolved || cs[0].FCR != FCRResolved {
		t.Errorf("300 years apart: %v", marks(cs))
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func BenchmarkMarkFCR(b *testing.B) {
	cs := randomContacts(rand.New(rand.NewPCG(1, 1)), 10000)
	for b.Loop() {
		_ = MarkFCR(cs, 7*24*time.Hour, time.Time{})
	}
}
