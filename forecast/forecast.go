package forecast

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Fitted is a model fitted to a history, ready to forecast the days
// after it.
type Fitted struct {
	opts     Options
	cal      calendar
	first    Date // the first and last days of the history
	last     Date
	y        []float64 // the daily volumes fitted
	skip     []bool    // the days left out of the fit
	nobs     int       // the days fitted
	init     state
	end      state
	sm       smoother
	sse      float64
	prof     profile
	holidays map[Date]Holiday
}

// Fit fits the model of o to the series: the daily volumes to the daily
// model, the last o.ProfileWeeks weeks to the intraday and AHT profiles.
// Holidays and excluded days are left out of both. It fails with the
// series' error (see Series), ErrShort with fewer than two weeks to fit
// (one for WeekdayMean) or a weekday never usable, ErrModel when a
// multiplicative season meets a level of 0, ErrConverge, or an error
// naming the bad option.
func Fit(s Series, o Options) (*Fitted, error) {
	days, err := s.layout()
	if err != nil {
		return nil, err
	}
	c, _ := newCalendar(s.Location, s.Interval)
	if o, err = o.settled(c.per); err != nil {
		return nil, err
	}
	return fit(s, days, c, o)
}

func fit(s Series, days []day, c calendar, o Options) (*Fitted, error) {
	f := &Fitted{opts: o, cal: c, first: days[0].date, last: days[len(days)-1].date, holidays: o.holidays()}
	exc := o.excluded()
	n := len(days)
	f.y = s.dayTotals(days)
	f.skip = make([]bool, n)
	for i, d := range days {
		_, hol := f.holidays[d.date]
		f.skip[i] = hol || exc[d.date]
		if !f.skip[i] {
			f.nobs++
		}
	}
	var err error
	if f.prof, err = learnProfile(s, days, c.per, o.ProfileWeeks, func(i int) bool { return !f.skip[i] }); err != nil {
		return nil, err
	}
	if o.Model.Method == WeekdayMean {
		return f, nil
	}
	if n < 2*period || f.nobs < 2*period {
		return nil, fmt.Errorf("%w: %d days of history, %d of them usable; a weekly season needs %d", ErrShort, n, f.nobs, 2*period)
	}
	tr, se := o.Model.Trend, o.Model.Season
	if f.init, err = initial(f.y, f.skip, tr, se); err != nil {
		return nil, err
	}
	p := Params{}
	if o.Params != nil {
		p = *o.Params
	} else if p, _, err = fitParams(tr, se, f.init, f.y, f.skip); err != nil {
		return nil, err
	}
	f.sm = smoother{trend: tr, season: se, p: p}
	f.end = f.init
	if f.sse, err = f.sm.run(&f.end, f.y, f.skip, nil); err != nil {
		return nil, err
	}
	return f, nil
}

// Model returns the model fitted.
func (f *Fitted) Model() Model { return f.opts.Model }

// Params returns the smoothing parameters, fitted or given; ok is false
// for WeekdayMean.
func (f *Fitted) Params() (Params, bool) {
	return f.sm.p, f.opts.Model.Method == HoltWinters
}

// SSE returns the sum of squared one-step errors of the daily volumes
// fitted (0 for WeekdayMean).
func (f *Fitted) SSE() float64 { return f.sse }

// InSample returns the one-step forecasts of the daily volumes of the
// history, day by day from its first, and ok = false for WeekdayMean.
func (f *Fitted) InSample() ([]float64, bool) {
	if f.opts.Model.Method != HoltWinters {
		return nil, false
	}
	out := make([]float64, len(f.y))
	st := f.init
	_, _ = f.sm.run(&st, f.y, f.skip, out) // it ran once in fit
	return out, true
}

// Demand is the forecast of one interval: the contacts expected to
// arrive in it and their AHT.
type Demand struct {
	Start    time.Time `json:"start"`
	Contacts float64   `json:"contacts_count"`
	// AHTSeconds is the AHT forecast, nil when the history has no
	// handle times.
	AHTSeconds *float64 `json:"aht_seconds"`
}

// Day is the forecast of one day.
type Day struct {
	Date     Date    `json:"date"`
	Contacts float64 `json:"contacts_count"`
	// ContactsInterval is the prediction interval of the day's
	// contacts, nil where the method gives none.
	ContactsInterval *Interval `json:"contacts_interval_count"`
	// AHTSeconds is the day's AHT forecast, the intervals' weighted by
	// their contacts; nil without handle times or contacts.
	AHTSeconds *float64 `json:"aht_seconds"`
	// Holiday says the day was forecast as a holiday.
	Holiday bool `json:"holiday,omitempty"`
	// First and Intervals locate the day's intervals in Forecast.Demand.
	First     int `json:"first"`
	Intervals int `json:"intervals"`
}

// Forecast is the forecast of the days after a history, day by day and
// interval by interval.
type Forecast struct {
	Location *time.Location
	Interval time.Duration
	Model    Model
	// Params are the smoothing parameters, nil for WeekdayMean.
	Params *Params
	Days   []Day
	Demand []Demand
}

// Forecast forecasts the `days` days after the history, 1 ≤ days ≤
// MaxHorizon. A day's volume is the daily model's forecast (never below
// 0; times the factor on a holiday), spread over the day's intervals in
// proportion to its weekday's profile share of each interval's slot (or
// the holiday's profile), renormalised over the intervals the day has,
// so that a day whose clock changes keeps its volume; a weekday without
// contacts in the history is forecast closed. Each interval's AHT is its
// slot's AHT profile.
func (f *Fitted) Forecast(days int) (Forecast, error) {
	if days < 1 || days > MaxHorizon {
		return Forecast{}, fmt.Errorf("%w: %d days not in 1..%d", ErrHorizon, days, MaxHorizon)
	}
	first := f.last.AddDays(1)
	layout, n, err := f.cal.span(first, days)
	if err != nil {
		return Forecast{}, err
	}
	daily := f.daily(days)
	bands, err := f.bands(daily, days)
	if err != nil {
		return Forecast{}, err
	}
	out := Forecast{
		Location: f.cal.loc, Interval: f.cal.step, Model: f.opts.Model,
		Days: make([]Day, days), Demand: make([]Demand, n),
	}
	if p, ok := f.Params(); ok {
		out.Params = &p
	}
	var ahts []float64
	if f.prof.aht[0] != nil {
		ahts = make([]float64, n+days) // one allocation for every AHT pointer
	}
	for h := range days {
		d := &layout[h]
		wd := d.date.Weekday()
		total := max(daily[h], 0)
		shares := f.prof.share[wd]
		day := Day{Date: d.date, First: d.first, Intervals: d.n}
		if hol, ok := f.holidays[d.date]; ok {
			total *= hol.Factor
			if hol.Profile != nil {
				shares = hol.Profile
			}
			day.Holiday = true
			if bands[h] != nil {
				bands[h].Lo *= hol.Factor
				bands[h].Hi *= hol.Factor
			}
		}
		norm := 0.0
		if shares != nil {
			for k := range d.n {
				norm += shares[d.slot(k)]
			}
		}
		if !(norm > 0) || total == 0 {
			total, bands[h] = 0, nil // closed
		}
		day.ContactsInterval = bands[h]
		ahtSum, t0 := 0.0, d.date.Start(f.cal.loc)
		for k := range d.n {
			i := d.first + k
			dm := &out.Demand[i]
			dm.Start = t0.Add(time.Duration(k) * f.cal.step)
			if norm > 0 {
				dm.Contacts = total * shares[d.slot(k)] / norm
			}
			if ahts != nil {
				ahts[i] = f.prof.aht[wd][d.slot(k)]
				dm.AHTSeconds = &ahts[i]
				ahtSum += dm.Contacts * ahts[i]
			}
		}
		day.Contacts = total
		if ahts != nil && total > 0 {
			ahts[n+h] = ahtSum / total
			day.AHTSeconds = &ahts[n+h]
		}
		out.Days[h] = day
	}
	return out, nil
}

// daily returns the daily model's forecasts of the next h days.
func (f *Fitted) daily(h int) []float64 {
	if f.opts.Model.Method == WeekdayMean {
		out := make([]float64, h)
		for k := range out {
			out[k] = f.prof.mean[f.last.AddDays(k+1).Weekday()]
		}
		return out
	}
	st := f.end
	return f.sm.ahead(&st, len(f.y), h)
}

// Peak returns the interval with the most contacts (the first of equals),
// ok = false for a forecast without intervals.
func (f Forecast) Peak() (Demand, bool) {
	if len(f.Demand) == 0 {
		return Demand{}, false
	}
	best := 0
	for i, d := range f.Demand {
		if d.Contacts > f.Demand[best].Contacts {
			best = i
		}
	}
	return f.Demand[best], true
}

// Contacts returns the total contacts forecast.
func (f Forecast) Contacts() float64 {
	t := 0.0
	for _, d := range f.Days {
		t += d.Contacts
	}
	return t
}

// MarshalJSON writes the forecast with its time zone's name and its
// interval in seconds.
func (f Forecast) MarshalJSON() ([]byte, error) {
	zone := ""
	if f.Location != nil {
		zone = f.Location.String()
	}
	return json.Marshal(struct {
		Zone     string   `json:"time_zone"`
		Interval float64  `json:"interval_seconds"`
		Model    Model    `json:"model"`
		Params   *Params  `json:"params"`
		Days     []Day    `json:"days"`
		Demand   []Demand `json:"demand"`
	}{zone, f.Interval.Seconds(), f.Model, f.Params, f.Days, f.Demand})
}

// String returns one line per day, e.g. "2026-03-02 Mon  1234.5 contacts
// [1100.2, 1368.8] (95% ets-analytic), AHT 312s".
func (f Forecast) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v forecast, %v intervals in %v\n", f.Model, f.Interval, f.Location)
	for _, d := range f.Days {
		fmt.Fprintf(&b, "%v %s %8.1f contacts", d.Date, d.Date.Weekday().String()[:3], d.Contacts)
		if d.ContactsInterval != nil {
			fmt.Fprintf(&b, " [%.1f, %.1f] (%g%% %s)", d.ContactsInterval.Lo, d.ContactsInterval.Hi, 100*d.ContactsInterval.Level, d.ContactsInterval.Method)
		}
		if d.AHTSeconds != nil {
			fmt.Fprintf(&b, ", AHT %.0fs", *d.AHTSeconds)
		}
		if d.Holiday {
			b.WriteString(", holiday")
		}
		b.WriteByte('\n')
	}
	return b.String()
}
