package clv

import (
	"fmt"
	"math"
)

// MBGNBD is the modified BG/NBD model of Batislam, Denizel & Filiztekin
// (2007), "Empirical validation and comparison of models for customer
// base analysis": the BG/NBD model with a chance to drop out at the first
// purchase too, so that a customer who never came back is not certainly
// active (P(alive | x = 0) < 1). A valid model has all four parameters
// finite and positive; NewMBGNBD and FitMBGNBD return only valid ones.
type MBGNBD struct {
	r, alpha, a, b float64
}

// NewMBGNBD returns the model with the given parameters, or an error
// wrapping ErrParameter unless all are finite and positive.
func NewMBGNBD(r, alpha, a, b float64) (MBGNBD, error) {
	if err := positive("MBGNBD", "r, α, a, b", r, alpha, a, b); err != nil {
		return MBGNBD{}, err
	}
	return MBGNBD{r, alpha, a, b}, nil
}

// R returns r, the shape of the purchase rates.
func (m MBGNBD) R() float64 { return m.r }

// Alpha returns α, the scale of the purchase rates, in the time unit.
func (m MBGNBD) Alpha() float64 { return m.alpha }

// A returns a, the first shape of the dropout probabilities.
func (m MBGNBD) A() float64 { return m.a }

// B returns b, the second shape of the dropout probabilities.
func (m MBGNBD) B() float64 { return m.b }

// String returns "MBG/NBD(r = …, α = …, a = …, b = …)".
func (m MBGNBD) String() string {
	return fmt.Sprintf("MBG/NBD(r = %.4g, α = %.4g, a = %.4g, b = %.4g)", m.r, m.alpha, m.a, m.b)
}

// LogLikelihood returns the log-likelihood of a summary:
//
//	L = B(a, b+x+1)/B(a, b) · Γ(r+x)·αʳ/(Γ(r)·(α+T)^(r+x))
//	  + B(a+1, b+x)/B(a, b) · Γ(r+x)·αʳ/(Γ(r)·(α+t_x)^(r+x)).
func (m MBGNBD) LogLikelihood(s Summary) (float64, error) {
	if err := s.Validate(); err != nil {
		return 0, err
	}
	x := float64(s.X)
	r, al, a, b := m.r, m.alpha, m.a, m.b
	ll := lgamma(r+x) - lgamma(r) + r*math.Log(al) + lbeta(a, b+x+1) - lbeta(a, b)
	alive := -(r + x) * math.Log(al+s.T)
	dead := math.Log(a) - math.Log(b+x) - (r+x)*math.Log(al+s.Tx)
	return ll + logAddExp(alive, dead), nil
}

// PAlive returns P(alive | x, t_x, T) =
// 1 ÷ (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)).
func (m MBGNBD) PAlive(s Summary) (float64, error) { return pAlive(m, s) }

func (m MBGNBD) alive(s Summary) (float64, error) {
	x := float64(s.X)
	odds := math.Log(m.a) - math.Log(m.b+x) + (m.r+x)*(math.Log(m.alpha+s.T)-math.Log(m.alpha+s.Tx))
	return sigmoid(-odds), nil
}

// Expected returns the expected purchases in (T, T+t] of the customer,
// P(alive)·E[min(N, D)] with λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x+1),
// summed as BGNBD.Expected is.
func (m MBGNBD) Expected(s Summary, t float64) (float64, error) { return expected(m, s, t) }

func (m MBGNBD) residual(x int, T, t float64) (float64, error) {
	fx := float64(x)
	return dropoutMean(m.r+fx, t/(m.alpha+T), m.a, m.b+fx+1)
}

// ExpectedNew returns E[X(t)] for a new customer, who may have dropped
// out at the first purchase:
//
//	b/(a−1) · [1 − (α/(α+t))ʳ·₂F₁(r, b+1; a+b; t/(α+t))].
func (m MBGNBD) ExpectedNew(t float64) (float64, error) {
	if err := checkHorizon(t); err != nil {
		return 0, err
	}
	e, err := dropoutMean(m.r, t/m.alpha, m.a, m.b+1)
	return m.b / (m.a + m.b) * e, err
}

// PNew returns P(X(t) = n) for a new customer:
//
//	B(a, b+n)/B(a, b)·P(N = n) + B(a+1, b+n)/B(a, b)·P(N > n).
func (m MBGNBD) PNew(n int, t float64) (float64, error) {
	if err := checkCount(n); err != nil {
		return 0, err
	}
	if err := checkHorizon(t); err != nil {
		return 0, err
	}
	c, fn, lb := t/m.alpha, float64(n), lbeta(m.a, m.b)
	alive := math.Exp(lbeta(m.a, m.b+fn) - lb + lnNBD(m.r, n, c))
	tail, err := nbdTail(m.r, n, c)
	if err != nil {
		return 0, err
	}
	return alive + math.Exp(lbeta(m.a+1, m.b+fn)-lb)*tail, nil
}
