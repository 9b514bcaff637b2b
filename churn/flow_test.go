package churn

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

func ts(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	layout := "2006-01-02"
	if len(s) > 10 {
		layout = "2006-01-02T15:04"
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// The customers of testdata/reference.py, with every boundary case of
// January 2025: lost exactly at From (b), acquired exactly at From (d)
// and at To (f), lost exactly at To (h), acquired and lost in the month
// (e) or at one instant (k).
func sample() []Customer {
	rows := [][4]string{
		{"a", "2024-06-01", "", ""},
		{"b", "2024-03-15", "2025-01-01", ""},
		{"c", "2024-11-20", "2025-01-20", "2025-01-15"},
		{"d", "2025-01-01", "", ""},
		{"e", "2025-01-10", "2025-01-25", ""},
		{"f", "2025-02-01", "", ""},
		{"g", "2024-01-01", "2024-12-31", ""},
		{"h", "2024-09-01", "2025-02-01", "2025-01-31"},
		{"i", "2024-12-01", "2025-03-01", "2025-02-15"},
		{"j", "2025-01-31T12:00", "", ""},
		{"k", "2025-01-05", "2025-01-05", ""},
	}
	cs := make([]Customer, len(rows))
	for i, r := range rows {
		cs[i] = Customer{ID: r[0], Start: ts(r[1]), End: ts(r[2]), ContractEnd: ts(r[3])}
	}
	return cs
}

var january = Period{From: ts("2025-01-01"), To: ts("2025-02-01")}

// Counts and rates from testdata/reference.py, "# flow January 2025".
func TestFlowReference(t *testing.T) {
	f, err := FlowOf(sample(), january)
	if err != nil {
		t.Fatal(err)
	}
	got := [...]int{f.Start(), f.Acquired(), f.Lost(), f.LostAcquired(), f.End(), f.Renewing(), f.RenewingLost(), f.LostFromStart()}
	if got != [...]int{5, 4, 4, 2, 5, 2, 1, 2} || f.ExposureDays() != 158.5 {
		t.Fatalf("counts %v exposure %v", got, f.ExposureDays())
	}
	for _, r := range []struct {
		name string
		fn   func() (float64, bool)
		want float64
	}{
		{"churn", f.Churn, 0.8}, {"retention", f.Retention, 0.2}, {"base churn", f.BaseChurn, 0.4},
		{"base retention", f.BaseRetention, 0.6}, {"average churn", f.AverageChurn, 0.8},
		{"daily churn", f.DailyChurn, 0.025236593059936908}, {"renewal churn", f.RenewalChurn, 0.5}, {"growth", f.Growth, 0},
	} {
		if v, ok := r.fn(); !ok || v != r.want {
			t.Errorf("%s = %v, %v; want %v", r.name, v, ok, r.want)
		}
	}
}

func TestFlowEmptyAndErrors(t *testing.T) {
	f, _ := NewFlow(january)
	for _, fn := range []func() (float64, bool){f.Churn, f.Retention, f.BaseChurn, f.BaseRetention, f.AverageChurn, f.DailyChurn, f.RenewalChurn, f.Growth} {
		if _, ok := fn(); ok {
			t.Error("rate of an empty flow is ok")
		}
	}
	var zero Flow
	if err := zero.Add(sample()[0]); !errors.Is(err, ErrPeriod) {
		t.Errorf("zero flow Add err = %v", err)
	}
	before := *f
	if err := f.Add(Customer{ID: "x", Start: ts("2025-01-10"), End: ts("2025-01-09")}); !errors.Is(err, ErrEndBeforeStart) || *f != before {
		t.Errorf("end before start: %v", err)
	}
	if _, err := NewFlow(Period{From: january.From, To: january.From}); !errors.Is(err, ErrPeriod) {
		t.Errorf("zero-length period err = %v", err)
	}
	if _, err := NewFlow(Period{From: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), To: january.To}); !errors.Is(err, ErrPeriod) {
		t.Errorf("2000-year period err = %v", err)
	}
	dup := append(sample(), Customer{ID: "c", Start: ts("2024-01-01")})
	if _, err := FlowOf(dup, january); !errors.Is(err, ErrDuplicateID) || !strings.Contains(err.Error(), `"c"`) {
		t.Errorf("duplicate err = %v", err)
	}
	g, _ := NewFlow(Period{From: january.From, To: january.To.Add(time.Hour)})
	if err := f.Merge(g); !errors.Is(err, ErrPeriod) {
		t.Errorf("merge across periods err = %v", err)
	}
}

// FlowBy stops at the first bad customer: a repeated id is named with
// both positions, an invalid customer by its position; the key is not
// asked about a repeated customer.
func TestFlowByErrors(t *testing.T) {
	keyed := 0
	key := func(Customer) int { keyed++; return 0 }
	seq := []Customer{{ID: "a", Start: ts("2024-01-01")}, {ID: "b", Start: ts("2024-01-02")}, {ID: "a", Start: ts("2024-01-03")}, {ID: ""}}
	_, err := FlowBy(slices.Values(seq), january, key)
	if !errors.Is(err, ErrDuplicateID) || err.Error() != `customer "a": churn: duplicate customer id (positions 0 and 2)` || keyed != 2 {
		t.Errorf("duplicate: %v (key called %d times)", err, keyed)
	}
	seq[2].ID = "c"
	_, err = FlowBy(slices.Values(seq), january, key)
	if !errors.Is(err, ErrID) || err.Error() != "customer 3: "+ErrID.Error() {
		t.Errorf("invalid: %v", err)
	}
}

// Splitting customers into groups and merging gives the one flow, in any
// order; FlowBy groups the same way.
func TestFlowMergeAndBy(t *testing.T) {
	all, _ := FlowOf(sample(), january)
	by, err := FlowBy(slices.Values(sample()), january, func(c Customer) bool { return c.ID < "e" })
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range [][2]bool{{true, false}, {false, true}} {
		m, _ := NewFlow(january)
		for _, k := range order {
			if err := m.Merge(by[k]); err != nil {
				t.Fatal(err)
			}
		}
		if *m != *all {
			t.Errorf("merged %+v, want %+v", m, all)
		}
	}
}

// Consecutive flows chain: each closing base is the next opening base.
func TestFlowSeries(t *testing.T) {
	flows, err := FlowSeries(sample(), Monthly, ts("2024-11-15"), ts("2025-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(flows) != 5 || !flows[2].Period().Equal(january) {
		t.Fatalf("%d flows", len(flows))
	}
	for i := 1; i < len(flows); i++ {
		if flows[i].Start() != flows[i-1].End() {
			t.Errorf("period %d opens with %d, previous closed with %d", i, flows[i].Start(), flows[i-1].End())
		}
	}
	if _, err := FlowSeries(sample(), Monthly, ts("2025-03-01"), ts("2025-01-01")); !errors.Is(err, ErrPeriod) {
		t.Errorf("reversed err = %v", err)
	}
	if _, err := FlowSeries(sample(), Calendar{Months: 5}, ts("2025-01-01"), ts("2025-03-01")); !errors.Is(err, ErrCalendar) {
		t.Errorf("5-month calendar err = %v", err)
	}
}

func TestFlowEncoding(t *testing.T) {
	f, _ := FlowOf(sample(), january)
	bin, _ := f.MarshalBinary()
	js, _ := json.Marshal(f)
	var u, v Flow
	if err := u.UnmarshalBinary(bin); err != nil || u != *f {
		t.Fatalf("binary round trip: %v", err)
	}
	if err := json.Unmarshal(js, &v); err != nil || !v.period.Equal(f.period) || v.counts() != f.counts() || v.exposure != f.exposure {
		t.Fatalf("JSON round trip %s: %v", js, err)
	}
	for _, bad := range []string{
		`{"period":{"from":"2025-01-01T00:00:00Z","to":"2025-01-01T00:00:00Z"},"exposure_ns":"0"}`,
		`{"period":{"from":"2025-01-01T00:00:00Z","to":"2025-02-01T00:00:00Z"},"start":1,"lost":2,"exposure_ns":"0"}`,
		`{"period":{"from":"2025-01-01T00:00:00Z","to":"2025-02-01T00:00:00Z"},"start":1,"renewing":2,"exposure_ns":"0"}`,
		`{"period":{"from":"2025-01-01T00:00:00Z","to":"2025-02-01T00:00:00Z"},"start":1,"exposure_ns":"1e9"}`,
		`{"period":{"from":"2025-01-01T00:00:00Z","to":"2025-02-01T00:00:00Z"},"start":1,"exposure_ns":"2678400000000001"}`,
	} {
		if err := json.Unmarshal([]byte(bad), &v); !errors.Is(err, ErrEncoding) || v.counts() != f.counts() {
			t.Errorf("UnmarshalJSON(%s) err = %v", bad, err)
		}
	}
	for _, bad := range [][]byte{nil, {'F', 1}, bin[:len(bin)-1], append(bin, 0), {'S', 1}} {
		if err := u.UnmarshalBinary(bad); !errors.Is(err, ErrEncoding) || u != *f {
			t.Errorf("UnmarshalBinary(%v) err = %v", bad, err)
		}
	}
}

func FuzzFlowUnmarshalBinary(f *testing.F) {
	fl, _ := FlowOf(sample(), january)
	good, _ := fl.MarshalBinary()
	f.Add(good)
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Flow
		if err := u.UnmarshalBinary(data); err != nil {
			if u != (Flow{}) {
				t.Fatal("failed decode changed the flow")
			}
			return
		}
		if u.End() < 0 || u.LostFromStart() < 0 || u.LostFromStart() > u.Start() {
			t.Fatalf("inconsistent decoded flow %+v", u)
		}
		for _, fn := range []func() (float64, bool){u.BaseChurn, u.BaseRetention, u.RenewalChurn} {
			if v, ok := fn(); ok && !(v >= 0 && v <= 1) {
				t.Fatalf("rate %v out of [0, 1]", v)
			}
		}
	})
}

// Any customer either validates or is rejected with a sentinel, and a
// valid one keeps every flow identity.
func FuzzFlowAdd(f *testing.F) {
	f.Add("a", int64(0), int64(86400), int64(3600), int64(-5))
	f.Fuzz(func(t *testing.T, id string, start, end, contract, _ int64) {
		base := january.From.Add(-40 * 24 * time.Hour)
		c := Customer{ID: id, Start: base.Add(time.Duration(start) * time.Second)}
		if end != 0 {
			c.End = base.Add(time.Duration(end) * time.Second)
		}
		if contract != 0 {
			c.ContractEnd = base.Add(time.Duration(contract) * time.Second)
		}
		fl, _ := NewFlow(january)
		if err := fl.Add(c); err != nil {
			if !errors.Is(err, ErrID) && !errors.Is(err, ErrEndBeforeStart) && !errors.Is(err, ErrContractBeforeStart) {
				t.Fatalf("%+v: %v", c, err)
			}
			return
		}
		if err := Validate([]Customer{c}); err != nil {
			t.Fatalf("Add accepted what Validate rejects: %v", err)
		}
		if fl.Start()+fl.Acquired() > 1 || fl.End() < 0 || fl.End() > 1 || fl.ExposureDays() > 31 ||
			(fl.End() == 1) != (c.Start.Before(january.To) && (c.End.IsZero() || !c.End.Before(january.To))) {
			t.Fatalf("%+v: flow %+v", c, fl)
		}
	})
}

func TestValidate(t *testing.T) {
	t0 := ts("2025-01-01")
	for _, c := range []struct {
		cs   []Customer
		want error
	}{
		{[]Customer{{ID: "", Start: t0}}, ErrID},
		{[]Customer{{ID: "x"}}, ErrNoStart},
		{[]Customer{{ID: "x", Start: t0, End: t0.Add(-1)}}, ErrEndBeforeStart},
		{[]Customer{{ID: "x", Start: t0, ContractEnd: t0.Add(-1)}}, ErrContractBeforeStart},
		{[]Customer{{ID: "x", Start: t0}, {ID: "x", Start: t0}}, ErrDuplicateID},
		{[]Customer{{ID: "x", Start: t0, End: t0}}, nil},
	} {
		if err := Validate(c.cs); !errors.Is(err, c.want) {
			t.Errorf("Validate(%+v) = %v, want %v", c.cs, err, c.want)
		}
	}
	err := Validate([]Customer{{ID: "acme", Start: t0, End: t0.Add(-time.Hour)}})
	if err == nil || !strings.Contains(err.Error(), `"acme"`) {
		t.Errorf("error does not name the customer: %v", err)
	}
	c := Customer{ID: "x", Start: t0, End: t0.Add(time.Hour)}
	if !c.Active(t0) || c.Active(c.End) || c.Active(t0.Add(-1)) {
		t.Error("Active")
	}
	if d, lost, ok := c.Lifetime(c.End); !ok || lost || d != time.Hour {
		t.Errorf("Lifetime at the end instant: %v %v %v", d, lost, ok)
	}
	if _, _, ok := c.Lifetime(t0); ok {
		t.Error("Lifetime at the start instant is ok")
	}
}

func TestCalendar(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip(err)
	}
	for _, c := range []struct {
		cal  Calendar
		at   time.Time
		from time.Time
		to   time.Time
	}{
		{Calendar{}, ts("2025-01-31T23:59"), ts("2025-01-01"), ts("2025-02-01")},
		{Monthly, ts("2024-02-29"), ts("2024-02-01"), ts("2024-03-01")},
		{Quarterly, ts("2025-05-20"), ts("2025-04-01"), ts("2025-07-01")},
		{Yearly, ts("2025-12-31T23:59"), ts("2025-01-01"), ts("2026-01-01")},
		{Calendar{Months: 24}, ts("2025-06-01"), ts("2024-01-01"), ts("2026-01-01")},
		{Monthly, time.Date(-3, 11, 5, 0, 0, 0, 0, time.UTC), time.Date(-3, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(-3, 12, 1, 0, 0, 0, 0, time.UTC)},
		// 23:30 UTC on March 31 is already April in Paris.
		{Calendar{Location: paris}, ts("2025-03-31T23:30"), time.Date(2025, 4, 1, 0, 0, 0, 0, paris), time.Date(2025, 5, 1, 0, 0, 0, 0, paris)},
	} {
		p := c.cal.PeriodOf(c.at)
		if !p.From.Equal(c.from) || !p.To.Equal(c.to) || !p.Contains(c.at) {
			t.Errorf("%+v PeriodOf(%v) = %v", c.cal, c.at, p)
		}
		if c.cal.Index(p.To) != c.cal.Index(c.at)+1 || c.cal.Index(p.To.Add(-1)) != c.cal.Index(c.at) {
			t.Errorf("%+v: indices around %v", c.cal, p)
		}
	}
	for _, m := range []int{-1, 5, 7, 13, 18} {
		if err := (Calendar{Months: m}).Validate(); !errors.Is(err, ErrCalendar) {
			t.Errorf("%d months: %v", m, err)
		}
	}
	if january.String() != "[2025-01-01T00:00:00Z, 2025-02-01T00:00:00Z)" || january.Duration() != 31*24*time.Hour {
		t.Errorf("Period String/Duration: %v %v", january, january.Duration())
	}
}

// testdata/reference.py, "# monthly <-> annual".
func TestCompound(t *testing.T) {
	a, _ := AnnualFromMonthly(0.05)
	m, _ := MonthlyFromAnnual(0.3)
	tiny, _ := AnnualFromMonthly(1e-9)
	if !closeTo(a, 0.45963991233736334, 1e-15) || !closeTo(m, 0.029285530376777613, 1e-15) || !closeTo(tiny, 1.1999999934e-08, 1e-15) {
		t.Errorf("annual %v monthly %v tiny %v", a, m, tiny)
	}
	if back, _ := AnnualFromMonthly(m); !closeTo(back, 0.3, 1e-15) {
		t.Errorf("round trip %v", back)
	}
	if r, _ := Compound(1, 0.5); r != 1 {
		t.Errorf("Compound(1, ½) = %v", r)
	}
	if r, _ := Compound(0.4, 0); r != 0 {
		t.Errorf("Compound(0.4, 0) = %v", r)
	}
	for _, bad := range [][2]float64{{-0.1, 12}, {1.1, 12}, {math.NaN(), 1}, {0.1, -1}, {0.1, math.Inf(1)}} {
		if _, err := Compound(bad[0], bad[1]); !errors.Is(err, ErrRate) {
			t.Errorf("Compound%v err = %v", bad, err)
		}
	}
}

func BenchmarkFlowAdd(b *testing.B) {
	f, _ := NewFlow(january)
	cs := sample()
	for i := 0; b.Loop(); i++ {
		if err := f.Add(cs[i%len(cs)]); err != nil {
			b.Fatal(err)
		}
	}
}
