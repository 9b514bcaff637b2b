// Package forecast forecasts the contacts of a queue interval by interval
// (15, 30 or 60 minutes) for the coming days and weeks, from its
// history, with their handle times, and measures the forecast on days
// held out. Package plan turns the forecast into agents, positions and
// cost.
//
// # History
//
// A Series is the history of one queue: the contacts that arrived in each
// interval of whole days, keyed by the interval's start, and optionally
// the contacts handled and their total handle time. Days, weekdays and
// times of day are those of the series' time zone, which is always
// explicit. On a day whose clock changes the intervals are the real ones:
// in Europe/Paris the last Sunday of March has 46 half hours and the last
// Sunday of October 50, the two passes of 02:00–03:00 being two intervals
// of the same time-of-day slot; a zone whose change is not a whole number
// of intervals (Lord Howe Island's 30 minutes, with hourly intervals) is
// refused.
//
// A history comes two ways. SeriesOf reads interval counts as exports
// give them, in any order; a missing interval is an error (ErrGap)
// unless the caller asks FillZero, which counts it as 0 and lists the
// runs filled in Series.Filled; duplicates (ErrDuplicate), starts off the
// interval grid (ErrAlign) and negative or non-finite values (ErrValue)
// are errors naming the count. A History bins operations.Contact
// arrivals into intervals exactly — integer counts and nanosecond sums
// of talk + hold + wrap for the answered ones — and keeps the accumulator
// contract of package rapport (merge in any order, canonical binary and
// JSON encodings); History.Series takes whole days of it, where an
// interval without arrivals has 0 contacts. HistoryBy bins by channel,
// queue or any key.
//
// # Models
//
// The daily volumes are forecast by Holt–Winters exponential smoothing
// with a weekly season (Hyndman & Athanasopoulos, "Forecasting:
// principles and practice", §8.3), and spread over the day by the
// intraday profile of its weekday:
//
//	ŷₜ = (ℓₜ₋₁ + φbₜ₋₁) + sₜ₋₇          additive season (or × sₜ₋₇: multiplicative)
//	ℓₜ = α(yₜ − sₜ₋₇) + (1 − α)(ℓₜ₋₁ + φbₜ₋₁)        (yₜ/sₜ₋₇)
//	bₜ = β(ℓₜ − ℓₜ₋₁) + (1 − β)φbₜ₋₁
//	sₜ = γ(yₜ − ℓₜ₋₁ − φbₜ₋₁) + (1 − γ)sₜ₋₇            (yₜ/(ℓₜ₋₁ + φbₜ₋₁))
//	ŷₜ₊ₕ = ℓₜ + (φ + … + φʰ)bₜ + sₜ₊ₕ₋₇₍ₖ₊₁₎,  k = ⌊(h − 1)/7⌋
//
// with no trend (b = 0), an additive trend (φ = 1) or a damped one
// (0.8 ≤ φ ≤ 0.98), 0 < α < 1, 0 ≤ β ≤ 1 and 0 ≤ γ ≤ 1 − α. The initial
// state is a classical decomposition of the first W = min(4, ⌊n/7⌋) weeks,
// Mᵥ being the mean of week w and j the day of the week from the first:
//
//	b₀ = (M_{W−1} − M₀)/(7(W − 1))      0 without a trend
//	ℓ₀ = M₀ − 4b₀                        the level the day before the first
//	sⱼ = meanᵥ(yᵥⱼ − Mᵥ − (j − 3)b₀)     less their mean (additive), or
//	sⱼ = meanᵥ(yᵥⱼ / (Mᵥ + (j − 3)b₀))   over their mean (multiplicative)
//
// The parameters minimise the sum of squared one-step errors of the days
// fitted: a grid of 12 to 72 points, then Nelder–Mead (gonum) from the
// two best, at most 3,000 recursions each (ErrConverge otherwise). The multiplicative
// season suits a volume whose weekly shape scales with its level; a
// weekday with no contacts (closed on Sunday) has an index of 0, and on
// it the level and trend move as forecast. A forecast below 0 is
// reported as 0. WeekdayMean, the mean of the same weekday over the
// profile weeks, is the baseline a model should beat.
//
// A weekday's intraday profile is the share of its contacts in each
// time-of-day slot over the last Options.ProfileWeeks weeks (8), pooled
// over its days so that busy days weigh more; each slot's AHT is its
// handle time over its handled contacts, leaning on the weekday's AHT
// with the weight of AHTPrior (10) contacts. The AHT forecast is this
// recent profile, without a trend. A forecast day's volume is spread over
// its real intervals in proportion to their slots' shares, renormalised,
// so a day whose clock changes keeps its volume.
//
// Holidays are days the caller marks: left out of the fit and the
// profiles (the recursion moves through them as forecast), and forecast
// as Factor times a normal day of their weekday (0: closed), spread by
// their own Profile if given. Excluded days (outages, export gaps) are
// left out of the fit, the profiles and the accuracy. Nothing is filled
// silently.
//
// # Prediction intervals and accuracy
//
// Each forecast day has a prediction interval at Options.Level (95 %):
// for the additive models the analytic one, ŷ ± z·σ̂·√vₕ with σ̂² = SSE/n
// and vₕ = 1 + Σⱼ₌₁ʰ⁻¹ (α + αβ(φ + … + φʲ) + γ·[7 | j])² (Hyndman et al.
// 2008, "Forecasting with exponential smoothing", ch. 6: the ETS(A,·,A)
// model the recursion is); for the multiplicative ones the empirical
// quantiles of the ratios actual ÷ forecast of the in-sample forecasts h
// days ahead (see Empirical). Intervals are not given for single
// intervals of the day.
//
// Backtest fits the model to the history less its last days, forecasts
// them and reports, over intervals and over days, WAPE (Σ|ŷ − y| ÷ Σy),
// MAPE over the periods with contacts (the others are counted, the ratio
// being undefined at 0), bias (Σ(ŷ − y) ÷ Σy), all in percent and nil
// when undefined, and how many days fell inside their prediction
// interval.
//
// # Units, bounds and errors
//
// Contacts are counts (fractional in a forecast), AHTs are in seconds
// (aht_seconds), accuracy in percent (wape_pct). A series holds at most
// MaxIntervals intervals and MaxDays days, a forecast looks at most
// MaxHorizon days ahead, a fit runs at most 2 × 3,000 recursions after its
// grid; past a bound is an error, never a hang. Holt–Winters needs two
// weeks of usable days (ErrShort). Every error wraps one of the package's
// sentinels and names the interval, count, day or option at fault. The
// package follows the contract of package rapport: undefined figures are
// nil, never 0 or NaN; times are time.Time in an explicit zone; History
// is an accumulator with its laws.
//
// The recursion, its initial state, forecasts, SSE, the fitted optimum,
// the analytic variance and the empirical quantiles are checked against
// statsmodels 0.13.5 (ExponentialSmoothing, ETSModel), scipy and numpy in
// testdata/reference.py.
package forecast
