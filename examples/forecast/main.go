// Command forecast goes from a contact history to a staffing plan: it
// bins twelve weeks of seeded phone and chat contacts by half hour,
// measures a forecast on the last two weeks, forecasts the next two (a
// holiday among them), staffs every half hour for 80 % answered within
// 20 s, and prints the plan by day, its peak, the cost–service table and
// a schedule of shifts covering the first week.
//
//	go run ./examples/forecast
package main

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"time"

	"github.com/rapportkit/rapport/forecast"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/plan"
	"github.com/shopspring/decimal"
)

var (
	paris, _ = time.LoadLocation("Europe/Paris")
	// The history: twelve weeks from Monday 5 January 2026, through the
	// clock change of Sunday 29 March.
	first = forecast.Date{Year: 2026, Month: 1, Day: 5}
	days  = 12 * 7
	// The export lost the afternoon of 10 February: excluded.
	outage = forecast.Date{Year: 2026, Month: 2, Day: 10}
	// Easter Monday, 6 April, the centre is closed; the Tuesday after
	// takes a fifth more calls than a Tuesday.
	holidays = []forecast.Holiday{
		{Date: forecast.Date{Year: 2026, Month: 4, Day: 6}, Factor: 0},
		{Date: forecast.Date{Year: 2026, Month: 4, Day: 7}, Factor: 1.2},
	}
)

// channel is what the generator and the plan know of a channel.
type channel struct {
	ch          operations.Channel
	daily       float64 // mean contacts on a Monday
	aht         time.Duration
	concurrency float64
}

var channels = []channel{
	{operations.Phone, 1400, 4 * time.Minute, 0},
	{operations.Chat, 500, 7 * time.Minute, 2},
}

// weekday and intraday shape the generated traffic: busiest on Monday,
// half a day on Saturday, closed on Sunday; open 8:00–19:00 with a
// morning and an afternoon peak.
var weekday = [7]float64{time.Sunday: 0, time.Monday: 1, time.Tuesday: 0.85, time.Wednesday: 0.8, time.Thursday: 0.8, time.Friday: 0.75, time.Saturday: 0.35}

func intraday(h float64) float64 {
	if h < 8 || h >= 19 {
		return 0
	}
	return 1 + 0.9*math.Exp(-(h-10)*(h-10)) + 0.6*math.Exp(-(h-14.5)*(h-14.5)/2)
}

// contacts generates the history, seeded: Poisson counts per half hour,
// arrivals uniform in it, 92 % answered after a short wait with an
// exponential talk time and 30 s of wrap-up, the rest abandoned; slowly
// growing volume.
func contacts() []operations.Contact {
	r := rand.New(rand.NewPCG(2026, 4))
	norm := 0.0
	for k := range 48 {
		norm += intraday(float64(k) / 2)
	}
	var out []operations.Contact
	for _, c := range channels {
		for d := range days {
			date := first.AddDays(d)
			start := date.Start(paris)
			for t := start; t.Before(date.AddDays(1).Start(paris)); t = t.Add(30 * time.Minute) {
				h := float64(t.Hour()) + float64(t.Minute())/60
				if date == outage && h >= 12 {
					continue
				}
				mean := c.daily * (1 + 0.003*float64(d)) * weekday[date.Weekday()] * intraday(h) / norm
				for range poisson(r, mean) {
					at := t.Add(time.Duration(r.Int64N(int64(30 * time.Minute))))
					x := operations.Contact{ID: fmt.Sprint(len(out)), Channel: c.ch, Direction: operations.Inbound, Arrived: at}
					if r.Float64() < 0.92 {
						x.Outcome = operations.Answered
						x.Answered = at.Add(time.Duration(r.IntN(40)) * time.Second)
						x.Talk = time.Duration(r.ExpFloat64() * float64(c.aht-30*time.Second))
						x.Wrap = 30 * time.Second
					} else {
						x.Outcome = operations.Abandoned
					}
					out = append(out, x)
				}
			}
		}
	}
	return out
}

func poisson(r *rand.Rand, m float64) int {
	k, p := 0, math.Exp(-m)
	for u, cdf := r.Float64(), p; u > cdf; cdf += p {
		k++
		p *= m / float64(k)
	}
	return k
}

// targets: 80 % answered within 20 s, occupancy at most 85 %, 30 %
// shrinkage; a 35-hour week; 32.50 an hour loaded, 0.15 of tools per
// contact.
func staffing(c channel) plan.Staffing {
	return plan.Staffing{
		Targets:     operations.Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Occupancy: 0.85, Shrinkage: 0.3},
		Concurrency: c.concurrency,
		Contract:    plan.Contract{Weekly: 35 * time.Hour},
		Cost:        plan.Cost{Hourly: decimal.RequireFromString("32.50"), PerContact: decimal.RequireFromString("0.15")},
	}
}

func run(w io.Writer) error {
	by, err := forecast.HistoryBy(slices.Values(contacts()), 30*time.Minute, paris,
		func(c operations.Contact) operations.Channel { return c.Channel })
	if err != nil {
		return err
	}
	o := forecast.Options{
		Model:    forecast.Model{Trend: forecast.TrendDamped, Season: forecast.SeasonMultiplicative},
		Holidays: holidays,
		Exclude:  []forecast.Date{outage},
	}
	for _, c := range channels {
		h := by[c.ch]
		r, _ := h.Result()
		fmt.Fprintf(w, "== %v\nhistory: %v\n", c.ch, r)
		s, err := h.Series(first, days)
		if err != nil {
			return err
		}
		for _, m := range []forecast.Model{{Method: forecast.WeekdayMean}, o.Model} {
			bo := o
			bo.Model = m
			a, err := forecast.Backtest(s, bo, 14)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "backtest: %v\n", a)
		}
		f, err := forecast.Fit(s, o)
		if err != nil {
			return err
		}
		p, _ := f.Params()
		fmt.Fprintf(w, "fitted: %v, %v\n", f.Model(), p)
		fc, err := f.Forecast(14)
		if err != nil {
			return err
		}
		fmt.Fprint(w, fc)
		pl, err := plan.New(fc, staffing(c))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "plan:\n%v", pl)
		for _, wk := range pl.Weeks {
			fmt.Fprintf(w, "week %d (%v to %v): %.1f FTE, %.1f before rounding each half hour\n", wk.Week, wk.From, wk.To, *wk.FTE, *wk.FTEFractional)
		}
		peak := pl.Peak()
		fmt.Fprintf(w, "peak %s: %.1f contacts, %.2f Erlangs, %d agents (%.2f before rounding), %d positions\n",
			peak.Start.Format("Mon 2 Jan 15:04"), peak.Contacts, peak.TrafficErlangs, peak.Agents, peak.AgentsFractional, peak.Positions)
		week, err := pl.Span(0, pl.Days[6].First+pl.Days[6].Intervals)
		if err != nil {
			return err
		}
		rows, err := week.Table(-2, 2)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "cost–service, first week, every half hour staffed k agents off its requirement:\n%s", plan.TableString(rows))
		sched, err := week.Schedule(shifts, plan.ScheduleOptions{})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "shifts for the first week:\n%v\n", sched)
	}
	return nil
}

// shifts are the patterns agents work: a full day of 8 paid hours and an
// unpaid hour of lunch, starting from 7:30 to 10:00, or 4 hours part-time
// at a premium, starting on any half hour from 8:00 to 15:00. (The
// targets' 30 % shrinkage stands for absence and training; the lunch is
// in the shifts.)
var shifts = func() []plan.Shift {
	var full, part []time.Duration
	for m := 7*60 + 30; m <= 10*60; m += 30 {
		full = append(full, time.Duration(m)*time.Minute)
	}
	for m := 8 * 60; m <= 15*60; m += 30 {
		part = append(part, time.Duration(m)*time.Minute)
	}
	return []plan.Shift{
		{Name: "full", Starts: full, Length: 9 * time.Hour, Breaks: []plan.Break{{Start: 4 * time.Hour, Length: time.Hour}},
			Cost: decimal.RequireFromString("260")},
		{Name: "part-time", Starts: part, Length: 4 * time.Hour, Cost: decimal.RequireFromString("144")},
	}
}()

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "forecast:", err)
		os.Exit(1)
	}
}
