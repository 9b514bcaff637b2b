package churn

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"math/bits"
	"slices"
	"sync"

	"github.com/rapportkit/rapport/internal/group"
)

// idCheck collects ids to find, after the fact, the first one repeated:
// rather than one map operation a customer, every id is hashed, the
// hashes are partitioned by their top bits into parts that fit in the
// cache, and each part is checked for equal hashes with a small table;
// only ids whose hashes met are compared. The ids are kept in blocks of a
// fixed size, so that a long sequence (whose length an iter.Seq does not
// tell) is never copied to grow, and a full block is hashed by a second
// goroutine while the sequence is read on.
type idCheck struct {
	seed   maphash.Seed
	ids    [][]string // the id at position i is ids[i/idBlock][i%idBlock]
	n      int
	hashes [][]uint64 // hashes[b][k]: the hash of ids[b][k], once finished
	top    [1 << topBits]int
	// hashOf replaces maphash in tests, to make hashes collide.
	hashOf func(string) uint64

	blocks  chan []string // full blocks to the hasher, once started
	done    chan struct{} // closed when the hasher has hashed them all
	from    [][]uint64    // the hasher's hashes and counts by top bits
	fromTop [1 << topBits]int
}

const (
	idBlock = 1 << 12
	// topBits is how many top bits of a hash are counted as ids come:
	// the finest partition of the check.
	topBits = 10
	// partSize is the number of hashes a part aims at: its table of
	// twice as many slots is 64 KiB.
	partSize = 1 << 12
)

func newIDCheck() *idCheck { return &idCheck{seed: maphash.MakeSeed()} }

// add adds the id at the next position.
func (c *idCheck) add(id string) {
	if c.n%idBlock == 0 {
		if c.n > 0 {
			c.handOff(c.ids[len(c.ids)-1])
		}
		c.ids = append(c.ids, make([]string, 0, idBlock))
	}
	b := len(c.ids) - 1
	c.ids[b] = append(c.ids[b], id)
	c.n++
}

// handOff gives a full block to the hasher, started with the first.
func (c *idCheck) handOff(block []string) {
	if c.blocks == nil {
		c.blocks = make(chan []string, 16)
		c.done = make(chan struct{})
		go func() {
			defer close(c.done)
			for b := range c.blocks {
				c.from = append(c.from, c.hash(b, &c.fromTop))
			}
		}()
	}
	c.blocks <- block
}

// hash returns the hashes of a block of ids and counts them in top.
func (c *idCheck) hash(ids []string, top *[1 << topBits]int) []uint64 {
	hs := make([]uint64, len(ids))
	if c.hashOf != nil {
		for k, id := range ids {
			hs[k] = c.hashOf(id)
		}
	} else {
		for k, id := range ids {
			hs[k] = maphash.String(c.seed, id)
		}
	}
	for _, h := range hs {
		top[h>>(64-topBits)]++
	}
	return hs
}

// stop ends the hasher, if started, without hashing the rest.
func (c *idCheck) stop() {
	if c.blocks != nil {
		close(c.blocks)
		<-c.done
		c.blocks = nil
		c.hashes = append(c.hashes, c.from...)
		for k, v := range c.fromTop {
			c.top[k] += v
		}
		c.from = nil
	}
}

// finish waits for the hasher and hashes the blocks it was not given.
// It is safe to call more than once.
func (c *idCheck) finish() {
	c.stop()
	for b := len(c.hashes); b < len(c.ids); b++ {
		c.hashes = append(c.hashes, c.hash(c.ids[b], &c.top))
	}
}

// id returns the id at position i.
func (c *idCheck) id(i int) string { return c.ids[i/idBlock][i%idBlock] }

// slotKey is the hash as the tables hold it, 0 meaning an empty slot: hashes
// 0 and 1 meet, to be told apart by their ids.
func slotKey(h uint64) uint64 { return max(h, 1) }

// first returns the error of checked for the first repeated id (the
// lowest position whose id comes earlier), or nil if none repeats.
func (c *idCheck) first() error {
	c.finish()
	n := c.n
	if n < 2 {
		return nil
	}
	// Parts of about partSize hashes, by the top pb bits.
	pb := min(bits.Len(uint(n/partSize)), topBits)
	shift := uint(64 - pb)
	span := 1 << (topBits - pb)
	starts := make([]int, 1<<pb+1)
	for p := range 1 << pb {
		s := 0
		for _, v := range c.top[p*span : (p+1)*span] {
			s += v
		}
		starts[p+1] = starts[p] + s
	}
	sorted := make([]uint64, n)
	next := slices.Clone(starts[:len(starts)-1])
	for _, hs := range c.hashes {
		for _, h := range hs {
			p := h >> shift
			sorted[next[p]] = h
			next[p]++
		}
	}
	// The parts in two halves of about n/2 hashes, one a goroutine.
	half := 1 << pb
	if n >= 1<<16 {
		half, _ = slices.BinarySearch(starts, n/2)
	}
	var met []uint64
	if half == 1<<pb {
		met = meetings(sorted, starts, 0, half, nil)
	} else {
		var other []uint64
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			other = meetings(sorted, starts, half, 1<<pb, nil)
		}()
		met = meetings(sorted, starts, 0, half, nil)
		wg.Wait()
		met = append(met, other...)
	}
	if len(met) == 0 {
		return nil
	}
	return c.repeat(met)
}

// meetings returns the keys that occur more than once among the hashes
// of parts [from, to) of sorted (part p is sorted[starts[p]:starts[p+1]]),
// appended to met: each part's keys go into a table of linear probing
// that fits in the cache, and a key found there is a meeting.
func meetings(sorted []uint64, starts []int, from, to int, met []uint64) []uint64 {
	size := 0
	for p := from; p < to; p++ {
		size = max(size, starts[p+1]-starts[p])
	}
	table := make([]uint64, 1<<bits.Len(uint(2*size)))
	for p := from; p < to; p++ {
		part := sorted[starts[p]:starts[p+1]]
		slots := table[:1<<bits.Len(uint(2*len(part)))]
		mask := uint64(len(slots) - 1)
		for _, h := range part {
			k := slotKey(h)
			s := k & mask
			for {
				v := slots[s]
				if v == 0 {
					slots[s] = k
					break
				}
				if v == k {
					met = append(met, k)
					break
				}
				s = (s + 1) & mask
			}
		}
		clear(slots)
	}
	return met
}

// repeat finds the first repeated id among the ids whose keys met: every
// position whose key is one of them, grouped by id in order of position.
func (c *idCheck) repeat(met []uint64) error {
	keys := make(map[uint64]bool, len(met))
	var filter [1 << 10]uint64 // a bit for each value of the top 16 bits
	for _, k := range met {
		keys[k] = true
		filter[k>>54] |= 1 << (k >> 48 & 63)
	}
	type idAt struct {
		id string
		i  int
	}
	var found []idAt
	i := 0
	for _, hs := range c.hashes {
		for _, h := range hs {
			if k := slotKey(h); filter[k>>54]&(1<<(k>>48&63)) != 0 && keys[k] {
				found = append(found, idAt{c.id(i), i})
			}
			i++
		}
	}
	slices.SortFunc(found, func(x, y idAt) int { return cmp.Or(cmp.Compare(x.id, y.id), cmp.Compare(x.i, y.i)) })
	at, first := -1, -1
	for r := 1; r < len(found); r++ {
		opens := r < 2 || found[r-1].id != found[r-2].id // found[r-1] opens its group
		if found[r].id == found[r-1].id && opens && (at < 0 || found[r].i < at) {
			at, first = found[r].i, found[r-1].i
		}
	}
	if at < 0 {
		return nil
	}
	return group.At("customer", at, fmt.Errorf("%w: %q (positions %d and %d)", ErrDuplicateID, c.id(at), first, at))
}
