package clv

import (
	"fmt"
	"math"
)

// ParetoNBD is the Pareto/NBD model of Schmittlein, Morrison & Colombo
// (1987), "Counting your customers: who are they and what will they do
// next?": while active, a customer buys at a Poisson rate λ and stays
// active for an exponential lifetime of rate μ; across customers
// λ ~ Gamma(r, α) and μ ~ Gamma(s, β), independently. Unlike the BG/NBD
// model a customer can drop out at any time, not only after a purchase.
// A valid model has all four parameters finite and positive; NewParetoNBD
// and FitParetoNBD return only valid ones.
type ParetoNBD struct {
	r, alpha, s, beta float64
}

// NewParetoNBD returns the model with the given parameters, or an error
// wrapping ErrParameter unless all are finite and positive.
func NewParetoNBD(r, alpha, s, beta float64) (ParetoNBD, error) {
	if err := positive("ParetoNBD", "r, α, s, β", r, alpha, s, beta); err != nil {
		return ParetoNBD{}, err
	}
	return ParetoNBD{r, alpha, s, beta}, nil
}

// R returns r, the shape of the purchase rates.
func (m ParetoNBD) R() float64 { return m.r }

// Alpha returns α, the scale of the purchase rates, in the time unit.
func (m ParetoNBD) Alpha() float64 { return m.alpha }

// S returns s, the shape of the dropout rates.
func (m ParetoNBD) S() float64 { return m.s }

// Beta returns β, the scale of the dropout rates, in the time unit.
func (m ParetoNBD) Beta() float64 { return m.beta }

// String returns "Pareto/NBD(r = 0.5533, α = 10.58, s = 0.6061, β = 11.67)".
func (m ParetoNBD) String() string {
	return fmt.Sprintf("Pareto/NBD(r = %.4g, α = %.4g, s = %.4g, β = %.4g)", m.r, m.alpha, m.s, m.beta)
}

// lifetime is the log-integrand of the Pareto/NBD likelihood,
// −(r+x)·ln(α+τ) − (s+1)·ln(β+τ), with its derivatives in r, α, s and β
// as moments.
type lifetime struct {
	rx, s1, alpha, beta float64
}

func (f *lifetime) eval(t float64, g []float64) float64 {
	la, lb := math.Log(f.alpha+t), math.Log(f.beta+t)
	if len(g) == 4 {
		g[0], g[1], g[2], g[3] = -la, -f.rx/(f.alpha+t), -lb, -f.s1/(f.beta+t)
	}
	return -f.rx*la - f.s1*lb
}

// terms returns the two log terms of the likelihood of (x, t_x, T),
//
//	alive = −(r+x)·ln(α+T) − s·ln(β+T)
//	dead  = ln s + ln ∫_{t_x}^T (α+τ)^−(r+x)·(β+τ)^−(s+1) dτ,
//
// and, when means is not nil, the weighted means of the derivatives of
// the integrand's logarithm in r, α, s, β.
func (m ParetoNBD) terms(x int, tx, T float64, means []float64) (alive, dead float64, err error) {
	rx := m.r + float64(x)
	alive = -rx*math.Log(m.alpha+T) - m.s*math.Log(m.beta+T)
	k := 0
	if means != nil {
		k = 4
	}
	f := lifetime{rx: rx, s1: m.s + 1, alpha: m.alpha, beta: m.beta}
	li, err := logIntegral(&f, tx, T, k, means)
	if err != nil {
		return 0, 0, err
	}
	return alive, math.Log(m.s) + li, nil
}

// LogLikelihood returns the log-likelihood of a summary in the form of
// Fader & Hardie's note on the Pareto/NBD model (2005):
//
//	L = Γ(r+x)·αʳ·βˢ/Γ(r) · [(α+T)^−(r+x)·(β+T)^−s + s·∫_{t_x}^T (α+τ)^−(r+x)·(β+τ)^−(s+1) dτ]
//
// where the note writes the integral with ₂F₁(r+s+x, s+1; r+s+x+1; ·);
// here it is integrated numerically to a relative error of 10⁻¹³ (see
// the package documentation).
func (m ParetoNBD) LogLikelihood(s Summary) (float64, error) {
	if err := s.Validate(); err != nil {
		return 0, err
	}
	alive, dead, err := m.terms(s.X, s.Tx, s.T, nil)
	if err != nil {
		return 0, err
	}
	x := float64(s.X)
	return lgamma(m.r+x) - lgamma(m.r) + m.r*math.Log(m.alpha) + m.s*math.Log(m.beta) + logAddExp(alive, dead), nil
}

// PAlive returns P(alive | x, t_x, T), the share of the likelihood's
// first term: 1 ÷ (1 + s·(α+T)^(r+x)·(β+T)^s·∫_{t_x}^T (α+τ)^−(r+x)·(β+τ)^−(s+1) dτ).
func (m ParetoNBD) PAlive(s Summary) (float64, error) {
	return pAlive(m, s)
}

func (m ParetoNBD) alive(s Summary) (float64, error) {
	alive, dead, err := m.terms(s.X, s.Tx, s.T, nil)
	if err != nil {
		return 0, err
	}
	return sigmoid(alive - dead), nil
}

// Expected returns the expected purchases in (T, T+t] of the customer:
//
//	P(alive) · (r+x)·(β+T)/((α+T)·(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]
//
// (its limit (r+x)·(β+T)/(α+T)·ln((β+T+t)/(β+T)) at s = 1).
func (m ParetoNBD) Expected(s Summary, t float64) (float64, error) {
	return expected(m, s, t)
}

func (m ParetoNBD) residual(x int, T, t float64) (float64, error) {
	l := math.Log1p(t / (m.beta + T))
	return (m.r + float64(x)) * (m.beta + T) / (m.alpha + T) * l * expm1x((m.s-1)*l), nil
}

// ExpectedNew returns E[X(t)] for a new customer,
// r·β/(α·(s−1)) · [1 − (β/(β+t))^(s−1)].
func (m ParetoNBD) ExpectedNew(t float64) (float64, error) {
	if err := checkHorizon(t); err != nil {
		return 0, err
	}
	return m.residual(0, 0, t)
}

// nbdLife is the log-integrand of P(X(t) = n): the density of a lifetime
// τ < t times the probability of n purchases in τ.
type nbdLife struct {
	n          int
	r, alpha   float64
	ls, s, lnB float64 // ln s, s, s·ln β
	beta       float64
}

func (f *nbdLife) eval(t float64, _ []float64) float64 {
	return f.ls + f.lnB - (f.s+1)*math.Log(f.beta+t) + lnNBD(f.r, f.n, t/f.alpha)
}

// PNew returns P(X(t) = n) for a new customer: the probability of n
// purchases in t when the lifetime outlasts t, plus the same for each
// shorter lifetime τ weighted by its (Pareto II) density,
//
//	(β/(β+t))ˢ·P(N(t) = n) + ∫₀ᵗ s·βˢ/(β+τ)^(s+1)·P(N(τ) = n) dτ,
//
// with N(τ) the NBD count of the purchase rate over τ, integrated
// numerically.
func (m ParetoNBD) PNew(n int, t float64) (float64, error) {
	if err := checkCount(n); err != nil {
		return 0, err
	}
	if err := checkHorizon(t); err != nil {
		return 0, err
	}
	if t == 0 {
		if n == 0 {
			return 1, nil
		}
		return 0, nil
	}
	outlast := -m.s*math.Log1p(t/m.beta) + lnNBD(m.r, n, t/m.alpha)
	f := nbdLife{n: n, r: m.r, alpha: m.alpha, ls: math.Log(m.s), s: m.s, lnB: m.s * math.Log(m.beta), beta: m.beta}
	shorter, err := logIntegral(&f, 0, t, 0, nil)
	if err != nil {
		return 0, err
	}
	return math.Exp(logAddExp(outlast, shorter)), nil
}
