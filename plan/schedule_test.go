package plan

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rapportkit/rapport/operations"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// brute returns the cheapest cover by trying every x in 0..maxNeed per
// column.
func brute(cv *cover, maxNeed int) float64 {
	n := len(cv.cols)
	x := make([]int, n)
	best := math.Inf(1)
	var try func(j int)
	try = func(j int) {
		if j == n {
			if cv.feasible(x) {
				best = math.Min(best, cv.cost(x))
			}
			return
		}
		for v := 0; v <= maxNeed; v++ {
			x[j] = v
			try(j + 1)
		}
		x[j] = 0
	}
	try(0)
	return best
}

// On random small days (up to 8 intervals, 6 shift starts with random
// lengths, breaks and costs, needs up to 3) branch and bound finds the
// optimum brute force finds; the first schedule, the relaxation rounded
// up and pruned, is the heuristic whose gap is logged.
func TestCoverAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var gaps []float64
	for trial := range 300 {
		m := 3 + r.IntN(6)
		need := make([]int, m)
		var rows []int
		for k := range need {
			need[k] = r.IntN(4)
			if need[k] > 0 {
				rows = append(rows, k)
			}
		}
		if len(rows) == 0 {
			continue
		}
		var cols []column
		for range 2 + r.IntN(5) {
			start, length := r.IntN(m), 1+r.IntN(4)
			brk := -1
			if length >= 3 && r.IntN(2) == 0 {
				brk = start + 1 + r.IntN(length-2)
			}
			c := column{costF: float64(length) * (1 + r.Float64())}
			for k := start; k < min(start+length, m); k++ {
				if k != brk && need[k] > 0 {
					c.rows = append(c.rows, k)
				}
			}
			if len(c.rows) > 0 {
				cols = append(cols, c)
			}
		}
		covered := map[int]bool{}
		for _, c := range cols {
			for _, k := range c.rows {
				covered[k] = true
			}
		}
		for _, k := range rows { // make every row coverable
			if !covered[k] {
				cols = append(cols, column{costF: 1.5, rows: []int{k}})
			}
		}
		cv := &cover{cols: cols, rows: rows, need: need, row: map[int]int{}}
		for i, k := range rows {
			cv.row[k] = i
		}
		want := brute(cv, 3)
		x, bound, optimal, _, err := solveCover(cols, rows, need, DefaultNodes)
		require.NoError(t, err, "trial %d", trial)
		require.True(t, cv.feasible(x), "trial %d: infeasible %v", trial, x)
		require.True(t, optimal, "trial %d", trial)
		assert.InDelta(t, want, cv.cost(x), 1e-9*want, "trial %d: %v", trial, x)
		assert.LessOrEqual(t, bound, want*(1+1e-9))
		_, rx, err := cv.relax(make([]float64, len(cols)), filled(len(cols), -1))
		require.NoError(t, err)
		gaps = append(gaps, cv.cost(cv.prune(ceilAll(rx)))/want-1)
	}
	mean, worst := 0.0, 0.0
	for _, g := range gaps {
		mean += g / float64(len(gaps))
		worst = math.Max(worst, g)
	}
	t.Logf("%d days: rounded relaxation %.2f%% above the optimum on average, %.1f%% at worst; branch and bound optimal on all", len(gaps), 100*mean, 100*worst)
}

func filled(n int, v float64) []float64 {
	out := make([]float64, n)
	for j := range out {
		out[j] = v
	}
	return out
}

// A day of a plan covered by 8-hour shifts with an hour's lunch: every
// interval gets at least its positions, at the least cost.
func TestSchedule(t *testing.T) {
	start := time.Date(2026, 3, 9, 0, 0, 0, 0, paris)
	var contacts []float64
	for h := range 24 {
		c := 0.0
		if h >= 8 && h < 20 {
			c = 40 + 30*math.Exp(-float64((h-11)*(h-11))/4)
		}
		contacts = append(contacts, c)
	}
	p, err := New(demand(start, contacts...), Staffing{
		Targets: operations.Targets{ServiceLevel: 0.8, Within: 20 * time.Second},
		Cost:    Cost{Hourly: decimal.RequireFromString("30")},
	})
	require.NoError(t, err)
	var starts []time.Duration
	for h := 6; h <= 12; h++ {
		starts = append(starts, time.Duration(h)*time.Hour)
	}
	shifts := []Shift{
		{Name: "day", Starts: starts, Length: 8 * time.Hour, Breaks: []Break{{Start: 4 * time.Hour, Length: time.Hour}}},
		{Name: "half", Starts: append(starts, 14*time.Hour, 15*time.Hour, 16*time.Hour), Length: 4 * time.Hour, Cost: decimal.RequireFromString("140")},
	}
	s, err := p.Schedule(shifts, ScheduleOptions{})
	require.NoError(t, err)
	require.Len(t, s.Days, 1)
	d := s.Days[0]
	for k, n := range d.Scheduled {
		assert.GreaterOrEqual(t, n, p.Intervals[k].Positions, "%s", p.Intervals[k].Start.Format("15:04"))
	}
	cost := decimal.Zero
	for _, a := range d.Assignments {
		c := decimal.NewFromInt(240)
		if a.Shift == "half" {
			c = decimal.NewFromInt(140)
		}
		cost = cost.Add(c.Mul(decimal.NewFromInt(int64(a.Agents))))
	}
	assert.True(t, cost.Equal(d.CostAmount), "%v ≠ %v", cost, d.CostAmount)
	assert.True(t, d.Optimal)
	assert.Zero(t, d.GapPct)
	t.Logf("%v; %d nodes", s, d.Nodes)

	for _, c := range []struct {
		name  string
		shift Shift
	}{
		{"no-start", Shift{Length: time.Hour}},
		{"length", Shift{Starts: []time.Duration{0}, Length: 90 * time.Minute}},
		{"past-midnight", Shift{Starts: []time.Duration{20 * time.Hour}, Length: 8 * time.Hour}},
		{"break", Shift{Starts: []time.Duration{0}, Length: 4 * time.Hour, Breaks: []Break{{Start: 3 * time.Hour, Length: 2 * time.Hour}}}},
		{"cost", Shift{Starts: []time.Duration{0}, Length: 4 * time.Hour, Cost: decimal.NewFromInt(-1)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := p.Schedule([]Shift{c.shift}, ScheduleOptions{})
			require.ErrorIs(t, err, ErrShift)
		})
	}
	_, err = p.Schedule([]Shift{{Name: "late", Starts: []time.Duration{14 * time.Hour}, Length: 6 * time.Hour}}, ScheduleOptions{})
	require.ErrorIs(t, err, ErrShift)
	assert.Contains(t, err.Error(), "no shift covers")
}
