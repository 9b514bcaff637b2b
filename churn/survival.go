package churn

import (
	"fmt"
	"iter"
	"maps"
	"math"
	"slices"
	"time"
)

// Survival accumulates customer lifetimes for the Kaplan–Meier estimator:
// per distinct duration, the number of lifetimes that ended in a loss
// (events) and the number still running when observation stopped
// (censored). It is exact, its zero value is empty and ready to use, and
// accumulators merge in any order with identical results. Durations are
// time.Duration; to work in other units (weeks, whole days) round or scale
// them before adding.
type Survival struct {
	ties map[time.Duration]tie
	n    uint64
}

// tie is what happened at one duration.
type tie struct{ events, censored uint64 }

// Add records one lifetime of length d that ended in a loss (lost = true)
// or is censored at d. A negative d is rejected with ErrDuration.
func (s *Survival) Add(d time.Duration, lost bool) error {
	if lost {
		return s.AddN(d, 1, 0)
	}
	return s.AddN(d, 0, 1)
}

// AddN records events losses and censored censorings at duration d.
func (s *Survival) AddN(d time.Duration, events, censored uint64) error {
	if d < 0 {
		return fmt.Errorf("%w: %v", ErrDuration, d)
	}
	if events > math.MaxUint64-censored || s.n > math.MaxUint64-events-censored {
		return ErrOverflow
	}
	if events+censored == 0 {
		return nil
	}
	if s.ties == nil {
		s.ties = make(map[time.Duration]tie)
	}
	t := s.ties[d]
	t.events += events
	t.censored += censored
	s.ties[d] = t
	s.n += events + censored
	return nil
}

// Merge adds every lifetime of u to s.
func (s *Survival) Merge(u *Survival) error {
	if s.n > math.MaxUint64-u.n {
		return ErrOverflow
	}
	for d, t := range u.ties {
		if s.ties == nil {
			s.ties = make(map[time.Duration]tie, len(u.ties))
		}
		v := s.ties[d]
		v.events += t.events
		v.censored += t.censored
		s.ties[d] = v
	}
	s.n += u.n
	return nil
}

// N returns the number of lifetimes.
func (s *Survival) N() uint64 { return s.n }

// Events returns the number of lifetimes that ended in a loss.
func (s *Survival) Events() uint64 {
	var e uint64
	for _, t := range s.ties {
		e += t.events
	}
	return e
}

// times returns the distinct durations in increasing order.
func (s *Survival) times() []time.Duration {
	return slices.Sorted(maps.Keys(s.ties))
}

// Step is one row of the Kaplan–Meier table, at a duration where at least
// one lifetime ended or was censored (R's summary(fit, censored = TRUE)).
type Step struct {
	Time     time.Duration `json:"time"`
	AtRisk   uint64        `json:"at_risk"`  // lifetimes ≥ Time
	Events   uint64        `json:"events"`   // losses at Time
	Censored uint64        `json:"censored"` // censored at Time
	Survival float64       `json:"survival"` // S(Time)
	// StdErr is Greenwood's standard error of S(Time), S·√Σ dⱼ/(nⱼ(nⱼ−dⱼ));
	// +Inf once S has reached 0.
	StdErr float64 `json:"std_err"`
}

// Curve is a Kaplan–Meier survival curve: a right-continuous step function
// S(t), 1 before the first loss, with Greenwood variances.
type Curve struct {
	steps []Step
	sums  []float64 // Greenwood sums Σ dⱼ/(nⱼ(nⱼ−dⱼ)) up to each step
	n     uint64
}

// Curve estimates the survival curve, or fails with ErrEmpty when no
// lifetime was added.
//
//	S(t) = Π_{tⱼ ≤ t} (1 − dⱼ/nⱼ)
//
// with dⱼ the losses at tⱼ and nⱼ the lifetimes ≥ tⱼ (censored lifetimes
// count at risk at their own duration).
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
		se := surv * math.Sqrt(sum)
		if surv == 0 {
			se = math.Inf(1)
		}
		c.steps[i] = Step{Time: d, AtRisk: atRisk, Events: t.events, Censored: t.censored, Survival: surv, StdErr: se}
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
		switch {
		case s.Time < t:
			return -1
		case s.Time > t:
			return 1
		}
		return 0
	})
	if found {
		return i
	}
	return i - 1
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

// StdErr returns Greenwood's standard error of S(t) (0 before the first
// loss, +Inf once S has reached 0).
func (c *Curve) StdErr(t time.Duration) float64 {
	i := c.index(t)
	if i < 0 {
		return 0
	}
	return c.steps[i].StdErr
}

// Interval returns the pointwise confidence interval for S(t) at the given
// level, built by method m (Log, LogLog or Plain; see the package
// documentation). Where S(t) is 1 (no loss yet) or 0 the interval is the
// single point [S, S], as in lifelines; R reports NA there for log-log
// and, at 0, for every method.
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

// critical checks the level and the method and returns z.
func critical(level float64, m Method) (float64, error) {
	switch m {
	case Log, LogLog, Plain:
	default:
		return 0, fmt.Errorf("%w: %q", ErrMethod, m)
	}
	return statCritical(level)
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
// outside (0, 1]; Quantile(0) is 0.
func (c *Curve) Quantile(p float64) (time.Duration, bool) {
	if !(p >= 0 && p <= 1) {
		return 0, false
	}
	return c.first(1-p, func(i int) float64 { return c.steps[i].Survival })
}

// Median returns the median lifetime, Quantile(0.5): ok = false when fewer
// than half the customers have been lost.
func (c *Curve) Median() (time.Duration, bool) { return c.Quantile(0.5) }

// LifetimeInterval is a confidence interval for a quantile of the
// lifetime; a bound that the confidence band never reaches is missing
// (HasLo or HasHi false, NA in R).
type LifetimeInterval struct {
	Lo    time.Duration `json:"lo"`
	Hi    time.Duration `json:"hi"`
	HasLo bool          `json:"has_lo"`
	HasHi bool          `json:"has_hi"`
	Level float64       `json:"level"`
	// Method is the pointwise band the quantile interval is read from.
	Method Method `json:"method"`
}

// QuantileInterval returns the confidence interval of Quantile(p) read
// from the pointwise band (Brookmeyer & Crowley 1982): the lower bound is
// where the lower band falls to 1 − p, the upper bound where the upper
// band does, by the same rule as Quantile. Like R, it leaves out the band
// where S = 0 (R's NA), so the "0.95LCL" and "0.95UCL" of print.survfit
// are reproduced.
func (c *Curve) QuantileInterval(p, level float64, m Method) (LifetimeInterval, error) {
	z, err := critical(level, m)
	if err != nil {
		return LifetimeInterval{}, err
	}
	if !(p > 0 && p <= 1) {
		return LifetimeInterval{}, fmt.Errorf("%w: quantile %v", ErrRate, p)
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
	li.Lo, li.HasLo = c.first(1-p, bound(false))
	li.Hi, li.HasHi = c.first(1-p, bound(true))
	return li, nil
}

// first is survival:::survmean's minmin for a target q: the first step
// time whose value y is below q + tol (NaN values skipped); if that value
// is within tol of q and a later value is lower, the midpoint between its
// time and the first time of a lower value.
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
// Customer.Lifetime) after checking them (see Validate). Customers who
// start at or after asOf are left out. With unit > 0 every lifetime is
// rounded down to a whole number of units (24h for lifetimes in completed
// days), which turns near-simultaneous losses into ties as a daily
// customer table would.
func SurvivalOf(customers []Customer, asOf time.Time, unit time.Duration) (*Survival, error) {
	m, err := SurvivalBy(slices.Values(customers), asOf, unit, func(Customer) struct{} { return struct{}{} })
	if err != nil {
		return nil, err
	}
	if s, ok := m[struct{}{}]; ok {
		return s, nil
	}
	return new(Survival), nil
}

// SurvivalBy is SurvivalOf in groups chosen by key (segment, plan,
// acquisition channel), for curves to compare side by side.
func SurvivalBy[K comparable](customers iter.Seq[Customer], asOf time.Time, unit time.Duration, key func(Customer) K) (map[K]*Survival, error) {
	if unit < 0 {
		return nil, fmt.Errorf("%w: unit %v", ErrDuration, unit)
	}
	groups := make(map[K]*Survival)
	seen := make(map[string]int)
	i := 0
	for c := range customers {
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("customer %d: %w", i, err)
		}
		if j, dup := seen[c.ID]; dup {
			return nil, fmt.Errorf("customer %q: %w (positions %d and %d)", c.ID, ErrDuplicateID, j, i)
		}
		seen[c.ID] = i
		i++
		d, lost, ok := c.Lifetime(asOf)
		if !ok {
			continue
		}
		if unit > 0 {
			d -= d % unit
		}
		k := key(c)
		s, found := groups[k]
		if !found {
			s = new(Survival)
			groups[k] = s
		}
		if err := s.Add(d, lost); err != nil {
			return nil, fmt.Errorf("customer %q: %w", c.ID, err)
		}
	}
	return groups, nil
}
