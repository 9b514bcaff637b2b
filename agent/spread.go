package agent

import (
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/nanos"
)

// aht returns the agent's AHT (see Tally.AHT), or ok = false.
func (s *sums) aht() (time.Duration, bool) {
	if s.contacts == 0 || s.counted != s.n[OnContact-1] {
		return 0, false
	}
	var h nanos.Sum
	h.Add(s.ns[OnContact-1])
	h.Add(s.ns[AfterContactWork-1])
	return mean(h, s.contacts)
}

// mean returns sum ÷ n rounded to the nanosecond, or ok = false when it
// does not fit in a Duration (a handle time of centuries over few
// contacts: ACW intervals carry no contacts, so the sum can pass
// n·(2⁶³−1)).
func mean(sum nanos.Sum, n uint64) (time.Duration, bool) {
	if sum.Cmp(nanos.Product(n, math.MaxInt64)) > 0 {
		return 0, false
	}
	return sum.Mean(n), true
}

// ahts returns the AHT of every agent whose AHT is defined, sorted.
func (t *Tally) ahts() []time.Duration {
	var out []time.Duration
	for _, s := range t.agents {
		if d, ok := s.aht(); ok {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out
}

// AgentAHT returns one agent's AHT (see AHT), or ok = false if the tally
// has no intervals of the agent or the agent's AHT is undefined.
func (t *Tally) AgentAHT(name string) (time.Duration, bool) {
	s, ok := t.agents[name]
	if !ok {
		return 0, false
	}
	return s.aht()
}

// AgentsWithAHT returns the number of agents whose AHT is defined: the
// agents the spread of AHT is read over.
func (t *Tally) AgentsWithAHT() int {
	n := 0
	for _, s := range t.agents {
		if _, ok := s.aht(); ok {
			n++
		}
	}
	return n
}

// AHTMean returns the mean of the agents' AHTs, each agent weighing one
// (AHT weighs each contact one), rounded to the nanosecond; ok = false
// when no agent has an AHT.
func (t *Tally) AHTMean() (time.Duration, bool) {
	a := t.ahts()
	if len(a) == 0 {
		return 0, false
	}
	var s nanos.Sum
	for _, d := range a {
		s.Add(uint64(d))
	}
	return s.Mean(uint64(len(a))), true
}

// AHTDeviation returns the sample standard deviation of the agents' AHTs
// (divided by n − 1), rounded to the nanosecond; ok = false with fewer
// than two agents with an AHT.
func (t *Tally) AHTDeviation() (time.Duration, bool) {
	a := t.ahts()
	if len(a) < 2 {
		return 0, false
	}
	m, _ := t.AHTMean()
	var ss float64
	for _, d := range a {
		x := float64(d - m)
		ss += x * x
	}
	return time.Duration(math.Round(math.Sqrt(ss / float64(len(a)-1)))), true
}

// AHTQuantile returns the p-quantile (0 ≤ p ≤ 1) of the agents' AHTs,
// interpolated linearly between order statistics (Hyndman and Fan's
// definition 7, the default of R's quantile and numpy's percentile), to
// the nanosecond; ok = false when no agent has an AHT or p is outside
// [0, 1].
func (t *Tally) AHTQuantile(p float64) (time.Duration, bool) {
	a := t.ahts()
	if len(a) == 0 || !(p >= 0 && p <= 1) {
		return 0, false
	}
	h := float64(len(a)-1) * p
	i := int(math.Floor(h))
	if i >= len(a)-1 {
		return a[len(a)-1], true
	}
	lo, hi := float64(a[i]), float64(a[i+1])
	return time.Duration(math.Round(lo + (h-float64(i))*(hi-lo))), true
}
