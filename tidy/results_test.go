package tidy_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/rate"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// customers is a small subscription base (churn's examples use it too).
var customers = []churn.Customer{
	{ID: "ada", Start: date(2024, 3, 1)},
	{ID: "bob", Start: date(2024, 5, 10), End: date(2025, 1, 20), ContractEnd: date(2025, 1, 10)},
	{ID: "cyd", Start: date(2024, 11, 2), ContractEnd: date(2025, 1, 31)},
	{ID: "dee", Start: date(2024, 12, 24), End: date(2025, 1, 1)},
	{ID: "eve", Start: date(2025, 1, 8), End: date(2025, 1, 29)},
	{ID: "fay", Start: date(2025, 1, 15)},
}

var january = churn.Period{From: date(2025, 1, 1), To: date(2025, 2, 1)}

func mrr() []churn.Revenue {
	m := func(month time.Month) time.Time { return date(2025, month, 1) }
	d := decimal.RequireFromString
	return []churn.Revenue{
		{CustomerID: "ada", At: m(1), Amount: d("100")}, {CustomerID: "ada", At: m(2), Amount: d("150")},
		{CustomerID: "bob", At: m(1), Amount: d("80")}, {CustomerID: "bob", At: m(2), Amount: d("60")},
		{CustomerID: "cyd", At: m(1), Amount: d("40")},
		{CustomerID: "dee", At: m(2), Amount: d("1234567890123456789.123456789")},
	}
}

// mainResult is a Result of a package on main, built from real
// accumulators.
type mainResult struct {
	name   string
	result any
}

// mainResults returns one Result of every type on main (and an empty
// one where an accumulator can be empty), so that a Result type added to
// main without being added here is the only way to escape the tests.
func mainResults(t testing.TB) []mainResult {
	t.Helper()
	must := func(err error) {
		t.Helper()
		require.NoError(t, err)
	}
	var out []mainResult
	add := func(name string, r any, err error) {
		t.Helper()
		must(err)
		out = append(out, mainResult{name, r})
	}

	flow, err := churn.FlowOf(slices.Values(customers), january)
	must(err)
	fr, err := flow.Result()
	add("churn.FlowResult", fr, err)
	empty, err := churn.NewFlow(january)
	must(err)
	er, err := empty.Result()
	add("churn.FlowResult (empty)", er, err)

	surv, err := churn.SurvivalOf(slices.Values(customers), date(2025, 6, 1), 24*time.Hour)
	must(err)
	cr, err := surv.Result(0.95, churn.LogLog)
	add("churn.CurveResult", cr, err)
	var none churn.Survival
	nr, err := none.Result(0.95, churn.Log)
	add("churn.CurveResult (empty)", nr, err)

	ledger, err := churn.LedgerOf(slices.Values(mrr()), churn.Monthly)
	must(err)
	lr, err := ledger.Result(date(2025, 1, 1), date(2025, 2, 1))
	add("churn.LedgerResult", lr, err)

	table, err := churn.Cohorts(slices.Values(customers), churn.Monthly, date(2025, 2, 15))
	add("churn.CohortTable", table, err)

	sbg, err := churn.NewSBG(0.704, 1.182)
	must(err)
	sr, err := sbg.Result(4)
	add("churn.SBGResult", sr, err)
	add("churn.SBG (its parameters)", sbg, nil)

	orders := []churn.Purchase{{CustomerID: "ada", At: date(2025, 3, 2)}, {CustomerID: "ada", At: date(2025, 3, 9)}, {CustomerID: "bob", At: date(2025, 3, 5)}}
	repeat, err := churn.RepeatOf(slices.Values(orders), churn.Period{From: date(2025, 3, 1), To: date(2025, 4, 1)})
	add("churn.Repurchase", repeat, err)

	risks, err := churn.DefaultScorecard().Rank([]churn.Signals{
		{CustomerID: "bob", Complaints: []time.Time{date(2025, 5, 2), date(2025, 5, 20)}, ContractEnd: date(2025, 7, 1), LastContact: date(2025, 3, 1), PriorOrders: 4, RecentOrders: 3},
		{CustomerID: "cyd", PriorOrders: 4, RecentOrders: 1},
		{CustomerID: "a/b,c#d%e", Satisfaction: 0.5, HasSatisfaction: true, Recommend: 3, HasRecommend: true},
	}, date(2025, 6, 1))
	add("[]churn.Risk", risks, err)

	diag, err := churn.Diagnose(churn.Voice{Customers: 2000, Complainants: 14, Respondents: 400, Dissatisfied: 64}, churn.DefaultHoleRule)
	add("churn.Diagnosis", diag, err)

	tally, err := rate.FromCounts(412, 1500)
	must(err)
	rr, err := tally.Result(0.95, rate.Wilson)
	add("rate.Result", rr, err)
	var zero rate.Tally
	zr, err := zero.Result(0.95, rate.Wilson)
	add("rate.Result (empty)", zr, err)
	base, err := rate.FromCounts(200, 1000)
	must(err)
	variant, err := rate.FromCounts(220, 1000)
	must(err)
	cmp, err := rate.Compare(base, variant, 0.95, rate.Newcombe)
	add("rate.Comparison", cmp, err)
	cmp0, err := rate.Compare(&zero, &zero, 0.95, rate.Newcombe)
	add("rate.Comparison (undefined)", cmp0, err)

	// The survey, contact and segment packages are being rewritten to the
	// contract: their Results enter as the JSON the contract gives them.
	for _, f := range []string{"nps.json", "csat.json", "ces.json", "ces-rank.json", "operations.json", "segment.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "contract", f))
		must(err)
		add("contract "+f, json.RawMessage(data), nil)
	}
	return out
}
