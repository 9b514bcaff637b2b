package journey

import (
	"cmp"
	"errors"
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

// linkKey sorts a step: by group (a case, a customer and reason, or the
// step alone), arrival and position. Groups are integers, hashes of the
// strings, so the sort compares no strings.
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

// since returns b's arrival − a's, or ok = false when it does not fit in
// a time.Duration; b is not before a.
func since(a, b *linkKey) (time.Duration, bool) {
	ds := b.sec - a.sec // wraps negative on overflow
	if ds < 0 || ds > math.MaxInt64/int64(time.Second)-1 {
		return 0, false
	}
	return time.Duration(ds)*time.Second + time.Duration(b.nsec-a.nsec), true
}

// mix is splitmix64's finalizer.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// hash folds s into h, eight bytes at a time. It is fixed, so that the
// order of the journeys is the same from run to run.
func hash(h uint64, s string) uint64 {
	h = mix(h ^ uint64(len(s)))
	for ; len(s) >= 8; s = s[8:] {
		h = mix(h ^ (uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56))
	}
	var w uint64
	for i := range len(s) {
		w |= uint64(s[i]) << (8 * i)
	}
	return mix(h ^ w ^ 0x9e3779b97f4a7c15)
}

// groupHash is hash; tests replace it to force collisions.
var groupHash = hash

// ids numbers strings from 0 in order of first sight, for the groups of
// the rare input whose hashes collide.
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
func (l Linker) Link(steps []Step) ([]Journey, error) {
	if err := l.check(steps); err != nil {
		return nil, err
	}
	keys := make([]linkKey, len(steps))
	var starts []int32
	err := l.link(steps, keys, func() { starts = starts[:0] }, func(from, _ int32) { starts = append(starts, from) })
	if err != nil {
		return nil, err
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

// Tally links the steps as Link does and tallies the journeys, without
// moving a step: the tally is that of TallyOf over Link's journeys, the
// steps are left as they were, and its errors are Link's. Each step is
// read once, in input order, into a pointer-free record of 40 bytes (its
// group's hash, arrival, position, the addresses of its strings and the
// few fields the tally reads); the records are sorted by two counting
// sorts on the hashes and small sorts in cache, and tallied from the
// records, on up to 8 cores from 2¹⁵ steps (as GOMAXPROCS allows; the
// tally does not depend on it). Steps of one group are read again only
// when their strings are not the same bytes (a reader that interns its
// strings never makes them so). It takes O(n log n) time and about 42
// bytes a step. Arrivals more than 126 years apart, or beyond ±285
// years from 1970, and the rare collision of hashes take Link's path.
func (l Linker) Tally(steps []Step) (*Tally, error) {
	if err := l.checkSettings(len(steps)); err != nil {
		return nil, err
	}
	return l.fastTally(steps)
}

// slowTally is Tally on valid steps along Link's path: for arrivals too
// far apart for the records of fastTally, and hash collisions.
func (l Linker) slowTally(steps []Step) (*Tally, error) {
	keys := make([]linkKey, len(steps))
	t := new(Tally)
	// At most MaxSteps steps in all: no counter can overflow.
	err := l.link(steps, keys, func() { *t = Tally{} }, func(from, to int32) { count(t, indexed{steps, keys[from:to]}, 1) })
	if err != nil {
		return nil, err
	}
	return t, nil
}

// check checks the linker and validates the steps.
func (l Linker) check(steps []Step) error {
	if err := l.checkSettings(len(steps)); err != nil {
		return err
	}
	for i := range steps {
		if err := steps[i].Validate(); err != nil {
			return group.At("step", i, err)
		}
	}
	return nil
}

// checkSettings checks the linker and the number of steps.
func (l Linker) checkSettings(n int) error {
	if l.Window < 0 {
		return fmt.Errorf("%w: window %v is negative", ErrDuration, l.Window)
	}
	if l.MaxSpan < 0 {
		return fmt.Errorf("%w: maximum span %v is negative", ErrDuration, l.MaxSpan)
	}
	if n > MaxSteps {
		return fmt.Errorf("%w: %d steps, more than %d", ErrSteps, n, MaxSteps)
	}
	return nil
}

// link sets and sorts the keys of the checked steps and cuts them into
// journeys (see cut): by hash, then, on a collision, again by exact
// numbering, calling begin before each pass.
func (l Linker) link(steps []Step, keys []linkKey, begin func(), emit func(from, to int32)) error {
	err := l.pass(steps, keys, false, begin, emit)
	if err == errCollision {
		err = l.pass(steps, keys, true, begin, emit) // no collision: the numbers are distinct
	}
	return err
}

// pass is one pass of link, by hash or exact numbering.
func (l Linker) pass(steps []Step, keys []linkKey, exact bool, begin func(), emit func(from, to int32)) error {
	begin()
	l.keys(steps, keys, exact)
	slices.SortFunc(keys, compareKeys)
	return l.cut(steps, keys, emit)
}

// keys sets the sort key of every step: its group by hash, or, if exact,
// by numbering the distinct strings.
func (l Linker) keys(steps []Step, keys []linkKey, exact bool) {
	var cases, customers, reasons ids
	if exact {
		cases, customers, reasons = ids{}, ids{}, ids{}
	}
	for i := range steps {
		s := &steps[i]
		k := linkKey{sec: s.Contact.Arrived.Unix(), nsec: int32(s.Contact.Arrived.Nanosecond()), idx: int32(i)}
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

// errCollision reports two strings of one hash in the sorted keys.
var errCollision = errors.New("journey: hash collision")

// cut cuts the sorted keys into journeys and checks them, calling emit
// with the range of keys of each journey, in order, once it is complete;
// it fails with errCollision if a group holds steps of different strings.
func (l Linker) cut(steps []Step, keys []linkKey, emit func(from, to int32)) error {
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
				return errCollision
			}
			if err := caseCustomers(int(k.idx), s, f); err != nil {
				return err
			}
		case byCustomer:
			if s.Contact.CustomerID != f.Contact.CustomerID || l.ByReason && s.Contact.Reason != f.Contact.Reason {
				return errCollision
			}
			if gap, ok := since(&keys[i-1], k); !ok || gap > l.Window {
				emit(int32(first), int32(i))
				first = i
				continue
			}
		}
		if d, ok := since(&keys[first], k); !ok || d > maxSpan {
			return spanError(int(k.idx), s, f, maxSpan)
		}
	}
	if len(keys) > 0 {
		emit(int32(first), int32(len(keys)))
	}
	return nil
}

// caseCustomers returns ErrCase, naming step i, s, if s and f, the first
// step of its case, are of two customers.
func caseCustomers(i int, s, f *Step) error {
	if a, b := f.Contact.CustomerID, s.Contact.CustomerID; a != b && a != "" && b != "" {
		return group.At("step", i, fmt.Errorf("%w: contact %q of case %q is of customer %q, contact %q of customer %q",
			ErrCase, s.Contact.ID, s.Case, b, f.Contact.ID, a))
	}
	return nil
}

// spanError is ErrSpan for step i, s, past maxSpan after f, the first
// step of its journey.
func spanError(i int, s, f *Step, maxSpan time.Duration) error {
	of := fmt.Sprintf("of case %q", s.Case)
	if s.Case == "" {
		of = fmt.Sprintf("of customer %q", s.Contact.CustomerID)
	}
	return group.At("step", i, fmt.Errorf("%w: contact %q %s arrives %v after the journey's first contact %q, past %v",
		ErrSpan, s.Contact.ID, of, s.Contact.Arrived.Sub(f.Contact.Arrived), f.Contact.ID, maxSpan))
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
