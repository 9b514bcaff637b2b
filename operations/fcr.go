package operations

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// FCRStatus places a handled contact in its customer's history for
// first-contact resolution. The zero value, FCRUnknown, leaves the contact
// out of FCR and repeat rates.
type FCRStatus uint8

// The first-contact statuses.
const (
	// FCRUnknown: not assessed, not handled, or opened too recently to judge.
	FCRUnknown FCRStatus = iota
	// FCRRepeat: the contact repeats a handled contact of the same customer
	// and reason within the repeat window.
	FCRRepeat
	// FCRResolved: the contact opens an issue, is flagged resolved and no
	// repeat follows within the window: resolved at first contact.
	FCRResolved
	// FCRUnresolved: the contact opens an issue that was not resolved at
	// first contact (not flagged resolved, or a repeat followed).
	FCRUnresolved
)

var fcrNames = []string{"", "repeat", "resolved", "unresolved"}

var fcrAliases = map[string]FCRStatus{
	"": FCRUnknown, "unknown": FCRUnknown,
	"repeat": FCRRepeat, "first-resolved": FCRResolved, "resolved": FCRResolved, "fcr": FCRResolved,
	"first-unresolved": FCRUnresolved, "unresolved": FCRUnresolved,
}

// ParseFCR reads "repeat", "resolved", "unresolved" or "" (FCRUnknown), in
// any case. An unknown name fails with ErrFCR quoting it.
func ParseFCR(s string) (FCRStatus, error) { return parseLabel(s, fcrAliases, ErrFCR) }

// String returns "repeat", "resolved", "unresolved", "" for FCRUnknown, or
// "fcr(n)" for an invalid value.
func (f FCRStatus) String() string {
	if f == FCRUnknown {
		return ""
	}
	return label(f, fcrNames, "fcr")
}

// Valid reports whether f is one of the defined statuses.
func (f FCRStatus) Valid() bool { return f <= FCRUnresolved }

// MarshalText returns the status name ("" for FCRUnknown); an invalid
// status fails with ErrFCR.
func (f FCRStatus) MarshalText() ([]byte, error) {
	if f == FCRUnknown {
		return []byte{}, nil
	}
	return marshalLabel(f, fcrNames, ErrFCR)
}

// UnmarshalText reads any name ParseFCR accepts; on error f is unchanged.
func (f *FCRStatus) UnmarshalText(b []byte) error {
	v, err := ParseFCR(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// MarkFCR sets the FCR status of every contact from the customers'
// histories. Only handled contacts (Answered or Deflected, inbound or
// outbound) take part; the others are set to FCRUnknown. Taking the handled
// contacts in order of arrival (ties broken by ID, then by position in the
// slice), a contact
//
//   - repeats (FCRRepeat) when the previous handled contact with the same
//     CustomerID and Reason arrived at most window before it;
//   - otherwise opens an issue: FCRResolved if it is flagged Resolved and
//     no handled contact with the same customer and reason follows within
//     window, FCRUnresolved if not.
//
// A contact without a CustomerID is anonymous: it opens an issue and is
// never linked. An empty Reason is a reason like any other, so when the
// source does not code reasons any repeat by the customer counts.
//
// If asOf is not zero, an issue opened less than window before asOf is
// left FCRUnknown, whatever its status so far: a repeat may still come,
// and judging only the issues already reopened would bias FCR down. Its
// repeats stay FCRRepeat. A zero asOf means the data are complete.
//
// The contacts are validated first; on error none is changed and the
// error names the contact's position and ID. A window that is not positive
// fails with ErrDuration, an arrival more than 10¹¹ years from 1970 with
// ErrTime, and more than 2³²−1 contacts with ErrOverflow. Arrival times are
// compared as instants (their wall clocks; a monotonic reading is
// ignored). The slice is marked in place; its order is kept.
//
// It takes O(n log n) time and 25 bytes a contact, in one sequential
// pass to validate and one to mark: each handled contact with a customer
// becomes a pointer-free record (a hash of its customer and reason, the
// arrival in integer seconds and nanoseconds, its position), the records
// are sorted by hash and time, and each history is marked in one pass
// over its records. Records of equal hash are checked to have the same
// customer and reason, so a collision of hashes never links two
// histories.
// From 2¹⁵ records the two halves of the hash range are sorted and
// marked on two cores where GOMAXPROCS allows; the marks do not depend on
// it.
func MarkFCR(contacts []Contact, window time.Duration, asOf time.Time) error {
	if window <= 0 {
		return fmt.Errorf("%w: MarkFCR window %v is not positive", ErrDuration, window)
	}
	if uint64(len(contacts)) > math.MaxUint32 {
		return fmt.Errorf("%w: MarkFCR of %d contacts, more than 2³²−1", ErrOverflow, len(contacts))
	}
	status := make([]FCRStatus, len(contacts))
	var (
		recs    []fcrRecord
		seed    = maphash.MakeSeed()
		reasons = make(map[string]uint32)
		// the reason of the contact before, to skip the map on runs of one
		lastReason   string
		lastReasonID uint32
		hasReason    bool
	)
	for i := range contacts {
		c := &contacts[i]
		// Validate as the contact will be after marking: a stale status
		// must not fail it.
		saved := c.FCR
		c.FCR = FCRUnknown
		err := c.Validate()
		c.FCR = saved
		if err != nil {
			return group.At("record", i, err)
		}
		if !c.Outcome.Handled() {
			continue
		}
		status[i] = firstStatus(c)
		if c.CustomerID == "" {
			continue
		}
		sec, nsec := c.Arrived.Unix(), c.Arrived.Nanosecond()
		if sec < -maxFCRSeconds || sec > maxFCRSeconds {
			return group.At("record", i, fmt.Errorf("%w: contact %q: arrived %s, more than 10¹¹ years from 1970", ErrTime, c.ID, stamp(c.Arrived)))
		}
		if recs == nil {
			recs = make([]fcrRecord, 0, len(contacts)-i)
		}
		if !hasReason || c.Reason != lastReason {
			r, ok := reasons[c.Reason]
			if !ok {
				r = uint32(len(reasons))
				reasons[c.Reason] = r
			}
			lastReason, lastReasonID, hasReason = c.Reason, r, true
		}
		recs = append(recs, fcrRecord{
			history: maphash.String(seed, c.CustomerID) ^ uint64(lastReasonID)*0x9e3779b97f4a7c15,
			sec:     sec, nsec: uint32(nsec), i: uint32(i),
		})
	}
	markFCRAll(contactHistories(contacts), recs, status, window)
	for i := range contacts {
		c := &contacts[i]
		// Sub saturates past 292 years, on the right side of window.
		if !asOf.IsZero() && status[i] != FCRRepeat && status[i] != FCRUnknown && asOf.Sub(c.Arrived) < window {
			status[i] = FCRUnknown
		}
		c.FCR = status[i]
	}
	return nil
}

// markFCRAll marks the histories of recs, on two cores from
// fcrParallelFrom records where GOMAXPROCS allows.
func markFCRAll(src histories, recs []fcrRecord, status []FCRStatus, window time.Duration) {
	if len(recs) >= fcrParallelFrom && runtime.GOMAXPROCS(0) > 1 {
		// Histories never straddle the two halves of the hash range: sort
		// and mark each half on its own core, marking disjoint contacts.
		m := partitionFCR(recs)
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			markFCRRecords(src, recs[:m], status, window)
		}()
		markFCRRecords(src, recs[m:], status, window)
		wg.Wait()
	} else {
		markFCRRecords(src, recs, status, window)
	}
}

// histories tells MarkFCR's records apart by the contacts they stand for,
// given by their positions: the records of a []Contact or of a Table.
type histories interface {
	// id returns contact i's ID.
	id(i uint32) string
	// same reports whether contacts i and j have the same customer and
	// reason.
	same(i, j uint32) bool
	// compare orders contacts i and j by customer, then reason.
	compare(i, j uint32) int
}

// contactHistories are the histories of a []Contact.
type contactHistories []Contact

func (cs contactHistories) id(i uint32) string { return cs[i].ID }

func (cs contactHistories) same(i, j uint32) bool {
	a, b := &cs[i], &cs[j]
	return a.CustomerID == b.CustomerID && a.Reason == b.Reason
}

func (cs contactHistories) compare(i, j uint32) int {
	a, b := &cs[i], &cs[j]
	return cmp.Or(cmp.Compare(a.CustomerID, b.CustomerID), cmp.Compare(a.Reason, b.Reason))
}

// fcrParallelFrom is the number of records from which MarkFCR sorts on
// two cores.
const fcrParallelFrom = 1 << 15

// partitionFCR moves the records of the lower half of the hash range
// before the others and returns their number.
func partitionFCR(recs []fcrRecord) int {
	m := 0
	for k := range recs {
		if recs[k].history>>63 == 0 {
			recs[m], recs[k] = recs[k], recs[m]
			m++
		}
	}
	return m
}

// markFCRRecords sorts records by history and time and marks each
// history.
func markFCRRecords(src histories, recs []fcrRecord, status []FCRStatus, window time.Duration) {
	slices.SortFunc(recs, func(a, b fcrRecord) int {
		switch {
		case a.history != b.history:
			return cmp.Compare(a.history, b.history)
		case a.sec != b.sec:
			return cmp.Compare(a.sec, b.sec)
		case a.nsec != b.nsec:
			return cmp.Compare(a.nsec, b.nsec)
		}
		// Simultaneous contacts of one history, rare: by ID, then position.
		return cmp.Or(cmp.Compare(src.id(a.i), src.id(b.i)), cmp.Compare(a.i, b.i))
	})
	for a := 0; a < len(recs); {
		b := a + 1
		for b < len(recs) && recs[b].history == recs[a].history {
			b++
		}
		markHistory(src, recs[a:b], status, window)
		a = b
	}
}

// markHistory marks the records of one history hash, in order of time:
// those of one customer and reason, but for a collision of hashes, which
// is found and sorted out.
func markHistory(src histories, run []fcrRecord, status []FCRStatus, window time.Duration) {
	if len(run) < 2 {
		return
	}
	same := func(p, c *fcrRecord) bool { return src.same(p.i, c.i) }
	one := true
	for k := 1; k < len(run) && one; k++ {
		one = same(&run[0], &run[k])
	}
	if !one {
		// Two histories with one hash: group them, each keeping its order.
		slices.SortStableFunc(run, func(a, b fcrRecord) int { return src.compare(a.i, b.i) })
	}
	for k := 1; k < len(run); k++ {
		p, c := &run[k-1], &run[k]
		if (one || same(p, c)) && p.within(c, window) {
			status[c.i] = FCRRepeat
			if status[p.i] != FCRRepeat {
				status[p.i] = FCRUnresolved
			}
		}
	}
}

// maxFCRSeconds bounds the arrival times MarkFCR takes, in seconds from
// 1970: about 10¹¹ years, so that no Unix time wraps.
const maxFCRSeconds = 1 << 62

// fcrRecord is a handled contact with a customer, as MarkFCR sorts it:
// its history (customer and reason, interned), its arrival in seconds and
// nanoseconds from 1970 and its position in the slice.
type fcrRecord struct {
	history uint64
	sec     int64
	nsec    uint32
	i       uint32
}

// within reports whether c arrived at most d after p, which arrived
// before it, exactly: (c − p) ≤ d in nanoseconds without overflow.
func (p *fcrRecord) within(c *fcrRecord, d time.Duration) bool {
	ds := uint64(c.sec) - uint64(p.sec) // c.sec ≥ p.sec: no wrap
	ws := uint64(d / time.Second)
	if ds > ws+1 {
		return false
	}
	if ds < ws {
		return true // at least one second to spare, whatever the nanoseconds
	}
	// ds is ws or ws+1: compare the remaining nanoseconds.
	ns := int64(ds-ws)*int64(time.Second) + int64(c.nsec) - int64(p.nsec)
	return ns <= int64(d%time.Second)
}

func firstStatus(c *Contact) FCRStatus {
	if c.Resolved {
		return FCRResolved
	}
	return FCRUnresolved
}
