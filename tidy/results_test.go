package tidy_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/agent"
	"github.com/rapportkit/rapport/ces"
	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/clv"
	"github.com/rapportkit/rapport/csat"
	"github.com/rapportkit/rapport/forecast"
	"github.com/rapportkit/rapport/hours"
	"github.com/rapportkit/rapport/internal/unit"
	"github.com/rapportkit/rapport/journey"
	"github.com/rapportkit/rapport/nps"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/plan"
	"github.com/rapportkit/rapport/rate"
	"github.com/rapportkit/rapport/segment"
	"github.com/rapportkit/rapport/ticket"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
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

	surveyResults(t, add)
	contactResults(t, add)
	centreResults(t, add)
	ticketResults(t, add)
	customerResults(t, add)
	return out
}

// notUnits are key endings that read as units but are not the
// contract's: a key ending so names its unit the wrong way.
var notUnits = []string{"percent", "share", "fraction", "sec", "secs", "ms", "minutes", "hours", "eur", "usd", "money", "cents"}

// TestResultKeys holds every key of every Result on main to the
// contract's vocabulary, independently of the Writer: a number that is
// not an integer, or a null, is under a key with a unit suffix
// (internal/unit.Suffixes), a statistic (unit.Statistics), an interval's
// bounds or a parameter; an integer or a yes/no may be under a key
// without a suffix (a count: n, promoters; a flag: significant); and no
// key ends in a unit word that is not one of the contract's.
func TestResultKeys(t *testing.T) {
	suffixed := func(k string) bool {
		return slices.ContainsFunc(unit.Suffixes, func(s string) bool { return strings.HasSuffix(k, "_"+s) && k != "_"+s })
	}
	params := []string{"scale", "alpha", "beta", "params"}
	var walk func(t *testing.T, v any, path, key string, param, inInterval bool)
	walk = func(t *testing.T, v any, path, key string, param, inInterval bool) {
		switch v := v.(type) {
		case map[string]any:
			interval := strings.Contains(key, "_interval_") // v is an interval: lo, hi, level
			for k, e := range v {
				for _, w := range notUnits {
					assert.False(t, strings.HasSuffix(k, "_"+w), "%s.%s: a unit the contract does not know (%v)", path, k, unit.Suffixes)
				}
				walk(t, e, path+"."+k, k, param || slices.Contains(params, k), interval)
			}
			return
		case []any:
			for i, e := range v {
				walk(t, e, fmt.Sprintf("%s[%d]", path, i), key, param, inInterval)
			}
			return
		case string, bool:
			return
		}
		if param || suffixed(key) || slices.Contains(unit.Statistics, key) || (inInterval && (key == "lo" || key == "hi" || key == "level")) {
			return
		}
		n, isNumber := v.(json.Number)
		assert.True(t, isNumber && !strings.ContainsAny(n.String(), ".eE"),
			"%s = %v: not a count, under a key without a unit suffix %v that is no statistic %v", path, v, unit.Suffixes, unit.Statistics)
	}
	results := mainResults(t)
	require.Greater(t, len(results), 40)
	for _, mr := range results {
		t.Run(mr.name, func(t *testing.T) {
			walk(t, decoded(t, mr.result), "", "", false, false)
		})
	}
}

// adder records one Result under a name; it fails the test on err.
type adder func(name string, r any, err error)

// surveyResults adds the Results of nps, csat and ces: a tally's, an
// empty tally's, a comparison of two tallies and a ranking of channels.
func surveyResults(t testing.TB, add adder) {
	t.Helper()
	scores := func(counts ...uint64) []int {
		var out []int
		for s, n := range counts {
			for range n {
				out = append(out, s)
			}
		}
		return out
	}

	npsOf := func(counts ...uint64) *nps.Tally {
		var rs []nps.Response
		for _, s := range scores(counts...) {
			rs = append(rs, nps.Response{Score: s})
		}
		tl, err := nps.TallyOf(slices.Values(rs), nps.Standard)
		require.NoError(t, err)
		return tl
	}
	march, april := npsOf(3, 1, 2, 4, 5, 8, 10, 20, 30, 25, 22), npsOf(2, 1, 1, 2, 3, 6, 9, 18, 25, 30, 31)
	r, err := april.Result(0.95, nps.AdjustedWald)
	add("nps.Result", r, err)
	r, err = new(nps.Tally).Result(0.95, nps.Wald)
	add("nps.Result (empty)", r, err)
	c, err := nps.Compare(april, march, 0.95)
	add("nps.Comparison", c, err)

	csatOf := func(counts ...uint64) *csat.Tally {
		var rs []csat.Response
		for _, s := range scores(counts...) {
			if s > 0 {
				rs = append(rs, csat.Response{Score: s})
			}
		}
		tl, err := csat.TallyOf(slices.Values(rs), csat.FivePoint)
		require.NoError(t, err)
		return tl
	}
	before, after := csatOf(0, 8, 10, 22, 60, 50), csatOf(0, 5, 9, 20, 70, 66)
	cr, err := after.Result(0.95, csat.Wilson)
	add("csat.Result", cr, err)
	cr, err = csat.NewTally(csat.FivePoint).Result(0.95, csat.Wilson)
	add("csat.Result (empty)", cr, err)
	cc, err := csat.Compare(after, before, 0.95)
	add("csat.Comparison", cc, err)

	var responses []ces.Response
	for channel, counts := range map[string][]uint64{
		"chat":   {0, 2, 3, 5, 10, 30, 50, 40},
		"phone":  {0, 10, 15, 20, 30, 40, 25, 10},
		"e-mail": {0, 0, 0, 0, 0, 1},
	} {
		for _, s := range scores(counts...) {
			responses = append(responses, ces.Response{Score: s, Channel: channel})
		}
	}
	byChannel, err := ces.TallyBy(slices.Values(responses), ces.SevenPointEase, func(r ces.Response) string { return r.Channel })
	require.NoError(t, err)
	er, err := byChannel["chat"].Result(0.95, ces.StudentT)
	add("ces.Result", er, err)
	er, err = ces.NewTally(ces.FivePointEffort).Result(0.95, ces.StudentT)
	add("ces.Result (empty)", er, err)
	ec, err := ces.Compare(byChannel["phone"], byChannel["chat"], 0.95)
	add("ces.Comparison", ec, err)
	ranked, err := ces.Rank(byChannel, 0.05)
	add("[]ces.Ranked", ranked, err)
}

// contactResults adds the Results of operations, forecast and plan: a
// morning's contact-centre KPIs, an Erlang staffing, a history of
// contacts, a backtest and forecast of six weeks, and a plan of it.
func contactResults(t testing.TB, add adder) {
	t.Helper()
	const s, m = time.Second, time.Minute
	monday := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	at := func(d time.Duration) time.Time { return monday.Add(d) }
	known := func(cost string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(cost)) }
	call := func(id, customer string, arrived, wait, talk time.Duration, resolved bool, cost string) operations.Contact {
		return operations.Contact{ID: id, CustomerID: customer, Reason: "billing", Channel: operations.Phone,
			Direction: operations.Inbound, Outcome: operations.Answered, Arrived: at(arrived), Answered: at(arrived + wait),
			Talk: talk, Wrap: 30 * s, Resolved: resolved, Cost: known(cost)}
	}
	contacts := []operations.Contact{
		call("c1", "ana", 0, 12*s, 4*m, true, "6.20"),
		call("c2", "bob", 2*m, 45*s, 6*m, false, "8.10"),
		call("c3", "chloé", 3*m, 8*s, 3*m, true, "5.40"),
		call("c4", "bob", 50*m, 18*s, 5*m, true, "7.00"),
		{ID: "c5", Channel: operations.Phone, Direction: operations.Inbound, Outcome: operations.Abandoned,
			Arrived: at(5 * m), Ended: at(5*m + 4*s), Cost: known("0")},
		{ID: "c6", CustomerID: "dan", Reason: "invoice", Channel: operations.Email, Direction: operations.Inbound,
			Outcome: operations.Answered, Arrived: at(0), Answered: at(5 * time.Hour), Talk: 4 * m, Resolved: true,
			Cost: known("3.50"), Value: operations.LowValue, Complaint: true},
		{ID: "c7", CustomerID: "fay", Reason: "password", Channel: operations.Chatbot, Direction: operations.Inbound,
			Outcome: operations.Deflected, Arrived: at(m), Resolved: true, Cost: known("0.30")},
	}
	require.NoError(t, operations.MarkFCR(contacts, 7*24*time.Hour, monday.AddDate(0, 0, 14)))
	tally, err := operations.TallyOf(slices.Values(contacts))
	require.NoError(t, err)
	or, err := tally.Result(operations.DefaultThresholds)
	add("operations.Result", or, err)
	or, err = new(operations.Tally).Result(operations.DefaultThresholds)
	add("operations.Result (empty)", or, err)
	q := operations.Queue{Contacts: 100, Interval: 30 * m, AHT: 180 * s, Patience: 5 * m}
	metrics, err := q.Metrics(14, 20*s)
	add("operations.Metrics", metrics, err)
	staff, err := q.Staff(operations.Targets{ServiceLevel: 0.8, Within: 20 * s, Abandonment: 0.05, Occupancy: 0.85, Shrinkage: 0.3})
	add("operations.Staffing", staff, err)

	// Six weeks of calls, 9:00 to 17:00 on weekdays, busier on Mondays
	// and mornings, a few every half hour.
	first := forecast.Date{Year: 2026, Month: 1, Day: 5} // a Monday
	var calls []operations.Contact
	for d := range 42 {
		date := first.AddDays(d)
		if wd := date.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		for slot := 18; slot < 34; slot++ {
			n := 3 + (d*7+slot*13)%4
			if date.Weekday() == time.Monday {
				n += 2
			}
			for k := range n {
				arrived := date.Start(time.UTC).Add(time.Duration(slot)*30*m + time.Duration(k)*5*m)
				c := operations.Contact{ID: arrived.Format(time.RFC3339), Channel: operations.Phone, Direction: operations.Inbound,
					Outcome: operations.Answered, Arrived: arrived, Answered: arrived.Add(time.Duration(5+k*7) * s), Talk: 4 * m, Wrap: 30 * s}
				if k == n-1 && slot%5 == 0 {
					c.Outcome, c.Answered, c.Ended, c.Talk, c.Wrap = operations.Abandoned, time.Time{}, arrived.Add(40*s), 0, 0
				}
				calls = append(calls, c)
			}
		}
	}
	history, err := forecast.HistoryOf(slices.Values(calls), 30*m, time.UTC)
	require.NoError(t, err)
	hr, err := history.Result()
	add("forecast.HistoryResult", hr, err)
	series, err := history.Series(first, 42)
	require.NoError(t, err)
	accuracy, err := forecast.Backtest(series, forecast.Options{}, 14)
	add("forecast.Accuracy", accuracy, err)
	fitted, err := forecast.Fit(series, forecast.Options{})
	require.NoError(t, err)
	fc, err := fitted.Forecast(7)
	add("forecast.Forecast", fc, err)

	p, err := plan.New(fc, plan.Staffing{
		Targets:  operations.Targets{ServiceLevel: 0.8, Within: 20 * s, Abandonment: 0.05, Occupancy: 0.85, Shrinkage: 0.3},
		Patience: 3 * m, Contract: plan.Contract{Weekly: 35 * time.Hour, DaysPerWeek: 5},
		Cost: plan.Cost{Hourly: decimal.RequireFromString("32.50"), PerContact: decimal.RequireFromString("0.15")},
	})
	add("*plan.Plan", p, err)
	rows, err := p.Table(-1, 2)
	add("[]plan.Row", rows, err)
}

// customerResults adds the Results of segment and clv: RFM, profiles,
// concentration, tier moves, and the purchase and spend models fitted to
// a deterministic year of purchases with their values and predictions.
func customerResults(t testing.TB, add adder) {
	t.Helper()
	asOf := date(2025, 1, 1)
	var txs []segment.Transaction
	for i := range 120 {
		id := "c" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		orders := 1 + (i*7)%5
		if i%3 == 0 {
			orders = 1
		}
		for k := range orders {
			day := 360 - (i*13+k*(40+i%17))%355
			cents := int64(1500 + (i*977+k*331)%9000)
			txs = append(txs, segment.Transaction{CustomerID: id, At: asOf.AddDate(0, 0, -day), Amount: decimal.New(cents, -2)})
		}
	}
	refund := segment.Transaction{CustomerID: "caa", At: asOf.AddDate(0, 0, -5), Amount: decimal.RequireFromString("-12.50")}

	coll, err := segment.CollectionOf(slices.Values(append(slices.Clip(txs), refund)), segment.Options{Refunds: true})
	require.NoError(t, err)
	summary, err := coll.Result(asOf, segment.Config{})
	add("segment.Summary", summary, err)
	cust, ok := coll.Get("caa")
	require.True(t, ok)
	profile, err := cust.Result(asOf)
	add("segment.Profile", profile, err)
	scores, err := coll.Score(asOf, segment.Config{})
	require.NoError(t, err)
	add("segment.Scores", scores, nil)
	conc, err := coll.Concentration()
	require.NoError(t, err)
	pareto, err := conc.Pareto(0.2, 0.8)
	add("segment.Pareto", pareto, err)
	abc, err := conc.ABC(0.8, 0.95)
	add("segment.Classes", abc, err)
	add("[]segment.Ranked", conc.Top(5), nil)
	add("[]segment.Point", conc.Lorenz(), nil)
	tiers := segment.DefaultTiers()
	moves, err := segment.Transition(tiers.Levels(),
		map[string]string{"ann": "bronze", "bob": "silver", "cid": "gold"},
		map[string]string{"ann": "premium", "bob": "silver", "dee": "bronze"})
	add("segment.Transitions", moves, err)

	o := clv.Options{Unit: 7 * 24 * time.Hour}
	summaries, err := clv.Summarize(slices.Values(txs), asOf, o)
	require.NoError(t, err)
	add("[]clv.Summary", summaries, nil)
	model, fit, err := clv.FitBGNBD(slices.Values(summaries))
	add("clv.Fit", fit, err)
	add("clv.BGNBD", model, nil)
	spend, spendFit, err := clv.FitGammaGamma(slices.Values(summaries))
	add("clv.SpendFit", spendFit, err)
	add("clv.GammaGamma", spend, nil)
	v := clv.Valuation{Purchases: model, Spend: spend, Horizon: 52, Discount: clv.Discount{Convention: clv.Continuous, Rate: 0.1 / 52}, Places: 2}
	values, err := v.Values(slices.Values(summaries[:5]))
	add("[]clv.CustomerValue", values, err)
	groups, err := clv.ValueBy(slices.Values(summaries), v, func(s clv.Summary) bool { return s.X > 0 })
	add("clv.GroupValue", groups[true], err)
	predictions, err := clv.Predict(slices.Values(summaries[:5]), model, 13)
	add("[]clv.Prediction", predictions, err)
	histories, err := clv.HistoryBy(slices.Values(txs), func(t segment.Transaction) string { return t.CustomerID })
	require.NoError(t, err)
	h := histories["cba"]
	hr, err := h.Result(asOf, clv.Options{})
	add("clv.HistoryResult", hr, err)
	ho, _, err := h.Holdout(date(2024, 7, 1), asOf, clv.Options{})
	add("clv.Holdout", ho, err)
}

// centreResults are the Results of the contact centre in depth: journeys
// across channels and agent time.
func centreResults(t testing.TB, add adder) {
	t.Helper()
	at := func(h, m int) time.Time { return time.Date(2025, 3, 3, h, m, 0, 0, time.UTC) }
	contact := func(id string, ch operations.Channel, arrived time.Time, resolved bool) operations.Contact {
		return operations.Contact{ID: id, CustomerID: "ada", Reason: "billing", Channel: ch, Direction: operations.Inbound,
			Outcome: operations.Answered, Arrived: arrived, Answered: arrived.Add(time.Minute), Talk: 3 * time.Minute, Resolved: resolved}
	}
	bot := contact("c1", operations.Chatbot, at(9, 0), false)
	bot.Outcome, bot.Answered, bot.Talk = operations.Deflected, time.Time{}, 0
	steps := []journey.Step{
		{Contact: bot, Handler: journey.Bot, TransferredTo: "desk"},
		{Contact: contact("c2", operations.Chat, at(9, 5), false), Handler: journey.Agent, Tier: 1},
		{Contact: contact("c3", operations.Phone, at(15, 0), true), Handler: journey.Agent, Tier: 2},
	}
	steps[1].Contact.Agent, steps[2].Contact.Agent = "lea", "max"
	jt, err := journey.Linker{Window: 48 * time.Hour, ByReason: true}.Tally(steps)
	require.NoError(t, err)
	jr, err := jt.Result()
	add("journey.Result", jr, err)
	var none journey.Tally
	nr, err := none.Result()
	add("journey.Result (empty)", nr, err)

	intervals := []agent.Interval{
		{Agent: "lea", State: agent.Available, Start: at(9, 0), End: at(9, 30)},
		{Agent: "lea", State: agent.OnContact, Start: at(9, 30), End: at(11, 0), Contacts: 12},
		{Agent: "lea", State: agent.AfterContactWork, Start: at(11, 0), End: at(11, 20)},
		{Agent: "lea", State: agent.Break, Start: at(11, 20), End: at(11, 35)},
		{Agent: "max", State: agent.OnContact, Start: at(9, 0), End: at(12, 0), Contacts: 20},
		{Agent: "max", State: agent.Absence, Start: at(13, 0), End: at(17, 0)},
	}
	at2, err := agent.TallyOf(slices.Values(intervals))
	require.NoError(t, err)
	ar, err := at2.Result(8 * time.Hour)
	add("agent.Result", ar, err)
	var idle agent.Tally
	ir, err := idle.Result(0)
	add("agent.Result (empty)", ir, err)
}

// ticketResults are the Results of the ticket lifecycle, in calendar time
// and in business hours.
func ticketResults(t testing.TB, add adder) {
	t.Helper()
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	day := hours.Spans{{From: 9 * time.Hour, To: 18 * time.Hour}}
	cal, err := hours.New(paris, hours.Week{1: day, 2: day, 3: day, 4: day, 5: day}, nil, nil)
	require.NoError(t, err)
	at := func(d, h int) time.Time { return time.Date(2025, 3, d, h, 0, 0, 0, paris) }
	tickets := []ticket.Ticket{
		{ID: "1", Channel: operations.Email, Priority: "urgent", Created: at(3, 10), FirstReply: at(3, 11), Solved: at(3, 15), Replies: 1},
		{ID: "2", Channel: operations.Form, Priority: "normal", Created: at(7, 17), FirstReply: at(10, 9), Solved: at(11, 12), Replies: 3, Reopens: 1},
		{ID: "3", Channel: operations.Email, Priority: "normal", Created: at(12, 9), Replies: 0},
	}
	targets := ticket.Targets{"urgent": {FirstReply: time.Hour, Resolution: 8 * time.Hour}, "normal": {FirstReply: 8 * time.Hour, Business: true}}
	tt, err := ticket.TallyOf(slices.Values(tickets), targets, cal)
	require.NoError(t, err)
	tr, err := tt.Result()
	add("ticket.Result", tr, err)
	var none ticket.Tally
	nr, err := none.Result()
	add("ticket.Result (empty)", nr, err)
	backlog, err := ticket.Backlog(slices.Values(tickets), at(12, 12))
	add("ticket.BacklogResult", backlog, err)
}
