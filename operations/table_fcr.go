package operations

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"math"
	"time"
)

// MarkFCRTable sets t.FCR as MarkFCR sets the FCR statuses of the
// table's contacts (t.All()), by the same rules, in the same sort of
// compact records, reading the customer and reason of a row through its
// dictionaries: two indices of equal strings are one customer or reason,
// "" is anonymous. The table is validated first (see Table.Validate, its
// FCR column left out); on error nothing is changed. A window that is not
// positive fails with ErrDuration, more than 2³²−1 rows with ErrOverflow.
func MarkFCRTable(t *Table, window time.Duration, asOf time.Time) error {
	if window <= 0 {
		return fmt.Errorf("%w: MarkFCR window %v is not positive", ErrDuration, window)
	}
	if err := t.shape(); err != nil {
		return err
	}
	n := t.Len()
	if uint64(n) > math.MaxUint32 {
		return fmt.Errorf("%w: MarkFCR of %d contacts, more than 2³²−1", ErrOverflow, n)
	}
	if err := t.checkRows(true); err != nil {
		return err
	}
	// A hash per customer and an id per reason of the dictionaries, equal
	// strings alike.
	seed := maphash.MakeSeed()
	customers := make([]uint64, len(t.Customers))
	for k, s := range t.Customers {
		customers[k] = maphash.String(seed, s)
	}
	reasons := make([]uint64, len(t.Reasons))
	ids := make(map[string]uint64, len(t.Reasons))
	for k, s := range t.Reasons {
		id, ok := ids[s]
		if !ok {
			id = uint64(len(ids))
			ids[s] = id
		}
		reasons[k] = id * 0x9e3779b97f4a7c15
	}
	status := make([]FCRStatus, n)
	var recs []fcrRecord
	for i, o := range t.Outcome {
		if !o.Handled() {
			continue
		}
		status[i] = FCRUnresolved
		if t.Resolved[i] {
			status[i] = FCRResolved
		}
		c := t.Customer[i]
		if t.Customers[c] == "" {
			continue
		}
		if recs == nil {
			recs = make([]fcrRecord, 0, n-i)
		}
		a := t.Arrived[i]
		sec, nsec := a/1e9, a%1e9
		if nsec < 0 {
			sec, nsec = sec-1, nsec+1e9
		}
		recs = append(recs, fcrRecord{history: customers[c] ^ reasons[t.Reason[i]], sec: sec, nsec: uint32(nsec), i: uint32(i)})
	}
	markFCRAll((*tableHistories)(t), recs, status, window)
	for i := range status {
		if !asOf.IsZero() && status[i] != FCRRepeat && status[i] != FCRUnknown && asOf.Sub(time.Unix(0, t.Arrived[i])) < window {
			status[i] = FCRUnknown
		}
	}
	copy(t.FCR, status)
	return nil
}

// tableHistories are the histories of a Table.
type tableHistories Table

func (t *tableHistories) id(i uint32) string { return t.IDs[i] }

func (t *tableHistories) same(i, j uint32) bool {
	return (t.Customer[i] == t.Customer[j] || t.Customers[t.Customer[i]] == t.Customers[t.Customer[j]]) &&
		(t.Reason[i] == t.Reason[j] || t.Reasons[t.Reason[i]] == t.Reasons[t.Reason[j]])
}

func (t *tableHistories) compare(i, j uint32) int {
	return cmp.Or(cmp.Compare(t.Customers[t.Customer[i]], t.Customers[t.Customer[j]]), cmp.Compare(t.Reasons[t.Reason[i]], t.Reasons[t.Reason[j]]))
}
