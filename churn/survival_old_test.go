package churn

// The path of SurvivalBy at 212b4a2 (before the partitioned id check and
// the integer fast path), kept for same-run benchmarks.

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"iter"
	"math/bits"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

func survivalBy212[K comparable](customers iter.Seq[Customer], asOf time.Time, unit time.Duration, key func(Customer) K) (map[K]*Survival, error) {
	if err := checkTime("as-of date", asOf); err != nil {
		return nil, err
	}
	if unit < 0 || unit > MaxLifetime {
		return nil, fmt.Errorf("%w: rounding unit %v not in [0, %v]", ErrDuration, unit, MaxLifetime)
	}
	groups := make(map[K]*lifetimes212)
	var (
		bad    error
		i      = 0
		lastK  K
		last   *lifetimes212
		inLast = false
	)
	for c := range checkedAll212(customers, &bad) {
		l, ok := c.Lifetime(asOf)
		if ok {
			if unit > 0 {
				l.Duration -= l.Duration % unit
			}
			// Customers in runs of one key (all for SurvivalOf) skip the map.
			if k := key(c); !inLast || k != lastK {
				g, found := groups[k]
				if !found {
					g = &lifetimes212{s: new(Survival)}
					groups[k] = g
				}
				lastK, last, inLast = k, g, true
			}
			if err := last.add(l, unit); err != nil {
				return nil, fmt.Errorf("customer %d: %w (customer %q)", i, err, c.ID)
			}
		}
		i++
	}
	if bad != nil {
		return nil, bad
	}
	out := make(map[K]*Survival, len(groups))
	for k, g := range groups {
		if err := g.flush(unit); err != nil {
			return nil, err
		}
		out[k] = g.s
	}
	return out, nil
}
func checkedAll212(customers iter.Seq[Customer], err *error) iter.Seq[Customer] {
	return func(yield func(Customer) bool) {
		ids := idCheck212{seed: maphash.MakeSeed()}
		i := 0
		for c := range customers {
			if e := c.Validate(); e != nil {
				if *err = ids.first(); *err == nil {
					*err = group.At("customer", i, e)
				}
				return
			}
			ids.add(c.ID)
			i++
			if !yield(c) {
				return
			}
		}
		*err = ids.first()
	}
}

// idCheck212 collects ids with their positions to find the first one
// repeated. They are kept in blocks of a fixed size, so that a long
// sequence (whose length an iter.Seq does not tell) is never copied to
// grow.
type idCheck212 struct {
	seed   maphash.Seed
	ids    [][]string // the id at position i is ids[i/idBlock212][i%idBlock212]
	hashes [][]uint64 // and its hash, in blocks of the same shape
	n      int
}

const idBlock212 = 1 << 12

type idRecord212 struct {
	h uint64
	i int
}

func (c *idCheck212) add(id string) { c.put(id, maphash.String(c.seed, id)) }

// put adds the id at the next position with its hash.
func (c *idCheck212) put(id string, h uint64) {
	if c.n%idBlock212 == 0 {
		c.ids = append(c.ids, make([]string, 0, idBlock212))
		c.hashes = append(c.hashes, make([]uint64, 0, idBlock212))
	}
	b := len(c.ids) - 1
	c.ids[b] = append(c.ids[b], id)
	c.hashes[b] = append(c.hashes[b], h)
	c.n++
}

// id returns the id at position i.
func (c *idCheck212) id(i int) string { return c.ids[i/idBlock212][i%idBlock212] }

// first returns the error of checked for the first repeated id (the
// lowest position whose id comes earlier), or nil if none repeats.
//
// Equal hashes are brought together by a counting sort on the top bits of
// the hash into buckets of about 16 records, each then sorted in cache.
func (c *idCheck212) first() error {
	n := c.n
	shift := uint(64 - min(bits.Len(uint(n/16)), 20))
	starts := make([]int, 1<<(64-shift)+1)
	for _, hs := range c.hashes {
		for _, h := range hs {
			starts[h>>shift+1]++
		}
	}
	for b := 1; b < len(starts); b++ {
		starts[b] += starts[b-1]
	}
	sorted := make([]idRecord212, n)
	next := slices.Clone(starts[:len(starts)-1])
	i := 0
	for _, hs := range c.hashes {
		for _, h := range hs {
			sorted[next[h>>shift]] = idRecord212{h, i}
			next[h>>shift]++
			i++
		}
	}
	at, first := -1, -1
	for b := range len(starts) - 1 {
		bucket := sorted[starts[b]:starts[b+1]]
		slices.SortFunc(bucket, func(x, y idRecord212) int { return cmp.Compare(x.h, y.h) })
		for k := 1; k < len(bucket); k++ {
			if bucket[k].h != bucket[k-1].h {
				continue
			}
			// Equal hashes: equal ids, but for a collision. Take the run of
			// the hash and group it by id, each group in order of position.
			e := k + 1
			for e < len(bucket) && bucket[e].h == bucket[k].h {
				e++
			}
			run := bucket[k-1 : e]
			slices.SortFunc(run, func(x, y idRecord212) int { return cmp.Or(cmp.Compare(c.id(x.i), c.id(y.i)), cmp.Compare(x.i, y.i)) })
			for r := 1; r < len(run); r++ {
				fresh := r < 2 || c.id(run[r-1].i) != c.id(run[r-2].i) // run[r-1] opens its group
				if c.id(run[r].i) == c.id(run[r-1].i) && fresh && (at < 0 || run[r].i < at) {
					at, first = run[r].i, run[r-1].i
				}
			}
			k = e - 1
		}
	}
	if at < 0 {
		return nil
	}
	return group.At("customer", at, fmt.Errorf("%w: %q (positions %d and %d)", ErrDuplicateID, c.id(at), first, at))
}

// BenchmarkSurvivalOf212_1M is SurvivalOf at 212b4a2, next to
// BenchmarkSurvivalOf1M in the same run.
func BenchmarkSurvivalOf212_1M(b *testing.B) {
	benchmarkSurvival(b, func(cs []Customer) error {
		_, err := survivalBy212(slices.Values(cs), survivalAsOf, 24*time.Hour, func(Customer) struct{} { return struct{}{} })
		return err
	})
}

// lifetimes212 accumulates a group of SurvivalBy: lifetimes212 of whole units
// counted in a dense table by their number of units, which costs an
// increment where Survival.Add costs a map update, and the others added
// to s.
type lifetimes212 struct {
	s     *Survival
	dense []tie  // dense[k]: the lifetimes212 of k units
	n     uint64 // lifetimes212 added
}

// maxDense212 bounds the table of lifetimes212: past maxDense212 units (2 MiB),
// or past 8 entries a lifetime added, lifetimes212 go to the map.
const maxDense212 = 1 << 17

// add counts l, a whole number of units if unit > 0.
func (g *lifetimes212) add(l Lifetime, unit time.Duration) error {
	g.n++
	if unit > 0 && l.Duration >= 0 && l.Duration <= MaxLifetime {
		k := int(l.Duration / unit)
		if k >= len(g.dense) {
			size := max(2*len(g.dense), k+1, 64)
			if size > maxDense212 || uint64(size) > 8*(g.n+1) {
				return g.s.Add(l)
			}
			g.dense = append(g.dense, make([]tie, size-len(g.dense))...)
		}
		if l.Lost {
			g.dense[k].events++
		} else {
			g.dense[k].censored++
		}
		return nil
	}
	return g.s.Add(l)
}

// flush adds the table to s.
func (g *lifetimes212) flush(unit time.Duration) error {
	for k, t := range g.dense {
		if t == (tie{}) {
			continue // an empty slot; past MaxLifetime if the table outgrew it
		}
		d := time.Duration(k) * unit
		if err := g.s.AddN(Lifetime{Duration: d, Lost: true}, t.events); err != nil {
			return err
		}
		if err := g.s.AddN(Lifetime{Duration: d}, t.censored); err != nil {
			return err
		}
	}
	g.dense = nil
	return nil
}
