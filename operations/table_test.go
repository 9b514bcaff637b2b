package operations

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/shopspring/decimal"
)

// sentinels are the errors a row check may return.
var sentinels = []error{ErrChannel, ErrDirection, ErrOutcome, ErrValueAdded, ErrFCR, ErrTime, ErrDuration, ErrAmount, ErrInconsistent, ErrTable}

// sentinelOf returns the sentinel err wraps, nil for nil.
func sentinelOf(err error) error {
	if err == nil {
		return nil
	}
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return s
		}
	}
	return err
}

// tableFrom makes a table of rows drawn from data (read cyclically), with
// values near every rule of Contact.Validate.
func tableFrom(data []byte, rows int) *Table {
	k := 0
	b := func() byte {
		if len(data) == 0 {
			return 0
		}
		v := data[k%len(data)]
		k++
		return v
	}
	pick := func(vs ...int64) int64 { return vs[int(b())%len(vs)] }
	t := &Table{
		Customers: []string{"", "ana", "bob", "ana"},
		Reasons:   []string{"", "billing", "password", "billing"},
		Agents:    []string{"", "a1", "a2"},
		Queues:    []string{"", "q"},
		CostExp:   int32(pick(-2, -2, 0, -3, 3, -70, 50)),
	}
	const s = int64(time.Second)
	base := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC).UnixNano()
	for i := range rows {
		t.IDs = append(t.IDs, fmt.Sprintf("k%d", i%7))
		t.Customer = append(t.Customer, uint32(b()%4))
		t.Reason = append(t.Reason, uint32(b()%4))
		t.Agent = append(t.Agent, uint32(b()%3))
		t.Queue = append(t.Queue, uint32(b()%2))
		t.Channel = append(t.Channel, Channel(b()%uint8(numChannels+2)))
		t.Direction = append(t.Direction, Direction(pick(1, 1, 1, 2, 0, 3)))
		t.Outcome = append(t.Outcome, Outcome(pick(1, 1, 1, 2, 2, 3, 4, 5, 6, 0, 7)))
		t.Value = append(t.Value, ValueAdded(b()%4))
		t.FCR = append(t.FCR, FCRStatus(pick(0, 0, 0, 1, 2, 3, 4)))
		t.Resolved = append(t.Resolved, b()%2 == 0)
		t.Complaint = append(t.Complaint, b()%5 == 0)
		t.Arrived = append(t.Arrived, pick(base, base+int64(b())*600*s, base+int64(b())*86400*s, base+int64(b())*s+int64(b())*1e7, math.MaxInt64, math.MinInt64, 0))
		w := pick(-1, -1, 0, 5*s, int64(b())*s, int64(b())*s+int64(b()), 40*s, 3600*s, -2, -s, math.MaxInt64)
		t.Wait = append(t.Wait, w)
		t.Elapsed = append(t.Elapsed, pick(-1, -1, w, w-1, w+int64(b())*s, int64(b())*s, 0, -3, math.MaxInt64))
		t.Talk = append(t.Talk, pick(0, 0, int64(b())*s, 300*s, -1, math.MaxInt64))
		t.Hold = append(t.Hold, pick(0, 0, 0, int64(b())*s, -s))
		t.Wrap = append(t.Wrap, pick(0, 0, 30*s, int64(b())*s, -1))
		t.Cost = append(t.Cost, pick(-1, 0, 55, 340, int64(b())*7, -5, math.MaxInt64, -1, 1))
	}
	return t
}

// valid returns the valid rows of t in a table of their own, its
// dictionaries shared.
func valid(t *Table) *Table {
	u := &Table{Customers: t.Customers, Reasons: t.Reasons, Agents: t.Agents, Queues: t.Queues, CostExp: t.CostExp}
	for i := range t.Len() {
		if t.checkRow(i, false) != nil {
			continue
		}
		r := t.at(i)
		u.IDs = append(u.IDs, t.IDs[i])
		u.Customer = append(u.Customer, t.Customer[i])
		u.Reason = append(u.Reason, t.Reason[i])
		u.Agent = append(u.Agent, t.Agent[i])
		u.Queue = append(u.Queue, t.Queue[i])
		_ = u.appendRecord(&r, r.cost, u.CostExp, t.IDs[i])
	}
	return u
}

// checkRows compares the row check of every row of t with
// Contact.Validate on the row's Contact: the same sentinel from fault,
// the same message from checkRow.
func checkRows(t testing.TB, tb *Table) {
	t.Helper()
	for i := range tb.Len() {
		c := tb.Contact(i)
		want := c.Validate()
		r := tb.at(i)
		if got := r.fault(tb.CostExp); sentinelOf(want) != got {
			t.Fatalf("row %d %+v: fault %v, Validate %v", i, r, got, want)
		}
		got := tb.checkRow(i, false)
		switch {
		case want == nil && got != nil, want != nil && got == nil:
			t.Fatalf("row %d: checkRow %v, Validate %v", i, got, want)
		case want != nil && got.Error() != group.At("record", i, want).Error():
			t.Fatalf("row %d: checkRow %q, Validate %q", i, got, want)
		}
	}
}

func TestTableRowCheck(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 3))
	invalid := map[error]int{}
	for range 200 {
		data := make([]byte, 64)
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		tb := tableFrom(data, 50)
		checkRows(t, tb)
		for i := range tb.Len() {
			c := tb.Contact(i)
			invalid[sentinelOf(c.Validate())]++
		}
	}
	// Every sentinel of Validate, and valid rows, are seen.
	for _, s := range []error{nil, ErrChannel, ErrDirection, ErrOutcome, ErrValueAdded, ErrFCR, ErrTime, ErrDuration, ErrAmount, ErrInconsistent} {
		if invalid[s] == 0 {
			t.Errorf("no row with %v", s)
		}
	}
}

func TestTableShape(t *testing.T) {
	tb := tableFrom([]byte{1, 2, 3}, 3)
	tb.Wait = tb.Wait[:2]
	if err := tb.Validate(); !errors.Is(err, ErrTable) {
		t.Errorf("ragged: %v", err)
	}
	if _, err := TallyTable(tb); !errors.Is(err, ErrTable) {
		t.Errorf("ragged TallyTable: %v", err)
	}
	data := make([]byte, 256)
	for i := range data {
		data[i] = byte(i * 37)
	}
	tb = valid(tableFrom(data, 200))
	if tb.Len() == 0 {
		t.Fatal("no valid row")
	}
	tb.Agent[tb.Len()-1] = 3
	err := tb.Validate()
	if !errors.Is(err, ErrTable) || err.Error() != fmt.Sprintf(`operations: record %d: malformed table: contact %q: agent 3 out of a dictionary of 3`, tb.Len()-1, tb.IDs[tb.Len()-1]) {
		t.Errorf("index out of range: %v", err)
	}
	if _, err := TallyTable(tb); !errors.Is(err, ErrTable) {
		t.Errorf("TallyTable: %v", err)
	}
	if got := tb.Contact(tb.Len() - 1).Agent; got != "" {
		t.Errorf("agent out of range reads %q", got)
	}
	tb.Agent[tb.Len()-1] = 1
	if _, err := TallyTableBy(tb, tb.Agent[1:], 3); !errors.Is(err, ErrTable) {
		t.Errorf("short groups: %v", err)
	}
	if _, err := TallyTableBy(tb, tb.Agent, 2); !errors.Is(err, ErrTable) && slices.Contains(tb.Agent, 2) {
		t.Errorf("group past nGroups: %v", err)
	}
	if _, err := TallyTableBy(tb, tb.Agent, maxTableGroups+1); !errors.Is(err, ErrTable) {
		t.Errorf("too many groups: %v", err)
	}
}

// contactsEqual reports whether a and b are the same contact: equal
// times as instants and equal costs as numbers.
func contactsEqual(a, b Contact) bool {
	if a.Cost.Valid != b.Cost.Valid || a.Cost.Valid && !a.Cost.Decimal.Equal(b.Cost.Decimal) {
		return false
	}
	if !a.Arrived.Equal(b.Arrived) || !a.Answered.Equal(b.Answered) || !a.Ended.Equal(b.Ended) {
		return false
	}
	a.Cost = b.Cost
	a.Arrived, a.Answered, a.Ended = b.Arrived, b.Answered, b.Ended
	return a == b
}

func TestTableAppendRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 4))
	for range 100 {
		data := make([]byte, 64)
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		src := valid(tableFrom(data, 60))
		var tb Table
		var want []Contact
		for c := range src.All() {
			before := cloneTable(&tb)
			err := tb.Append(c)
			if err != nil {
				if !errors.Is(err, ErrAmount) && !errors.Is(err, ErrTime) {
					t.Fatalf("Append %+v: %v", c, err)
				}
				if !reflect.DeepEqual(before, cloneTable(&tb)) {
					t.Fatalf("a rejected Append changed the table: %v", err)
				}
				continue
			}
			want = append(want, c)
		}
		if err := tb.Validate(); err != nil {
			t.Fatal(err)
		}
		if tb.Len() != len(want) {
			t.Fatalf("%d rows, %d appended", tb.Len(), len(want))
		}
		for i, c := range want {
			if got := tb.Contact(i); !contactsEqual(got, c) {
				t.Fatalf("row %d: %+v, appended %+v", i, got, c)
			}
		}
		for _, d := range [][]string{tb.Customers, tb.Reasons, tb.Agents, tb.Queues} {
			if len(d) > 0 && d[0] != "" || len(slices.Compact(slices.Sorted(slices.Values(d)))) != len(d) {
				t.Fatalf("dictionary %q", d)
			}
		}
	}
}

// cloneTable copies the columns of t, its index left out.
func cloneTable(t *Table) Table {
	u := Table{CostExp: t.CostExp}
	u.IDs, u.Customer, u.Reason, u.Agent, u.Queue = slices.Clone(t.IDs), slices.Clone(t.Customer), slices.Clone(t.Reason), slices.Clone(t.Agent), slices.Clone(t.Queue)
	u.Customers, u.Reasons, u.Agents, u.Queues = slices.Clone(t.Customers), slices.Clone(t.Reasons), slices.Clone(t.Agents), slices.Clone(t.Queues)
	u.Channel, u.Direction, u.Outcome, u.Value, u.FCR = slices.Clone(t.Channel), slices.Clone(t.Direction), slices.Clone(t.Outcome), slices.Clone(t.Value), slices.Clone(t.FCR)
	u.Arrived, u.Wait, u.Elapsed, u.Talk, u.Hold, u.Wrap = slices.Clone(t.Arrived), slices.Clone(t.Wait), slices.Clone(t.Elapsed), slices.Clone(t.Talk), slices.Clone(t.Hold), slices.Clone(t.Wrap)
	u.Resolved, u.Complaint, u.Cost = slices.Clone(t.Resolved), slices.Clone(t.Complaint), slices.Clone(t.Cost)
	return u
}

func TestTableAppendRejects(t *testing.T) {
	monday := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	c := Contact{ID: "c1", Channel: Phone, Direction: Inbound, Outcome: Abandoned, Arrived: monday}
	var tb Table
	cost := func(s string) Contact {
		d := c
		d.Cost = decimal.NewNullDecimal(decimal.RequireFromString(s))
		return d
	}
	if err := tb.Append(cost("92233720368547758.07")); err != nil { // MaxInt64 cents
		t.Fatal(err)
	}
	for _, tc := range []struct {
		c    Contact
		want error
	}{
		{cost("0.001"), ErrAmount},                // the first cost no longer fits in mills
		{cost("92233720368547758.08"), ErrAmount}, // past MaxInt64 cents
		{cost("1e30"), ErrAmount},
		{Contact{ID: "old", Channel: Phone, Direction: Inbound, Outcome: Abandoned, Arrived: time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)}, ErrTime},
		{Contact{ID: "late", Channel: Phone, Direction: Inbound, Outcome: Abandoned, Arrived: time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC)}, ErrTime},
		{Contact{ID: "bad", Channel: Phone, Direction: Inbound, Outcome: Abandoned, Arrived: monday, Talk: time.Second}, ErrInconsistent},
	} {
		before := cloneTable(&tb)
		if err := tb.Append(tc.c); !errors.Is(err, tc.want) {
			t.Errorf("Append %+v: %v, want %v", tc.c, err, tc.want)
		}
		if !reflect.DeepEqual(before, cloneTable(&tb)) {
			t.Errorf("a rejected Append changed the table")
		}
	}
	// Costs at other exponents are rescaled.
	tb = Table{}
	for _, s := range []string{"5", "0.55", "0", "1e2", "0.000"} {
		if err := tb.Append(cost(s)); err != nil {
			t.Fatal(err)
		}
	}
	if tb.CostExp != -2 || !slices.Equal(tb.Cost, []int64{500, 55, 0, 10000, 0}) {
		t.Errorf("costs %v at 10^%d", tb.Cost, tb.CostExp)
	}
}

// tallyEncoding returns the binary encoding of a tally, "error: …" for
// an error.
func tallyEncoding(t *Tally, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	b, err := t.MarshalBinary()
	if err != nil {
		return "marshal: " + err.Error()
	}
	return string(b)
}

// checkTallyTable compares TallyTable and TallyTableBy by agent with
// TallyOf and TallyBy over t.All(): byte-identical encodings, or the
// same error.
func checkTallyTable(t testing.TB, tb *Table) {
	t.Helper()
	got, want := tallyEncoding(TallyTable(tb)), tallyEncoding(TallyOf(tb.All()))
	if got != want {
		t.Fatalf("TallyTable %q\nTallyOf    %q", got, want)
	}
	by, err := TallyTableBy(tb, tb.Agent, len(tb.Agents))
	// TallyBy keyed by the row's agent index: the rows come in order.
	i := 0
	oracle, oerr := TallyBy(tb.All(), func(Contact) uint32 { i++; return tb.Agent[i-1] })
	if (err == nil) != (oerr == nil) || err != nil && err.Error() != oerr.Error() {
		t.Fatalf("TallyTableBy %v, TallyBy %v", err, oerr)
	}
	if err != nil {
		return
	}
	for g := range by {
		w, ok := oracle[uint32(g)]
		if !ok {
			w = new(Tally)
		}
		if a, b := tallyEncoding(&by[g], nil), tallyEncoding(w, nil); a != b {
			t.Fatalf("group %d: TallyTableBy %q\nTallyBy %q", g, a, b)
		}
	}
	if n := len(slices.Collect(maps.Keys(oracle))); n > len(by) {
		t.Fatalf("%d groups, TallyBy %d", len(by), n)
	}
}

func TestTallyTableOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 5))
	for k := range 300 {
		data := make([]byte, 96)
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		tb := tableFrom(data, 80)
		if k%3 != 0 {
			tb = valid(tb)
		}
		checkTallyTable(t, tb)
	}
}

func FuzzTallyTable(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, uint8(20))
	f.Add([]byte{0}, uint8(1))
	f.Add([]byte("answered abandoned deflected"), uint8(60))
	f.Fuzz(func(t *testing.T, data []byte, rows uint8) {
		tb := tableFrom(data, int(rows))
		checkRows(t, tb)
		checkTallyTable(t, tb)
		checkTallyTable(t, valid(tb))
	})
}
