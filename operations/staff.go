package operations

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"time"

	"github.com/rapportkit/rapport/internal/stat"
)

// Targets are the performance a staffing must reach, as the caller types
// them: shares are fractions read as their decimals (0.8 is exactly 8/10)
// and times are durations. A zero field sets no target; Staff needs at
// least one, and meets every target set.
//
// In JSON the units are in the keys, shares in percent and times in
// seconds: {"service_level_pct":80,"within_seconds":20,"occupancy_pct":85}.
type Targets struct {
	// ServiceLevel is the least share of contacts answered within Within,
	// in (0, 1): 0.8 with Within 20 s is "80/20". It needs Within > 0, and
	// Within without it sets nothing.
	ServiceLevel float64
	Within       time.Duration
	// ASA is the longest average speed of answer.
	ASA time.Duration
	// Abandonment is the largest share of contacts abandoning, in (0, 1).
	// Only customers with a patience abandon: it needs Queue.Patience (the
	// Erlang A model).
	Abandonment float64
	// Occupancy is the largest share of agent time spent on contacts, in
	// (0, 1), so that agents are not worn out.
	Occupancy float64
	// Shrinkage is not a target: it is the share of paid time agents are
	// not available for contacts (breaks, training, absence), in [0, 1),
	// used to turn agents into scheduled positions (see Positions).
	Shrinkage float64
}

type targetsJSON struct {
	ServiceLevelPct float64 `json:"service_level_pct,omitempty"`
	WithinSeconds   float64 `json:"within_seconds,omitempty"`
	ASASeconds      float64 `json:"asa_seconds,omitempty"`
	AbandonmentPct  float64 `json:"abandonment_pct,omitempty"`
	OccupancyPct    float64 `json:"occupancy_pct,omitempty"`
	ShrinkagePct    float64 `json:"shrinkage_pct,omitempty"`
}

// MarshalJSON writes the targets set, shares in percent and times in
// seconds.
func (t Targets) MarshalJSON() ([]byte, error) {
	return json.Marshal(targetsJSON{
		ServiceLevelPct: percentOf(t.ServiceLevel), WithinSeconds: t.Within.Seconds(), ASASeconds: t.ASA.Seconds(),
		AbandonmentPct: percentOf(t.Abandonment), OccupancyPct: percentOf(t.Occupancy), ShrinkagePct: percentOf(t.Shrinkage),
	})
}

// UnmarshalJSON reads targets written by MarshalJSON: shares in percent,
// read as decimals (85 is the 0.85 a caller would type), and times in
// seconds, rounded to the nanosecond. A time that is negative or past 292
// years fails with ErrDuration; Staff checks the rest. On error t is
// unchanged.
func (t *Targets) UnmarshalJSON(b []byte) error {
	var j targetsJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	within, err := fromSeconds("within_seconds", j.WithinSeconds)
	if err != nil {
		return err
	}
	asa, err := fromSeconds("asa_seconds", j.ASASeconds)
	if err != nil {
		return err
	}
	*t = Targets{ServiceLevel: fractionOf(j.ServiceLevelPct), Within: within, ASA: asa,
		Abandonment: fractionOf(j.AbandonmentPct), Occupancy: fractionOf(j.OccupancyPct), Shrinkage: fractionOf(j.ShrinkagePct)}
	return nil
}

// check validates the targets for the queue l: each in range, and
// together usable.
func (t Targets) check(l *load) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrTargets}, args...)...)
	}
	switch {
	case t.ServiceLevel != 0 && !(t.ServiceLevel > 0 && t.ServiceLevel < 1):
		return bad("ServiceLevel %v not in (0, 1)", t.ServiceLevel)
	case t.Within < 0:
		return bad("Within %v is negative", t.Within)
	case t.ServiceLevel != 0 && t.Within == 0:
		return bad("ServiceLevel %v needs Within > 0", t.ServiceLevel)
	case t.ServiceLevel == 0 && t.Within != 0:
		return bad("Within %v without a ServiceLevel sets no target", t.Within)
	case t.ASA < 0:
		return bad("ASA %v is negative", t.ASA)
	case t.Abandonment != 0 && !(t.Abandonment > 0 && t.Abandonment < 1):
		return bad("Abandonment %v not in (0, 1)", t.Abandonment)
	case t.Abandonment != 0 && l.r == 0:
		return bad("Abandonment %v needs a Queue.Patience: without one (Erlang C) no contact abandons", t.Abandonment)
	case t.Occupancy != 0 && !(t.Occupancy > 0 && t.Occupancy < 1):
		return bad("Occupancy %v not in (0, 1)", t.Occupancy)
	case !(t.Shrinkage >= 0 && t.Shrinkage < 1):
		return bad("Shrinkage %v not in [0, 1)", t.Shrinkage)
	case t.ServiceLevel == 0 && t.ASA == 0 && t.Abandonment == 0 && t.Occupancy == 0:
		return bad("no target set (ServiceLevel, ASA, Abandonment or Occupancy)")
	}
	return nil
}

// goals are the targets set, ready to compare with the models' values.
type goals struct {
	sl, asa, abandonment, occupancy limit // f = 0 when not set
}

func (t Targets) goals() goals {
	return goals{sl: shareLimit(t.ServiceLevel), asa: durationLimit(t.ASA),
		abandonment: shareLimit(t.Abandonment), occupancy: shareLimit(t.Occupancy)}
}

// met reports whether p meets every target set, each compared as
// limit.cmp does; the occupancy only if occupancy is true (Erlang C
// meets it exactly by its lower bound on the agents instead).
func (g goals) met(p perf, occupancy bool) bool {
	return (g.sl.f == 0 || g.sl.cmp(p.sl) >= 0) &&
		(g.asa.f == 0 || g.asa.cmp(p.asa) <= 0) &&
		(g.abandonment.f == 0 || g.abandonment.cmp(p.abandonment) <= 0) &&
		(!occupancy || g.occupancy.f == 0 || g.occupancy.cmp(p.occupancy) <= 0)
}

// Staffing is the answer to "how many agents?": the agents needed on
// contacts at once ("raw positions"), the positions to schedule once
// shrinkage is allowed for, and the performance the agents achieve.
type Staffing struct {
	Agents    int     `json:"agents"`
	Positions int     `json:"positions"`
	Metrics   Metrics `json:"metrics"`
}

// String returns e.g. "20 positions for 14 agents on 10.00
// Erlangs: P(wait) 17.4%, …".
func (s Staffing) String() string {
	return fmt.Sprintf("%d positions for %v", s.Positions, s.Metrics)
}

// Staff returns the smallest number of agents meeting every target, and
// the positions to schedule for it at the targets' shrinkage. Its metrics
// are those Queue.Metrics returns for that number.
//
// Targets compare as the caller typed them. The occupancy of Erlang C,
// A/N, is compared exactly with the traffic as a rational (2.1 Erlangs on
// 3 agents are 70 %); a service level, an ASA, an abandonment rate or an
// Erlang A occupancy is transcendental, so it is rounded to 12
// significant digits before it is compared (80.0000000000 % meets 0.8).
//
// Erlang C (no patience): the search starts at the smallest stable
// number, ⌊A⌋ + 1, or at ⌈A/o⌉ for an occupancy target o if that is
// larger, and tries N + 1, N + 2, … updating 1/B(N) in one step each, so
// no N is skipped. Every target is met once B(N, A) underflows, at most
// about A + 40√A + 200 agents, so the search is O(√A) steps.
//
// Erlang A (with patience): every N ≥ 1 is stable. P(abandon), ASA and
// occupancy fall and the service level rises as agents are added, so the
// set of N meeting the targets is {N ≥ N*} and N* is found by galloping
// from ⌈A⌉ and bisecting, at most 62 evaluations (tests check the
// monotonicity, and the result against a scan from N = 1). The whole
// search sums at most 2²⁴ terms and fails with ErrConverge past them.
//
// With no traffic no agent is needed. It fails with ErrQueue, ErrTargets
// (out of range, or an unusable combination: see Targets), ErrConverge,
// or ErrUnreachable past MaxAgents.
func (q Queue) Staff(t Targets) (Staffing, error) {
	l, err := q.load()
	if err != nil {
		return Staffing{}, err
	}
	if err := t.check(&l); err != nil {
		return Staffing{}, err
	}
	if l.a == 0 {
		return Staffing{Metrics: idle(0, t.Within)}, nil
	}
	var p perf
	if l.r == 0 {
		p, err = l.staffErlangC(t)
	} else {
		b := terms(maxStaffTerms)
		p, err = l.staffErlangA(t, &b)
	}
	if err != nil {
		return Staffing{}, err
	}
	positions, err := Positions(p.n, t.Shrinkage)
	if err != nil {
		return Staffing{}, err
	}
	return Staffing{Agents: p.n, Positions: positions, Metrics: l.metrics(p, t.Within)}, nil
}

func (l *load) staffErlangC(t Targets) (perf, error) {
	lo := l.firstStable()
	if t.Occupancy > 0 {
		lo = max(lo, l.agentsFor(t.Occupancy))
	}
	if lo > MaxAgents {
		return perf{}, fmt.Errorf("%w: not met with %d agents", ErrUnreachable, MaxAgents)
	}
	g := t.goals()
	tau := float64(t.Within) / float64(l.aht)
	x := invB(l.a, lo)
	for n := lo; ; n++ {
		if n > lo {
			x = step(l.a, n, x)
		}
		if p := erlangCPerf(l.a, l.aht, n, tau, x); g.met(p, false) {
			return p, nil
		}
		if n == MaxAgents {
			return perf{}, fmt.Errorf("%w: not met with %d agents", ErrUnreachable, MaxAgents)
		}
	}
}

func (l *load) staffErlangA(t Targets, b *terms) (perf, error) {
	g := t.goals()
	var failure error
	eval := func(n int) (perf, bool) {
		p, err := l.evaluate(n, t.Within, invB(l.a, n), b)
		if err != nil && failure == nil {
			failure = fmt.Errorf("%w: Staff needs more than %d terms (at %d agents)", ErrConverge, maxStaffTerms, n)
			if *b > 0 { // this evaluation alone passed its own bound
				failure = err
			}
		}
		return p, err == nil
	}
	best := perf{n: MaxAgents + 1} // the fewest agents found to meet the targets
	n, err := smallest(func(n int) bool {
		p, ok := eval(n)
		if !ok {
			return true // a failure stops the search; it is reported below
		}
		met := g.met(p, true)
		if met && n < best.n {
			best = p
		}
		return met
	}, 1, int(math.Ceil(l.a)))
	switch {
	case failure != nil:
		return perf{}, failure
	case err != nil:
		return perf{}, err
	case best.n != n: // unreachable: smallest returns the fewest agents it saw meet them
		return perf{}, fmt.Errorf("%w: search ended at %d agents, not %d", ErrConverge, n, best.n)
	}
	return best, nil
}

// Positions returns the positions to schedule so that `agents` are on
// contacts when a share `shrinkage` of paid time goes to breaks, training,
// meetings and absence: ⌈agents / (1 − shrinkage)⌉, computed exactly. The
// shrinkage is read as the shortest decimal that rounds to it, so 0.3 is
// 3/10 and 21 agents need 30 positions — not 31, as 21/(1 − 0.3) =
// 30.000000000000004 in floating point would give. It fails with ErrAgents
// for a negative number of agents or positions past MaxAgents, and with
// ErrTargets for a shrinkage outside [0, 1).
func Positions(agents int, shrinkage float64) (int, error) {
	if err := checkAgents(agents); err != nil {
		return 0, err
	}
	if !(shrinkage >= 0 && shrinkage < 1) {
		return 0, fmt.Errorf("%w: shrinkage %v not in [0, 1)", ErrTargets, shrinkage)
	}
	num, den, ok := stat.DecimalFraction(shrinkage)
	if !ok { // more than 19 decimal places
		s := stat.Decimal(shrinkage)
		n := new(big.Int).Mul(big.NewInt(int64(agents)), s.Denom())
		d := new(big.Int).Sub(s.Denom(), s.Num()) // > 0
		q, m := n.QuoRem(n, d, new(big.Int))
		if m.Sign() != 0 {
			q.Add(q, big.NewInt(1))
		}
		if !q.IsInt64() || q.Int64() > MaxAgents {
			return 0, tooManyPositions(agents, shrinkage)
		}
		return int(q.Int64()), nil
	}
	hi, lo := bits.Mul64(uint64(agents), den)
	d := den - num // > 0 as shrinkage < 1
	if hi >= d {
		return 0, tooManyPositions(agents, shrinkage)
	}
	q, r := bits.Div64(hi, lo, d)
	if r != 0 {
		q++
	}
	if q > MaxAgents {
		return 0, tooManyPositions(agents, shrinkage)
	}
	return int(q), nil
}

func tooManyPositions(agents int, shrinkage float64) error {
	return fmt.Errorf("%w: %d agents at shrinkage %v need more than %d positions", ErrAgents, agents, shrinkage, MaxAgents)
}
