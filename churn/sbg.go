package churn

import (
	"encoding/json"
	"fmt"
	"math"
)

// SBG is the shifted-beta-geometric model of contractual retention (Fader
// & Hardie 2007): each customer renews every period with a constant
// probability 1 − θ, and θ varies across customers as Beta(α, β). The
// model makes retention rise with tenure, as observed cohorts do, because
// the customers most likely to leave leave first.
//
//	P(T = t) = S(t−1)·α/(α+β+t−1)                          t = 1, 2, …
//	S(t)     = B(α, β+t)/B(α, β) = Π_{i=1..t} (β+i−1)/(α+β+i−1)
//	r(t)     = S(t)/S(t−1) = (β+t−1)/(α+β+t−1)
//
// A valid model has α and β in [MinSBGParameter, MaxSBGParameter]; NewSBG
// and FitSBG return only valid ones. Its read-outs take t from 0 (or 1)
// to MaxPeriods and cost O(1) each.
type SBG struct {
	alpha, beta float64
}

// The range of the sBG parameters: beyond it the model is a limit (one
// constant churn rate, or customers who leave at once or never) that
// FitSBG refuses, and no read-out can overflow.
const (
	MinSBGParameter = 1e-11
	MaxSBGParameter = 1e6
)

// NewSBG returns the model with the given parameters, or an error wrapping
// ErrParameter unless both are in [MinSBGParameter, MaxSBGParameter].
func NewSBG(alpha, beta float64) (SBG, error) {
	for _, p := range []struct {
		name string
		v    float64
	}{{"α", alpha}, {"β", beta}} {
		if !(p.v >= MinSBGParameter && p.v <= MaxSBGParameter) {
			return SBG{}, fmt.Errorf("%w: %s = %v not in [%g, %g]", ErrParameter, p.name, p.v, MinSBGParameter, MaxSBGParameter)
		}
	}
	return SBG{alpha: alpha, beta: beta}, nil
}

// Alpha returns α.
func (m SBG) Alpha() float64 { return m.alpha }

// Beta returns β.
func (m SBG) Beta() float64 { return m.beta }

// sbgDirect is the horizon up to which S(t) is the product of its ratios
// (a relative error of t·2⁻⁵³); beyond it, a ratio of gamma functions
// whose arguments are large enough for Stirling's series.
const sbgDirect = 64

// survival returns S(t) for 0 ≤ t ≤ MaxPeriods.
func (m SBG) survival(t int) float64 {
	a, b := m.alpha, m.beta
	s := 1.0
	for i := 1; i <= min(t, sbgDirect); i++ {
		s *= (b + float64(i-1)) / (a + b + float64(i-1))
	}
	if t <= sbgDirect || s == 0 {
		return s
	}
	// S(t)/S(T) = Γ(β+t)Γ(α+β+T) / (Γ(β+T)Γ(α+β+t)) with T = sbgDirect,
	// from lnΓ(x) − lnΓ(x+a) = −(x−½)·log1p(a/x) − a·ln(x+a) + a + ω(x)
	// − ω(x+a), written so that nothing large cancels.
	x1, x2 := b+sbgDirect, b+float64(t)
	log := -a*math.Log1p(float64(t-sbgDirect)/(x1+a)) -
		(x2-0.5)*math.Log1p(a/x2) + (x1-0.5)*math.Log1p(a/x1) +
		stirling(x2) - stirling(x2+a) - stirling(x1) + stirling(x1+a)
	return s * math.Exp(log)
}

// stirling returns ω(x) = lnΓ(x) − (x−½)ln x + x − ½ln 2π for x ≥ 64, by
// its asymptotic series to the x⁻⁹ term (error below 10⁻²²).
func stirling(x float64) float64 {
	y := 1 / (x * x)
	return (1.0/12 - y*(1.0/360-y*(1.0/1260-y*(1.0/1680-y/1188)))) / x
}

// Survival returns S(t), the expected share of a cohort still there after
// t periods; ok = false for t outside 0..MaxPeriods.
func (m SBG) Survival(t int) (float64, bool) {
	if t < 0 || t > MaxPeriods {
		return 0, false
	}
	return m.survival(t), true
}

// Retention returns r(t) = (β+t−1)/(α+β+t−1), the expected share of the
// customers there after t−1 periods who renew for period t; ok = false for
// t outside 1..MaxPeriods.
func (m SBG) Retention(t int) (float64, bool) {
	if t < 1 || t > MaxPeriods {
		return 0, false
	}
	return (m.beta + float64(t-1)) / (m.alpha + m.beta + float64(t-1)), true
}

// Churn returns P(T = t), the expected share of the original cohort lost
// in period t; ok = false for t outside 1..MaxPeriods.
func (m SBG) Churn(t int) (float64, bool) {
	if t < 1 || t > MaxPeriods {
		return 0, false
	}
	return m.survival(t-1) * m.alpha / (m.alpha + m.beta + float64(t-1)), true
}

// Project returns the expected survivors of a cohort of n customers after
// 0, 1, …, periods periods: n·S(t). It fails with ErrCount for an n that
// is negative or not finite and ErrPeriod for periods outside
// 0..MaxPeriods.
func (m SBG) Project(n float64, periods int) ([]float64, error) {
	if !(n >= 0) || math.IsInf(n, 1) {
		return nil, fmt.Errorf("%w: cohort of %v customers", ErrCount, n)
	}
	if periods < 0 || periods > MaxPeriods {
		return nil, fmt.Errorf("%w: projection over %d periods (0 to %d)", ErrPeriod, periods, MaxPeriods)
	}
	out := make([]float64, periods+1)
	for t := range out {
		out[t] = n * m.survival(t)
	}
	return out, nil
}

// MeanLifetime returns the expected number of periods a new customer
// stays, E[T] = (α+β−1)/(α−1); ok = false when α ≤ 1, where it is
// infinite.
func (m SBG) MeanLifetime() (float64, bool) {
	if m.alpha <= 1 {
		return 0, false
	}
	return (m.alpha + m.beta - 1) / (m.alpha - 1), true
}

// MeanChurn returns E[θ] = α/(α+β), the churn rate of the average new
// customer, in (0, 1).
func (m SBG) MeanChurn() float64 { return m.alpha / (m.alpha + m.beta) }

// Polarization returns φ = 1/(α+β+1) in (0, 1), Fader and Hardie's
// polarization index: near 0 every customer has the mean churn rate, near
// 1 customers either leave at once or never.
func (m SBG) Polarization() float64 { return 1 / (m.alpha + m.beta + 1) }

// LogLikelihood returns the log-likelihood of survivor counts under the
// model (see FitSBG), or an error for invalid counts.
func (m SBG) LogLikelihood(cohorts ...[]int) (float64, error) {
	s, err := newSBGStats(cohorts)
	if err != nil {
		return 0, err
	}
	return s.ll(m.alpha, m.beta), nil
}

// String returns "sBG(α = 0.704, β = 1.182)".
func (m SBG) String() string { return fmt.Sprintf("sBG(α = %.4g, β = %.4g)", m.alpha, m.beta) }

// SBGResult is the reporting view of a model: the mean churn and the
// polarization of the churn rates in percent, and the projection of a
// cohort period by period.
type SBGResult struct {
	MeanChurnPct    float64     `json:"mean_churn_pct"`
	PolarizationPct float64     `json:"polarization_pct"`
	Periods         []SBGPeriod `json:"periods"`
}

// SBGPeriod is one period of a projection: the share of the cohort still
// there after it, the share of those at its start who renew for it and
// the share of the cohort lost in it (nil for period 0).
type SBGPeriod struct {
	Period       int      `json:"period"`
	SurvivalPct  float64  `json:"survival_pct"`
	RetentionPct *float64 `json:"retention_pct"`
	ChurnPct     *float64 `json:"churn_pct"`
}

// Result returns the model's reporting view with periods 0..periods; it
// fails with ErrPeriod for periods outside 0..MaxPeriods.
func (m SBG) Result(periods int) (SBGResult, error) {
	if periods < 0 || periods > MaxPeriods {
		return SBGResult{}, fmt.Errorf("%w: projection over %d periods (0 to %d)", ErrPeriod, periods, MaxPeriods)
	}
	r := SBGResult{MeanChurnPct: 100 * m.MeanChurn(), PolarizationPct: 100 * m.Polarization(), Periods: make([]SBGPeriod, periods+1)}
	for t := range r.Periods {
		s, _ := m.Survival(t)
		r.Periods[t] = SBGPeriod{Period: t, SurvivalPct: 100 * s}
		if t > 0 {
			rt, _ := m.Retention(t)
			p, _ := m.Churn(t)
			rt, p = 100*rt, 100*p
			r.Periods[t].RetentionPct, r.Periods[t].ChurnPct = &rt, &p
		}
	}
	return r, nil
}

// String returns e.g. "mean churn 37.3%, polarization 34.4%, 12.0% left
// after 12 periods".
func (r SBGResult) String() string {
	s := fmt.Sprintf("mean churn %.1f%%, polarization %.1f%%", r.MeanChurnPct, r.PolarizationPct)
	if n := len(r.Periods) - 1; n > 0 {
		s += fmt.Sprintf(", %.1f%% left after %d periods", r.Periods[n].SurvivalPct, n)
	}
	return s
}

type sbgJSON struct {
	Alpha float64 `json:"alpha"`
	Beta  float64 `json:"beta"`
}

// MarshalJSON writes {"alpha":…,"beta":…}.
func (m SBG) MarshalJSON() ([]byte, error) { return json.Marshal(sbgJSON{m.alpha, m.beta}) }

// UnmarshalJSON reads what MarshalJSON writes, rejecting parameters out of
// range; on error the model is unchanged.
func (m *SBG) UnmarshalJSON(b []byte) error {
	var j sbgJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	n, err := NewSBG(j.Alpha, j.Beta)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	*m = n
	return nil
}

// sbgStats are the sufficient statistics of survivor counts. Summing the
// log-likelihood over periods, every term is a multiple of the logarithm
// of α, β + j or α + β + j:
//
//	LL = A·ln α + Σⱼ (Mⱼ·ln(β+j) − Nⱼ·ln(α+β+j)),  j = 0 … T−1
//
// with A the customers lost, Nⱼ the survivors after j periods and Mⱼ
// those after j + 1, summed over cohorts (a cohort observed for fewer
// periods stops contributing).
type sbgStats struct {
	lost float64
	n, m []float64
}

func newSBGStats(cohorts [][]int) (sbgStats, error) {
	var s sbgStats
	if len(cohorts) == 0 {
		return s, fmt.Errorf("%w: no cohort", ErrSurvivors)
	}
	for k, c := range cohorts {
		if len(c) < 2 || len(c) > MaxPeriods+1 {
			return s, fmt.Errorf("%w: cohort %d has %d counts, need the start and 1 to %d periods", ErrSurvivors, k, len(c), MaxPeriods)
		}
		if c[0] <= 0 {
			return s, fmt.Errorf("%w: cohort %d starts with %d customers", ErrSurvivors, k, c[0])
		}
		for j := 1; j < len(c); j++ {
			if c[j] < 0 || c[j] > c[j-1] {
				return s, fmt.Errorf("%w: cohort %d goes from %d to %d customers after %d periods", ErrSurvivors, k, c[j-1], c[j], j)
			}
		}
		for len(s.n) < len(c)-1 {
			s.n, s.m = append(s.n, 0), append(s.m, 0)
		}
		for j := 0; j < len(c)-1; j++ {
			s.n[j] += float64(c[j])
			s.m[j] += float64(c[j+1])
		}
		s.lost += float64(c[0] - c[len(c)-1])
	}
	return s, nil
}

func (s sbgStats) ll(a, b float64) float64 {
	v := s.lost * math.Log(a)
	for j := range s.n {
		x := float64(j)
		if s.m[j] > 0 {
			v += s.m[j] * math.Log(b+x)
		}
		v -= s.n[j] * math.Log(a+b+x)
	}
	return v
}

// derivatives returns the gradient and Hessian of the log-likelihood in
// (u, v) = (ln α, ln β).
func (s sbgStats) derivatives(a, b float64) (g [2]float64, h [2][2]float64) {
	ga, gb := s.lost/a, 0.0
	haa, hbb, hab := -s.lost/(a*a), 0.0, 0.0
	for j := range s.n {
		x := float64(j)
		d := a + b + x
		ga -= s.n[j] / d
		gb += s.m[j]/(b+x) - s.n[j]/d
		q := s.n[j] / (d * d)
		haa += q
		hab += q
		hbb += q - s.m[j]/((b+x)*(b+x))
	}
	g = [2]float64{a * ga, b * gb}
	h = [2][2]float64{{a*a*haa + a*ga, a * b * hab}, {a * b * hab, b*b*hbb + b*gb}}
	return g, h
}

// sbgBound is the largest |ln α| or |ln β| searched; an optimum beyond it
// means the likelihood keeps rising towards a limit model.
const sbgBound = 25

// sbgHomogeneous is the α + β beyond which the fit is taken to be the
// constant-churn limit: θ ~ Beta(α, β) with mean μ has a coefficient of
// variation √((1 − μ)/(μ(α + β + 1))), under 1 % for any μ above 1 %, and
// the likelihood is flat along the ridge α/(α + β) = μ.
const sbgHomogeneous = 1e6

// FitSBG estimates α and β by maximum likelihood from survivor counts: for
// each cohort, the customers at the start and after each of the following
// periods (1000, 631, 468, … for Fader & Hardie's "regular" cohort).
// Several cohorts observed for different numbers of periods are fitted
// jointly. With nₜ the survivors after t periods of a cohort observed for
// T periods,
//
//	LL(α, β) = Σ_{t=1..T} (nₜ₋₁ − nₜ)·ln P(T = t) + n_T·ln S(T)
//
// maximised over (ln α, ln β) by Nelder–Mead, then polished by Newton's
// method on the exact gradient and Hessian: at most 3 × 2000 Nelder–Mead
// and 50 Newton iterations, each costing O(T) for T periods. It fails with
// ErrSurvivors for counts that are negative, rising, shorter than two
// periods or longer than MaxPeriods, and with ErrConverge where the
// likelihood has no finite maximum: nobody lost (α → 0), everybody lost
// in the first period (β → 0), or a constant churn rate with no
// heterogeneity (α, β → ∞; the geometric model, a single rate, fits then,
// and retention does not rise with tenure); and where the iterations end
// before the gradient vanishes.
func FitSBG(cohorts ...[]int) (SBG, error) {
	s, err := newSBGStats(cohorts)
	if err != nil {
		return SBG{}, err
	}
	switch {
	case len(s.n) < 2:
		return SBG{}, fmt.Errorf("%w: α and β need at least two periods of observation", ErrSurvivors)
	case s.lost == 0:
		return SBG{}, fmt.Errorf("%w: no customer was lost", ErrConverge)
	case s.m[0] == 0:
		return SBG{}, fmt.Errorf("%w: every customer was lost in the first period", ErrConverge)
	}
	f := func(x [2]float64) float64 {
		if math.Abs(x[0]) > sbgBound || math.Abs(x[1]) > sbgBound {
			return math.Inf(1)
		}
		return -s.ll(math.Exp(x[0]), math.Exp(x[1]))
	}
	x := [2]float64{0, 0}
	for range 3 { // restart from the best point: NM can stall
		x = nelderMead(f, x, 0.5)
	}
	x = newtonPolish(s, f, x)
	a, b := math.Exp(x[0]), math.Exp(x[1])
	switch {
	case a+b > sbgHomogeneous || x[0] > sbgBound-1 || x[1] > sbgBound-1:
		return SBG{}, fmt.Errorf("%w: α = %.3g, β = %.3g diverge: retention does not rise with tenure, so the model reduces to one constant churn rate", ErrConverge, a, b)
	case x[0] < 1-sbgBound || x[1] < 1-sbgBound:
		return SBG{}, fmt.Errorf("%w: α = %.3g, β = %.3g vanish: the cohort splits into customers who leave at once and customers who never leave", ErrConverge, a, b)
	}
	if g, _ := s.derivatives(a, b); math.Abs(g[0])+math.Abs(g[1]) > sbgGradient*(1+math.Abs(s.ll(a, b))) {
		return SBG{}, fmt.Errorf("%w: the gradient at α = %.3g, β = %.3g is still %.3g after the iterations", ErrConverge, a, b, math.Abs(g[0])+math.Abs(g[1]))
	}
	return NewSBG(a, b)
}

// sbgGradient is the relative size of the gradient (in ln α, ln β) below
// which a fit has converged: at the optimum it is at rounding level.
const sbgGradient = 1e-7

// newtonPolish takes Newton steps on the log-likelihood from x while they
// improve it, halving a step that does not.
func newtonPolish(s sbgStats, f func([2]float64) float64, x [2]float64) [2]float64 {
	fx := f(x)
	for range 50 {
		g, h := s.derivatives(math.Exp(x[0]), math.Exp(x[1]))
		det := h[0][0]*h[1][1] - h[0][1]*h[1][0]
		if !(h[0][0] < 0 && det > 0) { // not a maximum's neighbourhood
			return x
		}
		d := [2]float64{(-h[1][1]*g[0] + h[0][1]*g[1]) / det, (h[1][0]*g[0] - h[0][0]*g[1]) / det}
		// Near the optimum f cannot resolve steps below ~1e-8 (it is
		// flat to rounding), so a step is taken if it does not make f
		// worse beyond rounding; the gradient then drives convergence.
		slack := 1e-12 * math.Max(1, math.Abs(fx))
		improved := false
		for range 30 {
			y := [2]float64{x[0] + d[0], x[1] + d[1]}
			if fy := f(y); fy <= fx+slack {
				improved = true
				x, fx = y, math.Min(fx, fy)
				break
			}
			d[0], d[1] = d[0]/2, d[1]/2
		}
		if !improved || math.Abs(d[0])+math.Abs(d[1]) < 1e-14 {
			return x
		}
	}
	return x
}

// nelderMead minimises f over two variables from x with an initial
// simplex of the given step (standard coefficients 1, 2, ½, ½), until the
// simplex shrinks below 1e-10 or 2000 iterations.
func nelderMead(f func([2]float64) float64, x [2]float64, step float64) [2]float64 {
	p := [3][2]float64{x, {x[0] + step, x[1]}, {x[0], x[1] + step}}
	v := [3]float64{f(p[0]), f(p[1]), f(p[2])}
	for range 2000 {
		// order best (0) to worst (2)
		for i := 1; i < 3; i++ {
			for j := i; j > 0 && v[j] < v[j-1]; j-- {
				p[j], p[j-1] = p[j-1], p[j]
				v[j], v[j-1] = v[j-1], v[j]
			}
		}
		size := math.Max(math.Abs(p[1][0]-p[0][0])+math.Abs(p[1][1]-p[0][1]),
			math.Abs(p[2][0]-p[0][0])+math.Abs(p[2][1]-p[0][1]))
		if size < 1e-10 {
			break
		}
		c := [2]float64{(p[0][0] + p[1][0]) / 2, (p[0][1] + p[1][1]) / 2}
		at := func(t float64) [2]float64 { return [2]float64{c[0] + t*(p[2][0]-c[0]), c[1] + t*(p[2][1]-c[1])} }
		r := at(-1)
		fr := f(r)
		switch {
		case fr < v[0]:
			if e := at(-2); f(e) < fr {
				p[2], v[2] = e, f(e)
			} else {
				p[2], v[2] = r, fr
			}
		case fr < v[1]:
			p[2], v[2] = r, fr
		default:
			var k [2]float64
			if fr < v[2] {
				k = at(-0.5) // outside contraction
			} else {
				k = at(0.5) // inside contraction
			}
			if fk := f(k); fk < math.Min(fr, v[2]) {
				p[2], v[2] = k, fk
				continue
			}
			for i := 1; i < 3; i++ { // shrink towards the best
				p[i] = [2]float64{p[0][0] + (p[i][0]-p[0][0])/2, p[0][1] + (p[i][1]-p[0][1])/2}
				v[i] = f(p[i])
			}
		}
	}
	best := 0
	for i := 1; i < 3; i++ {
		if v[i] < v[best] {
			best = i
		}
	}
	return p[best]
}
