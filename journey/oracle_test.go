package journey

// oracle_test.go is a frozen copy of Linker.Link and Linker.Tally as they
// were before the sorted-record path of tallyFast (commit 79df459), the
// oracle the new path is compared with: same tallies, same errors.

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

type oKey struct {
	group uint64
	sec   int64
	nsec  int32
	idx   int32
}

func oCompare(a, b oKey) int {
	if c := cmp.Compare(a.group, b.group); c != 0 {
		return c
	}
	if c := cmp.Compare(a.sec, b.sec); c != 0 {
		return c
	}
	if c := cmp.Compare(a.nsec, b.nsec); c != 0 {
		return c
	}
	return cmp.Compare(a.idx, b.idx)
}

// since returns b's arrival − a's, or ok = false when it does not fit in
// a time.Duration; b is not before a.
func oSince(a, b *oKey) (time.Duration, bool) {
	ds := b.sec - a.sec // wraps negative on overflow
	if ds < 0 || ds > math.MaxInt64/int64(time.Second)-1 {
		return 0, false
	}
	return time.Duration(ds)*time.Second + time.Duration(b.nsec-a.nsec), true
}

// oIDs numbers strings from 0 in order of first sight, for the groups of
// the rare input whose hashes collide.
type oIDs map[string]uint64

func (m oIDs) of(s string) uint64 {
	id, ok := m[s]
	if !ok {
		id = uint64(len(m))
		m[s] = id
	}
	return id
}

// oracle is Linker before tallyFast.
type oracle Linker

// Link validates the steps (Step.Validate), links them into journeys and
// returns the journeys: first those of a case, then those linked by
// customer, then the steps alone in input order; within the first two,
// in an order that depends on the cases, customers and reasons, not on
// the order of the steps. Each journey's steps are in time order (ties in
// input order). Link sorts steps in place: the journeys' Steps are
// sub-slices of steps, so no step is copied. It takes O(n log n) time
// and, beyond the journeys, 24 bytes per step: groups are sorted by
// hashes of their strings (checked, and by exact numbering on the rare
// collision), never by comparing strings.
//
// The first invalid step, a case with steps of two customers (ErrCase)
// or a journey past MaxSpan (ErrSpan) stops it with an error naming the
// step by its input position and contact ID, and leaves steps as they
// were: `journey: step 17: journey too long: contact "c9" of case "K1"
// arrives 2160h0m1s after the journey's first contact "c2", past
// 2160h0m0s`.
func (l oracle) Link(steps []Step) ([]Journey, error) {
	if err := l.check(steps); err != nil {
		return nil, err
	}
	keys := make([]oKey, len(steps))
	var starts []int32
	err := l.link(steps, keys, func() { starts = starts[:0] }, func(from, _ int32) { starts = append(starts, from) })
	if err != nil {
		return nil, err
	}
	oPermute(steps, keys)
	journeys := make([]Journey, len(starts))
	for i, from := range starts {
		to := int32(len(steps))
		if i+1 < len(starts) {
			to = starts[i+1]
		}
		js := steps[from:to:to]
		journeys[i] = Journey{Case: js[0].Case, Steps: js}
	}
	return journeys, nil
}

// Tally links the steps as Link does and tallies the journeys, without
// moving a step: the tally is that of TallyOf over Link's journeys, the
// steps are left as they were, and each step is read in one pass after
// the sort, where Link moves every step. Its errors are Link's.
func (l oracle) Tally(steps []Step) (*Tally, error) {
	if err := l.check(steps); err != nil {
		return nil, err
	}
	keys := make([]oKey, len(steps))
	t := new(Tally)
	// At most MaxSteps steps in all: no counter can overflow.
	err := l.link(steps, keys, func() { *t = Tally{} }, func(from, to int32) { count(t, oIndexed{steps, keys[from:to]}, 1) })
	if err != nil {
		return nil, err
	}
	return t, nil
}

// check checks the linker and validates the steps.
func (l oracle) check(steps []Step) error {
	if l.Window < 0 {
		return fmt.Errorf("%w: window %v is negative", ErrDuration, l.Window)
	}
	if l.MaxSpan < 0 {
		return fmt.Errorf("%w: maximum span %v is negative", ErrDuration, l.MaxSpan)
	}
	if len(steps) > MaxSteps {
		return fmt.Errorf("%w: %d steps, more than %d", ErrSteps, len(steps), MaxSteps)
	}
	for i := range steps {
		if err := steps[i].Validate(); err != nil {
			return group.At("step", i, err)
		}
	}
	return nil
}

// link sets and sorts the keys of the checked steps and cuts them into
// journeys (see cut): by hash, then, on a collision, again by exact
// numbering, calling begin before each pass.
func (l oracle) link(steps []Step, keys []oKey, begin func(), emit func(from, to int32)) error {
	err := l.pass(steps, keys, false, begin, emit)
	if err == errOracleCollision {
		err = l.pass(steps, keys, true, begin, emit) // no collision: the numbers are distinct
	}
	return err
}

// pass is one pass of link, by hash or exact numbering.
func (l oracle) pass(steps []Step, keys []oKey, exact bool, begin func(), emit func(from, to int32)) error {
	begin()
	l.keys(steps, keys, exact)
	slices.SortFunc(keys, oCompare)
	return l.cut(steps, keys, emit)
}

// keys sets the sort key of every step: its group by hash, or, if exact,
// by numbering the distinct strings.
func (l oracle) keys(steps []Step, keys []oKey, exact bool) {
	var cases, customers, reasons oIDs
	if exact {
		cases, customers, reasons = oIDs{}, oIDs{}, oIDs{}
	}
	for i := range steps {
		s := &steps[i]
		k := oKey{sec: s.Contact.Arrived.Unix(), nsec: int32(s.Contact.Arrived.Nanosecond()), idx: int32(i)}
		switch {
		case s.Case != "" && exact:
			k.group = byCase | cases.of(s.Case)
		case s.Case != "":
			k.group = byCase | groupHash(0, s.Case)>>2
		case s.Contact.CustomerID != "" && l.Window > 0 && exact:
			k.group = byCustomer | customers.of(s.Contact.CustomerID)<<31
			if l.ByReason {
				k.group |= reasons.of(s.Contact.Reason)
			}
		case s.Contact.CustomerID != "" && l.Window > 0:
			h := groupHash(0, s.Contact.CustomerID)
			if l.ByReason {
				h = groupHash(h, s.Contact.Reason)
			}
			k.group = byCustomer | h>>2
		default:
			k.group = alone | uint64(i)
		}
		keys[i] = k
	}
}

// errOracleCollision reports two strings of one hash in the sorted keys.
var errOracleCollision = errors.New("journey: hash collision")

// cut cuts the sorted keys into journeys and checks them, calling emit
// with the range of keys of each journey, in order, once it is complete;
// it fails with errOracleCollision if a group holds steps of different strings.
func (l oracle) cut(steps []Step, keys []oKey, emit func(from, to int32)) error {
	maxSpan := cmp.Or(l.MaxSpan, DefaultMaxSpan)
	first := 0
	for i := range keys {
		k := &keys[i]
		if i == 0 || k.group != keys[i-1].group {
			if i > 0 {
				emit(int32(first), int32(i))
			}
			first = i
			continue
		}
		s, f := &steps[k.idx], &steps[keys[first].idx]
		switch k.group & kindMask {
		case byCase:
			if s.Case != f.Case {
				return errOracleCollision
			}
			if a, b := f.Contact.CustomerID, s.Contact.CustomerID; a != b && a != "" && b != "" {
				return group.At("step", int(k.idx), fmt.Errorf("%w: contact %q of case %q is of customer %q, contact %q of customer %q",
					ErrCase, s.Contact.ID, s.Case, b, f.Contact.ID, a))
			}
		case byCustomer:
			if s.Contact.CustomerID != f.Contact.CustomerID || l.ByReason && s.Contact.Reason != f.Contact.Reason {
				return errOracleCollision
			}
			if gap, ok := oSince(&keys[i-1], k); !ok || gap > l.Window {
				emit(int32(first), int32(i))
				first = i
				continue
			}
		}
		if d, ok := oSince(&keys[first], k); !ok || d > maxSpan {
			of := fmt.Sprintf("of case %q", s.Case)
			if s.Case == "" {
				of = fmt.Sprintf("of customer %q", s.Contact.CustomerID)
			}
			return group.At("step", int(k.idx), fmt.Errorf("%w: contact %q %s arrives %v after the journey's first contact %q, past %v",
				ErrSpan, s.Contact.ID, of, s.Contact.Arrived.Sub(f.Contact.Arrived), f.Contact.ID, maxSpan))
		}
	}
	if len(keys) > 0 {
		emit(int32(first), int32(len(keys)))
	}
	return nil
}

// permute moves steps[keys[i].idx] to steps[i] for every i, in place,
// following the permutation's cycles; it overwrites the keys' idx.
func oPermute(steps []Step, keys []oKey) {
	for i := range keys {
		if keys[i].idx == int32(i) {
			continue
		}
		tmp := steps[i]
		j := i
		for {
			next := int(keys[j].idx)
			keys[j].idx = int32(j)
			if next == i {
				steps[j] = tmp
				break
			}
			steps[j] = steps[next]
			j = next
		}
	}
}

type oIndexed struct {
	steps []Step
	keys  []oKey
}

func (v oIndexed) len() int       { return len(v.keys) }
func (v oIndexed) at(i int) *Step { return &v.steps[v.keys[i].idx] }
