package segment

import (
	"fmt"
	"math"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// Customer accumulates one customer's transactions: the first and last
// purchase times, the number of purchases and refunds and the exact net
// amount. Its zero value is a customer with no transactions. Customers
// merge in any order with identical results (min, max and sums), so the
// per-customer aggregates of several machines combine exactly. A rejected
// Add, Merge or decode leaves the customer unchanged.
type Customer struct {
	first, last int64 // Unix nanoseconds of the first and last purchase, while purchases > 0
	purchases   uint64
	refunds     uint64
	sum         money.Sum
}

// Valid times are the instants whose whole seconds, in nanoseconds, fit
// an int64: Unix seconds minUnix..maxUnix, which are Unix nanoseconds
// minNanos..maxNanos (1677-09-21 to 2262-04-11).
const (
	minUnix, maxUnix = -9223372036, 9223372035
	minNanos         = minUnix * 1e9
	maxNanos         = maxUnix*1e9 + 999_999_999
)

// nanos returns t as Unix nanoseconds, or ErrTime for a zero time or one
// outside the years 1678–2262.
func nanos(t time.Time) (int64, error) {
	if t.IsZero() || t.Unix() < minUnix || t.Unix() > maxUnix {
		return 0, fmt.Errorf("%w: %v", ErrTime, t)
	}
	return t.UnixNano(), nil
}

// Add counts a purchase of amount (≥ 0; a zero amount is a free order,
// still a purchase) made at time at.
func (c *Customer) Add(at time.Time, amount decimal.Decimal) error {
	ns, err := nanos(at)
	if err != nil {
		return err
	}
	if amount.Sign() < 0 {
		return fmt.Errorf("%w: %v (record refunds with AddRefund)", ErrNegativeAmount, amount)
	}
	if c.purchases == math.MaxUint64 {
		return ErrOverflow
	}
	c.purchase(ns, amount)
	return nil
}

// purchase records a validated purchase.
func (c *Customer) purchase(ns int64, amount decimal.Decimal) {
	c.count(ns)
	c.sum.Add(amount)
}

// count counts a purchase at ns, leaving the sum to the caller.
func (c *Customer) count(ns int64) {
	if c.purchases == 0 || ns < c.first {
		c.first = ns
	}
	if c.purchases == 0 || ns > c.last {
		c.last = ns
	}
	c.purchases++
}

// AddRefund records a refund, amount < 0 as it stands in the ledger. It
// lowers the net amount but is not a purchase: it changes neither the
// frequency nor the recency. The time is validated and otherwise unused.
func (c *Customer) AddRefund(at time.Time, amount decimal.Decimal) error {
	if _, err := nanos(at); err != nil {
		return err
	}
	if amount.Sign() >= 0 {
		return fmt.Errorf("%w: refund of %v must be negative", ErrNegativeAmount, amount)
	}
	if c.refunds == math.MaxUint64 {
		return ErrOverflow
	}
	c.refunds++
	c.sum.Add(amount)
	return nil
}

// Merge adds every transaction of o to c.
func (c *Customer) Merge(o *Customer) error {
	if c.purchases > math.MaxUint64-o.purchases || c.refunds > math.MaxUint64-o.refunds {
		return ErrOverflow
	}
	c.merge(o)
	return nil
}

// merge is Merge without the overflow check.
func (c *Customer) merge(o *Customer) {
	if o.purchases > 0 {
		if c.purchases == 0 || o.first < c.first {
			c.first = o.first
		}
		if c.purchases == 0 || o.last > c.last {
			c.last = o.last
		}
	}
	c.purchases += o.purchases
	c.refunds += o.refunds
	c.sum.Merge(o.sum)
}

// Frequency returns the number of purchases (refunds excluded).
func (c *Customer) Frequency() uint64 { return c.purchases }

// Refunds returns the number of refunds.
func (c *Customer) Refunds() uint64 { return c.refunds }

// Monetary returns the exact net amount: purchases minus refunds.
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
// as-of date is 0 days old, one the day before 1, whatever the hours. It
// fails with ErrNoPurchase without purchases and ErrFuture when the last
// purchase falls on a date after asOf's.
func (c *Customer) Recency(asOf time.Time) (int64, error) {
	return c.daysSince("last", c.last, asOf)
}

// Tenure returns the number of whole calendar days from the first
// purchase to asOf (the customer's age, T in Fader–Hardie models), with
// the rules and errors of Recency.
func (c *Customer) Tenure(asOf time.Time) (int64, error) {
	return c.daysSince("first", c.first, asOf)
}

// daysSince returns the whole calendar days from the purchase at (Unix
// nanoseconds) to asOf, the rules and errors of Recency; which names it.
func (c *Customer) daysSince(which string, at int64, asOf time.Time) (int64, error) {
	if c.purchases == 0 {
		return 0, ErrNoPurchase
	}
	d := newDayClock(asOf)
	days := d.today - d.day(at)
	if days < 0 {
		return 0, fmt.Errorf("%w: %s purchase %v, as of %v", ErrFuture, which, time.Unix(0, at).In(asOf.Location()), asOf)
	}
	return days, nil
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
