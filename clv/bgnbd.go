package clv

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// BGNBD is the beta-geometric/NBD model of Fader, Hardie & Lee (2005),
// "Counting your customers the easy way": while active, a customer buys
// at a Poisson rate λ, and after each repeat purchase drops out for good
// with probability p; across customers λ ~ Gamma(r, α) and
// p ~ Beta(a, b). A valid model has all four parameters finite and
// positive; NewBGNBD and FitBGNBD return only valid ones.
type BGNBD struct {
	r, alpha, a, b float64
}

// NewBGNBD returns the model with the given parameters, or an error
// wrapping ErrParameter unless all are finite and positive.
func NewBGNBD(r, alpha, a, b float64) (BGNBD, error) {
	if err := positive("BGNBD", "r, α, a, b", r, alpha, a, b); err != nil {
		return BGNBD{}, err
	}
	return BGNBD{r, alpha, a, b}, nil
}

// R returns r, the shape of the purchase rates.
func (m BGNBD) R() float64 { return m.r }

// Alpha returns α, the scale of the purchase rates, in the time unit.
func (m BGNBD) Alpha() float64 { return m.alpha }

// A returns a, the first shape of the dropout probabilities.
func (m BGNBD) A() float64 { return m.a }

// B returns b, the second shape of the dropout probabilities.
func (m BGNBD) B() float64 { return m.b }

// String returns "BG/NBD(r = 0.2426, α = 4.414, a = 0.7929, b = 2.426)".
func (m BGNBD) String() string {
	return fmt.Sprintf("BG/NBD(r = %.4g, α = %.4g, a = %.4g, b = %.4g)", m.r, m.alpha, m.a, m.b)
}

// LogLikelihood returns the log-likelihood of a summary:
//
//	L = B(a, b+x)/B(a, b) · Γ(r+x)·αʳ/(Γ(r)·(α+T)^(r+x))
//	  + [x > 0] · B(a+1, b+x−1)/B(a, b) · Γ(r+x)·αʳ/(Γ(r)·(α+t_x)^(r+x))
//
// summed in log space.
func (m BGNBD) LogLikelihood(s Summary) (float64, error) {
	if err := s.Validate(); err != nil {
		return 0, err
	}
	x := float64(s.X)
	r, al, a, b := m.r, m.alpha, m.a, m.b
	ll := lgamma(r+x) - lgamma(r) + r*math.Log(al) + lbeta(a, b+x) - lbeta(a, b)
	alive := -(r + x) * math.Log(al+s.T)
	if s.X == 0 {
		return ll + alive, nil
	}
	dead := math.Log(a) - math.Log(b+x-1) - (r+x)*math.Log(al+s.Tx)
	return ll + logAddExp(alive, dead), nil
}

// PAlive returns P(alive | x, t_x, T): 1 without repeat purchases (the
// model lets a customer drop out only after a repeat purchase), and
// otherwise
//
//	1 ÷ (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
func (m BGNBD) PAlive(s Summary) (float64, error) { return pAlive(m, s) }

func (m BGNBD) alive(s Summary) (float64, error) {
	if s.X == 0 {
		return 1, nil
	}
	x := float64(s.X)
	odds := math.Log(m.a) - math.Log(m.b+x-1) + (m.r+x)*(math.Log(m.alpha+s.T)-math.Log(m.alpha+s.Tx))
	return sigmoid(-odds), nil
}

// Expected returns the expected purchases in (T, T+t] of the customer,
// P(alive)·E[min(N, D)], where N counts the purchases of the rate
// λ ~ Gamma(r+x, α+T) in t, D the purchases before dropout with
// p ~ Beta(a, b+x) (what the customer's history says of λ and p). It is
// Fader, Hardie & Lee's (10),
//
//	(a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x)·₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
//	÷ (1 + [x > 0]·a/(b+x−1)·((α+T)/(α+t_x))^(r+x)),
//
// summed as a series of positive terms instead of through ₂F₁ (see the
// package documentation). A horizon of more than about 10⁵ times α+T
// fails with ErrConverge.
func (m BGNBD) Expected(s Summary, t float64) (float64, error) { return expected(m, s, t) }

func (m BGNBD) residual(x int, T, t float64) (float64, error) {
	fx := float64(x)
	return dropoutMean(m.r+fx, t/(m.alpha+T), m.a, m.b+fx)
}

// ExpectedNew returns E[X(t)], the expected repeat purchases of a new
// customer in the first t:
//
//	(a+b−1)/(a−1) · [1 − (α/(α+t))ʳ·₂F₁(r, b; a+b−1; t/(α+t))].
func (m BGNBD) ExpectedNew(t float64) (float64, error) {
	if err := checkHorizon(t); err != nil {
		return 0, err
	}
	return dropoutMean(m.r, t/m.alpha, m.a, m.b)
}

// PNew returns P(X(t) = n), the probability that a new customer makes
// exactly n repeat purchases in the first t: with N the NBD count of
// the purchase rate and P(N > n) its tail (a regularised incomplete
// beta function),
//
//	P(X(t) = 0) = P(N = 0)
//	P(X(t) = n) = B(a, b+n−1)/B(a, b)·P(N = n) + B(a+1, b+n−1)/B(a, b)·P(N > n),  n ≥ 1,
//
// Fader, Hardie & Lee's (8) with its difference 1 − P(N < n) written
// as P(N = n) + P(N > n), so that no term cancels.
func (m BGNBD) PNew(n int, t float64) (float64, error) {
	if err := checkCount(n); err != nil {
		return 0, err
	}
	if err := checkHorizon(t); err != nil {
		return 0, err
	}
	c := t / m.alpha
	if n == 0 {
		return math.Exp(lnNBD(m.r, 0, c)), nil
	}
	fn := float64(n)
	lb := lbeta(m.a, m.b)
	alive := math.Exp(lbeta(m.a, m.b+fn-1) - lb + lnNBD(m.r, n, c))
	tail, err := nbdTail(m.r, n, c)
	if err != nil {
		return 0, err
	}
	return alive + math.Exp(lbeta(m.a+1, m.b+fn-1)-lb)*tail, nil
}

// nbdTail returns P(N > n) for the NBD of shape r and odds c: beyond
// the mean, the sum of P(N = k) for k > n from Loader's P(N = n+1) and
// the ratios of successive terms, until a geometric bound on the rest is
// below 10⁻¹⁷ of the sum, so that a far tail keeps its relative
// precision; below the mean, where the tail is not small, the
// regularised incomplete beta function I_z(n+1, r), z = c/(1+c).
func nbdTail(r float64, n int, c float64) (float64, error) {
	if c == 0 {
		return 0, nil
	}
	z := c / (1 + c)
	if float64(n) < r*c {
		return mathext.RegIncBeta(float64(n)+1, r, z), nil
	}
	p := math.Exp(lnNBD(r, n+1, c))
	sum := 0.0
	for k := n + 1; k < n+1+maxTerms; k++ {
		sum += p
		ratio := (r + float64(k)) / float64(k+1) * z
		p *= ratio
		rho := ratio
		if r < 1 {
			rho = z
		}
		if p*rho/(1-rho) <= 1e-17*sum || p == 0 {
			return sum, nil
		}
	}
	return 0, fmt.Errorf("%w: the tail P(N > %d) did not converge in %.3g terms", ErrConverge, n, float64(maxTerms))
}
