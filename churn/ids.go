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
	blocks []*[idBlock]string // the id at position i is blocks[i/idBlock][i%idBlock]
	n      int                // ids before the last block
	k      int                // ids in the last block, idBlock for none
	last   *[idBlock]string   // the last block
	// hashOf replaces maphash in tests, to make hashes collide.
	hashOf func(string) uint64

	full   chan []*[idBlock]string // full blocks to the hasher, once started
	done   chan struct{}           // closed when the hasher has hashed them all
	hashed int                     // the blocks given to the hasher
	parts  *parts
}

const (
	idBlock = 1 << 12
	// partBits is how many top bits of a hash choose its part once there
	// are more than idBlock ids: 1024 parts, of 10 000 hashes at 10M ids
	// (a table of 256 KiB).
	partBits = 10
	// hasherFrom is the number of full blocks from which the hasher
	// starts: below, the ids are hashed at the end, into a single part.
	hasherFrom = 16
	// hasherBatch is the number of blocks handed to the hasher at once, so
	// that it sleeps and wakes less often.
	hasherBatch = 8
)

func newIDCheck() *idCheck { return &idCheck{seed: maphash.MakeSeed(), k: idBlock} }

// add adds the id at the next position.
func (c *idCheck) add(id string) {
	if c.k == idBlock {
		c.grow()
	}
	c.last[c.k&(idBlock-1)] = id
	c.k++
}

// grow starts a block. Once there are hasherFrom full blocks, they go to
// a hasher, and the blocks after them hasherBatch at a time.
func (c *idCheck) grow() {
	if full := len(c.blocks); full > 0 {
		c.n += idBlock
		if full >= hasherFrom && full-c.hashed >= hasherBatch {
			if c.full == nil {
				c.start()
			}
			c.full <- c.blocks[c.hashed:full]
			c.hashed = full
		}
	}
	c.last = new([idBlock]string)
	c.blocks = append(c.blocks, c.last)
	c.k = 0
}

// len returns the number of ids.
func (c *idCheck) len() int {
	if len(c.blocks) == 0 {
		return 0
	}
	return c.n + c.k
}

// block returns the ids of block b.
func (c *idCheck) block(b int) []string {
	if b == len(c.blocks)-1 {
		return c.blocks[b][:c.k]
	}
	return c.blocks[b][:]
}

// start starts the hasher.
func (c *idCheck) start() {
	c.full = make(chan []*[idBlock]string, 16)
	c.done = make(chan struct{})
	c.parts = newParts(partBits)
	go func() {
		defer close(c.done)
		for bs := range c.full {
			for _, b := range bs {
				c.partition(b[:])
			}
		}
	}()
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
	c.parts.add(c.hashes(b, buf[:]))
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
	if c.parts == nil {
		c.parts = newParts(0)
	}
	for b := c.hashed; b < len(c.blocks); b++ {
		c.partition(c.block(b))
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
	n := c.len()
	if n < 2 {
		return nil
	}
	parts := c.parts.all()
	// The parts in two halves of about n/2 hashes, one a goroutine.
	half := len(parts)
	if n >= 1<<16 {
		half = 0
		for s := 0; s < n/2; half++ {
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
	for b := range c.blocks {
		for _, h := range c.hashes(c.block(b), buf[:]) {
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
