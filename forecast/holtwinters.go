package forecast

import (
	"fmt"
	"math"
)

// period is the length of the season of the daily model: a week.
const period = 7

// state is the state of a Holt–Winters recursion after a day: the level,
// the trend, and the seasonal component of each position of the week
// (position j is the days t ≡ j mod 7 counted from the first day fitted).
type state struct {
	l, b float64
	s    [period]float64
}

// smoother runs the Holt–Winters recursion of one model.
type smoother struct {
	trend  Trend
	season Season
	p      Params
}

// predict returns the one-step forecast of day t from the state before it.
func (m *smoother) predict(st *state, t int) float64 {
	base := st.l + m.p.Phi*st.b
	if m.season == SeasonMultiplicative {
		return base * st.s[t%period]
	}
	return base + st.s[t%period]
}

// step updates the state with day t's volume y, or, if skip, moves it as
// the model predicts (the level by the damped trend, the season
// unchanged), which is the update of an observation equal to its
// forecast. A multiplicative model fails when the level reaches 0; a
// weekday whose seasonal index is 0 (a closed weekday) tells nothing of
// the level, so on it the level and trend also move as predicted.
func (m *smoother) step(st *state, t int, y float64, skip bool) error {
	j := t % period
	a, b, g, phi := m.p.Alpha, m.p.Beta, m.p.Gamma, m.p.Phi
	base := st.l + phi*st.b
	if skip {
		st.l, st.b = base, phi*st.b
		return nil
	}
	var l float64
	if m.season == SeasonMultiplicative {
		if !(base > 0) {
			return fmt.Errorf("%w: multiplicative season on a level of %.4g at day %d", ErrModel, base, t)
		}
		if st.s[j] == 0 {
			l = base
		} else {
			l = a*y/st.s[j] + (1-a)*base
		}
		st.s[j] = g*y/base + (1-g)*st.s[j]
	} else {
		l = a*(y-st.s[j]) + (1-a)*base
		st.s[j] = g*(y-base) + (1-g)*st.s[j]
	}
	if m.trend == TrendNone {
		st.b = 0
	} else {
		st.b = b*(l-st.l) + (1-b)*phi*st.b
	}
	st.l = l
	return nil
}

// run filters days y (skipping those marked) from st and returns the sum
// of squared one-step errors of the days not skipped. fitted, if not
// nil, receives each day's one-step forecast.
func (m *smoother) run(st *state, y []float64, skip []bool, fitted []float64) (float64, error) {
	sse := 0.0
	for t, v := range y {
		f := m.predict(st, t)
		if fitted != nil {
			fitted[t] = f
		}
		sk := skip != nil && skip[t]
		if !sk {
			e := v - f
			sse += e * e
		}
		if err := m.step(st, t, v, sk); err != nil {
			return 0, err
		}
	}
	if !finite(sse) {
		return 0, fmt.Errorf("%w: the recursion overflows (SSE %v)", ErrModel, sse)
	}
	return sse, nil
}

// ahead returns the forecasts of the h days after day n−1 from the state
// after it: ℓ + (φ + … + φʰ)b, plus or times the season of the day's
// position.
func (m *smoother) ahead(st *state, n, h int) []float64 {
	out := make([]float64, h)
	damp, pw := 0.0, 1.0
	for k := 1; k <= h; k++ {
		pw *= m.p.Phi
		damp += pw
		base := st.l + damp*st.b
		j := (n + k - 1) % period
		if m.season == SeasonMultiplicative {
			out[k-1] = base * st.s[j]
		} else {
			out[k-1] = base + st.s[j]
		}
	}
	return out
}

// initWeeks is the most weeks the initial state is estimated from.
const initWeeks = 4

// initial returns the initial state of the recursion from the first
// weeks of y (at least two; skipped days filled with their weekday's mean
// over those weeks), by classical decomposition:
//
//	W     = min(4, ⌊n/7⌋) weeks, Mᵥ the mean of week w
//	b₀    = (M_{W−1} − M₀)/(7(W − 1)) with a trend, else 0
//	ℓ₀    = M₀ − 4b₀                       (the level the day before the first)
//	sⱼ    = mean over w of yᵥⱼ − (Mᵥ + (j − 3)b₀), less their mean   (additive)
//	sⱼ    = mean over w of yᵥⱼ / (Mᵥ + (j − 3)b₀), over their mean   (multiplicative)
func initial(y []float64, skip []bool, trend Trend, season Season) (state, error) {
	w := min(initWeeks, len(y)/period)
	if w < 2 {
		return state{}, fmt.Errorf("%w: %d days to fit, a weekly season needs at least %d", ErrShort, len(y), 2*period)
	}
	var x [initWeeks][period]float64
	for j := range period {
		sum, k := 0.0, 0
		for v := range w {
			if t := v*period + j; skip == nil || !skip[t] {
				sum += y[t]
				k++
			}
		}
		if k == 0 {
			return state{}, fmt.Errorf("%w: day %d of the week is excluded in each of the first %d weeks", ErrShort, j, w)
		}
		for v := range w {
			t := v*period + j
			if skip == nil || !skip[t] {
				x[v][j] = y[t]
			} else {
				x[v][j] = sum / float64(k)
			}
		}
	}
	var mean [initWeeks]float64
	for v := range w {
		for _, c := range x[v] {
			mean[v] += c
		}
		mean[v] /= period
	}
	var st state
	if trend != TrendNone {
		st.b = (mean[w-1] - mean[0]) / float64(period*(w-1))
	}
	st.l = mean[0] - 4*st.b
	avg := 0.0
	for j := range period {
		for v := range w {
			tr := mean[v] + float64(j-3)*st.b
			if season == SeasonMultiplicative {
				if !(tr > 0) {
					return state{}, fmt.Errorf("%w: multiplicative season on a week of mean %.4g", ErrModel, mean[v])
				}
				st.s[j] += x[v][j] / tr
			} else {
				st.s[j] += x[v][j] - tr
			}
		}
		st.s[j] /= float64(w)
		avg += st.s[j]
	}
	avg /= period
	for j := range st.s {
		if season == SeasonMultiplicative {
			st.s[j] /= avg
		} else {
			st.s[j] -= avg
		}
	}
	if season == SeasonMultiplicative && !(st.l > 0) {
		return state{}, fmt.Errorf("%w: multiplicative season on an initial level of %.4g", ErrModel, st.l)
	}
	if math.IsNaN(st.l) {
		return state{}, fmt.Errorf("%w: initial level NaN", ErrModel)
	}
	return st, nil
}
