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
// tell) is never copied to grow, and a full block is hashed and
// partitioned by a second goroutine while the sequence is read on.
type idCheck struct {
	seed   maphash.Seed
	blocks [][]string // the id at position i is blocks[i/idBlock][i%idBlock]
	n      int
	// hashOf replaces maphash in tests, to make hashes collide.
	hashOf func(string) uint64

	full   chan []string // full blocks to the hasher, once started
	done   chan struct{} // closed when the hasher has hashed them all
	hashed int           // the blocks given to the hasher
	// The hashes by their top bits: part p is the chunks full[p] and
	// then cur[p]. Chunks are never copied to grow either.
	chunks [][][]uint64
	cur    [][]uint64
}

const (
	idBlock = 1 << 12
	// partBits is how many top bits of a hash choose its part once there
	// are more than idBlock ids: 1024 parts, of 10 000 hashes at 10M ids
	// (a table of 256 KiB).
	partBits = 10
	// maxChunk is the largest chunk of a part, 8 KiB.
	maxChunk = 1 << 10
)

func newIDCheck() *idCheck { return &idCheck{seed: maphash.MakeSeed()} }

// add adds the id at the next position.
func (c *idCheck) add(id string) {
	if c.n%idBlock == 0 {
		if c.n > 0 {
			c.handOff(c.blocks[len(c.blocks)-1])
		}
		c.blocks = append(c.blocks, make([]string, 0, idBlock))
	}
	b := len(c.blocks) - 1
	c.blocks[b] = append(c.blocks[b], id)
	c.n++
}

// handOff gives a full block to the hasher, started with the first.
func (c *idCheck) handOff(b []string) {
	if c.full == nil {
		c.full = make(chan []string, 16)
		c.done = make(chan struct{})
		c.parts(1 << partBits)
		go func() {
			defer close(c.done)
			for b := range c.full {
				c.partition(b)
			}
		}()
	}
	c.full <- b
	c.hashed++
}

// parts makes n empty parts.
func (c *idCheck) parts(n int) {
	c.chunks = make([][][]uint64, n)
	c.cur = make([][]uint64, n)
}

// hashes returns the hashes of a block of ids, into hs.
func (c *idCheck) hashes(ids []string, hs []uint64) []uint64 {
	hs = hs[:0]
	if c.hashOf != nil {
		for _, id := range ids {
			hs = append(hs, c.hashOf(id))
		}
		return hs
	}
	for _, id := range ids {
		hs = append(hs, maphash.String(c.seed, id))
	}
	return hs
}

// partition adds the hashes of a block of ids to their parts.
func (c *idCheck) partition(b []string) {
	var buf [idBlock]uint64
	shift := 64 - uint(bits.Len(uint(len(c.cur)-1))) // 64 for a single part
	for _, h := range c.hashes(b, buf[:]) {
		p := h >> shift
		cur := c.cur[p]
		if len(cur) == cap(cur) {
			if cur != nil {
				c.chunks[p] = append(c.chunks[p], cur)
			}
			cur = make([]uint64, 0, min(64<<len(c.chunks[p]), maxChunk))
		}
		c.cur[p] = append(cur, h)
	}
}

// stop ends the hasher, if started, without hashing the rest.
func (c *idCheck) stop() {
	if c.full != nil {
		close(c.full)
		<-c.done
		c.full = nil
	}
}

// finish waits for the hasher and hashes the blocks it was not given.
func (c *idCheck) finish() {
	c.stop()
	if c.cur == nil {
		c.parts(1)
	}
	for _, b := range c.blocks[c.hashed:] {
		c.partition(b)
	}
	c.hashed = len(c.blocks)
}

// id returns the id at position i.
func (c *idCheck) id(i int) string { return c.blocks[i/idBlock][i%idBlock] }

// slotKey is the hash as the tables hold it, 0 meaning an empty slot:
// hashes 0 and 1 meet, to be told apart by their ids.
func slotKey(h uint64) uint64 { return max(h, 1) }

// first returns the error of checked for the first repeated id (the
// lowest position whose id comes earlier), or nil if none repeats.
func (c *idCheck) first() error {
	c.finish()
	if c.n < 2 {
		return nil
	}
	parts := make([][][]uint64, len(c.cur))
	for p := range parts {
		parts[p] = append(c.chunks[p], c.cur[p])
	}
	// The parts in two halves of about n/2 hashes, one a goroutine.
	half := len(parts)
	if c.n >= 1<<16 {
		half = 0
		for s := 0; s < c.n/2; half++ {
			for _, chunk := range parts[half] {
				s += len(chunk)
			}
		}
	}
	var met []uint64
	if half == len(parts) {
		met = meetings(parts, nil)
	} else {
		var other []uint64
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			other = meetings(parts[half:], nil)
		}()
		met = meetings(parts[:half], nil)
		wg.Wait()
		met = append(met, other...)
	}
	if len(met) == 0 {
		return nil
	}
	return c.repeat(met)
}

// meetings returns the keys that occur more than once in a part (its
// chunks), appended to met: each part's keys go into a table of linear
// probing that fits in the cache, and a key found there is a meeting.
func meetings(parts [][][]uint64, met []uint64) []uint64 {
	size := 0
	for _, part := range parts {
		n := 0
		for _, chunk := range part {
			n += len(chunk)
		}
		size = max(size, n)
	}
	table := make([]uint64, 1<<bits.Len(uint(2*size)))
	for _, part := range parts {
		n := 0
		for _, chunk := range part {
			n += len(chunk)
		}
		slots := table[:1<<bits.Len(uint(2*n))]
		mask := uint64(len(slots) - 1)
		for _, chunk := range part {
			for _, h := range chunk {
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
	var (
		found []idAt
		buf   [idBlock]uint64
		i     = 0
	)
	for _, b := range c.blocks {
		for _, h := range c.hashes(b, buf[:]) {
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
