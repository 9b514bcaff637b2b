package operations

import (
	"fmt"

	"github.com/rapportkit/rapport/internal/group"
)

// maxTableGroups bounds TallyTableBy's groups, as nps.TallyColumns does.
const maxTableGroups = 1 << 20

// TallyTable tallies every contact of a table into one Tally, the result
// of TallyOf(t.All()) without making a Contact per row: it does not
// allocate per row. A malformed table fails with ErrTable, an invalid row
// with Contact.Validate's error, naming the row and the contact as
// TallyOf does; then no tally is returned.
func TallyTable(t *Table) (*Tally, error) {
	if err := t.shape(); err != nil {
		return nil, err
	}
	out := new(Tally)
	for i := range t.Len() {
		if err := t.tallyRow(out, i); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// TallyTableBy tallies a table's contacts in groups numbered 0..nGroups−1
// (at most 2²⁰): row i goes to tally groups[i]. Any index column of the
// table is such a numbering — TallyTableBy(t, t.Agent, len(t.Agents)) by
// agent, t.Queue by queue — or any other column of t.Len() group numbers.
// Tally g is that of TallyOf over the rows of group g. Groups of unequal
// length or a group not below nGroups fail with ErrTable, an invalid row
// as in TallyTable; then nothing is returned.
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
	for i, g := range groups {
		if int64(g) >= int64(nGroups) {
			return nil, group.At("record", i, fmt.Errorf("%w: contact %q: group %d of %d", ErrTable, t.IDs[i], g, nGroups))
		}
	}
	out := make([]Tally, nGroups)
	for i, g := range groups {
		if err := t.tallyRow(&out[g], i); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// tallyRow validates row i and adds it to u.
func (t *Table) tallyRow(u *Tally, i int) error {
	if int64(t.Customer[i]) >= int64(len(t.Customers)) || int64(t.Reason[i]) >= int64(len(t.Reasons)) ||
		int64(t.Agent[i]) >= int64(len(t.Agents)) || int64(t.Queue[i]) >= int64(len(t.Queues)) {
		return t.checkRow(i, false)
	}
	r := t.at(i)
	if r.fault(t.CostExp) != nil {
		return group.At("record", i, t.rowError(i, &r))
	}
	u.count(&r)
	if r.cost != -1 {
		u.costed++
		if r.cost != 0 {
			u.cost.AddUnits(r.cost, t.CostExp)
		}
	}
	return nil
}
