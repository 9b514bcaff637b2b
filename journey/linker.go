package journey

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// DefaultMaxSpan is the longest journey a Linker accepts when its
// MaxSpan is zero: 90 days from the first step's arrival to the last's.
const DefaultMaxSpan = 90 * 24 * time.Hour

// MaxSteps is the most steps Link takes in one call.
const MaxSteps = math.MaxInt32

// Linker links steps into journeys:
//
//   - steps with a Case are one journey per case, whatever their times;
//   - other steps of a customer (Contact.CustomerID), and with ByReason
//     of one reason too (Contact.Reason), are chained: a step that
//     arrives within Window of the previous step's arrival continues its
//     journey, a later one starts a new journey. A zero Window chains
//     nothing: without a case every step is a journey of its own;
//   - a step with neither a case nor a customer is a journey of its own.
//
// The zero Linker links by case only, with DefaultMaxSpan.
type Linker struct {
	// Window is the longest gap between two arrivals of one journey
	// linked by customer; zero links by case only.
	Window time.Duration
	// ByReason chains only steps of the same reason: two requests of one
	// customer on different subjects are two journeys.
	ByReason bool
	// MaxSpan bounds a journey from its first arrival to its last; zero
	// means DefaultMaxSpan. A longer journey is an error (ErrSpan), not a
	// journey cut in two: a case open for years, or a customer who
	// contacts the centre every week for a year under a long window, is a
	// fault of the data or of the window.
	MaxSpan time.Duration
}

// linkKey sorts a step: by group (case, customer and reason, or the step
// alone), arrival and position. Groups are compact integers, so the sort
// compares no strings.
type linkKey struct {
	group uint64
	sec   int64
	nsec  int32
	idx   int32
}

const (
	byCase     uint64 = 0
	byCustomer uint64 = 1 << 62
	alone      uint64 = 2 << 62
	kindMask   uint64 = 3 << 62
)

func compareKeys(a, b linkKey) int {
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

// ids numbers strings from 0 in order of first sight.
type ids map[string]uint64

func (m ids) of(s string) uint64 {
	id, ok := m[s]
	if !ok {
		id = uint64(len(m))
		m[s] = id
	}
	return id
}

// Link validates the steps (Step.Validate), links them into journeys and
// returns the journeys: first the cases, in the order they first appear
// in steps, then the journeys linked by customer (by customer in order of
// first appearance, with ByReason by reason in order of first appearance
// in the whole input, then in time order), then the steps alone, in input
// order; each journey's steps are in time order (ties in
// input order). It sorts steps in place: the journeys' Steps are
// sub-slices of steps, so no step is copied. It takes O(n log n) time and,
// beyond the journeys, 24 bytes per step and a map entry per distinct
// case, customer and reason.
//
// The first invalid step, a case with steps of two customers (ErrCase)
// or a journey past MaxSpan (ErrSpan) stops it with an error naming the
// step by its input position and contact ID, and leaves steps as they
// were: `journey: step 17: journey too long: contact "c9" of case "K1"
// arrives 2160h0m1s after the case's first contact "c2", past 2160h0m0s`.
func (l Linker) Link(steps []Step) ([]Journey, error) {
	if l.Window < 0 {
		return nil, fmt.Errorf("%w: window %v is negative", ErrDuration, l.Window)
	}
	if l.MaxSpan < 0 {
		return nil, fmt.Errorf("%w: maximum span %v is negative", ErrDuration, l.MaxSpan)
	}
	if len(steps) > MaxSteps {
		return nil, fmt.Errorf("%w: %d steps, more than %d", ErrSteps, len(steps), MaxSteps)
	}
	maxSpan := cmp.Or(l.MaxSpan, DefaultMaxSpan)
	cases, customers, reasons := ids{}, ids{}, ids{}
	keys := make([]linkKey, len(steps))
	for i := range steps {
		s := &steps[i]
		if err := s.Validate(); err != nil {
			return nil, group.At("step", i, err)
		}
		k := linkKey{sec: s.Contact.Arrived.Unix(), nsec: int32(s.Contact.Arrived.Nanosecond()), idx: int32(i)}
		switch {
		case s.Case != "":
			k.group = byCase | cases.of(s.Case)
		case s.Contact.CustomerID != "" && l.Window > 0:
			k.group = byCustomer | customers.of(s.Contact.CustomerID)<<31
			if l.ByReason {
				k.group |= reasons.of(s.Contact.Reason)
			}
		default:
			k.group = alone | uint64(i)
		}
		keys[i] = k
	}
	slices.SortFunc(keys, compareKeys)

	// Cut the sorted steps into journeys and check them, before moving
	// any step.
	starts := make([]int32, 0, len(keys)/2+1)
	for i := range keys {
		k := &keys[i]
		if i == 0 || k.group != keys[i-1].group {
			starts = append(starts, int32(i))
			continue
		}
		first, prev := &steps[keys[starts[len(starts)-1]].idx], &steps[keys[i-1].idx]
		s := &steps[k.idx]
		if k.group&kindMask == byCustomer && s.Contact.Arrived.Sub(prev.Contact.Arrived) > l.Window {
			starts = append(starts, int32(i))
			continue
		}
		if k.group&kindMask == byCase {
			if a, b := first.Contact.CustomerID, s.Contact.CustomerID; a != b && a != "" && b != "" {
				return nil, group.At("step", int(k.idx), fmt.Errorf("%w: contact %q of case %q is of customer %q, contact %q of customer %q",
					ErrCase, s.Contact.ID, s.Case, b, first.Contact.ID, a))
			}
		}
		if d, ok := span(first.Contact.Arrived, s.Contact.Arrived); !ok || d > maxSpan {
			of := fmt.Sprintf("of case %q", s.Case)
			if s.Case == "" {
				of = fmt.Sprintf("of customer %q", s.Contact.CustomerID)
			}
			return nil, group.At("step", int(k.idx), fmt.Errorf("%w: contact %q %s arrives %v after the journey's first contact %q, past %v",
				ErrSpan, s.Contact.ID, of, s.Contact.Arrived.Sub(first.Contact.Arrived), first.Contact.ID, maxSpan))
		}
	}

	permute(steps, keys)
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

// span returns to − from, or ok = false when it does not fit in a
// time.Duration, where time.Time.Sub would clip it.
func span(from, to time.Time) (time.Duration, bool) {
	d := to.Sub(from)
	return d, from.Add(d).Equal(to)
}

// permute moves steps[keys[i].idx] to steps[i] for every i, in place,
// following the permutation's cycles; it overwrites the keys' idx.
func permute(steps []Step, keys []linkKey) {
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
