package main

import (
	"fmt"
	"slices"
	"time"

	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/csat"
)

// churnSection holds the customer-base KPIs over the window.
type churnSection struct {
	Months         []churn.FlowResult // one per month of the window, the last maybe partial
	Year           churn.FlowResult   // the whole window
	Renewals       renewals           // summed over the months
	AnnualFromMean *float64           // the mean monthly churn compounded over a year, percent
	Cohorts        *churn.CohortTable
	Lifetimes      uint64
	Lost           uint64
	MedianDays     *float64           // Kaplan–Meier median lifetime
	Curve          *churn.CurveResult // the Kaplan–Meier curve with its log-log band
	SurvivalYear   float64            // S(365 days)
	Repeat         *float64           // share of the window's buyers with two orders or more, percent
	Repurchase     *float64           // share of the first half's buyers who bought in the second half, percent
	RepeatOf       *churn.Repurchase
	RepurchaseOf   *churn.Repurchase
	Scored         int // active customers scored
	WithContract   int // of them, scored on their contract end
	WithPAlive     int // scored on P(alive): without a contract, with purchases
	Risks          []churn.Risk
	Hole           *churn.Diagnosis
}

func buildChurn(in *inputs, w window, clv *clvSection) (*churnSection, error) {
	if in.customers == nil {
		return nil, nil
	}
	customers := slices.Values(in.customers.rows)
	s := &churnSection{}
	var sum float64
	defined := 0
	for i := range w.months {
		from, to := w.span(i)
		f, err := churn.FlowOf(customers, churn.Period{From: from, To: to})
		if err != nil {
			return nil, fmt.Errorf("flows: %w", err)
		}
		r, _ := f.Result() // never fails
		s.Months = append(s.Months, r)
		s.Renewals.add(f)
		if c, ok := f.Churn(); ok && !(w.partial && i == len(w.months)-1) {
			sum += c
			defined++
		}
	}
	if defined > 0 {
		if a, err := churn.AnnualFromMonthly(sum / float64(defined)); err == nil {
			a *= 100
			s.AnnualFromMean = &a
		}
	}
	whole := churn.Period{From: w.from, To: w.to}
	f, err := churn.FlowOf(customers, whole)
	if err != nil {
		return nil, err
	}
	s.Year, _ = f.Result()

	// Cohorts of the customers acquired within the window.
	var recent []churn.Customer
	for _, c := range in.customers.rows {
		if w.contains(c.Start) {
			recent = append(recent, c)
		}
	}
	if len(recent) > 0 {
		if s.Cohorts, err = churn.Cohorts(slices.Values(recent), churn.Monthly, w.to); err != nil {
			return nil, fmt.Errorf("cohorts: %w", err)
		}
	}

	surv, err := churn.SurvivalOf(customers, w.to, 24*time.Hour)
	if err != nil {
		return nil, fmt.Errorf("survival: %w", err)
	}
	s.Lifetimes, s.Lost = surv.N(), surv.Events()
	if curve, err := surv.Result(level, churn.LogLog); err == nil && len(curve.Steps) > 0 {
		s.Curve = &curve
	}
	if curve, err := surv.Curve(); err == nil {
		if m, ok := curve.Median(); ok {
			d := m.Hours() / 24
			s.MedianDays = &d
		}
		s.SurvivalYear = curve.At(365 * 24 * time.Hour)
	}

	if in.transactions != nil {
		purchases := func(yield func(churn.Purchase) bool) {
			for _, t := range in.transactions.rows {
				if t.Amount.IsPositive() && w.contains(t.At) && !yield(churn.Purchase{CustomerID: t.CustomerID, At: t.At}) {
					return
				}
			}
		}
		if r, err := churn.RepeatOf(purchases, whole); err == nil {
			s.RepeatOf = &r
			if v, ok := r.Rate(); ok {
				v *= 100
				s.Repeat = &v
			}
		}
		mid := w.months[len(w.months)/2].Start(time.UTC)
		if len(w.months) > 1 {
			first, err1 := churn.NewPeriod(w.from, mid)
			second, err2 := churn.NewPeriod(mid, w.to)
			if err1 == nil && err2 == nil {
				if r, err := churn.RepurchaseOf(purchases, first, second); err == nil {
					s.RepurchaseOf = &r
					if v, ok := r.Rate(); ok {
						v *= 100
						s.Repurchase = &v
					}
				}
			}
		}
	}
	if err := s.risks(in, w.to, clv); err != nil {
		return nil, err
	}
	s.Hole = hole(in, w)
	return s, nil
}

// renewals counts the term ends due month by month: a month is the window
// in which each is decided (see churn.Flow).
type renewals struct{ Due, Renewed, Lost, Open uint64 }

func (r *renewals) add(f *churn.Flow) {
	r.Due += f.RenewalsDue()
	r.Renewed += f.RenewalsRenewed()
	r.Lost += f.RenewalsLost()
	r.Open += f.RenewalsOpen()
}

// ChurnPct returns the renewal churn of the decided renewals in percent,
// nil when none was decided.
func (r renewals) ChurnPct() *float64 {
	if r.Renewed+r.Lost == 0 {
		return nil
	}
	v := 100 * float64(r.Lost) / float64(r.Renewed+r.Lost)
	return &v
}

// risks scores the active customers' churn risk from every signal the
// inputs hold, riskiest first, and keeps the top ten. A customer with a
// contract scores on its end; one without scores on P(alive), the
// probability that the purchase model gives that the customer is still
// buying.
func (s *churnSection) risks(in *inputs, asOf time.Time, clv *clvSection) error {
	signals := map[string]*churn.Signals{}
	var ids []string
	for _, c := range in.customers.rows {
		if !c.Active(asOf) {
			continue
		}
		sig := &churn.Signals{CustomerID: c.ID, ContractEnd: c.ContractEnd}
		if !c.ContractEnd.IsZero() {
			s.WithContract++
		} else if clv != nil {
			if p, ok := clv.PAlive[c.ID]; ok {
				sig.PAlive = &p
				s.WithPAlive++
			}
		}
		signals[c.ID] = sig
		ids = append(ids, c.ID)
	}
	s.Scored = len(ids)
	if in.contacts != nil {
		for _, c := range in.contacts.rows {
			sig := signals[c.CustomerID]
			if sig == nil || !c.Arrived.Before(asOf) {
				continue
			}
			if c.Complaint {
				sig.Complaints = append(sig.Complaints, c.Arrived)
			}
			if c.Arrived.After(sig.LastContact) {
				sig.LastContact = c.Arrived
			}
		}
	}
	if in.transactions != nil {
		const window = 90 * 24 * time.Hour
		for _, t := range in.transactions.rows {
			sig := signals[t.CustomerID]
			if sig == nil || !t.Amount.IsPositive() {
				continue
			}
			switch age := asOf.Sub(t.At); {
			case age > 0 && age <= window:
				sig.RecentOrders++
			case age > window && age <= 2*window:
				sig.PriorOrders++
			}
		}
	}
	if in.surveys != nil {
		// The latest answer of each question before the as-of date.
		var latestCSAT, latestNPS = map[string]time.Time{}, map[string]time.Time{}
		lo, hi := in.csatScale.Min(), in.csatScale.Max()
		for _, r := range in.surveys.rows {
			sig := signals[r.CustomerID]
			if sig == nil || !r.At.Before(asOf) {
				continue
			}
			if v, ok := r.CSAT.Value(); ok && !r.At.Before(latestCSAT[r.CustomerID]) {
				latestCSAT[r.CustomerID] = r.At
				sig.Satisfaction, sig.HasSatisfaction = float64(v-lo)/float64(hi-lo), true
			}
			if v, ok := r.NPS.Value(); ok && !r.At.Before(latestNPS[r.CustomerID]) {
				latestNPS[r.CustomerID] = r.At
				sig.Recommend, sig.HasRecommend = v, true
			}
		}
	}
	all := make([]churn.Signals, 0, len(ids))
	for _, id := range ids {
		all = append(all, *signals[id])
	}
	ranked, err := churn.DefaultScorecard().Rank(all, asOf)
	if err != nil {
		return fmt.Errorf("churn risk: %w", err)
	}
	s.Risks = ranked[:min(10, len(ranked))]
	return nil
}

// hole runs the "hole in the rocket" check over the window: distinct
// complainants among the customers, dissatisfied among the surveyed.
func hole(in *inputs, w window) *churn.Diagnosis {
	if in.contacts == nil || in.surveys == nil {
		return nil
	}
	customers := map[string]bool{}
	for _, c := range in.customers.rows {
		if c.Start.Before(w.to) && (c.End.IsZero() || !c.End.Before(w.from)) {
			customers[c.ID] = true
		}
	}
	complainants := map[string]bool{}
	for _, c := range in.contacts.rows {
		if w.contains(c.Arrived) && c.Complaint && customers[c.CustomerID] {
			complainants[c.CustomerID] = true
		}
	}
	respondents, dissatisfied := map[string]bool{}, map[string]bool{}
	for _, r := range in.surveys.rows {
		v, ok := r.CSAT.Value()
		if !ok || !w.contains(r.At) || !customers[r.CustomerID] {
			continue
		}
		respondents[r.CustomerID] = true
		if c, _ := in.csatScale.Classify(v); c == csat.Dissatisfied {
			dissatisfied[r.CustomerID] = true
		}
	}
	d, err := churn.Diagnose(churn.Voice{
		Customers: len(customers), Complainants: len(complainants),
		Respondents: len(respondents), Dissatisfied: len(dissatisfied),
	}, churn.DefaultHoleRule)
	if err != nil {
		return nil
	}
	return &d
}
