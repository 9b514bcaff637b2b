package operations

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/rapportkit/rapport/internal/group"
)

// maxTableGroups bounds TallyTableBy's groups, as nps.TallyColumns does.
const maxTableGroups = 1 << 20

// TallyTable tallies every contact of a table into one Tally, the result
// of TallyOf(t.All()) without making a Contact per row: it does not
// allocate per row, and from 2¹⁶ rows it tallies the two halves of the
// table on two cores where GOMAXPROCS allows, merging them (a Tally
// merges exactly). A malformed table fails with ErrTable, an invalid row
// with Contact.Validate's error, naming the row and the contact as TallyOf
// does; then no tally is returned.
func TallyTable(t *Table) (*Tally, error) {
	if err := t.shape(); err != nil {
		return nil, err
	}
	out, err := t.tallyRows(nil, 1)
	if err != nil {
		return nil, err
	}
	return &out[0], nil
}

// TallyTableBy tallies a table's contacts in groups numbered 0..nGroups−1
// (at most 2²⁰): row i goes to tally groups[i]. Any index column of the
// table is such a numbering — TallyTableBy(t, t.Agent, len(t.Agents)) by
// agent, t.Queue by queue — or any other column of t.Len() group numbers.
// Tally g is that of TallyOf over the rows of group g, computed as
// TallyTable does. Groups of unequal length or a group not below nGroups
// fail with ErrTable, an invalid row as in TallyTable; then nothing is
// returned.
func TallyTableBy(t *Table, groups []uint32, nGroups int) ([]Tally, error) {
	if err := t.shape(); err != nil {
		return nil, err
	}
	if len(groups) != t.Len() {
		return nil, fmt.Errorf("%w: %d groups for %d rows", ErrTable, len(groups), t.Len())
	}
	if nGroups < 0 || nGroups > maxTableGroups {
		return nil, fmt.Errorf("%w: %d groups, out of 0..%d", ErrTable, nGroups, maxTableGroups)
	}
	if i := firstAtOrAbove(groups, nGroups); i < len(groups) {
		return nil, group.At("record", i, fmt.Errorf("%w: contact %q: group %d of %d", ErrTable, t.IDs[i], groups[i], nGroups))
	}
	return t.tallyRows(groups, nGroups)
}

// tableParallelFrom is the number of rows from which TallyTable and
// TallyTableBy tally on two cores.
const tableParallelFrom = 1 << 16

// tallyRows tallies the rows of a well-shaped table into nGroups tallies,
// by groups (nil: all in tally 0), each checked in range.
func (t *Table) tallyRows(groups []uint32, nGroups int) ([]Tally, error) {
	n := t.Len()
	// The first row with an index out of its dictionary, which checkRow
	// reports when the rows before it are valid.
	bad := n
	for _, c := range [...]struct {
		idx  []uint32
		dict []string
	}{{t.Customer, t.Customers}, {t.Reason, t.Reasons}, {t.Agent, t.Agents}, {t.Queue, t.Queues}} {
		bad = min(bad, firstAtOrAbove(c.idx[:bad], len(c.dict)))
	}
	out := make([]Tally, nGroups)
	if bad < tableParallelFrom || runtime.GOMAXPROCS(0) < 2 {
		if err := t.tallySpan(out, groups, 0, bad); err != nil {
			return nil, err
		}
	} else {
		// Two halves on two cores; the error of the first half wins, as
		// its rows come first.
		other := make([]Tally, nGroups)
		m := bad / 2
		var wg sync.WaitGroup
		var errOther error
		wg.Add(1)
		go func() {
			defer wg.Done()
			errOther = t.tallySpan(other, groups, m, bad)
		}()
		err := t.tallySpan(out, groups, 0, m)
		wg.Wait()
		if err = cmp.Or(err, errOther); err != nil {
			return nil, err
		}
		for g := range out {
			if err := out[g].Merge(&other[g]); err != nil {
				return nil, err
			}
		}
	}
	if bad < n {
		return nil, t.checkRow(bad, false)
	}
	return out, nil
}

// firstAtOrAbove returns the index of the first value of idx at or above
// n, len(idx) if none.
func firstAtOrAbove(idx []uint32, n int) int {
	if uint64(n) > math.MaxUint32 {
		return len(idx)
	}
	lim := uint32(n)
	for i, v := range idx {
		if v >= lim {
			return i
		}
	}
	return len(idx)
}

// tallySpan validates rows from..to−1 and adds each to out[groups[i]]
// (out[0] if groups is nil), stopping at the first invalid row.
func (t *Table) tallySpan(out []Tally, groups []uint32, from, to int) error {
	ch, dir, oc, val, fcr := t.Channel[from:to], t.Direction[from:to], t.Outcome[from:to], t.Value[from:to], t.FCR[from:to]
	res, com := t.Resolved[from:to], t.Complaint[from:to]
	wait, el := t.Wait[from:to], t.Elapsed[from:to]
	talk, hold, wrap, cost := t.Talk[from:to], t.Hold[from:to], t.Wrap[from:to], t.Cost[from:to]
	exp := t.CostExp
	u := &out[0]
	for k := range ch {
		r := record{
			channel: ch[k], direction: dir[k], outcome: oc[k], value: val[k], fcr: fcr[k],
			resolved: res[k], complaint: com[k], wait: wait[k], elapsed: el[k],
			talk: talk[k], hold: hold[k], wrap: wrap[k], cost: cost[k],
		}
		if r.fault(exp) != nil {
			return t.checkRow(from+k, false)
		}
		if groups != nil {
			u = &out[groups[from+k]]
		}
		u.count(&r)
		if r.cost != -1 {
			u.costed++
			if r.cost != 0 {
				u.cost.AddUnits(r.cost, exp)
			}
		}
	}
	return nil
}
