package group

import (
	"iter"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// byMap is By as it was before index: the map, skipped only on runs of
// one key.
func byMap[K comparable, T, A any](seq iter.Seq[T], noun string, key func(T) K, fresh func() A, add func(A, T) error) (map[K]A, error) {
	groups := make(map[K]A)
	var (
		i      = 0
		lastK  K
		last   A
		inLast = false
	)
	for item := range seq {
		if k := key(item); !inLast || k != lastK {
			acc, ok := groups[k]
			if !ok {
				acc = fresh()
				groups[k] = acc
			}
			lastK, last, inLast = k, acc, true
		}
		if err := add(last, item); err != nil {
			return nil, At(noun, i, err)
		}
		i++
	}
	return groups, nil
}

type by func(seq iter.Seq[int], noun string, key func(int) int, fresh func() *int, add func(*int, int) error) (map[int]*int, error)

// 1M items in 1000 groups, in random order and in runs of one key.
func benchmarkBy(b *testing.B, f by, sorted bool) {
	rng := rand.New(rand.NewPCG(18, 2))
	items := make([]int, 1_000_000)
	for i := range items {
		items[i] = rng.IntN(1000)
	}
	if sorted {
		slices.Sort(items)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := f(slices.Values(items), "n", func(n int) int { return n }, func() *int { return new(int) }, add); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBy(b *testing.B) {
	for _, c := range []struct {
		name string
		f    by
	}{{"map", byMap[int, int, *int]}, {"index", By[int, int, *int]}} {
		b.Run(c.name+"/random", func(b *testing.B) { benchmarkBy(b, c.f, false) })
		b.Run(c.name+"/runs", func(b *testing.B) { benchmarkBy(b, c.f, true) })
	}
}

func TestByMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	items := make([]int, 10000)
	for i := range items {
		items[i] = rng.IntN(50)
		if i%3 == 0 && i > 0 {
			items[i] = items[i-1]
		}
	}
	key := func(n int) int { return n % 17 }
	want, _ := byMap(slices.Values(items), "n", key, func() *int { return new(int) }, add)
	got, _ := By(slices.Values(items), "n", key, func() *int { return new(int) }, add)
	if len(got) != len(want) {
		t.Fatalf("%d groups, want %d", len(got), len(want))
	}
	for k, v := range want {
		if *got[k] != *v {
			t.Fatalf("key %d: %d, want %d", k, *got[k], *v)
		}
	}
}

// BenchmarkByString: 500 interned agents in random order, as a reader
// gives them.
func BenchmarkByString(b *testing.B) {
	rng := rand.New(rand.NewPCG(18, 3))
	agents := make([]string, 500)
	for i := range agents {
		agents[i] = "agent-" + strconv.Itoa(i)
	}
	items := make([]string, 1_000_000)
	for i := range items {
		items[i] = agents[rng.IntN(len(agents))]
	}
	count := func(c *int, _ string) error { *c++; return nil }
	key := func(s string) string { return s }
	fresh := func() *int { return new(int) }
	b.Run("map", func(b *testing.B) {
		for b.Loop() {
			if _, err := byMap(slices.Values(items), "s", key, fresh, count); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			if _, err := By(slices.Values(items), "s", key, fresh, count); err != nil {
				b.Fatal(err)
			}
		}
	})
}
