package churn

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// sampleRevenue returns the MRR of testdata/rates.json, booked on the
// 10th of each month: x churns in April, y shrinks, churns and comes back,
// z is new in February, w has two lines in January.
func sampleRevenue() []Revenue {
	var out []Revenue
	for _, r := range rates().Revenue.Rows {
		var id, amount string
		var month int
		for i, v := range []any{&id, &month, &amount} {
			if err := json.Unmarshal(r[i], v); err != nil {
				panic(err)
			}
		}
		out = append(out, Revenue{id, time.Date(2025, time.Month(month), 10, 0, 0, 0, 0, time.UTC), dec(amount)})
	}
	return out
}

// testdata/rates.json, "revenue": movements of February to April, NRR
// and GRR of January against April and February.
func TestLedgerReference(t *testing.T) {
	want := rates().Revenue
	l, err := LedgerOf(slices.Values(sampleRevenue()), Monthly)
	require.NoError(t, err)
	ms, err := l.Movements(ts("2025-02-01"), ts("2025-04-30"))
	require.NoError(t, err)
	require.Len(t, ms, len(want.Movements))
	for i, w := range want.Movements {
		m := ms[i]
		t.Run(m.Period.From.Format("2006-01"), func(t *testing.T) {
			assert.Equal(t, w.Month, int(m.Period.From.Month()))
			got := [7]decimal.Decimal{m.StartAmount, m.NewAmount, m.ExpansionAmount, m.ContractionAmount, m.ChurnedAmount, m.ResurrectedAmount, m.EndAmount}
			for j, s := range []string{w.Start, w.New, w.Expansion, w.Contraction, w.Churned, w.Resurrected, w.End} {
				assert.True(t, got[j].Equal(dec(s)), "field %d = %s, want %s", j, got[j], s)
			}
			assert.Equal(t, [5]int{w.StartCustomers, w.EndCustomers, w.NewCustomers, w.ChurnedCustomers, w.ResurrectedCustomers},
				[5]int{m.StartCustomers, m.EndCustomers, m.NewCustomers, m.ChurnedCustomers, m.ResurrectedCustomers})
			if w.QuickRatio == nil {
				assert.Nil(t, m.QuickRatio)
			} else if assert.NotNil(t, m.QuickRatio) {
				assert.Equal(t, *w.QuickRatio, *m.QuickRatio)
			}
		})
	}
	total, err := l.Total(ts("2025-01-31T23:59"))
	require.NoError(t, err)
	assert.True(t, total.Equal(dec(want.JanuaryTotal)), "January total %s", total)
	for _, w := range want.Retention {
		r, err := l.Retention(time.Date(2025, time.Month(w.Base), 15, 0, 0, 0, 0, time.UTC), time.Date(2025, time.Month(w.Current), 1, 0, 0, 0, 0, time.UTC))
		require.NoError(t, err)
		nrr, ok1 := r.Net()
		grr, ok2 := r.Gross()
		assert.True(t, ok1 && ok2)
		assert.Equal(t, w.NRR, nrr, "NRR against month %d", w.Current)
		assert.Equal(t, w.GRR, grr, "GRR against month %d", w.Current)
		assert.Equal(t, [2]int{w.Customers, w.Retained}, [2]int{r.Customers, r.Retained})
		assert.True(t, r.StartAmount.Add(r.ExpansionAmount).Sub(r.ContractionAmount).Sub(r.ChurnedAmount).Equal(r.CurrentAmount), "bridge closes")
		assert.InDelta(t, 100*w.NRR, *r.NetRetentionPct, 1e-12)
	}
	_, err = l.Retention(ts("2025-02-01"), ts("2025-02-20"))
	assert.ErrorIs(t, err, ErrPeriod)
	r, _ := l.Retention(ts("2030-01-01"), ts("2030-02-01"))
	_, ok := r.Net()
	assert.False(t, ok, "NRR of an empty base")
	assert.Nil(t, r.NetRetentionPct)
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
		require.NoError(t, all.Add(row))
		require.NoError(t, shards[r.IntN(3)].Add(row))
	}
	ms, err := all.Movements(ts("2024-01-01"), ts("2025-07-01"))
	require.NoError(t, err)
	for i, m := range ms {
		require.True(t, m.StartAmount.Add(m.NewAmount).Add(m.ExpansionAmount).Sub(m.ContractionAmount).Sub(m.ChurnedAmount).Add(m.ResurrectedAmount).Equal(m.EndAmount),
			"period %d: identity fails: %+v", i, m)
		require.Equal(t, m.EndCustomers, m.StartCustomers+m.NewCustomers-m.ChurnedCustomers+m.ResurrectedCustomers, "period %d", i)
		if i > 0 {
			require.True(t, m.StartAmount.Equal(ms[i-1].EndAmount), "period %d opens where the previous closed", i)
		}
	}
	var merged Ledger
	for _, i := range []int{2, 0, 1} {
		require.NoError(t, merged.Merge(&shards[i]))
	}
	mm, _ := merged.Movements(ts("2024-01-01"), ts("2025-07-01"))
	assert.Equal(t, ms, mm)
}

func TestLedgerErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		r    Revenue
		want error
	}{
		{"empty id", Revenue{At: ts("2025-01-01"), Amount: dec("1")}, ErrID},
		{"negative", Revenue{CustomerID: "x", At: ts("2025-01-01"), Amount: dec("-1")}, ErrAmount},
		// decimal.New(1, -2e9) made the next Add never return.
		{"2e9 decimal places", Revenue{CustomerID: "x", At: ts("2025-01-01"), Amount: decimal.New(1, -2e9)}, ErrAmount},
		{"10^64", Revenue{CustomerID: "x", At: ts("2025-01-01"), Amount: decimal.New(1, 64)}, ErrAmount},
		// A row with no date used to be booked in the year 1.
		{"no date", Revenue{CustomerID: "x", Amount: dec("1")}, ErrTime},
		{"year 3000", Revenue{CustomerID: "x", At: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC), Amount: dec("1")}, ErrTime},
	} {
		t.Run(c.name, func(t *testing.T) {
			var l Ledger
			assert.ErrorIs(t, l.Add(c.r), c.want)
			assert.Nil(t, l.amounts)
			assert.Zero(t, l.N())
		})
	}
	_, err := LedgerOf(slices.Values([]Revenue{{CustomerID: "x", At: ts("2025-01-01"), Amount: dec("-2")}}), Monthly)
	assert.ErrorIs(t, err, ErrAmount)
	assert.True(t, strings.HasPrefix(err.Error(), "churn: revenue row 0: invalid amount"), err.Error())
	_, err = NewLedger(Calendar{Months: 7})
	assert.ErrorIs(t, err, ErrPeriod)
	var l Ledger
	q, _ := NewLedger(Quarterly)
	assert.ErrorIs(t, l.Merge(q), ErrMismatch)
	assert.NoError(t, l.Merge(nil))
	_, err = l.Movements(ts("2025-02-01"), ts("2025-01-01"))
	assert.ErrorIs(t, err, ErrPeriod)
	// Movements over 300 years used to run for as many periods as asked.
	_, err = l.Movements(ts("1925-01-01"), ts("2025-01-01"))
	assert.ErrorIs(t, err, ErrPeriod)
	_, err = l.Total(time.Time{})
	assert.ErrorIs(t, err, ErrTime)
}

func TestLedgerBy(t *testing.T) {
	by, err := LedgerBy(slices.Values(sampleRevenue()), Monthly, func(r Revenue) bool { return r.CustomerID < "y" })
	require.NoError(t, err)
	all, _ := LedgerOf(slices.Values(sampleRevenue()), Monthly)
	m := by[true].Clone()
	require.NoError(t, m.Merge(by[false]))
	a, _ := all.MarshalBinary()
	b, _ := m.MarshalBinary()
	assert.Equal(t, a, b)
	assert.Equal(t, uint64(len(sampleRevenue())), m.N())
}

// A calendar in a fixed zone survives both encodings: it used to be
// written by name only, and "UTC+1" does not load.
func TestLedgerZones(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip(err)
	}
	for _, loc := range []*time.Location{time.FixedZone("UTC+1", 3600), time.FixedZone("", -5*3600), paris, time.UTC, time.FixedZone("UTC", 0)} {
		t.Run(loc.String(), func(t *testing.T) {
			l, err := NewLedger(Calendar{Months: 3, Location: loc})
			require.NoError(t, err)
			require.NoError(t, l.Add(Revenue{CustomerID: "a", At: ts("2025-03-31T23:30"), Amount: dec("9.90")}))
			js, _ := l.MarshalJSON()
			bin, _ := l.MarshalBinary()
			var u, v Ledger
			require.NoError(t, u.UnmarshalJSON(js), "%s", js)
			require.NoError(t, v.UnmarshalBinary(bin))
			for _, w := range []*Ledger{&u, &v} {
				assert.True(t, w.cal.equal(l.cal), "%v", w.Calendar())
				_, off1 := ts("2025-03-31T23:30").In(w.Calendar().Location).Zone()
				_, off2 := ts("2025-03-31T23:30").In(loc).Zone()
				assert.Equal(t, off2, off1)
				got, _ := w.MarshalJSON()
				assert.Equal(t, string(js), string(got))
			}
		})
	}
}

func TestLedgerResult(t *testing.T) {
	l, _ := LedgerOf(slices.Values(sampleRevenue()), Monthly)
	r, err := l.Result(ts("2025-01-01"), ts("2025-04-01"))
	require.NoError(t, err)
	assert.Equal(t, uint64(14), r.N)
	assert.Equal(t, 4, r.Customers)
	assert.Len(t, r.Movements, 4)
	require.NotNil(t, r.Retention)
	js, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(js), `"start_amount":"165.15"`)
	one, _ := l.Result(ts("2025-02-01"), ts("2025-02-28"))
	assert.Nil(t, one.Retention)
	assert.Contains(t, r.String(), "2025-01 → 2025-04: NRR")
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

// A cell's sum is read only in its shortest decimal text, within the
// bounds a sum of 2⁶⁴ amounts can reach; an exponent is never handed to
// the decimal package (1e-2000000000 would make the next sum run for
// ever).
func TestParseAmount(t *testing.T) {
	for _, c := range []struct {
		text string
		ok   bool
	}{
		{"0", true}, {"15.15", true}, {"5000", true}, {"0.000001", true},
		{strings.Repeat("9", 84), true}, {"0." + strings.Repeat("0", 63) + "1", true},
		{"", false}, {"5.00", false}, {"5.", false}, {".5", false}, {"05", false}, {"+5", false}, {"-5", false},
		{"1e-2000000000", false}, {"1e3", false}, {" 5", false}, {"5,0", false},
		{strings.Repeat("9", 85), false}, {"0." + strings.Repeat("0", 64) + "1", false},
	} {
		t.Run(c.text, func(t *testing.T) {
			d, err := parseAmount(c.text)
			if !c.ok {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.text, amountText(d))
		})
	}
}
