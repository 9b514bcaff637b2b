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
// at the start, who was acquired, who was lost, the renewals that fell due
// and the customer-time at risk. It is an accumulator (see the module's
// root documentation): NewFlow, then Add customers (or FlowOf a
// sequence); flows of disjoint customer sets over the same period Merge in
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
// or after To count in N() but not in the base.
//
// Renewals: every term end in the period of a customer in the base (S or
// N) is due. A recorded renewal (Customer.Renewals) is renewed. The
// contract end is lost at renewal when the customer is lost in the period
// (before or after the term end: the period is the window in which a
// renewal is decided), renewed when the customer is still active after
// the period (End ≥ To), and open when the customer has no end: the data
// does not say yet (a period not over, or a contract end not moved on
// after a renewal).
//
// The zero Flow is invalid, as net/netip's zero Addr is: a flow only makes
// sense over a period, and none is a sensible default (this month would
// read the clock). IsValid reports false, and Add and Merge fail with
// ErrPeriod; it encodes and decodes as itself.
type Flow struct {
	period                      Period // in UTC; zero when invalid
	n                           uint64 // customers added
	start, acquired, lost       uint64
	lostAcquired                uint64 // lost among the acquired
	due, renewed, lostAtRenewal uint64 // term ends in the period and their outcomes
	exposure                    nanos.Sum
}

// NewFlow returns an empty flow over p, which must be a valid period (see
// Period.Validate).
func NewFlow(p Period) (*Flow, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &Flow{period: p.utc()}, nil
}

// IsValid reports whether the flow has a period: false for the zero Flow.
func (f *Flow) IsValid() bool { return !f.period.To.IsZero() }

// Period returns the flow's period, in UTC.
func (f *Flow) Period() Period { return f.period }

var errNoPeriod = fmt.Errorf("%w: the zero Flow has no period (use NewFlow)", ErrPeriod)

// Add counts one customer. It rejects an invalid customer (see
// Customer.Validate), and every customer on the zero Flow with ErrPeriod;
// a rejected customer leaves the flow unchanged. Add cannot see duplicate
// ids across calls: FlowOf and FlowBy check them. It does not allocate.
func (f *Flow) Add(c Customer) error {
	if !f.IsValid() {
		return errNoPeriod
	}
	if err := c.Validate(); err != nil {
		return err
	}
	if f.n == math.MaxUint64 {
		return ErrOverflow
	}
	p := f.period
	active := c.End.IsZero()
	if !c.Start.Before(p.To) || (!active && c.End.Before(p.From)) {
		f.n++ // not in the base during the period
		return nil
	}
	lost := !active && c.End.Before(p.To)
	renewed := renewalsIn(c.Renewals, p)
	due, closing := renewed, !c.ContractEnd.IsZero() && p.Contains(c.ContractEnd)
	if closing {
		due++
	}
	if f.due > math.MaxUint64-due {
		return ErrOverflow
	}
	f.n++
	from, to := later(c.Start, p.From), p.To
	if lost {
		to = c.End
	}
	f.exposure.Add(uint64(to.Sub(from)))
	if c.Start.Before(p.From) {
		f.start++
	} else {
		f.acquired++
		if lost {
			f.lostAcquired++
		}
	}
	if lost {
		f.lost++
	}
	f.due += due
	f.renewed += renewed
	if closing {
		switch {
		case lost:
			f.lostAtRenewal++
		case !active:
			f.renewed++ // active after the period: past the term end
		}
	}
	return nil
}

// renewalsIn counts the renewals (increasing) within p.
func renewalsIn(renewals []time.Time, p Period) uint64 {
	if len(renewals) == 0 {
		return 0
	}
	cmp := func(a, b time.Time) int { return a.Compare(b) }
	lo, _ := slices.BinarySearchFunc(renewals, p.From, cmp)
	hi, _ := slices.BinarySearchFunc(renewals, p.To, cmp)
	return uint64(hi - lo)
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// Merge adds the counts of g, a flow of other customers over the same
// period, to f: Merge(nil) does nothing, f.Merge(f) doubles f. Flows over
// different periods fail with ErrMismatch, the zero Flow with ErrPeriod,
// a count past 2⁶⁴ − 1 with ErrOverflow; on error f is unchanged.
func (f *Flow) Merge(g *Flow) error {
	switch {
	case g == nil:
		return nil
	case !f.IsValid() || !g.IsValid():
		return errNoPeriod
	case !f.period.Equal(g.period):
		return fmt.Errorf("%w: merging a flow over %v into one over %v", ErrMismatch, g.period, f.period)
	case f.n > math.MaxUint64-g.n || f.due > math.MaxUint64-g.due:
		return ErrOverflow
	}
	f.n += g.n
	f.start += g.start
	f.acquired += g.acquired
	f.lost += g.lost
	f.lostAcquired += g.lostAcquired
	f.due += g.due
	f.renewed += g.renewed
	f.lostAtRenewal += g.lostAtRenewal
	f.exposure.Merge(g.exposure)
	return nil
}

// N returns the number of customers added, in the base or not.
func (f *Flow) N() uint64 { return f.n }

// Clone returns an independent copy of f.
func (f *Flow) Clone() *Flow {
	g := *f
	return &g
}

// Start returns S, the customers at the start of the period.
func (f *Flow) Start() uint64 { return f.start }

// Acquired returns N, the customers acquired during the period.
func (f *Flow) Acquired() uint64 { return f.acquired }

// Lost returns L, the customers lost during the period, including those
// acquired in it.
func (f *Flow) Lost() uint64 { return f.lost }

// LostFromStart returns the customers of the starting base S lost during
// the period.
func (f *Flow) LostFromStart() uint64 { return f.lost - f.lostAcquired }

// LostAcquired returns the customers both acquired and lost during the
// period.
func (f *Flow) LostAcquired() uint64 { return f.lostAcquired }

// End returns E = S + N − L, the customers at the end of the period.
func (f *Flow) End() uint64 { return f.start - f.LostFromStart() + f.acquired - f.lostAcquired }

// RenewalsDue returns the term ends in the period of the customers in the
// base: the renewals that could be lost. It is RenewalsRenewed() +
// RenewalsLost() + RenewalsOpen().
func (f *Flow) RenewalsDue() uint64 { return f.due }

// RenewalsRenewed returns the term ends renewed: recorded renewals, and
// contract ends of customers still active after the period.
func (f *Flow) RenewalsRenewed() uint64 { return f.renewed }

// RenewalsLost returns the contract ends of customers lost in the period:
// churn at renewal.
func (f *Flow) RenewalsLost() uint64 { return f.lostAtRenewal }

// RenewalsOpen returns the contract ends of customers with no end yet:
// renewals the data does not decide.
func (f *Flow) RenewalsOpen() uint64 { return f.due - f.renewed - f.lostAtRenewal }

// ExposureDays returns the customer-time at risk: the sum over customers of
// the time each was active within the period, exactly in nanoseconds, as
// days of 24 hours (it may exceed any time.Duration).
func (f *Flow) ExposureDays() float64 {
	return f.exposure.Float() / float64(24*time.Hour)
}

// share returns num ÷ den correctly rounded, ok = false when den = 0.
func share(num, den uint64) (float64, bool) {
	if den == 0 {
		return 0, false
	}
	return ratio(num, den, 1), true
}

// Churn returns L ÷ S, the customers lost during the period over those at
// its start: the usual "lost ÷ start" churn rate. Losses of customers
// acquired in the period count too, so it can exceed 1 where new
// customers leave quickly; BaseChurn cannot. It is ok = false when S = 0.
func (f *Flow) Churn() (float64, bool) { return share(f.lost, f.start) }

// Retention returns (E − N) ÷ S = 1 − Churn, the customer retention rate.
// It is ok = false when S = 0 and falls below 0 when the period's new
// customers also leave in it.
func (f *Flow) Retention() (float64, bool) { return signedShare(f.start, f.lost, f.start) }

// BaseChurn returns the share of the starting base lost during the
// period, (lost from S) ÷ S, in [0, 1]; ok = false when S = 0.
func (f *Flow) BaseChurn() (float64, bool) { return share(f.LostFromStart(), f.start) }

// BaseRetention returns the share of the starting base still there at the
// end, 1 − BaseChurn, in [0, 1]; ok = false when S = 0.
func (f *Flow) BaseRetention() (float64, bool) { return share(f.start-f.LostFromStart(), f.start) }

// AverageChurn returns L ÷ ((S + E)/2), losses over the average of the
// opening and closing base; ok = false when S + E = 0.
func (f *Flow) AverageChurn() (float64, bool) {
	s, e := f.start, f.End()
	if s == 0 && e == 0 {
		return 0, false
	}
	if s <= math.MaxUint64-e {
		return ratio(f.lost, s+e, 2), true
	}
	return 2 * float64(f.lost) / (float64(s) + float64(e)), true
}

// DailyChurn returns L ÷ customer-days, losses per customer-day at risk
// (an average hazard); ok = false with no exposure.
func (f *Flow) DailyChurn() (float64, bool) {
	if f.exposure.IsZero() {
		return 0, false
	}
	return float64(f.lost) / f.ExposureDays(), true
}

// RenewalChurn returns RenewalsLost ÷ (RenewalsRenewed + RenewalsLost),
// the churn of the renewals decided in the period; ok = false when none
// was.
func (f *Flow) RenewalChurn() (float64, bool) {
	return share(f.lostAtRenewal, f.renewed+f.lostAtRenewal)
}

// Growth returns (E − S) ÷ S = (N − L) ÷ S, the net growth of the base;
// ok = false when S = 0.
func (f *Flow) Growth() (float64, bool) { return signedShare(f.acquired, f.lost, f.start) }

// signedShare returns (a − b) ÷ den for counts a and b, which may give a
// negative share; ok = false when den = 0.
func signedShare(a, b, den uint64) (float64, bool) {
	if den == 0 {
		return 0, false
	}
	if a >= b {
		return ratio(a-b, den, 1), true
	}
	return -ratio(b-a, den, 1), true
}

// FlowOf counts customers over p after checking every one (see
// Customer.Validate) and that no id repeats: the first bad customer is an
// error naming its position.
func FlowOf(customers iter.Seq[Customer], p Period) (*Flow, error) {
	f, err := NewFlow(p)
	if err != nil {
		return nil, err
	}
	var bad error
	i := 0
	for c := range checked(customers, &bad) {
		if err := f.Add(c); err != nil {
			return nil, group.At("customer", i, err)
		}
		i++
	}
	if bad != nil {
		return nil, bad
	}
	return f, nil
}

// FlowBy counts customers over p in groups chosen by key (segment, plan,
// channel), checking them as FlowOf does.
func FlowBy[K comparable](customers iter.Seq[Customer], p Period, key func(Customer) K) (map[K]*Flow, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var bad error
	groups, err := group.By(checked(customers, &bad), "customer", key, func() *Flow { return &Flow{period: p.utc()} }, (*Flow).Add)
	if bad != nil {
		return nil, bad
	}
	return groups, err
}

// FlowSeries counts customers over the consecutive calendar periods from
// the one containing first to the one containing last, at most MaxPeriods
// of them (ErrPeriod beyond), checking the customers as FlowOf does. The
// closing base of each period is the opening base of the next. It reads
// the customers once and costs one Add per customer and period.
func FlowSeries(customers iter.Seq[Customer], cal Calendar, first, last time.Time) ([]*Flow, error) {
	if err := cal.Validate(); err != nil {
		return nil, err
	}
	i0, i1, err := cal.span(first, last)
	if err != nil {
		return nil, err
	}
	flows := make([]*Flow, 0, i1-i0+1)
	for i := i0; i <= i1; i++ {
		f, err := NewFlow(cal.Period(i))
		if err != nil {
			return nil, err
		}
		flows = append(flows, f)
	}
	var bad error
	i := 0
	for c := range checked(customers, &bad) {
		for _, f := range flows {
			if err := f.Add(c); err != nil {
				return nil, group.At("customer", i, err)
			}
		}
		i++
	}
	if bad != nil {
		return nil, bad
	}
	return flows, nil
}

// FlowResult is the reporting view of a flow: its counts, and its rates in
// percent (nil, null in JSON, where the base they divide by is empty).
type FlowResult struct {
	Period           Period   `json:"period"`
	N                uint64   `json:"n"`
	Start            uint64   `json:"start"`
	Acquired         uint64   `json:"acquired"`
	Lost             uint64   `json:"lost"`
	LostFromStart    uint64   `json:"lost_from_start"`
	LostAcquired     uint64   `json:"lost_acquired"`
	End              uint64   `json:"end"`
	RenewalsDue      uint64   `json:"renewals_due"`
	RenewalsRenewed  uint64   `json:"renewals_renewed"`
	RenewalsLost     uint64   `json:"renewals_lost"`
	RenewalsOpen     uint64   `json:"renewals_open"`
	ExposureDays     float64  `json:"exposure_days"`
	ChurnPct         *float64 `json:"churn_pct"`
	RetentionPct     *float64 `json:"retention_pct"`
	BaseChurnPct     *float64 `json:"base_churn_pct"`
	BaseRetentionPct *float64 `json:"base_retention_pct"`
	AverageChurnPct  *float64 `json:"average_churn_pct"`
	DailyChurnPct    *float64 `json:"daily_churn_pct"`
	RenewalChurnPct  *float64 `json:"renewal_churn_pct"`
	GrowthPct        *float64 `json:"growth_pct"`
}

// Result returns the flow's reporting view. It never fails: an empty
// flow, or the zero Flow, has n = 0 and nil rates.
func (f *Flow) Result() (FlowResult, error) {
	r := FlowResult{
		Period: f.period, N: f.n, Start: f.start, Acquired: f.acquired, Lost: f.lost,
		LostFromStart: f.LostFromStart(), LostAcquired: f.lostAcquired, End: f.End(),
		RenewalsDue: f.due, RenewalsRenewed: f.renewed, RenewalsLost: f.lostAtRenewal, RenewalsOpen: f.RenewalsOpen(),
		ExposureDays: f.ExposureDays(),
		ChurnPct:     pct(f.lost, f.start), RetentionPct: signedPct(f.start, f.lost, f.start),
		BaseChurnPct: pct(f.LostFromStart(), f.start), BaseRetentionPct: pct(f.start-f.LostFromStart(), f.start),
		RenewalChurnPct: pct(f.lostAtRenewal, f.renewed+f.lostAtRenewal), GrowthPct: signedPct(f.acquired, f.lost, f.start),
	}
	if v, ok := f.AverageChurn(); ok {
		v *= 100
		r.AverageChurnPct = &v
	}
	if v, ok := f.DailyChurn(); ok {
		v *= 100
		r.DailyChurnPct = &v
	}
	return r, nil
}

// String returns e.g. "2025-01-01…2025-02-01: 5 → 5 customers (+4 −4),
// churn 80.0%, retention 20.0%, base churn 40.0%, renewal churn 50.0% of
// 2 renewals decided".
func (r FlowResult) String() string {
	return fmt.Sprintf("%s…%s: %d → %d customers (+%d −%d), churn %s, retention %s, base churn %s, renewal churn %s of %d renewals decided",
		r.Period.From.Format(time.DateOnly), r.Period.To.Format(time.DateOnly), r.Start, r.End, r.Acquired, r.Lost,
		pctText(r.ChurnPct), pctText(r.RetentionPct), pctText(r.BaseChurnPct), pctText(r.RenewalChurnPct),
		r.RenewalsRenewed+r.RenewalsLost)
}
