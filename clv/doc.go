// Package clv is customer-base analysis for shops without contracts:
// which customers are still customers, how many purchases to expect of
// each, what each is worth. Where a subscription ends on a date (package
// churn), a customer of a shop simply stops buying, and nobody says when;
// instead of a hand-made rule ("lost after 180 days without an order") the
// models here read each customer's own rhythm from the purchase history
// and give the probability that the customer is still active, P(alive).
//
// The package follows the rapport contract written in the documentation
// of the module root: History is its accumulator, results are fractions
// and (value, ok) read-outs, reporting structs carry their unit in every
// key, undefined is nil, errors wrap the sentinels of errors.go, and every
// input-driven loop has a stated bound.
//
// # From transactions to summaries
//
// A History accumulates one customer's segment.Transaction records:
// the calendar days with orders (the date of each order's time in its own
// location), the orders and the exact amount of each day. HistoryBy with
// the customer id as key reads an orders export into one History per
// customer; histories merge exactly across machines. A History's Summary
// as of a date is what the models take:
//
//	x    repeat purchases: purchase occasions after the first
//	t_x  the time of the last purchase, counted from the first ("recency")
//	T    the time from the first purchase to the as-of date (the age)
//	z̄    the mean amount of the x repeat occasions (Spend)
//
// An occasion is a calendar day by default: three orders on one day are
// one purchase worth their total, as lifetimes and pymc-marketing count
// them; Options.EachOrder counts every order instead. A customer who
// bought once has x = 0 and t_x = 0. Summaries can also be built directly
// (from a file of x, t_x and T, as the CDNOW sample is distributed) and
// checked with Summary.Validate. Holdout splits a history at a calibration
// date into the summary at the cut and the occasions after it, to test a
// model's forecasts on purchases it was not fitted on.
//
// Times are in a unit of your choosing, Options.Unit (a day by default,
// weeks as in the literature): the models are invariant to it, so the
// unit changes α and β (scale parameters, in the unit) and the horizons,
// and nothing else. Fit, predict and value in one unit.
//
// # Purchase models
//
// All three assume that while active a customer buys at a steady Poisson
// rate λ, varying across customers as Gamma(r, α), and that at some point
// the customer leaves for good, unseen:
//
//	BGNBD      Fader, Hardie & Lee (2005). After each repeat purchase the
//	           customer leaves with probability p ~ Beta(a, b). Fast and
//	           robust; a customer with no repeat purchase is surely active.
//	MBGNBD     Batislam, Denizel & Filiztekin (2007). The BG/NBD model with
//	           a chance to leave at the first purchase too, so that one-time
//	           buyers are not all counted active.
//	ParetoNBD  Schmittlein, Morrison & Colombo (1987). The customer leaves
//	           at any time, after an exponential lifetime of rate
//	           μ ~ Gamma(s, β). The reference model; slower to fit.
//
// On the CDNOW sample the three fit almost equally well (log-likelihoods
// −9582.4, −9582.1, −9595.0). Use BGNBD by default, MBGNBD when most
// customers never buy again, ParetoNBD to compare with the literature or
// when leaving has nothing to do with buying.
//
// Each model (the Model interface) gives, for a Summary,
//
//	PAlive(s)         P(alive | x, t_x, T)
//	Expected(s, t)    the expected purchases in (T, T+t]
//	ExpectedNew(t)    the expected repeat purchases of a new customer in t
//	PNew(n, t)        the probability of exactly n of them
//	LogLikelihood(s)
//
// For the BG/NBD model, with A = α+T,
//
//	P(alive)   = 1 ÷ (1 + [x > 0]·a/(b+x−1)·(A/(α+t_x))^(r+x))
//	E[Y(t)|·]  = P(alive) · (a+b+x−1)/(a−1) · [1 − (A/(A+t))^(r+x)·₂F₁(r+x, b+x; a+b+x−1; t/(A+t))]
//
// and for the Pareto/NBD model
//
//	P(alive)   = 1 ÷ (1 + s·(α+T)^(r+x)·(β+T)^s·∫_{t_x}^T (α+τ)^−(r+x)·(β+τ)^−(s+1) dτ)
//	E[Y(t)|·]  = P(alive) · (r+x)·(β+T)/((α+T)·(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]
//
// (each method's documentation has the rest). FitBGNBD, FitMBGNBD and
// FitParetoNBD estimate the parameters by maximum likelihood: identical
// summaries are grouped and weighted by their count, and BFGS (gonum's
// optimize) runs on the logarithms of the parameters with the exact
// gradient. The Fit report gives the log-likelihood, the iterations and
// the gradient at the optimum; a fit that does not converge, or whose
// parameters run off to a limit of the model (no dropout at all, no
// variation between customers), fails with ErrConverge saying which.
//
// # Spend model
//
// GammaGamma (Fader, Hardie & Lee 2005, after Colombo & Jiang 1999)
// models the amount per purchase: each customer's amounts vary around
// the customer's own mean, and the means vary across customers. Fitted
// on the repeat customers (FitGammaGamma), it gives each customer's
// expected spend per purchase,
//
//	E[M | x, z̄] = p·(v + x·z̄)/(p·x + q − 1),
//
// the population mean p·v/(q−1) shrunk towards the customer's own mean
// as x grows. The model assumes that how much a customer spends does not
// depend on how often: SpendFit reports Pearson's correlation between x
// and z̄ among the repeat customers (0.11 on CDNOW, which Fader, Hardie &
// Lee take as independent). A correlation beyond about ±0.3 says the two
// are linked, and a CLV multiplying the two models is biased.
//
// # Customer lifetime value and the discount
//
// A Valuation multiplies the discounted expected purchases of a purchase
// model over a horizon by the expected spend, per customer (Value,
// Values) or per group (ValueBy: per RFM segment, channel, cohort). The
// models compute in floating point; each amount is converted once to a
// decimal, rounded half away from zero to Valuation.Places (2 for cents),
// and bounded as every rapport amount.
//
// The anchors discount differently, so a Valuation has no default; its
// Discount names the convention:
//
//	lifetimes       customer_lifetime_value(…, time=12, discount_rate=0.01, freq="D"):
//	                Discount{Stepwise, 0.01, 30}, Horizon 360 (days); with freq="W",
//	                Step 4.345 and Horizon 12·4.345 (weeks)
//	pymc-marketing  customer_lifetime_value(…, future_t=12, discount_rate=0, time_unit="D"):
//	                Discount{Convention: NoDiscount}, Horizon 360; a non-zero rate
//	                is Stepwise as lifetimes'
//	CLVTools        predict(…, continuous.discount.factor=δ), DERT: Discount{Continuous, δ, 0}
//	                with a Horizon of 40/δ (DERT runs for ever; 40/δ leaves out
//	                e^−40 of it and reproduces Fader, Hardie & Lee's closed form
//	                to 10⁻¹¹); their 15 % a year is δ = ln(1.15)/52 per week
//
// Stepwise discounts the purchases of the i-th step by (1+Rate)^−i;
// Continuous discounts a purchase at time u by e^(−Rate·u), computed as
// e^(−δH)·E(H) + δ·∫₀ᴴ e^(−δu)·E(u) du.
//
// # Churn signal
//
// P(alive) is the churn signal of a customer without a contract: 1 −
// P(alive) is the probability that the customer has already left, and
// Expected the purchases to expect of the customer (P(alive) times those
// of an active one). Predict gives both for a whole base, sharing the
// expectation between customers of equal x and T; ValueBy sums P(alive),
// the expected purchases and the CLV per group.
//
// # Accuracy and bounds
//
// Every quantity is computed in log space and checked against 40-digit
// mpmath evaluations of the papers' closed forms (testdata/reference.py).
// The largest relative errors measured: 2·10⁻¹⁴ on log-likelihoods,
// 8·10⁻¹³ on P(alive), 2·10⁻¹³ on expectations (8·10⁻¹³ for a thousand
// repeat purchases, 2·10⁻¹¹ when the mean count over the horizon passes
// a thousand), 7·10⁻¹⁴ on P(X(t) = n). The BG/NBD and
// MBG/NBD expectations are summed as a series of positive terms rather
// than through ₂F₁, which loses digits or fails near a = 1 and for large
// x as t grows; the Pareto/NBD integral is integrated numerically (adaptive
// Gauss–Kronrod) rather than through ₂F₁, for the same reason.
//
// The bounds: x ≤ MaxRepeats (10⁶) repeat purchases; a series of at most
// 10⁷ terms (a horizon beyond about 10⁵ times the model's time scale fails
// with ErrConverge); an integral of at most 200 panels; a fit of at most
// 1000 iterations and 20,000 evaluations, parameters within e^18 of their
// start; at most MaxSteps discount steps; a unit of at most MaxUnit.
//
// # References
//
// Fader, Hardie & Lee (2005), "'Counting your customers' the easy way: an
// alternative to the Pareto/NBD model", Marketing Science 24(2).
// Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for
// customer base analysis", Journal of Marketing Research 42(4).
// Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and
// related expressions"; (2006), "Deriving an expression for P(X(t) = x)
// under the Pareto/NBD model"; (2013), "The Gamma-Gamma model of monetary
// value". Schmittlein, Morrison & Colombo (1987), "Counting your
// customers: who are they and what will they do next?", Management
// Science 33(1). Batislam, Denizel & Filiztekin (2007), "Empirical
// validation and comparison of models for customer base analysis",
// International Journal of Research in Marketing 24(3). Colombo & Jiang
// (1999), "A stochastic RFM model", Journal of Interactive Marketing
// 13(3). Loader (2000), "Fast and accurate computation of binomial
// probabilities".
package clv
