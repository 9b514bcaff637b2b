package group

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkCounts counts the keys with By and with a plain map, for every key.
func checkCounts[K comparable](t *testing.T, keys []K) {
	t.Helper()
	got, err := By(slices.Values(keys), "key", func(k K) K { return k },
		func() *int { return new(int) }, func(c *int, _ K) error { *c++; return nil })
	require.NoError(t, err)
	want := make(map[K]int)
	for _, k := range keys {
		want[k]++
	}
	require.Len(t, got, len(want))
	for k, n := range want {
		require.NotNil(t, got[k], "key %v", k)
		require.Equal(t, n, *got[k], "key %v", k)
	}
}

// Integer keys of every width and sign, in every pattern the dense table
// meets: a small range, runs, growth downwards and upwards, a range that
// turns sparse (and moves to the map), the extremes, where key − base
// overflows.
func TestIndexIntegers(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	patterns := map[string]func(i int) int64{
		"small range": func(int) int64 { return rng.Int64N(1000) },
		"runs":        func(i int) int64 { return int64(i / 37) },
		"downwards":   func(i int) int64 { return int64(-i) },
		"upwards":     func(i int) int64 { return int64(i) * 3 },
		"turns sparse": func(i int) int64 {
			if i > 5000 {
				return rng.Int64()
			}
			return rng.Int64N(50)
		},
		"extremes": func(i int) int64 {
			return [...]int64{math.MinInt64, math.MaxInt64, 0, -1, 1, math.MinInt64 + 1, math.MaxInt64 - 1}[i%7]
		},
		"far then near": func(i int) int64 { return int64(i%2) * (1 << 40) },
	}
	for name, next := range patterns {
		vs := make([]int64, 20000)
		for i := range vs {
			vs[i] = next(i)
		}
		t.Run(name, func(t *testing.T) {
			checkCounts(t, vs)
			checkCounts(t, convert[int32](vs))
			checkCounts(t, convert[int16](vs))
			checkCounts(t, convert[int8](vs))
			checkCounts(t, convert[int](vs))
			checkCounts(t, convert[uint64](vs))
			checkCounts(t, convert[uint32](vs))
			checkCounts(t, convert[uint16](vs))
			checkCounts(t, convert[uint8](vs))
			checkCounts(t, convert[uintptr](vs))
			type day int32
			checkCounts(t, convert[day](vs))
		})
	}
}

func convert[T ~int8 | ~int16 | ~int32 | ~int64 | ~int | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr](vs []int64) []T {
	out := make([]T, len(vs))
	for i, v := range vs {
		out[i] = T(v)
	}
	return out
}

// Strings that share their bytes hit the cache; equal strings with other
// bytes, substrings of one buffer and the empty string get the same
// groups as a map gives them.
func TestIndexStrings(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	interned := make([]string, 300)
	for i := range interned {
		interned[i] = "agent-" + strconv.Itoa(i)
	}
	buf := strings.Repeat("abcdefgh", 100)
	keys := make([]string, 30000)
	for i := range keys {
		switch i % 4 {
		case 0:
			keys[i] = interned[rng.IntN(len(interned))]
		case 1:
			keys[i] = strings.Clone(interned[rng.IntN(len(interned))])
		case 2:
			lo := rng.IntN(len(buf))
			keys[i] = buf[lo : lo+rng.IntN(len(buf)-lo+1)]
		default:
			keys[i] = ""
		}
	}
	checkCounts(t, keys)
}

// Keys that are neither integers nor strings go to the map.
func TestIndexOthers(t *testing.T) {
	type pair struct {
		a string
		b int
	}
	checkCounts(t, []pair{{"a", 1}, {"a", 1}, {"b", 1}, {"a", 2}, {"a", 1}})
	checkCounts(t, []bool{true, false, true, true})
	checkCounts(t, []float64{1, 2, 1, math.Inf(1), 0, math.Copysign(0, -1)})
	// NaN is never equal to itself: every NaN is a group of its own, as in
	// a map.
	got, err := By(slices.Values([]float64{math.NaN(), math.NaN(), 1}), "key", func(f float64) float64 { return f },
		func() *int { return new(int) }, func(c *int, _ float64) error { *c++; return nil })
	require.NoError(t, err)
	assert.Len(t, got, 3)
}

// The dense table stays within its bound however the keys spread.
func TestIndexBound(t *testing.T) {
	ix := NewIndex[int64]()
	for i := range int64(100) {
		assert.Equal(t, int(i), ix.ID(i*1000))
	}
	assert.LessOrEqual(t, len(ix.dense), maxSpan+64*len(ix.keys))
	assert.Len(t, ix.Keys(), 100)
	assert.NotNil(t, ix.m, "a sparse range moves to the map")
}

func FuzzIndex(f *testing.F) {
	f.Add([]byte{0, 1, 2, 255, 128, 7})
	f.Fuzz(func(t *testing.T, b []byte) {
		// Keys from the bytes, two bytes a key: one for the pattern, one for
		// the value, so that the fuzzer finds small ranges, far keys and
		// extremes.
		var keys []int64
		for i := 0; i+1 < len(b); i += 2 {
			v := int64(b[i+1])
			switch b[i] % 4 {
			case 1:
				v <<= 20
			case 2:
				v = math.MaxInt64 - v
			case 3:
				v = math.MinInt64 + v
			}
			keys = append(keys, v)
		}
		checkCounts(t, keys)
		checkCounts(t, convert[uint64](keys))
		checkCounts(t, convert[int8](keys))
	})
}
