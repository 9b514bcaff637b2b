package operations

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Queue describes the demand on a group of agents over an interval: the
// forecast contacts, their handle time and, for the Erlang A model, the
// customers' patience.
type Queue struct {
	// Contacts is the number of contacts arriving in Interval; a forecast
	// may be fractional.
	Contacts float64 `json:"contacts"`
	// Interval is the period the contacts arrive in, e.g. 30 min.
	Interval time.Duration `json:"interval"`
	// AHT is the average handle time: talk + hold + wrap.
	AHT time.Duration `json:"aht"`
	// Patience is the customers' mean patience, the time they would wait
	// before abandoning (see Tally.Patience). Zero means they never
	// abandon: the Erlang C model. Otherwise the Erlang A model.
	Patience time.Duration `json:"patience,omitempty"`
	// Concurrency is the number of contacts an agent handles at once (2
	// or 3 chats, say); 0 means 1. An agent handling c contacts at once is
	// modelled as one agent working c times faster: the handle time each
	// contact costs the agents is AHT/c, and so are the waits it drives.
	Concurrency float64 `json:"concurrency,omitempty"`
}

// model returns the traffic a agents face in Erlangs, the effective handle
// time and r = AHT/patience (0 for Erlang C), after validating q.
func (q Queue) model() (a float64, aht time.Duration, r float64, err error) {
	c := q.Concurrency
	switch {
	case !(q.Contacts >= 0) || math.IsInf(q.Contacts, 1):
		return 0, 0, 0, fmt.Errorf("%w: contacts %v", ErrQueue, q.Contacts)
	case q.Interval <= 0:
		return 0, 0, 0, fmt.Errorf("%w: interval %v", ErrQueue, q.Interval)
	case q.AHT <= 0:
		return 0, 0, 0, fmt.Errorf("%w: AHT %v", ErrQueue, q.AHT)
	case q.Patience < 0:
		return 0, 0, 0, fmt.Errorf("%w: patience %v", ErrQueue, q.Patience)
	case c == 0:
		c = 1
	case !(c >= 1) || math.IsInf(c, 1):
		return 0, 0, 0, fmt.Errorf("%w: concurrency %v", ErrQueue, q.Concurrency)
	}
	aht = time.Duration(math.Round(float64(q.AHT) / c))
	if aht <= 0 {
		return 0, 0, 0, fmt.Errorf("%w: AHT %v at concurrency %v", ErrQueue, q.AHT, c)
	}
	a = q.Contacts * float64(q.AHT) / float64(q.Interval) / c
	if err := checkTraffic(a); err != nil {
		return 0, 0, 0, err
	}
	if q.Patience > 0 {
		r = float64(aht) / float64(q.Patience)
	}
	return a, aht, r, nil
}

// Traffic returns the offered load the agents face, in Erlangs:
// Contacts × AHT / Interval / Concurrency. 100 calls in 30 min with an AHT
// of 3 min are 10 Erlangs. It fails with ErrQueue on an invalid queue.
func (q Queue) Traffic() (float64, error) {
	a, _, _, err := q.model()
	return a, err
}

// Metrics is the steady-state performance of a queue with a number of
// agents. Probabilities and shares are fractions in [0, 1].
type Metrics struct {
	Agents  int     `json:"agents"`
	Traffic float64 `json:"traffic"` // offered load in Erlangs
	// Within is the threshold of ServiceLevel.
	Within time.Duration `json:"within"`
	// PWait is the probability that a contact waits (Erlang C: C(N, A)).
	PWait float64 `json:"p_wait"`
	// ServiceLevel is the share of all contacts answered within Within.
	ServiceLevel float64 `json:"service_level"`
	// ASA is the mean wait of answered contacts.
	ASA time.Duration `json:"asa"`
	// Abandonment is the share of contacts that abandon (0 for Erlang C).
	Abandonment float64 `json:"abandonment"`
	// Occupancy is the share of the agents' time spent handling contacts.
	Occupancy float64 `json:"occupancy"`
}

// String returns e.g. "14 agents on 10.00 Erlangs: P(wait) 17.4%, SL
// 88.8% in 20s, ASA 7.8s, abandonment 0.0%, occupancy 71.4%".
func (m Metrics) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d agents on %.2f Erlangs: P(wait) %.1f%%, SL %.1f%% in %v, ASA %.1fs, abandonment %.1f%%, occupancy %.1f%%",
		m.Agents, m.Traffic, 100*m.PWait, 100*m.ServiceLevel, m.Within, m.ASA.Seconds(), 100*m.Abandonment, 100*m.Occupancy)
	return b.String()
}

// Metrics returns the queue's performance with the given number of agents
// and service-level threshold. Without patience it is Erlang C:
//
//	P(wait) = C(N, A),  SL = 1 − C·e^{−(N−A)·t/AHT},  ASA = C·AHT/(N − A),  occupancy = A/N,
//
// and it fails with ErrUnstable when A ≥ N. With patience it is Erlang A
// (see the package documentation), stable for any N ≥ 1. It fails with
// ErrQueue, ErrAgents (N < 1 with traffic, or past MaxAgents), a negative
// threshold (ErrTargets), or ErrConverge.
func (q Queue) Metrics(agents int, within time.Duration) (Metrics, error) {
	a, aht, r, err := q.model()
	if err != nil {
		return Metrics{}, err
	}
	if err := checkAgents(agents); err != nil {
		return Metrics{}, err
	}
	if within < 0 {
		return Metrics{}, fmt.Errorf("%w: threshold %v", ErrTargets, within)
	}
	if a == 0 {
		return idle(agents, within), nil
	}
	if agents == 0 {
		return Metrics{}, fmt.Errorf("%w: no agents for %v Erlangs", ErrAgents, a)
	}
	if r == 0 && a >= float64(agents) {
		return Metrics{}, fmt.Errorf("%w: %v Erlangs on %d agents", ErrUnstable, a, agents)
	}
	return evaluate(a, aht, r, agents, within, invB(a, agents))
}

// idle returns the metrics of a queue without traffic.
func idle(agents int, within time.Duration) Metrics {
	return Metrics{Agents: agents, Within: within, ServiceLevel: 1}
}

// evaluate returns the metrics of n agents given x = 1/B(n, a); for
// Erlang C, n > a.
func evaluate(a float64, aht time.Duration, r float64, n int, within time.Duration, x float64) (Metrics, error) {
	m := Metrics{Agents: n, Traffic: a, Within: within}
	tau := float64(within) / float64(aht)
	if r == 0 {
		c := erlangC(a, n, x)
		gap := float64(n) - a
		m.PWait = c
		m.ServiceLevel = 1 - c*math.Exp(-gap*tau)
		m.ASA = duration(c / gap * float64(aht))
		m.Occupancy = a / float64(n)
		return m, nil
	}
	e, ok := computeErlangA(a, n, r, tau, x)
	if !ok {
		return Metrics{}, fmt.Errorf("%w: %v Erlangs on %d agents, AHT/patience %v", ErrConverge, a, n, r)
	}
	m.PWait, m.ServiceLevel, m.Abandonment, m.Occupancy = e.pWait, e.serviceLevel, e.pAbandon, e.occupancy
	m.ASA = duration(e.asa * float64(aht))
	return m, nil
}

// duration rounds nanoseconds to a Duration, saturating.
func duration(ns float64) time.Duration {
	if ns >= math.MaxInt64 {
		return math.MaxInt64
	}
	return time.Duration(math.Round(ns))
}
