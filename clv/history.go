package clv

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/rapportkit/rapport/internal/money"
	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
)

// History accumulates one customer's purchases: the calendar days on
// which the customer ordered, with the orders and the exact amount of
// each day. It is the rapport accumulator of this package (see the
// contract in the documentation of the module root): its zero value is
// an empty history, ready to use; Add, AddN and Merge take purchases in
// any order and from any number of machines with identical results; the
// binary and JSON encodings are canonical.
//
// A purchase's day is its calendar date in its own location, t.At.Date():
// parse the export in the shop's time zone (or convert with At.In) so
// that a late-evening order falls on the day the customer saw.
//
// A history belongs to one customer: the first purchase names it, and a
// purchase or a history of another customer is refused with ErrMismatch.
type History struct {
	id   string
	days []day // ascending by date
	n    uint64
}

// day is one calendar day with purchases.
type day struct {
	date   int32 // days since 1970-01-01
	orders uint64
	amount money.Sum
}

// The plausible window of purchase dates, that of package segment: the
// days whose midnights in Unix nanoseconds fit an int64, as days since
// 1970-01-01 (1677-09-22 to 2262-04-11).
const minDate, maxDate = -106751, 106751

// dateOf returns the calendar date of t in its location as days since
// 1970-01-01, or ErrTime.
func dateOf(t time.Time) (int32, error) {
	if !t.IsZero() {
		y, m, d := t.Date()
		if y > 1600 && y < 2300 {
			if day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400; day >= minDate && day <= maxDate {
				return int32(day), nil
			}
		}
	}
	return 0, fmt.Errorf("%w: %v, want a date from 1677-09-22 to 2262-04-11", ErrTime, t)
}

// check validates a purchase for h and returns its date.
func (h *History) check(t segment.Transaction) (int32, error) {
	switch {
	case t.CustomerID == "":
		return 0, ErrID
	case h.id != "" && t.CustomerID != h.id:
		return 0, fmt.Errorf("%w: purchase of %q added to the history of %q", ErrMismatch, t.CustomerID, h.id)
	case t.Amount.Sign() < 0:
		return 0, fmt.Errorf("%w: customer %q: negative amount %v (net refunds out of the orders they refund)", ErrAmount, t.CustomerID, t.Amount)
	}
	if err := money.Check(t.Amount); err != nil {
		return 0, fmt.Errorf("%w: customer %q: %v", ErrAmount, t.CustomerID, err)
	}
	d, err := dateOf(t.At)
	if err != nil {
		return 0, fmt.Errorf("customer %q: %w", t.CustomerID, err)
	}
	return d, nil
}

// Add adds one purchase: an order of t.Amount (≥ 0; a free order is
// still a purchase) on the date of t.At by customer t.CustomerID.
func (h *History) Add(t segment.Transaction) error { return h.AddN(t, 1) }

// AddN adds n equal purchases, as n calls of Add would.
func (h *History) AddN(t segment.Transaction, n uint64) error {
	d, err := h.check(t)
	if err != nil {
		return err
	}
	if h.n > math.MaxUint64-n {
		return fmt.Errorf("%w: customer %q", ErrOverflow, t.CustomerID)
	}
	if n == 0 {
		return nil
	}
	i, found := h.find(d)
	if !found {
		h.days = slices.Insert(h.days, i, day{date: d})
	}
	amount := t.Amount
	if amount.Exponent() < -money.MaxExponent {
		// Within the bounds, so at most 64 significant places: the same
		// amount at 64 places, so that every sum has an exponent ≥ −64.
		amount = amount.Round(money.MaxExponent)
	}
	if n > 1 {
		amount = amount.Mul(decimal.NewFromUint64(n))
	}
	h.days[i].orders += n
	h.days[i].amount.Add(amount)
	h.id = t.CustomerID
	h.n += n
	return nil
}

// find returns the index of date d in h.days, or where it goes.
func (h *History) find(d int32) (int, bool) {
	if k := len(h.days); k > 0 && h.days[k-1].date < d {
		return k, false // purchases mostly come in time order
	}
	return slices.BinarySearchFunc(h.days, d, func(e day, d int32) int { return int(e.date) - int(d) })
}

// Merge adds every purchase of o to h. Merge(nil) does nothing; the
// history of another customer is refused with ErrMismatch.
func (h *History) Merge(o *History) error {
	if o == nil || o.n == 0 {
		return nil
	}
	if h.id != "" && o.id != h.id {
		return fmt.Errorf("%w: history of %q merged into that of %q", ErrMismatch, o.id, h.id)
	}
	if h.n > math.MaxUint64-o.n {
		return fmt.Errorf("%w: customer %q", ErrOverflow, h.id)
	}
	merged := make([]day, 0, len(h.days)+len(o.days))
	a, b := h.days, o.days
	for len(a) > 0 || len(b) > 0 {
		switch {
		case len(b) == 0 || len(a) > 0 && a[0].date < b[0].date:
			merged, a = append(merged, a[0]), a[1:]
		case len(a) == 0 || b[0].date < a[0].date:
			merged, b = append(merged, b[0]), b[1:]
		default:
			d := a[0]
			d.orders += b[0].orders
			d.amount.Merge(b[0].amount)
			merged, a, b = append(merged, d), a[1:], b[1:]
		}
	}
	h.id, h.days, h.n = o.id, merged, h.n+o.n
	return nil
}

// N returns the number of purchases (orders) added.
func (h *History) N() uint64 { return h.n }

// CustomerID returns the customer's id, "" for an empty history.
func (h *History) CustomerID() string { return h.id }

// Days returns the number of distinct calendar days with purchases.
func (h *History) Days() int { return len(h.days) }

// Clone returns an independent copy of h.
func (h *History) Clone() *History {
	return &History{id: h.id, days: slices.Clone(h.days), n: h.n}
}

// First returns the date of the first purchase (midnight UTC of its
// calendar day), or ok = false for an empty history.
func (h *History) First() (time.Time, bool) {
	if len(h.days) == 0 {
		return time.Time{}, false
	}
	return civil(h.days[0].date), true
}

// Last returns the date of the last purchase, or ok = false for an empty
// history.
func (h *History) Last() (time.Time, bool) {
	if len(h.days) == 0 {
		return time.Time{}, false
	}
	return civil(h.days[len(h.days)-1].date), true
}

// Amount returns the exact total amount of the purchases.
func (h *History) Amount() decimal.Decimal {
	var s money.Sum
	for _, d := range h.days {
		s.Merge(d.amount)
	}
	return s.Value()
}

// civil returns the midnight UTC of day d.
func civil(d int32) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// HistoryOf adds every transaction of one customer to a new History. The
// first bad transaction stops it with an error naming its position.
func HistoryOf(transactions iter.Seq[segment.Transaction]) (*History, error) {
	return group.Of(transactions, "transaction", new(History), (*History).Add)
}

// HistoryBy adds every transaction to the History of its key, made on
// first sight. With key = func(t segment.Transaction) string { return
// t.CustomerID } it returns one history per customer, the usual way in
// from an orders export; any other key must keep each customer's
// purchases in one group. The first bad transaction stops it with an
// error naming its position.
func HistoryBy[K comparable](transactions iter.Seq[segment.Transaction], key func(segment.Transaction) K) (map[K]*History, error) {
	return group.By(transactions, "transaction", key, func() *History { return new(History) }, (*History).Add)
}
