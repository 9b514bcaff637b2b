package operations

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"time"
)

// Targets are the performance a staffing must reach. A zero field sets no
// target; a Staffing meets every target set.
type Targets struct {
	// ServiceLevel is the least share of contacts answered within Within,
	// in (0, 1): 0.8 with Within 20 s is "80/20".
	ServiceLevel float64       `json:"service_level,omitempty"`
	Within       time.Duration `json:"within,omitempty"`
	// ASA is the longest average speed of answer.
	ASA time.Duration `json:"asa,omitempty"`
	// Abandonment is the largest share of contacts abandoning, in (0, 1);
	// only an Erlang A queue (with Patience) abandons.
	Abandonment float64 `json:"abandonment,omitempty"`
	// Occupancy is the largest share of agent time spent on contacts, in
	// (0, 1], so that agents are not worn out.
	Occupancy float64 `json:"occupancy,omitempty"`
	// Shrinkage is not a target: it is the share of paid time agents are
	// not available for contacts (breaks, training, absence), in [0, 1),
	// used to turn agents into scheduled positions (see Positions).
	Shrinkage float64 `json:"shrinkage,omitempty"`
}

func (t Targets) check() error {
	switch {
	case t.ServiceLevel != 0 && !(t.ServiceLevel > 0 && t.ServiceLevel < 1):
		return fmt.Errorf("%w: service level %v not in (0, 1)", ErrTargets, t.ServiceLevel)
	case t.Within < 0:
		return fmt.Errorf("%w: threshold %v", ErrTargets, t.Within)
	case t.ASA < 0:
		return fmt.Errorf("%w: ASA %v", ErrTargets, t.ASA)
	case t.Abandonment != 0 && !(t.Abandonment > 0 && t.Abandonment < 1):
		return fmt.Errorf("%w: abandonment %v not in (0, 1)", ErrTargets, t.Abandonment)
	case t.Occupancy != 0 && !(t.Occupancy > 0 && t.Occupancy <= 1):
		return fmt.Errorf("%w: occupancy %v not in (0, 1]", ErrTargets, t.Occupancy)
	case !(t.Shrinkage >= 0 && t.Shrinkage < 1):
		return fmt.Errorf("%w: shrinkage %v not in [0, 1)", ErrTargets, t.Shrinkage)
	}
	return nil
}

// met reports whether m meets every target set.
func (t Targets) met(m Metrics) bool {
	return (t.ServiceLevel == 0 || m.ServiceLevel >= t.ServiceLevel) &&
		(t.ASA == 0 || m.ASA <= t.ASA) &&
		(t.Abandonment == 0 || m.Abandonment <= t.Abandonment) &&
		(t.Occupancy == 0 || m.Occupancy <= t.Occupancy)
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
// the positions to schedule for it at the targets' shrinkage.
//
// Erlang C (no patience): the search starts at the smallest stable
// number, ⌊A⌋ + 1, or at the least N with A/N within the occupancy target
// if that is larger (occupancy falls with N, so no smaller N meets it), and
// then tries N + 1, N + 2, … updating 1/B(N) in one step each, so no N is
// skipped and the search costs O(√A) steps past the recursion to ⌊A⌋ + 1.
// The metrics returned are bit for bit those of Queue.Metrics.
//
// Erlang A (with patience): every N ≥ 1 is stable. P(abandon), ASA and
// occupancy fall and the service level rises as agents are added, so the
// set of N meeting the targets is {N ≥ N*} and N* is found by galloping
// from ⌈A⌉ and bisecting. (Tests check the monotonicity, and the result
// against a scan from N = 1, over a grid of queues.)
//
// With no traffic no agent is needed. It fails with ErrQueue, ErrTargets,
// ErrConverge, or ErrUnreachable past MaxAgents.
func (q Queue) Staff(t Targets) (Staffing, error) {
	a, aht, r, err := q.model()
	if err != nil {
		return Staffing{}, err
	}
	if err := t.check(); err != nil {
		return Staffing{}, err
	}
	if a == 0 {
		return Staffing{Metrics: idle(0, t.Within)}, nil
	}
	var m Metrics
	if r == 0 {
		m, err = staffErlangC(a, aht, t)
	} else {
		m, err = staffErlangA(a, aht, r, t)
	}
	if err != nil {
		return Staffing{}, err
	}
	p, err := Positions(m.Agents, t.Shrinkage)
	if err != nil {
		return Staffing{}, err
	}
	return Staffing{Agents: m.Agents, Positions: p, Metrics: m}, nil
}

func staffErlangC(a float64, aht time.Duration, t Targets) (Metrics, error) {
	lo := int(math.Floor(a)) + 1
	if t.Occupancy > 0 {
		// Occupancy a/N ≤ o, tested exactly as met tests it.
		lo = max(lo, int(math.Min(a/t.Occupancy, MaxAgents))-1)
		for lo <= MaxAgents && a/float64(lo) > t.Occupancy {
			lo++
		}
	}
	if lo > MaxAgents {
		return Metrics{}, fmt.Errorf("%w: not met with %d agents", ErrUnreachable, MaxAgents)
	}
	x := invB(a, lo)
	for n := lo; ; n++ {
		if n > lo {
			x = step(a, n, x)
		}
		m, _ := evaluate(a, aht, 0, n, t.Within, x) // Erlang C cannot fail
		if t.met(m) {
			return m, nil
		}
		if n == MaxAgents {
			return Metrics{}, fmt.Errorf("%w: not met with %d agents", ErrUnreachable, MaxAgents)
		}
	}
}

func staffErlangA(a float64, aht time.Duration, r float64, t Targets) (Metrics, error) {
	var failure error
	metrics := func(n int) (Metrics, bool) {
		m, err := evaluate(a, aht, r, n, t.Within, invB(a, n))
		if err != nil && failure == nil {
			failure = err
		}
		return m, err == nil
	}
	n, err := smallest(func(n int) bool {
		m, ok := metrics(n)
		return !ok || t.met(m) // a failure stops the search; it is reported below
	}, 1, int(math.Ceil(a)))
	if failure != nil {
		return Metrics{}, failure
	}
	if err != nil {
		return Metrics{}, err
	}
	m, _ := metrics(n)
	return m, nil
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
	num, den, ok := shortestDecimal(shrinkage)
	if !ok { // more than 19 decimal places
		s, _ := new(big.Rat).SetString(strconv.FormatFloat(shrinkage, 'g', -1, 64))
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

// shortestDecimal returns s ∈ [0, 1) as num/den with den = 10ᵏ, from the
// shortest decimal that rounds to s, or ok = false if k > 19.
func shortestDecimal(s float64) (num, den uint64, ok bool) {
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], s, 'e', -1, 64) // d.ddde±xx
	i := bytes.IndexByte(b, 'e')
	digits := 0
	for _, c := range b[:i] {
		if c != '.' {
			num = 10*num + uint64(c-'0')
			digits++
		}
	}
	e := 0
	for _, c := range b[i+2:] {
		e = 10*e + int(c-'0')
	}
	if b[i+1] == '-' {
		e = -e
	}
	k := digits - 1 - e // s = num / 10ᵏ
	if k < 0 || k > 19 {
		return 0, 0, false
	}
	den = 1
	for range k {
		den *= 10
	}
	return num, den, true
}
