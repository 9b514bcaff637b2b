package segment

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/money"
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
	s := c.sum.Value().String()
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// AppendBinary appends the customer's binary encoding to b.
func (c *Customer) AppendBinary(b []byte) ([]byte, error) {
	return appendCustomer(append(b, customerTag, version), c), nil
}

// MarshalBinary returns the customer's binary encoding.
func (c *Customer) MarshalBinary() ([]byte, error) { return c.AppendBinary(nil) }

// UnmarshalBinary replaces the customer with a decoded one; on error it is
// unchanged.
func (c *Customer) UnmarshalBinary(data []byte) error {
	d := decoder{data: data}
	d.header(customerTag)
	u := d.customer()
	if err := d.end(); err != nil {
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
	b = append(b, collectionTag, version, boolByte(c.opts.Refunds))
	b = binary.AppendUvarint(b, uint64(len(c.entries)))
	for _, i := range c.order() {
		e := &c.entries[i]
		b = binary.AppendUvarint(b, uint64(len(e.id)))
		b = append(b, e.id...)
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
	d := decoder{data: data}
	d.header(collectionTag)
	var u Collection
	if d.err == nil {
		if len(d.data) < 1 || d.data[0] > 1 {
			d.fail("bad options")
		} else {
			u.opts.Refunds = d.data[0] == 1
			d.data = d.data[1:]
		}
	}
	n := d.uvarint()
	if n > uint64(len(d.data)) { // every customer takes bytes
		d.fail("%d customers in %d bytes", n, len(d.data))
	}
	for i := uint64(0); i < n && d.err == nil; i++ {
		id := d.string()
		cust := d.customer()
		if d.err == nil {
			d.err = u.insert(id, cust)
		}
	}
	if err := d.end(); err != nil {
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

// decoder reads a binary encoding, remembering the first error; reads
// after an error return zero values.
type decoder struct {
	data []byte
	err  error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: "+format, append([]any{ErrEncoding}, args...)...)
	}
}

func (d *decoder) header(tag byte) {
	if len(d.data) < 2 || d.data[0] != tag || d.data[1] != version {
		d.fail("not a version %d %q encoding", version, tag)
		return
	}
	d.data = d.data[2:]
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Uvarint(d.data)
	if n <= 0 {
		d.fail("truncated number")
		return 0
	}
	d.data = d.data[n:]
	return x
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Varint(d.data)
	if n <= 0 {
		d.fail("truncated number")
		return 0
	}
	d.data = d.data[n:]
	return x
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.data)) {
		d.fail("truncated string")
		return ""
	}
	s := strings.Clone(string(d.data[:n]))
	d.data = d.data[n:]
	return s
}

func (d *decoder) customer() Customer {
	u := Customer{purchases: d.uvarint(), refunds: d.uvarint()}
	if u.purchases > 0 {
		u.first, u.last = d.varint(), d.varint()
	}
	s := d.string()
	if d.err != nil {
		return Customer{}
	}
	if len(s) > 4096 {
		d.fail("amount of %d digits", len(s))
		return Customer{}
	}
	v, err := decimal.NewFromString(s)
	if err != nil || v.String() != s {
		d.fail("amount %q", s)
		return Customer{}
	}
	u.sum = money.Of(v)
	if err := u.valid(); err != nil {
		d.err = err
	}
	return u
}

func (d *decoder) end() error {
	if d.err == nil && len(d.data) > 0 {
		d.fail("%d trailing bytes", len(d.data))
	}
	return d.err
}
