package operations

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// checkMarkFCRTable compares MarkFCRTable on tb with MarkFCR on its
// contacts: the same statuses, or the same error and nothing changed.
func checkMarkFCRTable(t testing.TB, tb *Table, window time.Duration, asOf time.Time) {
	t.Helper()
	cs := slices.Collect(tb.All())
	before := slices.Clone(tb.FCR)
	errWant := MarkFCR(cs, window, asOf)
	err := MarkFCRTable(tb, window, asOf)
	if fmt.Sprint(err) != fmt.Sprint(errWant) {
		t.Fatalf("MarkFCRTable %v, MarkFCR %v", err, errWant)
	}
	if err != nil {
		if !slices.Equal(before, tb.FCR) {
			t.Fatal("a failed MarkFCRTable changed the table")
		}
		return
	}
	for i := range cs {
		if tb.FCR[i] != cs[i].FCR {
			t.Fatalf("row %d (%s) marked %v, MarkFCR %v", i, tb.IDs[i], tb.FCR[i], cs[i].FCR)
		}
	}
}

// tableOf appends cs to a table, leaving out those it cannot hold.
func tableOf(cs []Contact) *Table {
	var tb Table
	for _, c := range cs {
		_ = tb.Append(c)
	}
	return &tb
}

func TestMarkFCRTableOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 6))
	for k := range 300 {
		window := time.Duration(1 + rng.Int64N(int64(48*time.Hour)))
		var asOf time.Time
		if k%2 == 0 {
			asOf = at(time.Duration(rng.Int64N(int64(10 * window))))
		}
		checkMarkFCRTable(t, tableOf(fcrHistories(rng, 1+rng.IntN(60), window)), window, asOf)
		data := make([]byte, 64)
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		tb := tableFrom(data, 60) // customer "ana" at two indices
		if k%3 != 0 {
			tb = valid(tb)
		}
		checkMarkFCRTable(t, tb, window, asOf)
	}
	// On two cores.
	tb := tableOf(fcrBenchContacts(2 * fcrParallelFrom))
	checkMarkFCRTable(t, tb, 7*24*time.Hour, time.Time{})
	checkMarkFCRTable(t, tb, 0, time.Time{})
}

func FuzzMarkFCRTable(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, uint8(40), int64(time.Hour), false)
	f.Add([]byte{0, 0, 0}, uint8(3), int64(1), true)
	f.Fuzz(func(t *testing.T, data []byte, rows uint8, window int64, withAsOf bool) {
		var asOf time.Time
		if withAsOf {
			asOf = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC).Add(time.Duration(window))
		}
		tb := tableFrom(data, int(rows))
		checkMarkFCRTable(t, tb, time.Duration(window), asOf)
		checkMarkFCRTable(t, valid(tb), time.Duration(window), asOf)
	})
}

func BenchmarkMarkFCRTable1M(b *testing.B) {
	tb := tableOf(fcrBenchContacts(1_000_000))
	cs := slices.Collect(tb.All())
	b.Run("MarkFCR", func(b *testing.B) {
		for b.Loop() {
			if err := MarkFCR(cs, 7*24*time.Hour, time.Time{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("MarkFCRTable", func(b *testing.B) {
		for b.Loop() {
			if err := MarkFCRTable(tb, 7*24*time.Hour, time.Time{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Equal strings under two indices of a dictionary are one customer or
// reason.
func TestMarkFCRTableDuplicateWords(t *testing.T) {
	monday := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var tb Table
	for i := range 4 {
		c := Contact{ID: fmt.Sprint("c", i), CustomerID: "ana", Reason: "billing", Channel: Phone, Direction: Inbound,
			Outcome: Answered, Arrived: monday.Add(time.Duration(i) * time.Hour), Resolved: true}
		c.Answered = c.Arrived
		if err := tb.Append(c); err != nil {
			t.Fatal(err)
		}
	}
	tb.Customers = append(tb.Customers, "ana")
	tb.Reasons = append(tb.Reasons, "billing")
	tb.Customer[1], tb.Reason[2] = 2, 2
	checkMarkFCRTable(t, &tb, 2*time.Hour, time.Time{})
	if want := []FCRStatus{FCRUnresolved, FCRRepeat, FCRRepeat, FCRRepeat}; !slices.Equal(tb.FCR, want) {
		t.Errorf("marked %v, want %v", tb.FCR, want)
	}
}
