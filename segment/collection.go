package segment

import (
	"fmt"
	"hash/maphash"
	"iter"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// Collection holds one Customer per customer id. Its zero value is empty
// with default Options (refunds rejected). It grows with the number of
// customers, never with the number of transactions, and collections merge
// in any order with identical results, so that the aggregates of
// partitions of the data (machines, days, files) combine exactly. A
// rejected Add, Merge or decode leaves the collection unchanged.
//
// Customer ids are kept in an open-addressing hash table built for this
// one job; AddAll feeds it in batches whose memory loads overlap, which
// made aggregation about twice as fast as a Go map of customers on data
// larger than the CPU caches (BenchmarkSummarize10M). AddColumns, for
// batches in columns, is ten times faster again (see Columns in the
// package documentation). Grow presizes the table.
type Collection struct {
	opts    Options
	seed    maphash.Seed
	slots   []uint64 // 0 empty, else hash tag (high 32 bits) | index+1
	entries []entry
}

// entry is one customer with its id, side by side so that a lookup
// touches one place.
type entry struct {
	id string
	Customer
}

// NewCollection returns an empty collection reading transactions with
// options o.
func NewCollection(o Options) *Collection {
	return &Collection{opts: o}
}

// Options returns the collection's options.
func (c *Collection) Options() Options { return c.opts }

// Len returns the number of customers.
func (c *Collection) Len() int { return len(c.entries) }

const (
	tagMask  = ^uint64(math.MaxUint32)
	minSlots = 64
)

// A slot holds the low 32 bits of a customer's hash (tag) over its index
// + 1. The search for a hash starts at the slot numbered by its top bits
// (home), so that a range of hashes, one of AddColumns' partitions, sits
// in one range of slots.

// shift returns the shift of a hash to its home slot.
func (c *Collection) shift() uint { return uint(bits.LeadingZeros64(uint64(len(c.slots) - 1))) }

// tag returns the bits of hash h that a slot keeps.
func tag(h uint64) uint64 { return h << 32 }

// Grow makes room for n more customers without rehashing.
func (c *Collection) Grow(n int) {
	if n < 0 {
		return
	}
	c.reserve(len(c.entries) + n)
	c.entries = slices.Grow(c.entries, n)
}

// reserve makes the table large enough for n customers at a load of at
// most one half.
func (c *Collection) reserve(n int) {
	if c.seed == (maphash.Seed{}) {
		c.seed = maphash.MakeSeed()
	}
	size := max(len(c.slots), minSlots)
	for size < 2*n {
		size *= 2
	}
	if size == len(c.slots) {
		return
	}
	c.slots = make([]uint64, size)
	mask, shift := uint64(size-1), c.shift()
	for i := range c.entries {
		h := maphash.String(c.seed, c.entries[i].id)
		p := h >> shift
		for c.slots[p] != 0 {
			p = (p + 1) & mask
		}
		c.slots[p] = tag(h) | uint64(i+1)
	}
}

// find returns the index of id, hashed to h, or −1.
func (c *Collection) find(h uint64, id string) int {
	if len(c.slots) == 0 {
		return -1
	}
	mask := uint64(len(c.slots) - 1)
	for p := h >> c.shift(); ; p = (p + 1) & mask {
		s := c.slots[p]
		if s == 0 {
			return -1
		}
		if s&tagMask == tag(h) {
			if i := int(uint32(s)) - 1; c.entries[i].id == id {
				return i
			}
		}
	}
}

// upsert returns the index of id, hashed to h, inserting an empty
// customer if needed. The table must have room for one more customer.
func (c *Collection) upsert(h uint64, id string) int {
	mask := uint64(len(c.slots) - 1)
	for p := h >> c.shift(); ; p = (p + 1) & mask {
		s := c.slots[p]
		if s == 0 {
			c.entries = append(c.entries, entry{id: id})
			c.slots[p] = tag(h) | uint64(len(c.entries))
			return len(c.entries) - 1
		}
		if s&tagMask == tag(h) {
			if i := int(uint32(s)) - 1; c.entries[i].id == id {
				return i
			}
		}
	}
}

// Add adds one transaction: a purchase, or a refund if the amount is
// negative and the options allow refunds.
func (c *Collection) Add(t Transaction) error {
	ns, err := c.opts.check(&t)
	if err != nil {
		return err
	}
	c.reserve(len(c.entries) + 1)
	h := maphash.String(c.seed, t.CustomerID)
	i := c.find(h, t.CustomerID)
	if i >= 0 && !c.entries[i].fits(&t) {
		return fmt.Errorf("customer %q: %w", t.CustomerID, ErrOverflow)
	}
	c.entries[c.upsert(h, t.CustomerID)].add(ns, &t)
	return nil
}

// fits reports whether one more transaction like t can be counted.
func (u *Customer) fits(t *Transaction) bool {
	if t.Amount.Sign() < 0 {
		return u.refunds < math.MaxUint64
	}
	return u.purchases < math.MaxUint64
}

// add records a validated transaction at ns.
func (u *Customer) add(ns int64, t *Transaction) {
	if t.Amount.Sign() < 0 {
		u.refunds++
		u.sum.Add(t.Amount)
		return
	}
	u.purchase(ns, t.Amount)
}

// batchSize is the number of transactions AddAll looks up together.
const batchSize = 32

// batch holds transactions on their way into the table. Looking them up
// in stages (hash and touch the slot; touch the candidate customer; touch
// its id; update) lets the CPU overlap the cache misses of a whole batch
// instead of waiting for each in turn.
type batch struct {
	tx   [batchSize]Transaction
	ns   [batchSize]int64
	hash [batchSize]uint64
	cand [batchSize]int32
	n    int
	sink uint64 // keeps the touching loads alive
}

// AddAll adds transactions in order. On the first bad transaction it
// stops with an error naming its position (from 0); the transactions
// before it have been added, none after. A customer count overflow stops
// it likewise (it needs 2⁶⁴ purchases of one customer).
func (c *Collection) AddAll(transactions iter.Seq[Transaction]) error {
	var b batch
	i := 0
	var err error
	for t := range transactions {
		ns, e := c.opts.check(&t)
		if e != nil {
			err = fmt.Errorf("transaction %d: %w", i, e)
			break
		}
		b.tx[b.n], b.ns[b.n] = t, ns
		b.n++
		i++
		if b.n == batchSize {
			if err = c.flush(&b, i-b.n); err != nil {
				return err
			}
		}
	}
	if e := c.flush(&b, i-b.n); e != nil {
		return e
	}
	return err
}

// flush adds the batch; start is the position of its first transaction.
func (c *Collection) flush(b *batch, start int) error {
	if b.n == 0 {
		return nil
	}
	c.reserve(len(c.entries) + b.n)
	shift := c.shift()
	var sink uint64
	// Each stage is a tight loop of independent loads, so that the misses
	// of the whole batch are in flight together.
	for k := range b.n {
		b.hash[k] = maphash.String(c.seed, b.tx[k].CustomerID)
	}
	for k := range b.n {
		sink += c.slots[b.hash[k]>>shift]
	}
	for k := range b.n {
		b.cand[k] = -1
		h := b.hash[k]
		if s := c.slots[h>>shift]; s != 0 && s&tagMask == tag(h) {
			i := int32(uint32(s)) - 1
			b.cand[k] = i
			sink += uint64(len(c.entries[i].id))
		}
	}
	for k := range b.n {
		if i := b.cand[k]; i >= 0 && len(c.entries[i].id) > 0 {
			sink += uint64(c.entries[i].id[0])
		}
	}
	b.sink += sink
	for k := range b.n {
		t := &b.tx[k]
		u := &c.entries[c.upsert(b.hash[k], t.CustomerID)].Customer
		if !u.fits(t) {
			return fmt.Errorf("transaction %d: customer %q: %w", start+k, t.CustomerID, ErrOverflow)
		}
		u.add(b.ns[k], t)
	}
	b.n = 0
	return nil
}

// Get returns the customer with the given id.
func (c *Collection) Get(id string) (Customer, bool) {
	if len(c.slots) == 0 {
		return Customer{}, false
	}
	i := c.find(maphash.String(c.seed, id), id)
	if i < 0 {
		return Customer{}, false
	}
	return c.entries[i].Customer, true
}

// Merge adds every customer of o to c. With refunds disallowed in c, a
// collection holding refunds is rejected (ErrNegativeAmount).
func (c *Collection) Merge(o *Collection) error {
	if o == c {
		o = c.Clone()
	}
	if !c.opts.Refunds && o.opts.Refunds {
		for i := range o.entries {
			if e := &o.entries[i]; e.refunds > 0 || e.sum.Sign() < 0 {
				return fmt.Errorf("customer %q: %w: merging refunds into a collection that rejects them", e.id, ErrNegativeAmount)
			}
		}
	}
	for i := range o.entries {
		e := &o.entries[i]
		if u, ok := c.Get(e.id); ok {
			if err := u.Merge(&e.Customer); err != nil {
				return fmt.Errorf("customer %q: %w", e.id, err)
			}
		}
	}
	c.reserve(len(c.entries) + len(o.entries))
	for i := range o.entries {
		e := &o.entries[i]
		j := c.upsert(maphash.String(c.seed, e.id), e.id)
		c.entries[j].merge(&e.Customer)
	}
	return nil
}

// Clone returns an independent copy of c.
func (c *Collection) Clone() *Collection {
	return &Collection{
		opts:    c.opts,
		seed:    c.seed,
		slots:   slices.Clone(c.slots),
		entries: slices.Clone(c.entries),
	}
}

// order returns the customer indices in ascending id order.
func (c *Collection) order() []int32 {
	idx := make([]int32, len(c.entries))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return strings.Compare(c.entries[a].id, c.entries[b].id) })
	return idx
}

// All yields every customer in ascending id order (byte-wise), so that
// the output never depends on the order of the transactions. It sorts
// the ids first: O(n log n).
func (c *Collection) All() iter.Seq2[string, Customer] {
	return func(yield func(string, Customer) bool) {
		for _, i := range c.order() {
			if !yield(c.entries[i].id, c.entries[i].Customer) {
				return
			}
		}
	}
}

// hashOf hashes id with the collection's seed.
func hashOf(c *Collection, id string) uint64 { return maphash.String(c.seed, id) }
