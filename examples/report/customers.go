package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/csat"
)

// customerColumns are required; "renewals" is optional.
var customerColumns = []string{"id", "start", "end", "contract_end", "segment"}

func parseCustomer(r row) (churn.Customer, error) {
	c := churn.Customer{ID: r.get("id"), Segment: r.get("segment")}
	var err error
	if c.Start, err = parseTime(r, "start"); err != nil {
		return c, err
	}
	if c.End, err = parseOptionalTime(r, "end"); err != nil {
		return c, err
	}
	if c.ContractEnd, err = parseOptionalTime(r, "contract_end"); err != nil {
		return c, err
	}
	if c.Renewals, err = parseRenewals(r.get("renewals")); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// parseRenewals reads the optional renewals column: the term ends at
// which the customer renewed, separated by ";", each read as the other
// time columns are.
func parseRenewals(text string) ([]time.Time, error) {
	if text == "" {
		return nil, nil
	}
	var out []time.Time
	for _, field := range strings.Split(text, ";") {
		t, err := parseTime(row{fields: []string{field}, column: map[string]int{"renewals": 0}}, "renewals")
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// churnSection holds the customer-base KPIs.
type churnSection struct {
	Months         []churn.FlowResult
	Year           churn.FlowResult
	Renewals       renewals // summed over the months
	AnnualFromMean *float64 // annualised mean monthly churn, percent
	Cohorts        *churn.CohortTable
	Median         time.Duration // Kaplan–Meier median lifetime
	MedianOK       bool
	Survival12     float64  // S(365 days)
	Repeat         *float64 // share of the window's buyers with two orders or more, percent
	Repurchase     *float64 // share of the first half's buyers who bought in the second half, percent
	Risks          []churn.Risk
	Hole           *churn.Diagnosis
}

func buildChurn(in *inputs, w window, asOf time.Time) (*churnSection, error) {
	if in.customers == nil {
		return nil, nil
	}
	customers := in.customers.Rows
	s := &churnSection{}
	flows, err := churn.FlowSeries(slices.Values(customers), churn.Monthly, w.from, w.months[len(w.months)-1])
	if err != nil {
		return nil, fmt.Errorf("monthly flows: %w", err)
	}
	var sum float64
	defined := 0
	for _, f := range flows {
		r, err := f.Result()
		if err != nil {
			return nil, err
		}
		s.Months = append(s.Months, r)
		s.Renewals.add(f)
		if c, ok := f.Churn(); ok {
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
	year, err := churn.NewPeriod(w.from, w.to)
	if err != nil {
		return nil, err
	}
	f, err := churn.FlowOf(slices.Values(customers), year)
	if err != nil {
		return nil, err
	}
	if s.Year, err = f.Result(); err != nil {
		return nil, err
	}

	// Cohorts of the customers acquired within the window.
	var recent []churn.Customer
	for _, c := range customers {
		if !c.Start.Before(w.from) && c.Start.Before(w.to) {
			recent = append(recent, c)
		}
	}
	if len(recent) > 0 {
		if s.Cohorts, err = churn.Cohorts(slices.Values(recent), churn.Monthly, asOf); err != nil {
			return nil, fmt.Errorf("cohorts: %w", err)
		}
	}

	surv, err := churn.SurvivalOf(slices.Values(customers), asOf, 24*time.Hour)
	if err != nil {
		return nil, fmt.Errorf("survival: %w", err)
	}
	if curve, err := surv.Curve(); err == nil {
		s.Median, s.MedianOK = curve.Median()
		s.Survival12 = curve.At(365 * 24 * time.Hour)
	}

	if in.transactions != nil {
		purchases := func(yield func(churn.Purchase) bool) {
			for _, t := range in.transactions.Rows {
				if t.Amount.IsPositive() && !yield(churn.Purchase{CustomerID: t.CustomerID, At: t.At}) {
					return
				}
			}
		}
		if r, err := churn.RepeatOf(purchases, year); err == nil {
			if v, ok := r.Rate(); ok {
				v *= 100
				s.Repeat = &v
			}
		}
		mid := w.from.AddDate(0, len(w.months)/2, 0)
		first, err1 := churn.NewPeriod(w.from, mid)
		second, err2 := churn.NewPeriod(mid, w.to)
		if err1 == nil && err2 == nil {
			if r, err := churn.RepurchaseOf(purchases, first, second); err == nil {
				if v, ok := r.Rate(); ok {
					v *= 100
					s.Repurchase = &v
				}
			}
		}
	}
	if s.Risks, err = risks(in, asOf); err != nil {
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
// inputs hold, riskiest first, and keeps the top ten.
func risks(in *inputs, asOf time.Time) ([]churn.Risk, error) {
	signals := map[string]*churn.Signals{}
	var ids []string
	for _, c := range in.customers.Rows {
		if c.Active(asOf) {
			signals[c.ID] = &churn.Signals{CustomerID: c.ID, ContractEnd: c.ContractEnd}
			ids = append(ids, c.ID)
		}
	}
	if in.contacts != nil {
		for _, c := range in.contacts.Rows {
			s := signals[c.CustomerID]
			if s == nil || !c.Arrived.Before(asOf) {
				continue
			}
			if c.Complaint {
				s.Complaints = append(s.Complaints, c.Arrived)
			}
			if c.Arrived.After(s.LastContact) {
				s.LastContact = c.Arrived
			}
		}
	}
	if in.transactions != nil {
		const window = 90 * 24 * time.Hour
		for _, t := range in.transactions.Rows {
			s := signals[t.CustomerID]
			if s == nil || !t.Amount.IsPositive() {
				continue
			}
			switch age := asOf.Sub(t.At); {
			case age > 0 && age <= window:
				s.RecentOrders++
			case age > window && age <= 2*window:
				s.PriorOrders++
			}
		}
	}
	if in.surveys != nil {
		latest := map[string]time.Time{}
		min, max := in.csatScale.Min(), in.csatScale.Max()
		for _, r := range in.surveys.Rows { // the latest answer of each kind wins
			s := signals[r.CustomerID]
			if s == nil || r.At.After(asOf) || r.At.Before(latest[r.CustomerID]) {
				continue
			}
			latest[r.CustomerID] = r.At
			if r.CSAT >= 0 {
				s.Satisfaction, s.HasSatisfaction = float64(r.CSAT-min)/float64(max-min), true
			}
			if r.NPS >= 0 {
				s.Recommend, s.HasRecommend = r.NPS, true
			}
		}
	}
	all := make([]churn.Signals, 0, len(ids))
	for _, id := range ids {
		all = append(all, *signals[id])
	}
	ranked, err := churn.DefaultScorecard().Rank(all, asOf)
	if err != nil {
		return nil, fmt.Errorf("churn risk: %w", err)
	}
	return ranked[:min(10, len(ranked))], nil
}

// hole runs the "hole in the rocket" check over the window: distinct
// complainants among the customers, dissatisfied among the surveyed.
func hole(in *inputs, w window) *churn.Diagnosis {
	if in.contacts == nil || in.surveys == nil {
		return nil
	}
	customers := map[string]bool{}
	for _, c := range in.customers.Rows {
		if c.Start.Before(w.to) && (c.End.IsZero() || !c.End.Before(w.from)) {
			customers[c.ID] = true
		}
	}
	complainants := map[string]bool{}
	for _, c := range in.contacts.Rows {
		if _, ok := w.month(c.Arrived); ok && c.Complaint && customers[c.CustomerID] {
			complainants[c.CustomerID] = true
		}
	}
	respondents, dissatisfied := map[string]bool{}, map[string]bool{}
	for _, r := range in.surveys.Rows {
		if _, ok := w.month(r.At); !ok || r.CSAT < 0 || !customers[r.CustomerID] {
			continue
		}
		respondents[r.CustomerID] = true
		if c, _ := in.csatScale.Classify(r.CSAT); c == csat.Dissatisfied {
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
