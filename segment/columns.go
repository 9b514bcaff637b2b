package segment

import (
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rapportkit/rapport/internal/group"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// Design of AddColumns, for batches of millions of rows into millions of
// customers, where a per-row lookup misses the CPU caches:
//
//  1. Check and hash each row once, on GOMAXPROCS goroutines, and copy it
//     as a 32-byte pointer-free record (time, amount, the id's first 8
//     bytes, 28 hash bits and the id's length, row) next to the other
//     rows of its partition, given by the top bits of the hash (up to 1024
//     partitions of about 8 Ki rows); each goroutine reads a range of
//     rows, so every partition keeps its rows in their order. Nanoseconds
//     rather than time.Time: the layout of Arrow timestamp[ns] and Parquet
//     TIMESTAMP(NANOS) columns and of a customer's totals, 8 bytes without
//     a pointer (24 with one for time.Time).
//  2. Aggregate the partitions in parallel, each in its own open-addressing
//     table of the batch's customers, small enough for the L2 cache. Ids
//     of up to 8 bytes are compared by their record alone; longer ones
//     in full. A customer already in the collection is looked up once per
//     batch and copied in; each customer's rows are added in their order
//     with the integer money path (128-bit units, big integers after
//     overflow), so sums are the sequential ones, down to their
//     representation (see internal/money).
//  3. Commit: write the copies back and append the new customers, their
//     ids copied into one string per partition (the batch's buffer is not
//     kept). The collection's slots are homed by the top bits of the
//     hash, so partition p inserts into the p-th range of slots, in
//     parallel too.
//
// Nothing depends on the number of goroutines: partitions are fixed by
// the row count, and each customer's rows keep their order. Each chunk
// is checked whole before it is aggregated, and nothing reaches the
// collection before the commit, so a rejected batch changes nothing.
// Timings are in bench/README.md.

// Columns is a batch of transactions in columns, the layout a CSV, Arrow
// or Parquet reader produces: row i is a transaction of customer
// CustomerIDs[i] at the instant At[i] for the amount Amounts[i]·10^Exp.
// The three slices have one element per row.
type Columns struct {
	// CustomerIDs are the customer ids. They may be substrings of one
	// buffer, such as the bytes of a file: the collection copies the ids
	// it keeps and never holds on to the buffer.
	CustomerIDs []string
	// At are the times in Unix nanoseconds (time.Time.UnixNano; an Arrow
	// timestamp[ns] or Parquet TIMESTAMP(NANOS) column), within the years
	// 1678–2262 as for Transaction. There is no missing time: a reader
	// must reject nulls itself.
	At []int64
	// Amounts are the amounts in units of 10^Exp (cents with Exp = −2).
	// A negative amount is a refund, accepted with Options.Refunds.
	Amounts []int64
	// Exp is the decimal exponent of every amount, −64..45, so that every
	// int64 amount keeps the bounds of an amount (at most 64 places,
	// magnitude below 10⁶⁴): an Arrow or Parquet decimal of scale s has
	// Exp = −s.
	Exp int32
}

// The exponents of Columns: −MaxExponent, and MaxExponent less the 19
// digits of an int64.
const (
	minExp = -money.MaxExponent
	maxExp = money.MaxExponent - 19
)

// AddColumns adds a batch of transactions given in columns, all or
// nothing: a rejected batch leaves the collection unchanged. The error
// names the first bad row (from 0) and wraps the reason, in the words of
// Add: ErrID, ErrTime, ErrAmount, or ErrOverflow past 2⁶⁴−1 transactions;
// ErrOverflow past 2³²−1 customers, ErrColumns for slices of unequal
// lengths and ErrAmount for an exponent out of range name no row. As with Add, a purchase after an
// as-of date is only an error when scoring.
//
// The collection ends up as AddAll leaves it given the rows as
// transactions {CustomerIDs[i], time.Unix(0, At[i]), decimal.New(Amounts[i], Exp)}:
// the same customers with the same counts, times and sums, down to their
// representation, so the same encodings and scores, whatever GOMAXPROCS.
//
// It is built for large batches: ids are hashed once, rows are copied
// next to the other rows of their partition (a range of hashes) and the
// partitions, whose customers fit in the CPU cache, are aggregated on
// GOMAXPROCS goroutines, each customer's rows in their order. A customer
// already in the collection costs a random memory access per batch, so
// that batches much smaller than the number of customers (an Arrow record
// batch of 64 Ki rows into a million customers) run at about the speed of
// AddAll: append them into one Columns of millions of rows first.
//
// Memory: the collection takes about 100 bytes per customer plus the ids.
// While it runs, a call needs about 36 bytes per row, for at most 2²⁴
// rows at a time (larger batches go in chunks, each visiting every
// partition again), and 150 bytes per customer of the batch, kept in a
// sync.Pool for the next call.
func (c *Collection) AddColumns(b Columns) error {
	n := len(b.CustomerIDs)
	if len(b.At) != n || len(b.Amounts) != n {
		return fmt.Errorf("%w: %d customer ids, %d times, %d amounts", ErrColumns, n, len(b.At), len(b.Amounts))
	}
	if b.Exp < minExp || b.Exp > maxExp {
		return fmt.Errorf("%w: column exponent %d out of %d..%d", ErrAmount, b.Exp, minExp, maxExp)
	}
	if n == 0 {
		return nil
	}
	a := newAggregator(c, b, runtime.GOMAXPROCS(0))
	defer a.release()
	for lo := 0; lo < n; lo += chunkRows {
		if err := a.chunk(lo, min(n, lo+chunkRows)); err != nil {
			return err
		}
	}
	fresh := 0
	for p := range a.parts {
		fresh += a.parts[p].fresh
	}
	if fresh > maxCustomers-len(c.entries) {
		return fmt.Errorf("%w: the batch brings %d new customers to %d, more than 2³²−1", ErrOverflow, fresh, len(c.entries))
	}
	a.commit()
	c.n += uint64(n)
	return nil
}

// Tuning of AddColumns; variables so that tests can vary them (the result
// never depends on them).
var (
	// chunkRows bounds the rows partitioned at a time (at most 2³²).
	// Every chunk visits every partition's table again, so that batches
	// of more rows are slower.
	chunkRows = 1 << 24
	// rowsPerPartition sets the number of partitions of a chunk: the power
	// of two at least rows/rowsPerPartition, within 1..maxPartitions.
	rowsPerPartition = 1 << 13
	maxPartitions    = 1 << 10
	// minRowsPerWorker keeps small batches on fewer goroutines.
	minRowsPerWorker = 1 << 14
)

// aggregator adds one batch of columns to a collection.
type aggregator struct {
	c       *Collection
	cols    Columns
	seed    maphash.Seed
	refunds bool
	shift   uint // partition of a hash h: h >> shift
	base    int  // the batch row of the chunk's first row
	full    int  // the row that would pass 2⁶⁴−1 transactions, or −1
	workers int
	*scratch
}

// scratch is the memory of one AddColumns call, reused by the next.
type scratch struct {
	parts []part
	lanes []lane // one per worker
	recs  []rec  // the lanes' buffers
}

// lane is one worker's share of a chunk: a range of rows, copied by
// partition. Partition p's rows are bufs[p], then sorted[ovfAt[p]:ovfAt[p+1]]
// for those that did not fit (a skewed partition).
type lane struct {
	bufs   [][]rec
	ovf    []rec
	ovfP   []uint16 // the partitions of ovf
	sorted []rec    // ovf by partition
	ovfAt  []int
	next   []int
	bad    int // the first bad row, or −1
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// rec is one row, copied next to the other rows of its partition. It
// holds no pointer, so that the garbage collector neither scans the
// records nor slows their writes, and it carries the id's first bytes, so
// that ids of up to 8 bytes compare without reading them.
type rec struct {
	at, amount int64
	key        uint64 // idKey
	tag        uint32 // idTag
	row        uint32 // row in the chunk
}

// idKey returns the first 8 bytes of id, little-endian, zero-padded.
func idKey(id string) uint64 {
	if len(id) >= 8 {
		return uint64(id[0]) | uint64(id[1])<<8 | uint64(id[2])<<16 | uint64(id[3])<<24 |
			uint64(id[4])<<32 | uint64(id[5])<<40 | uint64(id[6])<<48 | uint64(id[7])<<56
	}
	var k uint64
	for i := range len(id) {
		k |= uint64(id[i]) << (8 * i)
	}
	return k
}

// idTag returns 28 bits of the hash h of id and, in the low 4 bits, its
// length up to 8 (9 for longer ids). Ids of at most 8 bytes are equal if
// and only if their keys and tags are; longer ones are compared in full.
func idTag(h uint64, id string) uint32 {
	return uint32(h)&^15 | uint32(min(len(id), 9))
}

// part aggregates the rows of one partition: a small open-addressing
// table of the customers seen in the batch, each holding a copy of the
// collection's customer (or a new one) updated row by row and written back
// by commit.
type part struct {
	slots  []slot
	spare  []slot   // the previous table, reused when growing
	locals []local  // by index in slots
	custs  []totals // likewise; apart as the only pointers
	fresh  int      // customers new to the collection
	spills []spill  // for commit
	sink   uint64   // keeps resolve's touching loads
}

// slot is one entry of a partition's table.
type slot struct {
	key uint64 // idKey
	tag uint32 // idTag
	idx uint32 // index in locals + 1; 0 for an empty slot
}

// local is one customer of a partition.
type local struct {
	key    uint64 // idKey
	first  int    // the row of its first transaction in the batch
	global int    // index in the collection's entries, −1 if new
	n      uint32 // the id's length, 9 for more than 8
}

// partSlots is the initial size of a partition's table.
const partSlots = 256

func newAggregator(c *Collection, b Columns, procs int) *aggregator {
	n := len(b.CustomerIDs)
	a := &aggregator{c: c, cols: b, seed: c.seed, refunds: c.opts.Refunds, full: -1}
	if left := math.MaxUint64 - c.n; left < uint64(n) {
		a.full = int(left)
	}
	if a.seed == (maphash.Seed{}) {
		a.seed = maphash.MakeSeed()
	}
	a.scratch = scratchPool.Get().(*scratch)
	chunk := min(n, chunkRows)
	pbits := 0
	if r := chunk / rowsPerPartition; r > 1 {
		pbits = min(bits.Len(uint(r)-1), bits.Len(uint(maxPartitions))-1)
	}
	a.shift = 64 - uint(pbits)
	a.workers = max(1, min(procs, chunk/minRowsPerWorker))
	a.parts = resize(a.parts, 1<<pbits)
	for p := range a.parts {
		pt := &a.parts[p]
		pt.slots = resize(pt.slots, partSlots)
		clear(pt.slots)
		pt.locals, pt.custs = pt.locals[:0], pt.custs[:0]
		pt.fresh = 0
	}
	// Room for the expected rows of each partition and some more; a
	// partition that gets more grows by itself.
	per := chunk/a.workers/len(a.parts) + 1
	per += per/8 + 16
	a.recs = resize(a.recs, a.workers*len(a.parts)*per)
	all := a.recs
	a.lanes = resize(a.lanes, a.workers)
	for w := range a.lanes {
		ln := &a.lanes[w]
		ln.bufs = resize(ln.bufs, len(a.parts))
		for p := range ln.bufs {
			ln.bufs[p], all = all[:0:per], all[per:]
		}
		ln.ovfAt = resize(ln.ovfAt, len(a.parts)+1)
	}
	return a
}

// resize returns s with length n, reallocated if it is too short.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// release returns the scratch memory to the pool, dropping its pointers
// into the collection and the batch.
func (a *aggregator) release() {
	for p := range a.parts {
		clear(a.parts[p].custs)
	}
	for w := range a.lanes {
		clear(a.lanes[w].bufs)
	}
	scratchPool.Put(a.scratch)
	a.scratch = nil
}

// each runs f(p) for every partition p on the workers.
func (a *aggregator) each(f func(p int)) {
	var next atomic.Int64
	parallel(min(a.workers, len(a.parts)), func(int) {
		for {
			p := int(next.Add(1) - 1)
			if p >= len(a.parts) {
				return
			}
			f(p)
		}
	})
}

// chunk validates, partitions and aggregates the rows lo..hi−1.
func (a *aggregator) chunk(lo, hi int) error {
	n := hi - lo
	a.base = lo
	ids, at, amounts := a.cols.CustomerIDs[lo:hi], a.cols.At[lo:hi], a.cols.Amounts[lo:hi]
	// Check every row and copy it to its partition, each worker a range
	// of rows, so that every partition holds its rows in their order.
	parallel(a.workers, func(w int) {
		from, to := n*w/a.workers, n*(w+1)/a.workers
		ln := &a.lanes[w]
		bufs := ln.bufs
		for p := range bufs {
			bufs[p] = bufs[p][:0]
		}
		ln.ovf, ln.ovfP, ln.bad = ln.ovf[:0], ln.ovfP[:0], -1
		for i := from; i < to; i++ {
			id := ids[i]
			if id == "" || at[i] < minNanos || at[i] > maxNanos || (amounts[i] < 0 && !a.refunds) {
				ln.bad = i
				break
			}
			h := maphash.String(a.seed, id)
			p := h >> a.shift
			r := rec{at: at[i], amount: amounts[i], key: idKey(id), tag: idTag(h, id), row: uint32(i)}
			if b := bufs[p]; len(b) < cap(b) {
				bufs[p] = append(b, r)
			} else {
				ln.ovf = append(ln.ovf, r)
				ln.ovfP = append(ln.ovfP, uint16(p))
			}
		}
		ln.sortOverflow()
	})
	// The first bad row, or the row past 2⁶⁴−1 transactions if it comes
	// first, rejects the batch: nothing to aggregate.
	bad := -1
	for w := range a.lanes {
		if i := a.lanes[w].bad; i >= 0 {
			bad = lo + i
			break
		}
	}
	if a.full >= lo && a.full < hi && (bad < 0 || a.full < bad) {
		return group.At("row", a.full, fmt.Errorf("%w: customer %q: the collection has 2⁶⁴−1 transactions", ErrOverflow, a.cols.CustomerIDs[a.full]))
	}
	if bad >= 0 {
		return a.rowError(bad)
	}
	a.each(func(p int) {
		for w := range a.lanes {
			ln := &a.lanes[w]
			a.aggregate(&a.parts[p], ln.bufs[p], ids)
			a.aggregate(&a.parts[p], ln.sorted[ln.ovfAt[p]:ln.ovfAt[p+1]], ids)
		}
	})
	return nil
}

// sortOverflow sorts the rows that did not fit their partition's buffer
// by partition, keeping their order (a counting sort).
func (ln *lane) sortOverflow() {
	at := ln.ovfAt
	clear(at)
	for _, p := range ln.ovfP {
		at[p+1]++
	}
	for p := 1; p < len(at); p++ {
		at[p] += at[p-1]
	}
	ln.sorted = resize(ln.sorted, len(ln.ovf))
	ln.next = append(ln.next[:0], at[:len(at)-1]...)
	for k, p := range ln.ovfP {
		ln.sorted[ln.next[p]] = ln.ovf[k]
		ln.next[p]++
	}
}

// rowError explains why row i failed the checks, with the words of Add.
func (a *aggregator) rowError(i int) error {
	t := Transaction{
		CustomerID: a.cols.CustomerIDs[i],
		At:         time.Unix(0, a.cols.At[i]),
		Amount:     decimal.New(a.cols.Amounts[i], a.cols.Exp),
	}
	_, _, err := t.check(a.refunds)
	if err == nil {
		err = fmt.Errorf("%w: %d ns", ErrTime, a.cols.At[i]) // unreachable: the checks agree
	}
	return group.At("row", i, err)
}

// aggregate adds the rows of one partition of the chunk whose ids are
// ids. Into an empty collection it adds each row to its customer as it
// finds it; otherwise in three passes: find every row's customer in the
// partition, adding the new ones (the row's key becomes the customer's
// index); look the new ones up in the collection all together (resolve);
// then add the rows in their order. No count can overflow: a customer
// has at most the collection's transactions, which AddColumns bounds.
func (a *aggregator) aggregate(pt *part, recs []rec, ids []string) {
	from := len(pt.locals)
	if len(a.c.entries) == 0 {
		for b := 0; b < len(recs); b += touchBlock {
			block := recs[b:min(b+touchBlock, len(recs))]
			pt.touch(block, ids)
			for k := range block {
				r := &block[k]
				pt.add(a, r, pt.index(a, r, ids))
			}
		}
		pt.fresh += len(pt.locals) - from
		return
	}
	for b := 0; b < len(recs); b += touchBlock {
		block := recs[b:min(b+touchBlock, len(recs))]
		pt.touch(block, ids)
		for k := range block {
			r := &block[k]
			r.key = uint64(pt.index(a, r, ids))
		}
	}
	a.resolve(pt, from)
	for k := range recs {
		r := &recs[k]
		pt.add(a, r, int(r.key))
	}
}

// touchBlock is the number of rows whose long ids touch reads together.
const touchBlock = 32

// touch reads the ids longer than 8 bytes of a block of rows, which
// index will compare in full: first their string headers, then their
// first bytes, in loops short enough for the cache misses of the whole
// block to be in flight together instead of one after the other.
func (pt *part) touch(block []rec, ids []string) {
	var sink uint64
	for k := range block {
		if block[k].tag&15 > 8 {
			sink += uint64(len(ids[block[k].row]))
		}
	}
	for k := range block {
		if block[k].tag&15 > 8 {
			sink += uint64(ids[block[k].row][0])
		}
	}
	pt.sink += sink
}

// index returns the index of r's customer in the partition, adding it if
// new. An empty slot (tag 0) never matches, ids being non-empty; ids of
// more than 8 bytes are compared in full.
func (pt *part) index(a *aggregator, r *rec, ids []string) int {
	mask := uint32(len(pt.slots) - 1)
	for p := r.tag >> 4 & mask; ; p = (p + 1) & mask {
		s := &pt.slots[p]
		if s.key == r.key && s.tag == r.tag &&
			(r.tag&15 <= 8 || ids[r.row] == a.cols.CustomerIDs[pt.locals[s.idx-1].first]) {
			return int(s.idx - 1)
		}
		if s.idx == 0 {
			return pt.insert(a, r)
		}
	}
}

// add adds the row r to the partition's customer i.
func (pt *part) add(a *aggregator, r *rec, i int) {
	u := &pt.custs[i]
	if r.amount < 0 {
		u.refunds++
	} else {
		u.count(r.at)
	}
	u.sum.AddUnits(r.amount, a.cols.Exp)
}

// insert adds r's customer, not in the partition, and returns its index.
func (pt *part) insert(a *aggregator, r *rec) int {
	if 2*(len(pt.locals)+1) > len(pt.slots) {
		pt.grow()
	}
	mask := uint32(len(pt.slots) - 1)
	p := r.tag >> 4 & mask
	for pt.slots[p].idx != 0 {
		p = (p + 1) & mask
	}
	pt.locals = append(pt.locals, local{key: r.key, first: a.base + int(r.row), global: -1, n: r.tag & 15})
	pt.custs = append(pt.custs, totals{})
	pt.slots[p] = slot{key: r.key, tag: r.tag, idx: uint32(len(pt.locals))}
	return len(pt.locals) - 1
}

// resolveGroup is the number of customers resolve looks up together.
const resolveGroup = 16

// resolve looks up the partition's customers from index from on in the
// collection and copies those it has. The lookups go in stages over
// groups of customers (read the ids; hash them and touch their slots;
// touch the candidate entries and their ids; compare and copy), so that
// the cache misses of a group are in flight together.
func (a *aggregator) resolve(pt *part, from int) {
	c := a.c
	if len(c.entries) == 0 {
		pt.fresh += len(pt.locals) - from
		return
	}
	ids := a.cols.CustomerIDs
	shift := c.shift()
	var hs [resolveGroup]uint64
	var cand [resolveGroup]int
	var sink uint64
	for g := from; g < len(pt.locals); g += resolveGroup {
		ls := pt.locals[g:min(g+resolveGroup, len(pt.locals))]
		for k := range ls {
			sink += uint64(len(ids[ls[k].first]))
		}
		for k := range ls {
			sink += uint64(ids[ls[k].first][0])
		}
		for k := range ls {
			hs[k] = maphash.String(a.seed, ids[ls[k].first])
			sink += c.slots[hs[k]>>shift]
		}
		for k := range ls {
			cand[k] = -1
			if s := c.slots[hs[k]>>shift]; s != 0 && s&tagMask == tag(hs[k]) {
				cand[k] = int(uint32(s)) - 1
				sink += uint64(len(c.entries[cand[k]].id))
			}
		}
		for k := range ls {
			if i := cand[k]; i >= 0 && len(c.entries[i].id) > 0 {
				sink += uint64(c.entries[i].id[0])
			}
		}
		for k := range ls {
			l := &ls[k]
			if l.global = c.find(hs[k], ids[l.first]); l.global >= 0 {
				pt.custs[g+k] = c.entries[l.global].totals
			} else {
				pt.fresh++
			}
		}
	}
	pt.sink += sink
}

// grow doubles the partition's table.
func (pt *part) grow() {
	old := pt.slots
	pt.slots = resize(pt.spare, 2*len(old))
	clear(pt.slots)
	mask := uint32(len(pt.slots) - 1)
	for _, s := range old {
		if s.idx == 0 {
			continue
		}
		p := s.tag >> 4 & mask
		for pt.slots[p].idx != 0 {
			p = (p + 1) & mask
		}
		pt.slots[p] = s
	}
	pt.spare = old
}

// commit writes the partitions' customers into the collection: updated
// customers in place, new ones appended partition by partition, each
// partition's in the order of their first row, with their ids copied into
// one string per partition. Partition p's hashes start in the p-th range
// of the collection's slots (see Collection.shift), so that partitions
// insert their customers in parallel; one whose search would leave the
// range waits for a last sequential pass.
func (a *aggregator) commit() {
	c := a.c
	start := make([]int, len(a.parts))
	fresh := len(c.entries)
	for p := range a.parts {
		start[p] = fresh
		fresh += a.parts[p].fresh
	}
	c.seed = a.seed
	c.reserve(fresh)
	c.entries = slices.Grow(c.entries, fresh-len(c.entries))[:fresh]
	shift, mask := c.shift(), uint64(len(c.slots)-1)
	pshift := a.shift // 64 − log₂ partitions
	ids := a.cols.CustomerIDs
	a.each(func(p int) {
		pt := &a.parts[p]
		size := 0
		for i := range pt.locals {
			l := &pt.locals[i]
			switch {
			case l.global >= 0:
				c.entries[l.global].totals = pt.custs[i]
			case l.n <= 8:
				size += int(l.n)
			default:
				size += len(ids[l.first])
			}
		}
		var b strings.Builder
		b.Grow(size)
		for i := range pt.locals {
			l := &pt.locals[i]
			switch {
			case l.global >= 0:
			case l.n <= 8:
				k := l.key
				for range l.n {
					b.WriteByte(byte(k))
					k >>= 8
				}
			default:
				b.WriteString(ids[l.first])
			}
		}
		// The end of partition p's slots, when partitions span whole slots.
		hi := uint64(0)
		if shift <= pshift {
			hi = uint64(p+1) << (pshift - shift)
		}
		arena, at, j := b.String(), 0, start[p]
		for i := range pt.locals {
			l := &pt.locals[i]
			if l.global >= 0 {
				continue
			}
			n := int(l.n)
			if n > 8 {
				n = len(ids[l.first])
			}
			id := arena[at : at+n]
			at += n
			c.entries[j] = Customer{id: id, totals: pt.custs[i]}
			h := maphash.String(a.seed, id)
			q := h >> shift
			for q < hi && c.slots[q] != 0 {
				q++
			}
			if q < hi {
				c.slots[q] = tag(h) | uint64(j+1)
			} else {
				pt.spills = append(pt.spills, spill{h, j})
			}
			j++
		}
	})
	for p := range a.parts {
		pt := &a.parts[p]
		for _, s := range pt.spills {
			q := s.hash >> shift
			for c.slots[q] != 0 {
				q = (q + 1) & mask
			}
			c.slots[q] = tag(s.hash) | uint64(s.index+1)
		}
		pt.spills = pt.spills[:0]
	}
}

// spill is a new customer left to commit's sequential pass.
type spill struct {
	hash  uint64
	index int
}
