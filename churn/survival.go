package churn

import (
	"fmt"
	"iter"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// Survival accumulates customer lifetimes for the Kaplan–Meier estimator:
// per distinct duration, the number of lifetimes that ended in a loss
// (events) and the number still running when observation stopped
// (censored). It is an accumulator (see the module's root documentation):
// exact, its zero value empty and ready to use, and accumulators merge in
// any order with identical results. Durations are time.Duration from 0 to
// MaxLifetime; to work in other units (weeks, whole days) round or scale
// them before adding, or let SurvivalOf round them.
type Survival struct {
	ties      map[time.Duration]tie
	n, events uint64
}

// tie is what happened at one duration.
type tie struct{ events, censored uint64 }

// Add records one lifetime. A duration that is negative or longer than
// MaxLifetime is rejected with ErrDuration and leaves the accumulator
// unchanged. Adding at a duration already present does not allocate.
func (s *Survival) Add(l Lifetime) error { return s.AddN(l, 1) }

// AddN records n equal lifetimes: n customers lost (or censored) after
// the same time, as a table of counts by duration has them. AddN(l, 0)
// checks l and adds nothing.
func (s *Survival) AddN(l Lifetime, n uint64) error {
	if l.Duration < 0 || l.Duration > MaxLifetime {
		return fmt.Errorf("%w: lifetime %v not in [0, %v]", ErrDuration, l.Duration, MaxLifetime)
	}
	if s.n > math.MaxUint64-n {
		return ErrOverflow
	}
	if n == 0 {
		return nil
	}
	if s.ties == nil {
		s.ties = make(map[time.Duration]tie)
	}
	t := s.ties[l.Duration]
	if l.Lost {
		t.events += n
		s.events += n
	} else {
		t.censored += n
	}
	s.ties[l.Duration] = t
	s.n += n
	return nil
}

// Merge adds every lifetime of u to s: Merge(nil) does nothing, s.Merge(s)
// doubles s. A total past 2⁶⁴ − 1 fails with ErrOverflow and leaves s
// unchanged.
func (s *Survival) Merge(u *Survival) error {
	if u == nil || u.n == 0 {
		return nil
	}
	if s.n > math.MaxUint64-u.n {
		return ErrOverflow
	}
	if s.ties == nil {
		s.ties = make(map[time.Duration]tie, len(u.ties))
	}
	// Ranging over s.ties while s.Merge(s) updates its existing keys is
	// safe: no key is added, each is visited once.
	for d, t := range u.ties {
		v := s.ties[d]
		v.events += t.events
		v.censored += t.censored
		s.ties[d] = v
	}
	s.events += u.events
	s.n += u.n
	return nil
}

// N returns the number of lifetimes.
func (s *Survival) N() uint64 { return s.n }

// Events returns the number of lifetimes that ended in a loss.
func (s *Survival) Events() uint64 { return s.events }

// Clone returns an independent copy of s.
func (s *Survival) Clone() *Survival {
	return &Survival{ties: maps.Clone(s.ties), n: s.n, events: s.events}
}

// times returns the distinct durations in increasing order.
func (s *Survival) times() []time.Duration {
	return slices.Sorted(maps.Keys(s.ties))
}

// Step is one row of the Kaplan–Meier table, at a duration where at least
// one lifetime ended or was censored (R's summary(fit, censored = TRUE)).
// Curve.StdErr and Curve.Interval give its standard error and band.
type Step struct {
	Time     time.Duration
	AtRisk   uint64  // lifetimes ≥ Time
	Events   uint64  // losses at Time
	Censored uint64  // censored at Time
	Survival float64 // S(Time)
}

// Curve is a Kaplan–Meier survival curve: a right-continuous step function
// S(t), 1 before the first loss, with Greenwood variances.
type Curve struct {
	steps []Step
	sums  []float64 // Greenwood sums Σ dⱼ/(nⱼ(nⱼ−dⱼ)) up to each step; +Inf once S = 0
	n     uint64
}

// Curve estimates the survival curve, or fails with ErrEmpty when no
// lifetime was added.
//
//	S(t) = Π_{tⱼ ≤ t} (1 − dⱼ/nⱼ)
//
// with dⱼ the losses at tⱼ and nⱼ the lifetimes ≥ tⱼ (censored lifetimes
// count at risk at their own duration). It costs O(k log k) for k distinct
// durations.
func (s *Survival) Curve() (*Curve, error) {
	if s.n == 0 {
		return nil, ErrEmpty
	}
	times := s.times()
	c := &Curve{steps: make([]Step, len(times)), sums: make([]float64, len(times)), n: s.n}
	atRisk, surv, sum := s.n, 1.0, 0.0
	for i, d := range times {
		t := s.ties[d]
		if t.events > 0 {
			surv *= 1 - float64(t.events)/float64(atRisk)
			if t.events == atRisk {
				surv, sum = 0, math.Inf(1)
			} else {
				sum += float64(t.events) / (float64(atRisk) * float64(atRisk-t.events))
			}
		}
		c.steps[i] = Step{Time: d, AtRisk: atRisk, Events: t.events, Censored: t.censored, Survival: surv}
		c.sums[i] = sum
		atRisk -= t.events + t.censored
	}
	return c, nil
}

// N returns the number of lifetimes behind the curve.
func (c *Curve) N() uint64 { return c.n }

// Steps returns a copy of the table, one row per distinct duration.
func (c *Curve) Steps() []Step { return slices.Clone(c.steps) }

// index returns the last step at or before t, or −1.
func (c *Curve) index(t time.Duration) int {
	i, found := slices.BinarySearchFunc(c.steps, t, func(s Step, t time.Duration) int {
		return cmpDuration(s.Time, t)
	})
	if found {
		return i
	}
	return i - 1
}

func cmpDuration(a, b time.Duration) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// At returns S(t), the estimated share of customers still active after a
// lifetime t: 1 before the first loss, constant after the last step.
func (c *Curve) At(t time.Duration) float64 {
	i := c.index(t)
	if i < 0 {
		return 1
	}
	return c.steps[i].Survival
}

// AtRisk returns the number of lifetimes of length t or more.
func (c *Curve) AtRisk(t time.Duration) uint64 {
	i, _ := slices.BinarySearchFunc(c.steps, t, func(s Step, t time.Duration) int {
		if s.Time < t {
			return -1
		}
		return 1
	})
	if i == len(c.steps) {
		return 0
	}
	return c.steps[i].AtRisk
}

// StdErr returns Greenwood's standard error of S(t), S·√Σ dⱼ/(nⱼ(nⱼ−dⱼ)):
// 0 before the first loss, ok = false once S has reached 0 (where R
// reports NaN).
func (c *Curve) StdErr(t time.Duration) (float64, bool) {
	i := c.index(t)
	if i < 0 {
		return 0, true
	}
	if c.steps[i].Survival == 0 {
		return 0, false
	}
	return c.steps[i].Survival * math.Sqrt(c.sums[i]), true
}

// Interval returns the pointwise confidence interval for S(t) at the given
// level, built by method m (Log, LogLog or Plain; see the package
// documentation). Where S(t) is 1 (no loss yet) or 0 the interval is the
// single point [S, S], as in lifelines; R reports NA there for log-log
// and, at 0, for every method. It fails with ErrLevel or ErrMethod.
func (c *Curve) Interval(t time.Duration, level float64, m Method) (Interval, error) {
	z, err := critical(level, m)
	if err != nil {
		return Interval{}, err
	}
	i := c.index(t)
	if i < 0 {
		return Interval{Lo: 1, Hi: 1, Level: level, Method: m}, nil
	}
	lo, hi := band(c.steps[i].Survival, c.sums[i], z, m)
	return Interval{Lo: lo, Hi: hi, Level: level, Method: m}, nil
}

// band returns the confidence bounds for a survival s with Greenwood sum
// g (the variance of log S) at critical value z.
func band(s, g, z float64, m Method) (lo, hi float64) {
	if s == 0 || s == 1 || g == 0 {
		return s, s
	}
	sigma := math.Sqrt(g)
	switch m {
	case Plain:
		h := z * sigma * s
		lo, hi = s-h, s+h
	case Log:
		lo, hi = s*math.Exp(-z*sigma), s*math.Exp(z*sigma)
	default: // LogLog
		ls := math.Log(s)
		w := z * sigma / ls // negative
		lo = math.Exp(-math.Exp(math.Log(-ls) - w))
		hi = math.Exp(-math.Exp(math.Log(-ls) + w))
	}
	return math.Max(lo, 0), math.Min(hi, 1)
}

// quantileTol is R's tolerance for a curve exactly at a quantile,
// sqrt(.Machine$double.eps).
var quantileTol = math.Sqrt(0x1p-52)

// Quantile returns the lifetime by which a share p of customers is lost:
// the first step time t with S(t) ≤ 1 − p. Where S sits exactly at 1 − p
// (within 1.5e-8) and falls further later, the midpoint between t and the
// time it falls is returned. This is how R's print.survfit and
// summary(fit)$table compute the median (survival:::survmean), extended to
// any p. It is ok = false when the curve never falls that far, or p is
// outside [0, 1]; Quantile(0) is 0. As S never rises, both searches are
// binary: O(log k) for k steps.
func (c *Curve) Quantile(p float64) (time.Duration, bool) {
	if !(p >= 0 && p <= 1) {
		return 0, false
	}
	q := 1 - p
	if q >= 1 {
		return 0, true
	}
	below := func(v float64) func(Step, struct{}) int {
		return func(s Step, _ struct{}) int {
			if s.Survival < v {
				return 1
			}
			return -1
		}
	}
	i, _ := slices.BinarySearchFunc(c.steps, struct{}{}, below(q+quantileTol))
	if i == len(c.steps) {
		return 0, false
	}
	if v := c.steps[i].Survival; math.Abs(v-q) < quantileTol {
		if j, _ := slices.BinarySearchFunc(c.steps, struct{}{}, below(v)); j < len(c.steps) {
			return midpoint(c.steps[i].Time, c.steps[j].Time), true
		}
	}
	return c.steps[i].Time, true
}

// Median returns the median lifetime, Quantile(0.5): ok = false when fewer
// than half the customers have been lost.
func (c *Curve) Median() (time.Duration, bool) { return c.Quantile(0.5) }

// LifetimeInterval is a confidence interval for a quantile of the
// lifetime; a bound that the confidence band never reaches is nil (NA in
// R).
type LifetimeInterval struct {
	Lo, Hi *time.Duration
	Level  float64
	// Method is the pointwise band the quantile interval is read from.
	Method Method
}

// QuantileInterval returns the confidence interval of Quantile(p) read
// from the pointwise band (Brookmeyer & Crowley 1982): the lower bound is
// where the lower band falls to 1 − p, the upper bound where the upper
// band does, by the same rule as Quantile. Like R, it leaves out the band
// where S = 0 (R's NA), so the "0.95LCL" and "0.95UCL" of print.survfit
// are reproduced. The bands need not fall monotonically, so each search
// scans the k steps once: O(k). It fails with ErrLevel, ErrMethod, or
// ErrRate for p outside (0, 1].
func (c *Curve) QuantileInterval(p, level float64, m Method) (LifetimeInterval, error) {
	z, err := critical(level, m)
	if err != nil {
		return LifetimeInterval{}, err
	}
	if !(p > 0 && p <= 1) {
		return LifetimeInterval{}, fmt.Errorf("%w: quantile %v not in (0, 1]", ErrRate, p)
	}
	li := LifetimeInterval{Level: level, Method: m}
	bound := func(upper bool) func(int) float64 {
		return func(i int) float64 {
			s := c.steps[i].Survival
			if s == 0 {
				return math.NaN()
			}
			lo, hi := band(s, c.sums[i], z, m)
			if upper {
				return hi
			}
			return lo
		}
	}
	if t, ok := c.first(1-p, bound(false)); ok {
		li.Lo = &t
	}
	if t, ok := c.first(1-p, bound(true)); ok {
		li.Hi = &t
	}
	return li, nil
}

// first is survival:::survmean's minmin for a target q: the first step
// time whose value y is below q + tol (NaN values skipped); if that value
// is within tol of q and a later value is lower, the midpoint between its
// time and the first time of a lower value. It visits each step at most
// once.
func (c *Curve) first(q float64, y func(int) float64) (time.Duration, bool) {
	if q >= 1 {
		return 0, true
	}
	for i := range c.steps {
		v := y(i)
		if math.IsNaN(v) || v >= q+quantileTol {
			continue
		}
		if math.Abs(v-q) < quantileTol {
			for j := i + 1; j < len(c.steps); j++ {
				if w := y(j); w < v { // NaN compares false
					return midpoint(c.steps[i].Time, c.steps[j].Time), true
				}
			}
		}
		return c.steps[i].Time, true
	}
	return 0, false
}

// midpoint returns (a + b)/2 without overflow.
func midpoint(a, b time.Duration) time.Duration {
	return a/2 + b/2 + (a%2+b%2)/2
}

// SurvivalOf accumulates the lifetimes of customers as of asOf (see
// Customer.Lifetime) after checking every one (see Customer.Validate) and
// that no id repeats; the first bad customer is an error naming its
// position. Customers who start at or after asOf are left out. With unit
// > 0 every lifetime is rounded down to a whole number of units (24h for
// lifetimes in completed days), which turns near-simultaneous losses into
// ties as a daily customer table would. asOf must lie in the plausible
// window (ErrTime) and unit in [0, MaxLifetime] (ErrDuration).
//
// With unit > 0 the lifetimes are counted by their number of units in a
// table (at most 2¹⁷ entries, 16 bytes each, and 8 per customer) and
// added to the Survival with AddN, one call per duration, rather than one
// map update per customer. The ids are checked after the fact (about 24
// bytes a customer: the id's string header and its hash), so the sequence
// is read to its end or to its first invalid customer even past a
// repeated id, which is still the error reported. Past 65 536 customers
// the ids are hashed by a second goroutine while the sequence is
// read, and the hashes checked on two.
func SurvivalOf(customers iter.Seq[Customer], asOf time.Time, unit time.Duration) (*Survival, error) {
	m, err := SurvivalBy(customers, asOf, unit, func(Customer) struct{} { return struct{}{} })
	if err != nil {
		return nil, err
	}
	if s, ok := m[struct{}{}]; ok {
		return s, nil
	}
	return new(Survival), nil
}

// SurvivalBy is SurvivalOf in groups chosen by key (segment, plan,
// acquisition channel), for curves to compare side by side. A group has
// only customers with a lifetime by asOf.
func SurvivalBy[K comparable](customers iter.Seq[Customer], asOf time.Time, unit time.Duration, key func(Customer) K) (map[K]*Survival, error) {
	if err := checkTime("as-of date", asOf); err != nil {
		return nil, err
	}
	if unit < 0 || unit > MaxLifetime {
		return nil, fmt.Errorf("%w: rounding unit %v not in [0, %v]", ErrDuration, unit, MaxLifetime)
	}
	var (
		keys   = group.NewIndex[K]()
		groups []*lifetimes // groups[id]: the lifetimes of the key of id
		ids    = newIDCheck()
		i      = 0
		lastK  K
		last   *lifetimes
		inLast = false
		// The fast path reads times as integers, which compares them as
		// Before and Sub do unless both carry a monotonic clock reading.
		fast = !monotonic(asOf)
		a    = asOf.UnixNano()
	)
	defer ids.stop()
	for c := range customers {
		var (
			l  Lifetime
			ok bool
		)
		if start, end, ended, valid := c.span(); valid && fast {
			l, ok = lifetimeOf(start, end, ended, a)
		} else {
			if e := c.Validate(); e != nil {
				if err := ids.first(); err != nil {
					return nil, err
				}
				return nil, group.At("customer", i, e)
			}
			l, ok = c.Lifetime(asOf)
		}
		ids.add(c.ID)
		if ok {
			// Customers in runs of one key (all for SurvivalOf) skip the index.
			if k := key(c); !inLast || k != lastK {
				id := keys.ID(k)
				if id == len(groups) {
					groups = append(groups, newLifetimes(unit))
				}
				lastK, last, inLast = k, groups[id], true
			}
			if err := last.add(l); err != nil {
				return nil, fmt.Errorf("customer %d: %w (customer %q)", i, err, c.ID)
			}
		}
		i++
	}
	if err := ids.first(); err != nil {
		return nil, err
	}
	out := make(map[K]*Survival, len(groups))
	for id, k := range keys.Keys() {
		if err := groups[id].flush(unit); err != nil {
			return nil, err
		}
		out[k] = groups[id].s
	}
	return out, nil
}

// lifetimeOf is Customer.Lifetime for a start, an end (if ended) and an
// as-of instant in nanoseconds since the Unix epoch, all in the plausible
// window: their differences are exact.
func lifetimeOf(start, end int64, ended bool, asOf int64) (Lifetime, bool) {
	if start >= asOf {
		return Lifetime{}, false
	}
	if ended && end < asOf {
		return Lifetime{Duration: time.Duration(end - start), Lost: true}, true
	}
	return Lifetime{Duration: time.Duration(asOf - start)}, true
}

// lifetimes accumulates a group of SurvivalBy: lifetimes of whole units
// counted in a dense table by their number of units, which costs an
// increment where Survival.Add costs a map update, and the others added
// to s.
type lifetimes struct {
	s     *Survival
	dense []tie  // dense[k]: the lifetimes of k units
	n     uint64 // lifetimes added
	unit  time.Duration
	per   divider // by unit, if > 0
}

// newLifetimes returns an empty group for lifetimes rounded to unit.
func newLifetimes(unit time.Duration) *lifetimes {
	g := &lifetimes{s: new(Survival), unit: unit}
	if unit > 0 {
		g.per = newDivider(uint64(unit))
	}
	return g
}

// maxDense bounds the table of lifetimes: past maxDense units (2 MiB),
// or past 8 entries a lifetime added, lifetimes go to the map.
const maxDense = 1 << 17

// add counts l, rounded down to a whole number of units if unit > 0.
func (g *lifetimes) add(l Lifetime) error {
	if g.unit > 0 && uint64(l.Duration) <= uint64(MaxLifetime) {
		if k := g.per.div(uint64(l.Duration)); k < uint64(len(g.dense)) {
			g.n++
			var lost uint64
			if l.Lost {
				lost = 1
			}
			t := &g.dense[k]
			t.events += lost
			t.censored += 1 - lost
			return nil
		}
	}
	return g.grow(l)
}

// grow is add for a lifetime past the table (which it grows, or adds
// the lifetime to s) or without a unit.
func (g *lifetimes) grow(l Lifetime) error {
	g.n++
	unit := g.unit
	if unit > 0 && l.Duration >= 0 && l.Duration <= MaxLifetime {
		k := int(l.Duration / unit)
		if k >= len(g.dense) {
			size := max(2*len(g.dense), k+1, 64)
			if size > maxDense || uint64(size) > 8*(g.n+1) {
				return g.s.Add(Lifetime{Duration: time.Duration(k) * unit, Lost: l.Lost})
			}
			g.dense = append(g.dense, make([]tie, size-len(g.dense))...)
		}
		if l.Lost {
			g.dense[k].events++
		} else {
			g.dense[k].censored++
		}
		return nil
	}
	if unit > 0 {
		l.Duration -= l.Duration % unit
	}
	return g.s.Add(l)
}

// flush adds the table to s.
func (g *lifetimes) flush(unit time.Duration) error {
	for k, t := range g.dense {
		if t == (tie{}) {
			continue // an empty slot; past MaxLifetime if the table outgrew it
		}
		d := time.Duration(k) * unit
		if err := g.s.AddN(Lifetime{Duration: d, Lost: true}, t.events); err != nil {
			return err
		}
		if err := g.s.AddN(Lifetime{Duration: d}, t.censored); err != nil {
			return err
		}
	}
	g.dense = nil
	return nil
}
