package agent

import (
	"cmp"
	"fmt"
	"iter"
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/rapportkit/rapport/internal/unit"
)

// Schedule is the planned activities of a set of agents, from a workforce
// management tool: for each agent, intervals of the states planned
// (Available for time open to contacts, Break, Training, Meeting…),
// sorted and not overlapping. Compare measures the agents' actual
// intervals against it.
type Schedule struct {
	plans map[string][]Interval
}

// NewSchedule returns the schedule of the planned intervals, in any order.
// Each must be valid (Interval.Validate) and carry no contacts; one
// agent's must not overlap (ErrOverlap, naming the agent and the times).
// Planned Absence and Offline are kept but are not scheduled work time.
// A schedule file reads with Reader (agent, state, start, end), which
// wants each agent's planned intervals in the order of time.
func NewSchedule(planned iter.Seq[Interval]) (*Schedule, error) {
	s := &Schedule{plans: make(map[string][]Interval)}
	i := 0
	for iv := range planned {
		if err := iv.Validate(); err != nil {
			return nil, fmt.Errorf("agent: planned interval %d: %w", i, err)
		}
		if iv.Contacts != 0 {
			return nil, fmt.Errorf("%w: planned interval %d of agent %q has contacts", ErrContacts, i, iv.Agent)
		}
		s.plans[iv.Agent] = append(s.plans[iv.Agent], iv)
		i++
	}
	for name, p := range s.plans {
		slices.SortFunc(p, func(a, b Interval) int { return cmp.Or(a.Start.Compare(b.Start), a.End.Compare(b.End)) })
		for j := 1; j < len(p); j++ {
			if p[j].Start.Before(p[j-1].End) {
				return nil, fmt.Errorf("%w: agent %q: planned %s from %s overlaps planned %s until %s", ErrOverlap, name,
					p[j].State, p[j].Start.Format(time.RFC3339), p[j-1].State, p[j-1].End.Format(time.RFC3339))
			}
		}
	}
	return s, nil
}

// Adherence is an agent's (or a team's) time measured against a schedule.
// Its durations are exact; add agents' with Merge.
type Adherence struct {
	// Scheduled is the planned work time: every planned state but
	// Absence and Offline (breaks, training and meetings are paid work
	// time a schedule places).
	Scheduled time.Duration
	// InAdherence is the part of Scheduled during which the agent was in
	// the planned state. Planned Available, OnContact and
	// AfterContactWork ("open", "on queue") are met by any of the three:
	// an agent planned to take contacts adheres while waiting for one,
	// handling one or wrapping it up. Any other planned state is met by
	// that state only.
	InAdherence time.Duration
	// Worked is the agent's actual logged-in time (every state but
	// Absence and Offline), whenever it was.
	Worked time.Duration
}

// Adherence returns the schedule adherence, InAdherence ÷ Scheduled: the
// share of the scheduled time the agent spent doing what was planned,
// when it was planned. It is ok = false without scheduled time.
func (a Adherence) Adherence() (float64, bool) { return durationShare(a.InAdherence, a.Scheduled) }

// Conformance returns the schedule conformance, Worked ÷ Scheduled: the
// time worked over the time scheduled, whenever it was worked (above 1
// with overtime). It is ok = false without scheduled time.
func (a Adherence) Conformance() (float64, bool) { return durationShare(a.Worked, a.Scheduled) }

func durationShare(a, b time.Duration) (float64, bool) {
	if b <= 0 {
		return 0, false
	}
	return float64(a) / float64(b), true
}

// Merge adds b's durations to a: a team's adherence from its agents'. It
// fails with ErrOverflow, leaving a unchanged, past 292 years.
func (a *Adherence) Merge(b Adherence) error {
	s, ok1 := addDuration(a.Scheduled, b.Scheduled)
	in, ok2 := addDuration(a.InAdherence, b.InAdherence)
	w, ok3 := addDuration(a.Worked, b.Worked)
	if !ok1 || !ok2 || !ok3 {
		return fmt.Errorf("%w: adherence past 292 years", ErrOverflow)
	}
	*a = Adherence{Scheduled: s, InAdherence: in, Worked: w}
	return nil
}

// addDuration returns a + b for non-negative durations, or ok = false if
// it overflows.
func addDuration(a, b time.Duration) (time.Duration, bool) {
	if a > math.MaxInt64-b {
		return 0, false
	}
	return a + b, true
}

// AdherenceResult is the reporting view of an Adherence.
type AdherenceResult struct {
	ScheduledSeconds   float64  `json:"scheduled_seconds"`
	InAdherenceSeconds float64  `json:"in_adherence_seconds"`
	WorkedSeconds      float64  `json:"worked_seconds"`
	AdherencePct       *float64 `json:"adherence_pct"`
	ConformancePct     *float64 `json:"conformance_pct"`
}

// Result returns the reporting view of a.
func (a Adherence) Result() AdherenceResult {
	return AdherenceResult{
		ScheduledSeconds: a.Scheduled.Seconds(), InAdherenceSeconds: a.InAdherence.Seconds(), WorkedSeconds: a.Worked.Seconds(),
		AdherencePct: unit.Pct(a.Adherence()), ConformancePct: unit.Pct(a.Conformance()),
	}
}

// String returns the result for people.
func (r AdherenceResult) String() string {
	pct := func(p *float64) string {
		if p == nil {
			return "–"
		}
		return fmt.Sprintf("%.1f %%", *p)
	}
	return fmt.Sprintf("scheduled %.2f h, in adherence %.2f h, worked %.2f h: adherence %s, conformance %s",
		r.ScheduledSeconds/3600, r.InAdherenceSeconds/3600, r.WorkedSeconds/3600, pct(r.AdherencePct), pct(r.ConformancePct))
}

// matches reports whether an actual state meets a planned one.
func matches(planned, actual State) bool {
	if planned.handling() || planned == Available {
		return actual.handling() || actual == Available
	}
	return planned == actual
}

// Compare measures actual intervals against the schedule, for every agent
// the schedule plans or the intervals name: an agent with no actual
// interval has no worked time and no adherence, and an agent the
// schedule does not plan has worked time but no scheduled time, so that
// its adherence and conformance are undefined (nothing is dropped; leave
// such agents out of a team's Merge if unplanned work is not the team's).
// The intervals are checked as TallyOf checks them: each
// agent's in the order of time, without overlaps; the first bad one stops
// Compare with an error naming its position. Time is counted to the
// nanosecond; the per-agent sums fail with ErrOverflow past 292 years.
// As each agent's intervals come in order, Compare walks the agent's plan
// once: its time is linear in the intervals and the planned activities.
//
// Worked time counts every actual interval given, so pass those of the
// schedule's period: a month of actual time against a week's schedule
// is 400 % conformance.
func (s *Schedule) Compare(actual iter.Seq[Interval]) (map[string]Adherence, error) {
	// compared is an agent's walk through its plan.
	type compared struct {
		plan []Interval // the planned intervals not yet behind the agent
		a    Adherence
		end  time.Time // of the agent's last actual interval
		seen bool
	}
	agents := make(map[string]*compared, len(s.plans))
	for name, p := range s.plans {
		c := &compared{plan: p}
		for _, iv := range p {
			if iv.State.loggedIn() {
				var ok bool
				if c.a.Scheduled, ok = addDuration(c.a.Scheduled, iv.Duration()); !ok {
					return nil, fmt.Errorf("%w: agent %q: scheduled time past 292 years", ErrOverflow, name)
				}
			}
		}
		agents[name] = c
	}
	i := 0
	for iv := range actual {
		if err := iv.Validate(); err != nil {
			return nil, group.At("interval", i, err)
		}
		c := agents[iv.Agent]
		if c == nil {
			c = new(compared)
			agents[iv.Agent] = c
		}
		if c.seen {
			if err := follows(iv, c.end); err != nil {
				return nil, group.At("interval", i, err)
			}
		}
		c.seen, c.end = true, iv.End
		for len(c.plan) > 0 && !c.plan[0].End.After(iv.Start) {
			c.plan = c.plan[1:] // behind this interval, so behind every later one
		}
		if iv.State.loggedIn() {
			w, ok1 := addDuration(c.a.Worked, iv.Duration())
			v, ok2 := addDuration(c.a.InAdherence, adherent(c.plan, iv))
			if !ok1 || !ok2 {
				return nil, group.At("interval", i, fmt.Errorf("%w: agent %q: worked time past 292 years", ErrOverflow, iv.Agent))
			}
			c.a.Worked, c.a.InAdherence = w, v
		}
		i++
	}
	out := make(map[string]Adherence, len(agents))
	for name, c := range agents {
		out[name] = c.a
	}
	return out, nil
}

// adherent returns the time of iv within the planned intervals of a state
// it meets, plan being the agent's planned intervals from the first that
// ends after iv starts.
func adherent(plan []Interval, iv Interval) time.Duration {
	var d time.Duration
	for _, p := range plan {
		if !p.Start.Before(iv.End) {
			break
		}
		if !p.State.loggedIn() || !matches(p.State, iv.State) {
			continue
		}
		lo, hi := p.Start, p.End
		if iv.Start.After(lo) {
			lo = iv.Start
		}
		if iv.End.Before(hi) {
			hi = iv.End
		}
		if hi.After(lo) {
			d += hi.Sub(lo) // within iv: the sum never passes iv's duration
		}
	}
	return d
}
