package clv

import (
	"fmt"
	"iter"
	"strings"

	"github.com/rapportkit/rapport/internal/group"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// Valuation values customers: the discounted expected purchases of a
// purchase model over a horizon times the expected spend per purchase of
// the spend model,
//
//	CLV = E[M | x, z̄] · P(alive) · Σ or ∫ discount × expected purchases over (T, T+Horizon],
//
// in the currency of the spends. The models compute in floats; each
// amount is converted once, rounded half away from zero to Places
// decimal places, and bounded as every rapport amount.
type Valuation struct {
	// Purchases is the purchase model, fitted in the time unit of the
	// summaries.
	Purchases Model
	// Spend is the spend model.
	Spend GammaGamma
	// Horizon is how far ahead to value the purchases, in the time unit,
	// finite and ≥ 0.
	Horizon float64
	// Discount is the discount convention, to be chosen.
	Discount Discount
	// Places is the number of decimal places of the amounts, 0 to 16
	// (2 for cents).
	Places int32
}

// check validates the valuation.
func (v Valuation) check() error {
	if v.Purchases == nil {
		return fmt.Errorf("%w: a valuation needs a purchase model", ErrArgument)
	}
	if err := positive("GammaGamma", "p, q, v", v.Spend.p, v.Spend.q, v.Spend.v); err != nil {
		return err
	}
	if err := checkHorizon(v.Horizon); err != nil {
		return err
	}
	if err := checkPlaces(v.Places); err != nil {
		return err
	}
	return v.Discount.check(v.Horizon)
}

// CustomerValue is the valuation of one customer, in reporting units.
type CustomerValue struct {
	CustomerID string `json:"customer_id"`
	// PAlivePct is P(alive) in percent.
	PAlivePct float64 `json:"p_alive_pct"`
	// ExpectedPurchases is the expected purchases over the horizon,
	// DiscountedPurchases their present value under the discount.
	ExpectedPurchases   float64 `json:"expected_purchases_count"`
	DiscountedPurchases float64 `json:"discounted_purchases_count"`
	// SpendAmount is the expected mean spend per purchase and CLVAmount
	// the customer's lifetime value over the horizon, both nil when the
	// spend model's mean is infinite for the customer.
	SpendAmount *decimal.Decimal `json:"spend_amount"`
	CLVAmount   *decimal.Decimal `json:"clv_amount"`
}

// String returns e.g. "c1: P(alive) 72.3%, 1.23 purchases (1.19
// discounted) at 24.66: CLV 29.35".
func (c CustomerValue) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: P(alive) %.1f%%, %.3g purchases (%.3g discounted)", c.CustomerID, c.PAlivePct, c.ExpectedPurchases, c.DiscountedPurchases)
	if c.CLVAmount != nil {
		fmt.Fprintf(&b, " at %s: CLV %s", fixed(*c.SpendAmount), fixed(*c.CLVAmount))
	} else {
		b.WriteString(": CLV undefined (infinite mean spend)")
	}
	return b.String()
}

// Value returns the valuation of one customer. It fails with the
// errors of the summary's validation, ErrArgument for an invalid
// valuation, and the errors of the model's expectation.
func (v Valuation) Value(s Summary) (CustomerValue, error) {
	if err := v.check(); err != nil {
		return CustomerValue{}, err
	}
	if err := s.Validate(); err != nil {
		return CustomerValue{}, err
	}
	return v.value(s, nil)
}

// residuals caches the residual expectations of a valuation by (x, T).
type residuals map[[2]float64][2]float64

// value values a valid summary under a valid valuation.
func (v Valuation) value(s Summary, cache residuals) (CustomerValue, error) {
	p, err := v.Purchases.alive(s)
	if err != nil {
		return CustomerValue{}, err
	}
	key := [2]float64{float64(s.X), s.T}
	r, ok := cache[key]
	if !ok {
		if r[0], err = v.Purchases.residual(s.X, s.T, v.Horizon); err != nil {
			return CustomerValue{}, err
		}
		if r[1], err = v.Discount.discounted(v.Purchases, s.X, s.T, v.Horizon); err != nil {
			return CustomerValue{}, err
		}
		if cache != nil {
			cache[key] = r
		}
	}
	c := CustomerValue{CustomerID: s.ID, PAlivePct: 100 * p, ExpectedPurchases: p * r[0], DiscountedPurchases: p * r[1]}
	m, ok := v.Spend.spend(float64(s.X), s.Spend.InexactFloat64())
	if !ok {
		return c, nil
	}
	spend, err := toAmount(m, v.Places)
	if err != nil {
		return CustomerValue{}, fmt.Errorf("customer %q: spend: %w", s.ID, err)
	}
	clv, err := toAmount(m*c.DiscountedPurchases, v.Places)
	if err != nil {
		return CustomerValue{}, fmt.Errorf("customer %q: CLV: %w", s.ID, err)
	}
	c.SpendAmount, c.CLVAmount = &spend, &clv
	return c, nil
}

// Values values every summary, in order. Customers with the same x and
// T share the expectations, so a base of many customers costs what its
// distinct (x, T) cost. The first invalid summary stops it with an error
// naming its position.
func (v Valuation) Values(summaries iter.Seq[Summary]) ([]CustomerValue, error) {
	if err := v.check(); err != nil {
		return nil, err
	}
	cache := make(residuals)
	var out []CustomerValue
	i := 0
	for s := range summaries {
		if err := s.Validate(); err != nil {
			return nil, group.At("summary", i, err)
		}
		c, err := v.value(s, cache)
		if err != nil {
			return nil, group.At("summary", i, err)
		}
		out = append(out, c)
		i++
	}
	return out, nil
}

// GroupValue is the valuation of a group of customers: an RFM segment,
// a channel, an acquisition cohort.
type GroupValue struct {
	N uint64 `json:"n"`
	// PAliveMeanPct is the mean P(alive) in percent, and ExpectedAlive
	// the expected number of customers still active, Σ P(alive).
	PAliveMeanPct float64 `json:"p_alive_mean_pct"`
	ExpectedAlive float64 `json:"expected_alive_count"`
	// ExpectedPurchases is the group's expected purchases over the
	// horizon.
	ExpectedPurchases float64 `json:"expected_purchases_count"`
	// CLVAmount is the exact sum of the customers' rounded values and
	// MeanCLVAmount its mean, rounded to the valuation's places; both nil
	// when a customer's value is undefined.
	CLVAmount     *decimal.Decimal `json:"clv_amount"`
	MeanCLVAmount *decimal.Decimal `json:"mean_clv_amount"`
}

// String returns e.g. "120 customers: P(alive) 61.2% (73.4 active),
// 88.1 purchases, CLV 2301.50 (19.18 each)".
func (g GroupValue) String() string {
	s := fmt.Sprintf("%d customers: P(alive) %.1f%% (%.1f active), %.1f purchases", g.N, g.PAliveMeanPct, g.ExpectedAlive, g.ExpectedPurchases)
	if g.CLVAmount == nil {
		return s + ", CLV undefined"
	}
	return fmt.Sprintf("%s, CLV %s (%s each)", s, fixed(*g.CLVAmount), fixed(*g.MeanCLVAmount))
}

// fixed writes d with the places of its exponent: 12.30, not 12.3.
func fixed(d decimal.Decimal) string {
	if e := d.Exponent(); e < 0 {
		return d.StringFixed(-e)
	}
	return d.String()
}

// ValueBy values every summary and sums the values per key: by RFM
// segment with a key that looks the customer's segment up by s.ID, by
// any comparable key. The floating-point sums run in the order of the
// summaries; the CLV sums are exact. The first invalid summary stops it
// with an error naming its position.
func ValueBy[K comparable](summaries iter.Seq[Summary], v Valuation, key func(Summary) K) (map[K]GroupValue, error) {
	if err := v.check(); err != nil {
		return nil, err
	}
	type acc struct {
		g         GroupValue
		sum       money.Sum
		undefined bool
	}
	accs := make(map[K]*acc)
	cache := make(residuals)
	i := 0
	for s := range summaries {
		if err := s.Validate(); err != nil {
			return nil, group.At("summary", i, err)
		}
		c, err := v.value(s, cache)
		if err != nil {
			return nil, group.At("summary", i, err)
		}
		k := key(s)
		a := accs[k]
		if a == nil {
			a = new(acc)
			accs[k] = a
		}
		a.g.N++
		a.g.ExpectedAlive += c.PAlivePct / 100
		a.g.ExpectedPurchases += c.ExpectedPurchases
		if c.CLVAmount == nil {
			a.undefined = true
		} else {
			a.sum.Add(*c.CLVAmount)
		}
		i++
	}
	out := make(map[K]GroupValue, len(accs))
	for k, a := range accs {
		g := a.g
		g.PAliveMeanPct = 100 * g.ExpectedAlive / float64(g.N)
		if !a.undefined {
			total := a.sum.Value()
			mean := total.DivRound(decimal.NewFromUint64(g.N), v.Places)
			g.CLVAmount, g.MeanCLVAmount = &total, &mean
		}
		out[k] = g
	}
	return out, nil
}

// Prediction is what a churn signal needs of a non-contractual customer:
// the probability that the customer is still active, in percent
// (100 − PAlivePct is the churn risk), and the purchases expected over a
// horizon.
type Prediction struct {
	CustomerID        string  `json:"customer_id"`
	PAlivePct         float64 `json:"p_alive_pct"`
	ExpectedPurchases float64 `json:"expected_purchases_count"`
}

// Predict returns the prediction of every summary over the horizon t, in
// order; customers with the same x and T share the expectation, so a
// base of a million customers costs about a million P(alive). 1 − PAlive
// is the churn risk of a customer who has no contract to end. The first
// invalid summary stops it with an error naming its position.
func Predict(summaries iter.Seq[Summary], m Model, t float64) ([]Prediction, error) {
	if m == nil {
		return nil, fmt.Errorf("%w: no model", ErrArgument)
	}
	if err := checkHorizon(t); err != nil {
		return nil, err
	}
	cache := make(map[[2]float64]float64)
	var out []Prediction
	i := 0
	for s := range summaries {
		if err := s.Validate(); err != nil {
			return nil, group.At("summary", i, err)
		}
		p, err := m.alive(s)
		if err != nil {
			return nil, group.At("summary", i, err)
		}
		key := [2]float64{float64(s.X), s.T}
		r, ok := cache[key]
		if !ok {
			if r, err = m.residual(s.X, s.T, t); err != nil {
				return nil, group.At("summary", i, err)
			}
			cache[key] = r
		}
		out = append(out, Prediction{CustomerID: s.ID, PAlivePct: 100 * p, ExpectedPurchases: p * r})
		i++
	}
	return out, nil
}
