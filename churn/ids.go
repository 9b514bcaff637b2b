package churn

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"iter"
	"slices"

	"github.com/rapportkit/rapport/internal/group"
)

// checkedAll is checked for a consumer that cannot fail on a valid
// customer: it yields every valid customer, repeated ids included, and
// finds the first repeated id after the fact, by sorting hashes rather
// than by one map operation a customer. At the end, or at the first
// invalid customer, it sets *err to the first problem in order, as
// checked does; the consumer then discards what it made.
func checkedAll(customers iter.Seq[Customer], err *error) iter.Seq[Customer] {
	return func(yield func(Customer) bool) {
		ids := idCheck{seed: maphash.MakeSeed()}
		i := 0
		for c := range customers {
			if e := c.Validate(); e != nil {
				if *err = ids.first(); *err == nil {
					*err = group.At("customer", i, e)
				}
				return
			}
			ids.add(c.ID, i)
			i++
			if !yield(c) {
				return
			}
		}
		*err = ids.first()
	}
}

// idCheck collects ids with their positions to find the first one
// repeated.
type idCheck struct {
	seed maphash.Seed
	recs []idRecord
}

type idRecord struct {
	h  uint64
	i  int
	id string
}

func (c *idCheck) add(id string, i int) {
	c.recs = append(c.recs, idRecord{maphash.String(c.seed, id), i, id})
}

// first returns the error of checked for the first repeated id (the
// lowest position whose id comes earlier), or nil if none repeats.
func (c *idCheck) first() error {
	recs := c.recs
	slices.SortFunc(recs, func(a, b idRecord) int { return cmp.Or(cmp.Compare(a.h, b.h), cmp.Compare(a.i, b.i)) })
	at, first := -1, -1
	var id string
	for a := 0; a < len(recs); {
		b := a + 1
		for b < len(recs) && recs[b].h == recs[a].h {
			b++
		}
		if b-a > 1 {
			// Equal hashes: equal ids, but for a collision. Group them by
			// id, each group in order of position.
			run := recs[a:b]
			slices.SortStableFunc(run, func(x, y idRecord) int { return cmp.Compare(x.id, y.id) })
			for k := 1; k < len(run); k++ {
				if run[k].id == run[k-1].id && (k < 2 || run[k-1].id != run[k-2].id) && (at < 0 || run[k].i < at) {
					at, first, id = run[k].i, run[k-1].i, run[k].id
				}
			}
		}
		a = b
	}
	if at < 0 {
		return nil
	}
	return group.At("customer", at, fmt.Errorf("%w: %q (positions %d and %d)", ErrDuplicateID, id, first, at))
}
