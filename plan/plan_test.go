package plan

import (
	"encoding/json"
	"math"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/rapportkit/rapport/forecast"
	"github.com/rapportkit/rapport/operations"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// referenceCase is a case of testdata/requirements.json, written by
// testdata/reference.py in 40-digit mpmath (Erlang C textbook formulas,
// the Erlang A birth–death chain, a scan from N = 1) and Python decimal.
type referenceCase struct {
	Name        string  `json:"name"`
	Contacts    string  `json:"contacts"`
	IntervalS   int     `json:"interval_s"`
	AHTS        int     `json:"aht_s"`
	PatienceS   int     `json:"patience_s"`
	Concurrency float64 `json:"concurrency"`
	Targets     struct {
		SL      string `json:"sl"`
		WithinS int    `json:"within_s"`
		ASA     string `json:"asa"`
		Ab      string `json:"ab"`
		Occ     string `json:"occ"`
		Shrink  string `json:"shrink"`
	} `json:"targets"`
	Hourly     string `json:"hourly"`
	PerContact string `json:"per_contact"`
	Want       struct {
		Traffic      float64 `json:"traffic"`
		Agents       int     `json:"agents"`
		Fractional   float64 `json:"fractional"`
		Positions    int     `json:"positions"`
		ServiceLevel float64 `json:"service_level"`
		ASAS         float64 `json:"asa_s"`
		Abandonment  float64 `json:"abandonment"`
		Occupancy    float64 `json:"occupancy"`
		Cost         string  `json:"cost"`
	} `json:"want"`
}

func num(s string) float64 {
	if s == "" {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return v
}

func (c referenceCase) staffing() Staffing {
	return Staffing{
		Targets: operations.Targets{
			ServiceLevel: num(c.Targets.SL), Within: time.Duration(c.Targets.WithinS) * time.Second,
			ASA: time.Duration(num(c.Targets.ASA) * float64(time.Second)), Abandonment: num(c.Targets.Ab),
			Occupancy: num(c.Targets.Occ), Shrinkage: num(c.Targets.Shrink),
		},
		Patience:    time.Duration(c.PatienceS) * time.Second,
		Concurrency: c.Concurrency,
		AHT:         time.Duration(c.AHTS) * time.Second,
		Cost:        Cost{Hourly: decimal.RequireFromString(c.Hourly), PerContact: decimal.RequireFromString(c.PerContact)},
	}
}

func readReference(t *testing.T) []referenceCase {
	t.Helper()
	b, err := os.ReadFile("testdata/requirements.json")
	require.NoError(t, err)
	var g struct {
		Cases []referenceCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(b, &g))
	require.NotEmpty(t, g.Cases)
	return g.Cases
}

func near(t *testing.T, what string, got, want, rel float64) {
	t.Helper()
	if math.Abs(got-want) > rel*math.Max(math.Abs(want), 1e-3) {
		t.Errorf("%s = %.12g, want %.12g", what, got, want)
	}
}

// One interval per reference case, planned through New: the agents, the
// fractional requirement, the positions, the metrics and the cost.
func TestRequirementReference(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for _, c := range readReference(t) {
		t.Run(c.Name, func(t *testing.T) {
			f := forecast.Forecast{Location: time.UTC, Interval: time.Duration(c.IntervalS) * time.Second,
				Demand: []forecast.Demand{{Start: start, Contacts: num(c.Contacts)}}}
			p, err := New(f, c.staffing())
			require.NoError(t, err)
			iv := p.Intervals[0]
			w := c.Want
			near(t, "traffic", iv.TrafficErlangs, w.Traffic, 1e-12)
			assert.Equal(t, w.Agents, iv.Agents, "agents")
			near(t, "fractional", iv.AgentsFractional, w.Fractional, 1e-9)
			assert.Equal(t, w.Agents, int(math.Ceil(iv.AgentsFractional)), "⌈fractional⌉ = agents")
			assert.Equal(t, w.Positions, iv.Positions, "positions")
			near(t, "positions fractional", iv.PositionsFractional, w.Fractional/(1-num(c.Targets.Shrink)), 1e-9)
			near(t, "SL", *iv.ServiceLevelPct, 100*w.ServiceLevel, 1e-9)
			near(t, "ASA", *iv.ASASeconds, w.ASAS, 1e-6)
			near(t, "abandonment", *iv.AbandonmentPct, 100*w.Abandonment, 1e-8)
			near(t, "occupancy", *iv.OccupancyPct, 100*w.Occupancy, 1e-9)
			assert.True(t, iv.CostAmount.Equal(decimal.RequireFromString(w.Cost)), "cost %v, want %v", iv.CostAmount, w.Cost)
			assert.True(t, p.Total.CostAmount.Equal(iv.CostAmount))
		})
	}
}

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return loc
}()

// demand returns a forecast of hourly intervals from start in Paris,
// with the given contacts and an AHT of 240 s.
func demand(start time.Time, contacts ...float64) forecast.Forecast {
	f := forecast.Forecast{Location: paris, Interval: time.Hour}
	aht := 240.0
	for i, c := range contacts {
		f.Demand = append(f.Demand, forecast.Demand{Start: start.Add(time.Duration(i) * time.Hour), Contacts: c, AHTSeconds: &aht})
	}
	return f
}

var staffing = Staffing{
	Targets:  operations.Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Shrinkage: 0.3},
	Contract: Contract{Weekly: 35 * time.Hour},
	Cost:     Cost{Hourly: decimal.RequireFromString("30"), PerContact: decimal.RequireFromString("0.2")},
}

// Days, ISO weeks and the total add up their intervals: position hours
// over the contract's, costs exactly, the service weighted by contacts.
func TestPeriods(t *testing.T) {
	sunday := time.Date(2026, 3, 8, 22, 0, 0, 0, paris) // ISO week 10; Monday is week 11
	p, err := New(demand(sunday, 90, 0, 30, 120), staffing)
	require.NoError(t, err)
	require.Len(t, p.Days, 2)
	require.Len(t, p.Weeks, 2)
	sun, mon := p.Days[0], p.Days[1]
	assert.Equal(t, forecast.Date{Year: 2026, Month: 3, Day: 8}, sun.Date)
	assert.Equal(t, 2, sun.Intervals)
	assert.Equal(t, 2, mon.First)
	assert.Equal(t, 10, p.Weeks[0].Week)
	assert.Equal(t, 11, p.Weeks[1].Week)
	assert.Equal(t, sun.Date, p.Weeks[0].To)
	iv := p.Intervals
	assert.Zero(t, iv[1].Agents)
	assert.Nil(t, iv[1].ServiceLevelPct)
	// A day's FTE: its position hours over 35 h / 5 days.
	assert.InDelta(t, float64(iv[0].Positions+iv[1].Positions)/7, *sun.FTE, 1e-12)
	assert.InDelta(t, float64(iv[2].Positions+iv[3].Positions)/7, *mon.FTE, 1e-12)
	// The week's: over 35 h. The total's: over 35 h × 2 days / 7.
	assert.InDelta(t, float64(iv[2].Positions+iv[3].Positions)/35, *p.Weeks[1].FTE, 1e-12)
	hours := 0
	for _, x := range iv {
		hours += x.Positions
	}
	assert.InDelta(t, float64(hours)/10, *p.Total.FTE, 1e-12)
	assert.Less(t, *p.Total.FTEFractional, *p.Total.FTE, "rounding each interval overstates needs")
	// Costs: positions × 30 + contacts × 0.2, exactly, and per contact.
	want := decimal.NewFromInt(int64(30*hours) + 48) // 240 contacts × 0.2
	assert.True(t, p.Total.CostAmount.Equal(want), "total %v, want %v", p.Total.CostAmount, want)
	sum := decimal.Zero
	for _, x := range iv {
		sum = sum.Add(x.CostAmount)
	}
	assert.True(t, sum.Equal(want))
	assert.True(t, p.Total.CostPerContactAmount.Equal(want.DivRound(decimal.NewFromInt(240), 4)))
	// Service level weighted by contacts, occupancy by agents.
	sl := (90**iv[0].ServiceLevelPct + 30**iv[2].ServiceLevelPct + 120**iv[3].ServiceLevelPct) / 240
	assert.InDelta(t, sl, *p.Total.ServiceLevelPct, 1e-9)
	occ := (float64(iv[0].Agents)**iv[0].OccupancyPct + float64(iv[2].Agents)**iv[2].OccupancyPct + float64(iv[3].Agents)**iv[3].OccupancyPct) /
		float64(iv[0].Agents+iv[2].Agents+iv[3].Agents)
	assert.InDelta(t, occ, *p.Total.OccupancyPct, 1e-9)
	assert.Equal(t, iv[3], p.Peak())
	assert.Equal(t, max(iv[0].Agents, iv[3].Agents), p.Total.PeakAgents)
	js, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(js), `"time_zone":"Europe/Paris"`)
	assert.Contains(t, string(js), `"service_level_pct":null`)
	assert.Contains(t, p.String(), "FTE")
	s, err := p.Span(2, 4)
	require.NoError(t, err)
	assert.Len(t, s.Days, 1)
	assert.Equal(t, mon.Figures, s.Days[0].Figures)
	_, err = p.Span(3, 3)
	require.ErrorIs(t, err, ErrRange)
}

// The table's row 0 is the plan; more agents buy service for money; too
// few leave an Erlang C interval unstable and the service undefined.
func TestTable(t *testing.T) {
	p, err := New(demand(time.Date(2026, 3, 9, 9, 0, 0, 0, paris), 100, 60, 10), staffing)
	require.NoError(t, err)
	rows, err := p.Table(-3, 3)
	require.NoError(t, err)
	require.Len(t, rows, 7)
	zero := rows[3]
	assert.Equal(t, 0, zero.Offset)
	assert.Equal(t, p.Total.Figures, zero.Figures)
	assert.Equal(t, p.Total.FTE, zero.FTE)
	for k := 4; k < len(rows); k++ {
		assert.Greater(t, *rows[k].ServiceLevelPct, *rows[k-1].ServiceLevelPct)
		assert.Less(t, *rows[k].ASASeconds, *rows[k-1].ASASeconds)
		assert.True(t, rows[k].CostAmount.GreaterThan(rows[k-1].CostAmount))
	}
	assert.Positive(t, rows[0].Unstable)
	assert.Nil(t, rows[0].ServiceLevelPct)
	assert.Contains(t, TableString(rows), "offset")
	one, err := p.Span(0, 1)
	require.NoError(t, err)
	rows, err = one.Table(-1, 1)
	require.NoError(t, err)
	assert.Equal(t, p.Intervals[0].Agents+1, rows[2].PeakAgents)
	for _, c := range [][2]int{{1, 0}, {-101, 0}, {0, 101}, {-30, 30}} {
		_, err := p.Table(c[0], c[1])
		require.ErrorIs(t, err, ErrRange)
	}
}

func TestNewErrors(t *testing.T) {
	start := time.Date(2026, 3, 9, 9, 0, 0, 0, paris)
	good := demand(start, 10, 20)
	for _, c := range []struct {
		name string
		f    func() forecast.Forecast
		s    func(Staffing) Staffing
		want error
	}{
		{"no-location", func() forecast.Forecast { f := demand(start, 1); f.Location = nil; return f }, nil, ErrForecast},
		{"interval", func() forecast.Forecast { f := demand(start, 1); f.Interval = 90 * time.Second; return f }, nil, ErrForecast},
		{"empty", func() forecast.Forecast { f := demand(start); return f }, nil, ErrEmpty},
		{"nan", func() forecast.Forecast { return demand(start, math.NaN()) }, nil, ErrForecast},
		{"negative", func() forecast.Forecast { return demand(start, -1) }, nil, ErrForecast},
		{"order", func() forecast.Forecast {
			f := demand(start, 1, 2)
			f.Demand[1].Start = start
			return f
		}, nil, ErrForecast},
		{"off-grid", func() forecast.Forecast {
			f := demand(start, 1, 2)
			f.Demand[1].Start = start.Add(90 * time.Minute)
			return f
		}, nil, ErrForecast},
		{"no-aht", func() forecast.Forecast {
			f := demand(start, 1, 2)
			f.Demand[1].AHTSeconds = nil
			return f
		}, nil, ErrAHT},
		{"no-target", nil, func(s Staffing) Staffing { s.Targets = operations.Targets{Shrinkage: 0.3}; return s }, ErrTargets},
		{"bad-target", nil, func(s Staffing) Staffing { s.Targets.ServiceLevel = 1.5; return s }, ErrTargets},
		{"bad-shrinkage", nil, func(s Staffing) Staffing { s.Targets.Shrinkage = 1; return s }, ErrTargets},
		{"contract", nil, func(s Staffing) Staffing { s.Contract.DaysPerWeek = 8; return s }, ErrContract},
		{"negative-cost", nil, func(s Staffing) Staffing { s.Cost.Hourly = decimal.NewFromInt(-1); return s }, ErrAmount},
		{"huge-cost", nil, func(s Staffing) Staffing { s.Cost.PerContact = decimal.New(1, 70); return s }, ErrAmount},
		{"negative-aht", nil, func(s Staffing) Staffing { s.AHT = -time.Second; return s }, ErrAHT},
		{"unreachable", func() forecast.Forecast { return demand(start, 1e12) }, nil, ErrQueue},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, s := good, staffing
			if c.f != nil {
				f = c.f()
			}
			if c.s != nil {
				s = c.s(s)
			}
			_, err := New(f, s)
			require.ErrorIs(t, err, c.want)
			if c.want != ErrEmpty {
				assert.Contains(t, err.Error(), "plan: ")
			}
		})
	}
}

// Staffing.AHT replaces the forecast's; chats at concurrency 2 need
// fewer agents than calls.
func TestStaffingOptions(t *testing.T) {
	start := time.Date(2026, 3, 9, 9, 0, 0, 0, paris)
	f := demand(start, 100)
	f.Demand[0].AHTSeconds = nil
	s := staffing
	s.AHT = 3 * time.Minute
	calls, err := New(f, s)
	require.NoError(t, err)
	assert.InDelta(t, 5, calls.Intervals[0].TrafficErlangs, 1e-12) // 100 × 3 min / 60 min
	s.Concurrency = 2
	chats, err := New(f, s)
	require.NoError(t, err)
	assert.Less(t, chats.Intervals[0].Agents, calls.Intervals[0].Agents)
	s.Concurrency, s.Patience = 0, 2*time.Minute
	a, err := New(f, s)
	require.NoError(t, err)
	assert.Positive(t, *a.Intervals[0].AbandonmentPct)
}
