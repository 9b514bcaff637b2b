package clv

import (
	"cmp"
	"fmt"
	"iter"
	"math"
	"slices"

	"github.com/rapportkit/rapport/internal/group"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
	"gonum.org/v1/gonum/mathext"
)

// GammaGamma is the spend model of Fader, Hardie & Lee (2005), "RFM and
// CLV: using iso-value curves for customer base analysis", after Colombo
// & Jiang (1999): the amounts of a customer's purchases are
// Gamma(p, ν) around the customer's mean p/ν, and ν ~ Gamma(q, v) across
// customers. The model assumes that what a customer spends per purchase
// does not depend on how often the customer buys; SpendFit reports the
// correlation that checks it. A valid model has p, q, v finite and
// positive; NewGammaGamma and FitGammaGamma return only valid ones.
type GammaGamma struct {
	p, q, v float64
}

// NewGammaGamma returns the model with the given parameters, or an error
// wrapping ErrParameter unless all are finite and positive.
func NewGammaGamma(p, q, v float64) (GammaGamma, error) {
	if err := positive("GammaGamma", "p, q, v", p, q, v); err != nil {
		return GammaGamma{}, err
	}
	return GammaGamma{p, q, v}, nil
}

// P returns p, the shape of a customer's purchase amounts.
func (g GammaGamma) P() float64 { return g.p }

// Q returns q, the shape of the customers' rates ν.
func (g GammaGamma) Q() float64 { return g.q }

// V returns v, the scale of the customers' rates ν, in the currency.
func (g GammaGamma) V() float64 { return g.v }

// String returns "Gamma-Gamma(p = 6.249, q = 3.744, v = 15.44)".
func (g GammaGamma) String() string {
	return fmt.Sprintf("Gamma-Gamma(p = %.4g, q = %.4g, v = %.4g)", g.p, g.q, g.v)
}

// repeater returns the spend data of a summary, or an error unless the
// customer has repeat purchases with a positive mean.
func repeater(s Summary) (x, z float64, err error) {
	if err := s.Validate(); err != nil {
		return 0, 0, err
	}
	if s.X == 0 || s.Spend.Sign() == 0 {
		return 0, 0, fmt.Errorf("%w: customer %q: the spend model needs repeat purchases of a positive mean (x = %d, spend %v)", ErrSummary, s.ID, s.X, s.Spend)
	}
	return float64(s.X), s.Spend.InexactFloat64(), nil
}

// LogLikelihood returns the log-likelihood of a repeat customer's mean
// spend z̄ over x purchases,
//
//	Γ(px+q)/(Γ(px)·Γ(q)) · v^q · z̄^(px−1) · x^(px) ÷ (v + x·z̄)^(px+q),
//
// and ErrSummary for a customer without repeat purchases or with a zero
// mean.
func (g GammaGamma) LogLikelihood(s Summary) (float64, error) {
	x, z, err := repeater(s)
	if err != nil {
		return 0, err
	}
	px := g.p * x
	return lgamma(px+g.q) - lgamma(px) - lgamma(g.q) + g.q*math.Log(g.v) + (px-1)*math.Log(z) + px*math.Log(x) - (px+g.q)*math.Log(g.v+x*z), nil
}

// MeanSpend returns the population's mean spend per purchase, p·v/(q−1),
// or ok = false when q ≤ 1 (the mean is infinite).
func (g GammaGamma) MeanSpend() (float64, bool) {
	if g.q <= 1 {
		return 0, false
	}
	return g.p * g.v / (g.q - 1), true
}

// spend returns the conditional mean spend of x purchases of mean z,
// or ok = false when it is infinite.
func (g GammaGamma) spend(x, z float64) (float64, bool) {
	d := g.p*x + g.q - 1
	if d <= 0 {
		return 0, false
	}
	return g.p * (g.v + x*z) / d, true
}

// ExpectedSpend returns the customer's expected mean spend per purchase,
//
//	E[M | x, z̄] = p·(v + x·z̄)/(p·x + q − 1)
//	            = (q−1)/(px+q−1) · p·v/(q−1) + px/(px+q−1) · z̄,
//
// the population mean shrunk towards the customer's own mean as x
// grows (the population mean p·v/(q−1) for x = 0), rounded half away
// from zero to places decimal places (0 to 16; 2 for cents). It fails
// with ErrParameter when the mean is infinite (p·x + q ≤ 1) and
// ErrAmount when it is past the bounds of an amount.
func (g GammaGamma) ExpectedSpend(s Summary, places int32) (decimal.Decimal, error) {
	if err := s.Validate(); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkPlaces(places); err != nil {
		return decimal.Decimal{}, err
	}
	m, ok := g.spend(float64(s.X), s.Spend.InexactFloat64())
	if !ok {
		return decimal.Decimal{}, fmt.Errorf("%w: %v: the mean spend of customer %q is infinite (p·x + q ≤ 1)", ErrParameter, g, s.ID)
	}
	return toAmount(m, places)
}

// checkPlaces validates a number of decimal places.
func checkPlaces(places int32) error {
	if places < 0 || places > 16 {
		return fmt.Errorf("%w: %d decimal places, want 0 to 16", ErrArgument, places)
	}
	return nil
}

// toAmount converts a float the model computed to an amount: the shortest
// decimal that reads back as v, rounded half away from zero to places,
// within the bounds of money.Check.
func toAmount(v float64, places int32) (decimal.Decimal, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) >= 1e64 {
		return decimal.Decimal{}, fmt.Errorf("%w: amount %v", ErrAmount, v)
	}
	d := decimal.NewFromFloat(v).Round(places)
	if err := money.Check(d); err != nil {
		return decimal.Decimal{}, fmt.Errorf("%w: %v", ErrAmount, err)
	}
	return d, nil
}

// SpendFit reports a fit of the spend model.
type SpendFit struct {
	Fit
	// ZeroSpend is the number of repeat customers left out because their
	// mean spend is 0 (free orders only); customers without repeat
	// purchases are not counted in N.
	ZeroSpend uint64 `json:"zero_spend"`
	// Correlation is Pearson's correlation between x and the mean spend
	// of the repeat customers fitted, nil when either does not vary. The
	// model assumes it is near 0 (0.11 on CDNOW); see the package
	// documentation.
	Correlation *float64 `json:"correlation_ratio"`
}

// String returns the fit's report and the correlation.
func (f SpendFit) String() string {
	c := "undefined"
	if f.Correlation != nil {
		c = fmt.Sprintf("%.3f", *f.Correlation)
	}
	return fmt.Sprintf("%v; corr(x, spend) = %s", f.Fit, c)
}

// FitGammaGamma fits the spend model by maximum likelihood to the repeat
// customers among the summaries (X > 0 and a positive Spend), grouped
// by (x, spend), by BFGS on the logarithms of p, q, v from p = 1, q = 2
// and v the mean spend, with the exact gradient. Customers without
// repeat purchases carry no information on the spend of repeat
// purchases and are skipped; repeat customers with a zero mean are
// skipped and counted. It fails with ErrEmpty without a repeat customer,
// and as FitBGNBD does otherwise.
func FitGammaGamma(summaries iter.Seq[Summary]) (GammaGamma, SpendFit, error) {
	type key struct {
		x int
		z float64
	}
	counts := make(map[key]uint64)
	var fit SpendFit
	i := 0
	for s := range summaries {
		if err := s.Validate(); err != nil {
			return GammaGamma{}, fit, group.At("summary", i, err)
		}
		i++
		switch {
		case s.X == 0:
			continue
		case s.Spend.Sign() == 0:
			fit.ZeroSpend++
			continue
		}
		counts[key{s.X, s.Spend.InexactFloat64()}]++
		fit.N++
	}
	if fit.N == 0 {
		return GammaGamma{}, fit, fmt.Errorf("%w: GammaGamma: no repeat customer with a positive mean spend", ErrEmpty)
	}
	rows := make([]spendRow, 0, len(counts))
	for k, c := range counts {
		rows = append(rows, spendRow{x: float64(k.x), z: k.z, lnX: math.Log(float64(k.x)), lnZ: math.Log(k.z), w: float64(c)})
	}
	// Sorted, so that the sums and the fit do not depend on the order of
	// the summaries.
	slices.SortFunc(rows, func(a, b spendRow) int { return cmp.Or(cmp.Compare(a.x, b.x), cmp.Compare(a.z, b.z)) })
	n := float64(fit.N)
	var sx, sz float64
	for _, r := range rows {
		sx, sz = sx+r.w*r.x, sz+r.w*r.z
	}
	var vx, vz, cxz float64
	for _, r := range rows {
		dx, dz := r.x-sx/n, r.z-sz/n
		vx, vz, cxz = vx+r.w*dx*dx, vz+r.w*dz*dz, cxz+r.w*dx*dz
	}
	if vx > 0 && vz > 0 {
		c := math.Max(-1, math.Min(1, cxz/math.Sqrt(vx*vz)))
		fit.Correlation = &c
	}
	l := spendLikelihood{rows: rows, n: n}
	theta0 := []float64{0, math.Log(2), math.Log(sz / n)}
	p, f, err := maximise("GammaGamma", []string{"p", "q", "v"}, theta0, fit.N, len(rows), l.eval, describeSpend)
	fit.Fit = f
	if err != nil {
		return GammaGamma{}, fit, err
	}
	return GammaGamma{p[0], p[1], p[2]}, fit, nil
}

// describeSpend says what a Gamma-Gamma parameter running to a bound
// means.
func describeSpend(name string, up bool) string {
	switch {
	case name == "p" && up:
		return "a customer's purchase amounts do not vary around the customer's mean"
	case (name == "q" || name == "v") && up:
		return "the customers' mean spends do not vary between customers"
	}
	return "the likelihood keeps rising towards a degenerate model"
}

// spendRow is a distinct (x, z̄) with its count.
type spendRow struct {
	x, z, lnX, lnZ, w float64
}

// spendLikelihood is the Gamma-Gamma log-likelihood of the repeat
// customers.
type spendLikelihood struct {
	rows []spendRow
	n    float64
}

// eval returns −LL/n at (p, q, v) = e^θ and its gradient in θ.
func (l *spendLikelihood) eval(theta, grad []float64) (float64, error) {
	p, q, v := math.Exp(theta[0]), math.Exp(theta[1]), math.Exp(theta[2])
	lnV := math.Log(v)
	var ll, dp, dq, dv float64
	lastX := math.NaN()
	var lgPQ, lgP, psPQ, psP float64
	for _, r := range l.rows {
		px := p * r.x
		if r.x != lastX {
			lastX = r.x
			lgPQ, lgP, psPQ, psP = lgamma(px+q), lgamma(px), mathext.Digamma(px+q), mathext.Digamma(px)
		}
		lnVZ := math.Log(v + r.x*r.z)
		ll += r.w * (lgPQ - lgP + (px-1)*r.lnZ + px*r.lnX - (px+q)*lnVZ)
		dp += r.w * r.x * (psPQ - psP + r.lnZ + r.lnX - lnVZ)
		dq += r.w * (psPQ - lnVZ)
		dv -= r.w * (px + q) / (v + r.x*r.z)
	}
	ll += l.n * (q*lnV - lgamma(q))
	dq += l.n * (lnV - mathext.Digamma(q))
	dv += l.n * q / v
	grad[0], grad[1], grad[2] = -p*dp/l.n, -q*dq/l.n, -v*dv/l.n
	return -ll / l.n, nil
}
