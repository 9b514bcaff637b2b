package clv_test

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"time"

	"github.com/rapportkit/rapport/clv"
	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
)

// cdnow reads the CDNOW sample of Fader, Hardie & Lee (2005): 2,357
// customers, times in weeks, the mean spend of the repeat purchases.
func cdnow() []clv.Summary {
	f, err := os.Open("testdata/cdnow_customers_summary_with_transactions.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		panic(err)
	}
	var out []clv.Summary
	for _, r := range rows[1:] {
		x, _ := strconv.Atoi(r[1])
		tx, _ := strconv.ParseFloat(r[2], 64)
		T, _ := strconv.ParseFloat(r[3], 64)
		out = append(out, clv.Summary{ID: r[0], X: x, Tx: tx, T: T, Spend: decimal.RequireFromString(r[4])})
	}
	return out
}

func ExampleFitBGNBD() {
	customers := cdnow()
	m, fit, err := clv.FitBGNBD(slices.Values(customers))
	if err != nil {
		panic(err)
	}
	fmt.Println(m)
	fmt.Printf("LL %.1f, %d customers in %d groups\n", fit.LogLikelihood, fit.N, fit.Groups)
	// Output:
	// BG/NBD(r = 0.2426, α = 4.414, a = 0.7929, b = 2.426)
	// LL -9582.4, 2357 customers in 1016 groups
}

func ExampleBGNBD_Expected() {
	m, _ := clv.NewBGNBD(0.243, 4.414, 0.793, 2.426)
	// Two repeat purchases, the last in week 30.43 of 38.86.
	s := clv.Summary{X: 2, Tx: 30.43, T: 38.86}
	p, _ := m.PAlive(s)
	e, _ := m.Expected(s, 39)
	fmt.Printf("P(alive) %.3f, %.3f purchases in the next 39 weeks\n", p, e)
	// The same customer silent since week 5:
	s.Tx = 5
	p, _ = m.PAlive(s)
	e, _ = m.Expected(s, 39)
	fmt.Printf("P(alive) %.3f, %.3f purchases in the next 39 weeks\n", p, e)
	// Output:
	// P(alive) 0.727, 1.226 purchases in the next 39 weeks
	// P(alive) 0.124, 0.209 purchases in the next 39 weeks
}

func ExampleBGNBD_PNew() {
	m, _ := clv.NewBGNBD(0.243, 4.414, 0.793, 2.426)
	mean, _ := m.ExpectedNew(78)
	fmt.Printf("a new customer makes %.3f repeat purchases in 78 weeks:\n", mean)
	for n := range 4 {
		p, _ := m.PNew(n, 78)
		fmt.Printf("  %d with probability %.3f\n", n, p)
	}
	// Output:
	// a new customer makes 1.861 repeat purchases in 78 weeks:
	//   0 with probability 0.491
	//   1 with probability 0.210
	//   2 with probability 0.097
	//   3 with probability 0.055
}

func ExampleFitParetoNBD() {
	m, fit, err := clv.FitParetoNBD(slices.Values(cdnow()))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%v, LL %.1f\n", m, fit.LogLikelihood)
	p, _ := m.PAlive(clv.Summary{X: 2, Tx: 30.43, T: 38.86})
	fmt.Printf("P(alive) %.3f\n", p)
	// Output:
	// Pareto/NBD(r = 0.5533, α = 10.58, s = 0.6062, β = 11.67), LL -9595.0
	// P(alive) 0.869
}

func ExampleFitMBGNBD() {
	m, fit, err := clv.FitMBGNBD(slices.Values(cdnow()))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%v, LL %.1f\n", m, fit.LogLikelihood)
	p, _ := m.PAlive(clv.Summary{T: 38.86}) // bought once, 39 weeks ago
	fmt.Printf("one-time buyer: P(alive) %.3f\n", p)
	// Output:
	// MBG/NBD(r = 0.5248, α = 6.183, a = 0.8914, b = 1.614), LL -9582.1
	// one-time buyer: P(alive) 0.390
}

func ExampleFitGammaGamma() {
	g, fit, err := clv.FitGammaGamma(slices.Values(cdnow()))
	if err != nil {
		panic(err)
	}
	fmt.Println(g)
	fmt.Printf("%d repeat customers, corr(x, spend) = %.2f\n", fit.N, *fit.Correlation)
	mean, _ := g.MeanSpend()
	fmt.Printf("mean spend %.2f\n", mean)
	// Two repeat purchases of 22.35 on average: shrunk towards the mean.
	e, _ := g.ExpectedSpend(clv.Summary{X: 2, Tx: 30.43, T: 38.86, Spend: decimal.RequireFromString("22.35")}, 2)
	fmt.Println("expected spend", e)
	// Output:
	// Gamma-Gamma(p = 6.249, q = 3.745, v = 15.45)
	// 946 repeat customers, corr(x, spend) = 0.11
	// mean spend 35.17
	// expected spend 24.66
}

func ExampleValuation() {
	bg, _ := clv.NewBGNBD(0.243, 4.414, 0.793, 2.426)
	gg, _ := clv.NewGammaGamma(6.25, 3.74, 15.44)
	s := clv.Summary{ID: "1", X: 2, Tx: 30.43, T: 38.86, Spend: decimal.RequireFromString("22.35")}
	for _, d := range []clv.Discount{
		{Convention: clv.NoDiscount},                        // pymc-marketing's default
		{Convention: clv.Stepwise, Rate: 0.01, Step: 4.345}, // lifetimes: 1 % a month
		{Convention: clv.Continuous, Rate: 0.1 / 52},        // CLVTools-style, 10 % a year
	} {
		v := clv.Valuation{Purchases: bg, Spend: gg, Horizon: 52, Discount: d, Places: 2}
		c, err := v.Value(s)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%-28v %v\n", d, c)
	}
	// Output:
	// none                         1: P(alive) 72.7%, 1.56 purchases (1.56 discounted) at 24.66: CLV 38.44
	// stepwise 1% per 4.345        1: P(alive) 72.7%, 1.56 purchases (1.47 discounted) at 24.66: CLV 36.21
	// continuous 0.1923% per unit  1: P(alive) 72.7%, 1.56 purchases (1.49 discounted) at 24.66: CLV 36.71
}

func ExampleValueBy() {
	customers := cdnow()
	bg, _, _ := clv.FitBGNBD(slices.Values(customers))
	gg, _, _ := clv.FitGammaGamma(slices.Values(customers))
	v := clv.Valuation{Purchases: bg, Spend: gg, Horizon: 52, Discount: clv.Discount{Convention: clv.Stepwise, Rate: 0.01, Step: 4.345}, Places: 2}
	groups, err := clv.ValueBy(slices.Values(customers), v, func(s clv.Summary) string {
		switch {
		case s.X == 0:
			return "one-time"
		case s.T-s.Tx > 26:
			return "lapsed"
		}
		return "active"
	})
	if err != nil {
		panic(err)
	}
	for _, k := range []string{"active", "lapsed", "one-time"} {
		fmt.Printf("%-8s %v\n", k, groups[k])
	}
	// Output:
	// active   728 customers: P(alive) 62.0% (451.3 active), 1601.4 purchases, CLV 55449.00 (76.17 each)
	// lapsed   218 customers: P(alive) 25.2% (54.9 active), 79.3 purchases, CLV 2389.22 (10.96 each)
	// one-time 1411 customers: P(alive) 100.0% (1411.0 active), 408.8 purchases, CLV 13527.49 (9.59 each)
}

func ExamplePredict() {
	m, _ := clv.NewBGNBD(0.243, 4.414, 0.793, 2.426)
	base := []clv.Summary{
		{ID: "steady", X: 8, Tx: 37, T: 38.86},
		{ID: "gone quiet", X: 8, Tx: 12, T: 38.86},
		{ID: "new", X: 0, T: 2},
	}
	preds, _ := clv.Predict(slices.Values(base), m, 13)
	for _, p := range preds {
		fmt.Printf("%-10s risk %.0f%%, %.2f purchases in 13 weeks\n", p.CustomerID, 100-p.PAlivePct, p.ExpectedPurchases)
	}
	// Output:
	// steady     risk 11%, 2.02 purchases in 13 weeks
	// gone quiet risk 100%, 0.01 purchases in 13 weeks
	// new        risk 0%, 0.39 purchases in 13 weeks
}

func tx(id string, date string, amount string) segment.Transaction {
	at, _ := time.Parse(time.DateTime, date)
	return segment.Transaction{CustomerID: id, At: at, Amount: decimal.RequireFromString(amount)}
}

func ExampleHistoryBy() {
	orders := []segment.Transaction{
		tx("ann", "2024-01-05 10:00:00", "40.00"),
		tx("ann", "2024-01-05 18:30:00", "12.50"), // same day: one purchase occasion
		tx("ann", "2024-02-20 09:00:00", "55.00"),
		tx("bob", "2024-03-01 12:00:00", "20.00"),
	}
	histories, err := clv.HistoryBy(slices.Values(orders), func(t segment.Transaction) string { return t.CustomerID })
	if err != nil {
		panic(err)
	}
	asOf := time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)
	for _, id := range []string{"ann", "bob"} {
		s, _, _ := histories[id].Summary(asOf, clv.Options{Unit: 7 * 24 * time.Hour})
		fmt.Printf("%s: x = %d, t_x = %.2f weeks, T = %.2f weeks, spend %v\n", id, s.X, s.Tx, s.T, s.Spend)
	}
	r, _ := histories["ann"].Result(asOf, clv.Options{})
	fmt.Println(r)
	// Output:
	// ann: x = 1, t_x = 6.57 weeks, T = 12.29 weeks, spend 55
	// bob: x = 0, t_x = 0.00 weeks, T = 4.29 weeks, spend 0
	// ann: 3 orders on 2 days, x = 1, first 2024-01-05, last 2024-02-20 (t_x 46 days, idle 40 days, age 86 days), total 107.50
}

func ExampleHistory_Holdout() {
	h, _ := clv.HistoryOf(slices.Values([]segment.Transaction{
		tx("ann", "2024-01-05 10:00:00", "40.00"),
		tx("ann", "2024-02-20 09:00:00", "55.00"),
		tx("ann", "2024-04-02 09:00:00", "35.00"),
		tx("ann", "2024-05-17 09:00:00", "30.00"),
	}))
	cut := time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)
	end := time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)
	ho, ok, _ := h.Holdout(cut, end, clv.Options{})
	fmt.Println(ok, ho.Calibration.X, ho.Calibration.Tx, ho.Calibration.T, "then", ho.X, "purchases worth", ho.Amount, "in", ho.T, "days")
	// Output:
	// true 1 46 86 then 2 purchases worth 65 in 91 days
}

func ExampleSummarize() {
	orders := []segment.Transaction{
		tx("bob", "2024-03-01 12:00:00", "20.00"),
		tx("ann", "2024-01-05 10:00:00", "40.00"),
		tx("ann", "2024-02-20 09:00:00", "55.00"),
	}
	s, _ := clv.Summarize(slices.Values(orders), time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), clv.Options{})
	for _, c := range s {
		fmt.Printf("%s x=%d t_x=%g T=%g\n", c.ID, c.X, c.Tx, c.T)
	}
	// Output:
	// ann x=1 t_x=46 T=86
	// bob x=0 t_x=0 T=30
}

func ExampleHistory_Summary() {
	paris := time.FixedZone("CET", 3600)
	h := new(clv.History)
	for _, t := range []segment.Transaction{
		{CustomerID: "ann", At: time.Date(2024, 1, 5, 23, 30, 0, 0, paris), Amount: decimal.RequireFromString("40.00")},
		{CustomerID: "ann", At: time.Date(2024, 1, 5, 23, 50, 0, 0, paris), Amount: decimal.RequireFromString("10.00")},
		{CustomerID: "ann", At: time.Date(2024, 1, 19, 9, 0, 0, 0, paris), Amount: decimal.RequireFromString("30.00")},
	} {
		if err := h.Add(t); err != nil {
			panic(err)
		}
	}
	asOf := time.Date(2024, 2, 2, 0, 0, 0, 0, time.UTC)
	days, _, _ := h.Summary(asOf, clv.Options{})                  // the two late orders are one occasion
	orders, _, _ := h.Summary(asOf, clv.Options{EachOrder: true}) // or two
	fmt.Println(days.X, days.Tx, days.T, days.Spend)
	fmt.Println(orders.X, orders.Tx, orders.T, orders.Spend)
	// Output:
	// 1 14 28 30
	// 2 14 28 27.5
}

func ExampleValuation_Values() {
	customers := cdnow()
	bg, _, _ := clv.FitBGNBD(slices.Values(customers))
	gg, _, _ := clv.FitGammaGamma(slices.Values(customers))
	v := clv.Valuation{Purchases: bg, Spend: gg, Horizon: 52, Discount: clv.Discount{Convention: clv.Continuous, Rate: math.Log(1.15) / 52}, Places: 2}
	values, err := v.Values(slices.Values(customers))
	if err != nil {
		panic(err)
	}
	slices.SortStableFunc(values, func(a, b clv.CustomerValue) int { return b.CLVAmount.Cmp(*a.CLVAmount) })
	for _, c := range values[:3] {
		fmt.Println(c)
	}
	// Output:
	// 509: P(alive) 94.6%, 16 purchases (15.1 discounted) at 77.59: CLV 1167.83
	// 1081: P(alive) 91.7%, 10.2 purchases (9.6 discounted) at 103.79: CLV 996.83
	// 1516: P(alive) 96.9%, 25.8 purchases (24.2 discounted) at 39.89: CLV 966.54
}
