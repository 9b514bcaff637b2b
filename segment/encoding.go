package segment

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"math"
	"math/big"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/rapportkit/rapport/internal/wire"
	"github.com/shopspring/decimal"
)

// Binary encodings start with a tag and a version byte.
const (
	customerTag   = 'U'
	collectionTag = 'S'
	version       = 2
)

// appendTotals appends purchases, refunds, the first purchase time and
// the span to the last (when there are purchases) and the net amount as
// its canonical decimal text, so that equal customers encode to equal
// bytes.
func appendTotals(b []byte, u *totals) []byte {
	b = binary.AppendUvarint(b, u.purchases)
	b = binary.AppendUvarint(b, u.refunds)
	if u.purchases > 0 {
		b = binary.AppendVarint(b, u.first)
		b = binary.AppendUvarint(b, uint64(u.last-u.first))
	}
	return wire.AppendString(b, u.sum.Value().String())
}

// readTotals reads totals written by appendTotals and checks them (see
// check).
func readTotals(d *wire.Decoder) totals {
	u := totals{purchases: d.Uvarint(), refunds: d.Uvarint()}
	if u.purchases > 0 {
		u.first = d.Varint()
		span := d.Uvarint()
		if d.Err() == nil && (u.first < minNanos || u.first > maxNanos || span > uint64(maxNanos-u.first)) {
			d.Fail("purchase times out of range")
			return totals{}
		}
		u.last = u.first + int64(span)
	}
	text := d.Text()
	if d.Err() != nil {
		return totals{}
	}
	net, err := parseNet(text)
	if err != nil {
		d.Fail("%v", err)
		return totals{}
	}
	u.sum = money.Of(net)
	if err := u.check(); err != nil {
		d.SetErr(err)
		return totals{}
	}
	return u
}

// check rejects decoded totals that no transactions give: more than
// 2⁶⁴−1 of them, one purchase at two times, a net amount whose sign the
// counts rule out, or a magnitude past what the transactions can reach
// (each amount is below 10⁶⁴).
func (u *totals) check() error {
	n := u.purchases + u.refunds
	switch {
	case n < u.purchases:
		return fmt.Errorf("%w: more than 2⁶⁴−1 transactions", ErrEncoding)
	case u.purchases == 1 && u.first != u.last:
		return fmt.Errorf("%w: one purchase at two times", ErrEncoding)
	case u.refunds == 0 && u.sum.Sign() < 0:
		return fmt.Errorf("%w: negative net amount without refunds", ErrEncoding)
	case u.purchases == 0 && u.refunds > 0 && u.sum.Sign() >= 0:
		return fmt.Errorf("%w: refunds only, and a net amount that is not negative", ErrEncoding)
	case n == 0 && u.sum.Sign() != 0:
		return fmt.Errorf("%w: a net amount without transactions", ErrEncoding)
	}
	// −refunds·10⁶⁴ < net < purchases·10⁶⁴, which the signs above ensure
	// for a magnitude below 10⁶⁴.
	net := u.sum.Value()
	if int(net.Exponent())+net.NumDigits() <= money.MaxExponent {
		return nil
	}
	most := decimal.NewFromBigInt(new(big.Int).SetUint64(u.purchases), money.MaxExponent)
	least := decimal.NewFromBigInt(new(big.Int).SetUint64(u.refunds), money.MaxExponent).Neg()
	if u.purchases > 0 && net.Cmp(most) >= 0 || u.refunds > 0 && net.Cmp(least) <= 0 {
		return fmt.Errorf("%w: net amount %s beyond what %d purchases and %d refunds reach", ErrEncoding, net, u.purchases, u.refunds)
	}
	return nil
}

// AppendBinary appends the customer's binary encoding to b: the tag, the
// version, the id and the totals.
func (c *Customer) AppendBinary(b []byte) ([]byte, error) {
	b = wire.AppendString(wire.AppendHeader(b, customerTag, version), c.id)
	return appendTotals(b, &c.totals), nil
}

// MarshalBinary returns the customer's binary encoding.
func (c *Customer) MarshalBinary() ([]byte, error) { return c.AppendBinary(nil) }

// UnmarshalBinary replaces the customer with a decoded one. It accepts
// only what AppendBinary writes, of a state that transactions can give;
// on error it changes nothing.
func (c *Customer) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(customerTag, version)
	u := Customer{id: d.Text()}
	u.totals = readTotals(&d)
	if d.Err() == nil && u.id == "" && u.N() > 0 {
		d.Fail("transactions without a customer id")
	}
	if err := d.End(); err != nil {
		return err
	}
	*c = u
	return nil
}

// customerJSON is the JSON form of a Customer, times in UTC, null
// without purchases.
type customerJSON struct {
	ID             string     `json:"id"`
	Purchases      uint64     `json:"purchases"`
	Refunds        uint64     `json:"refunds"`
	First          *time.Time `json:"first"`
	Last           *time.Time `json:"last"`
	MonetaryAmount string     `json:"monetary_amount"`
}

func (c *Customer) toJSON() customerJSON {
	j := customerJSON{ID: c.id, Purchases: c.purchases, Refunds: c.refunds, MonetaryAmount: c.sum.Value().String()}
	if f, ok := c.First(); ok {
		l, _ := c.Last()
		j.First, j.Last = &f, &l
	}
	return j
}

// customer returns the customer j describes, checked as UnmarshalBinary
// checks it.
func (j *customerJSON) customer() (Customer, error) {
	u := Customer{id: j.ID, totals: totals{purchases: j.Purchases, refunds: j.Refunds}}
	if (j.Purchases > 0) != (j.First != nil) || (j.First != nil) != (j.Last != nil) {
		return Customer{}, fmt.Errorf("%w: customer %q: first and last purchase times go with purchases", ErrEncoding, j.ID)
	}
	if j.Purchases > 0 {
		var err error
		if u.first, err = nanos(*j.First); err == nil {
			u.last, err = nanos(*j.Last)
		}
		if err != nil {
			return Customer{}, fmt.Errorf("%w: customer %q: %v", ErrEncoding, j.ID, err)
		}
		if u.first > u.last {
			return Customer{}, fmt.Errorf("%w: customer %q: first purchase after the last", ErrEncoding, j.ID)
		}
	}
	net, err := parseNet(j.MonetaryAmount)
	if err != nil {
		return Customer{}, fmt.Errorf("%w: customer %q: %v", ErrEncoding, j.ID, err)
	}
	u.sum = money.Of(net)
	if err := u.check(); err != nil {
		return Customer{}, fmt.Errorf("customer %q: %w", j.ID, err)
	}
	if u.id == "" && u.N() > 0 {
		return Customer{}, fmt.Errorf("%w: transactions without a customer id", ErrEncoding)
	}
	return u, nil
}

// MarshalJSON writes
// {"id":…,"purchases":…,"refunds":…,"first":…,"last":…,"monetary_amount":"…"},
// times in UTC (null without purchases), the net amount as a decimal
// string.
func (c *Customer) MarshalJSON() ([]byte, error) { return json.Marshal(c.toJSON()) }

// UnmarshalJSON reads a customer as MarshalJSON writes it, refusing any
// other spelling (keys in another order, 1.50 for 1.5, a time with an
// offset) and states that transactions cannot give; on error it changes
// nothing.
func (c *Customer) UnmarshalJSON(b []byte) error {
	var j customerJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	u, err := j.customer()
	if err != nil {
		return err
	}
	if canon, _ := u.MarshalJSON(); !wire.CanonicalJSON(canon, b) {
		return fmt.Errorf("%w: customer %q not in canonical form", ErrEncoding, u.id)
	}
	*c = u
	return nil
}

// AppendBinary appends the collection's binary encoding to b: the tag,
// the version, the options, the number of customers and each customer
// (id and totals, as Customer.AppendBinary without its header) in
// ascending id order, so that equal collections encode to equal bytes
// whatever the order they were built in.
func (c *Collection) AppendBinary(b []byte) ([]byte, error) {
	b = append(wire.AppendHeader(b, collectionTag, version), boolByte(c.opts.Refunds))
	b = binary.AppendUvarint(b, uint64(len(c.entries)))
	for _, i := range c.order() {
		e := &c.entries[i]
		b = wire.AppendString(b, e.id)
		b = appendTotals(b, &e.totals)
	}
	return b, nil
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// MarshalBinary returns the collection's binary encoding.
func (c *Collection) MarshalBinary() ([]byte, error) { return c.AppendBinary(nil) }

// UnmarshalBinary replaces the collection with a decoded one. It accepts
// only what AppendBinary writes (customers in ascending id order, each
// with a transaction), of a state that transactions can give; on error
// it changes nothing.
func (c *Collection) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(collectionTag, version)
	var u Collection
	if opts := d.Bytes(1, "options"); opts != nil {
		if opts[0] > 1 {
			d.Fail("options byte %d", opts[0])
		}
		u.opts.Refunds = opts[0] == 1
	}
	n := d.Uvarint()
	if n > uint64(d.Len()) || n > maxCustomers { // every customer takes bytes
		d.Fail("%d customers in %d bytes", n, d.Len())
	}
	for i := uint64(0); i < n && d.Err() == nil; i++ {
		e := Customer{id: d.Text()}
		e.totals = readTotals(&d)
		if d.Err() == nil {
			var prev string
			if i > 0 {
				prev = u.entries[i-1].id
			}
			d.SetErr(u.insert(prev, e))
		}
	}
	if err := d.End(); err != nil {
		return err
	}
	*c = u
	return nil
}

// insert appends a decoded customer, rejecting ids not in ascending
// order after prev (repeats included), customers without transactions,
// refunds the options forbid and totals past 2⁶⁴−1 transactions.
func (c *Collection) insert(prev string, e Customer) error {
	switch {
	case e.id == "":
		return fmt.Errorf("%w: empty customer id", ErrEncoding)
	case len(c.entries) > 0 && e.id <= prev:
		return fmt.Errorf("%w: customer %q after %q: ids not in ascending order", ErrEncoding, e.id, prev)
	case e.N() == 0:
		return fmt.Errorf("%w: customer %q has no transaction", ErrEncoding, e.id)
	case !c.opts.Refunds && e.refunds > 0:
		return fmt.Errorf("%w: customer %q has refunds, which the options do not allow", ErrEncoding, e.id)
	case c.n > math.MaxUint64-e.N():
		return fmt.Errorf("%w: more than 2⁶⁴−1 transactions", ErrEncoding)
	}
	c.reserve(len(c.entries) + 1)
	c.entries[c.upsert(maphash.String(c.seed, e.id), e.id)] = e
	c.n += e.N()
	return nil
}

type collectionJSON struct {
	Options   Options        `json:"options"`
	Customers []customerJSON `json:"customers"`
}

// MarshalJSON writes {"options":{"refunds":…},"customers":[…]}, each
// customer as Customer.MarshalJSON writes it, in ascending id order.
func (c *Collection) MarshalJSON() ([]byte, error) {
	j := collectionJSON{Options: c.opts, Customers: make([]customerJSON, 0, len(c.entries))}
	for _, i := range c.order() {
		j.Customers = append(j.Customers, c.entries[i].toJSON())
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a collection as MarshalJSON writes it, refusing any
// other spelling and states that transactions cannot give (see
// UnmarshalBinary); on error it changes nothing.
func (c *Collection) UnmarshalJSON(b []byte) error {
	var j collectionJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	if len(j.Customers) > maxCustomers {
		return fmt.Errorf("%w: more than 2³²−1 customers", ErrEncoding)
	}
	u := Collection{opts: j.Options}
	prev := ""
	for i := range j.Customers {
		e, err := j.Customers[i].customer()
		if err != nil {
			return err
		}
		if err := u.insert(prev, e); err != nil {
			return err
		}
		prev = e.id
	}
	if canon, _ := u.MarshalJSON(); !wire.CanonicalJSON(canon, b) {
		return fmt.Errorf("%w: collection not in canonical form", ErrEncoding)
	}
	*c = u
	return nil
}
