package clv

import (
	"fmt"
	"math"
	"slices"
)

// Convention is how a Discount turns future purchases into present
// value. The anchors disagree, so there is no default: the zero
// Convention is invalid and a Valuation refuses it.
type Convention int

const (
	// NoDiscount counts the purchases of the horizon at face value:
	// pymc-marketing's default (discount_rate = 0).
	NoDiscount Convention = iota + 1
	// Stepwise cuts the horizon into steps of length Step and discounts
	// the purchases expected in step i, in ((i−1)·Step, i·Step], by
	// (1 + Rate)^−i: lifetimes' and pymc-marketing's
	// customer_lifetime_value (monthly steps of 30 days, or 4.345 weeks;
	// lifetimes discounts 1 % a month by default).
	Stepwise
	// Continuous discounts a purchase at time u after T by e^(−Rate·u),
	// Rate per time unit: the discounted expected residual transactions
	// (DERT) of Fader, Hardie & Lee (2005) and CLVTools'
	// continuous.discount.factor. A discrete rate d per unit is the
	// continuous rate ln(1 + d).
	Continuous
)

var conventionNames = [...]string{"", "none", "stepwise", "continuous"}

// String returns "none", "stepwise" or "continuous".
func (c Convention) String() string {
	if c < NoDiscount || c > Continuous {
		return fmt.Sprintf("Convention(%d)", int(c))
	}
	return conventionNames[c]
}

// MarshalText writes the convention's name.
func (c Convention) MarshalText() ([]byte, error) {
	if c < NoDiscount || c > Continuous {
		return nil, fmt.Errorf("%w: discount convention %d", ErrArgument, int(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText reads a name written by MarshalText.
func (c *Convention) UnmarshalText(b []byte) error {
	i := slices.Index(conventionNames[1:], string(b))
	if i < 0 {
		return fmt.Errorf("%w: discount convention %q, want none, stepwise or continuous", ErrArgument, b)
	}
	*c = Convention(i + 1)
	return nil
}

// Discount is a discount convention and its rate.
type Discount struct {
	Convention Convention `json:"convention"`
	// Rate is the discount rate per Step (Stepwise) or per time unit
	// (Continuous), 0 ≤ Rate ≤ 10; unused by NoDiscount.
	Rate float64 `json:"rate"`
	// Step is the length of a step in the time unit (Stepwise only):
	// 30 for months of 30 days when the unit is a day.
	Step float64 `json:"step,omitempty"`
}

// MaxSteps bounds the steps of a Stepwise discount over a horizon.
const MaxSteps = 100_000

// check validates d for a horizon h.
func (d Discount) check(h float64) error {
	switch d.Convention {
	case NoDiscount:
		return nil
	case Stepwise, Continuous:
	default:
		return fmt.Errorf("%w: discount convention %d: choose NoDiscount, Stepwise or Continuous", ErrArgument, int(d.Convention))
	}
	if !(d.Rate >= 0 && d.Rate <= 10) {
		return fmt.Errorf("%w: discount rate %v, want 0 to 10", ErrArgument, d.Rate)
	}
	if d.Convention == Stepwise {
		if !(d.Step > 0) || math.IsInf(d.Step, 1) {
			return fmt.Errorf("%w: discount step %v, want a positive time", ErrArgument, d.Step)
		}
		if steps := math.Ceil(h / d.Step); steps > MaxSteps {
			return fmt.Errorf("%w: a horizon of %v is %v steps of %v, more than %d", ErrArgument, h, steps, d.Step, MaxSteps)
		}
	}
	return nil
}

// String returns e.g. "stepwise 1% per 30", "continuous 0.27% per unit"
// or "none".
func (d Discount) String() string {
	switch d.Convention {
	case Stepwise:
		return fmt.Sprintf("stepwise %.4g%% per %.4g", 100*d.Rate, d.Step)
	case Continuous:
		return fmt.Sprintf("continuous %.4g%% per unit", 100*d.Rate)
	}
	return d.Convention.String()
}

// discounted returns the present value of the purchases of a customer
// alive at T with x repeat purchases over (T, T+h]: the increments of the
// model's residual expectation R(u) weighted by the discount,
//
//	NoDiscount   R(h)
//	Stepwise     Σᵢ (R(tᵢ) − R(tᵢ₋₁))·(1+Rate)^−i,  tᵢ = min(i·Step, h)
//	Continuous   ∫₀ʰ e^(−δu) dR(u) = e^(−δh)·R(h) + δ·∫₀ʰ e^(−δu)·R(u) du
//
// with the last integral by adaptive Gauss–Kronrod quadrature.
func (d Discount) discounted(m Model, x int, T, h float64) (float64, error) {
	if h == 0 {
		return 0, nil
	}
	switch d.Convention {
	case Stepwise:
		steps := int(math.Ceil(h / d.Step))
		sum, prev := 0.0, 0.0
		f := 1.0
		for i := 1; i <= steps; i++ {
			r, err := m.residual(x, T, math.Min(float64(i)*d.Step, h))
			if err != nil {
				return 0, err
			}
			f /= 1 + d.Rate
			sum += (r - prev) * f
			prev = r
		}
		return sum, nil
	case Continuous:
		rh, err := m.residual(x, T, h)
		if err != nil || d.Rate == 0 {
			return rh, err
		}
		g := discountedResidual{m: m, x: x, T: T, rate: d.Rate}
		li, err := logIntegral(&g, 0, h, 0, nil)
		if err == nil {
			err = g.err
		}
		if err != nil {
			return 0, err
		}
		return math.Exp(-d.Rate*h)*rh + d.Rate*math.Exp(li), nil
	}
	return m.residual(x, T, h)
}

// discountedResidual is the log-integrand ln R(u) − δ·u.
type discountedResidual struct {
	m    Model
	x    int
	T    float64
	rate float64
	err  error
}

func (g *discountedResidual) eval(u float64, _ []float64) float64 {
	r, err := g.m.residual(g.x, g.T, u)
	if err != nil {
		g.err = err
		return math.Inf(-1)
	}
	return math.Log(r) - g.rate*u
}
