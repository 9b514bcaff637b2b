package churn

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkFlow compares a flow with a flow of rates.json, counts exactly and
// rates to the last bit (both are correctly rounded quotients).
func checkFlow(t *testing.T, f *Flow, want flowRef) {
	t.Helper()
	assert.True(t, f.Period().Equal(Period{From: want.From, To: want.To}), "period")
	got := [...]uint64{f.N(), f.Start(), f.Acquired(), f.Lost(), f.LostAcquired(), f.End(),
		f.RenewalsDue(), f.RenewalsRenewed(), f.RenewalsLost(), f.RenewalsOpen()}
	assert.Equal(t, [...]uint64{want.N, want.Start, want.Acquired, want.Lost, want.LostAcquired, want.End,
		want.Due, want.Renewed, want.RenewalsLost, want.Open}, got,
		"n, start, acquired, lost, lost acquired, end, renewals due, renewed, lost, open")
	assert.Equal(t, f.Start()-f.LostFromStart(), want.Start-(want.Lost-want.LostAcquired), "base kept")
	assert.InDelta(t, want.ExposureDays, f.ExposureDays(), 1e-12, "exposure days")
	for name, rate := range map[string]func() (float64, bool){
		"churn": f.Churn, "retention": f.Retention, "base_churn": f.BaseChurn, "base_retention": f.BaseRetention,
		"average_churn": f.AverageChurn, "daily_churn": f.DailyChurn, "renewal_churn": f.RenewalChurn, "growth": f.Growth,
	} {
		v, ok := rate()
		if w := want.Rates[name]; w == nil {
			assert.False(t, ok, "%s is undefined", name)
		} else {
			assert.True(t, ok, "%s is defined", name)
			assert.Equal(t, *w, v, name)
		}
	}
}

// testdata/rates.json, "january": every boundary case of the month.
func TestFlowReference(t *testing.T) {
	f, err := FlowOf(slices.Values(sample()), january)
	require.NoError(t, err)
	checkFlow(t, f, rates().January)
}

// testdata/rates.json, "renewal_flows": renewals recorded, a term end
// with no end (open), losses before and after a term end in its period,
// a renewal followed by a loss, a customer acquired in the period who
// renews in it.
func TestFlowRenewals(t *testing.T) {
	for _, want := range rates().RenewalFlows {
		t.Run(want.From.Format("2006-01")+"…"+want.To.Format("2006-01"), func(t *testing.T) {
			f, err := FlowOf(slices.Values(renewalSample()), Period{From: want.From, To: want.To})
			require.NoError(t, err)
			checkFlow(t, f, want)
		})
	}
}

// A customer who renewed is counted as up for renewal: before contract
// terms were modelled, only the current contract end counted, and a
// renewal was never seen.
func TestFlowCountsRenewals(t *testing.T) {
	c := Customer{ID: "x", Start: ts("2023-03-01"), ContractEnd: ts("2026-03-01"),
		Renewals: []time.Time{ts("2024-03-01"), ts("2025-03-01")}}
	f, err := FlowOf(slices.Values([]Customer{c}), Period{From: ts("2025-01-01"), To: ts("2026-01-01")})
	require.NoError(t, err)
	assert.Equal(t, uint64(1), f.RenewalsDue())
	assert.Equal(t, uint64(1), f.RenewalsRenewed())
	r, ok := f.RenewalChurn()
	assert.True(t, ok)
	assert.Zero(t, r)
}

func TestFlowResult(t *testing.T) {
	f, _ := FlowOf(slices.Values(sample()), january)
	r, err := f.Result()
	require.NoError(t, err)
	assert.Equal(t, uint64(11), r.N)
	require.NotNil(t, r.ChurnPct)
	assert.Equal(t, 80.0, *r.ChurnPct)
	assert.Equal(t, "2025-01-01…2025-02-01: 5 → 5 customers (+4 −4), churn 80.0%, retention 20.0%, base churn 40.0%, renewal churn 50.0% of 2 renewals decided", r.String())
	empty, _ := NewFlow(january)
	r, _ = empty.Result()
	js, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(js), `"churn_pct":null`)
	assert.Contains(t, string(js), `"exposure_days":0`)
}

// The zero Flow is invalid, as netip.Addr's zero is: no period, every Add
// and Merge refused, and it encodes and decodes as itself.
func TestFlowZero(t *testing.T) {
	var zero Flow
	assert.False(t, zero.IsValid())
	assert.ErrorIs(t, zero.Add(sample()[0]), ErrPeriod)
	f, _ := NewFlow(january)
	assert.ErrorIs(t, f.Merge(&zero), ErrPeriod)
	assert.ErrorIs(t, zero.Merge(f), ErrPeriod)
	assert.NoError(t, zero.Merge(nil))
	bin, _ := zero.MarshalBinary()
	js, _ := zero.MarshalJSON()
	var u, v Flow
	require.NoError(t, u.UnmarshalBinary(bin))
	require.NoError(t, v.UnmarshalJSON(js))
	assert.False(t, u.IsValid())
	assert.False(t, v.IsValid())
	r, err := zero.Result()
	require.NoError(t, err)
	assert.Nil(t, r.ChurnPct)
}

func TestFlowErrors(t *testing.T) {
	f, _ := NewFlow(january)
	for _, c := range []struct {
		name string
		c    Customer
		want error
	}{
		{"empty id", Customer{Start: ts("2025-01-01")}, ErrID},
		{"no start", Customer{ID: "x"}, ErrTime},
		{"end before start", Customer{ID: "x", Start: ts("2025-01-10"), End: ts("2025-01-09")}, ErrTime},
		{"start before 1900", Customer{ID: "x", Start: ts("1899-12-31")}, ErrTime},
		{"end after 2150", Customer{ID: "x", Start: ts("2025-01-10"), End: time.Date(2150, 1, 2, 0, 0, 0, 0, time.UTC)}, ErrTime},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := *f
			assert.ErrorIs(t, f.Add(c.c), c.want)
			assert.Equal(t, before, *f, "a rejected customer changed the flow")
		})
	}
	for _, c := range []struct {
		name string
		p    Period
		want error
	}{
		{"empty", Period{From: january.From, To: january.From}, ErrPeriod},
		{"reversed", Period{From: january.To, To: january.From}, ErrPeriod},
		// 2000 years used to be refused only because time.Time.Sub saturates.
		{"year 1", Period{From: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), To: january.To}, ErrTime},
		{"no end", Period{From: january.From}, ErrTime},
	} {
		t.Run("period "+c.name, func(t *testing.T) {
			_, err := NewFlow(c.p)
			assert.ErrorIs(t, err, c.want)
		})
	}
	dup := append(sample(), Customer{ID: "c", Start: ts("2024-01-01")})
	_, err := FlowOf(slices.Values(dup), january)
	assert.ErrorIs(t, err, ErrDuplicateID)
	assert.Contains(t, err.Error(), `"c"`)
	g, _ := NewFlow(Period{From: january.From, To: january.To.Add(time.Hour)})
	assert.ErrorIs(t, f.Merge(g), ErrMismatch)
}

// FlowBy stops at the first bad customer: a repeated id is named with
// both positions, an invalid customer by its position; the key is not
// asked about a repeated customer.
func TestFlowByErrors(t *testing.T) {
	keyed := 0
	key := func(Customer) int { keyed++; return 0 }
	seq := []Customer{{ID: "a", Start: ts("2024-01-01")}, {ID: "b", Start: ts("2024-01-02")}, {ID: "a", Start: ts("2024-01-03")}, {ID: ""}}
	_, err := FlowBy(slices.Values(seq), january, key)
	assert.ErrorIs(t, err, ErrDuplicateID)
	assert.Equal(t, `churn: customer 2: duplicate customer id: "a" (positions 0 and 2)`, err.Error())
	assert.Equal(t, 2, keyed)
	seq[2].ID = "c"
	_, err = FlowBy(slices.Values(seq), january, key)
	assert.ErrorIs(t, err, ErrID)
	assert.Equal(t, "churn: customer 3: empty customer id", err.Error())
}

// Splitting customers into groups and merging gives the one flow, in any
// order; FlowBy groups the same way.
func TestFlowMergeAndBy(t *testing.T) {
	all, _ := FlowOf(slices.Values(sample()), january)
	by, err := FlowBy(slices.Values(sample()), january, func(c Customer) bool { return c.ID < "e" })
	require.NoError(t, err)
	for _, order := range [][2]bool{{true, false}, {false, true}} {
		m, _ := NewFlow(january)
		for _, k := range order {
			require.NoError(t, m.Merge(by[k]))
		}
		assert.Equal(t, *all, *m)
	}
}

// Consecutive flows chain: each closing base is the next opening base.
func TestFlowSeries(t *testing.T) {
	flows, err := FlowSeries(slices.Values(sample()), Monthly, ts("2024-11-15"), ts("2025-03-01"))
	require.NoError(t, err)
	require.Len(t, flows, 5)
	assert.True(t, flows[2].Period().Equal(january))
	for i := 1; i < len(flows); i++ {
		assert.Equal(t, flows[i-1].End(), flows[i].Start(), "period %d", i)
	}
	for _, c := range []struct {
		name        string
		cal         Calendar
		first, last time.Time
		want        error
	}{
		{"reversed", Monthly, ts("2025-03-01"), ts("2025-01-01"), ErrPeriod},
		{"5-month calendar", Calendar{Months: 5}, ts("2025-01-01"), ts("2025-03-01"), ErrPeriod},
		// 1201 months: the series used to be as long as the dates asked.
		{"longer than MaxPeriods", Monthly, ts("1925-01-01"), ts("2025-01-01"), ErrPeriod},
		{"no first date", Monthly, time.Time{}, ts("2025-01-01"), ErrTime},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := FlowSeries(slices.Values(sample()), c.cal, c.first, c.last)
			assert.ErrorIs(t, err, c.want)
		})
	}
	flows, err = FlowSeries(slices.Values(sample()), Monthly, ts("1925-02-01"), ts("2025-01-01"))
	require.NoError(t, err)
	assert.Len(t, flows, MaxPeriods)
}

func TestFlowEncodingRejects(t *testing.T) {
	f, _ := FlowOf(slices.Values(sample()), january)
	for _, bad := range []string{
		`{"period":{"from":"2025-01-01T00:00:00Z","to":"2025-01-01T00:00:00Z"},"n":0,"start":0,"acquired":0,"lost":0,"lost_acquired":0,"renewals_due":0,"renewals_renewed":0,"renewals_lost":0,"exposure_ns":"0"}`,
		`{"period":{"from":"2025-01-01T00:00:00Z","to":"2025-02-01T00:00:00Z"},"n":1,"start":1,"acquired":0,"lost":2,"lost_acquired":0,"renewals_due":0,"renewals_renewed":0,"renewals_lost":0,"exposure_ns":"0"}`,
		`{"period":{"from":"2025-01-01T00:00:00Z","to":"2025-02-01T00:00:00Z"},"n":1,"start":1,"acquired":0,"lost":0,"lost_acquired":0,"renewals_due":1,"renewals_renewed":2,"renewals_lost":0,"exposure_ns":"2678400000000000"}`,
		`{"period":{"from":"2025-01-01T00:00:00Z","to":"2025-02-01T00:00:00Z"},"n":1,"start":1,"acquired":0,"lost":0,"lost_acquired":0,"renewals_due":0,"renewals_renewed":0,"renewals_lost":0,"exposure_ns":"1e9"}`,
		`{"period":{"from":"2025-01-01T00:00:00Z","to":"2025-02-01T00:00:00Z"},"n":1,"start":1,"acquired":0,"lost":0,"lost_acquired":0,"renewals_due":0,"renewals_renewed":0,"renewals_lost":0,"exposure_ns":"2678400000000001"}`,
		// A customer of the starting base still there at the end was
		// there for the whole month.
		`{"period":{"from":"2025-01-01T00:00:00Z","to":"2025-02-01T00:00:00Z"},"n":1,"start":1,"acquired":0,"lost":0,"lost_acquired":0,"renewals_due":0,"renewals_renewed":0,"renewals_lost":0,"exposure_ns":"5"}`,
		// The same period, written in Paris time, is not the canonical JSON.
		`{"period":{"from":"2025-01-01T01:00:00+01:00","to":"2025-02-01T00:00:00Z"},"n":0,"start":0,"acquired":0,"lost":0,"lost_acquired":0,"renewals_due":0,"renewals_renewed":0,"renewals_lost":0,"exposure_ns":"0"}`,
	} {
		before := *f
		assert.ErrorIs(t, f.UnmarshalJSON([]byte(bad)), ErrEncoding, bad)
		assert.Equal(t, before, *f)
	}
}

func TestValidate(t *testing.T) {
	t0 := ts("2025-01-01")
	for _, c := range []struct {
		name string
		cs   []Customer
		want error
	}{
		{"empty id", []Customer{{ID: "", Start: t0}}, ErrID},
		{"no start", []Customer{{ID: "x"}}, ErrTime},
		{"end before start", []Customer{{ID: "x", Start: t0, End: t0.Add(-1)}}, ErrTime},
		{"contract end before start", []Customer{{ID: "x", Start: t0, ContractEnd: t0.Add(-1)}}, ErrTime},
		{"renewal at start", []Customer{{ID: "x", Start: t0, Renewals: []time.Time{t0}}}, ErrTime},
		{"renewals out of order", []Customer{{ID: "x", Start: t0, Renewals: []time.Time{t0.Add(2), t0.Add(1)}}}, ErrTime},
		{"renewal at end", []Customer{{ID: "x", Start: t0, End: t0.Add(5), Renewals: []time.Time{t0.Add(5)}}}, ErrTime},
		{"renewal after contract end", []Customer{{ID: "x", Start: t0, ContractEnd: t0.Add(5), Renewals: []time.Time{t0.Add(6)}}}, ErrTime},
		{"renewal in year 3000", []Customer{{ID: "x", Start: t0, Renewals: []time.Time{time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)}}}, ErrTime},
		{"duplicate", []Customer{{ID: "x", Start: t0}, {ID: "x", Start: t0}}, ErrDuplicateID},
		{"lost at once", []Customer{{ID: "x", Start: t0, End: t0}}, nil},
		{"renewed twice", []Customer{{ID: "x", Start: t0, End: t0.Add(9), ContractEnd: t0.Add(7), Renewals: []time.Time{t0.Add(1), t0.Add(5)}}}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := Validate(c.cs)
			if c.want == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, c.want)
			}
		})
	}
	err := Validate([]Customer{{ID: "acme", Start: t0, End: t0.Add(-time.Hour)}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"acme"`)
	assert.True(t, strings.HasPrefix(err.Error(), "churn: customer 0: invalid time: "), err.Error())
	c := Customer{ID: "x", Start: t0, End: t0.Add(time.Hour)}
	assert.True(t, c.Active(t0))
	assert.False(t, c.Active(c.End))
	assert.False(t, c.Active(t0.Add(-1)))
	l, ok := c.Lifetime(c.End)
	assert.Equal(t, Lifetime{Duration: time.Hour}, l, "lifetime at the end instant is censored")
	assert.True(t, ok)
	_, ok = c.Lifetime(t0)
	assert.False(t, ok, "no lifetime at the start instant")
}

func TestCalendar(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip(err)
	}
	for _, c := range []struct {
		name     string
		cal      Calendar
		at       time.Time
		from, to time.Time
	}{
		{"zero", Calendar{}, ts("2025-01-31T23:59"), ts("2025-01-01"), ts("2025-02-01")},
		{"leap day", Monthly, ts("2024-02-29"), ts("2024-02-01"), ts("2024-03-01")},
		{"quarter", Quarterly, ts("2025-05-20"), ts("2025-04-01"), ts("2025-07-01")},
		{"year", Yearly, ts("2025-12-31T23:59"), ts("2025-01-01"), ts("2026-01-01")},
		{"two years", Calendar{Months: 24}, ts("2025-06-01"), ts("2024-01-01"), ts("2026-01-01")},
		{"before year 0", Monthly, time.Date(-3, 11, 5, 0, 0, 0, 0, time.UTC), time.Date(-3, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(-3, 12, 1, 0, 0, 0, 0, time.UTC)},
		// 23:30 UTC on March 31 is already April in Paris.
		{"Paris", Calendar{Location: paris}, ts("2025-03-31T23:30"), time.Date(2025, 4, 1, 0, 0, 0, 0, paris), time.Date(2025, 5, 1, 0, 0, 0, 0, paris)},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := c.cal.PeriodOf(c.at)
			assert.True(t, p.From.Equal(c.from) && p.To.Equal(c.to) && p.Contains(c.at), "%v", p)
			assert.Equal(t, c.cal.Index(c.at)+1, c.cal.Index(p.To))
			assert.Equal(t, c.cal.Index(c.at), c.cal.Index(p.To.Add(-1)))
		})
	}
	for _, c := range []struct {
		name string
		cal  Calendar
	}{
		{"-1 months", Calendar{Months: -1}}, {"5 months", Calendar{Months: 5}}, {"7 months", Calendar{Months: 7}},
		{"13 months", Calendar{Months: 13}}, {"18 months", Calendar{Months: 18}},
		// 12·2⁴⁰ months used to validate, and overflowed Start.
		{"12·2⁴⁰ months", Calendar{Months: 12 << 40}}, {"11 years", Calendar{Months: 132}},
		{"local time", Calendar{Location: time.Local}},
		{"fixed zone beyond 18 hours", Calendar{Location: time.FixedZone("far", 19*3600)}},
	} {
		t.Run(c.name, func(t *testing.T) { assert.ErrorIs(t, c.cal.Validate(), ErrPeriod) })
	}
	assert.NoError(t, Calendar{Months: 120, Location: time.FixedZone("UTC+1", 3600)}.Validate())
	assert.Equal(t, "[2025-01-01T00:00:00Z, 2025-02-01T00:00:00Z)", january.String())
	assert.Equal(t, 31*24*time.Hour, january.Duration())
	assert.Equal(t, "quarterly (Europe/Paris)", Calendar{Months: 3, Location: paris}.String())
	// The plausible window is MaxLifetime wide, and within time.Duration.
	assert.Equal(t, MaxLifetime, maxTime.Sub(minTime))
	assert.Less(t, MaxLifetime, time.Duration(math.MaxInt64))
}

// testdata/rates.json, "compound": monthly ↔ annual.
func TestCompound(t *testing.T) {
	want := rates().Compound
	a, _ := AnnualFromMonthly(0.05)
	m, _ := MonthlyFromAnnual(0.3)
	tiny, _ := AnnualFromMonthly(1e-9)
	assert.True(t, closeTo(a, want["annual_from_monthly_5pct"], 1e-15), "annual %v", a)
	assert.True(t, closeTo(m, want["monthly_from_annual_30pct"], 1e-15), "monthly %v", m)
	assert.True(t, closeTo(tiny, want["annual_from_monthly_1e-9"], 1e-15), "tiny %v", tiny)
	back, _ := AnnualFromMonthly(m)
	assert.InDelta(t, 0.3, back, 1e-15)
	r, _ := Compound(1, 0.5)
	assert.Equal(t, 1.0, r)
	r, _ = Compound(0.4, 0)
	assert.Equal(t, 0.0, r)
	for _, bad := range [][2]float64{{-0.1, 12}, {1.1, 12}, {math.NaN(), 1}, {0.1, -1}, {0.1, math.Inf(1)}} {
		_, err := Compound(bad[0], bad[1])
		assert.True(t, errors.Is(err, ErrRate), "Compound%v: %v", bad, err)
	}
}

func BenchmarkFlowAdd(b *testing.B) {
	f, _ := NewFlow(january)
	cs := append(sample(), renewalSample()...)
	for i := 0; b.Loop(); i++ {
		if err := f.Add(cs[i%len(cs)]); err != nil {
			b.Fatal(err)
		}
	}
}
