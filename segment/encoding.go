package segment

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/rapportkit/rapport/internal/wire"
	"github.com/shopspring/decimal"
)

// Binary encodings start with a tag and a version byte.
const (
	customerTag   = 'U'
	collectionTag = 'S'
	version       = 1
)

// appendCustomer appends purchases, refunds, first and last (when there
// are purchases) and the net amount as a canonical decimal string, so
// that equal customers encode to equal bytes.
func appendCustomer(b []byte, c *Customer) []byte {
	b = binary.AppendUvarint(b, c.purchases)
	b = binary.AppendUvarint(b, c.refunds)
	if c.purchases > 0 {
		b = binary.AppendVarint(b, c.first)
		b = binary.AppendVarint(b, c.last)
	}
	return wire.AppendString(b, c.sum.Value().String())
}

// AppendBinary appends the customer's binary encoding to b.
func (c *Customer) AppendBinary(b []byte) ([]byte, error) {
	return appendCustomer(wire.AppendHeader(b, customerTag, version), c), nil
}

// MarshalBinary returns the customer's binary encoding.
func (c *Customer) MarshalBinary() ([]byte, error) { return c.AppendBinary(nil) }

// UnmarshalBinary replaces the customer with a decoded one; on error it is
// unchanged.
func (c *Customer) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(customerTag, version)
	u := readCustomer(&d)
	if err := d.End(); err != nil {
		return err
	}
	*c = u
	return nil
}

// customerJSON is the JSON form of a Customer; times in UTC.
type customerJSON struct {
	Purchases uint64          `json:"purchases"`
	Refunds   uint64          `json:"refunds,omitempty"`
	First     *time.Time      `json:"first,omitempty"`
	Last      *time.Time      `json:"last,omitempty"`
	Monetary  decimal.Decimal `json:"monetary"`
}

func (c *Customer) toJSON() customerJSON {
	j := customerJSON{Purchases: c.purchases, Refunds: c.refunds, Monetary: c.sum.Value()}
	if f, ok := c.First(); ok {
		l, _ := c.Last()
		j.First, j.Last = &f, &l
	}
	return j
}

func (j customerJSON) customer() (Customer, error) {
	u := Customer{purchases: j.Purchases, refunds: j.Refunds, sum: money.Of(j.Monetary)}
	if (j.Purchases > 0) != (j.First != nil && j.Last != nil) {
		return Customer{}, fmt.Errorf("%w: first and last purchase times go with purchases", ErrEncoding)
	}
	if j.Purchases > 0 {
		var err error
		if u.first, err = nanos(*j.First); err == nil {
			u.last, err = nanos(*j.Last)
		}
		if err != nil {
			return Customer{}, fmt.Errorf("%w: %v", ErrEncoding, err)
		}
	}
	return u, u.valid()
}

// valid checks a decoded customer: first ≤ last, and a negative net
// amount only with refunds.
func (c *Customer) valid() error {
	if c.purchases > 0 && c.first > c.last {
		return fmt.Errorf("%w: first purchase after the last", ErrEncoding)
	}
	if c.refunds == 0 && c.sum.Sign() < 0 {
		return fmt.Errorf("%w: negative amount without refunds", ErrEncoding)
	}
	return nil
}

// MarshalJSON writes {"purchases":…,"refunds":…,"first":…,"last":…,"monetary":"…"}.
func (c *Customer) MarshalJSON() ([]byte, error) { return json.Marshal(c.toJSON()) }

// UnmarshalJSON reads a customer written by MarshalJSON; on error it is
// unchanged.
func (c *Customer) UnmarshalJSON(b []byte) error {
	var j customerJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	u, err := j.customer()
	if err != nil {
		return err
	}
	*c = u
	return nil
}

// AppendBinary appends the collection's binary encoding to b: the tag,
// the version, the options, the number of customers and each customer
// (id, then as Customer.AppendBinary) in ascending id order, so that
// equal collections encode to equal bytes whatever the order they were
// built in.
func (c *Collection) AppendBinary(b []byte) ([]byte, error) {
	b = append(wire.AppendHeader(b, collectionTag, version), boolByte(c.opts.Refunds))
	b = binary.AppendUvarint(b, uint64(len(c.entries)))
	for _, i := range c.order() {
		e := &c.entries[i]
		b = wire.AppendString(b, e.id)
		b = appendCustomer(b, &e.Customer)
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

// UnmarshalBinary replaces the collection with a decoded one; on error it
// is unchanged.
func (c *Collection) UnmarshalBinary(data []byte) error {
	d := wire.NewDecoder(data, ErrEncoding)
	d.Header(collectionTag, version)
	var u Collection
	if opts := d.Bytes(1, "options"); opts != nil {
		if opts[0] > 1 {
			d.Fail("bad options")
		}
		u.opts.Refunds = opts[0] == 1
	}
	n := d.Uvarint()
	if n > uint64(d.Len()) { // every customer takes bytes
		d.Fail("%d customers in %d bytes", n, d.Len())
	}
	for i := uint64(0); i < n && d.Err() == nil; i++ {
		id := d.Text()
		cust := readCustomer(&d)
		if d.Err() == nil {
			d.SetErr(u.insert(id, cust))
		}
	}
	if err := d.End(); err != nil {
		return err
	}
	*c = u
	return nil
}

// insert adds a decoded customer, rejecting an empty or repeated id and
// refunds the options forbid.
func (c *Collection) insert(id string, u Customer) error {
	if id == "" {
		return fmt.Errorf("%w: %w", ErrEncoding, ErrEmptyID)
	}
	if !c.opts.Refunds && u.refunds > 0 {
		return fmt.Errorf("%w: customer %q has refunds, not allowed", ErrEncoding, id)
	}
	if u.purchases == 0 && u.refunds == 0 {
		return fmt.Errorf("%w: customer %q has no transaction", ErrEncoding, id)
	}
	c.reserve(len(c.entries) + 1)
	h := hashOf(c, id)
	if c.find(h, id) >= 0 {
		return fmt.Errorf("%w: repeated customer %q", ErrEncoding, id)
	}
	c.entries[c.upsert(h, id)].Customer = u
	return nil
}

type collectionJSON struct {
	Options   Options        `json:"options"`
	Customers []customerLine `json:"customers"`
}

type customerLine struct {
	ID string `json:"id"`
	customerJSON
}

// MarshalJSON writes {"options":{…},"customers":[{"id":…,…}]} in
// ascending id order.
func (c *Collection) MarshalJSON() ([]byte, error) {
	j := collectionJSON{Options: c.opts, Customers: make([]customerLine, 0, len(c.entries))}
	for _, i := range c.order() {
		e := &c.entries[i]
		j.Customers = append(j.Customers, customerLine{ID: e.id, customerJSON: e.toJSON()})
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a collection written by MarshalJSON; on error it is
// unchanged.
func (c *Collection) UnmarshalJSON(b []byte) error {
	var j collectionJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	u := Collection{opts: j.Options}
	for _, line := range j.Customers {
		cust, err := line.customer()
		if err != nil {
			return fmt.Errorf("customer %q: %w", line.ID, err)
		}
		if err := u.insert(line.ID, cust); err != nil {
			return err
		}
	}
	*c = u
	return nil
}

// readCustomer reads a customer written by appendCustomer.
func readCustomer(d *wire.Decoder) Customer {
	u := Customer{purchases: d.Uvarint(), refunds: d.Uvarint()}
	if u.purchases > 0 {
		u.first, u.last = d.Varint(), d.Varint()
	}
	s := d.Text()
	if d.Err() != nil {
		return Customer{}
	}
	if len(s) > 4096 {
		d.Fail("amount of %d digits", len(s))
		return Customer{}
	}
	v, err := decimal.NewFromString(s)
	if err != nil || v.String() != s {
		d.Fail("amount %q", s)
		return Customer{}
	}
	u.sum = money.Of(v)
	if err := u.valid(); err != nil {
		d.SetErr(err)
	}
	return u
}
