package plan

// This file is the only one in package plan that calls the staffing API
// of package operations. It uses:
//
//	operations.Queue{Contacts, Interval, AHT, Patience, Concurrency}
//	Queue.Traffic, Queue.Staff, Queue.Metrics
//	operations.Targets{ServiceLevel, Within, ASA, Abandonment, Occupancy, Shrinkage}
//	operations.Staffing{Agents, Positions, Metrics}
//	operations.Metrics{ServiceLevelPct, ASASeconds, AbandonmentPct, OccupancyPct}
//	operations.Positions, operations.ErrUnstable, operations.ErrAgents
//
// and turns them into the plan's own figures (metrics, requirement), so
// that a change of those names or types changes this file only.

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/rapportkit/rapport/operations"
)

// metrics are the performance of a number of agents on a queue, as
// fractions and seconds.
type metrics struct {
	sl, asa, abandon, occ float64
}

// limit returns the metrics a queue tends to as the agents fall to the
// edge of stability (Erlang C: N → A⁺) or to none (Erlang A): nobody is
// answered in time, waits are unbounded, everyone abandons who can, and
// the agents are always busy.
func limit(erlangA bool) metrics {
	m := metrics{asa: math.Inf(1), occ: 1}
	if erlangA {
		m.abandon = 1
	}
	return m
}

// metricsOf reads operations' report units back into fractions and
// seconds; a figure operations leaves undefined (a queue without
// traffic) is NaN, which compares false with every target and becomes
// nil again in the plan's results.
func metricsOf(m operations.Metrics) metrics {
	frac := func(pct *float64) float64 {
		if pct == nil {
			return math.NaN()
		}
		return *pct / 100
	}
	asa := math.NaN()
	if m.ASASeconds != nil {
		asa = *m.ASASeconds
	}
	return metrics{sl: frac(m.ServiceLevelPct), asa: asa, abandon: frac(m.AbandonmentPct), occ: frac(m.OccupancyPct)}
}

// targets are the targets a staffing meets, as floats (0 = not set).
type targets struct {
	sl     float64
	within time.Duration
	asa    float64 // seconds
	ab     float64
	occ    float64
	shrink float64
}

func targetsOf(t operations.Targets) targets {
	return targets{sl: t.ServiceLevel, within: t.Within, asa: t.ASA.Seconds(), ab: t.Abandonment, occ: t.Occupancy, shrink: t.Shrinkage}
}

func (t targets) any() bool { return t.sl > 0 || t.asa > 0 || t.ab > 0 || t.occ > 0 }

// requirement is the staffing of one interval.
type requirement struct {
	traffic    float64 // Erlangs
	agents     int
	fractional float64
	positions  int
	m          metrics // with agents
}

// need returns the staffing of queue q for targets t: the agents
// operations.Queue.Staff finds, its positions and metrics, and the
// fractional requirement (see the package documentation).
func need(q operations.Queue, t operations.Targets) (requirement, error) {
	a, err := q.Traffic()
	if err != nil {
		return requirement{}, err
	}
	st, err := q.Staff(staffTargets(t))
	if err != nil {
		return requirement{}, err
	}
	r := requirement{traffic: a, agents: st.Agents, positions: st.Positions, m: metricsOf(st.Metrics)}
	if st.Agents == 0 {
		return r, nil
	}
	if t.ServiceLevel == 0 && t.Within > 0 {
		// The service level at the plan's threshold, which Staff did
		// not see (staffTargets).
		m, err := q.Metrics(st.Agents, t.Within)
		if err != nil {
			return requirement{}, err
		}
		r.m = metricsOf(m)
	}
	erlangA := q.Patience > 0
	tv := targetsOf(t)
	lo := float64(st.Agents - 1)
	var ml metrics
	switch {
	case !erlangA && lo <= a:
		lo, ml = a, limit(false)
	case erlangA && st.Agents == 1:
		lo, ml = 0, limit(true)
	default:
		m, err := q.Metrics(st.Agents-1, tv.within)
		if err != nil {
			return requirement{}, err
		}
		ml = metricsOf(m)
	}
	r.fractional = fractional(tv, a, erlangA, lo, float64(st.Agents), ml, r.m)
	return r, nil
}

// fractional interpolates, between lo (N − 1, or the traffic A where
// N − 1 ≤ A leaves Erlang C unstable) and n = N, the point where each
// target not met at lo is met exactly, and returns the largest: linearly
// in the service level, the abandonment and (Erlang A) the occupancy, in
// 1/ASA for the ASA, and exactly A/o for an Erlang C occupancy target o.
// It is n if no target binds: then only the need for a steady state, or
// for one agent, sets n.
func fractional(t targets, a float64, erlangA bool, lo, n float64, ml, mn metrics) float64 {
	x, binds := lo, false
	at := func(from, to, target float64) float64 { // from the value at lo to the value at n
		if to == from {
			return n
		}
		return lo + (n-lo)*min(max((target-from)/(to-from), 0), 1)
	}
	if t.sl > 0 && ml.sl < t.sl {
		x, binds = max(x, at(ml.sl, mn.sl, t.sl)), true
	}
	if t.asa > 0 && ml.asa > t.asa {
		x, binds = max(x, at(1/ml.asa, 1/mn.asa, 1/t.asa)), true // 1/∞ = 0 at the limit
	}
	if t.ab > 0 && ml.abandon > t.ab {
		x, binds = max(x, at(ml.abandon, mn.abandon, t.ab)), true
	}
	if t.occ > 0 && ml.occ > t.occ {
		binds = true
		if erlangA {
			x = max(x, at(ml.occ, mn.occ, t.occ))
		} else {
			x = max(x, min(a/t.occ, n))
		}
	}
	if !binds {
		return n
	}
	// Rounding can put A/o a hair below N − 1 when N − 1 misses the
	// target by less (A/(N − 1) just above o): keep ⌈x⌉ = N.
	return max(x, math.Nextafter(n-1, n))
}

// at returns the metrics of n agents on q, ok = false where there are
// none (Erlang C with n ≤ A, or no agent for some traffic).
func at(q operations.Queue, n int, within time.Duration) (metrics, bool, error) {
	m, err := q.Metrics(n, within)
	if errors.Is(err, operations.ErrUnstable) || (n == 0 && errors.Is(err, operations.ErrAgents)) {
		return metrics{}, false, nil
	}
	if err != nil {
		return metrics{}, false, err
	}
	return metricsOf(m), true, nil
}

// positions returns the positions to schedule for n agents at the
// targets' shrinkage, exactly.
func positions(n int, t operations.Targets) (int, error) {
	return operations.Positions(n, t.Shrinkage)
}

// queue returns the operations queue of one interval.
func queue(contacts float64, interval, aht, patience time.Duration, concurrency float64) operations.Queue {
	return operations.Queue{Contacts: contacts, Interval: interval, AHT: aht, Patience: patience, Concurrency: concurrency}
}

// staffTargets returns t as operations.Queue.Staff takes it: a plan's
// Within is also the threshold its tables report the service level at,
// so it may come without a service-level target, which Staff refuses as
// a target that does nothing.
func staffTargets(t operations.Targets) operations.Targets {
	if t.ServiceLevel == 0 {
		t.Within = 0
	}
	return t
}

// checkTargets validates t through operations, on a queue of one contact
// with the plan's patience (an abandonment target needs one).
func checkTargets(t operations.Targets, patience time.Duration) error {
	if !targetsOf(t).any() {
		return fmt.Errorf("%w: no service level, ASA, abandonment or occupancy target", ErrTargets)
	}
	q := queue(1, time.Hour, time.Minute, patience, 0)
	if _, err := q.Staff(staffTargets(t)); err != nil {
		return fmt.Errorf("%w: %w", ErrTargets, err)
	}
	return nil
}

// shrinkage returns the targets' shrinkage.
func shrinkage(t operations.Targets) float64 { return t.Shrinkage }

// within returns the targets' service-level threshold.
func within(t operations.Targets) time.Duration { return t.Within }
