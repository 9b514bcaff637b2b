package churn

import (
	"fmt"
	"iter"
	"maps"
	"math/big"
	"slices"
	"time"

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
// (decimal sums), for revenue retention and growth accounting. Its zero
// value is an empty monthly ledger in UTC; ledgers on the same calendar
// merge in any order with identical results.
type Ledger struct {
	cal     Calendar
	amounts map[string]map[int]money.Sum
}

// NewLedger returns an empty ledger on calendar cal.
func NewLedger(cal Calendar) (*Ledger, error) {
	if err := cal.Validate(); err != nil {
		return nil, err
	}
	return &Ledger{cal: cal}, nil
}

// Calendar returns the ledger's calendar.
func (l *Ledger) Calendar() Calendar { return l.cal }

// Add books one revenue row. An empty customer id is rejected with ErrID
// and a negative amount with ErrAmount (credits are not recurring
// revenue); a rejected row leaves the ledger unchanged.
func (l *Ledger) Add(r Revenue) error {
	if r.CustomerID == "" {
		return ErrID
	}
	if r.Amount.IsNegative() {
		return fmt.Errorf("customer %q: %w (%s)", r.CustomerID, ErrAmount, r.Amount)
	}
	l.book(r.CustomerID, l.cal.Index(r.At), r.Amount)
	return nil
}

func (l *Ledger) book(id string, i int, amount decimal.Decimal) {
	if l.amounts == nil {
		l.amounts = make(map[string]map[int]money.Sum)
	}
	m := l.amounts[id]
	if m == nil {
		m = make(map[int]money.Sum)
		l.amounts[id] = m
	}
	c := m[i]
	c.Add(amount)
	m[i] = c
}

// Merge adds every amount of m to l; both must be on the same calendar
// (the zero calendar and Monthly are the same).
func (l *Ledger) Merge(m *Ledger) error {
	if l.cal.months() != m.cal.months() || l.cal.loc().String() != m.cal.loc().String() {
		return fmt.Errorf("%w: merging a %d-month ledger in %v into a %d-month one in %v", ErrCalendar,
			m.cal.months(), m.cal.loc(), l.cal.months(), l.cal.loc())
	}
	for id, byPeriod := range m.amounts {
		for i, a := range byPeriod {
			l.book(id, i, a.Value())
		}
	}
	return nil
}

// amount returns a customer's revenue in period i.
func (l *Ledger) amount(id string, i int) decimal.Decimal {
	m := l.amounts[id][i]
	return m.Value()
}

// ids returns the customer ids in order, so that results never depend on
// map order.
func (l *Ledger) ids() []string { return slices.Sorted(maps.Keys(l.amounts)) }

// Total returns the revenue of every customer in the period containing at.
func (l *Ledger) Total(at time.Time) decimal.Decimal {
	i := l.cal.Index(at)
	var sum decimal.Decimal
	for _, id := range l.ids() {
		sum = sum.Add(l.amount(id, i))
	}
	return sum
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
// holds exactly. Customer counts go with each amount.
type Movement struct {
	Period      Period          `json:"period"`
	Start       decimal.Decimal `json:"start"`
	New         decimal.Decimal `json:"new"`
	Expansion   decimal.Decimal `json:"expansion"`
	Contraction decimal.Decimal `json:"contraction"`
	Churned     decimal.Decimal `json:"churned"`
	Resurrected decimal.Decimal `json:"resurrected"`
	End         decimal.Decimal `json:"end"`

	StartCustomers       int `json:"start_customers"`
	NewCustomers         int `json:"new_customers"`
	ExpandedCustomers    int `json:"expanded_customers"`
	ContractedCustomers  int `json:"contracted_customers"`
	ChurnedCustomers     int `json:"churned_customers"`
	ResurrectedCustomers int `json:"resurrected_customers"`
	EndCustomers         int `json:"end_customers"`
}

// QuickRatio returns (New + Expansion + Resurrected) ÷ (Contraction +
// Churned), revenue gained per unit lost; ok = false when nothing was
// lost.
func (m Movement) QuickRatio() (float64, bool) {
	return ratioDec(m.New.Add(m.Expansion).Add(m.Resurrected), m.Contraction.Add(m.Churned))
}

// ratioDec returns a ÷ b correctly rounded to float64, or ok = false when
// b is zero.
func ratioDec(a, b decimal.Decimal) (float64, bool) {
	if b.IsZero() {
		return 0, false
	}
	f, _ := new(big.Rat).Quo(a.Rat(), b.Rat()).Float64()
	return f, true
}

// Movements returns the growth accounting of each calendar period from the
// one containing first to the one containing last.
func (l *Ledger) Movements(first, last time.Time) ([]Movement, error) {
	i0, i1 := l.cal.Index(first), l.cal.Index(last)
	if i1 < i0 {
		return nil, fmt.Errorf("%w: last %s before first %s", ErrPeriod, last.Format(time.RFC3339), first.Format(time.RFC3339))
	}
	ids := l.ids()
	// firstPaid[id] is the first period with revenue.
	firstPaid := make(map[string]int, len(ids))
	for _, id := range ids {
		f, ok := 0, false
		for i, a := range l.amounts[id] {
			if a.Value().IsPositive() && (!ok || i < f) {
				f, ok = i, true
			}
		}
		if ok {
			firstPaid[id] = f
		}
	}
	out := make([]Movement, 0, i1-i0+1)
	for i := i0; i <= i1; i++ {
		m := Movement{Period: l.cal.Period(i)}
		for _, id := range ids {
			p, c := l.amount(id, i-1), l.amount(id, i)
			if p.IsPositive() {
				m.Start = m.Start.Add(p)
				m.StartCustomers++
			}
			if c.IsPositive() {
				m.End = m.End.Add(c)
				m.EndCustomers++
			}
			switch {
			case p.IsZero() && c.IsPositive():
				if firstPaid[id] == i {
					m.New = m.New.Add(c)
					m.NewCustomers++
				} else {
					m.Resurrected = m.Resurrected.Add(c)
					m.ResurrectedCustomers++
				}
			case p.IsPositive() && c.IsZero():
				m.Churned = m.Churned.Add(p)
				m.ChurnedCustomers++
			case c.GreaterThan(p) && p.IsPositive():
				m.Expansion = m.Expansion.Add(c.Sub(p))
				m.ExpandedCustomers++
			case c.LessThan(p) && c.IsPositive():
				m.Contraction = m.Contraction.Add(p.Sub(c))
				m.ContractedCustomers++
			}
		}
		out = append(out, m)
	}
	return out, nil
}

// RevenueRetention compares the revenue of the customers who had some in
// a base period with their revenue in a later period, leaving out
// customers acquired (or resurrected) since.
//
//	NRR = Current ÷ Start                       net revenue retention
//	GRR = (Start − Contraction − Churned) ÷ Start  gross revenue retention
//
// GRR counts each customer's revenue at most at its base amount, so it is
// in [0, 1]; NRR includes expansion and can exceed 1.
type RevenueRetention struct {
	Base        Period          `json:"base"`
	Current     Period          `json:"current"`
	Start       decimal.Decimal `json:"start"`       // base-period revenue of the base customers
	Now         decimal.Decimal `json:"now"`         // their revenue in the current period
	Expansion   decimal.Decimal `json:"expansion"`   // Σ (c − p) where c > p
	Contraction decimal.Decimal `json:"contraction"` // Σ (p − c) where 0 < c < p
	Churned     decimal.Decimal `json:"churned"`     // Σ p where c = 0
	Customers   int             `json:"customers"`   // base customers
	Retained    int             `json:"retained"`    // of them, with revenue now
}

// Net returns NRR as a fraction (1.05 is 105 %), correctly rounded from the
// exact decimals; ok = false when the base had no revenue.
func (r RevenueRetention) Net() (float64, bool) { return ratioDec(r.Now, r.Start) }

// Gross returns GRR as a fraction in [0, 1]; ok = false when the base had
// no revenue.
func (r RevenueRetention) Gross() (float64, bool) {
	return ratioDec(r.Start.Sub(r.Contraction).Sub(r.Churned), r.Start)
}

// Logo returns the share of base customers still paying, Retained ÷
// Customers; ok = false for an empty base.
func (r RevenueRetention) Logo() (float64, bool) { return ratio(r.Retained, r.Customers) }

// Retention compares the period containing base with the later one
// containing current: month over month with consecutive months, year over
// year with current = base + 12 months.
func (l *Ledger) Retention(base, current time.Time) (RevenueRetention, error) {
	b, c := l.cal.Index(base), l.cal.Index(current)
	if c <= b {
		return RevenueRetention{}, fmt.Errorf("%w: current period %v not after base %v", ErrPeriod, l.cal.Period(c), l.cal.Period(b))
	}
	r := RevenueRetention{Base: l.cal.Period(b), Current: l.cal.Period(c)}
	for _, id := range l.ids() {
		p, n := l.amount(id, b), l.amount(id, c)
		if !p.IsPositive() {
			continue
		}
		r.Customers++
		r.Start = r.Start.Add(p)
		r.Now = r.Now.Add(n)
		switch {
		case n.IsZero():
			r.Churned = r.Churned.Add(p)
		case n.LessThan(p):
			r.Contraction = r.Contraction.Add(p.Sub(n))
		default:
			r.Expansion = r.Expansion.Add(n.Sub(p))
		}
		if n.IsPositive() {
			r.Retained++
		}
	}
	return r, nil
}

// LedgerOf books revenue rows on calendar cal; the first bad row stops it
// with an error naming its position.
func LedgerOf(rows iter.Seq[Revenue], cal Calendar) (*Ledger, error) {
	l, err := NewLedger(cal)
	if err != nil {
		return nil, err
	}
	i := 0
	for r := range rows {
		if err := l.Add(r); err != nil {
			return nil, fmt.Errorf("revenue row %d: %w", i, err)
		}
		i++
	}
	return l, nil
}
