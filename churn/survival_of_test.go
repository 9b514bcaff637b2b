package churn

import (
	"fmt"
	"hash/maphash"
	"iter"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/stretchr/testify/require"
)

// survivalByMap is SurvivalBy before issue 18, the oracle of the fast
// one: a map lookup and Survival.Add for every customer.
func survivalByMap[K comparable](customers iter.Seq[Customer], asOf time.Time, unit time.Duration, key func(Customer) K) (map[K]*Survival, error) {
	if err := checkTime("as-of date", asOf); err != nil {
		return nil, err
	}
	if unit < 0 || unit > MaxLifetime {
		return nil, fmt.Errorf("%w: rounding unit %v not in [0, %v]", ErrDuration, unit, MaxLifetime)
	}
	groups := make(map[K]*Survival)
	var bad error
	i := 0
	for c := range checkedMap(customers, &bad) {
		l, ok := c.Lifetime(asOf)
		if ok {
			if unit > 0 {
				l.Duration -= l.Duration % unit
			}
			k := key(c)
			s, found := groups[k]
			if !found {
				s = new(Survival)
				groups[k] = s
			}
			if err := s.Add(l); err != nil {
				return nil, fmt.Errorf("customer %d: %w (customer %q)", i, err, c.ID)
			}
		}
		i++
	}
	if bad != nil {
		return nil, bad
	}
	return groups, nil
}

// checkedMap is checked before issue 18: a lookup and an assignment in
// the map of ids for every customer.
func checkedMap(customers iter.Seq[Customer], err *error) iter.Seq[Customer] {
	return func(yield func(Customer) bool) {
		seen := make(map[string]int)
		i := 0
		for c := range customers {
			if e := c.Validate(); e != nil {
				*err = group.At("customer", i, e)
				return
			}
			if j, dup := seen[c.ID]; dup {
				*err = group.At("customer", i, fmt.Errorf("%w: %q (positions %d and %d)", ErrDuplicateID, c.ID, j, i))
				return
			}
			seen[c.ID] = i
			i++
			if !yield(c) {
				return
			}
		}
	}
}

var survivalAsOf = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// survivalCustomers returns n customers started over span before
// survivalAsOf (some after it), a third still active, in segments.
func survivalCustomers(rng *rand.Rand, n int, span time.Duration, segments int) []Customer {
	cs := make([]Customer, n)
	for i := range cs {
		start := survivalAsOf.Add(-time.Duration(rng.Int64N(int64(span)))).Add(time.Duration(rng.IntN(3)) * 24 * time.Hour)
		c := Customer{ID: fmt.Sprint("C", i), Start: start, Segment: fmt.Sprint("s", rng.IntN(segments))}
		if rng.IntN(3) > 0 {
			c.End = start.Add(time.Duration(rng.Int64N(int64(span))))
		}
		cs[i] = c
	}
	return cs
}

// SurvivalOf and SurvivalBy reach the oracle's state, to the byte, for
// every unit: whole days and hours through the table, none and tiny
// units through the map, short and long lifetimes.
func TestSurvivalByMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 5))
	for trial := range 200 {
		span := []time.Duration{time.Hour, 40 * 24 * time.Hour, 80 * 365 * 24 * time.Hour}[rng.IntN(3)]
		unit := []time.Duration{0, time.Nanosecond, time.Second, time.Hour, 24 * time.Hour, MaxLifetime}[rng.IntN(6)]
		cs := survivalCustomers(rng, rng.IntN(3000), span, 1+rng.IntN(5))
		seg := func(c Customer) string { return c.Segment }
		want, err := survivalByMap(slices.Values(cs), survivalAsOf, unit, seg)
		require.NoError(t, err)
		got, err := SurvivalBy(slices.Values(cs), survivalAsOf, unit, seg)
		require.NoError(t, err)
		require.Len(t, got, len(want))
		for k, w := range want {
			wb, _ := w.MarshalBinary()
			gb, _ := got[k].MarshalBinary()
			require.Equal(t, wb, gb, "trial %d, unit %v, group %s", trial, unit, k)
		}
		one, err := SurvivalOf(slices.Values(cs), survivalAsOf, unit)
		require.NoError(t, err)
		all, _ := survivalByMap(slices.Values(cs), survivalAsOf, unit, func(Customer) bool { return true })
		wantOne := all[true]
		if wantOne == nil {
			wantOne = new(Survival)
		}
		wb, _ := wantOne.MarshalBinary()
		gb, _ := one.MarshalBinary()
		require.Equal(t, wb, gb, "trial %d: SurvivalOf", trial)
	}
}

// Errors name the same customer as before: the first repeated id or
// invalid customer in order, and for a repeat the first position of the
// id.
func TestSurvivalOfErrors(t *testing.T) {
	for _, c := range []struct {
		name    string
		mutate  func(cs []Customer)
		contain string
	}{
		{"repeat", func(cs []Customer) { cs[30].ID = cs[10].ID }, "customer 30"},
		{"repeat, then invalid", func(cs []Customer) { cs[30].ID = cs[10].ID; cs[40].ID = "" }, "customer 30"},
		{"invalid, then repeat", func(cs []Customer) { cs[30].ID = cs[10].ID; cs[20].ID = "" }, "customer 20"},
		{"two repeats", func(cs []Customer) { cs[30].ID = cs[10].ID; cs[25].ID = cs[40].ID }, "customer 30"},
		{"three times", func(cs []Customer) { cs[30].ID = cs[12].ID; cs[31].ID = cs[12].ID; cs[5].ID = cs[12].ID }, "customer 12"},
		{"repeat at the end", func(cs []Customer) { cs[49].ID = cs[0].ID }, "positions 0 and 49"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cs := survivalCustomers(rand.New(rand.NewPCG(1, 1)), 50, 100*24*time.Hour, 1)
			c.mutate(cs)
			_, err := SurvivalOf(slices.Values(cs), survivalAsOf, 24*time.Hour)
			_, want := survivalByMap(slices.Values(cs), survivalAsOf, 24*time.Hour, func(Customer) int { return 0 })
			require.Error(t, err)
			require.Equal(t, want.Error(), err.Error())
			require.True(t, strings.Contains(err.Error(), c.contain), err.Error())
			_, err = SurvivalBy(slices.Values(cs), survivalAsOf, 0, func(c Customer) string { return c.Segment })
			require.Equal(t, want.Error(), err.Error())
		})
	}
}

// Ids whose hashes collide are told apart.
func TestIDCheckCollision(t *testing.T) {
	check := func(hash func(string) uint64, ids ...string) error {
		c := newIDCheck()
		c.hashOf = hash
		for _, id := range ids {
			c.add(id)
		}
		return c.first()
	}
	fixed := func(m map[string]uint64) func(string) uint64 { return func(id string) uint64 { return m[id] } }
	err := check(fixed(map[string]uint64{"a": 1, "b": 1, "c": 2}), "a", "b", "c", "b", "a")
	require.ErrorIs(t, err, ErrDuplicateID)
	require.Equal(t, `churn: customer 3: duplicate customer id: "b" (positions 1 and 3)`, err.Error())
	require.NoError(t, check(fixed(map[string]uint64{"a": 1, "b": 1}), "a", "b"))
	// Hashes 0 and 1 share a key; they are told apart by their ids.
	require.NoError(t, check(fixed(map[string]uint64{"a": 0, "b": 1}), "a", "b"))
	require.EqualError(t, check(fixed(map[string]uint64{"a": 0, "b": 1}), "a", "b", "a"), `churn: customer 2: duplicate customer id: "a" (positions 0 and 2)`)
	require.NoError(t, check(nil))
	require.NoError(t, check(nil, "a"))
	// Positions past a block are found in their block, with the hashes
	// of the first blocks made by the second goroutine, and all in one
	// part.
	mod7 := func(id string) uint64 { n, _ := strconv.Atoi(id); return uint64(n % 7) }
	for _, blocks := range []int{3, hasherFrom + hasherBatch + 1} {
		ids := make([]string, 0, blocks*idBlock+3)
		for i := range blocks*idBlock + 2 {
			ids = append(ids, fmt.Sprint(i))
		}
		require.NoError(t, check(mod7, ids...))
		err = check(mod7, append(ids, "1")...)
		require.Equal(t, fmt.Sprintf(`churn: customer %d: duplicate customer id: "1" (positions 1 and %d)`, blocks*idBlock+2, blocks*idBlock+2), err.Error())
	}
}

// firstRepeat is the oracle of idCheck.first: the error of checked for
// the ids, by a map.
func firstRepeat(ids []string) error {
	seen := make(map[string]int)
	for i, id := range ids {
		if j, ok := seen[id]; ok {
			return group.At("customer", i, fmt.Errorf("%w: %q (positions %d and %d)", ErrDuplicateID, id, j, i))
		}
		seen[id] = i
	}
	return nil
}

// At scale, with hashes cut to a few bits so that distinct ids meet by
// the hundred, and with repeats planted, the first repeat is the map's.
func TestIDCheckMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 8))
	seed := maphash.MakeSeed()
	for trial := range 24 {
		n := []int{0, 1, 2, 100, idBlock, idBlock + 1, 70_000, 300_000}[trial%8]
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprint("C", i)
		}
		for range rng.IntN(4) {
			if n > 1 {
				ids[rng.IntN(n)] = ids[rng.IntN(n)]
			}
		}
		c := newIDCheck()
		if trial%3 > 0 {
			mask := ^uint64(0) << (64 - 20 - trial%3*2) // 20 to 24 bits left
			c.hashOf = func(id string) uint64 { return maphash.String(seed, id) & mask }
		}
		for _, id := range ids {
			c.add(id)
		}
		want := firstRepeat(ids)
		got := c.first()
		if want == nil {
			require.NoError(t, got, "trial %d", trial)
		} else {
			require.EqualError(t, got, want.Error(), "trial %d", trial)
		}
	}
}

// Issue 18, item 3: survival from 1M customers, lifetimes in whole days,
// next to the oracle and to the floor of Survival.AddN over the counts
// by day.
func benchmarkSurvival(b *testing.B, f func([]Customer) error) {
	cs := survivalCustomers(rand.New(rand.NewPCG(18, 6)), 1_000_000, 5*365*24*time.Hour, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := f(cs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSurvivalOf1M(b *testing.B) {
	benchmarkSurvival(b, func(cs []Customer) error {
		_, err := SurvivalOf(slices.Values(cs), survivalAsOf, 24*time.Hour)
		return err
	})
}

func BenchmarkSurvivalOfMap1M(b *testing.B) {
	benchmarkSurvival(b, func(cs []Customer) error {
		_, err := survivalByMap(slices.Values(cs), survivalAsOf, 24*time.Hour, func(Customer) struct{} { return struct{}{} })
		return err
	})
}

// BenchmarkSurvivalAddNFloor1M is Survival.AddN over the counts by day of
// the same customers, computed beforehand: no validation, no ids.
func BenchmarkSurvivalAddNFloor1M(b *testing.B) {
	cs := survivalCustomers(rand.New(rand.NewPCG(18, 6)), 1_000_000, 5*365*24*time.Hour, 1)
	counts := make(map[Lifetime]uint64)
	for _, c := range cs {
		if l, ok := c.Lifetime(survivalAsOf); ok {
			l.Duration -= l.Duration % (24 * time.Hour)
			counts[l]++
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var s Survival
		for l, n := range counts {
			if err := s.AddN(l, n); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// Across many buckets the first repeat is found as the map found it.
func TestSurvivalOfRepeatsAtScale(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 7))
	cs := survivalCustomers(rng, 200_000, 100*24*time.Hour, 1)
	for range 3 {
		i, j := rng.IntN(len(cs)), rng.IntN(len(cs))
		cs[i].ID = cs[j].ID
	}
	_, err := SurvivalOf(slices.Values(cs), survivalAsOf, 24*time.Hour)
	_, want := survivalByMap(slices.Values(cs), survivalAsOf, 24*time.Hour, func(Customer) int { return 0 })
	require.Error(t, want)
	require.EqualError(t, err, want.Error())
}

// Past the blocks the hasher takes, an invalid customer after a repeat
// reports the repeat, before one reports itself, as the map did; and the
// hasher has ended when SurvivalOf returns.
func TestSurvivalOfInvalidAtScale(t *testing.T) {
	before := runtime.NumGoroutine()
	for _, c := range []struct{ invalid, from, to int }{
		{150_000, 10, 120_000},      // the repeat first
		{150_000, 10, 160_000},      // the invalid customer first
		{150_000, 149_999, 150_001}, // around it
		{70_000, 5, 69_999},
		{190_000, 0, 0}, // no repeat
	} {
		cs := survivalCustomers(rand.New(rand.NewPCG(18, 9)), 200_000, 100*24*time.Hour, 1)
		if c.to > 0 {
			cs[c.to].ID = cs[c.from].ID
		}
		cs[c.invalid].End = cs[c.invalid].Start.Add(-time.Second)
		_, err := SurvivalOf(slices.Values(cs), survivalAsOf, 24*time.Hour)
		_, want := survivalByMap(slices.Values(cs), survivalAsOf, 24*time.Hour, func(Customer) int { return 0 })
		require.Error(t, want)
		require.EqualError(t, err, want.Error(), "%+v", c)
	}
	// (not require.Eventually, whose condition runs in a goroutine of its own)
	for range 1000 {
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("%d goroutines, %d before", runtime.NumGoroutine(), before)
}
