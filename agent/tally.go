package agent

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/nanos"
)

// Tally accumulates the time of a set of agents, under the rapport
// accumulator contract: its zero value is an empty tally; Add validates
// and counts one interval; Merge adds another tally, in any order and
// grouping with identical results (Merge(nil) does nothing, t.Merge(t)
// doubles t); Clone copies; the binary and JSON encodings are canonical
// and their decoders refuse impossible states. A rejected Add or Merge,
// or a failed decode, leaves the tally unchanged.
//
// It keeps, per agent, the number of intervals and the exact time in
// nanoseconds in each state, the OnContact intervals that carried a
// contact count, and the contacts: everything a team's figures and the
// spread of its agents' AHT are read from, exactly, whatever the order
// the intervals came in.
//
// Add does not see overlaps: it is order-free, so that tallies merge, and
// keeps no intervals. TallyOf, TallyBy and the Reader reject an interval
// that overlaps the agent's previous one (ErrOverlap); call them, or
// check the intervals yourself, before adding them one by one.
//
// Add does not allocate, except the first time it meets an agent.
type Tally struct {
	agents map[string]*sums
	n      uint64
}

// sums are one agent's counts.
type sums struct {
	n        [NumStates]uint64 // intervals per state
	ns       [NumStates]uint64 // nanoseconds per state
	counted  uint64            // OnContact intervals with a contact count
	contacts uint64
}

// Add counts one interval after validating it (see Interval.Validate).
// It fails with the validation error, or with ErrOverflow past 2⁶⁴−1
// intervals or contacts, or an agent's 2⁶⁴−1 ns (584 years) in one
// state, and then leaves the tally unchanged.
//
// A Tally has no AddN: an interval is a span of an agent's time, and n
// copies of it would overlap.
func (t *Tally) Add(iv Interval) error {
	if err := iv.Validate(); err != nil {
		return err
	}
	return t.add(iv)
}

// add is Add for a valid interval.
func (t *Tally) add(iv Interval) error {
	if t.n == math.MaxUint64 {
		return fmt.Errorf("%w: agent %q: interval after %d intervals", ErrOverflow, iv.Agent, t.n)
	}
	i, d, c := iv.State-1, uint64(iv.Duration()), uint64(iv.Contacts)
	s := t.agents[iv.Agent]
	if s != nil {
		if s.ns[i] > math.MaxUint64-d || s.contacts > math.MaxUint64-c {
			return fmt.Errorf("%w: agent %q: %s time or contacts", ErrOverflow, iv.Agent, iv.State)
		}
	} else {
		if t.agents == nil {
			t.agents = make(map[string]*sums)
		}
		s = new(sums)
		t.agents[iv.Agent] = s
	}
	s.n[i]++
	s.ns[i] += d
	if c > 0 {
		s.counted++
		s.contacts += c
	}
	t.n++
	return nil
}

// add adds o to s; the caller checked that nothing overflows.
func (s *sums) add(o *sums) {
	for i := range s.n {
		s.n[i] += o.n[i]
		s.ns[i] += o.ns[i]
	}
	s.counted += o.counted
	s.contacts += o.contacts
}

// fits reports whether s + o overflows nothing.
func (s *sums) fits(o *sums) bool {
	for i := range s.n {
		if s.ns[i] > math.MaxUint64-o.ns[i] {
			return false
		}
	}
	return s.contacts <= math.MaxUint64-o.contacts
}

// intervals returns the agent's number of intervals.
func (s *sums) intervals() uint64 {
	var n uint64
	for _, c := range s.n {
		n += c
	}
	return n
}

// Merge adds every agent's counts of u to t: the tally of both sets of
// intervals. Merge(nil) does nothing and t.Merge(t) doubles t. It fails
// with ErrOverflow, leaving t unchanged, if a count or an agent's time in
// a state would pass 2⁶⁴−1.
func (t *Tally) Merge(u *Tally) error {
	if u == nil {
		return nil
	}
	if u == t {
		u = t.Clone()
	}
	if t.n > math.MaxUint64-u.n {
		return fmt.Errorf("%w: merging %d intervals into %d", ErrOverflow, u.n, t.n)
	}
	for name, o := range u.agents {
		if s := t.agents[name]; s != nil && !s.fits(o) {
			return fmt.Errorf("%w: merging agent %q", ErrOverflow, name)
		}
	}
	for name, o := range u.agents {
		s := t.agents[name]
		if s == nil {
			if t.agents == nil {
				t.agents = make(map[string]*sums, len(u.agents))
			}
			s = new(sums)
			t.agents[name] = s
		}
		s.add(o)
	}
	t.n += u.n
	return nil
}

// Clone returns a deep copy of t, which can then change independently.
func (t *Tally) Clone() *Tally {
	u := &Tally{n: t.n}
	if len(t.agents) > 0 {
		u.agents = make(map[string]*sums, len(t.agents))
		for name, s := range t.agents {
			c := *s
			u.agents[name] = &c
		}
	}
	return u
}

// N returns the number of intervals.
func (t *Tally) N() uint64 { return t.n }

// Agents returns the agents' names, sorted.
func (t *Tally) Agents() []string { return slices.Sorted(maps.Keys(t.agents)) }

// Agent returns the tally of one agent's intervals, or ok = false if the
// tally has none of them.
func (t *Tally) Agent(name string) (*Tally, bool) {
	s, ok := t.agents[name]
	if !ok {
		return nil, false
	}
	c := *s
	return &Tally{agents: map[string]*sums{name: &c}, n: c.intervals()}, true
}

// total returns the sums of every agent, in 128 bits: the time per state,
// the OnContact intervals, those with a count, and the contacts.
type total struct {
	ns                 [NumStates]nanos.Sum
	onContact, counted uint64
	contacts           nanos.Sum // a count, summed in 128 bits
}

func (t *Tally) total() total {
	var tot total
	for _, s := range t.agents {
		for i, d := range s.ns {
			tot.ns[i].Add(d)
		}
		tot.onContact += s.n[OnContact-1]
		tot.counted += s.counted
		tot.contacts.Add(s.contacts)
	}
	return tot
}

// sum adds the time of the states that pass keep.
func (tot *total) sum(keep func(State) bool) nanos.Sum {
	var s nanos.Sum
	for i, d := range tot.ns {
		if keep(State(i + 1)) {
			s.Merge(d)
		}
	}
	return s
}

// duration returns s as a Duration, or ok = false past 2⁶³−1 ns.
func duration(s nanos.Sum) (time.Duration, bool) {
	if b := s.Big(); b.IsInt64() {
		return time.Duration(b.Int64()), true
	}
	return 0, false
}

// count returns s as a count, or ok = false past 2⁶⁴−1.
func count(s nanos.Sum) (uint64, bool) {
	if b := s.Big(); b.IsUint64() {
		return b.Uint64(), true
	}
	return 0, false
}

// share returns a ÷ b, or ok = false when b is 0.
func share(a, b nanos.Sum) (float64, bool) {
	if b.IsZero() {
		return 0, false
	}
	return a.Float() / b.Float(), true
}

func isHandling(s State) bool  { return s.handling() }
func isOpen(s State) bool      { return s.handling() || s == Available }
func isLoggedIn(s State) bool  { return s.loggedIn() }
func isPlanned(s State) bool   { return s.planned() }
func isScheduled(s State) bool { return s.loggedIn() || s == Absence }
func is(st State) func(State) bool {
	return func(s State) bool { return s == st }
}

// Time returns the time the agents spent in state s, or ok = false for an
// invalid state or a total past the 292 years a Duration holds (Result
// reports any total, in seconds).
func (t *Tally) Time(s State) (time.Duration, bool) {
	if !s.Valid() {
		return 0, false
	}
	tot := t.total()
	return duration(tot.ns[s-1])
}

// LoggedIn returns the logged-in time, paid time at work: every state but
// Absence and Offline. It is ok = false past 292 years.
func (t *Tally) LoggedIn() (time.Duration, bool) {
	tot := t.total()
	return duration(tot.sum(isLoggedIn))
}

// Occupancy returns the share of the time open for contacts that was
// spent on them: (OnContact + AfterContactWork) ÷ (OnContact +
// AfterContactWork + Available). It is ok = false with no such time.
func (t *Tally) Occupancy() (float64, bool) {
	tot := t.total()
	return share(tot.sum(isHandling), tot.sum(isOpen))
}

// Utilization returns the share of logged-in time spent on contacts:
// (OnContact + AfterContactWork) ÷ logged-in time (every state but
// Absence and Offline). It is ok = false with no logged-in time.
func (t *Tally) Utilization() (float64, bool) {
	tot := t.total()
	return share(tot.sum(isHandling), tot.sum(isLoggedIn))
}

// OpenShare returns the share of logged-in time open for contacts:
// (OnContact + AfterContactWork + Available) ÷ logged-in time, what
// Assembled's glossary calls the utilization rate (time productive or
// available over paid time); 1 − OpenShare is the planned shrinkage of
// logged-in time. It is ok = false with no logged-in time.
func (t *Tally) OpenShare() (float64, bool) {
	tot := t.total()
	return share(tot.sum(isOpen), tot.sum(isLoggedIn))
}

// Shrinkage returns the measured shrinkage: the share of scheduled time
// (logged-in time + Absence) lost to planned (Break, Training, Meeting)
// and unplanned (Absence) shrinkage. It is ok = false with no scheduled
// time. Shrinkage = PlannedShrinkage + UnplannedShrinkage.
func (t *Tally) Shrinkage() (float64, bool) {
	tot := t.total()
	return share(tot.sum(func(s State) bool { return s.planned() || s == Absence }), tot.sum(isScheduled))
}

// PlannedShrinkage returns (Break + Training + Meeting) ÷ scheduled time,
// or ok = false with no scheduled time.
func (t *Tally) PlannedShrinkage() (float64, bool) {
	tot := t.total()
	return share(tot.sum(isPlanned), tot.sum(isScheduled))
}

// UnplannedShrinkage returns Absence ÷ scheduled time, or ok = false with
// no scheduled time.
func (t *Tally) UnplannedShrinkage() (float64, bool) {
	tot := t.total()
	return share(tot.sum(is(Absence)), tot.sum(isScheduled))
}

// Contacts returns the number of contacts the intervals carry, or ok =
// false past 2⁶⁴−1 (agents merged from many tallies).
func (t *Tally) Contacts() (uint64, bool) {
	tot := t.total()
	return count(tot.contacts)
}

// countedAll reports whether every OnContact interval carried a count and
// there was a contact: the condition for AHT and contacts per hour.
func (tot *total) countedAll() bool {
	return tot.counted == tot.onContact && !tot.contacts.IsZero()
}

// AHT returns the average handle time: (OnContact + AfterContactWork) ÷
// contacts, rounded to the nanosecond. It is ok = false without contacts,
// when an OnContact interval carried no count (its contacts are unknown,
// so the mean would be too long), or past the 292 years a Duration holds.
func (t *Tally) AHT() (time.Duration, bool) {
	tot := t.total()
	n, ok := count(tot.contacts)
	if !ok || !tot.countedAll() {
		return 0, false
	}
	return mean(tot.sum(isHandling), n)
}

// ContactsPerHour returns the contacts handled per logged-in hour:
// contacts ÷ logged-in hours, ok = false when AHT is undefined or there
// is no logged-in time.
func (t *Tally) ContactsPerHour() (float64, bool) {
	tot := t.total()
	in := tot.sum(isLoggedIn)
	if !tot.countedAll() || in.IsZero() {
		return 0, false
	}
	return tot.contacts.Float() / (in.Float() / float64(time.Hour)), true
}

// FTE returns the full-time equivalents the logged-in (paid) time makes:
// logged-in time ÷ perFTE, the paid hours of one FTE over the tally's
// period (37.5 h for a week, 1,607 h for a French year: the caller's
// figure). It is ok = false when perFTE is not positive.
func (t *Tally) FTE(perFTE time.Duration) (float64, bool) {
	if perFTE <= 0 {
		return 0, false
	}
	tot := t.total()
	return tot.sum(isLoggedIn).Float() / float64(perFTE), true
}

// Positions returns the mean number of agents logged in over a period of
// the given length (a half-hour interval, a day of opening hours):
// logged-in time ÷ period, the positions the tally staffed on average. It
// is ok = false when period is not positive.
func (t *Tally) Positions(period time.Duration) (float64, bool) {
	return t.FTE(period)
}
