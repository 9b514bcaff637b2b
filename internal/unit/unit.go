// Package unit turns the read-outs of an accumulator — fractions,
// durations and decimals with an ok flag — into the figures of a Result:
// percentages, points and seconds, nil when undefined. It is the one
// place the contract's "undefined is nil, never NaN" is kept: a value
// that is not finite becomes nil too, so no Result can fail to marshal.
package unit

import (
	"math"
	"time"

	"github.com/rapportkit/rapport/internal/stat"
	"github.com/shopspring/decimal"
)

// Value returns &x, or nil when !ok or x is not finite.
func Value(x float64, ok bool) *float64 {
	if !ok || math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// Pct returns a fraction as a percentage, 100·x, or nil.
func Pct(x float64, ok bool) *float64 { return Value(100*x, ok) }

// Points returns a net score on −1..1 in points, 100·x, or nil.
func Points(x float64, ok bool) *float64 { return Value(100*x, ok) }

// Seconds returns a duration in seconds, or nil.
func Seconds(d time.Duration, ok bool) *float64 { return Value(d.Seconds(), ok) }

// Days returns a duration in days of 24 hours, or nil.
func Days(d time.Duration, ok bool) *float64 { return Value(d.Hours()/24, ok) }

// Amount returns &d, or nil when !ok.
func Amount(d decimal.Decimal, ok bool) *decimal.Decimal {
	if !ok {
		return nil
	}
	return &d
}

// Interval returns ci with its bounds multiplied by k (100 for an
// interval of a fraction reported in percent or points), or nil when err
// is not nil or a bound is not finite.
func Interval(ci stat.Interval, err error, k float64) *stat.Interval {
	if err != nil {
		return nil
	}
	ci.Lo, ci.Hi = k*ci.Lo, k*ci.Hi
	if Value(ci.Lo, true) == nil || Value(ci.Hi, true) == nil {
		return nil
	}
	return &ci
}

// Suffixes are the unit suffixes of the contract (the root package's
// documentation): every key of a Result that holds a measured quantity
// ends in one of them. Package tidy reads them; the law checker holds
// Results to them.
var Suffixes = []string{"pct", "points", "score", "seconds", "days", "periods", "erlangs", "amount", "ratio", "count", "per_hour"}

// Statistics are the keys of pure numbers without a suffix: test
// statistics (z, t, df, p_value, adjusted_p_value) and the diagnostics of
// a fit (log_likelihood, gradient).
var Statistics = []string{"z", "t", "df", "p_value", "adjusted_p_value", "log_likelihood", "gradient"}
