package churn

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
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
	var c idCheck
	hashes := []uint64{1, 1, 2, 1, 1}
	for i, id := range []string{"a", "b", "c", "b", "a"} {
		c.put(id, hashes[i])
	}
	err := c.first()
	require.ErrorIs(t, err, ErrDuplicateID)
	require.Equal(t, `churn: customer 3: duplicate customer id: "b" (positions 1 and 3)`, err.Error())
	c = idCheck{}
	c.put("a", 1)
	c.put("b", 1)
	require.NoError(t, c.first())
	// Positions past a block are found in their block.
	c = idCheck{}
	for i := range idBlock + 2 {
		c.put(fmt.Sprint(i), uint64(i%7))
	}
	c.put("1", 1)
	require.Equal(t, fmt.Sprintf(`churn: customer %d: duplicate customer id: "1" (positions 1 and %d)`, idBlock+2, idBlock+2), c.first().Error())
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
