package journey

import (
	"cmp"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/rapportkit/rapport/operations"
)

// Linker.Tally's path: every step is read once, in input order, to
// validate it and make a pointer-free record of it (its group key, which
// is Link's, its arrival, its position, the words of its strings and the
// few facts the tally reads), written straight into the blocks of its
// bucket, the top bits of its key; bucket by bucket, in cache, the
// records are sorted by a counting sort on the next bits and small
// sorts, cut into journeys and tallied, reading steps again only to
// compare the strings of steps of one group whose words differ. The
// records sort as Link's keys, so the journeys, the tally and the first
// error (in key order) are Link's. Input whose arrivals span more than
// fastSpan, and a collision of hashes, take Link's path (slowTally).

// rec is a step as Tally sorts it, in 40 bytes: its group (linkKey.group),
// arrival in nanoseconds from 1970, string words, position and facts.
type rec struct {
	key    uint64
	t      int64
	w1, w2 uint64 // the words of the case and customer, or customer and reason
	idx    uint32
	facts  facts
}

// word is a string's identity: its address and length, or 0 if they do
// not fit in 48 and 16 bits or it is empty. Two strings of one non-zero
// word hold the same bytes, so the steps of one group, whose strings a
// reader interns, are compared without reading them; strings of
// different words are compared by their bytes.
func word(s string) uint64 {
	p := uint64(uintptr(unsafe.Pointer(unsafe.StringData(s))))
	if len(s) == 0 || len(s) >= 1<<16 || p >= 1<<48 {
		return 0
	}
	return p<<16 | uint64(len(s))
}

// facts packs what the tally reads of a step: its channel, handler,
// tier, and whether it was transferred, resolved, answered, digital.
type facts uint16

const (
	factChannel      facts = 0xf // bits 0–3: the channel, 1..numChannels
	factHandlerShift       = 4   // bits 4–5: the handler
	factTierShift          = 6   // bits 6–9: the tier, 0..MaxTier
	factTransfer     facts = 1 << 10
	factResolved     facts = 1 << 11
	factAnswered     facts = 1 << 12
	factDigital      facts = 1 << 13
)

// factsOf packs the facts of a valid step.
func factsOf(s *Step) facts {
	c := &s.Contact
	f := facts(c.Channel) | facts(s.Handler)<<factHandlerShift | facts(s.Tier)<<factTierShift
	if s.TransferredTo != "" {
		f |= factTransfer
	}
	if c.Resolved {
		f |= factResolved
	}
	if c.Outcome == operations.Answered {
		f |= factAnswered
	}
	if c.Channel.Digital() {
		f |= factDigital
	}
	return f
}

func (f facts) channel() int     { return int(f & factChannel) }
func (f facts) handler() Handler { return Handler(f >> factHandlerShift & 3) }
func (f facts) tier() int        { return int(f >> factTierShift & 0xf) }
func (f facts) automated() bool  { return f.handler() != Agent }
func (f facts) has(g facts) bool { return f&g != 0 }
func compareRecs(a, b rec) int {
	return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.t, b.t), cmp.Compare(a.idx, b.idx))
}
func lessRec(a, b *rec) bool {
	return a.key < b.key || a.key == b.key && (a.t < b.t || a.t == b.t && a.idx < b.idx)
}
func (r *rec) after(p *rec) int64 { return r.t - p.t }

const (
	// fastSec bounds the arrivals in seconds from 1970 that the records
	// hold, about ±285 years, so that sec·10⁹ + nsec fits in an int64.
	fastSec = 9_000_000_000
	// fastSpan bounds the seconds from the first arrival to the last,
	// about 126 years, so that every difference of arrivals is below 2⁶²
	// ns, where it is the duration since computes.
	fastSpan = 4_000_000_000
	// tallyParallelFrom is the number of steps from which Tally works on
	// up to maxWorkers cores, as GOMAXPROCS allows.
	tallyParallelFrom = 1 << 15
	maxWorkers        = 8
)

// part is the work of one core over a range of input positions.
type part struct {
	cur            []int32 // the block each bucket fills, −1 for none yet
	minSec, maxSec int64
	alone          Tally // the steps alone, journeys of one step
	touch          byte  // the sum of touchKeys
	err            error
}

// blockLen is the number of records of a block: the records of a bucket
// are blocks of it, where prepare writes them, as many as the bucket
// fills, but one partly filled for each core.
const blockLen = 64

// blocks holds the records, in blocks of blockLen, each of one bucket.
type blocks struct {
	recs   []rec
	bucket []uint32 // the bucket of each block
	n      []uint8  // the records in each block
	next   atomic.Int64
}

// fastTally is Tally on valid linker settings.
func (l Linker) fastTally(steps []Step) (*Tally, error) {
	n := len(steps)
	w := 1
	if n >= tallyParallelFrom {
		w = min(runtime.GOMAXPROCS(0), maxWorkers)
	}
	// Buckets of about 4096 records on the top bits of the keys, below
	// the kind's top bit, which is 0 but for steps alone.
	b1 := uint(min(11, bits.Len(uint(n>>12))))
	shift := 63 - b1
	nb := 1 << b1
	// Every block of a core and bucket is full but its last one.
	nblocks := n/blockLen + w*nb
	bl := &blocks{recs: make([]rec, nblocks*blockLen), bucket: make([]uint32, nblocks), n: make([]uint8, nblocks)}
	parts := make([]part, w)
	each(w, func(j int) {
		parts[j].prepare(l, steps, j*n/w, (j+1)*n/w, bl, shift, nb)
	})
	minSec, maxSec := int64(math.MaxInt64), int64(math.MinInt64)
	for j := range parts {
		if parts[j].err != nil {
			return nil, parts[j].err
		}
		minSec, maxSec = min(minSec, parts[j].minSec), max(maxSec, parts[j].maxSec)
	}
	if minSec <= maxSec && (minSec < -fastSec || maxSec > fastSec || maxSec-minSec > fastSpan) {
		return l.slowTally(steps)
	}

	// The blocks of each bucket, and the records of each.
	used := int(bl.next.Load())
	first := make([]int32, nb+1) // order[first[b]:first[b+1]] are the blocks of bucket b
	size := make([]int, nb)
	for k := range used {
		first[bl.bucket[k]+1]++
		size[bl.bucket[k]] += int(bl.n[k])
	}
	for b := range nb {
		first[b+1] += first[b]
	}
	order := make([]int32, used)
	at := slices.Clone(first[:nb])
	for k := range used {
		order[at[bl.bucket[k]]] = int32(k)
		at[bl.bucket[k]]++
	}

	// Each core sorts, cuts and tallies a run of buckets holding about
	// 1/w of the records, until its first error or collision.
	tallies := make([]Tally, w)
	errs := make([]error, w)
	from := make([]int, w+1)
	total := 0
	for _, m := range size {
		total += m
	}
	for j, b, seen := 1, 0, 0; j < w; j++ {
		for b < nb && seen < j*total/w {
			seen += size[b]
			b++
		}
		from[j] = b
	}
	from[w] = nb
	each(w, func(j int) {
		counts := make([]uint32, 1<<maxSubBits+1)
		var scratch []rec
		for b := from[j]; b < from[j+1]; b++ {
			if size[b] > len(scratch) {
				scratch = make([]rec, max(size[b], 2*len(scratch)))
			}
			bucket := bl.sortBucket(order[first[b]:first[b+1]], scratch[:size[b]], shift, counts)
			if err := l.cutRecords(steps, bucket, &tallies[j]); err != nil {
				errs[j] = err
				return
			}
		}
	})
	for _, err := range errs {
		if err == errCollision {
			return l.slowTally(steps)
		}
		if err != nil {
			return nil, err
		}
	}
	t := new(Tally)
	for j := range w {
		for i := range t.c {
			t.c[i] += tallies[j].c[i] + parts[j].alone.c[i]
		}
	}
	return t, nil
}

// each runs f(0)…f(w−1), on w goroutines if w > 1, and waits for them.
func each(w int, f func(j int)) {
	if w == 1 {
		f(0)
		return
	}
	var wg sync.WaitGroup
	wg.Add(w)
	for j := range w {
		go func() {
			defer wg.Done()
			f(j)
		}()
	}
	wg.Wait()
}

// prepare validates steps[lo:hi], tallies the steps alone and writes the
// records of the others in the blocks of their buckets.
func (p *part) prepare(l Linker, steps []Step, lo, hi int, bl *blocks, shift uint, nb int) {
	p.cur = make([]int32, nb)
	for b := range p.cur {
		p.cur[b] = -1
	}
	p.minSec, p.maxSec = math.MaxInt64, math.MinInt64
	for c := lo; c < hi; c += prefetch {
		p.touch += touchKeys(steps[c:min(c+prefetch, hi)])
		for i := c; i < min(c+prefetch, hi); i++ {
			p.add(l, steps, i, bl, shift)
			if p.err != nil {
				return
			}
		}
	}
}

// prefetch is the number of steps whose strings prepare reads ahead.
const prefetch = 32

// touchKeys reads the first byte of the case or customer of each step and
// returns their sum: many loads in flight at once, so that the hashing of
// the keys, after it, finds them in cache rather than waiting for each in
// turn (the strings of a million customers are scattered far beyond the
// caches).
func touchKeys(steps []Step) byte {
	var sum byte
	for i := range steps {
		s := &steps[i]
		switch {
		case s.Case != "":
			sum += s.Case[0]
		case s.Contact.CustomerID != "":
			sum += s.Contact.CustomerID[0]
		}
	}
	return sum
}

// add validates step i and tallies it alone or writes its record.
func (p *part) add(l Linker, steps []Step, i int, bl *blocks, shift uint) {
	s := &steps[i]
	if err := s.Validate(); err != nil {
		p.err = group.At("step", i, err)
		return
	}
	var key, w1, w2 uint64
	switch {
	case s.Case != "":
		key = byCase | groupHash(0, s.Case)>>2
		w1, w2 = word(s.Case), word(s.Contact.CustomerID)
	case s.Contact.CustomerID != "" && l.Window > 0:
		h := groupHash(0, s.Contact.CustomerID)
		w1 = word(s.Contact.CustomerID)
		if l.ByReason {
			h = groupHash(h, s.Contact.Reason)
			w2 = word(s.Contact.Reason)
		}
		key = byCustomer | h>>2
	default:
		countRecords(&p.alone, []rec{{facts: factsOf(s)}})
		return
	}
	sec := s.Contact.Arrived.Unix()
	p.minSec, p.maxSec = min(p.minSec, sec), max(p.maxSec, sec)
	b := key >> shift
	k := p.cur[b]
	if k < 0 || bl.n[k] == blockLen {
		k = int32(bl.next.Add(1) - 1)
		bl.bucket[k] = uint32(b)
		p.cur[b] = k
	}
	bl.recs[int(k)*blockLen+int(bl.n[k])] = rec{key: key, w1: w1, w2: w2, t: sec*1e9 + int64(s.Contact.Arrived.Nanosecond()), idx: uint32(i), facts: factsOf(s)}
	bl.n[k]++
}

// maxSubBits bounds the second counting sort to 2¹⁶ sub-buckets.
const maxSubBits = 16

// sortBucket sorts the records of one bucket, in the given blocks, of
// keys equal above shift, by key, arrival and position into dst, of their
// number, by a counting sort on the next bits of the key and small sorts,
// with counts, 2^maxSubBits + 1 counters; it returns dst.
func (bl *blocks) sortBucket(blocks []int32, dst []rec, shift uint, counts []uint32) []rec {
	m := len(dst)
	b2 := uint(min(maxSubBits, bits.Len(uint(m>>2))))
	sh := shift - b2
	mask := uint64(1)<<b2 - 1
	cnt := counts[:1<<b2+1]
	clear(cnt)
	for _, k := range blocks {
		for _, r := range bl.recs[int(k)*blockLen : int(k)*blockLen+int(bl.n[k])] {
			cnt[r.key>>sh&mask+1]++
		}
	}
	for k := 1; k < len(cnt); k++ {
		cnt[k] += cnt[k-1]
	}
	for _, k := range blocks {
		for _, r := range bl.recs[int(k)*blockLen : int(k)*blockLen+int(bl.n[k])] {
			d := r.key >> sh & mask
			dst[cnt[d]] = r
			cnt[d]++
		}
	}
	from := uint32(0)
	for _, to := range cnt[:1<<b2] { // cnt[d] is now the end of sub-bucket d
		if to-from > 1 {
			sortRecords(dst[from:to])
		}
		from = to
	}
	return dst
}

// sortRecords sorts records by key, arrival and position: by insertion
// when they are few, as after the counting sorts.
func sortRecords(r []rec) {
	if len(r) > 12 {
		slices.SortFunc(r, compareRecs)
		return
	}
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && lessRec(&r[j], &r[j-1]); j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
}

// cutRecords cuts sorted records, whole groups, into journeys as cut
// does, tallying each, and returns cut's first error, or errCollision.
func (l Linker) cutRecords(steps []Step, r []rec, t *Tally) error {
	maxSpan := int64(cmp.Or(l.MaxSpan, DefaultMaxSpan))
	window := int64(l.Window)
	for a := 0; a < len(r); {
		e := a + 1
		for e < len(r) && r[e].key == r[a].key {
			e++
		}
		if e == a+1 {
			countRecords(t, r[a:e])
			a = e
			continue
		}
		first := a
		kind := r[a].key & kindMask
		for i := a + 1; i < e; i++ {
			k := &r[i]
			fk := &r[first]
			if kind == byCase {
				if k.w1 != fk.w1 || k.w1 == 0 {
					s, f := &steps[k.idx], &steps[fk.idx]
					if s.Case != f.Case {
						return errCollision
					}
				}
				if k.w2 != fk.w2 || k.w2 == 0 {
					if err := caseCustomers(int(k.idx), &steps[k.idx], &steps[fk.idx]); err != nil {
						return err
					}
				}
			} else {
				if k.w1 != fk.w1 || k.w1 == 0 || l.ByReason && (k.w2 != fk.w2 || k.w2 == 0) {
					s, f := &steps[k.idx], &steps[fk.idx]
					if s.Contact.CustomerID != f.Contact.CustomerID || l.ByReason && s.Contact.Reason != f.Contact.Reason {
						return errCollision
					}
				}
				if k.after(&r[i-1]) > window {
					countRecords(t, r[first:i])
					first = i
					continue
				}
			}
			if k.after(&r[first]) > maxSpan {
				return spanError(int(k.idx), &steps[k.idx], &steps[r[first].idx], time.Duration(maxSpan))
			}
		}
		countRecords(t, r[first:e])
		a = e
	}
	return nil
}

// countRecords adds the counters of one journey, its records in order,
// to t, as count does from its steps.
func countRecords(t *Tally, r []rec) {
	c := &t.c
	k := len(r)
	c[cJourneys]++
	c[cSteps] += uint64(k)
	first, last := r[0].facts, r[k-1].facts
	agent, transferred := false, false
	for i := range k {
		f := r[i].facts
		ch := f.channel() - 1
		h := f.handler()
		if f.has(factDigital) {
			c[cDigital]++
		}
		if h != Agent {
			c[cAutomatedSteps]++
		} else {
			agent = true
		}
		next := i+1 < k
		var nf facts
		if next {
			nf = r[i+1].facts
		}
		if f.has(factTransfer) {
			transferred = true
			c[cTransfers]++
			if next && nf.handler() == Agent {
				switch h {
				case Agent:
					c[cAgentToAgent]++
				case Bot:
					c[cBotToAgent]++
					if nf.has(factAnswered) {
						c[cTakenOver]++
					}
				}
			}
		} else {
			c[cBase+ch]++
			if next {
				c[cRepeats+ch*numChannels+nf.channel()-1]++
			}
		}
		if next && h == Agent && nf.handler() == Agent && f.tier() > 0 && nf.tier() > 0 {
			c[cTierPairs]++
			if nf.tier() > f.tier() {
				c[cTierUp]++
			}
		}
	}
	if first.automated() {
		c[cAutomated]++
		switch {
		case agent:
			c[cEscalated]++
		case last.has(factResolved):
			c[cContained]++
		}
	}
	if first.channel() != last.channel() {
		c[cSwitched]++
	}
	if last.has(factResolved) {
		c[cResolved]++
	}
	if transferred {
		c[cTransferred]++
	}
}
