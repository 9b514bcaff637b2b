package forecast

import (
	"fmt"
	"math"
	"strings"

	"github.com/rapportkit/rapport/internal/unit"
)

// Errors are the accuracy figures of forecasts against actuals, over
// intervals or days:
//
//	WAPE  Σ|forecast − actual| ÷ Σ actual                   nil when Σ actual = 0
//	MAPE  mean of |forecast − actual| ÷ actual over the
//	      periods with actual > 0 (the others, Zero, are
//	      left out: the ratio is undefined at 0)          nil when none has actual > 0
//	bias  Σ(forecast − actual) ÷ Σ actual                  nil when Σ actual = 0
//
// WAPE is the one to read: it weighs each period by its volume, where
// MAPE lets a quiet interval with 1 contact forecast as 3 count as a
// 200 % error.
type Errors struct {
	N        int      `json:"n"`    // periods compared
	Zero     int      `json:"zero"` // of them with no actual contact
	Actual   float64  `json:"actual_count"`
	Forecast float64  `json:"forecast_count"`
	WAPEPct  *float64 `json:"wape_pct"`
	MAPEPct  *float64 `json:"mape_pct"`
	BiasPct  *float64 `json:"bias_pct"`
}

// errSum accumulates Errors.
type errSum struct {
	n, zero                    int
	actual, fc, abs, ape, bias float64
}

func (e *errSum) add(actual, fc float64) {
	e.n++
	e.actual += actual
	e.fc += fc
	e.abs += math.Abs(fc - actual)
	e.bias += fc - actual
	if actual > 0 {
		e.ape += math.Abs(fc-actual) / actual
	} else {
		e.zero++
	}
}

func (e *errSum) errors() Errors {
	r := Errors{N: e.n, Zero: e.zero, Actual: e.actual, Forecast: e.fc}
	r.WAPEPct = unit.Pct(e.abs/e.actual, e.actual > 0)
	r.BiasPct = unit.Pct(e.bias/e.actual, e.actual > 0)
	r.MAPEPct = unit.Pct(e.ape/float64(e.n-e.zero), e.n > e.zero)
	return r
}

// Accuracy is a backtest: the model fitted to the history less its last
// HoldoutDays days, its forecast of those days, and the errors.
type Accuracy struct {
	Model       Model   `json:"model"`
	Params      *Params `json:"params"`
	From        Date    `json:"from"` // the first and last days held out
	To          Date    `json:"to"`
	HoldoutDays int     `json:"holdout_days"`
	// Excluded counts the days held out that Options.Exclude leaves out
	// of the errors.
	Excluded  int    `json:"excluded_days"`
	Intervals Errors `json:"intervals"`
	Days      Errors `json:"days"`
	// Covered counts the days held out whose actual volume fell inside
	// the prediction interval, of those that have one (WithInterval).
	Covered      int `json:"covered_days"`
	WithInterval int `json:"days_with_interval"`
}

// Backtest fits o's model to the series less its last `holdout` days
// (1 ≤ holdout ≤ MaxHorizon), forecasts those days and compares, interval
// by interval and day by day, leaving out the days o excludes. Holidays
// held out are forecast as holidays. It fails as Fit does, or with
// ErrHorizon when the holdout leaves too little history.
func Backtest(s Series, o Options, holdout int) (Accuracy, error) {
	days, err := s.layout()
	if err != nil {
		return Accuracy{}, err
	}
	c, _ := newCalendar(s.Location, s.Interval)
	if o, err = o.settled(c.per); err != nil {
		return Accuracy{}, err
	}
	if holdout < 1 || holdout > MaxHorizon || holdout >= len(days) {
		return Accuracy{}, fmt.Errorf("%w: holdout of %d days from %d days of history (at most %d)", ErrHorizon, holdout, len(days), MaxHorizon)
	}
	keep := len(days) - holdout
	train := s.head(days[keep].first)
	f, err := fit(train, days[:keep], c, o)
	if err != nil {
		return Accuracy{}, fmt.Errorf("backtest on the first %d days: %w", keep, err)
	}
	fc, err := f.Forecast(holdout)
	if err != nil {
		return Accuracy{}, err
	}
	a := Accuracy{Model: o.Model, Params: fc.Params, From: days[keep].date, To: days[len(days)-1].date, HoldoutDays: holdout}
	exc := o.excluded()
	var iv, dv errSum
	for h, fd := range fc.Days {
		d := &days[keep+h]
		if exc[d.date] {
			a.Excluded++
			continue
		}
		total := 0.0
		for k := range d.n {
			x := s.Contacts[d.first+k]
			total += x
			iv.add(x, fc.Demand[fd.First+k].Contacts)
		}
		dv.add(total, fd.Contacts)
		if b := fd.ContactsInterval; b != nil {
			a.WithInterval++
			if total >= b.Lo && total <= b.Hi {
				a.Covered++
			}
		}
	}
	a.Intervals, a.Days = iv.errors(), dv.errors()
	return a, nil
}

// head returns the series' first n intervals.
func (s Series) head(n int) Series {
	t := s
	t.Contacts = s.Contacts[:n]
	if s.Handled != nil {
		t.Handled, t.Handle = s.Handled[:n], s.Handle[:n]
	}
	t.Filled = nil
	return t
}

// String returns e.g. "holt-winters (…) on 14 days held out (2026-03-02
// to 2026-03-15): intervals WAPE 12.3%, MAPE 15.1% (40 zero), bias
// -1.2%; days WAPE 4.1%, …; 13 of 14 days inside their 95% interval".
func (a Accuracy) String() string {
	pct := func(p *float64) string {
		if p == nil {
			return "n/a"
		}
		return fmt.Sprintf("%.1f%%", *p)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%v on %d days held out (%v to %v)", a.Model, a.HoldoutDays, a.From, a.To)
	if a.Excluded > 0 {
		fmt.Fprintf(&b, ", %d excluded", a.Excluded)
	}
	for _, e := range []struct {
		name string
		e    Errors
	}{{"intervals", a.Intervals}, {"days", a.Days}} {
		fmt.Fprintf(&b, "; %s WAPE %s, MAPE %s (%d zero), bias %s", e.name, pct(e.e.WAPEPct), pct(e.e.MAPEPct), e.e.Zero, pct(e.e.BiasPct))
	}
	if a.WithInterval > 0 {
		fmt.Fprintf(&b, "; %d of %d days inside their prediction interval", a.Covered, a.WithInterval)
	}
	return b.String()
}
