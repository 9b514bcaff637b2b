package forecast

import (
	"math"
	"slices"

	"github.com/rapportkit/rapport/internal/stat"
)

// Interval is a prediction interval: Lo and Hi bound the day's contacts
// at the confidence Level, by Method.
type Interval = stat.Interval

// The methods of the daily prediction intervals.
const (
	// Analytic is the interval of the additive models, ETS(A,N,A),
	// ETS(A,A,A) and ETS(A,Ad,A): the forecast ± z·σ̂·√vₕ with σ̂² = SSE/n
	// (n the days fitted) and vₕ = 1 + Σ_{j<h} cⱼ², cⱼ = α + αβ(φ + … +
	// φʲ) + γ·[j ≡ 0 mod 7] (Hyndman et al. 2008, ch. 6; Hyndman &
	// Athanasopoulos §8.7), assuming normal one-step errors.
	Analytic stat.Method = "ets-analytic"
	// Empirical is the interval of the multiplicative models: the
	// forecast times the (1 ∓ level)/2 quantiles (linear interpolation
	// between order statistics) of the ratios actual ÷ forecast of the
	// h-day-ahead forecasts made in the history from every origin past
	// the first two weeks. It needs MinErrors such ratios for each
	// horizon; past that horizon the interval is nil. In-sample errors
	// understate the spread a little: the parameters were fitted on them.
	Empirical stat.Method = "empirical-quantile"
)

// MinErrors is the fewest in-sample errors an Empirical interval is
// built from.
const MinErrors = 20

// bands returns the prediction intervals of the daily forecasts of the
// next h days, nil where the method gives none (WeekdayMean; Empirical
// past the history's reach).
func (f *Fitted) bands(point []float64, h int) ([]*Interval, error) {
	out := make([]*Interval, h)
	if f.opts.Model.Method != HoltWinters {
		return out, nil
	}
	z, err := stat.Critical(f.opts.Level)
	if err != nil {
		return nil, err
	}
	all := make([]Interval, h)
	if f.opts.Model.Season == SeasonAdditive {
		sigma2 := f.sse / float64(f.nobs)
		v := 1.0
		for k := range h { // k+1 days ahead; v holds 1 + Σ_{j≤k} cⱼ²
			sd := math.Sqrt(sigma2 * v)
			all[k] = Interval{Lo: max(point[k]-z*sd, 0), Hi: max(point[k]+z*sd, 0), Level: f.opts.Level, Method: Analytic}
			out[k] = &all[k]
			c := f.coefficient(k + 1)
			v += c * c
		}
		return out, nil
	}
	ratios := f.ratios(h)
	lo, hi := (1-f.opts.Level)/2, (1+f.opts.Level)/2
	for k, r := range ratios {
		if len(r) < MinErrors {
			continue
		}
		slices.Sort(r)
		all[k] = Interval{Lo: max(point[k]*quantile(r, lo), 0), Hi: max(point[k]*quantile(r, hi), 0), Level: f.opts.Level, Method: Empirical}
		out[k] = &all[k]
	}
	return out, nil
}

// coefficient returns cⱼ = α + αβ(φ + … + φʲ) + γ·[j ≡ 0 mod 7], the
// weight of the error j days back in an additive model's forecast error.
func (f *Fitted) coefficient(j int) float64 {
	p := f.sm.p
	c := p.Alpha
	if f.sm.trend != TrendNone {
		damp, pw := 0.0, 1.0
		for range j {
			pw *= p.Phi
			damp += pw
		}
		c += p.Alpha * p.Beta * damp
	}
	if j%period == 0 {
		c += p.Gamma
	}
	return c
}

// ratios returns, for each horizon 1..h, the ratios actual ÷ forecast of
// the in-sample forecasts that many days ahead, from every origin from the
// end of the second week, over the days fitted with a positive forecast.
func (f *Fitted) ratios(h int) [][]float64 {
	n := len(f.y)
	out := make([][]float64, h)
	st := f.init
	for t := range n {
		_ = f.sm.step(&st, t, f.y[t], f.skip[t]) // it succeeded in fit
		if t < 2*period-1 {
			continue
		}
		damp, pw := 0.0, 1.0
		for k := 1; k <= h && t+k < n; k++ {
			pw *= f.sm.p.Phi
			damp += pw
			u := t + k
			if f.skip[u] {
				continue
			}
			base := st.l + damp*st.b
			fc := base * st.s[u%period]
			if fc > 0 {
				out[k-1] = append(out[k-1], f.y[u]/fc)
			}
		}
	}
	return out
}

// quantile returns the p-quantile of sorted x by linear interpolation
// between order statistics (R's type 7, numpy's default).
func quantile(x []float64, p float64) float64 {
	pos := p * float64(len(x)-1)
	i := int(math.Floor(pos))
	if i >= len(x)-1 {
		return x[len(x)-1]
	}
	return x[i] + (pos-float64(i))*(x[i+1]-x[i])
}
