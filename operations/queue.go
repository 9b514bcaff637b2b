package operations

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/unit"

	"github.com/rapportkit/rapport/internal/stat"
)

// Queue describes the demand on a group of agents over an interval: the
// forecast contacts, their handle time and, for the Erlang A model, the
// customers' patience. In JSON its times are seconds:
// {"contacts":100,"interval_seconds":1800,"aht_seconds":180}.
type Queue struct {
	// Contacts is the number of contacts arriving in Interval; a forecast
	// may be fractional. It is read as the decimal it prints as (12.5,
	// 153), so that the traffic is exact.
	Contacts float64
	// Interval is the period the contacts arrive in, e.g. 30 min.
	Interval time.Duration
	// AHT is the average handle time: talk + hold + wrap.
	AHT time.Duration
	// Patience is the customers' mean patience, the time they would wait
	// before abandoning (see Tally.Patience). Zero means they never
	// abandon: the Erlang C model. Otherwise the Erlang A model.
	Patience time.Duration
	// Concurrency is the number of contacts an agent handles at once (2
	// or 3 chats, say), read as its decimal; 0 means 1. An agent handling
	// c contacts at once is modelled as one agent working c times faster:
	// the handle time each contact costs the agents is AHT/c, and so are
	// the waits it drives.
	Concurrency float64
}

type queueJSON struct {
	Contacts        float64 `json:"contacts"`
	IntervalSeconds float64 `json:"interval_seconds"`
	AHTSeconds      float64 `json:"aht_seconds"`
	PatienceSeconds float64 `json:"patience_seconds,omitempty"`
	Concurrency     float64 `json:"concurrency,omitempty"`
}

// MarshalJSON writes the queue with its times in seconds.
func (q Queue) MarshalJSON() ([]byte, error) {
	return json.Marshal(queueJSON{q.Contacts, q.Interval.Seconds(), q.AHT.Seconds(), q.Patience.Seconds(), q.Concurrency})
}

// UnmarshalJSON reads a queue written by MarshalJSON, its times rounded
// to the nanosecond. A time that is negative or past 292 years fails with
// ErrDuration; Traffic, Metrics and Staff check the rest. On error q is
// unchanged.
func (q *Queue) UnmarshalJSON(b []byte) error {
	var j queueJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	var times [3]time.Duration
	for i, f := range [...]struct {
		key string
		s   float64
	}{{"interval_seconds", j.IntervalSeconds}, {"aht_seconds", j.AHTSeconds}, {"patience_seconds", j.PatienceSeconds}} {
		d, err := fromSeconds(f.key, f.s)
		if err != nil {
			return err
		}
		times[i] = d
	}
	*q = Queue{Contacts: j.Contacts, Interval: times[0], AHT: times[1], Patience: times[2], Concurrency: j.Concurrency}
	return nil
}

// load is a validated queue, ready for the models.
type load struct {
	q   Queue
	a   float64       // traffic in Erlangs, in floating point
	aht time.Duration // the effective handle time, AHT/concurrency
	r   float64       // AHT/patience, 0 for Erlang C
}

// load validates q and returns its traffic, effective handle time and r.
func (q Queue) load() (load, error) {
	c := q.Concurrency
	switch {
	case !(q.Contacts >= 0) || math.IsInf(q.Contacts, 1):
		return load{}, fmt.Errorf("%w: Contacts %v is not a finite number ≥ 0", ErrQueue, q.Contacts)
	case q.Interval <= 0:
		return load{}, fmt.Errorf("%w: Interval %v is not positive", ErrQueue, q.Interval)
	case q.AHT <= 0:
		return load{}, fmt.Errorf("%w: AHT %v is not positive", ErrQueue, q.AHT)
	case q.Patience < 0:
		return load{}, fmt.Errorf("%w: Patience %v is negative", ErrQueue, q.Patience)
	case c == 0:
		c = 1
	case !(c >= 1) || math.IsInf(c, 1):
		return load{}, fmt.Errorf("%w: Concurrency %v is not a finite number ≥ 1", ErrQueue, q.Concurrency)
	}
	aht := time.Duration(math.Round(float64(q.AHT) / c))
	if aht <= 0 {
		return load{}, fmt.Errorf("%w: AHT %v at Concurrency %v is below 1 ns", ErrQueue, q.AHT, c)
	}
	a := q.Contacts * float64(q.AHT) / float64(q.Interval) / c
	if err := checkTraffic(a); err != nil {
		return load{}, err
	}
	l := load{q: q, a: a, aht: aht}
	if q.Patience > 0 {
		l.r = float64(aht) / float64(q.Patience)
	}
	return l, nil
}

// exact returns the traffic exactly, Contacts × AHT / (Interval ×
// Concurrency) with Contacts and Concurrency read as their decimals.
func (l *load) exact() *big.Rat {
	a := stat.Decimal(l.q.Contacts)
	a.Mul(a, new(big.Rat).SetInt64(int64(l.q.AHT)))
	d := new(big.Rat).SetInt64(int64(l.q.Interval))
	if l.q.Concurrency != 0 {
		d.Mul(d, stat.Decimal(l.q.Concurrency))
	}
	return a.Quo(a, d)
}

// ratioOver returns ⌈A/x⌉ exactly, x a share read as its decimal (x = 1
// for the traffic itself), or MaxAgents + 1 past MaxAgents. It computes
// in 128-bit integers when the decimals allow (contacts 153 or 12.5,
// concurrency 2, share 0.85: A/x = 153·AHT·100 / (Interval·85)), and
// with big.Rat otherwise. With floor, it returns ⌊A/x⌋ instead.
func (l *load) ratioOver(x float64, floor bool) int {
	cn, cd, ok1 := stat.DecimalFraction(l.q.Contacts)
	kn, kd := uint64(1), uint64(1)
	ok2 := true
	if l.q.Concurrency != 0 {
		kn, kd, ok2 = stat.DecimalFraction(l.q.Concurrency)
	}
	xn, xd, ok3 := stat.DecimalFraction(x)
	if ok1 && ok2 && ok3 && xn != 0 {
		// A/x = cn·AHT·kd·xd / (cd·Interval·kn·xn)
		nhi, nlo, ok4 := product([4]uint64{cn, uint64(l.q.AHT), kd, xd})
		dhi, dlo, ok5 := product([4]uint64{cd, uint64(l.q.Interval), kn, xn})
		if ok4 && ok5 && dhi == 0 {
			if nhi >= dlo { // the quotient passes 2⁶⁴
				return MaxAgents + 1
			}
			q, r := bits.Div64(nhi, nlo, dlo)
			if r != 0 && !floor {
				q++
			}
			return int(min(q, MaxAgents+1))
		}
	}
	r := l.exact()
	r.Quo(r, stat.Decimal(x))
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	if m.Sign() != 0 && !floor {
		q.Add(q, big.NewInt(1))
	}
	if !q.IsInt64() {
		return MaxAgents + 1
	}
	return int(min(q.Int64(), MaxAgents+1))
}

// product returns the product of the factors in 128 bits, hi·2⁶⁴ + lo,
// or ok = false if it passes them.
func product(factors [4]uint64) (hi, lo uint64, ok bool) {
	lo = 1
	for _, f := range factors {
		h1, l1 := bits.Mul64(lo, f)
		h2, l2 := bits.Mul64(hi, f)
		var c uint64
		hi, c = bits.Add64(h1, l2, 0)
		if h2 != 0 || c != 0 {
			return 0, 0, false
		}
		lo = l1
	}
	return hi, lo, true
}

// stable reports whether n agents exceed the traffic, n > A, exactly:
// the floating-point traffic decides unless it is within a relative 1e−12
// of n.
func (l *load) stable(n int) bool {
	if math.Abs(l.a-float64(n)) > 1e-12*math.Max(1, l.a) {
		return float64(n) > l.a
	}
	return n > l.ratioOver(1, true)
}

// firstStable returns the smallest number of agents above the traffic,
// ⌊A⌋ + 1, exactly.
func (l *load) firstStable() int {
	if !nearInteger(l.a) {
		return int(math.Floor(l.a)) + 1
	}
	return l.ratioOver(1, true) + 1
}

// agentsFor returns the smallest N with occupancy A/N ≤ o, ⌈A/o⌉, exactly
// for o read as its decimal (2.1 Erlangs on 3 agents are exactly 70 %),
// or MaxAgents + 1 past MaxAgents.
func (l *load) agentsFor(o float64) int {
	x := l.a / o
	switch {
	case x > MaxAgents:
		return MaxAgents + 1
	case !nearInteger(x):
		return int(math.Ceil(x))
	}
	return l.ratioOver(o, false)
}

// Traffic returns the offered load the agents face, in Erlangs:
// Contacts × AHT / Interval / Concurrency. 100 calls in 30 min with an AHT
// of 3 min are 10 Erlangs. It fails with ErrQueue on an invalid queue.
func (q Queue) Traffic() (float64, error) {
	l, err := q.load()
	return l.a, err
}

// Metrics is the steady-state performance of a queue with a number of
// agents, in the units people report: percentages 0–100 and seconds. A
// figure that is undefined — the shares and waits of a queue without
// traffic — is nil (JSON null).
type Metrics struct {
	Agents         int     `json:"agents"`
	TrafficErlangs float64 `json:"traffic_erlangs"` // offered load
	// WithinSeconds is the threshold of ServiceLevelPct.
	WithinSeconds float64 `json:"within_seconds"`
	// PWaitPct is the probability that a contact waits (Erlang C: C(N, A)).
	PWaitPct *float64 `json:"p_wait_pct"`
	// ServiceLevelPct is the share of all contacts answered within the
	// threshold.
	ServiceLevelPct *float64 `json:"service_level_pct"`
	// ASASeconds is the mean wait of answered contacts.
	ASASeconds *float64 `json:"asa_seconds"`
	// AbandonmentPct is the share of contacts that abandon (0 for Erlang C).
	AbandonmentPct *float64 `json:"abandonment_pct"`
	// OccupancyPct is the share of the agents' time spent handling contacts.
	OccupancyPct *float64 `json:"occupancy_pct"`
}

// String returns e.g. "14 agents on 10.00 Erlangs: P(wait) 17.4%, SL
// 88.8% in 20s, ASA 7.8s, abandonment 0.0%, occupancy 71.4%", with "n/a"
// for undefined figures.
func (m Metrics) String() string {
	f := func(p *float64, format string) string {
		if p == nil {
			return "n/a"
		}
		return fmt.Sprintf(format, *p)
	}
	within := time.Duration(math.Round(m.WithinSeconds * 1e9))
	var b strings.Builder
	fmt.Fprintf(&b, "%d agents on %.2f Erlangs: P(wait) %s, SL %s in %v, ASA %s, abandonment %s, occupancy %s",
		m.Agents, m.TrafficErlangs, f(m.PWaitPct, "%.1f%%"), f(m.ServiceLevelPct, "%.1f%%"), within,
		f(m.ASASeconds, "%.1fs"), f(m.AbandonmentPct, "%.1f%%"), f(m.OccupancyPct, "%.1f%%"))
	return b.String()
}

// perf is the performance of n agents as the models compute it:
// fractions, and the ASA in nanoseconds.
type perf struct {
	n                                 int
	pWait, sl, abandonment, occupancy float64
	asa                               float64 // ns
}

// metrics returns p in the units of Metrics. The five figures share one
// allocation; each is nil unless finite, as internal/unit makes them.
func (l *load) metrics(p perf, within time.Duration) Metrics {
	v := &[5]float64{100 * p.pWait, 100 * p.sl, p.asa / 1e9, 100 * p.abandonment, 100 * p.occupancy}
	figure := func(i int) *float64 {
		if math.IsNaN(v[i]) || math.IsInf(v[i], 0) {
			return nil
		}
		return &v[i]
	}
	return Metrics{
		Agents: p.n, TrafficErlangs: l.a, WithinSeconds: within.Seconds(),
		PWaitPct: figure(0), ServiceLevelPct: figure(1), ASASeconds: figure(2),
		AbandonmentPct: figure(3), OccupancyPct: figure(4),
	}
}

// idle returns the metrics of n agents on a queue without traffic: no
// contact, so no share or wait; an occupancy of 0 when there are agents.
func idle(n int, within time.Duration) Metrics {
	return Metrics{Agents: n, WithinSeconds: within.Seconds(), OccupancyPct: unit.Pct(0, n > 0)}
}

// Metrics returns the queue's performance with the given number of agents
// and service-level threshold. Without patience it is Erlang C:
//
//	P(wait) = C(N, A),  SL = 1 − C·e^{−(N−A)·t/AHT},  ASA = C·AHT/(N − A),  occupancy = A/N,
//
// and it fails with ErrUnstable when A ≥ N, compared exactly. With
// patience it is Erlang A (see the package documentation), stable for any
// N ≥ 1; it sums at most 2²³ terms and fails with ErrConverge past them.
// It fails with ErrQueue, ErrAgents (N < 1 with traffic, or past
// MaxAgents) or ErrDuration (a negative threshold).
func (q Queue) Metrics(agents int, within time.Duration) (Metrics, error) {
	l, err := q.load()
	if err != nil {
		return Metrics{}, err
	}
	if err := checkAgents(agents); err != nil {
		return Metrics{}, err
	}
	if within < 0 {
		return Metrics{}, fmt.Errorf("%w: Metrics threshold %v is negative", ErrDuration, within)
	}
	if l.a == 0 {
		return idle(agents, within), nil
	}
	if agents == 0 {
		return Metrics{}, fmt.Errorf("%w: no agents for %v Erlangs", ErrAgents, l.a)
	}
	if l.r == 0 && !l.stable(agents) {
		return Metrics{}, fmt.Errorf("%w: %v Erlangs on %d agents", ErrUnstable, l.a, agents)
	}
	b := terms(maxEvalTerms)
	p, err := l.evaluate(agents, within, invB(l.a, agents), &b)
	if err != nil {
		return Metrics{}, err
	}
	return l.metrics(p, within), nil
}

// evaluate returns the performance of n agents given x = 1/B(n, a),
// spending at most b's terms for Erlang A; for Erlang C, n > A.
func (l *load) evaluate(n int, within time.Duration, x float64, b *terms) (perf, error) {
	tau := float64(within) / float64(l.aht)
	if l.r == 0 {
		return erlangCPerf(l.a, l.aht, n, tau, x), nil
	}
	e, ok := computeErlangA(l.a, n, l.r, tau, x, b)
	if !ok {
		return perf{}, fmt.Errorf("%w: %v Erlangs on %d agents with AHT/patience %v need more than %d terms",
			ErrConverge, l.a, n, l.r, maxEvalTerms)
	}
	return perf{n: n, pWait: e.pWait, sl: e.serviceLevel, abandonment: e.pAbandon, occupancy: e.occupancy,
		asa: e.asa * float64(l.aht)}, nil
}

// erlangCPerf returns the Erlang C performance of n > a agents from
// x = 1/B(n, a), with tau the threshold in handle times.
func erlangCPerf(a float64, aht time.Duration, n int, tau, x float64) perf {
	c := erlangC(a, n, x)
	gap := float64(n) - a
	return perf{n: n, pWait: c, sl: 1 - c*math.Exp(-gap*tau), asa: c / gap * float64(aht), occupancy: a / float64(n)}
}
