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
//	P(T = t) = α·B(α+1, β+t−1)/… = S(t−1)·α/(α+β+t−1)     t = 1, 2, …
//	S(t)     = B(α, β+t)/B(α, β) = Π_{i=1..t} (β+i−1)/(α+β+i−1)
//	r(t)     = S(t)/S(t−1) = (β+t−1)/(α+β+t−1)
//
// A valid model has α, β finite and positive; NewSBG and FitSBG return
// only valid ones.
type SBG struct {
	alpha, beta float64
}

// NewSBG returns the model with the given parameters, or an error wrapping
// ErrNoFit unless both are finite and positive.
func NewSBG(alpha, beta float64) (SBG, error) {
	if !(alpha > 0 && beta > 0) || math.IsInf(alpha, 1) || math.IsInf(beta, 1) {
		return SBG{}, fmt.Errorf("%w: α = %v, β = %v", ErrNoFit, alpha, beta)
	}
	return SBG{alpha: alpha, beta: beta}, nil
}

// Alpha returns α.
func (m SBG) Alpha() float64 { return m.alpha }

// Beta returns β.
func (m SBG) Beta() float64 { return m.beta }

// Survival returns S(t), the expected share of a cohort still there after
// t periods (1 for t ≤ 0).
func (m SBG) Survival(t int) float64 {
	s := 1.0
	for i := 1; i <= t; i++ {
		s *= (m.beta + float64(i) - 1) / (m.alpha + m.beta + float64(i) - 1)
	}
	return s
}

// Retention returns r(t) = (β+t−1)/(α+β+t−1), the expected share of the
// customers there after t−1 periods who renew for period t; ok = false for
// t < 1.
func (m SBG) Retention(t int) (float64, bool) {
	if t < 1 {
		return 0, false
	}
	return (m.beta + float64(t) - 1) / (m.alpha + m.beta + float64(t) - 1), true
}

// Churn returns P(T = t), the expected share of the original cohort lost
// in period t; ok = false for t < 1.
func (m SBG) Churn(t int) (float64, bool) {
	if t < 1 {
		return 0, false
	}
	return m.Survival(t-1) * m.alpha / (m.alpha + m.beta + float64(t) - 1), true
}

// Project returns the expected survivors of a cohort of n customers after
// 0, 1, …, periods periods: n·S(t).
func (m SBG) Project(n float64, periods int) []float64 {
	out := make([]float64, 0, max(periods+1, 0))
	s := 1.0
	for t := 0; t <= periods; t++ {
		if t > 0 {
			s *= (m.beta + float64(t) - 1) / (m.alpha + m.beta + float64(t) - 1)
		}
		out = append(out, n*s)
	}
	return out
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

type sbgJSON struct {
	Alpha float64 `json:"alpha"`
	Beta  float64 `json:"beta"`
}

// MarshalJSON writes {"alpha":…,"beta":…}.
func (m SBG) MarshalJSON() ([]byte, error) { return json.Marshal(sbgJSON{m.alpha, m.beta}) }

// UnmarshalJSON reads what MarshalJSON writes, rejecting invalid
// parameters; on error the model is unchanged.
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
		if len(c) < 2 {
			return s, fmt.Errorf("%w: cohort %d has %d counts, need the start and at least one period", ErrSurvivors, k, len(c))
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
// method on the exact gradient and Hessian. It fails with ErrSurvivors
// for counts that are negative, rising or shorter than two periods, and
// with ErrNoFit where the likelihood has no finite maximum: nobody lost
// (α → 0), everybody lost in the first period (β → 0), or a constant
// churn rate with no heterogeneity (α, β → ∞; the geometric model, a
// single rate, fits then, and retention does not rise with tenure).
func FitSBG(cohorts ...[]int) (SBG, error) {
	s, err := newSBGStats(cohorts)
	if err != nil {
		return SBG{}, err
	}
	switch {
	case len(s.n) < 2:
		return SBG{}, fmt.Errorf("%w: α and β need at least two periods of observation", ErrSurvivors)
	case s.lost == 0:
		return SBG{}, fmt.Errorf("%w: no customer was lost", ErrNoFit)
	case s.m[0] == 0:
		return SBG{}, fmt.Errorf("%w: every customer was lost in the first period", ErrNoFit)
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
		return SBG{}, fmt.Errorf("%w: α = %.3g, β = %.3g diverge: retention does not rise with tenure, so the model reduces to one constant churn rate", ErrNoFit, a, b)
	case x[0] < 1-sbgBound || x[1] < 1-sbgBound:
		return SBG{}, fmt.Errorf("%w: α = %.3g, β = %.3g vanish: the cohort splits into customers who leave at once and customers who never leave", ErrNoFit, a, b)
	}
	return NewSBG(a, b)
}

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
