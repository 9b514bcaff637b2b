package churn

import (
	"fmt"
	"iter"
	"time"
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
func (r Repurchase) Rate() (float64, bool) { return ratio(r.Again, r.Customers) }

// RepurchaseOf returns the repurchase rate of retail: of the distinct
// customers who bought in base, how many bought again in window, a later
// period (window.From ≥ base.To; they may be adjacent). Purchases outside
// both periods are ignored; an empty customer id is an error naming its
// position.
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
		if p.CustomerID == "" {
			return Repurchase{}, fmt.Errorf("purchase %d: %w", i, ErrID)
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

// RepeatOf returns the repeat-customer rate of a period: of the distinct
// customers who bought in p, how many bought at least twice in it.
func RepeatOf(purchases iter.Seq[Purchase], p Period) (Repurchase, error) {
	if err := p.Validate(); err != nil {
		return Repurchase{}, err
	}
	orders := make(map[string]int)
	i := 0
	for q := range purchases {
		if q.CustomerID == "" {
			return Repurchase{}, fmt.Errorf("purchase %d: %w", i, ErrID)
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
