package churn

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The MRR of testdata/reference.py: x churns in April, y shrinks, churns
// and comes back, z is new in February, w has two lines in January.
func sampleRevenue() []Revenue {
	m := func(month int) time.Time { return time.Date(2025, time.Month(month), 10, 0, 0, 0, 0, time.UTC) }
	return []Revenue{
		{"x", m(1), dec("100")}, {"x", m(2), dec("120")}, {"x", m(3), dec("120")},
		{"y", m(1), dec("50")}, {"y", m(2), dec("30")}, {"y", m(4), dec("40")},
		{"z", m(2), dec("200")}, {"z", m(3), dec("150")}, {"z", m(4), dec("150.25")},
		{"w", m(1), dec("10.10")}, {"w", m(1), dec("5.05")}, {"w", m(2), dec("15.15")}, {"w", m(3), dec("20")}, {"w", m(4), dec("20")},
	}
}

// testdata/reference.py, "# revenue movements" and "# NRR and GRR".
func TestLedgerReference(t *testing.T) {
	l, err := LedgerOf(slices.Values(sampleRevenue()), Monthly)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := l.Movements(ts("2025-02-01"), ts("2025-04-30"))
	if err != nil {
		t.Fatal(err)
	}
	want := [][7]string{
		{"165.15", "200", "20", "20", "0", "0", "365.15"},
		{"365.15", "0", "4.85", "50", "30", "0", "290"},
		{"290", "0", "0.25", "0", "120", "40", "210.25"},
	}
	for i, m := range ms {
		got := [7]decimal.Decimal{m.Start, m.New, m.Expansion, m.Contraction, m.Churned, m.Resurrected, m.End}
		for j, g := range got {
			if !g.Equal(dec(want[i][j])) {
				t.Errorf("month %d field %d = %s, want %s", i+2, j, g, want[i][j])
			}
		}
	}
	if ms[2].ResurrectedCustomers != 1 || ms[2].ChurnedCustomers != 1 || ms[0].NewCustomers != 1 || ms[1].StartCustomers != 4 || ms[2].EndCustomers != 3 {
		t.Errorf("customer counts %+v", ms[2])
	}
	if q, ok := ms[1].QuickRatio(); !ok || !closeTo(q, 4.85/80, 1e-15) {
		t.Errorf("quick ratio %v %v", q, ok)
	}
	if _, ok := (Movement{}).QuickRatio(); ok {
		t.Error("quick ratio without losses ok")
	}
	if !l.Total(ts("2025-01-31T23:59")).Equal(dec("165.15")) {
		t.Errorf("January total %s", l.Total(ts("2025-01-31")))
	}
	for _, c := range []struct {
		current   string
		nrr, grr  float64
		customers int
		retained  int
	}{{"2025-04-01", 0.36330608537693004, 0.33393884347562824, 3, 2}, {"2025-02-01", 1.0, 0.8788979715410233, 3, 3}} {
		r, err := l.Retention(ts("2025-01-15"), ts(c.current))
		if err != nil {
			t.Fatal(err)
		}
		nrr, ok1 := r.Net()
		grr, ok2 := r.Gross()
		if !ok1 || !ok2 || nrr != c.nrr || grr != c.grr || r.Customers != c.customers || r.Retained != c.retained {
			t.Errorf("%s: NRR %v GRR %v %+v", c.current, nrr, grr, r)
		}
		if !r.Start.Add(r.Expansion).Sub(r.Contraction).Sub(r.Churned).Equal(r.Now) {
			t.Errorf("%s: bridge does not close: %+v", c.current, r)
		}
	}
	if _, err := l.Retention(ts("2025-02-01"), ts("2025-02-20")); !errors.Is(err, ErrPeriod) {
		t.Errorf("same period err = %v", err)
	}
	if r, _ := l.Retention(ts("2030-01-01"), ts("2030-02-01")); func() bool { _, ok := r.Net(); return ok }() {
		t.Error("NRR of an empty base ok")
	}
}

// Start + new + expansion − contraction − churned + resurrected = end,
// exactly, on random ledgers; merging shards in any order changes nothing.
func TestLedgerIdentity(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var all Ledger
	shards := [3]Ledger{}
	for range 2000 {
		row := Revenue{
			CustomerID: string(rune('A' + r.IntN(40))),
			At:         time.Date(2024, time.Month(1+r.IntN(18)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC),
			Amount:     decimal.New(r.Int64N(100000), -2),
		}
		if err := all.Add(row); err != nil {
			t.Fatal(err)
		}
		_ = shards[r.IntN(3)].Add(row)
	}
	ms, err := all.Movements(ts("2024-01-01"), ts("2025-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if !m.Start.Add(m.New).Add(m.Expansion).Sub(m.Contraction).Sub(m.Churned).Add(m.Resurrected).Equal(m.End) {
			t.Fatalf("period %d: identity fails: %+v", i, m)
		}
		if m.StartCustomers+m.NewCustomers-m.ChurnedCustomers+m.ResurrectedCustomers != m.EndCustomers {
			t.Fatalf("period %d: customer identity fails: %+v", i, m)
		}
		if i > 0 && !m.Start.Equal(ms[i-1].End) {
			t.Fatalf("period %d opens at %s, previous closed at %s", i, m.Start, ms[i-1].End)
		}
	}
	var merged Ledger
	for _, i := range []int{2, 0, 1} {
		if err := merged.Merge(&shards[i]); err != nil {
			t.Fatal(err)
		}
	}
	mm, _ := merged.Movements(ts("2024-01-01"), ts("2025-07-01"))
	for i := range ms {
		if !mm[i].End.Equal(ms[i].End) || !mm[i].Churned.Equal(ms[i].Churned) || mm[i].NewCustomers != ms[i].NewCustomers {
			t.Fatalf("merged ledger differs at %d", i)
		}
	}
}

func TestLedgerErrors(t *testing.T) {
	var l Ledger
	if err := l.Add(Revenue{At: ts("2025-01-01"), Amount: dec("1")}); !errors.Is(err, ErrID) {
		t.Errorf("empty id err = %v", err)
	}
	if err := l.Add(Revenue{CustomerID: "x", At: ts("2025-01-01"), Amount: dec("-1")}); !errors.Is(err, ErrAmount) || l.amounts != nil {
		t.Errorf("negative amount err = %v", err)
	}
	if _, err := LedgerOf(slices.Values([]Revenue{{CustomerID: "x", Amount: dec("-2")}}), Monthly); !errors.Is(err, ErrAmount) {
		t.Errorf("LedgerOf err = %v", err)
	}
	if _, err := NewLedger(Calendar{Months: 7}); !errors.Is(err, ErrCalendar) {
		t.Errorf("bad calendar err = %v", err)
	}
	q, _ := NewLedger(Quarterly)
	if err := l.Merge(q); !errors.Is(err, ErrCalendar) {
		t.Errorf("merge across calendars err = %v", err)
	}
	if _, err := l.Movements(ts("2025-02-01"), ts("2025-01-01")); !errors.Is(err, ErrPeriod) {
		t.Errorf("reversed err = %v", err)
	}
}

func TestRepurchase(t *testing.T) {
	p := func(id, at string) Purchase { return Purchase{CustomerID: id, At: ts(at)} }
	orders := []Purchase{
		p("a", "2024-02-01"), p("a", "2025-03-01"), // bought again
		p("b", "2024-05-01"), p("b", "2024-06-01"), // twice in the base, not again
		p("c", "2024-12-31T23:59"), p("c", "2025-01-01"), // again, across the boundary
		p("d", "2025-02-01"), // new in the window
	}
	y2024 := Period{From: ts("2024-01-01"), To: ts("2025-01-01")}
	y2025 := Period{From: ts("2025-01-01"), To: ts("2026-01-01")}
	r, err := RepurchaseOf(slices.Values(orders), y2024, y2025)
	if rate, ok := r.Rate(); err != nil || r != (Repurchase{Customers: 3, Again: 2}) || !ok || rate != 2.0/3 {
		t.Errorf("RepurchaseOf = %+v %v %v", r, rate, err)
	}
	rep, err := RepeatOf(slices.Values(orders), y2024)
	if err != nil || rep != (Repurchase{Customers: 3, Again: 1}) {
		t.Errorf("RepeatOf = %+v %v", rep, err)
	}
	if _, err := RepurchaseOf(slices.Values(orders), y2025, y2024); !errors.Is(err, ErrPeriod) {
		t.Errorf("window before base err = %v", err)
	}
	if _, err := RepeatOf(slices.Values(append(orders, Purchase{At: ts("2024-03-01")})), y2024); !errors.Is(err, ErrID) {
		t.Errorf("empty id err = %v", err)
	}
	if _, ok := (Repurchase{}).Rate(); ok {
		t.Error("rate without buyers ok")
	}
}

func BenchmarkLedgerAdd(b *testing.B) {
	var l Ledger
	at := ts("2025-01-15")
	amount := dec("49.90")
	ids := []string{"a", "b", "c", "d"}
	for i := 0; b.Loop(); i++ {
		if err := l.Add(Revenue{CustomerID: ids[i%4], At: at, Amount: amount}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLedgerEncoding(t *testing.T) {
	l, _ := LedgerOf(slices.Values(sampleRevenue()), Monthly)
	bin, err := l.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	var u, v Ledger
	if err := u.UnmarshalBinary(bin); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(js, &v); err != nil {
		t.Fatal(err)
	}
	want, _ := l.Movements(ts("2025-01-01"), ts("2025-05-01"))
	for _, w := range []*Ledger{&u, &v} {
		got, _ := w.Movements(ts("2025-01-01"), ts("2025-05-01"))
		for i := range want {
			if !got[i].End.Equal(want[i].End) || !got[i].Churned.Equal(want[i].Churned) || got[i].ResurrectedCustomers != want[i].ResurrectedCustomers {
				t.Fatalf("round trip changed period %d: %+v", i, got[i])
			}
		}
	}
	again, _ := u.MarshalBinary()
	if string(again) != string(bin) {
		t.Error("binary encoding not canonical")
	}
	for _, bad := range [][]byte{nil, {'L', 1}, bin[:len(bin)-1], append(slices.Clone(bin), 0), {'L', 1, 5, 3, 'U', 'T', 'C', 0}} {
		if err := u.UnmarshalBinary(bad); !errors.Is(err, ErrEncoding) || len(u.amounts) != 4 {
			t.Errorf("UnmarshalBinary(%v) err = %v", bad, err)
		}
	}
	for _, bad := range []string{`[1]`, `{"months":1,"location":"Nowhere/Land"}`, `{"months":1,"location":"UTC","revenue":[{"customer_id":"x","amount":"-1"}]}`} {
		if err := json.Unmarshal([]byte(bad), &v); !errors.Is(err, ErrEncoding) || len(v.amounts) != 4 {
			t.Errorf("UnmarshalJSON(%s) err = %v", bad, err)
		}
	}
}

func FuzzLedgerUnmarshalBinary(f *testing.F) {
	l, _ := LedgerOf(slices.Values(sampleRevenue()), Monthly)
	good, _ := l.MarshalBinary()
	f.Add(good)
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Ledger
		if err := u.UnmarshalBinary(data); err != nil {
			if u.amounts != nil {
				t.Fatal("failed decode changed the ledger")
			}
			return
		}
		again, _ := u.MarshalBinary()
		var v Ledger
		if err := v.UnmarshalBinary(again); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		for _, c := range u.entries() {
			if c.amount.IsNegative() || !v.amount(c.id, c.i).Equal(c.amount) {
				t.Fatalf("cell %+v: %s", c, v.amount(c.id, c.i))
			}
		}
	})
}
