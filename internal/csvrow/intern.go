package csvrow

import (
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

// maxInterned bounds the distinct strings an Interner shares; past it,
// new strings are copied but not shared.
const maxInterned = 1 << 22

// Interner shares one copy of each distinct string: customer ids,
// agents, queues, reasons, which repeat from row to row.
type Interner struct {
	m     map[string]string
	arena Arena
}

// Intern returns a copy of s, the same copy for equal strings.
func (in *Interner) Intern(s string) string {
	if v, ok := in.m[s]; ok {
		return v
	}
	if s == "" {
		return ""
	}
	c := in.arena.Copy(s)
	if in.m == nil {
		in.m = make(map[string]string)
	}
	if len(in.m) < maxInterned {
		in.m[c] = c
	}
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

// Get returns parse(s), from the cache if s was seen.
func (c *Cache[V]) Get(s string, parse func(string) (V, error)) (V, error) {
	if e, ok := c.m[s]; ok {
		return e.v, e.err
	}
	v, err := parse(s)
	if c.m == nil {
		c.m = make(map[string]cached[V])
	}
	if len(c.m) < maxCached {
		c.m[string([]byte(s))] = cached[V]{v, err}
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
