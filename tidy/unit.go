package tidy

import (
	"strings"

	"github.com/rapportkit/rapport/internal/unit"
)

// Unit is what a row's value is measured in: the unit suffix of the
// Result key it comes from (pct for churn_pct), or, for a key without a
// suffix, what the contract says such a key holds.
type Unit string

// The units of the rapport contract, named by their key suffixes.
const (
	Pct     Unit = "pct"     // a percentage, 0–100
	Points  Unit = "points"  // NPS points and other net indices, −100..100
	Score   Unit = "score"   // a raw answer on the survey's own scale
	Seconds Unit = "seconds" // a time in seconds
	Days    Unit = "days"    // a time in days
	Periods Unit = "periods" // a time in the periods of a model or calendar
	Erlangs Unit = "erlangs" // offered load
	Amount  Unit = "amount"  // money, an exact decimal in the input's currency
	Ratio   Unit = "ratio"   // a dimensionless ratio that is not a share
	// Count is a number of things: an integer under a key without a
	// suffix (n, promoters, at_risk), or an expected or forecast number
	// under a key ending in _count (expected_purchases_count).
	Count Unit = "count"
	// PerHour is a rate of things per hour (contacts per logged-in hour).
	PerHour Unit = "per_hour"
)

// The units of keys without a suffix.
const (
	// Number is a pure number: a test statistic (z, t, df, p_value and
	// adjusted_p_value; p-values are fractions, read against α) or the
	// diagnostic of a fit (log_likelihood, gradient).
	Number Unit = "number"
	// Parameter is a number under a parameter key (Options.Parameters):
	// the bounds of a survey scale, the α and β of a fitted model.
	Parameter Unit = "parameter"
	// Bool is a yes/no figure (significant, hole), written 1 or 0.
	Bool Unit = "bool"
)

// suffixed are the units a key names by its suffix.
var suffixed = func() []Unit {
	us := make([]Unit, len(unit.Suffixes))
	for i, s := range unit.Suffixes {
		us[i] = Unit(s)
	}
	return us
}()

// statistics are the keys of pure numbers: test statistics and the
// diagnostics of a fit.
var statistics = func() map[string]bool {
	m := make(map[string]bool, len(unit.Statistics))
	for _, k := range unit.Statistics {
		m[k] = true
	}
	return m
}()

// split returns the key without its unit suffix and the unit, or ok =
// false for a key without a suffix: "churn_pct" is ("churn", Pct).
func split(key string) (name string, u Unit, ok bool) {
	for _, s := range suffixed {
		if n, found := strings.CutSuffix(key, "_"+string(s)); found && n != "" {
			return n, s, true
		}
	}
	return key, "", false
}

// intervalOf returns the key of the figure an interval key belongs to:
// "survival_interval_pct" belongs to "survival_pct".
func intervalOf(key string) (figure string, ok bool) {
	name, u, ok := split(key)
	if !ok {
		return "", false
	}
	fig, found := strings.CutSuffix(name, "_interval")
	if !found || fig == "" {
		return "", false
	}
	return fig + "_" + string(u), true
}

// intervalKey returns the key of the interval of a figure key.
func intervalKey(figure string) string {
	name, u, ok := split(figure)
	if !ok {
		return ""
	}
	return name + "_interval_" + string(u)
}
