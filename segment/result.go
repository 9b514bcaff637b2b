package segment

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/rapportkit/rapport/internal/unit"
	"github.com/shopspring/decimal"
)

// Profile is the reporting view of a Customer as of a date. Undefined
// figures are nil (null in JSON): the times, days and amounts of a
// customer without purchases, the net amount of one without transactions.
type Profile struct {
	ID        string `json:"id"`
	N         uint64 `json:"n"` // transactions: purchases and refunds
	Purchases uint64 `json:"purchases"`
	Refunds   uint64 `json:"refunds"`
	// First and Last are the first and last purchase times, in UTC.
	First *time.Time `json:"first"`
	Last  *time.Time `json:"last"`
	// RecencyDays and TenureDays are the whole calendar days from the last
	// and the first purchase to the as-of date (see Customer.Recency).
	RecencyDays *int64 `json:"recency_days"`
	TenureDays  *int64 `json:"tenure_days"`
	// MonetaryAmount is the net amount, MeanOrderAmount the mean net
	// amount per purchase, rounded to 16 places.
	MonetaryAmount  *decimal.Decimal `json:"monetary_amount"`
	MeanOrderAmount *decimal.Decimal `json:"mean_order_amount"`
}

// Result returns the customer's profile as of asOf. It fails with ErrTime
// when the last purchase is dated after asOf's date (asOf is before the
// data); an empty customer is no error: its N is 0 and its figures nil.
func (c *Customer) Result(asOf time.Time) (Profile, error) {
	p := Profile{ID: c.id, N: c.N(), Purchases: c.purchases, Refunds: c.refunds}
	p.MonetaryAmount = unit.Amount(c.Monetary(), p.N > 0)
	if c.purchases == 0 {
		return p, nil
	}
	r, _, err := c.Recency(asOf)
	if err != nil {
		return Profile{}, err
	}
	t, _, _ := c.Tenure(asOf) // the first purchase is no later than the last
	first, _ := c.First()
	last, _ := c.Last()
	p.First, p.Last, p.RecencyDays, p.TenureDays = &first, &last, &r, &t
	p.MeanOrderAmount = unit.Amount(c.MeanOrder())
	return p, nil
}

// String returns e.g. "ann: 3 purchases, 1 refund, net 300.4; recency 2
// days, tenure 60 days".
func (p Profile) String() string {
	var b strings.Builder
	id := p.ID
	if id == "" {
		id = "(no id)"
	}
	fmt.Fprintf(&b, "%s: %d %s, %d %s", id, p.Purchases, plural(p.Purchases, "purchase", "purchases"),
		p.Refunds, plural(p.Refunds, "refund", "refunds"))
	if p.MonetaryAmount != nil {
		fmt.Fprintf(&b, ", net %s", p.MonetaryAmount)
	}
	if p.RecencyDays != nil {
		fmt.Fprintf(&b, "; recency %d %s, tenure %d %s", *p.RecencyDays, plural(*p.RecencyDays, "day", "days"),
			*p.TenureDays, plural(*p.TenureDays, "day", "days"))
	}
	return b.String()
}

// Summary is the reporting view of a Collection as of a date: its counts,
// its net amount and its RFM scoring. Undefined figures are nil (null in
// JSON): the net amount of an empty collection, the scoring of one
// without purchases.
type Summary struct {
	N              uint64           `json:"n"` // transactions: purchases and refunds
	Customers      int              `json:"customers"`
	Purchases      uint64           `json:"purchases"`
	Refunds        uint64           `json:"refunds"`
	MonetaryAmount *decimal.Decimal `json:"monetary_amount"`
	// RFM is Collection.Score with the Config of Result: the cut points
	// and counts in JSON, every customer's scores through its methods.
	RFM *Scores `json:"rfm"`
}

// Result returns the collection's summary and its RFM scoring as of asOf
// with cfg (see Score). It fails like Score for an invalid configuration
// (ErrConfig) and when asOf is before the data (ErrTime); a collection
// without customers or without purchases is no error: its scoring is nil.
func (c *Collection) Result(asOf time.Time, cfg Config) (Summary, error) {
	s := Summary{N: c.n, Customers: len(c.entries)}
	for i := range c.entries {
		s.Purchases += c.entries[i].purchases
		s.Refunds += c.entries[i].refunds
	}
	var net money.Sum
	for i := range c.entries {
		net.Merge(c.entries[i].sum)
	}
	s.MonetaryAmount = unit.Amount(net.Value(), c.n > 0)
	// Score checks the configuration and the as-of date before it finds
	// nothing to score.
	scores, err := c.Score(asOf, cfg)
	switch {
	case errors.Is(err, ErrEmpty):
	case err != nil:
		return Summary{}, err
	default:
		s.RFM = scores
	}
	return s, nil
}

// String returns e.g. "5 customers, 8 transactions (8 purchases, 0
// refunds), net 2880.39; RFM as of 2024-12-31, …".
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s, %d %s (%d %s, %d %s)", s.Customers, plural(int64(s.Customers), "customer", "customers"),
		s.N, plural(s.N, "transaction", "transactions"), s.Purchases, plural(s.Purchases, "purchase", "purchases"),
		s.Refunds, plural(s.Refunds, "refund", "refunds"))
	if s.MonetaryAmount != nil {
		fmt.Fprintf(&b, ", net %s", s.MonetaryAmount)
	}
	if s.RFM != nil {
		fmt.Fprintf(&b, "; %s", s.RFM)
	}
	return b.String()
}
