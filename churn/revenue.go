package churn

import (
	"fmt"
	"iter"
	"maps"
	"math"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// Revenue is recurring revenue (MRR, or ARR) of one customer in one
// calendar period: the period containing At. Several rows for the same
// customer and period (subscription lines) add up.
type Revenue struct {
	CustomerID string          `json:"customer_id"`
	At         time.Time       `json:"at"`
	Amount     decimal.Decimal `json:"amount"`
}

// Ledger holds recurring revenue per customer and calendar period, exactly
// (decimal sums), for revenue retention and growth accounting. It is an
// accumulator (see the module's root documentation): its zero value is an
// empty monthly ledger in UTC, and ledgers on the same calendar merge in
// any order with identical results.
type Ledger struct {
	cal     Calendar
	amounts map[string]map[int]money.Sum
	n       uint64 // rows booked
}

// NewLedger returns an empty ledger on calendar cal (see
// Calendar.Validate).
func NewLedger(cal Calendar) (*Ledger, error) {
	if err := cal.Validate(); err != nil {
		return nil, err
	}
	return &Ledger{cal: cal.normal()}, nil
}

// Calendar returns the ledger's calendar, its defaults written out.
func (l *Ledger) Calendar() Calendar { return l.cal.normal() }

// Add books one revenue row. It rejects an empty customer id (ErrID), a
// date that is missing or outside the plausible window (ErrTime), and an
// amount that is negative (credits are not recurring revenue) or outside
// the bounds of every amount (ErrAmount: more than 64 decimal places, or
// 10⁶⁴ or more); a rejected row leaves the ledger unchanged.
func (l *Ledger) Add(r Revenue) error {
	if r.CustomerID == "" {
		return ErrID
	}
	if err := checkTime("revenue date", r.At); err != nil {
		return fmt.Errorf("%w (customer %q)", err, r.CustomerID)
	}
	if r.Amount.IsNegative() {
		return fmt.Errorf("%w: customer %q: %s is negative", ErrAmount, r.CustomerID, r.Amount)
	}
	if err := money.Check(r.Amount); err != nil {
		return fmt.Errorf("%w: customer %q: %v", ErrAmount, r.CustomerID, err)
	}
	if l.n == math.MaxUint64 {
		return ErrOverflow
	}
	l.book(r.CustomerID, l.cal.Index(r.At), money.Of(r.Amount))
	l.n++
	return nil
}

func (l *Ledger) book(id string, i int, amount money.Sum) {
	if l.amounts == nil {
		l.amounts = make(map[string]map[int]money.Sum)
	}
	m := l.amounts[id]
	if m == nil {
		m = make(map[int]money.Sum)
		l.amounts[id] = m
	}
	c := m[i]
	c.Merge(amount)
	m[i] = c
}

// Merge adds every amount of m to l: Merge(nil) does nothing, l.Merge(l)
// doubles l. Ledgers on different calendars fail with ErrMismatch (the
// zero calendar and Monthly are the same); on error l is unchanged.
func (l *Ledger) Merge(m *Ledger) error {
	switch {
	case m == nil:
		return nil
	case !l.cal.equal(m.cal):
		return fmt.Errorf("%w: merging a %v ledger into a %v one", ErrMismatch, m.cal.normal(), l.cal.normal())
	case l.n > math.MaxUint64-m.n:
		return ErrOverflow
	}
	// Ranging over l.amounts while l.Merge(l) books into it is safe: it
	// only updates existing keys, each visited once.
	for id, byPeriod := range m.amounts {
		for i, a := range byPeriod {
			l.book(id, i, a)
		}
	}
	l.n += m.n
	return nil
}

// N returns the number of revenue rows booked.
func (l *Ledger) N() uint64 { return l.n }

// Clone returns an independent copy of l.
func (l *Ledger) Clone() *Ledger {
	c := &Ledger{cal: l.cal, n: l.n}
	if l.amounts != nil {
		c.amounts = make(map[string]map[int]money.Sum, len(l.amounts))
		for id, m := range l.amounts {
			c.amounts[id] = maps.Clone(m)
		}
	}
	return c
}

// ids returns the customer ids in order, so that results never depend on
// map order.
func (l *Ledger) ids() []string { return slices.Sorted(maps.Keys(l.amounts)) }

// Total returns the revenue of every customer in the period containing
// at, or ErrTime for a date outside the plausible window.
func (l *Ledger) Total(at time.Time) (decimal.Decimal, error) {
	if err := checkTime("date", at); err != nil {
		return decimal.Decimal{}, err
	}
	var sum money.Sum
	i := l.cal.Index(at)
	for _, id := range l.ids() {
		sum.Merge(l.amounts[id][i])
	}
	return sum.Value(), nil
}

// Movement is the growth accounting of recurring revenue from one period
// to the next (the MRR bridge): with each customer's revenue p in the
// previous period and c in this one,
//
//	New          c        where c > 0 and the customer never had revenue before
//	Resurrected  c        where c > 0, p = 0 and the customer had revenue before
//	Expansion    c − p    where 0 < p < c
//	Contraction  p − c    where 0 < c < p
//	Churned      p        where p > 0 and c = 0
//
// and Start + New + Expansion − Contraction − Churned + Resurrected = End
// holds exactly. Customer counts go with each amount. QuickRatio is (New
// + Expansion + Resurrected) ÷ (Contraction + Churned), revenue gained per
// unit lost, nil when nothing was lost.
type Movement struct {
	Period            Period          `json:"period"`
	StartAmount       decimal.Decimal `json:"start_amount"`
	NewAmount         decimal.Decimal `json:"new_amount"`
	ExpansionAmount   decimal.Decimal `json:"expansion_amount"`
	ContractionAmount decimal.Decimal `json:"contraction_amount"`
	ChurnedAmount     decimal.Decimal `json:"churned_amount"`
	ResurrectedAmount decimal.Decimal `json:"resurrected_amount"`
	EndAmount         decimal.Decimal `json:"end_amount"`
	QuickRatio        *float64        `json:"quick_ratio"`

	StartCustomers       int `json:"start_customers"`
	NewCustomers         int `json:"new_customers"`
	ExpandedCustomers    int `json:"expanded_customers"`
	ContractedCustomers  int `json:"contracted_customers"`
	ChurnedCustomers     int `json:"churned_customers"`
	ResurrectedCustomers int `json:"resurrected_customers"`
	EndCustomers         int `json:"end_customers"`
}

// String returns e.g. "2025-02: 220 → 309.9 (+99.9 new, +50 expansion,
// −20 contraction, −40 churned, +0 resurrected), quick ratio 2.50".
func (m Movement) String() string {
	q := "n/a"
	if m.QuickRatio != nil {
		q = fmt.Sprintf("%.2f", *m.QuickRatio)
	}
	return fmt.Sprintf("%s: %s → %s (+%s new, +%s expansion, −%s contraction, −%s churned, +%s resurrected), quick ratio %s",
		m.Period.From.Format("2006-01"), m.StartAmount, m.EndAmount, m.NewAmount, m.ExpansionAmount,
		m.ContractionAmount, m.ChurnedAmount, m.ResurrectedAmount, q)
}

// quotient returns k·a ÷ b correctly rounded to float64, or nil when b is
// zero.
func quotient(a, b decimal.Decimal, k int64) *float64 {
	if b.IsZero() {
		return nil
	}
	f, _ := new(big.Rat).Quo(new(big.Rat).Mul(a.Rat(), big.NewRat(k, 1)), b.Rat()).Float64()
	return &f
}

// Movements returns the growth accounting of each calendar period from the
// one containing first to the one containing last: at most MaxPeriods
// periods (ErrPeriod), both dates in the plausible window (ErrTime). It
// costs one pass over the ledger per period.
func (l *Ledger) Movements(first, last time.Time) ([]Movement, error) {
	i0, i1, err := l.cal.span(first, last)
	if err != nil {
		return nil, err
	}
	ids := l.ids()
	// firstPaid[id] is the first period with revenue.
	firstPaid := make(map[string]int, len(ids))
	for _, id := range ids {
		f, ok := 0, false
		for i, a := range l.amounts[id] {
			if a.Sign() > 0 && (!ok || i < f) {
				f, ok = i, true
			}
		}
		if ok {
			firstPaid[id] = f
		}
	}
	out := make([]Movement, 0, i1-i0+1)
	for i := i0; i <= i1; i++ {
		var start, end, gained, expansion, contraction, churned, resurrected money.Sum
		m := Movement{Period: l.cal.Period(i)}
		for _, id := range ids {
			ps, cs := l.amounts[id][i-1], l.amounts[id][i]
			if ps.Sign() > 0 {
				start.Merge(ps)
				m.StartCustomers++
			}
			if cs.Sign() > 0 {
				end.Merge(cs)
				m.EndCustomers++
			}
			switch d := cs.Cmp(ps); {
			case ps.Sign() == 0 && cs.Sign() > 0:
				if firstPaid[id] == i {
					gained.Merge(cs)
					m.NewCustomers++
				} else {
					resurrected.Merge(cs)
					m.ResurrectedCustomers++
				}
			case ps.Sign() > 0 && cs.Sign() == 0:
				churned.Merge(ps)
				m.ChurnedCustomers++
			case d > 0 && ps.Sign() > 0:
				expansion.Merge(difference(cs, ps))
				m.ExpandedCustomers++
			case d < 0 && cs.Sign() > 0:
				contraction.Merge(difference(ps, cs))
				m.ContractedCustomers++
			}
		}
		m.StartAmount, m.EndAmount, m.NewAmount = start.Value(), end.Value(), gained.Value()
		m.ExpansionAmount, m.ContractionAmount = expansion.Value(), contraction.Value()
		m.ChurnedAmount, m.ResurrectedAmount = churned.Value(), resurrected.Value()
		m.QuickRatio = quotient(m.NewAmount.Add(m.ExpansionAmount).Add(m.ResurrectedAmount), m.ContractionAmount.Add(m.ChurnedAmount), 1)
		out = append(out, m)
	}
	return out, nil
}

// difference returns a − b as a sum.
func difference(a, b money.Sum) money.Sum {
	return money.Of(a.Value().Sub(b.Value()))
}

// RevenueRetention compares the revenue of the customers who had some in
// a base period with their revenue in a later period, leaving out
// customers acquired (or resurrected) since.
//
//	NRR = Current ÷ Start                          net revenue retention
//	GRR = (Start − Contraction − Churned) ÷ Start  gross revenue retention
//	logo retention = Retained ÷ Customers
//
// GRR counts each customer's revenue at most at its base amount, so it is
// in [0, 1]; NRR includes expansion and can exceed 1. The percentages are
// nil when the base had no revenue (or no customer).
type RevenueRetention struct {
	Base              Period          `json:"base"`
	Current           Period          `json:"current"`
	StartAmount       decimal.Decimal `json:"start_amount"`       // base-period revenue of the base customers
	CurrentAmount     decimal.Decimal `json:"current_amount"`     // their revenue in the current period
	ExpansionAmount   decimal.Decimal `json:"expansion_amount"`   // Σ (c − p) where c > p
	ContractionAmount decimal.Decimal `json:"contraction_amount"` // Σ (p − c) where 0 < c < p
	ChurnedAmount     decimal.Decimal `json:"churned_amount"`     // Σ p where c = 0
	Customers         int             `json:"customers"`          // base customers
	Retained          int             `json:"retained"`           // of them, with revenue now
	NetRetentionPct   *float64        `json:"net_retention_pct"`
	GrossRetentionPct *float64        `json:"gross_retention_pct"`
	LogoRetentionPct  *float64        `json:"logo_retention_pct"`
}

// Net returns NRR as a fraction (1.05 is 105 %), correctly rounded from the
// exact decimals; ok = false when the base had no revenue.
func (r RevenueRetention) Net() (float64, bool) {
	return fraction(quotient(r.CurrentAmount, r.StartAmount, 1))
}

// Gross returns GRR as a fraction in [0, 1]; ok = false when the base had
// no revenue.
func (r RevenueRetention) Gross() (float64, bool) {
	return fraction(quotient(r.StartAmount.Sub(r.ContractionAmount).Sub(r.ChurnedAmount), r.StartAmount, 1))
}

// Logo returns the share of base customers still paying, Retained ÷
// Customers; ok = false for an empty base.
func (r RevenueRetention) Logo() (float64, bool) {
	return share(uint64(r.Retained), uint64(r.Customers))
}

func fraction(p *float64) (float64, bool) {
	if p == nil {
		return 0, false
	}
	return *p, true
}

// String returns e.g. "2025-01 → 2025-02: NRR 95.5%, GRR 72.7%, logo
// 66.7% (210 of 220 from 3 customers)".
func (r RevenueRetention) String() string {
	return fmt.Sprintf("%s → %s: NRR %s, GRR %s, logo %s (%s of %s from %d customers)",
		r.Base.From.Format("2006-01"), r.Current.From.Format("2006-01"), pctText(r.NetRetentionPct),
		pctText(r.GrossRetentionPct), pctText(r.LogoRetentionPct), r.CurrentAmount, r.StartAmount, r.Customers)
}

// Retention compares the period containing base with the later one
// containing current: month over month with consecutive months, year over
// year with current = base + 12 months. Both dates must lie in the
// plausible window (ErrTime) and current's period follow base's
// (ErrPeriod).
func (l *Ledger) Retention(base, current time.Time) (RevenueRetention, error) {
	if err := checkTime("base date", base); err != nil {
		return RevenueRetention{}, err
	}
	if err := checkTime("current date", current); err != nil {
		return RevenueRetention{}, err
	}
	b, c := l.cal.Index(base), l.cal.Index(current)
	if c <= b {
		return RevenueRetention{}, fmt.Errorf("%w: current period %v not after base %v", ErrPeriod, l.cal.Period(c), l.cal.Period(b))
	}
	r := RevenueRetention{Base: l.cal.Period(b), Current: l.cal.Period(c)}
	var start, now, expansion, contraction, churned money.Sum
	for _, id := range l.ids() {
		p, n := l.amounts[id][b], l.amounts[id][c]
		if p.Sign() <= 0 {
			continue
		}
		r.Customers++
		start.Merge(p)
		now.Merge(n)
		switch d := n.Cmp(p); {
		case n.Sign() == 0:
			churned.Merge(p)
		case d < 0:
			contraction.Merge(difference(p, n))
		default:
			expansion.Merge(difference(n, p))
		}
		if n.Sign() > 0 {
			r.Retained++
		}
	}
	r.StartAmount, r.CurrentAmount = start.Value(), now.Value()
	r.ExpansionAmount, r.ContractionAmount, r.ChurnedAmount = expansion.Value(), contraction.Value(), churned.Value()
	r.NetRetentionPct = quotient(r.CurrentAmount, r.StartAmount, 100)
	r.GrossRetentionPct = quotient(r.StartAmount.Sub(r.ContractionAmount).Sub(r.ChurnedAmount), r.StartAmount, 100)
	r.LogoRetentionPct = pct(uint64(r.Retained), uint64(r.Customers))
	return r, nil
}

// LedgerResult is the reporting view of a ledger over a run of periods:
// the MRR bridge of each, and the revenue retention of the last against
// the first (nil when they are one period).
type LedgerResult struct {
	N         uint64            `json:"n"`
	Customers int               `json:"customers"`
	Movements []Movement        `json:"movements"`
	Retention *RevenueRetention `json:"retention"`
}

// Result returns the ledger's reporting view from the period containing
// first to the one containing last (see Movements and Retention).
func (l *Ledger) Result(first, last time.Time) (LedgerResult, error) {
	ms, err := l.Movements(first, last)
	if err != nil {
		return LedgerResult{}, err
	}
	r := LedgerResult{N: l.n, Customers: len(l.amounts), Movements: ms}
	if l.cal.Index(last) > l.cal.Index(first) {
		rr, err := l.Retention(first, last)
		if err != nil {
			return LedgerResult{}, err
		}
		r.Retention = &rr
	}
	return r, nil
}

// String returns one line per movement and one for the retention.
func (r LedgerResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d revenue rows of %d customers", r.N, r.Customers)
	for _, m := range r.Movements {
		b.WriteString("\n" + m.String())
	}
	if r.Retention != nil {
		b.WriteString("\n" + r.Retention.String())
	}
	return b.String()
}

// LedgerOf books revenue rows on calendar cal; the first bad row stops it
// with an error naming its position.
func LedgerOf(rows iter.Seq[Revenue], cal Calendar) (*Ledger, error) {
	l, err := NewLedger(cal)
	if err != nil {
		return nil, err
	}
	if _, err := group.Of(rows, "revenue row", l, (*Ledger).Add); err != nil {
		return nil, err
	}
	return l, nil
}

// LedgerBy books revenue rows on calendar cal in one ledger per key (a
// plan, a region); the first bad row stops it with an error naming its
// position.
func LedgerBy[K comparable](rows iter.Seq[Revenue], cal Calendar, key func(Revenue) K) (map[K]*Ledger, error) {
	if err := cal.Validate(); err != nil {
		return nil, err
	}
	return group.By(rows, "revenue row", key, func() *Ledger { return &Ledger{cal: cal.normal()} }, (*Ledger).Add)
}
