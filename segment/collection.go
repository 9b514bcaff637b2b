package segment

import (
	"fmt"
	"hash/maphash"
	"iter"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/rapportkit/rapport/internal/group"
)

// Collection holds one Customer per customer id. It keeps the rapport
// accumulator contract (see the package documentation); its items are
// Transactions, and N counts them. Its zero value is empty with default
// Options (refunds rejected). It grows with the number of customers,
// never with the number of transactions, and collections merge in any
// order with identical results, so that the aggregates of partitions of
// the data (machines, days, files) combine exactly. A collection holds at
// most 2³²−1 customers and 2⁶⁴−1 transactions (ErrOverflow).
type Collection struct {
	// The customers are kept in an open-addressing hash table built for
	// this one job; AddAll feeds it in batches whose memory loads
	// overlap, which made aggregation about twice as fast as a Go map of
	// customers on data larger than the CPU caches (BenchmarkSummarize10M,
	// bench/README.md). A customer's id sits next to its totals, so that
	// a lookup touches one place.
	opts    Options
	n       uint64 // transactions
	seed    maphash.Seed
	slots   []uint64 // 0 empty, else hash tag (high 32 bits) | index+1
	entries []Customer
}

// maxCustomers bounds the customers of a collection: a slot holds an
// index + 1 in 32 bits.
const maxCustomers = math.MaxUint32

// NewCollection returns an empty collection reading transactions with
// options o.
func NewCollection(o Options) *Collection {
	return &Collection{opts: o}
}

// Options returns the collection's options.
func (c *Collection) Options() Options { return c.opts }

// NumCustomers returns the number of customers.
func (c *Collection) NumCustomers() int { return len(c.entries) }

// N returns the number of transactions added: purchases and refunds.
func (c *Collection) N() uint64 { return c.n }

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

// Grow makes room for n more customers without rehashing, about 100
// bytes each (up to the bound of 2³²−1 customers).
func (c *Collection) Grow(n int) {
	n = min(n, maxCustomers-len(c.entries))
	if n <= 0 {
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
			c.entries = append(c.entries, Customer{id: id})
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
// negative and the options allow refunds. It fails with the errors of
// Customer.Add, ErrAmount for a refund the options do not allow, and
// ErrOverflow past 2⁶⁴−1 transactions or 2³²−1 customers, and then
// changes nothing.
func (c *Collection) Add(t Transaction) error {
	ns, a, err := t.check(c.opts.Refunds)
	if err != nil {
		return err
	}
	if c.n == math.MaxUint64 {
		return fmt.Errorf("%w: customer %q: the collection has 2⁶⁴−1 transactions", ErrOverflow, t.CustomerID)
	}
	c.reserve(len(c.entries) + 1)
	h := maphash.String(c.seed, t.CustomerID)
	if len(c.entries) == maxCustomers && c.find(h, t.CustomerID) < 0 {
		return fmt.Errorf("%w: customer %q: the collection has 2³²−1 customers", ErrOverflow, t.CustomerID)
	}
	c.entries[c.upsert(h, t.CustomerID)].add(ns, a)
	c.n++
	return nil
}

// batchSize is the number of transactions AddAll looks up together.
const batchSize = 32

// batch holds transactions on their way into the table. Looking them up
// in stages (hash and touch the slot; touch the candidate customer; touch
// its id; update) lets the CPU overlap the cache misses of a whole batch
// instead of waiting for each in turn.
type batch struct {
	id     [batchSize]string
	amount [batchSize]amount
	ns     [batchSize]int64
	hash   [batchSize]uint64
	cand   [batchSize]int32
	n      int
	sink   uint64 // keeps the touching loads alive
}

// AddAll adds transactions in order. On the first bad transaction it
// stops with an error naming its position (from 0), the error of Add;
// the transactions before it have been added, none after.
func (c *Collection) AddAll(transactions iter.Seq[Transaction]) error {
	var b batch
	i := 0
	var err error
	for t := range transactions {
		ns, a, e := t.check(c.opts.Refunds)
		if e == nil && c.n+uint64(b.n) == math.MaxUint64 {
			e = fmt.Errorf("%w: customer %q: the collection has 2⁶⁴−1 transactions", ErrOverflow, t.CustomerID)
		}
		if e != nil {
			err = group.At("transaction", i, e)
			break
		}
		b.id[b.n], b.amount[b.n], b.ns[b.n] = t.CustomerID, a, ns
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
		b.hash[k] = maphash.String(c.seed, b.id[k])
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
		h, id := b.hash[k], b.id[k]
		if len(c.entries) == maxCustomers && c.find(h, id) < 0 {
			b.n = 0
			return fmt.Errorf("transaction %d: %w: customer %q: the collection has 2³²−1 customers", start+k, ErrOverflow, id)
		}
		c.entries[c.upsert(h, id)].add(b.ns[k], b.amount[k])
		c.n++
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
	return c.entries[i], true
}

// Merge adds every customer of o to c; Merge(nil) does nothing and
// c.Merge(c) doubles c. Collections with different Options do not merge
// (ErrMismatch); nor do they past the bounds (ErrOverflow). A rejected
// merge changes nothing.
func (c *Collection) Merge(o *Collection) error {
	if o == nil {
		return nil
	}
	if c.opts != o.opts {
		return fmt.Errorf("%w: collection with options %+v merged into one with %+v", ErrMismatch, o.opts, c.opts)
	}
	if c.n > math.MaxUint64-o.n {
		return fmt.Errorf("%w: more than 2⁶⁴−1 transactions", ErrOverflow)
	}
	if o == c {
		o = c.Clone()
	}
	fresh := len(o.entries)
	if len(c.entries) > 0 {
		fresh = 0
		for i := range o.entries {
			if id := o.entries[i].id; c.find(maphash.String(c.seed, id), id) < 0 {
				fresh++
			}
		}
	}
	if fresh > maxCustomers-len(c.entries) {
		return fmt.Errorf("%w: more than 2³²−1 customers", ErrOverflow)
	}
	c.reserve(len(c.entries) + fresh)
	for i := range o.entries {
		e := &o.entries[i]
		j := c.upsert(maphash.String(c.seed, e.id), e.id)
		c.entries[j].merge(&e.totals)
	}
	c.n += o.n
	return nil
}

// Clone returns an independent copy of c.
func (c *Collection) Clone() *Collection {
	return &Collection{
		opts:    c.opts,
		n:       c.n,
		seed:    c.seed,
		slots:   slices.Clone(c.slots),
		entries: slices.Clone(c.entries),
	}
}

// order returns the customer indices in ascending id order.
func (c *Collection) order() []uint32 {
	idx := make([]uint32, len(c.entries))
	for i := range idx {
		idx[i] = uint32(i)
	}
	slices.SortFunc(idx, func(a, b uint32) int { return strings.Compare(c.entries[a].id, c.entries[b].id) })
	return idx
}

// Customers yields every customer in ascending id order (byte-wise), so
// that the output never depends on the order of the transactions. It
// sorts the ids first: O(n log n).
func (c *Collection) Customers() iter.Seq[Customer] {
	return func(yield func(Customer) bool) {
		for _, i := range c.order() {
			if !yield(c.entries[i]) {
				return
			}
		}
	}
}
