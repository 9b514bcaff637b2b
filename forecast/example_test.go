package forecast_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/rapportkit/rapport/forecast"
	"github.com/rapportkit/rapport/operations"
)

// history returns six weeks of hourly counts for a centre open 9:00–17:00
// on weekdays, busier on Mondays and before noon, with a little
// deterministic noise and 4 minutes of handle time per contact.
func history(loc *time.Location) forecast.Series {
	first := forecast.Date{Year: 2026, Month: 1, Day: 5} // a Monday
	var counts []forecast.Count
	for d := range 42 {
		date := first.AddDays(d)
		start := date.Start(loc)
		for h := range 24 {
			c := forecast.Count{Start: start.Add(time.Duration(h) * time.Hour)}
			if wd := date.Weekday(); wd != time.Saturday && wd != time.Sunday && h >= 9 && h < 17 {
				c.Contacts = 20 + float64((d*7+h*13)%5)
				if wd == time.Monday {
					c.Contacts += 10
				}
				if h < 12 {
					c.Contacts += 5
				}
				c.Handled, c.Handle = c.Contacts, time.Duration(c.Contacts)*4*time.Minute
			}
			counts = append(counts, c)
		}
	}
	s, err := forecast.SeriesOf(slices.Values(counts), time.Hour, loc, forecast.FillNone)
	if err != nil {
		panic(err)
	}
	return s
}

// Fit a model to six weeks of history and forecast the next week, day by
// day; the peak is the busiest interval.
func ExampleFit() {
	paris, _ := time.LoadLocation("Europe/Paris")
	s := history(paris)
	f, err := forecast.Fit(s, forecast.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fc, err := f.Forecast(7)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range fc.Days {
		fmt.Printf("%v %s %6.1f contacts\n", d.Date, d.Date.Weekday().String()[:3], d.Contacts)
	}
	peak, _ := fc.Peak()
	fmt.Printf("peak %s: %.1f contacts, AHT %.0f s\n", peak.Start.Format("Mon 15:04"), peak.Contacts, *peak.AHTSeconds)
	// Output:
	// 2026-02-16 Mon  270.5 contacts
	// 2026-02-17 Tue  191.5 contacts
	// 2026-02-18 Wed  191.2 contacts
	// 2026-02-19 Thu  191.0 contacts
	// 2026-02-20 Fri  190.7 contacts
	// 2026-02-21 Sat    0.0 contacts
	// 2026-02-22 Sun    0.0 contacts
	// peak Mon 11:00: 37.1 contacts, AHT 240 s
}

// A backtest holds out the last two weeks, forecasts them from the rest
// and measures the errors, interval by interval and day by day.
func ExampleBacktest() {
	s := history(time.UTC)
	a, err := forecast.Backtest(s, forecast.Options{Model: forecast.Model{Trend: forecast.TrendDamped}}, 14)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d intervals, %d without contacts; WAPE %.1f%%, bias %.1f%%\n", a.Intervals.N, a.Intervals.Zero, *a.Intervals.WAPEPct, *a.Intervals.BiasPct)
	fmt.Printf("days: WAPE %.1f%%, %d of %d inside the 95%% interval\n", *a.Days.WAPEPct, a.Covered, a.WithInterval)
	// Output:
	// 336 intervals, 256 without contacts; WAPE 5.4%, bias -0.0%
	// days: WAPE 0.6%, 8 of 10 inside the 95% interval
}

// SeriesOf reads counts as exports give them; an export that lists only
// the intervals with traffic needs FillZero, and says what it filled.
func ExampleSeriesOf() {
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	counts := []forecast.Count{
		{Start: day.Add(9 * time.Hour), Contacts: 12},
		{Start: day.Add(10 * time.Hour), Contacts: 17},
	}
	_, err := forecast.SeriesOf(slices.Values(counts), time.Hour, time.UTC, forecast.FillNone)
	fmt.Println(err)
	s, _ := forecast.SeriesOf(slices.Values(counts), time.Hour, time.UTC, forecast.FillZero)
	fmt.Println(len(s.Contacts), "intervals")
	for _, g := range s.Filled {
		fmt.Printf("filled %d from %s\n", g.Intervals, g.Start.Format("15:04"))
	}
	// Output:
	// forecast: missing interval: no count for the 9 intervals from 2026-03-02T00:00:00Z (before count 0); FillZero counts them as 0
	// 24 intervals
	// filled 9 from 00:00
	// filled 13 from 11:00
}

// HistoryBy bins contacts by the interval of the local clock they arrived
// in, here by channel; Series takes whole days of a history.
func ExampleHistoryBy() {
	paris, _ := time.LoadLocation("Europe/Paris")
	at := func(h, m int) time.Time { return time.Date(2026, 3, 2, h, m, 0, 0, paris) }
	contact := func(id string, ch operations.Channel, t time.Time, talk time.Duration) operations.Contact {
		return operations.Contact{ID: id, Channel: ch, Direction: operations.Inbound, Outcome: operations.Answered,
			Arrived: t, Answered: t.Add(15 * time.Second), Talk: talk, Wrap: 30 * time.Second}
	}
	contacts := []operations.Contact{
		contact("1", operations.Phone, at(9, 5), 4*time.Minute),
		contact("2", operations.Phone, at(9, 25), 6*time.Minute),
		contact("3", operations.Phone, at(9, 40), 5*time.Minute),
		contact("4", operations.Chat, at(9, 41), 9*time.Minute),
	}
	by, err := forecast.HistoryBy(slices.Values(contacts), 30*time.Minute, paris, func(c operations.Contact) operations.Channel { return c.Channel })
	if err != nil {
		fmt.Println(err)
		return
	}
	phone := by[operations.Phone]
	r, _ := phone.Result()
	fmt.Println(r)
	s, _ := phone.Series(forecast.Date{Year: 2026, Month: 3, Day: 2}, 1)
	fmt.Println(s.Contacts[18:20], s.Handle[18:20])
	// Output:
	// 3 contacts in 2 intervals of 30m0s (Europe/Paris) from 2026-03-02 09:00 to 2026-03-02 09:30, 3 answered, AHT 330.0s
	// [2 1] [11m0s 5m30s]
}
