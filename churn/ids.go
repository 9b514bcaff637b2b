package churn

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"iter"
	"math/bits"
	"slices"

	"github.com/rapportkit/rapport/internal/group"
)

// checkedAll is checked for a consumer that cannot fail on a valid
// customer: it yields every valid customer, repeated ids included, and
// finds the first repeated id after the fact, by sorting hashes rather
// than by one map operation a customer. At the end, or at the first
// invalid customer, it sets *err to the first problem in order, as
// checked does; the consumer then discards what it made.
func checkedAll(customers iter.Seq[Customer], err *error) iter.Seq[Customer] {
	return func(yield func(Customer) bool) {
		ids := idCheck{seed: maphash.MakeSeed()}
		i := 0
		for c := range customers {
			if e := c.Validate(); e != nil {
				if *err = ids.first(); *err == nil {
					*err = group.At("customer", i, e)
				}
				return
			}
			ids.add(c.ID)
			i++
			if !yield(c) {
				return
			}
		}
		*err = ids.first()
	}
}

// idCheck collects ids with their positions to find the first one
// repeated. They are kept in blocks of a fixed size, so that a long
// sequence (whose length an iter.Seq does not tell) is never copied to
// grow.
type idCheck struct {
	seed   maphash.Seed
	ids    [][]string // the id at position i is ids[i/idBlock][i%idBlock]
	hashes [][]uint64 // and its hash, in blocks of the same shape
	n      int
}

const idBlock = 1 << 12

type idRecord struct {
	h uint64
	i int
}

func (c *idCheck) add(id string) { c.put(id, maphash.String(c.seed, id)) }

// put adds the id at the next position with its hash.
func (c *idCheck) put(id string, h uint64) {
	if c.n%idBlock == 0 {
		c.ids = append(c.ids, make([]string, 0, idBlock))
		c.hashes = append(c.hashes, make([]uint64, 0, idBlock))
	}
	b := len(c.ids) - 1
	c.ids[b] = append(c.ids[b], id)
	c.hashes[b] = append(c.hashes[b], h)
	c.n++
}

// id returns the id at position i.
func (c *idCheck) id(i int) string { return c.ids[i/idBlock][i%idBlock] }

// first returns the error of checked for the first repeated id (the
// lowest position whose id comes earlier), or nil if none repeats.
//
// Equal hashes are brought together by a counting sort on the top bits of
// the hash into buckets of about 16 records, each then sorted in cache.
func (c *idCheck) first() error {
	n := c.n
	shift := uint(64 - min(bits.Len(uint(n/16)), 20))
	starts := make([]int, 1<<(64-shift)+1)
	for _, hs := range c.hashes {
		for _, h := range hs {
			starts[h>>shift+1]++
		}
	}
	for b := 1; b < len(starts); b++ {
		starts[b] += starts[b-1]
	}
	sorted := make([]idRecord, n)
	next := slices.Clone(starts[:len(starts)-1])
	i := 0
	for _, hs := range c.hashes {
		for _, h := range hs {
			sorted[next[h>>shift]] = idRecord{h, i}
			next[h>>shift]++
			i++
		}
	}
	at, first := -1, -1
	for b := range len(starts) - 1 {
		bucket := sorted[starts[b]:starts[b+1]]
		slices.SortFunc(bucket, func(x, y idRecord) int { return cmp.Compare(x.h, y.h) })
		for k := 1; k < len(bucket); k++ {
			if bucket[k].h != bucket[k-1].h {
				continue
			}
			// Equal hashes: equal ids, but for a collision. Take the run of
			// the hash and group it by id, each group in order of position.
			e := k + 1
			for e < len(bucket) && bucket[e].h == bucket[k].h {
				e++
			}
			run := bucket[k-1 : e]
			slices.SortFunc(run, func(x, y idRecord) int { return cmp.Or(cmp.Compare(c.id(x.i), c.id(y.i)), cmp.Compare(x.i, y.i)) })
			for r := 1; r < len(run); r++ {
				fresh := r < 2 || c.id(run[r-1].i) != c.id(run[r-2].i) // run[r-1] opens its group
				if c.id(run[r].i) == c.id(run[r-1].i) && fresh && (at < 0 || run[r].i < at) {
					at, first = run[r].i, run[r-1].i
				}
			}
			k = e - 1
		}
	}
	if at < 0 {
		return nil
	}
	return group.At("customer", at, fmt.Errorf("%w: %q (positions %d and %d)", ErrDuplicateID, c.id(at), first, at))
}
