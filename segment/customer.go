package segment

import (
	"fmt"
	"math"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// Customer accumulates the transactions of one customer: the first and
// last purchase times, the number of purchases and refunds and the exact
// net amount. It keeps the rapport accumulator contract (see the package
// documentation); its items are Transactions.
//
// A Customer is known by its id: the zero value takes the id of the
// first transaction added, NewCustomer sets it in advance, and from then
// on a transaction of another customer is rejected (ErrID) and a merge
// with a customer of another id fails (ErrMismatch), rather than mixing
// two customers' purchases into one recency and one net amount.
type Customer struct {
	id string
	totals
}

// totals is a customer without its id: what AddColumns updates row by
// row, 64 bytes without the id's pointer.
type totals struct {
	first, last int64 // Unix nanoseconds of the first and last purchase, while purchases > 0
	purchases   uint64
	refunds     uint64
	sum         money.Sum
}

// NewCustomer returns an empty customer with the given id. With an empty
// id it is the zero Customer, whose id is that of its first transaction.
func NewCustomer(id string) *Customer { return &Customer{id: id} }

// ID returns the customer's id, "" for a zero Customer with no
// transaction yet.
func (c *Customer) ID() string { return c.id }

// Valid times are the instants whose whole seconds, in nanoseconds, fit
// an int64: Unix seconds minUnix..maxUnix, which are Unix nanoseconds
// minNanos..maxNanos (1677-09-21 to 2262-04-11).
const (
	minUnix, maxUnix = -9223372036, 9223372035
	minNanos         = minUnix * 1e9
	maxNanos         = maxUnix*1e9 + 999_999_999
)

// nanos returns t as Unix nanoseconds, or an error for a zero time or one
// outside the years 1678–2262.
func nanos(t time.Time) (int64, error) {
	if t.IsZero() {
		return 0, fmt.Errorf("missing time")
	}
	if sec := t.Unix(); sec < minUnix || sec > maxUnix {
		return 0, fmt.Errorf("time %v outside the years 1678–2262", t)
	}
	return t.UnixNano(), nil
}

// Add adds one transaction of the customer: a purchase, or a refund when
// the amount is negative. A zero amount is a purchase (a free order). It
// fails with ErrID for an empty id or another customer's, ErrTime for a
// missing time or one outside 1678–2262, ErrAmount for an amount outside
// the bounds (at most 64 decimal places, magnitude below 10⁶⁴) and
// ErrOverflow past 2⁶⁴−1 transactions, and then changes nothing.
func (c *Customer) Add(t Transaction) error {
	ns, a, err := t.check(true)
	if err != nil {
		return err
	}
	if t.CustomerID != c.id && c.id != "" {
		return fmt.Errorf("%w: transaction of customer %q added to customer %q", ErrID, t.CustomerID, c.id)
	}
	if c.N() == math.MaxUint64 {
		return fmt.Errorf("%w: customer %q has 2⁶⁴−1 transactions", ErrOverflow, c.id)
	}
	if c.id == "" {
		c.id = t.CustomerID
	}
	c.add(ns, a)
	return nil
}

// add records a validated transaction at ns.
func (u *totals) add(ns int64, a amount) {
	if a.negative() {
		u.refunds++
	} else {
		u.count(ns)
	}
	a.addTo(&u.sum)
}

// count counts a purchase at ns, leaving the sum to the caller.
func (u *totals) count(ns int64) {
	if u.purchases == 0 || ns < u.first {
		u.first = ns
	}
	if u.purchases == 0 || ns > u.last {
		u.last = ns
	}
	u.purchases++
}

// Merge adds every transaction of o to c; Merge(nil) does nothing and
// c.Merge(c) doubles c. It fails with ErrMismatch when both customers
// have ids and they differ, and with ErrOverflow past 2⁶⁴−1 transactions,
// and then changes nothing.
func (c *Customer) Merge(o *Customer) error {
	if o == nil {
		return nil
	}
	if c.id != "" && o.id != "" && c.id != o.id {
		return fmt.Errorf("%w: customer %q merged into customer %q", ErrMismatch, o.id, c.id)
	}
	if c.N() > math.MaxUint64-o.N() {
		return fmt.Errorf("%w: customer %q: more than 2⁶⁴−1 transactions", ErrOverflow, c.id)
	}
	if c.id == "" {
		c.id = o.id
	}
	c.merge(&o.totals)
	return nil
}

// merge adds o's transactions, o possibly u itself.
func (u *totals) merge(o *totals) {
	if o.purchases > 0 {
		if u.purchases == 0 || o.first < u.first {
			u.first = o.first
		}
		if u.purchases == 0 || o.last > u.last {
			u.last = o.last
		}
	}
	u.purchases += o.purchases
	u.refunds += o.refunds
	u.sum.Merge(o.sum)
}

// N returns the number of transactions added: purchases and refunds.
func (c *Customer) N() uint64 { return c.purchases + c.refunds }

// Clone returns an independent copy of c.
func (c *Customer) Clone() *Customer {
	u := *c
	return &u
}

// Frequency returns the number of purchases (refunds excluded).
func (c *Customer) Frequency() uint64 { return c.purchases }

// Refunds returns the number of refunds.
func (c *Customer) Refunds() uint64 { return c.refunds }

// Monetary returns the exact net amount: purchases minus refunds, 0
// without transactions.
func (c *Customer) Monetary() decimal.Decimal { return c.sum.Value() }

// First returns the time of the first purchase in UTC, or ok = false
// without purchases.
func (c *Customer) First() (time.Time, bool) {
	if c.purchases == 0 {
		return time.Time{}, false
	}
	return time.Unix(0, c.first).UTC(), true
}

// Last returns the time of the last purchase in UTC, or ok = false
// without purchases.
func (c *Customer) Last() (time.Time, bool) {
	if c.purchases == 0 {
		return time.Time{}, false
	}
	return time.Unix(0, c.last).UTC(), true
}

// MeanOrder returns the mean net amount per purchase, rounded to 16
// decimal places (decimal division), or ok = false without purchases.
func (c *Customer) MeanOrder() (decimal.Decimal, bool) {
	if c.purchases == 0 {
		return decimal.Decimal{}, false
	}
	return c.sum.Value().DivRound(decimal.NewFromUint64(c.purchases), 16), true
}

// Recency returns the number of whole calendar days from the last
// purchase to asOf, both dates read in asOf's location: a purchase on the
// as-of date is 0 days old, one the day before 1, whatever the hours.
// Without purchases it is undefined: ok = false. A last purchase dated
// after asOf's date is an error (ErrTime): asOf is before the data.
func (c *Customer) Recency(asOf time.Time) (days int64, ok bool, err error) {
	return c.daysSince("last", c.last, asOf)
}

// Tenure returns the number of whole calendar days from the first
// purchase to asOf (the customer's age, T in Fader–Hardie models), with
// the rules of Recency.
func (c *Customer) Tenure(asOf time.Time) (days int64, ok bool, err error) {
	return c.daysSince("first", c.first, asOf)
}

// daysSince returns the whole calendar days from the purchase at (Unix
// nanoseconds) to asOf, the rules of Recency; which names it.
func (c *Customer) daysSince(which string, at int64, asOf time.Time) (int64, bool, error) {
	if c.purchases == 0 {
		return 0, false, nil
	}
	d := newDayClock(asOf)
	days := d.today - d.day(at)
	if days < 0 {
		return 0, false, fmt.Errorf("%w: customer %q: %s purchase %v after the as-of date %v", ErrTime, c.id, which,
			time.Unix(0, at).In(asOf.Location()), asOf)
	}
	return days, true, nil
}

// dayClock numbers calendar days in one location.
type dayClock struct {
	loc   *time.Location
	utc   bool
	today int64 // the as-of day number
}

func newDayClock(asOf time.Time) dayClock {
	d := dayClock{loc: asOf.Location(), utc: asOf.Location() == time.UTC}
	_, off := asOf.Zone()
	d.today = floorDiv(asOf.Unix()+int64(off), 86400)
	return d
}

// day returns the number of the calendar day, in the clock's location,
// of the instant ns (Unix nanoseconds); day 0 is 1970-01-01.
func (d dayClock) day(ns int64) int64 {
	sec := floorDiv(ns, 1e9)
	if !d.utc {
		_, off := time.Unix(sec, 0).In(d.loc).Zone()
		sec += int64(off)
	}
	return floorDiv(sec, 86400)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
