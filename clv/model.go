package clv

import (
	"fmt"
	"math"
)

// Model is a model of repeat purchasing in a non-contractual setting:
// BGNBD, MBGNBD or ParetoNBD. Times (T, t_x, the horizons t) are in the
// time unit of the summaries the model was fitted on, and a model's
// scale parameters (α, β) are in that unit too.
type Model interface {
	// PAlive returns the probability that the customer is still active
	// at T, given x, t_x and T.
	PAlive(s Summary) (float64, error)
	// Expected returns the expected number of purchases of the customer
	// in (T, T + t].
	Expected(s Summary, t float64) (float64, error)
	// ExpectedNew returns the expected number of repeat purchases of a
	// customer in the first t after the first purchase.
	ExpectedNew(t float64) (float64, error)
	// PNew returns the probability that a new customer makes exactly n
	// repeat purchases in the first t after the first purchase.
	PNew(n int, t float64) (float64, error)
	// LogLikelihood returns the log-likelihood of one summary.
	LogLikelihood(s Summary) (float64, error)
	String() string

	// alive is PAlive of a valid summary.
	alive(s Summary) (float64, error)
	// residual returns the expected purchases in (T, T + t] of a
	// customer alive at T with x repeat purchases, t ≥ 0 finite.
	residual(x int, T, t float64) (float64, error)
}

// checkHorizon validates a horizon t: finite and ≥ 0.
func checkHorizon(t float64) error {
	if !(t >= 0) || math.IsInf(t, 1) {
		return fmt.Errorf("%w: horizon t = %v, want a finite time ≥ 0", ErrArgument, t)
	}
	return nil
}

// checkCount validates a number of purchases n.
func checkCount(n int) error {
	if n < 0 || n > MaxRepeats {
		return fmt.Errorf("%w: n = %d purchases, want 0 to %d", ErrArgument, n, MaxRepeats)
	}
	return nil
}

// positive validates model parameters: finite and positive.
func positive(model string, names string, values ...float64) error {
	for _, v := range values {
		if !(v > 0) || math.IsInf(v, 1) {
			return fmt.Errorf("%w: %s(%s) = %v: every parameter must be finite and positive", ErrParameter, model, names, values)
		}
	}
	return nil
}

// expected returns Expected of a model from its residual and PAlive.
func expected(m Model, s Summary, t float64) (float64, error) {
	if err := s.Validate(); err != nil {
		return 0, err
	}
	if err := checkHorizon(t); err != nil {
		return 0, err
	}
	p, err := m.alive(s)
	if err != nil {
		return 0, err
	}
	r, err := m.residual(s.X, s.T, t)
	if err != nil {
		return 0, err
	}
	return p * r, nil
}

// pAlive returns PAlive of a model after validating s.
func pAlive(m Model, s Summary) (float64, error) {
	if err := s.Validate(); err != nil {
		return 0, err
	}
	return m.alive(s)
}

// sigmoid returns 1 ÷ (1 + e^−v) without overflow.
func sigmoid(v float64) float64 {
	if v >= 0 {
		return 1 / (1 + math.Exp(-v))
	}
	e := math.Exp(v)
	return e / (1 + e)
}

// logAddExp returns ln(e^a + e^b).
func logAddExp(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	if math.IsInf(b, -1) {
		return a
	}
	return a + math.Log1p(math.Exp(b-a))
}

// lgamma returns ln Γ(x) for x > 0.
func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// lbeta returns ln B(a, b) for a, b > 0.
func lbeta(a, b float64) float64 { return lgamma(a) + lgamma(b) - lgamma(a+b) }

// expm1x returns (1 − e^−y) ÷ y, 1 at y = 0, accurate for small |y|.
func expm1x(y float64) float64 {
	if y == 0 {
		return 1
	}
	return -math.Expm1(-y) / y
}
