// Command churn is a quickstart for the churn package: a month's churn and
// retention, the median customer lifetime (Kaplan–Meier), a retention model
// fitted to a cohort and projected, a churn-risk score with its reasons, and
// the "hole in the rocket" check of unvoiced dissatisfaction.
//
//	go run ./examples/churn
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/rapportkit/rapport/churn"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// A small subscription base: End is when the customer left (zero: still a
// customer), ContractEnd the end of the current term, Renewals the term
// ends at which the customer renewed.
var customers = []churn.Customer{
	{ID: "ada", Start: date(2024, 1, 15), ContractEnd: date(2026, 6, 15), Renewals: []time.Time{date(2025, 6, 15)}}, // renewed in June
	{ID: "bob", Start: date(2024, 2, 3), End: date(2024, 9, 3)},
	{ID: "cyd", Start: date(2024, 3, 10), End: date(2024, 5, 10)},
	{ID: "dee", Start: date(2024, 4, 22), End: date(2025, 6, 12)},
	{ID: "eve", Start: date(2024, 6, 1), ContractEnd: date(2025, 7, 31)},
	{ID: "fay", Start: date(2024, 8, 19), End: date(2024, 11, 19)},
	{ID: "gus", Start: date(2024, 10, 5), End: date(2025, 6, 20), ContractEnd: date(2025, 6, 30)},
	{ID: "hal", Start: date(2025, 1, 10)},
	{ID: "ida", Start: date(2025, 3, 2), End: date(2025, 4, 2)},
	{ID: "kim", Start: date(2025, 5, 17)},
	{ID: "jon", Start: date(2025, 6, 8)},
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	asOf := date(2025, 7, 1) // every calculation takes its date: no hidden time.Now()

	june := churn.Period{From: date(2025, 6, 1), To: asOf} // [From, To)
	flow, err := churn.FlowOf(slices.Values(customers), june)
	if err != nil {
		return err
	}
	result, err := flow.Result()
	if err != nil {
		return err
	}
	fmt.Fprintln(w, result) // percentages; flow.Churn() gives the fraction
	fmt.Fprintf(w, "renewals due in June: %d (%d renewed, %d lost, %d open)\n",
		flow.RenewalsDue(), flow.RenewalsRenewed(), flow.RenewalsLost(), flow.RenewalsOpen())

	day := 24 * time.Hour
	s, err := churn.SurvivalOf(slices.Values(customers), asOf, day) // lifetimes in whole days
	if err != nil {
		return err
	}
	curve, err := s.Curve()
	if err != nil {
		return err
	}
	if median, ok := curve.Median(); ok {
		fmt.Fprintf(w, "median lifetime %.0f days (%d lost, %d still customers); %.0f%% stay a year\n",
			median.Hours()/24, s.Events(), s.N()-s.Events(), 100*curve.At(365*day))
	} else {
		fmt.Fprintln(w, "median lifetime not reached yet: more than half are still customers")
	}

	// Fader & Hardie's "regular" cohort: 1000 customers, then the survivors of each year.
	regular := []int{1000, 631, 468, 382, 326, 289, 262, 241}
	model, err := churn.FitSBG(regular)
	if err != nil {
		return err
	}
	projected, err := model.Project(1000, 12)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%v: year 7 observed %d, fitted %.0f; projected years 8–12 %.0f\n",
		model, regular[7], projected[7], projected[8:])
	r1, _ := model.Retention(1)
	r8, _ := model.Retention(8)
	fmt.Fprintf(w, "renewal rate rises with tenure: %.1f%% in year 1, %.1f%% in year 8\n", 100*r1, 100*r8)

	risk, err := churn.DefaultScorecard().Score(churn.Signals{
		CustomerID:  "eve",
		Complaints:  []time.Time{date(2025, 5, 12), date(2025, 6, 23)},
		ContractEnd: date(2025, 7, 31),
		LastContact: date(2025, 6, 23),
		PriorOrders: 6, RecentOrders: 2,
	}, asOf)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, risk) // score 0–100, then the reasons, largest first

	// 42 of 300 surveyed customers are dissatisfied, but only 9 of 1200 complained.
	d, err := churn.Diagnose(churn.Voice{Customers: 1200, Complainants: 9, Respondents: 300, Dissatisfied: 42}, churn.DefaultHoleRule)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, d)
	return nil
}
