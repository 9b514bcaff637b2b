package main

import (
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/adjust"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleReport builds the report of the embedded sample as of 2026-01-01.
func sampleReport(t testing.TB) (*inputs, *report) {
	t.Helper()
	in, err := readInputs(defaults(), &strings.Builder{})
	require.NoError(t, err)
	r, err := build(in, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "", 12, costs{hourly: decimal.NewFromInt(30)})
	require.NoError(t, err)
	return in, r
}

// Month-over-month changes are marked significant only after the family's
// Benjamini–Hochberg adjustment: the sample has a month whose change has
// p < 0.05 on its own and is not marked.
func TestMonthOverMonthAdjusted(t *testing.T) {
	_, r := sampleReport(t)
	var raw []*float64
	var tests []*change
	for _, m := range r.Surveys.NPSMonths {
		if m.Change != nil {
			raw = append(raw, m.Change.PValue)
			tests = append(tests, m.Change)
		}
	}
	require.Len(t, tests, 11)
	want, err := adjust.P(raw, adjust.BenjaminiHochberg)
	require.NoError(t, err)
	unmarked := 0
	for i, c := range tests {
		assert.Equal(t, *want[i], *c.Adjusted)
		assert.Equal(t, *c.Adjusted <= alpha, c.Significant)
		if *c.PValue < alpha && !c.Significant {
			unmarked++
		}
	}
	assert.Positive(t, unmarked, "no change lost its mark to the adjustment")
	// The effort ranking is adjusted the same way.
	var ps []*float64
	for _, c := range r.Surveys.CESRank {
		ps = append(ps, c.PValue)
	}
	want, err = adjust.P(ps, adjust.BenjaminiHochberg)
	require.NoError(t, err)
	for i, c := range r.Surveys.CESRank {
		if c.Tested {
			assert.Equal(t, *want[i], *c.Adjusted, c.Key)
		}
	}
}

// Each customer's P(alive) is the BG/NBD closed form at the fitted
// parameters, for the summary counted here from the sample file in weeks:
// x repeat purchase days, t_x from the first to the last, T from the first
// to the last day before the as-of date.
func TestPAliveFromTheFile(t *testing.T) {
	_, r := sampleReport(t)
	m := r.CLV.Model
	days := map[string]map[time.Time]bool{}
	for _, row := range sampleRows(t, "transactions.csv") {
		if strings.HasPrefix(row["amount"], "-") {
			continue
		}
		at, err := time.Parse(time.RFC3339, row["at"])
		require.NoError(t, err)
		id := row["customer_id"]
		if days[id] == nil {
			days[id] = map[time.Time]bool{}
		}
		days[id][time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC)] = true
	}
	last := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	checked := 0
	for id, ds := range days {
		first, latest := last, time.Time{}
		for d := range ds {
			if d.Before(first) {
				first = d
			}
			if d.After(latest) {
				latest = d
			}
		}
		x := float64(len(ds) - 1)
		tx, T := latest.Sub(first).Hours()/24/7, last.Sub(first).Hours()/24/7
		want := 1.0
		if x > 0 {
			want = 1 / (1 + m.A()/(m.B()+x-1)*math.Pow((m.Alpha()+T)/(m.Alpha()+tx), m.R()+x))
		}
		got, ok := r.CLV.PAlive[id]
		require.True(t, ok, id)
		assert.InEpsilon(t, want, got, 1e-9, "%s: x %v, t_x %v, T %v", id, x, tx, T)
		checked++
	}
	assert.Equal(t, len(r.CLV.PAlive), checked)
}

// The segments' values add up to the whole base's, exactly.
func TestCLVBySegment(t *testing.T) {
	_, r := sampleReport(t)
	sum := decimal.Zero
	var n uint64
	for _, g := range r.CLV.BySegment {
		sum = sum.Add(*g.CLVAmount)
		n += g.N
		assert.True(t, g.PAliveMeanPct >= 0 && g.PAliveMeanPct <= 100)
	}
	assert.True(t, sum.Equal(*r.CLV.Total.CLVAmount), "%v ≠ %v", sum, r.CLV.Total.CLVAmount)
	assert.Equal(t, r.CLV.Total.N, n)
	assert.Equal(t, uint64(r.CLV.Customers), n)
	out, _ := runReport(t, defaults())
	assert.Contains(t, out, "discounted continuously at 10.0 % a year")
	assert.Regexp(t, `(?m)^\s+RFM segment\s+customers\s+share\s+P\(alive\)\s+purchases, 52 wk\s+CLV, 52 wk\s+per customer$`, out)
	assert.Regexp(t, `(?m)^\s+all\s+\d+\s+100\.0 %\s+\d+\.\d %\s+\d+\s+`+regexp.QuoteMeta(r.CLV.Total.CLVAmount.StringFixed(2)), out)
}

// The staffing plan forecasts the contacts offered to agents, counted here
// from the sample file, plans each of the 7 days and says the queue is
// small.
func TestStaffingPlan(t *testing.T) {
	_, r := sampleReport(t)
	offered := 0
	for _, c := range sampleRows(t, "contacts.csv") {
		if c["channel"] == "phone" && c["direction"] == "inbound" && (c["outcome"] == "answered" || c["outcome"] == "abandoned") {
			offered++
		}
	}
	require.Len(t, r.Staffing.Queues, 2)
	q := r.Staffing.Queues[0]
	assert.Equal(t, uint64(offered), q.Offered)
	require.NotNil(t, q.Plan)
	require.Len(t, q.Plan.Days, 7)
	assert.Equal(t, "2026-01-01", q.Plan.Days[0].Date.String())
	for _, in := range q.Plan.Intervals {
		assert.GreaterOrEqual(t, in.Positions, in.Agents)
	}
	require.Len(t, q.Table, 4)
	assert.Equal(t, -1, q.Table[0].Offset)
	out, _ := runReport(t, defaults())
	for _, want := range []string{
		"phone: " + counted(offered, "call") + " offered over the history",
		"forecast accuracy on 2025-12-18 to 2025-12-31: per half hour WAPE",
		"a small queue: its busiest half hour holds",
		"2026-01-07 Wed",
		"costs: 30.00 € per paid position hour (-hourly)",
	} {
		assert.Contains(t, out, want)
	}
}
