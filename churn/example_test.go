package churn_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
	_ "time/tzdata" // Europe/Paris without a system database

	"github.com/rapportkit/rapport/churn"
	"github.com/shopspring/decimal"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// customers is a small subscription base.
var customers = []churn.Customer{
	{ID: "ada", Start: date(2024, 3, 1)},
	{ID: "bob", Start: date(2024, 5, 10), End: date(2025, 1, 20), ContractEnd: date(2025, 1, 10)},
	{ID: "cyd", Start: date(2024, 11, 2), ContractEnd: date(2025, 1, 31)},
	{ID: "dee", Start: date(2024, 12, 24), End: date(2025, 1, 1)},
	{ID: "eve", Start: date(2025, 1, 8), End: date(2025, 1, 29)},
	{ID: "fay", Start: date(2025, 1, 15)},
}

var january = churn.Period{From: date(2025, 1, 1), To: date(2025, 2, 1)}

func ExampleValidate() {
	err := churn.Validate([]churn.Customer{
		{ID: "ada", Start: date(2025, 1, 1)},
		{ID: "bob", Start: date(2025, 3, 1), End: date(2025, 2, 1)},
	})
	fmt.Println(err)
	err = churn.Validate([]churn.Customer{{ID: "ada", Start: date(2025, 1, 1)}, {ID: "ada", Start: date(2025, 2, 1)}})
	fmt.Println(err)
	// Output:
	// churn: customer 1: invalid time: customer "bob": end 2025-02-01T00:00:00Z before start 2025-03-01T00:00:00Z
	// churn: customer 1: duplicate customer id: "ada" (positions 0 and 1)
}

func ExampleCustomer_Lifetime() {
	c := churn.Customer{ID: "bob", Start: date(2025, 1, 1), End: date(2025, 3, 1)}
	l, ok := c.Lifetime(date(2025, 2, 1)) // the loss is not known yet
	fmt.Println(l.Duration, l.Lost, ok, c.Active(date(2025, 2, 1)))
	l, ok = c.Lifetime(date(2025, 6, 1))
	fmt.Println(l.Duration, l.Lost, ok, c.Active(date(2025, 3, 1)), c.Lost(date(2025, 6, 1)))
	// Output:
	// 744h0m0s false true true
	// 1416h0m0s true true false true
}

func ExampleCalendar() {
	fmt.Println(churn.Monthly.PeriodOf(date(2024, 2, 29)))
	fmt.Println(churn.Quarterly.PeriodOf(date(2025, 5, 20)))
	paris, _ := time.LoadLocation("Europe/Paris")
	cal := churn.Calendar{Months: 1, Location: paris}
	fmt.Println(cal.PeriodOf(time.Date(2025, 3, 31, 23, 30, 0, 0, time.UTC)).From)
	// Output:
	// [2024-02-01T00:00:00Z, 2024-03-01T00:00:00Z)
	// [2025-04-01T00:00:00Z, 2025-07-01T00:00:00Z)
	// 2025-04-01 00:00:00 +0200 CEST
}

// January's base: ada, bob, cyd and dee were there at the start (dee
// leaves exactly on January 1, a loss of January), eve and fay join, and
// bob, dee and eve leave.
func ExampleFlowOf() {
	f, err := churn.FlowOf(slices.Values(customers), january)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Start(), f.Acquired(), f.Lost(), f.LostAcquired(), f.End())
	churnRate, _ := f.Churn()
	retention, _ := f.Retention()
	base, _ := f.BaseChurn()
	avg, _ := f.AverageChurn()
	renewal, _ := f.RenewalChurn()
	growth, _ := f.Growth()
	daily, _ := f.DailyChurn()
	fmt.Printf("churn %.2f retention %.2f base %.2f average %.3f renewal %.2f growth %.2f\n", churnRate, retention, base, avg, renewal, growth)
	fmt.Printf("%.1f customer-days, %.4f losses per customer-day\n", f.ExposureDays(), daily)
	// Output:
	// 4 2 3 1 3
	// churn 0.75 retention 0.25 base 0.50 average 0.857 renewal 1.00 growth -0.25
	// 119.0 customer-days, 0.0252 losses per customer-day
}

func ExampleFlow_Result() {
	f, _ := churn.FlowOf(slices.Values(customers), january)
	r, _ := f.Result()
	fmt.Println(r)
	empty, _ := churn.NewFlow(churn.Period{From: date(2020, 1, 1), To: date(2020, 2, 1)})
	e, _ := empty.Result()
	b, _ := json.Marshal(e.ChurnPct)
	fmt.Println(string(b))
	// Output:
	// 2025-01-01…2025-02-01: 4 → 3 customers (+2 −3), churn 75.0%, retention 25.0%, base churn 50.0%, renewal churn 100.0% of 1 renewals decided
	// null
}

// Flows of separate shards over the same period merge; the merged flow
// travels as JSON or binary.
func ExampleFlow_Merge() {
	a, _ := churn.FlowOf(slices.Values(customers[:3]), january)
	b, _ := churn.FlowOf(slices.Values(customers[3:]), january)
	if err := a.Merge(b); err != nil {
		fmt.Println(err)
	}
	data, _ := a.MarshalBinary()
	var c churn.Flow
	_ = c.UnmarshalBinary(data)
	fmt.Println(c.Start(), c.Acquired(), c.Lost(), c.End())
	// Output:
	// 4 2 3 3
}

func ExampleFlowBy() {
	bySegment, err := churn.FlowBy(slices.Values(customers), january, func(c churn.Customer) bool {
		return !c.ContractEnd.IsZero()
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, contract := range []bool{true, false} {
		c, _ := bySegment[contract].Churn()
		fmt.Printf("contract %v: churn %.2f\n", contract, c)
	}
	// Output:
	// contract true: churn 0.50
	// contract false: churn 1.00
}

func ExampleFlowSeries() {
	flows, _ := churn.FlowSeries(slices.Values(customers), churn.Monthly, date(2024, 11, 1), date(2025, 1, 1))
	for _, f := range flows {
		fmt.Println(f.Period().From.Format("2006-01"), f.Start(), f.Acquired(), f.Lost(), f.End())
	}
	// Output:
	// 2024-11 2 1 0 3
	// 2024-12 3 1 0 4
	// 2025-01 4 2 3 3
}

// 5 % a month is 46 % a year, not 60 %.
func ExampleAnnualFromMonthly() {
	a, _ := churn.AnnualFromMonthly(0.05)
	m, _ := churn.MonthlyFromAnnual(a)
	q, _ := churn.Compound(0.05, 3)
	fmt.Printf("%.4f %.4f %.4f\n", a, m, q)
	_, err := churn.AnnualFromMonthly(1.2)
	fmt.Println(err)
	// Output:
	// 0.4596 0.0500 0.1426
	// churn: rate not in [0, 1]: got 1.2
}

func ExampleCohorts() {
	t, err := churn.Cohorts(slices.Values(customers), churn.Monthly, date(2025, 2, 15))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t)
	r, _ := t.Retention(1)
	s, _ := t.Cohorts[len(t.Cohorts)-1].Share(1)
	fmt.Printf("retained into month 1: %.3f overall, %.2f of January's cohort\n", r, s)
	// Output:
	// cohort    size      0      1      2      3      4      5      6      7      8      9     10     11
	// 2024-03      1 100.0% 100.0% 100.0% 100.0% 100.0% 100.0% 100.0% 100.0% 100.0% 100.0% 100.0% 100.0%
	// 2024-04      0      –      –      –      –      –      –      –      –      –      –      –
	// 2024-05      1 100.0% 100.0% 100.0% 100.0% 100.0% 100.0% 100.0% 100.0% 100.0%   0.0%
	// 2024-06      0      –      –      –      –      –      –      –      –      –
	// 2024-07      0      –      –      –      –      –      –      –      –
	// 2024-08      0      –      –      –      –      –      –      –
	// 2024-09      0      –      –      –      –      –      –
	// 2024-10      0      –      –      –      –      –
	// 2024-11      1 100.0% 100.0% 100.0% 100.0%
	// 2024-12      1 100.0% 100.0%   0.0%
	// 2025-01      2 100.0%  50.0%
	// retained into month 1: 0.833 overall, 0.50 of January's cohort
}

func ExampleRepurchaseOf() {
	orders := []churn.Purchase{
		{CustomerID: "ada", At: date(2024, 3, 2)}, {CustomerID: "ada", At: date(2025, 2, 1)},
		{CustomerID: "bob", At: date(2024, 7, 1)}, {CustomerID: "bob", At: date(2024, 9, 1)},
		{CustomerID: "cyd", At: date(2024, 12, 30)},
	}
	y2024 := churn.Period{From: date(2024, 1, 1), To: date(2025, 1, 1)}
	y2025 := churn.Period{From: date(2025, 1, 1), To: date(2026, 1, 1)}
	again, _ := churn.RepurchaseOf(slices.Values(orders), y2024, y2025)
	repeat, _ := churn.RepeatOf(slices.Values(orders), y2024)
	a, _ := again.Rate()
	r, _ := repeat.Rate()
	fmt.Printf("bought again in 2025: %d of %d (%.2f); repeat buyers in 2024: %d of %d (%.2f)\n",
		again.Again, again.Customers, a, repeat.Again, repeat.Customers, r)
	// Output:
	// bought again in 2025: 1 of 3 (0.33); repeat buyers in 2024: 1 of 3 (0.33)
}

func mrr() []churn.Revenue {
	m := func(month time.Month) time.Time { return date(2025, month, 1) }
	d := decimal.RequireFromString
	return []churn.Revenue{
		{CustomerID: "ada", At: m(1), Amount: d("100")}, {CustomerID: "ada", At: m(2), Amount: d("150")},
		{CustomerID: "bob", At: m(1), Amount: d("80")}, {CustomerID: "bob", At: m(2), Amount: d("60")},
		{CustomerID: "cyd", At: m(1), Amount: d("40")},
		{CustomerID: "dee", At: m(2), Amount: d("99.90")},
	}
}

func ExampleLedger_Movements() {
	l, err := churn.LedgerOf(slices.Values(mrr()), churn.Monthly)
	if err != nil {
		fmt.Println(err)
		return
	}
	ms, _ := l.Movements(date(2025, 2, 1), date(2025, 2, 1))
	m := ms[0]
	fmt.Println("start", m.StartAmount, "new", m.NewAmount, "expansion", m.ExpansionAmount, "contraction", m.ContractionAmount,
		"churned", m.ChurnedAmount, "resurrected", m.ResurrectedAmount, "end", m.EndAmount)
	total, _ := l.Total(date(2025, 2, 14))
	fmt.Printf("quick ratio %.3f, total %s\n", *m.QuickRatio, total)
	// Output:
	// start 220 new 99.9 expansion 50 contraction 20 churned 40 resurrected 0 end 309.9
	// quick ratio 2.498, total 309.9
}

func ExampleLedger_Retention() {
	l, _ := churn.LedgerOf(slices.Values(mrr()), churn.Monthly)
	r, _ := l.Retention(date(2025, 1, 1), date(2025, 2, 1))
	nrr, _ := r.Net()
	grr, _ := r.Gross()
	logo, _ := r.Logo()
	fmt.Printf("NRR %.4f GRR %.4f logo %.4f (%s of %s)\n", nrr, grr, logo, r.CurrentAmount, r.StartAmount)
	// Output:
	// NRR 0.9545 GRR 0.7273 logo 0.6667 (210 of 220)
}

// The survival curve of the acute myelogenous leukaemia data (aml in R's
// survival package), in weeks.
func ExampleSurvival() {
	week := 7 * 24 * time.Hour
	weeks := []int{9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45}
	relapse := []bool{true, true, false, true, true, false, true, true, false, true, false, true, true, true, true, true, false, true, true, true, true, true, true}
	var s churn.Survival
	for i, w := range weeks {
		_ = s.Add(churn.Lifetime{Duration: time.Duration(w) * week, Lost: relapse[i]})
	}
	c, _ := s.Curve()
	for _, st := range c.Steps()[:4] {
		ci, _ := c.Interval(st.Time, 0.95, churn.LogLog)
		se, _ := c.StdErr(st.Time)
		fmt.Printf("%3.0f weeks: %2d at risk, %d events, S = %.4f (SE %.4f, 95%% %s %.4f–%.4f)\n",
			st.Time.Hours()/168, st.AtRisk, st.Events, st.Survival, se, ci.Method, ci.Lo, ci.Hi)
	}
	m, _ := c.Median()
	qi, _ := c.QuantileInterval(0.5, 0.95, churn.Log)
	fmt.Printf("median %g weeks (95%% CI %g–%g)\n", m.Hours()/168, qi.Lo.Hours()/168, qi.Hi.Hours()/168)
	// Output:
	//   5 weeks: 23 at risk, 2 events, S = 0.9130 (SE 0.0588, 95% log-log 0.6949–0.9775)
	//   8 weeks: 21 at risk, 2 events, S = 0.8261 (SE 0.0790, 95% log-log 0.6006–0.9309)
	//   9 weeks: 19 at risk, 1 events, S = 0.7826 (SE 0.0860, 95% log-log 0.5542–0.9032)
	//  12 weeks: 18 at risk, 1 events, S = 0.7391 (SE 0.0916, 95% log-log 0.5092–0.8734)
	// median 27 weeks (95% CI 18–45)
}

// Lifetimes in completed days as of June 1: dee (8 days), eve (21) and
// bob (255) are lost, the others censored.
func ExampleSurvivalOf() {
	s, err := churn.SurvivalOf(slices.Values(customers), date(2025, 6, 1), 24*time.Hour)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := s.Curve()
	day := 24 * time.Hour
	fmt.Println(s.N(), s.Events(), c.At(30*day), c.AtRisk(30*day))
	m, _ := c.Median()
	q, _ := c.Quantile(0.25)
	fmt.Println(m.Hours()/24, q.Hours()/24)
	// Output:
	// 6 3 0.6666666666666667 4
	// 255 21
}

func ExampleSurvivalBy() {
	bySegment, _ := churn.SurvivalBy(slices.Values(customers), date(2025, 6, 1), 24*time.Hour,
		func(c churn.Customer) bool { return !c.ContractEnd.IsZero() })
	for _, contract := range []bool{true, false} {
		c, _ := bySegment[contract].Curve()
		fmt.Printf("contract %v: S(60 days) = %.2f\n", contract, c.At(60*24*time.Hour))
	}
	// Output:
	// contract true: S(60 days) = 1.00
	// contract false: S(60 days) = 0.50
}

// Fader & Hardie's "regular" customers: 1000 at the start, then the
// survivors of each year.
func ExampleFitSBG() {
	m, err := churn.FitSBG([]int{1000, 631, 468, 382, 326, 289, 262, 241})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m)
	for _, t := range []int{1, 8, 12} {
		r, _ := m.Retention(t)
		s, _ := m.Survival(t)
		fmt.Printf("year %2d: survival %.3f, retention %.3f\n", t, s, r)
	}
	p, _ := m.Churn(1)
	ll, _ := m.LogLikelihood([]int{1000, 631, 468, 382, 326, 289, 262, 241})
	_, finite := m.MeanLifetime()
	fmt.Printf("lost in year 1: %.3f, LL %.2f, finite mean lifetime: %v\n", p, ll, finite)
	projected, _ := m.Project(1000, 12)
	fmt.Printf("%.0f\n", projected[8:])
	// A constant 50 % churn has no heterogeneity to model.
	_, err = churn.FitSBG([]int{1000, 500, 250, 125})
	fmt.Println(errors.Is(err, churn.ErrConverge))
	// Output:
	// sBG(α = 0.7041, β = 1.182)
	// year  1: survival 0.627, retention 0.627
	// year  8: survival 0.220, retention 0.921
	// year 12: survival 0.170, retention 0.945
	// lost in year 1: 0.373, LL -1680.27, finite mean lifetime: false
	// [220 204 191 180 170]
	// true
}

func ExampleNewSBG() {
	m, _ := churn.NewSBG(2.5, 4)
	e, _ := m.MeanLifetime()
	s, _ := m.Survival(1)
	fmt.Printf("%.4f %.4f\n", s, e)
	// Output:
	// 0.6154 3.6667
}

func ExampleScorecard_Score() {
	asOf := date(2025, 6, 1)
	s := churn.DefaultScorecard()
	r, err := s.Score(churn.Signals{
		CustomerID:  "bob",
		Complaints:  []time.Time{date(2025, 5, 2), date(2025, 5, 20)},
		ContractEnd: date(2025, 7, 1),
		LastContact: date(2025, 3, 1),
		PriorOrders: 4, RecentOrders: 3,
	}, asOf)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	for _, c := range r.Reasons {
		fmt.Printf("%-16s %5.2f points (measure %.2f)\n", c.Reason, c.Points, *c.Measure)
	}
	// Output:
	// bob risk 42.5: complaints 16.7, contract-ending 16.7, fewer-orders 5.0, no-contact 4.1
	// complaints       16.67 points (measure 2.00)
	// contract-ending  16.67 points (measure 30.00)
	// fewer-orders      5.00 points (measure 0.25)
	// no-contact        4.13 points (measure 92.00)
}

// A customer of a shop has no contract to end: a purchase model's P(alive)
// (package clv) says whether the customer is still buying, and 1 − P(alive)
// scores as the contract end would.
func ExampleScorecard_Score_lapsed() {
	asOf := date(2025, 6, 1)
	pAlive := 0.44 // clv's BG/NBD: two orders in January, none since
	r, err := churn.DefaultScorecard().Score(churn.Signals{
		CustomerID:  "dee",
		LastContact: date(2025, 5, 20),
		PriorOrders: 2, RecentOrders: 0,
		PAlive: &pAlive,
	}, asOf)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	// Output:
	// dee risk 35.0: fewer-orders 20.0, lapsed 15.0
}

func ExampleScorecard_Rank() {
	asOf := date(2025, 6, 1)
	s := churn.DefaultScorecard()
	s.Contact.Weight = 0 // no contact data
	ranked, _ := s.Rank([]churn.Signals{
		{CustomerID: "ada", Satisfaction: 0.9, HasSatisfaction: true},
		{CustomerID: "cyd", Recommend: 3, HasRecommend: true, ContractEnd: date(2025, 6, 15)},
		{CustomerID: "bob", Recommend: 3, HasRecommend: true, ContractEnd: date(2025, 6, 15)},
	}, asOf)
	for _, r := range ranked {
		fmt.Println(r)
	}
	// Output:
	// bob risk 26.8: contract-ending 21.1, low-recommendation 5.7
	// cyd risk 26.8: contract-ending 21.1, low-recommendation 5.7
	// ada risk 0.0
}

func ExampleDiagnose() {
	d, err := churn.Diagnose(churn.Voice{Customers: 2000, Complainants: 14, Respondents: 400, Dissatisfied: 64}, churn.DefaultHoleRule)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d)
	fmt.Printf("%.4f\n", *d.VoiceRatio)
	// Output:
	// hole in the rocket: 16.0% dissatisfied, 0.7% complain (1 in 23 voices it)
	// 0.0437
}

// The churn definitions side by side on January: every loss over the
// opening base (can exceed 1), the opening base's own losses, losses over
// the average base, and the renewals due: bob's, lost, and cyd's, open
// (no end recorded), so the renewal churn of the decided ones is 1.
func ExampleFlow_Churn() {
	f, _ := churn.FlowOf(slices.Values(customers), january)
	all, _ := f.Churn()
	base, _ := f.BaseChurn()
	avg, _ := f.AverageChurn()
	renewal, _ := f.RenewalChurn()
	fmt.Printf("lost÷start %.3f, base %.3f, lost÷average %.3f, up for renewal %d: %d lost, %d open (renewal churn %.3f)\n",
		all, base, avg, f.RenewalsDue(), f.RenewalsLost(), f.RenewalsOpen(), renewal)
	// Output:
	// lost÷start 0.750, base 0.500, lost÷average 0.857, up for renewal 2: 1 lost, 1 open (renewal churn 1.000)
}

func ExampleCompound() {
	quarterly, _ := churn.Compound(0.02, 3) // 2 % a month over a quarter
	fmt.Printf("%.6f\n", quarterly)
	// Output:
	// 0.058808
}

func ExampleMonthlyFromAnnual() {
	m, _ := churn.MonthlyFromAnnual(0.25)
	fmt.Printf("%.5f\n", m)
	// Output:
	// 0.02369
}

func ExampleCurve_Median() {
	var s churn.Survival
	day := 24 * time.Hour
	for _, d := range []int{10, 20, 30, 40} {
		_ = s.Add(churn.Lifetime{Duration: time.Duration(d) * day, Lost: true})
	}
	c, _ := s.Curve()
	m, _ := c.Median() // S is exactly 0.5 from day 20 to day 30
	fmt.Println(m.Hours() / 24)
	_ = s.AddN(churn.Lifetime{Duration: 5 * day}, 100) // many customers censored early change nothing
	c, _ = s.Curve()
	m, _ = c.Median()
	fmt.Println(m.Hours() / 24)
	// Output:
	// 25
	// 25
}

func ExampleCurve_Interval() {
	var s churn.Survival
	day := 24 * time.Hour
	_ = s.AddN(churn.Lifetime{Duration: 30 * day, Lost: true}, 3)
	_ = s.AddN(churn.Lifetime{Duration: 60 * day, Lost: true}, 2)
	_ = s.AddN(churn.Lifetime{Duration: 60 * day}, 5)
	_ = s.AddN(churn.Lifetime{Duration: 90 * day, Lost: true}, 4)
	_ = s.AddN(churn.Lifetime{Duration: 90 * day}, 6)
	c, _ := s.Curve()
	for _, m := range []churn.Method{churn.Log, churn.LogLog, churn.Plain} {
		ci, _ := c.Interval(75*day, 0.95, m)
		fmt.Printf("S(75 days) = %.4f, %s\n", c.At(75*day), ci)
	}
	// Output:
	// S(75 days) = 0.7500, [0.5823, 0.9659] (95% log)
	// S(75 days) = 0.7500, [0.4999, 0.8875] (95% log-log)
	// S(75 days) = 0.7500, [0.5602, 0.9398] (95% plain)
}

// Survival accumulators from several shards merge and travel as JSON.
func ExampleSurvival_Merge() {
	var a, b churn.Survival
	_ = a.Add(churn.Lifetime{Duration: 48 * time.Hour, Lost: true})
	_ = b.Add(churn.Lifetime{Duration: 48 * time.Hour})
	_ = b.Add(churn.Lifetime{Duration: 24 * time.Hour, Lost: true})
	_ = a.Merge(&b)
	js, _ := json.Marshal(&a)
	fmt.Println(string(js))
	// Output:
	// {"lifetimes":[{"duration_ns":86400000000000,"events":1},{"duration_ns":172800000000000,"events":1,"censored":1}]}
}

func ExampleSBG_Retention() {
	m, _ := churn.NewSBG(0.668, 3.806) // Fader & Hardie's "high end" customers
	for t := 1; t <= 4; t++ {
		r, _ := m.Retention(t)
		fmt.Printf("%.3f ", r)
	}
	fmt.Println()
	// Output:
	// 0.851 0.878 0.897 0.911
}

// Contract terms: ada renewed in January, bob's term ended in January and
// he left, cyd's term ends in January with no decision recorded yet.
func ExampleFlow_RenewalChurn() {
	terms := []churn.Customer{
		{ID: "ada", Start: date(2023, 1, 10), ContractEnd: date(2026, 1, 10),
			Renewals: []time.Time{date(2024, 1, 10), date(2025, 1, 10)}},
		{ID: "bob", Start: date(2024, 1, 20), End: date(2025, 1, 20), ContractEnd: date(2025, 1, 20)},
		{ID: "cyd", Start: date(2024, 1, 25), ContractEnd: date(2025, 1, 25)},
	}
	f, _ := churn.FlowOf(slices.Values(terms), january)
	r, _ := f.RenewalChurn()
	fmt.Printf("%d due: %d renewed, %d lost, %d open; renewal churn %.2f\n",
		f.RenewalsDue(), f.RenewalsRenewed(), f.RenewalsLost(), f.RenewalsOpen(), r)
	// Output:
	// 3 due: 1 renewed, 1 lost, 1 open; renewal churn 0.50
}

func ExampleNewFlow() {
	f, err := churn.NewFlow(churn.Period{From: date(2025, 1, 1), To: date(2025, 4, 1)})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = f.Add(churn.Customer{ID: "ada", Start: date(2024, 6, 1), End: date(2025, 2, 14)})
	fmt.Println(f.Start(), f.Lost(), f.N())
	var zero churn.Flow // invalid, as netip's zero Addr
	fmt.Println(zero.IsValid(), errors.Is(zero.Add(customers[0]), churn.ErrPeriod))
	_, err = churn.NewFlow(churn.Period{From: date(2025, 4, 1), To: date(2025, 1, 1)})
	fmt.Println(err)
	// Output:
	// 1 1 1
	// false true
	// churn: invalid period: [2025-04-01T00:00:00Z, 2025-01-01T00:00:00Z) is empty
}

func ExampleRepeatOf() {
	orders := []churn.Purchase{
		{CustomerID: "ada", At: date(2025, 3, 2)}, {CustomerID: "ada", At: date(2025, 3, 20)},
		{CustomerID: "bob", At: date(2025, 3, 9)},
	}
	r, _ := churn.RepeatOf(slices.Values(orders), churn.Period{From: date(2025, 3, 1), To: date(2025, 4, 1)})
	rate, _ := r.Rate()
	fmt.Printf("%d of %d bought twice (%.2f)\n", r.Again, r.Customers, rate)
	// Output:
	// 1 of 2 bought twice (0.50)
}

func ExampleLedger_Result() {
	l, _ := churn.LedgerOf(slices.Values(mrr()), churn.Monthly)
	r, err := l.Result(date(2025, 1, 1), date(2025, 2, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	js, _ := json.Marshal(r.Retention.NetRetentionPct)
	fmt.Println(string(js))
	// Output:
	// 6 revenue rows of 4 customers
	// 2025-01: 0 → 220 (+220 new, +0 expansion, −0 contraction, −0 churned, +0 resurrected), quick ratio n/a
	// 2025-02: 220 → 309.9 (+99.9 new, +50 expansion, −20 contraction, −40 churned, +0 resurrected), quick ratio 2.50
	// 2025-01 → 2025-02: NRR 95.5%, GRR 72.7%, logo 66.7% (210 of 220 from 3 customers)
	// 95.45454545454545
}

// Revenue by plan, one ledger each; the ledgers merge into the company's.
func ExampleLedgerBy() {
	plan := map[string]string{"ada": "pro", "bob": "pro", "cyd": "basic", "dee": "basic"}
	byPlan, err := churn.LedgerBy(slices.Values(mrr()), churn.Monthly, func(r churn.Revenue) string { return plan[r.CustomerID] })
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range []string{"basic", "pro"} {
		r, _ := byPlan[p].Retention(date(2025, 1, 1), date(2025, 2, 1))
		fmt.Println(p, r)
	}
	all := byPlan["basic"].Clone()
	_ = all.Merge(byPlan["pro"])
	total, _ := all.Total(date(2025, 2, 1))
	fmt.Println(all.N(), total)
	// Output:
	// basic 2025-01 → 2025-02: NRR 0.0%, GRR 0.0%, logo 0.0% (0 of 40 from 1 customers)
	// pro 2025-01 → 2025-02: NRR 116.7%, GRR 88.9%, logo 100.0% (210 of 180 from 2 customers)
	// 6 309.9
}

// The reporting view of a survival curve: in days, percent, and null
// where undefined.
func ExampleSurvival_Result() {
	s, _ := churn.SurvivalOf(slices.Values(customers), date(2025, 6, 1), 24*time.Hour)
	r, err := s.Result(0.95, churn.LogLog)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	js, _ := json.Marshal(r.Steps[0])
	fmt.Println(string(js))
	// Output:
	// 6 lifetimes, 3 lost; median 255.0 days (95% log-log 8.0–n/a)
	// {"time_days":8,"at_risk":6,"events":1,"censored":0,"survival_pct":83.33333333333334,"std_err_pct":15.214515486254616,"survival_interval_pct":{"lo":27.3122849928356,"hi":97.47124266908935,"level":0.95,"method":"log-log"}}
}

func ExampleSBG_Result() {
	m, _ := churn.NewSBG(0.704, 1.182)
	r, _ := m.Result(3)
	fmt.Println(r)
	for _, p := range r.Periods[1:] {
		fmt.Printf("period %d: %.1f%% left, %.1f%% renew, %.1f%% of the cohort lost\n", p.Period, p.SurvivalPct, *p.RetentionPct, *p.ChurnPct)
	}
	// Output:
	// mean churn 37.3%, polarization 34.7%, 38.8% left after 3 periods
	// period 1: 62.7% left, 62.7% renew, 37.3% of the cohort lost
	// period 2: 47.4% left, 75.6% renew, 15.3% of the cohort lost
	// period 3: 38.8% left, 81.9% renew, 8.6% of the cohort lost
}

// A risk in JSON: each measure under the key of its unit, null for a
// customer never contacted.
func ExampleRisk() {
	r, _ := churn.DefaultScorecard().Score(churn.Signals{CustomerID: "cyd", PriorOrders: 4, RecentOrders: 1}, date(2025, 6, 1))
	js, _ := json.Marshal(r)
	fmt.Println(string(js))
	// Output:
	// {"customer_id":"cyd","risk_points":25,"reasons":[{"reason":"fewer-orders","risk_points":15,"measure_pct":75},{"reason":"no-contact","risk_points":10,"measure_days":null}]}
}
