package segment

import (
	"fmt"
	"iter"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/shopspring/decimal"
)

// Transaction is one purchase (or, with Options.Refunds, one refund: a
// negative amount) of a customer.
type Transaction struct {
	CustomerID string          `json:"customer_id"`
	At         time.Time       `json:"at"`
	Amount     decimal.Decimal `json:"amount"`
}

// Options control how a Collection reads transactions. Collections with
// different options do not merge (ErrMismatch).
type Options struct {
	// Refunds accepts negative amounts as refunds: they lower the
	// customer's net amount (Monetary) but are not purchases, so they
	// change neither frequency nor recency. Without it a negative amount
	// is an error (ErrAmount), as it is in exports where a minus sign is
	// a mistake.
	Refunds bool `json:"refunds"`
}

// check validates t, refunds allowed or not, and returns its time in
// Unix nanoseconds and its amount with at most 64 places written (see
// checkAmount).
func (t *Transaction) check(refunds bool) (int64, amount, error) {
	if t.CustomerID == "" {
		return 0, amount{}, fmt.Errorf("%w: empty", ErrID)
	}
	ns, err := nanos(t.At)
	if err != nil {
		return 0, amount{}, fmt.Errorf("%w: customer %q: %v", ErrTime, t.CustomerID, err)
	}
	a, err := checkedAmount(t.Amount)
	if err != nil {
		return 0, amount{}, fmt.Errorf("%w: customer %q: %v", ErrAmount, t.CustomerID, err)
	}
	if !refunds && a.negative() {
		return 0, amount{}, fmt.Errorf("%w: customer %q: %v is a refund and Options.Refunds is off", ErrAmount, t.CustomerID, a.d)
	}
	return ns, a, nil
}

// CollectionOf aggregates transactions into a collection of customers
// read with options o. The first bad transaction stops it with an error
// naming its position (from 0).
func CollectionOf(transactions iter.Seq[Transaction], o Options) (*Collection, error) {
	c := NewCollection(o)
	if err := c.AddAll(transactions); err != nil {
		return nil, err
	}
	return c, nil
}

// CollectionBy aggregates transactions into one collection per key, each
// read with options o: a store, a country, a month with its year (key
// might be func(t Transaction) period.Month { return period.MonthOf(t.At,
// loc) }; a time.Month key would add January 2025 to January 2026). The first bad
// transaction stops it with an error naming its position (from 0).
func CollectionBy[K comparable](transactions iter.Seq[Transaction], o Options, key func(Transaction) K) (map[K]*Collection, error) {
	return group.By(transactions, "transaction", key, func() *Collection { return NewCollection(o) }, (*Collection).Add)
}
