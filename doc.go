// Package rapport is the root of the rapport module, customer-relationship
// metrics for Go. It holds no code: it is the place where the rules every
// package of the module keeps are written once. Read it before the
// packages; a package's own documentation says only where and how it
// applies them.
//
// # Accumulators
//
// An accumulator folds records into an exact, mergeable state: nps.Tally,
// nps.Weighted, csat.Tally, ces.Tally, operations.Tally, churn.Flow,
// churn.Survival, churn.Ledger, segment.Customer, segment.Collection, and
// every accumulator added later. For an accumulator A of items X they all
// have one method set, the way net/netip's Addr, AddrPort and Prefix
// share theirs:
//
//	var a A                       the zero value is ready to use
//	a.Add(x X) error              add one item
//	a.AddN(x X, n uint64) error   add n equal items, where a multiplicity makes sense
//	a.Merge(b *A) error           add everything b holds
//	a.N() uint64                  the items added (the sum of the multiplicities)
//	a.Clone() *A                  an independent copy
//	a.Result(…) (R, error)        the reporting view (see Results)
//	a.AppendBinary(buf) ([]byte, error)
//	a.MarshalBinary() ([]byte, error)
//	a.UnmarshalBinary(data) error
//	a.MarshalJSON() ([]byte, error)
//	a.UnmarshalJSON(data) error
//
// and their package offers two ways in over a sequence of its records,
// each returning accumulators (call Result on them):
//
//	AOf(records iter.Seq[Rec], params…) (*A, error)                     one group
//	ABy(records iter.Seq[Rec], params…, key func(Rec) K) (map[K]*A, error)  a group per key
//
// where Rec is the package's record type (the one its readers return,
// which carries what Add takes: nps.Response carries the score an
// nps.Tally adds), params are the accumulator's parameters in the order
// its constructor takes them, and key chooses the group: a channel, an
// agent, a period, or any comparable combination of them in a struct. A
// slice s is slices.Values(s). The first bad record stops either with an
// error naming its position.
//
// Where an accumulator needs a parameter with no sensible default (a
// period to count a flow over), its zero value is documented as invalid:
// IsValid reports false and Add fails with the package's error for the
// missing parameter, as net/netip's zero Addr is invalid. Every other zero
// value is an empty accumulator on the documented default (the 0–10 scale
// for NPS, a monthly calendar in UTC for a revenue ledger).
//
// The laws, which one test-only checker verifies for every accumulator:
//
//   - A rejected Add, AddN, Merge or Unmarshal returns an error and leaves
//     the accumulator exactly as it was, down to its encoding.
//   - Merge is Add in bulk: splitting the items in any way, accumulating
//     the parts and merging them in any order and grouping gives the same
//     state, to the byte, as adding the items one by one. AddN(x, n) is n
//     times Add(x). Merge(nil) does nothing; a.Merge(a) doubles a.
//     Accumulators with different parameters (scales, periods, calendars)
//     do not merge: ErrMismatch.
//   - Encodings are canonical: each state has exactly one binary encoding
//     and one JSON encoding, decoding an encoding and encoding it again
//     gives the same bytes, and a decoder accepts nothing else (no overlong
//     varint, no 1.50 where 1.5 is meant, no counts that do not add up, no
//     impossible state). Binary and JSON encodings of a state decode to
//     the same state.
//   - Decoders allocate in proportion to their input, never to a length
//     the input merely claims.
//   - Add does not allocate in the steady state: a fixed-size state (a
//     survey tally) never does, and a growing one (a histogram of waits)
//     only when it first meets a value beyond its range.
//   - Counts are integers and money sums are exact decimals, so results
//     never depend on the order of the items.
//
// # Results
//
// Methods on accumulators read out one figure each and return it as a
// fraction (a share in [0, 1], an NPS in [−1, 1]), a time.Duration, an
// integer count or a decimal.Decimal, with ok = false when it is
// undefined: a share of nothing, a mean of no values. They never return
// NaN or ±Inf.
//
// Result(…) returns the reporting view, a struct with JSON tags and a
// String method for people. Its figures are in the units people report,
// and the unit is part of every field name and JSON key that holds a
// measured quantity:
//
//	Pct      _pct       a percentage, 0–100 (a share, a rate, a probability)
//	Points   _points    NPS points, −100..100, and other net indices in points
//	Score    _score     a raw answer on the survey's own scale (a mean of 1–5)
//	Seconds  _seconds   a time, in seconds
//	Days     _days      a time, in days
//	Periods  _periods   a time, in the periods of a model or calendar (months of an sBG)
//	Erlangs  _erlangs   offered load
//	Amount   _amount    money, a decimal string in the currency of the input
//	Ratio    _ratio     a dimensionless ratio that is not a share (quick ratio)
//	Count    _count     an expected or forecast number of things (expected purchases)
//	PerHour  _per_hour  a rate of things per hour (contacts per logged-in hour)
//
// Counts of things that happened carry no suffix (n, promoters,
// answered), and neither do the parameters of a fitted model (alpha,
// beta), which are pure numbers named as their paper names them, nor test
// statistics and the diagnostics of a fit: z, t, df, log_likelihood,
// gradient, and p_value and adjusted_p_value, fractions read against a
// significance level (package adjust adjusts them for many tests). The
// vocabulary lives in one list that package tidy and the law checker
// share. An interval sits next
// to its figure with the same unit (score_points, score_interval_points)
// and has the keys lo, hi, level (the confidence level as a fraction,
// 0.95) and method.
//
// A figure that is undefined is a nil pointer in Go and null in JSON,
// everywhere and never anything else: no −1, no 0, no separate Has flag.
// A Result of an empty accumulator is therefore not an error: its n is 0
// and its figures are nil. Result fails only for invalid arguments (a
// confidence level of 1.5). No Result can hold NaN or ±Inf, so every
// Result marshals to JSON.
//
// # Errors
//
// Every package declares sentinel errors and wraps them with context using
// fmt.Errorf and %w, so errors.Is works; a message starts with the
// package's name and says which argument, field, record or row was wrong
// and why ("nps: confidence level not in (0, 1): Compare got 1.5"). No
// function panics on data. One failure has one name in every package that
// can meet it:
//
//	ErrEmpty      nothing to compute from, where no result can be formed at all
//	              (a model fit on no data); never for a read-out of an empty accumulator
//	ErrOverflow   a count or a sum past its bound (2⁶⁴−1 items)
//	ErrEncoding   a malformed binary or JSON encoding
//	ErrMismatch   two accumulators with different parameters merged or compared
//	ErrLevel      a confidence level outside (0, 1)
//	ErrMethod     a method the function does not offer
//	ErrID         an empty or invalid identifier
//	ErrAmount     money out of bounds: negative where it cannot be, or more
//	              digits or a larger exponent than the package accepts
//	ErrDuration   a negative or out-of-range duration
//	ErrTime       a missing time, times out of order, or a time outside the
//	              plausible window
//	ErrConverge   an iterative computation that did not converge within its bound
//
// Each package adds the words of its own domain (nps.ErrScoreOutOfRange,
// operations.ErrUnstable), and the readers return a row error with the
// line, the column, the record's id and the sentinel.
//
// # Bounds
//
// Every loop and allocation that input drives has a bound, stated in the
// documentation of the function that has it: digits and exponents of
// decimals (no decimal enters with an exponent beyond ±64), periods in a
// series, iterations of a fit, terms of a series, the size of a decode.
// Exceeding it is an error, never a hang or an out-of-memory crash.
//
// # Time and money
//
// Times are time.Time and time.Duration; an as-of date is always a
// parameter, never the clock. Money is github.com/shopspring/decimal,
// never a float. A share or target the caller types as a decimal (an
// occupancy of 0.85, an ABC boundary of 0.8) is compared as that decimal,
// never as its binary approximation: 2.1 Erlangs on 3 agents is exactly
// 70 %.
package rapport
