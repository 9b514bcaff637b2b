// Package churn measures customer attrition and retention: period churn
// rates and renewal churn, cohort tables, revenue retention and growth
// accounting, Kaplan–Meier survival of customer lifetimes, the
// shifted-beta-geometric retention model and a churn-risk scorecard.
//
// It follows the rapport contract written in the module's root
// documentation: Flow, Survival and Ledger are accumulators with one
// method set (Add, Merge, N, Clone, Result, binary and JSON encodings that
// are canonical), FlowOf/FlowBy, SurvivalOf/SurvivalBy and
// LedgerOf/LedgerBy read sequences of the package's records (Customer,
// Revenue), methods return fractions with ok = false where undefined,
// Results carry their unit in every name (churn_pct, median_days,
// start_amount, quick_ratio) and nil for undefined, and every error wraps
// a sentinel of errors.go. No function reads the clock: every calculator
// takes its as-of date or period.
//
// # Customers, contract terms and periods
//
// A Customer lives over the half-open interval [Start, End) (End zero:
// still active). Contracts run in consecutive terms: Renewals are the
// past term ends at which the customer renewed, ContractEnd the end of
// the current term. A Period is [From, To) and a Calendar cuts time into
// calendar months, quarters or years in a time zone. An event at instant
// t belongs to the period with From ≤ t < To; an as-of date knows the
// events strictly before it.
//
// Every time must lie in the plausible window [1900-01-01, 2150-01-01]
// (ErrTime otherwise): 250 years, so that no lifetime, exposure or period
// exceeds what time.Duration holds and nothing is clipped silently. A
// customer's end, contract end and renewals come after its start, the
// renewals in increasing order before the end and the contract end.
//
// # Period rates (Flow)
//
// Over [From, To):
//
//	S  at start    Start < From, not lost before From
//	N  acquired    From ≤ Start < To
//	L  lost        From ≤ End < To        (of which L_N acquired in the period)
//	E  at end      S + N − L
//
//	Churn          L ÷ S                   "lost ÷ start"; > 1 possible
//	Retention      (E − N) ÷ S = 1 − Churn  the customer retention rate
//	BaseChurn      (L − L_N) ÷ S           the starting base lost, in [0, 1]
//	BaseRetention  1 − BaseChurn
//	AverageChurn   L ÷ ((S + E)/2)         lost ÷ average base
//	DailyChurn     L ÷ customer-days       per customer-day at risk
//	Growth         (E − S) ÷ S
//
// each ok = false when its denominator is 0; the Result gives them in
// percent.
//
// Renewals: every term end in the period of a customer in the base is
// due. A recorded renewal is renewed. The contract end is lost at renewal
// when the customer is lost in the period (before or after the term end:
// the period is the window in which a renewal is decided), renewed when
// the customer is still active after the period, and open when the
// customer has no end (the data does not say yet).
//
//	RenewalChurn   lost at renewal ÷ (renewed + lost at renewal)
//
// Compound converts a constant rate between period lengths: annual = 1 −
// (1 − monthly)¹², monthly = 1 − (1 − annual)^(1/12).
//
// # Cohorts
//
// Cohorts builds the retention triangle: rows are acquisition periods,
// column k counts the members not lost before the start of the k-th period
// after acquisition (so column 0 is the cohort size), and only periods
// started by the as-of date appear.
//
// # Repurchase
//
// RepurchaseOf is the retail repurchase rate: of the distinct customers who
// bought in a base period, the share who bought again in a later window.
// RepeatOf is the share of a period's buyers with two or more orders.
// Loyalty is read from these, from retention and from survival (the
// median lifetime); no separate loyalty index is defined.
//
// # Revenue retention and growth accounting (Ledger)
//
// Recurring revenue is booked per customer and calendar period in decimals
// (each amount non-negative, at most 64 decimal places, below 10⁶⁴).
// From one period to the next, with p and c a customer's previous and
// current revenue, new (c > 0, never paid before), resurrected (c > 0,
// p = 0, paid before), expansion (c − p > 0), contraction (p − c, c > 0)
// and churned (p, c = 0) satisfy exactly
//
//	start + new + expansion − contraction − churned + resurrected = end
//
// and the quick ratio is (new + expansion + resurrected) ÷ (contraction +
// churned). For the customers with revenue in a base period B,
//
//	NRR = Σ c ÷ Σ p          GRR = Σ min(p, c) ÷ Σ p
//
// returned as float64 fractions correctly rounded from the exact decimals.
//
// # Survival (Kaplan–Meier)
//
// Survival accumulates Lifetimes: a duration from 0 to MaxLifetime and
// whether it ended in a loss or is censored (still active at the as-of
// date). With nⱼ at risk (lifetimes ≥ tⱼ) and dⱼ losses at each distinct
// tⱼ,
//
//	S(t)   = Π_{tⱼ ≤ t} (1 − dⱼ/nⱼ)
//	σ²(t)  = Σ_{tⱼ ≤ t} dⱼ / (nⱼ(nⱼ − dⱼ))      Greenwood, the variance of log S
//	SE(S)  = S·σ                                undefined once S = 0
//
// with pointwise 1 − α intervals, z = Φ⁻¹(1 − α/2):
//
//	Log     exp(log S ± z·σ), upper bound capped at 1     R's default
//	LogLog  exp(−exp(log(−log S) ∓ z·σ/log S))            lifelines' default,
//	                                                       R's "log-log"
//	Plain   S ± z·S·σ, clamped to [0, 1]
//
// Where S = 1 or S = 0 every interval is [S, S] (R reports NA there for
// log-log, and at 0 for all). Quantile(p) is the first step time with
// S ≤ 1 − p; if S equals 1 − p there (within 1.5e-8) and falls later, the
// midpoint of that flat stretch, as R's print.survfit computes the median.
// The median is undefined while S > 0.5. QuantileInterval reads the
// quantile's limits from the bands (Brookmeyer & Crowley 1982). All of it
// agrees with R 4.2.2 survival 3.5-3 survfit on the aml data. R's
// quantile.survfit differs from print.survfit in two corner cases, and
// this package follows print: a curve ending flat exactly on the quantile
// (quantile.survfit takes the midpoint to the last time) and a band that
// rises again (quantile.survfit picks the smallest crossing value, not the
// first crossing).
//
// # Shifted-beta-geometric model (SBG)
//
// Fader & Hardie (2007), "How to project customer retention", Journal of
// Interactive Marketing 21(1): per-period churn θ ~ Beta(α, β) across
// customers, geometric lifetimes given θ.
//
//	P(T = t) = S(t − 1)·α/(α + β + t − 1)
//	S(t)     = B(α, β + t)/B(α, β) = Π_{i ≤ t} (β + i − 1)/(α + β + i − 1)
//	r(t)     = (β + t − 1)/(α + β + t − 1)
//	E[T]     = (α + β − 1)/(α − 1)        for α > 1
//	E[θ]     = α/(α + β)                  the mean churn rate
//	φ        = 1/(α + β + 1)              the polarization of the churn rates
//
// α and β lie in [10⁻¹¹, 10⁶]; t runs from 0 to MaxPeriods. FitSBG
// maximises the likelihood of survivor counts over (log α, log β) by
// Nelder–Mead polished with Newton's method on the exact derivatives; the
// paper's "regular" cohort gives α = 0.704, β = 1.182.
//
// # Risk scorecard
//
// A Scorecard turns Signals into points: each signal's measure x gives
// Weight · clamp((x − Zero)/(Full − Zero), 0, 1) (complaints in a window,
// days to the contract end, days since the last contact — the "wear" —,
// fall in orders, CSAT, likelihood to recommend, and 1 − P(alive) for a
// customer without a contract, from a purchase model of package clv).
// The score is the sum
// clamped to 0–100 and the reasons (typed codes) are sorted by points, ties
// by code. Diagnose finds a "hole in the rocket": dissatisfaction above 10 %
// while fewer than 1 in 10 of the dissatisfied complain (complaint rate
// below a tenth of the dissatisfaction rate), by default, compared exactly
// on the counts and the thresholds as written.
//
// # Bounds
//
// Every input-driven loop and allocation has a bound: times within the
// plausible window; lifetimes and rounding units up to MaxLifetime;
// calendars of up to MaxCalendarMonths; series (FlowSeries,
// Ledger.Movements), cohort tables, sBG horizons and cohorts of up to
// MaxPeriods periods; amounts within the bounds of every amount in
// rapport; the sBG fit within 6000 Nelder–Mead and 50 Newton iterations;
// decoders allocating in proportion to their input. Past a bound is an
// error, never a hang.
package churn
