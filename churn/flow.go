package churn

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/rapportkit/rapport/internal/nanos"
)

// Flow counts the customer base over one period [From, To): who was there
// at the start, who was acquired, who was lost, and the customer-time at
// risk. It is an accumulator: NewFlow, then Add customers (or FlowOf a
// slice); flows of disjoint customer sets over the same period Merge in
// any order with identical results. Counts are exact integers.
//
// With lifetimes [Start, End) and the period [From, To):
//
//	S  at start   Start < From and (End ≥ From or active)
//	N  acquired   From ≤ Start < To
//	L  lost       From ≤ End < To (whether in S or N)
//	E  at end     Start < To and (End ≥ To or active)   = S + N − L
//
// so a loss effective exactly at From belongs to this period (the customer
// was there at the start and leaves in it) and an acquisition exactly at
// To to the next. A customer acquired and lost within the period is in N
// and L but neither S nor E. Customers who left before From or arrive at
// or after To are ignored.
//
// The zero Flow has no period and rejects Add: a flow only makes sense
// over a period.
type Flow struct {
	period                Period
	start, acquired, lost int
	lostAcquired          int // lost among the acquired
	renewing, renewedLost int // of S, contract ending in the period; of them, lost
	exposure              nanos.Sum
}

// maxPeriod is the longest period a Flow accepts: time.Time.Sub saturates
// at about 292 years.
const maxPeriod = time.Duration(math.MaxInt64)

// NewFlow returns an empty flow over p, which must be a valid period no
// longer than about 292 years.
func NewFlow(p Period) (*Flow, error) {
	if err := checkFlowPeriod(p); err != nil {
		return nil, err
	}
	return &Flow{period: p}, nil
}

func checkFlowPeriod(p Period) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if p.Duration() == maxPeriod {
		return fmt.Errorf("%w: %v is longer than 292 years", ErrPeriod, p)
	}
	return nil
}

// Period returns the flow's period.
func (f *Flow) Period() Period { return f.period }

// Add counts one customer. It rejects an invalid customer (see
// Customer.Validate) and, on the zero Flow, every customer with ErrPeriod;
// a rejected customer leaves the flow unchanged. Add cannot see duplicate
// ids across calls: FlowOf and FlowBy check them.
func (f *Flow) Add(c Customer) error {
	if f.period.To.IsZero() {
		return fmt.Errorf("%w: flow has no period (use NewFlow)", ErrPeriod)
	}
	if err := c.Validate(); err != nil {
		return err
	}
	p := f.period
	active := c.End.IsZero()
	if !c.Start.Before(p.To) || (!active && c.End.Before(p.From)) {
		return nil // not in the base during the period
	}
	if f.start == math.MaxInt-f.acquired {
		return ErrOverflow
	}
	from, to := later(c.Start, p.From), p.To
	lost := !active && c.End.Before(p.To)
	if lost {
		to = c.End
	}
	f.exposure.Add(uint64(to.Sub(from)))
	if c.Start.Before(p.From) {
		f.start++
		if !c.ContractEnd.IsZero() && p.Contains(c.ContractEnd) {
			f.renewing++
			if lost {
				f.renewedLost++
			}
		}
	} else {
		f.acquired++
		if lost {
			f.lostAcquired++
		}
	}
	if lost {
		f.lost++
	}
	return nil
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// Merge adds the counts of g, a flow of other customers over the same
// period, to f. On error f is unchanged.
func (f *Flow) Merge(g *Flow) error {
	if !f.period.Equal(g.period) {
		return fmt.Errorf("%w: merging a flow over %v into one over %v", ErrPeriod, g.period, f.period)
	}
	if f.start+f.acquired > math.MaxInt-(g.start+g.acquired) {
		return ErrOverflow
	}
	f.start += g.start
	f.acquired += g.acquired
	f.lost += g.lost
	f.lostAcquired += g.lostAcquired
	f.renewing += g.renewing
	f.renewedLost += g.renewedLost
	f.exposure.Merge(g.exposure)
	return nil
}

// Start returns S, the customers at the start of the period.
func (f *Flow) Start() int { return f.start }

// Acquired returns N, the customers acquired during the period.
func (f *Flow) Acquired() int { return f.acquired }

// Lost returns L, the customers lost during the period, including those
// acquired in it.
func (f *Flow) Lost() int { return f.lost }

// LostFromStart returns the customers of the starting base S lost during
// the period.
func (f *Flow) LostFromStart() int { return f.lost - f.lostAcquired }

// LostAcquired returns the customers both acquired and lost during the
// period.
func (f *Flow) LostAcquired() int { return f.lostAcquired }

// End returns E = S + N − L, the customers at the end of the period.
func (f *Flow) End() int { return f.start + f.acquired - f.lost }

// Renewing returns the customers of S whose contract ends during the
// period: those who "could churn" at a renewal.
func (f *Flow) Renewing() int { return f.renewing }

// RenewingLost returns the customers of Renewing lost during the period
// (before or after the contract end).
func (f *Flow) RenewingLost() int { return f.renewedLost }

// ExposureDays returns the customer-days at risk: the sum over customers
// of the time each was active within the period, in days of 24 hours. It
// is summed exactly in nanoseconds and converted once.
func (f *Flow) ExposureDays() float64 {
	return f.exposure.Float() / float64(24*time.Hour)
}

func ratio(num, den int) (float64, bool) {
	if den == 0 {
		return 0, false
	}
	return float64(num) / float64(den), true
}

// Churn returns L ÷ S, the customers lost during the period over those at
// its start: the usual "lost ÷ start" churn rate. Losses of customers
// acquired in the period count too, so it can exceed 1 where new
// customers leave quickly; BaseChurn cannot. It is ok = false when S = 0.
func (f *Flow) Churn() (float64, bool) { return ratio(f.lost, f.start) }

// Retention returns (E − N) ÷ S, the customer retention rate, equal to
// 1 − Churn. It is ok = false when S = 0 and can fall below 0 when the
// period's new customers also leave in it.
func (f *Flow) Retention() (float64, bool) { return ratio(f.End()-f.acquired, f.start) }

// BaseChurn returns the share of the starting base lost during the
// period, (lost from S) ÷ S, in [0, 1]; ok = false when S = 0.
func (f *Flow) BaseChurn() (float64, bool) { return ratio(f.LostFromStart(), f.start) }

// BaseRetention returns the share of the starting base still there at the
// end, 1 − BaseChurn, in [0, 1]; ok = false when S = 0.
func (f *Flow) BaseRetention() (float64, bool) { return ratio(f.start-f.LostFromStart(), f.start) }

// AverageChurn returns L ÷ ((S + E)/2), losses over the average of the
// opening and closing base; ok = false when S + E = 0.
func (f *Flow) AverageChurn() (float64, bool) { return ratio(2*f.lost, f.start+f.End()) }

// DailyChurn returns L ÷ customer-days, losses per customer-day at risk
// (an average hazard); ok = false with no exposure.
func (f *Flow) DailyChurn() (float64, bool) {
	if f.exposure.IsZero() {
		return 0, false
	}
	return float64(f.lost) / f.ExposureDays(), true
}

// RenewalChurn returns RenewingLost ÷ Renewing, the churn of the customers
// who could churn because their contract came up for renewal in the
// period; ok = false when none did.
func (f *Flow) RenewalChurn() (float64, bool) { return ratio(f.renewedLost, f.renewing) }

// Growth returns (E − S) ÷ S = (N − L) ÷ S, the net growth of the base;
// ok = false when S = 0.
func (f *Flow) Growth() (float64, bool) { return ratio(f.End()-f.start, f.start) }

// FlowOf counts customers over p after checking them all (see Validate):
// the first invalid customer or duplicate id is an error.
func FlowOf(customers []Customer, p Period) (*Flow, error) {
	m, err := FlowBy(slices.Values(customers), p, func(Customer) struct{} { return struct{}{} })
	if err != nil {
		return nil, err
	}
	if f, ok := m[struct{}{}]; ok {
		return f, nil
	}
	return NewFlow(p)
}

// FlowBy counts customers over p in groups chosen by key (segment, plan,
// channel). It checks every customer and rejects duplicate ids, naming the
// customer.
func FlowBy[K comparable](customers iter.Seq[Customer], p Period, key func(Customer) K) (map[K]*Flow, error) {
	if err := checkFlowPeriod(p); err != nil {
		return nil, err
	}
	var dup error
	groups, err := group.By(distinct(customers, &dup), "customer", key, func() *Flow { return &Flow{period: p} }, (*Flow).Add)
	if dup != nil {
		return nil, dup
	}
	return groups, err
}

// distinct yields the customers until one repeats the id of an earlier
// one, where it stops and sets *err to ErrDuplicateID naming both
// positions.
func distinct(customers iter.Seq[Customer], err *error) iter.Seq[Customer] {
	return func(yield func(Customer) bool) {
		seen := make(map[string]int)
		i := 0
		for c := range customers {
			if j, dup := seen[c.ID]; dup {
				*err = fmt.Errorf("customer %q: %w (positions %d and %d)", c.ID, ErrDuplicateID, j, i)
				return
			}
			seen[c.ID] = i
			i++
			if !yield(c) {
				return
			}
		}
	}
}

// FlowSeries counts customers over the consecutive calendar periods from
// the one containing first to the one containing last, after checking
// them (see Validate). The closing base of each period is the opening base
// of the next.
func FlowSeries(customers []Customer, cal Calendar, first, last time.Time) ([]*Flow, error) {
	if err := cal.Validate(); err != nil {
		return nil, err
	}
	if err := Validate(customers); err != nil {
		return nil, err
	}
	i0, i1 := cal.Index(first), cal.Index(last)
	if i1 < i0 {
		return nil, fmt.Errorf("%w: last %s before first %s", ErrPeriod, last.Format(time.RFC3339), first.Format(time.RFC3339))
	}
	flows := make([]*Flow, 0, i1-i0+1)
	for i := i0; i <= i1; i++ {
		f, err := NewFlow(cal.Period(i))
		if err != nil {
			return nil, err
		}
		for _, c := range customers {
			if err := f.Add(c); err != nil {
				return nil, err
			}
		}
		flows = append(flows, f)
	}
	return flows, nil
}

// FlowResult is the reporting view of a flow. Unlike the Flow's rates,
// which are fractions, its rates are in percent; an undefined rate (empty
// base) is nil, null in JSON.
type FlowResult struct {
	Period        Period   `json:"period"`
	Start         int      `json:"start"`
	Acquired      int      `json:"acquired"`
	Lost          int      `json:"lost"`
	LostFromStart int      `json:"lost_from_start"`
	End           int      `json:"end"`
	Renewing      int      `json:"renewing"`
	RenewingLost  int      `json:"renewing_lost"`
	ExposureDays  float64  `json:"exposure_days"`
	Churn         *float64 `json:"churn_pct"`
	Retention     *float64 `json:"retention_pct"`
	BaseChurn     *float64 `json:"base_churn_pct"`
	AverageChurn  *float64 `json:"average_churn_pct"`
	RenewalChurn  *float64 `json:"renewal_churn_pct"`
	Growth        *float64 `json:"growth_pct"`
}

func percent(v float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	v *= 100
	return &v
}

// Result summarises the flow for reports.
func (f *Flow) Result() FlowResult {
	return FlowResult{
		Period: f.period, Start: f.start, Acquired: f.acquired, Lost: f.lost, LostFromStart: f.LostFromStart(),
		End: f.End(), Renewing: f.renewing, RenewingLost: f.renewedLost, ExposureDays: f.ExposureDays(),
		Churn: percent(f.Churn()), Retention: percent(f.Retention()), BaseChurn: percent(f.BaseChurn()),
		AverageChurn: percent(f.AverageChurn()), RenewalChurn: percent(f.RenewalChurn()), Growth: percent(f.Growth()),
	}
}

// String returns e.g. "2025-01-01…2025-02-01: 5 → 5 customers (+4 −4),
// churn 80.0%, retention 20.0%, base churn 40.0%, renewal churn 50.0%".
func (r FlowResult) String() string {
	pct := func(p *float64) string {
		if p == nil {
			return "n/a"
		}
		return fmt.Sprintf("%.1f%%", *p)
	}
	return fmt.Sprintf("%s…%s: %d → %d customers (+%d −%d), churn %s, retention %s, base churn %s, renewal churn %s",
		r.Period.From.Format("2006-01-02"), r.Period.To.Format("2006-01-02"), r.Start, r.End, r.Acquired, r.Lost,
		pct(r.Churn), pct(r.Retention), pct(r.BaseChurn), pct(r.RenewalChurn))
}
