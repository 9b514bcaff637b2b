package churn

import (
	"fmt"
	"iter"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// Purchase is one order of a customer.
type Purchase struct {
	CustomerID string    `json:"customer_id"`
	At         time.Time `json:"at"`
}

// Repurchase counts buyers and those of them who bought again.
type Repurchase struct {
	// Customers is the number of distinct buyers in the base.
	Customers int `json:"customers"`
	// Again is the number of them who bought again.
	Again int `json:"again"`
}

// Rate returns Again ÷ Customers; ok = false without buyers.
func (r Repurchase) Rate() (float64, bool) { return share(uint64(r.Again), uint64(r.Customers)) }

// RepurchaseOf returns the repurchase rate of retail: of the distinct
// customers who bought in base, how many bought again in window, a later
// period (window.From ≥ base.To; they may be adjacent). Purchases outside
// both periods are ignored; an empty customer id (ErrID) or a date that is
// missing or outside the plausible window (ErrTime) is an error naming
// its position.
func RepurchaseOf(purchases iter.Seq[Purchase], base, window Period) (Repurchase, error) {
	if err := base.Validate(); err != nil {
		return Repurchase{}, err
	}
	if err := window.Validate(); err != nil {
		return Repurchase{}, err
	}
	if window.From.Before(base.To) {
		return Repurchase{}, fmt.Errorf("%w: window %v overlaps or precedes base %v", ErrPeriod, window, base)
	}
	bought := make(map[string]bool) // in base
	later := make(map[string]bool)  // in window
	i := 0
	for p := range purchases {
		if err := p.check(); err != nil {
			return Repurchase{}, group.At("purchase", i, err)
		}
		switch {
		case base.Contains(p.At):
			bought[p.CustomerID] = true
		case window.Contains(p.At):
			later[p.CustomerID] = true
		}
		i++
	}
	r := Repurchase{Customers: len(bought)}
	for id := range bought {
		if later[id] {
			r.Again++
		}
	}
	return r, nil
}

// check reports an empty id or a bad date.
func (p Purchase) check() error {
	if p.CustomerID == "" {
		return ErrID
	}
	if err := checkTime("purchase date", p.At); err != nil {
		return fmt.Errorf("%w (customer %q)", err, p.CustomerID)
	}
	return nil
}

// RepeatOf returns the repeat-customer rate of a period: of the distinct
// customers who bought in p, how many bought at least twice in it. It
// checks the purchases as RepurchaseOf does.
func RepeatOf(purchases iter.Seq[Purchase], p Period) (Repurchase, error) {
	if err := p.Validate(); err != nil {
		return Repurchase{}, err
	}
	orders := make(map[string]int)
	i := 0
	for q := range purchases {
		if err := q.check(); err != nil {
			return Repurchase{}, group.At("purchase", i, err)
		}
		if p.Contains(q.At) {
			orders[q.CustomerID]++
		}
		i++
	}
	r := Repurchase{Customers: len(orders)}
	for _, n := range orders {
		if n >= 2 {
			r.Again++
		}
	}
	return r, nil
}
