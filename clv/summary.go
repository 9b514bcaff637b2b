package clv

import (
	"fmt"
	"math"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// Summary is what the models know of a customer: the repeat purchases
// x, the time t_x of the last purchase and the age T, both counted from
// the first purchase in a time unit of the caller's choosing (days,
// weeks), and the mean value of the repeat purchases for the spend model.
// The first purchase is not a repeat purchase: a customer who bought
// once has X = 0 and Tx = 0.
//
// Tx is recency as the models define it, the time from the first to the
// last purchase (lifetimes and pymc-marketing call it "recency", CLVTools
// t.x); the time since the last purchase is T − Tx.
type Summary struct {
	ID string `json:"customer_id,omitempty"`
	// X is the number of repeat purchases, 0 ≤ X ≤ MaxRepeats.
	X int `json:"x"`
	// Tx is the time of the last purchase after the first, 0 ≤ Tx ≤ T,
	// and 0 when X = 0.
	Tx float64 `json:"recency_periods"`
	// T is the time from the first purchase to the end of the
	// observation (the as-of date or the calibration cut), finite, ≥ 0.
	T float64 `json:"age_periods"`
	// Spend is the mean value of the X repeat purchases, ≥ 0; the spend
	// model uses it when X > 0 and ignores it otherwise.
	Spend decimal.Decimal `json:"spend"`
}

// MaxRepeats bounds the repeat purchases of a summary, and with them the
// terms of every series over purchase counts.
const MaxRepeats = 1_000_000

// Validate reports whether s is a summary the models can take: an error
// wrapping ErrSummary (or ErrAmount for the spend) that names the field.
func (s Summary) Validate() error {
	switch {
	case s.X < 0 || s.X > MaxRepeats:
		return fmt.Errorf("%w: customer %q: x = %d, want 0 to %d", ErrSummary, s.ID, s.X, MaxRepeats)
	case !(s.T >= 0) || math.IsInf(s.T, 1):
		return fmt.Errorf("%w: customer %q: T = %v, want a finite time ≥ 0", ErrSummary, s.ID, s.T)
	case !(s.Tx >= 0 && s.Tx <= s.T):
		return fmt.Errorf("%w: customer %q: t_x = %v, want 0 ≤ t_x ≤ T = %v", ErrSummary, s.ID, s.Tx, s.T)
	case s.X == 0 && s.Tx != 0:
		return fmt.Errorf("%w: customer %q: t_x = %v without repeat purchases", ErrSummary, s.ID, s.Tx)
	case s.Spend.Sign() < 0:
		return fmt.Errorf("%w: customer %q: negative mean spend %v", ErrAmount, s.ID, s.Spend)
	}
	if err := money.Check(s.Spend); err != nil {
		return fmt.Errorf("%w: customer %q: spend: %v", ErrAmount, s.ID, err)
	}
	return nil
}

// Options choose how a History becomes a Summary.
type Options struct {
	// Unit is the time unit of Tx and T: 24 hours (days) when zero,
	// 7·24 hours for weeks. Purchases are counted on calendar days, so
	// the unit only scales the times: t_x = days ÷ (Unit in days). It
	// must be positive and at most MaxUnit.
	Unit time.Duration `json:"unit"`
	// EachOrder counts every order as a purchase occasion. By default
	// the orders of one calendar day are one occasion, worth their total
	// amount: a basket split into three orders is one purchase.
	EachOrder bool `json:"each_order"`
}

// MaxUnit is the longest time unit: a hundred years of 365.25 days.
const MaxUnit = 36525 * 24 * time.Hour

// unitDays returns the unit in days, or an error for a unit out of range.
func (o Options) unitDays() (float64, error) {
	u := o.Unit
	if u == 0 {
		u = 24 * time.Hour
	}
	if u < 0 || u > MaxUnit {
		return 0, fmt.Errorf("%w: time unit %v, want 0 (a day) to %v", ErrArgument, o.Unit, MaxUnit)
	}
	return u.Hours() / 24, nil
}
