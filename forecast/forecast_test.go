package forecast

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var monday = Date{2025, 6, 2}

// The forecast of a day is the daily model's, spread over its intervals
// by the weekday's profile; the intervals add up to the day, and the day
// is the recursion's forecast from the fitted state.
func TestForecastConsistent(t *testing.T) {
	s := synth(1, monday, 10*7, time.UTC, 30*time.Minute, 2000, 0.002)
	for _, m := range []Model{
		{}, {Trend: TrendDamped}, {Trend: TrendAdditive, Season: SeasonMultiplicative}, {Method: WeekdayMean},
	} {
		t.Run(m.String(), func(t *testing.T) {
			f, err := Fit(s, Options{Model: m})
			require.NoError(t, err)
			fc, err := f.Forecast(21)
			require.NoError(t, err)
			require.Len(t, fc.Days, 21)
			require.Len(t, fc.Demand, 21*48)
			daily := f.daily(21)
			for h, d := range fc.Days {
				assert.Equal(t, monday.AddDays(70+h), d.Date)
				sum := 0.0
				for _, x := range fc.Demand[d.First : d.First+d.Intervals] {
					require.GreaterOrEqual(t, x.Contacts, 0.0)
					sum += x.Contacts
				}
				assert.InDelta(t, d.Contacts, sum, 1e-9*math.Max(1, sum))
				if d.Date.Weekday() == time.Sunday {
					assert.Zero(t, d.Contacts, "closed on Sunday")
					assert.Nil(t, d.ContactsInterval)
					assert.Nil(t, d.AHTSeconds)
					continue
				}
				assert.InDelta(t, math.Max(daily[h], 0), d.Contacts, 1e-9)
				require.NotNil(t, d.AHTSeconds)
				assert.InDelta(t, 330, *d.AHTSeconds, 40)
				if m.Method == WeekdayMean {
					assert.Nil(t, d.ContactsInterval)
				} else {
					require.NotNil(t, d.ContactsInterval, "day %d", h)
					assert.LessOrEqual(t, d.ContactsInterval.Lo, d.Contacts)
					assert.GreaterOrEqual(t, d.ContactsInterval.Hi, d.Contacts)
				}
			}
			// Nights are closed: nothing at 03:00, the most at 10:30.
			assert.Zero(t, fc.Demand[6].Contacts)
			peak, ok := fc.Peak()
			require.True(t, ok)
			assert.Equal(t, "10:30", peak.Start.Format("15:04"))
			assert.Equal(t, time.Monday, peak.Start.Weekday())
			js, err := json.Marshal(fc)
			require.NoError(t, err)
			assert.Contains(t, string(js), `"interval_seconds":1800`)
			assert.Contains(t, fc.String(), "contacts")
		})
	}
}

// Fitted SSE and parameters are those of fitParams on the daily totals,
// and fixed parameters are used as given.
func TestFitDailyModel(t *testing.T) {
	s := synth(2, monday, 8*7, time.UTC, time.Hour, 1500, 0)
	days, err := s.layout()
	require.NoError(t, err)
	y := s.dayTotals(days)
	init, err := initial(y, nil, TrendNone, SeasonAdditive)
	require.NoError(t, err)
	p, sse, err := fitParams(TrendNone, SeasonAdditive, init, y, nil)
	require.NoError(t, err)
	f, err := Fit(s, Options{})
	require.NoError(t, err)
	got, ok := f.Params()
	require.True(t, ok)
	assert.Equal(t, p, got)
	assert.InDelta(t, sse, f.SSE(), 1e-9*sse)
	fixed := Params{Alpha: 0.2, Gamma: 0.1}
	g, err := Fit(s, Options{Params: &fixed})
	require.NoError(t, err)
	got, _ = g.Params()
	fixed.Phi = 1 // left 0: 1 without a damped trend
	assert.Equal(t, fixed, got)
	fitted, ok := g.InSample()
	require.True(t, ok)
	require.Len(t, fitted, len(y))
	m := smoother{trend: TrendNone, season: SeasonAdditive, p: fixed}
	st := init
	want := make([]float64, len(y))
	_, err = m.run(&st, y, nil, want)
	require.NoError(t, err)
	assert.Equal(t, want, fitted)
	_, ok = (&Fitted{opts: Options{Model: Model{Method: WeekdayMean}}}).InSample()
	assert.False(t, ok)
}

// Across the autumn change in Paris the forecast day has 50 half hours,
// the repeated hour's passes get the share of their slot each, and the
// day keeps the daily model's volume.
func TestForecastClockChange(t *testing.T) {
	first := Date{2025, 8, 4} // a Monday; the history ends on Sunday 2025-10-19
	s := synth(3, first, 11*7, paris, 30*time.Minute, 1000, 0)
	f, err := Fit(s, Options{})
	require.NoError(t, err)
	fc, err := f.Forecast(14)
	require.NoError(t, err)
	var dst Day
	for _, d := range fc.Days {
		if d.Date == (Date{2025, 10, 26}) {
			dst = d
		}
	}
	require.Equal(t, 50, dst.Intervals)
	daily := f.daily(14)
	assert.Zero(t, dst.Contacts) // a Sunday: closed
	sat := fc.Days[5]            // Saturday 2025-10-25, a normal day
	assert.Equal(t, Date{2025, 10, 25}, sat.Date)
	assert.Equal(t, 48, sat.Intervals)
	assert.InDelta(t, daily[5], sat.Contacts, 1e-9)
	// Make Sunday an open holiday to see the repeated hour's intervals.
	flat := make([]float64, 48)
	for k := range flat {
		flat[k] = 1
	}
	f, err = Fit(s, Options{Holidays: []Holiday{{Date: Date{2025, 10, 26}, Factor: 1, Profile: flat}}})
	require.NoError(t, err)
	fc, err = f.Forecast(14)
	require.NoError(t, err)
	dst = fc.Days[6]
	require.Equal(t, Date{2025, 10, 26}, dst.Date)
	require.True(t, dst.Holiday)
	day := fc.Demand[dst.First : dst.First+50]
	assert.Equal(t, "02:00 +0200", day[4].Start.Format("15:04 -0700"))
	assert.Equal(t, "02:00 +0100", day[6].Start.Format("15:04 -0700"))
	sum := 0.0
	for _, x := range day {
		assert.InDelta(t, dst.Contacts/50, x.Contacts, 1e-9)
		sum += x.Contacts
	}
	assert.InDelta(t, dst.Contacts, sum, 1e-9)
	// The spring change has 46 intervals.
	spring := Date{2026, 3, 9} // a Monday
	s = synth(4, spring.AddDays(-70), 70, paris, 30*time.Minute, 1000, 0)
	f, err = Fit(s, Options{Holidays: []Holiday{{Date: Date{2026, 3, 29}, Factor: 1, Profile: flat}}})
	require.NoError(t, err)
	fc, err = f.Forecast(21)
	require.NoError(t, err)
	assert.Equal(t, 46, fc.Days[20].Intervals)
	assert.Equal(t, Date{2026, 3, 29}, fc.Days[20].Date)
}

// Holidays and excluded days are left out of the fit: a history with an
// absurd value on them fits as one without.
func TestFitLeavesOutHolidays(t *testing.T) {
	s := synth(5, monday, 9*7, time.UTC, time.Hour, 1200, 0)
	days, _ := s.layout()
	spoiled := s
	spoiled.Contacts = append([]float64(nil), s.Contacts...)
	for _, i := range []int{10, 30} {
		for k := range days[i].n {
			spoiled.Contacts[days[i].first+k] *= 7
		}
	}
	o := Options{Holidays: []Holiday{{Date: days[10].date, Factor: 0.5}}, Exclude: []Date{days[30].date}}
	a, err := Fit(spoiled, o)
	require.NoError(t, err)
	for _, i := range []int{10, 30} {
		for k := range days[i].n {
			spoiled.Contacts[days[i].first+k] = 12345
		}
	}
	b, err := Fit(spoiled, o)
	require.NoError(t, err)
	pa, _ := a.Params()
	pb, _ := b.Params()
	assert.Equal(t, pa, pb)
	assert.Equal(t, a.SSE(), b.SSE())
	fa, _ := a.Forecast(7)
	fb, _ := b.Forecast(7)
	assert.Equal(t, fa.Days, fb.Days)
}

// A holiday ahead is the normal forecast times its factor; 0 is closed.
func TestForecastHolidays(t *testing.T) {
	s := synth(6, monday, 8*7, time.UTC, time.Hour, 1200, 0)
	plain, err := Fit(s, Options{})
	require.NoError(t, err)
	base, err := plain.Forecast(7)
	require.NoError(t, err)
	mon, tue := monday.AddDays(56), monday.AddDays(57)
	f, err := Fit(s, Options{Holidays: []Holiday{{Date: mon}, {Date: tue, Factor: 0.6}}})
	require.NoError(t, err)
	fc, err := f.Forecast(7)
	require.NoError(t, err)
	assert.Zero(t, fc.Days[0].Contacts)
	assert.True(t, fc.Days[0].Holiday)
	assert.InDelta(t, 0.6*base.Days[1].Contacts, fc.Days[1].Contacts, 1e-9)
	assert.InDelta(t, 0.6*base.Days[1].ContactsInterval.Hi, fc.Days[1].ContactsInterval.Hi, 1e-9)
	assert.Equal(t, base.Days[2], fc.Days[2])
}

func TestFitErrors(t *testing.T) {
	s := synth(7, monday, 5*7, time.UTC, time.Hour, 1200, 0)
	short := s.head(13 * 24)
	allMondays := []Date{}
	for w := range 5 {
		allMondays = append(allMondays, monday.AddDays(7*w))
	}
	for _, c := range []struct {
		name string
		s    Series
		o    Options
		want error
	}{
		{"13-days", short, Options{}, ErrShort},
		{"13-days-weekday-mean", short, Options{Model: Model{Method: WeekdayMean}}, nil},
		{"usable-days", s, Options{Exclude: []Date{monday.AddDays(1), monday.AddDays(2), monday.AddDays(3), monday.AddDays(8), monday.AddDays(9), monday.AddDays(10), monday.AddDays(11),
			monday.AddDays(12), monday.AddDays(13), monday.AddDays(15), monday.AddDays(16), monday.AddDays(17), monday.AddDays(18), monday.AddDays(19), monday.AddDays(20),
			monday.AddDays(22), monday.AddDays(23), monday.AddDays(24)}}, ErrShort},
		{"every-monday", s, Options{Exclude: allMondays}, ErrShort},
		{"level", s, Options{Level: 1.5}, ErrLevel},
		{"params", s, Options{Params: &Params{Alpha: 1.2, Phi: 1}}, ErrParams},
		{"params-phi", s, Options{Model: Model{Trend: TrendDamped}, Params: &Params{Alpha: 0.2, Beta: 0.1, Phi: 1}}, ErrParams},
		{"params-weekday-mean", s, Options{Model: Model{Method: WeekdayMean}, Params: &Params{Alpha: 0.2, Phi: 1}}, ErrParams},
		{"method", s, Options{Model: Model{Trend: 7}}, ErrMethod},
		{"holiday-profile", s, Options{Holidays: []Holiday{{Date: monday, Factor: 1, Profile: []float64{1, 2}}}}, ErrHoliday},
		{"holiday-zero-profile", s, Options{Holidays: []Holiday{{Date: monday, Factor: 1, Profile: make([]float64, 24)}}}, ErrHoliday},
		{"holiday-factor", s, Options{Holidays: []Holiday{{Date: monday, Factor: -1}}}, ErrHoliday},
		{"holiday-twice", s, Options{Holidays: []Holiday{{Date: monday}, {Date: monday}}}, ErrDuplicate},
		{"holiday-date", s, Options{Holidays: []Holiday{{Date: Date{2025, 2, 30}}}}, ErrHoliday},
		{"exclude-twice", s, Options{Exclude: []Date{monday, monday}}, ErrDuplicate},
		{"profile-weeks", s, Options{ProfileWeeks: -1}, ErrHorizon},
		{"multiplicative-on-nothing", Series{Location: time.UTC, Interval: time.Hour, Start: s.Start, Contacts: make([]float64, 24*21)}, Options{Model: Model{Season: SeasonMultiplicative}}, ErrModel},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Fit(c.s, c.o)
			if c.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, c.want)
			assert.Contains(t, err.Error(), "forecast")
		})
	}
	f, err := Fit(s, Options{})
	require.NoError(t, err)
	for _, h := range []int{0, -1, MaxHorizon + 1} {
		_, err := f.Forecast(h)
		require.ErrorIs(t, err, ErrHorizon)
	}
	_, err = f.Forecast(MaxHorizon)
	require.NoError(t, err)
}

// A weekly pattern repeated exactly is forecast exactly by WeekdayMean:
// WAPE, MAPE and bias 0, the closed intervals counted as zeros.
func TestBacktestExact(t *testing.T) {
	s := synth(8, monday, 3*7, time.UTC, time.Hour, 1000, 0)
	for i := 7 * 24; i < len(s.Contacts); i++ {
		s.Contacts[i] = s.Contacts[i-7*24]
	}
	a, err := Backtest(s, Options{Model: Model{Method: WeekdayMean}, ProfileWeeks: 1}, 7)
	require.NoError(t, err)
	assert.Equal(t, 7, a.HoldoutDays)
	assert.Equal(t, monday.AddDays(14), a.From)
	assert.Equal(t, 7*24, a.Intervals.N)
	assert.Equal(t, 7, a.Days.N)
	assert.Equal(t, 24+6*12, a.Intervals.Zero) // Sunday and the nights
	assert.InDelta(t, 0, *a.Intervals.WAPEPct, 1e-9)
	assert.InDelta(t, 0, *a.Intervals.MAPEPct, 1e-9)
	assert.InDelta(t, 0, *a.Days.BiasPct, 1e-9)
	assert.Contains(t, a.String(), "WAPE 0.0%")
}

// The figures of a backtest by hand: actual 10 and 0, forecast 12 and 1.
func TestErrorsByHand(t *testing.T) {
	var e errSum
	e.add(10, 12)
	e.add(0, 1)
	r := e.errors()
	assert.Equal(t, 2, r.N)
	assert.Equal(t, 1, r.Zero)
	assert.InDelta(t, 30, *r.WAPEPct, 1e-12) // (2 + 1)/10
	assert.InDelta(t, 20, *r.MAPEPct, 1e-12) // 2/10 over the one interval with contacts
	assert.InDelta(t, 30, *r.BiasPct, 1e-12) // (2 + 1)/10
	var z errSum
	z.add(0, 0)
	r = z.errors()
	assert.Nil(t, r.WAPEPct)
	assert.Nil(t, r.MAPEPct)
	assert.Nil(t, r.BiasPct)
	js, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"n":1,"zero":1,"actual_count":0,"forecast_count":0,"wape_pct":null,"mape_pct":null,"bias_pct":null}`, string(js))
}

func TestBacktest(t *testing.T) {
	s := synth(9, monday, 10*7, paris, 30*time.Minute, 3000, 0.001)
	ex := monday.AddDays(66)
	a, err := Backtest(s, Options{Model: Model{Trend: TrendDamped}, Exclude: []Date{ex}}, 14)
	require.NoError(t, err)
	assert.Equal(t, 1, a.Excluded)
	assert.Equal(t, 13, a.Days.N)
	require.NotNil(t, a.Intervals.WAPEPct)
	// Poisson noise on ~50 contacts an open half hour is ~14 %; on days of
	// ~3000, ~2 %.
	assert.Less(t, *a.Intervals.WAPEPct, 25.0)
	assert.Less(t, *a.Days.WAPEPct, 6.0)
	assert.Greater(t, *a.Intervals.WAPEPct, *a.Days.WAPEPct)
	assert.Equal(t, 11, a.WithInterval) // the open days not excluded
	t.Log(a)
	for _, h := range []int{0, MaxHorizon + 1, 70} {
		_, err := Backtest(s, Options{}, h)
		require.ErrorIs(t, err, ErrHorizon)
	}
	_, err = Backtest(s, Options{}, 60)
	require.ErrorIs(t, err, ErrShort)
}

// The AHT of a slot leans on its weekday by AHTPrior contacts.
func TestSlotAHT(t *testing.T) {
	got := slotAHT([]float64{0, 10, 30}, []float64{0, 3000, 12000})
	day := 15000.0 / 40
	assert.InDelta(t, day, got[0], 1e-12)
	assert.InDelta(t, (3000+AHTPrior*day)/(10+AHTPrior), got[1], 1e-12)
	assert.InDelta(t, (12000+AHTPrior*day)/(30+AHTPrior), got[2], 1e-12)
	assert.Nil(t, slotAHT([]float64{0, 0}, []float64{0, 0}))
}

// The prediction intervals hold their level: on 400 series simulated
// from ETS(A,N,A) with the parameters fitted (and from a multiplicative
// Holt–Winters with multiplicative noise for the empirical ones), the
// actual day falls inside the 95 % interval 1 and 7 days ahead about 95 %
// of the time (the binomial standard error of 400 draws is 1.1 points).
func TestIntervalCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("simulation")
	}
	for _, c := range []struct {
		name   string
		model  Model
		p      Params
		lo, hi float64
	}{
		{"analytic", Model{}, Params{Alpha: 0.2, Gamma: 0.1, Phi: 1}, 0.91, 0.98},
		{"empirical", Model{Season: SeasonMultiplicative}, Params{Alpha: 0.2, Gamma: 0.1, Phi: 1}, 0.88, 0.98},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(11, 12))
			shape := [7]float64{1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.7}
			const n, reps = 140, 400
			inside := [2]int{}
			for range reps {
				l, s := 500.0, shape // multiplicative indices, or offsets 100·(index − 1)
				if c.model.Season == SeasonAdditive {
					for j := range s {
						s[j] = 100 * (shape[j] - 1)
					}
				}
				y := make([]float64, n+7)
				for t := range y {
					j := t % 7
					if c.model.Season == SeasonMultiplicative {
						f := l * s[j]
						e := f * 0.04 * r.NormFloat64()
						y[t] = f + e
						l, s[j] = l+c.p.Alpha*e/s[j], s[j]+c.p.Gamma*e/l
					} else {
						e := 20 * r.NormFloat64()
						y[t] = l + s[j] + e
						l, s[j] = l+c.p.Alpha*e, s[j]+c.p.Gamma*e
					}
				}
				ser := Series{Location: time.UTC, Interval: 24 * time.Hour, Start: monday.Start(time.UTC), Contacts: y[:n]}
				p := c.p
				f, err := Fit(ser, Options{Model: c.model, Params: &p})
				require.NoError(t, err)
				fc, err := f.Forecast(7)
				require.NoError(t, err)
				for i, h := range []int{0, 6} {
					b := fc.Days[h].ContactsInterval
					require.NotNil(t, b)
					if y[n+h] >= b.Lo && y[n+h] <= b.Hi {
						inside[i]++
					}
				}
			}
			for i, h := range []int{1, 7} {
				cov := float64(inside[i]) / reps
				t.Logf("%d days ahead: %.3f inside", h, cov)
				assert.True(t, cov >= c.lo && cov <= c.hi, "coverage %.3f %d days ahead", cov, h)
			}
		})
	}
}
