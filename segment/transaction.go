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

// Options control how transactions are read.
type Options struct {
	// Refunds accepts negative amounts as refunds: they lower the
	// customer's net amount (Monetary) but are not purchases, so they
	// change neither frequency nor recency. Without it a negative amount
	// is an error (ErrNegativeAmount).
	Refunds bool `json:"refunds"`
}

// check validates t under the options and returns its time in Unix
// nanoseconds.
func (o Options) check(t *Transaction) (int64, error) {
	if t.CustomerID == "" {
		return 0, ErrEmptyID
	}
	ns, err := nanos(t.At)
	if err != nil {
		return 0, fmt.Errorf("customer %q: %w", t.CustomerID, err)
	}
	if !o.Refunds && t.Amount.Sign() < 0 {
		return 0, fmt.Errorf("customer %q: %w: %v (refunds not allowed)", t.CustomerID, ErrNegativeAmount, t.Amount)
	}
	return ns, nil
}

// Summarize aggregates transactions into a collection of customers. The
// first bad transaction stops it with an error naming its position.
func Summarize(transactions iter.Seq[Transaction], o Options) (*Collection, error) {
	c := NewCollection(o)
	if err := c.AddAll(transactions); err != nil {
		return nil, err
	}
	return c, nil
}

// SummarizeBy aggregates transactions into one collection per key: a
// store, a country, a month (key might be
// func(t Transaction) time.Month { return t.At.Month() }). The first bad
// transaction stops it with an error naming its position.
func SummarizeBy[K comparable](transactions iter.Seq[Transaction], key func(Transaction) K, o Options) (map[K]*Collection, error) {
	return group.By(transactions, "transaction", key, func() *Collection { return NewCollection(o) }, (*Collection).Add)
}
