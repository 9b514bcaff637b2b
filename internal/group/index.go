package group

import (
	"math"
	"reflect"
	"unsafe"
)

// Index numbers keys 0, 1, 2… in order of first sight, cheaper than a
// map lookup for the keys By mostly meets:
//
//   - integer keys (periods: period.Day, Month, HalfHourOfWeek; enums: a
//     channel; small ids) that span a range not much wider than their
//     number: a dense table indexed by key − base, which grows to cover
//     new keys, and falls back to the map for good once the range grows
//     past maxSpan plus 64 a key;
//   - strings that share their bytes (every reader of the module interns
//     the agents, queues and segments it reads): a direct-mapped cache by
//     the address and length of the bytes, where equal address and length
//     mean equal strings, so a hit hashes nothing;
//   - anything else: the map.
//
// The zero Index is not ready: make one with NewIndex.
type Index[K comparable] struct {
	keys []K

	kind  keyKind
	base  int64   // the key of dense[0]
	dense []int32 // dense[k−base]: 1 + the id of k, 0 if not seen
	cache *[cacheSize]cached
	m     map[K]int // the id of every key, in the map mode
}

type keyKind uint8

const (
	mapKey keyKind = iota
	intKey
	uintKey
	stringKey
)

// cached is an entry of the string cache: the bytes of a key and its id.
type cached struct {
	p  *byte
	n  int
	id int
}

const (
	cacheBits = 12
	cacheSize = 1 << cacheBits
)

// maxSpan bounds the dense table: it may span maxSpan slots plus 64 a
// key seen, beyond which the keys go to the map.
const maxSpan = 1 << 12

// NewIndex returns an empty index of keys of type K.
func NewIndex[K comparable]() *Index[K] {
	ix := new(Index[K])
	switch reflect.TypeFor[K]().Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		ix.kind = intKey
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		ix.kind = uintKey
	case reflect.String:
		ix.kind = stringKey
	}
	if ix.kind != intKey && ix.kind != uintKey {
		ix.m = make(map[K]int)
	}
	return ix
}

// Keys returns the keys seen, in order of first sight: Keys()[id] is the
// key of id.
func (ix *Index[K]) Keys() []K { return ix.keys }

// ID returns the id of k, the number of keys seen before it if it is new.
func (ix *Index[K]) ID(k K) int {
	switch {
	case ix.kind == stringKey:
		return ix.stringID(k)
	case ix.m == nil:
		return ix.denseID(k)
	}
	return ix.mapped(k)
}

// integer returns k as an int64: its value if signed, its bits if
// unsigned (a uint64 above MaxInt64 is negative, which keeps keys apart).
func (ix *Index[K]) integer(k K) int64 {
	p := unsafe.Pointer(&k)
	switch unsafe.Sizeof(k) {
	case 1:
		if ix.kind == intKey {
			return int64(*(*int8)(p))
		}
		return int64(*(*uint8)(p))
	case 2:
		if ix.kind == intKey {
			return int64(*(*int16)(p))
		}
		return int64(*(*uint16)(p))
	case 4:
		if ix.kind == intKey {
			return int64(*(*int32)(p))
		}
		return int64(*(*uint32)(p))
	}
	return *(*int64)(p)
}

// denseID finds k in the dense table, growing it or moving to the map.
func (ix *Index[K]) denseID(k K) int {
	v := ix.integer(k)
	if len(ix.dense) == 0 {
		ix.base, ix.dense = v, make([]int32, 1, 64)
	}
	if d := uint64(v - ix.base); v >= ix.base && d < uint64(len(ix.dense)) {
		if j := ix.dense[d]; j > 0 {
			return int(j) - 1
		}
		if len(ix.keys) < math.MaxInt32 {
			id := ix.add(k)
			ix.dense[d] = int32(id + 1)
			return id
		}
	} else if ix.grow(v) {
		id := ix.add(k)
		ix.dense[v-ix.base] = int32(id + 1)
		return id
	}
	ix.toMap()
	return ix.mapped(k)
}

// grow widens the dense table to cover v, doubling its length at least,
// and reports false if that would span more than the bound.
func (ix *Index[K]) grow(v int64) bool {
	top := ix.base + int64(len(ix.dense)) - 1
	lo, hi := min(v, ix.base), max(v, top)
	bound := uint64(maxSpan + 64*len(ix.keys))
	need := uint64(hi-lo) + 1 // hi − lo wraps past 2⁶³: need is huge
	if hi-lo < 0 || need > bound || len(ix.keys) >= math.MaxInt32 {
		return false
	}
	extra := int64(min(max(need, 2*uint64(len(ix.dense))), bound) - need)
	if v < ix.base {
		if lo-extra < lo {
			lo -= extra
		}
	} else if hi+extra > hi {
		hi += extra
	}
	grown := make([]int32, hi-lo+1)
	copy(grown[ix.base-lo:], ix.dense)
	ix.base, ix.dense = lo, grown
	return true
}

// toMap moves every key seen to the map, for good.
func (ix *Index[K]) toMap() {
	ix.m = make(map[K]int, 2*len(ix.keys))
	for id, k := range ix.keys {
		ix.m[k] = id
	}
	ix.dense = nil
}

// stringID finds k in the string cache, then in the map. The cache
// compares no bytes.
func (ix *Index[K]) stringID(k K) int {
	s := *(*string)(unsafe.Pointer(&k))
	p, n := unsafe.StringData(s), len(s)
	if ix.cache == nil {
		ix.cache = new([cacheSize]cached)
	}
	e := &ix.cache[(uint64(uintptr(unsafe.Pointer(p)))+uint64(n))*0x9E3779B97F4A7C15>>(64-cacheBits)]
	if e.p != p || e.n != n || n == 0 {
		*e = cached{p, n, ix.mapped(k)}
	}
	return e.id
}

// mapped returns the id of k in the map, adding it if new.
func (ix *Index[K]) mapped(k K) int {
	id, ok := ix.m[k]
	if !ok {
		id = ix.add(k)
		ix.m[k] = id
	}
	return id
}

// add gives k the next id.
func (ix *Index[K]) add(k K) int {
	ix.keys = append(ix.keys, k)
	return len(ix.keys) - 1
}
