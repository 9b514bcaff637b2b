package group

import (
	"math"
	"reflect"
	"unsafe"
)

// index finds the accumulator of a key for By, made by fresh on first
// sight, cheaper than a map lookup for the keys By mostly meets:
//
//   - the key of the item before (records in runs of one key): one
//     comparison;
//   - integer keys (periods: period.Day, Month, HalfHourOfWeek; enums: a
//     channel; small ids) that span a range not much wider than their
//     number: a dense table indexed by key − base, which grows to cover
//     new keys, and falls back to the map for good once the range grows
//     past maxSpan;
//   - strings that share their bytes (every reader of the module interns
//     the agents, queues and segments it reads): a direct-mapped cache by
//     the address and length of the bytes, where equal address and length
//     mean equal strings, so a hit hashes nothing;
//   - anything else: the map.
//
// The accumulators are kept in the order of first sight; groups returns
// the map.
type index[K comparable, A any] struct {
	fresh func() A
	keys  []K
	accs  []A

	lastK  K
	last   A
	inLast bool

	kind  keyKind
	base  int64   // the key of dense[0]
	dense []int32 // dense[k−base]: 1 + the position of k in accs, 0 if not seen
	cache *[cacheSize]cached[A]
	m     map[K]int // the position of every key in accs, in the map mode
}

type keyKind uint8

const (
	mapKey keyKind = iota
	intKey
	uintKey
	stringKey
)

// cached is an entry of the string cache: the bytes of a key and its
// accumulator.
type cached[A any] struct {
	p   *byte
	n   int
	acc A
}

const (
	cacheBits = 12
	cacheSize = 1 << cacheBits
)

// maxSpan bounds the dense table: it may span up to maxSpan slots plus 64
// a group seen, beyond which the keys go to the map.
const maxSpan = 1 << 12

func newIndex[K comparable, A any](fresh func() A) *index[K, A] {
	ix := &index[K, A]{fresh: fresh}
	switch t := reflect.TypeFor[K](); t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		ix.kind = intKey
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		ix.kind = uintKey
	case reflect.String:
		ix.kind = stringKey
		ix.cache = new([cacheSize]cached[A])
	}
	if ix.kind != intKey && ix.kind != uintKey {
		ix.m = make(map[K]int)
	}
	return ix
}

// get returns the accumulator of k.
func (ix *index[K, A]) get(k K) A {
	if ix.kind == stringKey {
		return ix.string1(k)
	}
	if ix.inLast && k == ix.lastK {
		return ix.last
	}
	var acc A
	if ix.m == nil {
		acc = ix.dense1(k)
	} else {
		acc = ix.accs[ix.mapped(k)]
	}
	ix.lastK, ix.last, ix.inLast = k, acc, true
	return acc
}

// integer returns k as an int64: its value if signed, its bits if
// unsigned (a uint64 above MaxInt64 is negative, which keeps keys apart).
func (ix *index[K, A]) integer(k K) int64 {
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

// dense1 finds k in the dense table, growing it or moving to the map.
func (ix *index[K, A]) dense1(k K) A {
	v := ix.integer(k)
	if len(ix.dense) == 0 {
		ix.base, ix.dense = v, make([]int32, 1, 64)
	}
	if d := uint64(v - ix.base); v >= ix.base && d < uint64(len(ix.dense)) {
		if j := ix.dense[d]; j > 0 {
			return ix.accs[j-1]
		}
		if len(ix.accs) < math.MaxInt32 {
			ix.dense[d] = int32(ix.add(k) + 1)
			return ix.accs[len(ix.accs)-1]
		}
	} else if ix.grow(v) {
		ix.dense[v-ix.base] = int32(ix.add(k) + 1)
		return ix.accs[len(ix.accs)-1]
	}
	ix.toMap()
	return ix.accs[ix.mapped(k)]
}

// grow widens the dense table to cover v, doubling its length at least,
// and reports false if that would span more than the bound.
func (ix *index[K, A]) grow(v int64) bool {
	top := ix.base + int64(len(ix.dense)) - 1
	lo, hi := min(v, ix.base), max(v, top)
	bound := uint64(maxSpan + 64*len(ix.accs))
	need := uint64(hi-lo) + 1 // hi − lo wraps past 2⁶³: need is huge
	if hi-lo < 0 || need > bound || len(ix.accs) >= math.MaxInt32 {
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
func (ix *index[K, A]) toMap() {
	ix.m = make(map[K]int, 2*len(ix.keys))
	for j, k := range ix.keys {
		ix.m[k] = j
	}
	ix.dense = nil
}

// string1 finds k in the string cache, then as the last key, then in
// the map. The cache comes first: it compares no bytes.
func (ix *index[K, A]) string1(k K) A {
	s := *(*string)(unsafe.Pointer(&k))
	p, n := unsafe.StringData(s), len(s)
	e := &ix.cache[(uint64(uintptr(unsafe.Pointer(p)))+uint64(n))*0x9E3779B97F4A7C15>>(64-cacheBits)]
	if e.p == p && e.n == n && n > 0 {
		return e.acc
	}
	if !ix.inLast || k != ix.lastK {
		ix.lastK, ix.last, ix.inLast = k, ix.accs[ix.mapped(k)], true
	}
	*e = cached[A]{p, n, ix.last}
	return ix.last
}

// mapped returns the position of k in accs, adding it if new.
func (ix *index[K, A]) mapped(k K) int {
	j, ok := ix.m[k]
	if !ok {
		j = ix.add(k)
		ix.m[k] = j
	}
	return j
}

// add appends k with a fresh accumulator and returns its position.
func (ix *index[K, A]) add(k K) int {
	ix.keys = append(ix.keys, k)
	ix.accs = append(ix.accs, ix.fresh())
	return len(ix.accs) - 1
}

// groups returns every key seen with its accumulator.
func (ix *index[K, A]) groups() map[K]A {
	out := make(map[K]A, len(ix.keys))
	for j, k := range ix.keys {
		out[k] = ix.accs[j]
	}
	return out
}
