package csvrow

import (
	"encoding/binary"
	"hash/maphash"
	"strings"
	"unsafe"

	"github.com/shopspring/decimal"
)

// arenaChunk is the size of an Arena's chunks.
const arenaChunk = 64 << 10

// Arena copies strings into large shared chunks: one allocation per 64
// KiB of text instead of one per string. A chunk lives while any of its
// strings does; it holds nothing but copied strings.
type Arena struct {
	chunk []byte
}

// Copy returns a copy of s that does not alias s's memory.
func (a *Arena) Copy(s string) string {
	if s == "" {
		return ""
	}
	if len(s) > arenaChunk/8 {
		return string([]byte(s)) // a long string gets its own allocation
	}
	if cap(a.chunk)-len(a.chunk) < len(s) {
		a.chunk = make([]byte, 0, arenaChunk)
	}
	at := len(a.chunk)
	a.chunk = append(a.chunk, s...)
	return unsafe.String(&a.chunk[at], len(s))
}

// Sizes of an Interner.
const (
	// internBits sets the size of its table: 2¹³ strings, 320 KiB, which
	// stays in the cache.
	internBits = 13
	// internSample is the number of lookups over which it measures its
	// hits; internPause, the number of strings it then copies without
	// looking when few were hits.
	internSample = 1 << 16
	internPause  = 1 << 20
)

// Interner copies strings, sharing one copy among equal strings that
// are seen near each other or often: customer ids, agents, queues,
// reasons. It is a direct-mapped table of recent strings, so that a
// lookup costs a hash and one comparison within the cache however many
// distinct strings a file holds; a string whose slot another has taken
// since is copied again. Strings of up to 16 bytes (most ids) are hashed
// and compared as two machine words kept in the slot, without reading
// the copy. When fewer than one lookup in eight finds its string (ids in
// no particular order among a million customers), it stops looking for
// a while and only copies. Every string it returns is a copy: none keeps
// the input's buffer alive.
type Interner struct {
	seed          maphash.Seed
	slots         []internSlot
	arena         Arena
	lookups, hits int
	paused        int // strings left to copy without looking
}

// internSlot holds a string and, for a short one, its bytes as two
// words; for a long one, its hash in a.
type internSlot struct {
	a, b uint64
	n    int
	s    string
}

// words returns the first 16 bytes of s, zero-padded, as two words.
func words(s string) (a, b uint64) {
	var buf [16]byte
	copy(buf[:], s)
	return binary.LittleEndian.Uint64(buf[:8]), binary.LittleEndian.Uint64(buf[8:])
}

// Intern returns a copy of s, shared with the last equal string that
// used its slot.
func (in *Interner) Intern(s string) string {
	if s == "" {
		return ""
	}
	if in.paused > 0 {
		in.paused--
		return in.arena.Copy(s)
	}
	if in.slots == nil {
		in.seed = maphash.MakeSeed()
		in.slots = make([]internSlot, 1<<internBits)
	}
	if in.lookups++; in.lookups == internSample {
		if 8*in.hits < in.lookups {
			in.paused = internPause
		}
		in.lookups, in.hits = 0, 0
	}
	var a, b, h uint64
	if len(s) <= 16 {
		a, b = words(s)
		h = (a ^ b*0x9e3779b97f4a7c15 ^ uint64(len(s))) * 0xbf58476d1ce4e5b9
	} else {
		a = maphash.String(in.seed, s)
		h = a
	}
	slot := &in.slots[h>>(64-internBits)]
	if slot.n == len(s) && slot.a == a && slot.b == b && (len(s) <= 16 || slot.s == s) {
		in.hits++
		return slot.s
	}
	c := in.arena.Copy(s)
	*slot = internSlot{a, b, len(s), c}
	return c
}

// maxCached bounds the entries of a Cache or a Decimals.
const maxCached = 1 << 16

// Cache remembers what parse made of each distinct cell, for columns of
// few distinct values (channels, outcomes): a lookup instead of a parse.
type Cache[V any] struct {
	m map[string]cached[V]
}

type cached[V any] struct {
	v   V
	err error
}

// Get returns parse(s), from the cache if s was seen. parse is given a
// copy of s, which it may keep (it may be the caller's code).
func (c *Cache[V]) Get(s string, parse func(string) (V, error)) (V, error) {
	if e, ok := c.m[s]; ok {
		return e.v, e.err
	}
	key := strings.Clone(s)
	v, err := parse(key)
	if c.m == nil {
		c.m = make(map[string]cached[V])
	}
	if len(c.m) < maxCached {
		c.m[key] = cached[V]{v, err}
	}
	return v, err
}

// Decimals shares one decimal.Decimal per distinct amount: a Decimal
// holds a pointer to its coefficient, which decimal never modifies, so
// equal amounts can share it and a column of repeated prices costs one
// allocation per price, not per row.
type Decimals struct {
	m map[unitKey]decimal.Decimal
}

type unitKey struct {
	units int64
	exp   int32
}

// Of returns units·10^exp.
func (d *Decimals) Of(units int64, exp int32) decimal.Decimal {
	k := unitKey{units, exp}
	if v, ok := d.m[k]; ok {
		return v
	}
	v := decimal.New(units, exp)
	if d.m == nil {
		d.m = make(map[unitKey]decimal.Decimal)
	}
	if len(d.m) < maxCached {
		d.m[k] = v
	}
	return v
}
