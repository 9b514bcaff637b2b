package plan

import (
	"math"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/rapportkit/rapport/forecast"
	"github.com/rapportkit/rapport/internal/cputime"
	"github.com/rapportkit/rapport/operations"
	"github.com/shopspring/decimal"
)

// yearOfHistory returns 52 weeks of half-hourly history of a queue in
// Paris (two clock changes), seeded: a weekly shape, an open day from
// 08:00 to 20:00 with two peaks, Poisson-like counts around `level`
// contacts a day, an AHT of about 300 s.
func yearOfHistory(seed uint64, level float64) forecast.Series {
	r := rand.New(rand.NewPCG(seed, 1))
	week := [7]float64{0.2, 1.3, 1.15, 1.05, 1.0, 0.95, 0.5}
	first := forecast.Date{Year: 2025, Month: 1, Day: 6}
	start := first.Start(paris)
	end := first.AddDays(364).Start(paris)
	n := int(end.Sub(start) / (30 * time.Minute))
	s := forecast.Series{Location: paris, Interval: 30 * time.Minute, Start: start,
		Contacts: make([]float64, n), Handled: make([]float64, n), Handle: make([]time.Duration, n)}
	for i := range n {
		t := start.Add(time.Duration(i) * 30 * time.Minute)
		h := float64(t.Hour()) + float64(t.Minute())/60
		shape := 0.0
		if h >= 8 && h < 20 {
			shape = (1 + 0.8*math.Exp(-(h-10.5)*(h-10.5)) + 0.6*math.Exp(-(h-14.5)*(h-14.5))) / 33
		}
		m := level * week[t.Weekday()] * shape
		x := math.Max(0, math.Round(m+math.Sqrt(m)*r.NormFloat64()))
		s.Contacts[i], s.Handled[i] = x, x
		s.Handle[i] = time.Duration(x*(280+40*r.Float64())) * time.Second
	}
	return s
}

var benchStaffing = Staffing{
	Targets:  operations.Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Occupancy: 0.85, Shrinkage: 0.3},
	Contract: Contract{Weekly: 35 * time.Hour},
	Cost:     Cost{Hourly: decimal.RequireFromString("32.50"), PerContact: decimal.RequireFromString("0.15")},
}

// BenchmarkYear is the task's size: 20 queues of 52 weeks of half hours,
// each fitted (Holt–Winters, damped trend), forecast 52 weeks ahead and
// planned interval by interval: 20 × 364 × 48 ≈ 349,000 intervals
// staffed. "sequential" runs the queues one after another, "parallel" on
// every core; the stages time one queue's part of the work (the largest).
//
// Measured 2026-12-02 on the project's 2-vCPU VM (AMD EPYC, Go 1.26),
// shared with other jobs (load average 10–20, so wall times vary by 2×;
// the CPU time reported with them does not): sequential 0.36–0.50 s wall,
// 0.34 s CPU for the 20 queues (about 1 µs an interval). A CPU profile
// puts 54 % in plan.New (27 % in the Erlang searches of
// operations.Queue.Staff and Metrics, 11 % in the day and week sums, 5 %
// pricing), 25 % in the least-squares fits (Nelder–Mead over the daily
// recursion), 5 % in spreading the forecasts over the intervals, the rest
// in allocation and GC (98 MB a run, mostly the plans' intervals). The
// parallel run's wall time depends on the other jobs; its CPU time is the
// same.
func BenchmarkYear(b *testing.B) {
	const queues = 20
	history := make([]forecast.Series, queues)
	for q := range history {
		history[q] = yearOfHistory(uint64(q), 500+200*float64(q))
	}
	o := forecast.Options{Model: forecast.Model{Trend: forecast.TrendDamped}}
	one := func(s forecast.Series) (*Plan, error) {
		f, err := forecast.Fit(s, o)
		if err != nil {
			return nil, err
		}
		fc, err := f.Forecast(364)
		if err != nil {
			return nil, err
		}
		return New(fc, benchStaffing)
	}
	b.Run("sequential", func(b *testing.B) {
		cpu := cputime.Now()
		for b.Loop() {
			for _, s := range history {
				if _, err := one(s); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(queues*364*48), "ns/interval")
		b.ReportMetric(float64((cputime.Now()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	})
	b.Run("parallel", func(b *testing.B) {
		cpu := cputime.Now()
		defer func() { b.ReportMetric(float64((cputime.Now()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op") }()
		for b.Loop() {
			var wg sync.WaitGroup
			errs := make([]error, queues)
			next := make(chan int, queues)
			for q := range queues {
				next <- q
			}
			close(next)
			for range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for q := range next {
						_, errs[q] = one(history[q])
					}
				}()
			}
			wg.Wait()
			for _, err := range errs {
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	s := history[queues-1]
	b.Run("stage=fit", func(b *testing.B) {
		for b.Loop() {
			if _, err := forecast.Fit(s, o); err != nil {
				b.Fatal(err)
			}
		}
	})
	f, err := forecast.Fit(s, o)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("stage=forecast", func(b *testing.B) {
		for b.Loop() {
			if _, err := f.Forecast(364); err != nil {
				b.Fatal(err)
			}
		}
	})
	fc, err := f.Forecast(364)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("stage=plan", func(b *testing.B) {
		for b.Loop() {
			if _, err := New(fc, benchStaffing); err != nil {
				b.Fatal(err)
			}
		}
	})
	p, err := New(fc, benchStaffing)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("stage=table", func(b *testing.B) {
		for b.Loop() {
			if _, err := p.Table(-2, 2); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSchedule covers a week of half hours of the largest queue of
// BenchmarkYear with three shift patterns starting every half hour from
// 6:00 (79 starts a day).
func BenchmarkSchedule(b *testing.B) {
	s := yearOfHistory(19, 4300)
	f, err := forecast.Fit(s, forecast.Options{})
	if err != nil {
		b.Fatal(err)
	}
	fc, err := f.Forecast(7)
	if err != nil {
		b.Fatal(err)
	}
	p, err := New(fc, benchStaffing)
	if err != nil {
		b.Fatal(err)
	}
	var starts []time.Duration
	for m := 6 * 60; m <= 14*60; m += 30 {
		starts = append(starts, time.Duration(m)*time.Minute)
	}
	shifts := []Shift{
		{Name: "full", Starts: starts, Length: 8 * time.Hour, Breaks: []Break{{Start: 4 * time.Hour, Length: time.Hour}}},
		{Name: "short", Starts: starts, Length: 6 * time.Hour, Breaks: []Break{{Start: 3 * time.Hour, Length: 30 * time.Minute}}},
		{Name: "half", Starts: append(starts, 15*time.Hour, 16*time.Hour), Length: 4 * time.Hour},
	}
	var sched Schedule
	for b.Loop() {
		if sched, err = p.Schedule(shifts, ScheduleOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	nodes := 0
	for _, d := range sched.Days {
		nodes += d.Nodes
	}
	b.ReportMetric(sched.GapPct, "gap-pct")
	b.ReportMetric(float64(nodes), "nodes")
}
