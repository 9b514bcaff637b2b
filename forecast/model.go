package forecast

import (
	"fmt"
	"math"
)

// Method is how the daily volumes are forecast.
type Method uint8

const (
	// HoltWinters is exponential smoothing of the daily volumes with a
	// weekly season (and a trend, as Model.Trend says), its parameters
	// fitted by least squares.
	HoltWinters Method = iota
	// WeekdayMean forecasts each day as the mean volume of its weekday
	// over the profile weeks: the baseline a forecast must beat.
	WeekdayMean
)

// Trend is the trend of a Holt–Winters model.
type Trend uint8

const (
	// TrendNone has a level and a season only: ETS(A,N,·).
	TrendNone Trend = iota
	// TrendAdditive adds a slope per day that the data revise: ETS(A,A,·).
	TrendAdditive
	// TrendDamped is an additive trend that fades by the factor φ a day,
	// so that long horizons level off: ETS(A,Ad,·).
	TrendDamped
)

// Season is the weekly season of a Holt–Winters model.
type Season uint8

const (
	// SeasonAdditive adds a weekday's offset to the level: a Monday is
	// 40 contacts above the week's mean.
	SeasonAdditive Season = iota
	// SeasonMultiplicative multiplies the level by a weekday's index: a
	// Monday is 1.3 times the week's mean, so the weekly shape scales
	// with the volume.
	SeasonMultiplicative
)

// Model chooses the forecasting model. The zero value is Holt–Winters
// with an additive weekly season and no trend.
type Model struct {
	Method Method `json:"method"`
	Trend  Trend  `json:"trend"`
	Season Season `json:"season"`
}

func (m Model) check() error {
	if m.Method > WeekdayMean || m.Trend > TrendDamped || m.Season > SeasonMultiplicative {
		return fmt.Errorf("%w: method %d, trend %d, season %d", ErrMethod, m.Method, m.Trend, m.Season)
	}
	return nil
}

// String returns e.g. "holt-winters (trend damped, season multiplicative)"
// or "weekday-mean".
func (m Model) String() string {
	if m.Method == WeekdayMean {
		return "weekday-mean"
	}
	return fmt.Sprintf("holt-winters (trend %s, season %s)", m.Trend, m.Season)
}

// String returns "holt-winters" or "weekday-mean".
func (m Method) String() string {
	switch m {
	case HoltWinters:
		return "holt-winters"
	case WeekdayMean:
		return "weekday-mean"
	}
	return fmt.Sprintf("method(%d)", uint8(m))
}

// String returns "none", "additive" or "damped".
func (t Trend) String() string {
	switch t {
	case TrendNone:
		return "none"
	case TrendAdditive:
		return "additive"
	case TrendDamped:
		return "damped"
	}
	return fmt.Sprintf("trend(%d)", uint8(t))
}

// String returns "additive" or "multiplicative".
func (s Season) String() string {
	switch s {
	case SeasonAdditive:
		return "additive"
	case SeasonMultiplicative:
		return "multiplicative"
	}
	return fmt.Sprintf("season(%d)", uint8(s))
}

// MarshalText writes the method's name.
func (m Method) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// MarshalText writes the trend's name.
func (t Trend) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// MarshalText writes the season's name.
func (s Season) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Params are the smoothing parameters of a Holt–Winters model, in the
// error-correction-free form of Hyndman & Athanasopoulos §8.3:
//
//	level   ℓₜ = α(yₜ − sₜ₋₇) + (1 − α)(ℓₜ₋₁ + φbₜ₋₁)
//	trend   bₜ = β(ℓₜ − ℓₜ₋₁) + (1 − β)φbₜ₋₁
//	season  sₜ = γ(yₜ − ℓₜ₋₁ − φbₜ₋₁) + (1 − γ)sₜ₋₇
//
// (with yₜ/sₜ₋₇ and yₜ/(ℓₜ₋₁ + φbₜ₋₁) for a multiplicative season), with
// 0 < α < 1, 0 ≤ β ≤ 1, 0 ≤ γ ≤ 1 − α and 0.8 ≤ φ ≤ 0.98. Beta is 0
// without a trend and Phi is 1 unless the trend is damped.
type Params struct {
	Alpha float64 `json:"alpha"`
	Beta  float64 `json:"beta"`
	Gamma float64 `json:"gamma"`
	Phi   float64 `json:"phi"`
}

// The range of the damping factor.
const (
	MinPhi = 0.8
	MaxPhi = 0.98
)

func (p Params) check(t Trend) error {
	bad := !(p.Alpha > 0 && p.Alpha < 1) || !(p.Gamma >= 0 && p.Gamma <= 1-p.Alpha)
	switch t {
	case TrendNone:
		bad = bad || p.Beta != 0 || p.Phi != 1
	case TrendAdditive:
		bad = bad || !(p.Beta >= 0 && p.Beta <= 1) || p.Phi != 1
	case TrendDamped:
		bad = bad || !(p.Beta >= 0 && p.Beta <= 1) || !(p.Phi >= MinPhi && p.Phi <= MaxPhi)
	}
	if bad {
		return fmt.Errorf("%w: %+v for trend %v", ErrParams, p, t)
	}
	return nil
}

// String returns "α = 0.310, β = 0.020, γ = 0.120, φ = 0.950".
func (p Params) String() string {
	return fmt.Sprintf("α = %.3f, β = %.3f, γ = %.3f, φ = %.3f", p.Alpha, p.Beta, p.Gamma, p.Phi)
}

// Holiday is a day the caller knows is not a normal day of its weekday:
// a public holiday, a campaign, a billing run. In the history it is left
// out of the fit and of the profiles; in the forecast its volume is
// Factor times the model's forecast for the day, spread over the day by
// Profile, or by the weekday's profile if Profile is nil.
type Holiday struct {
	Date Date `json:"date"`
	// Factor is the day's volume as a multiple of a normal day of its
	// weekday: 0 for a day the centre is closed, 0.6 for Christmas Eve.
	Factor float64 `json:"factor"`
	// Profile, if set, has one weight per time-of-day slot (48 for
	// 30-minute intervals), ≥ 0 and not all 0; the day's volume is spread
	// in proportion to them.
	Profile []float64 `json:"profile,omitempty"`
}

// Options configure Fit and Backtest. The zero value fits Holt–Winters
// with an additive weekly season and no trend, profiles over the last 8
// weeks and 95 % prediction intervals.
type Options struct {
	Model Model
	// Holidays are left out of the fit and forecast with their factor.
	Holidays []Holiday
	// Exclude are days whose data are wrong (an outage, a strike, an
	// export gap): left out of the fit, the profiles and the accuracy.
	Exclude []Date
	// ProfileWeeks is the number of most recent weeks the intraday and
	// AHT profiles (and WeekdayMean) average over; 0 means 8.
	ProfileWeeks int
	// Level is the level of the daily prediction intervals; 0 means 0.95.
	Level float64
	// Params, if set, are used as they are instead of fitted.
	Params *Params
}

// DefaultProfileWeeks and DefaultLevel are the defaults of Options.
const (
	DefaultProfileWeeks = 8
	DefaultLevel        = 0.95
)

// settled returns o with its defaults filled in, after checking it
// against a calendar of slots per day.
func (o Options) settled(per int) (Options, error) {
	if err := o.Model.check(); err != nil {
		return o, err
	}
	if o.ProfileWeeks == 0 {
		o.ProfileWeeks = DefaultProfileWeeks
	}
	if o.ProfileWeeks < 1 || o.ProfileWeeks > MaxDays/7 {
		return o, fmt.Errorf("%w: profile weeks %d not in 1..%d", ErrHorizon, o.ProfileWeeks, MaxDays/7)
	}
	if o.Level == 0 {
		o.Level = DefaultLevel
	}
	if !(o.Level > 0 && o.Level < 1) {
		return o, fmt.Errorf("forecast: prediction level %v: %w", o.Level, ErrLevel)
	}
	if o.Params != nil {
		if o.Model.Method != HoltWinters {
			return o, fmt.Errorf("%w: parameters given for %v", ErrParams, o.Model.Method)
		}
		p := *o.Params
		if p.Phi == 0 && o.Model.Trend != TrendDamped {
			p.Phi = 1
		}
		if err := p.check(o.Model.Trend); err != nil {
			return o, err
		}
		o.Params = &p
	}
	seen := make(map[Date]bool, len(o.Holidays))
	for i, h := range o.Holidays {
		if !h.Date.IsValid() {
			return o, fmt.Errorf("%w: holiday %d: no date %d-%02d-%02d", ErrHoliday, i, h.Date.Year, h.Date.Month, h.Date.Day)
		}
		if seen[h.Date] {
			return o, fmt.Errorf("%w: holiday %v given twice", ErrDuplicate, h.Date)
		}
		seen[h.Date] = true
		if !finite(h.Factor) || h.Factor < 0 || h.Factor > 1e6 {
			return o, fmt.Errorf("%w: %v: factor %v not in [0, 1e6]", ErrHoliday, h.Date, h.Factor)
		}
		if h.Profile != nil {
			if len(h.Profile) != per {
				return o, fmt.Errorf("%w: %v: profile of %d slots, the day has %d", ErrHoliday, h.Date, len(h.Profile), per)
			}
			sum := 0.0
			for k, w := range h.Profile {
				if !finite(w) || w < 0 {
					return o, fmt.Errorf("%w: %v: profile slot %d is %v", ErrHoliday, h.Date, k, w)
				}
				sum += w
			}
			if !(sum > 0) || math.IsInf(sum, 0) {
				return o, fmt.Errorf("%w: %v: profile sums to %v", ErrHoliday, h.Date, sum)
			}
		}
	}
	for _, d := range o.Exclude {
		if !d.IsValid() {
			return o, fmt.Errorf("%w: excluded day %d-%02d-%02d does not exist", ErrSeries, d.Year, d.Month, d.Day)
		}
	}
	if _, err := sortDates(o.Exclude); err != nil {
		return o, fmt.Errorf("excluded days: %w", err)
	}
	return o, nil
}

// holidays returns the holidays by date.
func (o Options) holidays() map[Date]Holiday {
	m := make(map[Date]Holiday, len(o.Holidays))
	for _, h := range o.Holidays {
		m[h.Date] = h
	}
	return m
}

// excluded returns the excluded days as a set.
func (o Options) excluded() map[Date]bool {
	m := make(map[Date]bool, len(o.Exclude))
	for _, d := range o.Exclude {
		m[d] = true
	}
	return m
}
