package segment_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/rapportkit/rapport/period"
	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
)

var asOf = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)

func day(d int) time.Time { return asOf.AddDate(0, 0, -d) }

func sample() []segment.Transaction {
	m := decimal.RequireFromString
	return []segment.Transaction{
		{CustomerID: "ann", At: day(2), Amount: m("120.00")},
		{CustomerID: "ann", At: day(30), Amount: m("80.50")},
		{CustomerID: "ann", At: day(60), Amount: m("99.90")},
		{CustomerID: "bob", At: day(200), Amount: m("15.00")},
		{CustomerID: "cid", At: day(10), Amount: m("2500")},
		{CustomerID: "dee", At: day(90), Amount: m("40")},
		{CustomerID: "dee", At: day(100), Amount: m("35.5")},
		{CustomerID: "eve", At: day(400), Amount: m("9.99")},
	}
}

func ExampleCollectionOf() {
	c, err := segment.CollectionOf(slices.Values(sample()), segment.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for u := range c.Customers() {
		r, _, _ := u.Recency(asOf)
		fmt.Println(u.ID(), r, u.Frequency(), u.Monetary())
	}
	fmt.Println(c.NumCustomers(), "customers,", c.N(), "transactions")
	// Output:
	// ann 2 3 300.4
	// bob 200 1 15
	// cid 10 1 2500
	// dee 90 2 75.5
	// eve 400 1 9.99
	// 5 customers, 8 transactions
}

func ExampleCollectionOf_badInput() {
	txs := []segment.Transaction{
		{CustomerID: "ann", At: day(1), Amount: decimal.NewFromInt(5)},
		{CustomerID: "bob", At: day(1), Amount: decimal.NewFromInt(-5)},
	}
	_, err := segment.CollectionOf(slices.Values(txs), segment.Options{})
	fmt.Println(err)
	c, _ := segment.CollectionOf(slices.Values(txs), segment.Options{Refunds: true})
	bob, _ := c.Get("bob")
	fmt.Println(bob.Frequency(), bob.Refunds(), bob.Monetary())
	// Output:
	// segment: transaction 1: invalid amount: customer "bob": -5 is a refund and Options.Refunds is off
	// 0 1 -5
}

// One collection per key: here per half-year with its year (eve bought in
// 2023 only), merged back into 2024 as shards from several machines would
// be.
func ExampleCollectionBy() {
	halves, _ := segment.CollectionBy(slices.Values(sample()), segment.Options{}, func(t segment.Transaction) string {
		q := period.QuarterOf(t.At, time.UTC) // a quarter with its year
		return fmt.Sprintf("%d-H%d", q.Year(), (q.Number()+1)/2)
	})
	for _, h := range slices.Sorted(maps.Keys(halves)) {
		fmt.Println(h, halves[h].NumCustomers())
	}
	year := halves["2024-H1"].Clone()
	if err := year.Merge(halves["2024-H2"]); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(year.NumCustomers(), year.N())
	// Output:
	// 2023-H2 1
	// 2024-H1 1
	// 2024-H2 3
	// 4 7
}

// A Customer keeps one customer's transactions; another customer's are
// refused.
func ExampleCustomer() {
	var ann segment.Customer
	for _, t := range sample()[:3] {
		_ = ann.Add(t)
	}
	fmt.Println(ann.ID(), ann.N(), ann.Monetary())
	fmt.Println(ann.Add(sample()[3]))
	// Output:
	// ann 3 300.4
	// segment: invalid customer id: transaction of customer "bob" added to customer "ann"
}

func ExampleCustomer_Result() {
	var ann segment.Customer
	for _, t := range sample()[:3] {
		_ = ann.Add(t)
	}
	p, _ := ann.Result(asOf)
	fmt.Println(p)
	js, _ := json.Marshal(p)
	fmt.Println(string(js))
	// Output:
	// ann: 3 purchases, 0 refunds, net 300.4; recency 2 days, tenure 60 days
	// {"id":"ann","n":3,"purchases":3,"refunds":0,"first":"2024-11-01T00:00:00Z","last":"2024-12-29T00:00:00Z","recency_days":2,"tenure_days":60,"monetary_amount":"300.4","mean_order_amount":"100.1333333333333333"}
}

func ExampleCustomer_Recency() {
	var bob segment.Customer
	_ = bob.Add(segment.Transaction{CustomerID: "bob", At: day(3), Amount: decimal.NewFromInt(10)})
	fmt.Println(bob.Recency(asOf))
	fmt.Println(bob.Recency(day(5)))
	var nobody segment.Customer
	fmt.Println(nobody.Recency(asOf))
	// Output:
	// 3 true <nil>
	// 0 false segment: invalid time: customer "bob": last purchase 2024-12-28 00:00:00 +0000 UTC after the as-of date 2024-12-26 00:00:00 +0000 UTC
	// 0 false <nil>
}

// Columns as a CSV or Parquet reader hands them over: ids cut from the
// file's bytes, Unix nanoseconds, amounts in cents.
func ExampleCollection_AddColumns() {
	file := "annbobannceecee"
	day := func(d int) int64 { return asOf.AddDate(0, 0, -d).UnixNano() }
	batch := segment.Columns{
		CustomerIDs: []string{file[0:3], file[3:6], file[6:9], file[9:12], file[12:15]},
		At:          []int64{day(2), day(40), day(30), day(7), day(3)},
		Amounts:     []int64{12000, 1500, 8050, -2500, 9900},
		Exp:         -2,
	}
	c := segment.NewCollection(segment.Options{Refunds: true})
	if err := c.AddColumns(batch); err != nil {
		fmt.Println(err)
		return
	}
	for u := range c.Customers() {
		r, _, _ := u.Recency(asOf)
		fmt.Println(u.ID(), r, u.Frequency(), u.Refunds(), u.Monetary())
	}
	batch.CustomerIDs[1] = ""
	fmt.Println(c.AddColumns(batch), c.NumCustomers())
	// Output:
	// ann 2 2 0 200.5
	// bob 40 1 0 15
	// cee 3 1 1 74
	// segment: row 1: invalid customer id: empty 3
}

func ExampleCollection_Score() {
	c, _ := segment.CollectionOf(slices.Values(sample()), segment.Options{})
	s, err := c.Score(asOf, segment.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s)
	for x := range s.Customers() {
		seg, _ := segment.DefaultRules().Match(x.Score)
		fmt.Println(x, seg)
	}
	// Output:
	// RFM as of 2024-12-31, 5 bins, 5 customers: R ≤ [200 90 10 2] days, F ≥ [2 2 2 3], M ≥ [15 75.5 300.4 2500]
	// ann 554 (2 days, 3 purchases, 300.4) Champions
	// bob 212 (200 days, 1 purchase, 15) Hibernating
	// cid 415 (10 days, 1 purchase, 2500) Promising
	// dee 343 (90 days, 2 purchases, 75.5) Loyal Customers
	// eve 111 (400 days, 1 purchase, 9.99) Lost
}

func ExampleCollection_Result() {
	c, _ := segment.CollectionOf(slices.Values(sample()), segment.Options{})
	s, err := c.Result(asOf, segment.Config{Bins: 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s)
	js, _ := json.Marshal(s)
	fmt.Println(string(js))
	// Output:
	// 5 customers, 8 transactions (8 purchases, 0 refunds), net 2900.89; RFM as of 2024-12-31, 3 bins, 5 customers: R ≤ [90 2] days, F ≥ [2 3], M ≥ [75.5 2500]
	// {"n":8,"customers":5,"purchases":8,"refunds":0,"monetary_amount":"2900.89","rfm":{"as_of":"2024-12-31T00:00:00Z","bins":3,"recency_cuts_days":[90,2],"frequency_cuts":[2,3],"monetary_cuts_amount":["75.5","2500"],"scored":5,"unscored":0}}
}

// Explicit cut points: at most 30 days for R 3, at least 3 purchases for F 3.
func ExampleConfig() {
	c, _ := segment.CollectionOf(slices.Values(sample()), segment.Options{})
	s, _ := c.Score(asOf, segment.Config{
		Bins:               3,
		RecencyCutsDays:    []int64{180, 30},
		FrequencyCuts:      []uint64{2, 3},
		MonetaryCutsAmount: []decimal.Decimal{decimal.NewFromInt(50), decimal.NewFromInt(1000)},
	})
	ann, _ := s.Get("ann")
	bob, _ := s.Get("bob")
	fmt.Println(ann.Score, bob.Score)
	// Output:
	// 332 111
}

func ExampleScores_Segments() {
	c, _ := segment.CollectionOf(slices.Values(sample()), segment.Options{})
	s, _ := c.Score(asOf, segment.Config{})
	counts := s.Segments(segment.DefaultRules())
	fmt.Println(counts["Champions"], counts["Lost"], counts["At Risk"])
	// Output:
	// 1 1 0
}

func ExampleScore_Code() {
	s, _ := segment.ParseScore("543")
	fmt.Println(s.R, s.F, s.M, s.Code(), s.Int())
	// Output:
	// 5 4 3 543 543
}

func ExampleRules_Validate() {
	rules := segment.Rules{
		{Name: "Best", R: segment.Range{Lo: 4, Hi: 5}, F: segment.Range{Lo: 4, Hi: 5}},
		{Name: "Recent", R: segment.Range{Lo: 3, Hi: 5}},
		{Name: "Old", R: segment.Range{Lo: 1, Hi: 2}, F: segment.Range{Lo: 1, Hi: 4}},
	}
	cov, _ := rules.Validate(5)
	fmt.Println(cov)
	fmt.Println(cov.Overlaps[0].Score, cov.Overlaps[0].Rules, cov.Uncovered[0])
	// Output:
	// 20 overlapping cells, 10 uncovered, unused rules []
	// 441 [Best Recent] 151
}

func ExampleRules_Match() {
	s, _ := segment.ParseScore("155")
	name, _ := segment.DefaultRules().Match(s)
	fmt.Println(name)
	// Output:
	// Can't Lose Them
}

func ExampleTransition() {
	tiers := segment.DefaultTiers()
	before := map[string]string{"ann": "bronze", "bob": "silver", "cid": "gold"}
	after := map[string]string{"ann": "premium", "bob": "silver", "dee": "bronze"}
	t, err := segment.Transition(tiers.Levels(), before, after)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t)
	for _, e := range t.Events {
		fmt.Printf("%s %s: %q → %q\n", e.ID, e.Move, e.From, e.To)
	}
	share, _ := t.Share(0, 3)
	fmt.Println(share)
	// Output:
	//            bronze  silver    gold premium    lost
	// bronze        0       0       0       1       0
	// silver        0       1       0       0       0
	// gold          0       0       0       0       1
	// premium       0       0       0       0       0
	// new           1       0       0       0
	// 1 up, 0 down, 1 stay, 1 new, 1 lost
	// ann upgrade: "bronze" → "premium"
	// cid lost: "gold" → ""
	// dee new: "" → "bronze"
	// 1
}

func ExampleNewTiers() {
	tiers, err := segment.NewTiers(
		segment.Tier{Name: "regular", MinAmount: decimal.Zero},
		segment.Tier{Name: "vip", MinAmount: decimal.RequireFromString("299.99")},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range []string{"299.98", "299.99", "-5"} {
		name, ok := tiers.Of(decimal.RequireFromString(a))
		fmt.Println(a, name, ok)
	}
	// Output:
	// 299.98 regular true
	// 299.99 vip true
	// -5  false
}

func ExampleTiers_Labels() {
	c, _ := segment.CollectionOf(slices.Values(sample()), segment.Options{})
	labels := segment.DefaultTiers().Labels(c)
	fmt.Println(labels["ann"], labels["cid"])
	// Output:
	// bronze gold
}

func ExampleConcentration_Gini() {
	var revenues = func(yield func(string, decimal.Decimal) bool) {
		for i := range 10 {
			v := decimal.NewFromInt(10)
			if i == 9 {
				v = decimal.NewFromInt(100)
			}
			if !yield(fmt.Sprint("c", i), v) {
				return
			}
		}
	}
	c, _ := segment.NewConcentration(revenues)
	gs, _ := c.GiniSample()
	fmt.Printf("%.7f %.7f\n", c.Gini(), gs)
	// Output:
	// 0.4263158 0.4736842
}

func ExampleConcentration() {
	c, _ := segment.CollectionOf(slices.Values(sample()), segment.Options{})
	k, err := c.Concentration()
	if err != nil {
		fmt.Println(err)
		return
	}
	top, _ := k.TopShare(0.2)
	n, share, _ := k.CustomersFor(0.8)
	fmt.Printf("top 20%% of customers: %.1f%% of revenue\n", 100*top)
	fmt.Printf("80%% of revenue: %d customers (%.0f%%)\n", n, 100*share)
	abc, _ := k.ABC(0.8, 0.95)
	fmt.Println(abc)
	pts := k.Lorenz()
	fmt.Printf("%.1f\n", pts[len(pts)-2])
	// Output:
	// top 20% of customers: 86.2% of revenue
	// 80% of revenue: 1 customers (20%)
	// A 1 customers (20.0%) 86.2% of revenue, B 1 customers (20.0%) 10.4% of revenue, C 3 customers (60.0%) 3.5% of revenue
	// {80.0 13.8}
}

// Shares compare as the decimals they are typed as: 50 and 30 are 80 %
// of 100.
func ExampleConcentration_CustomersFor() {
	revenues := map[string]decimal.Decimal{"a": decimal.NewFromInt(50), "b": decimal.NewFromInt(30), "c": decimal.NewFromInt(20)}
	c, _ := segment.NewConcentration(func(yield func(string, decimal.Decimal) bool) {
		for id, v := range revenues {
			if !yield(id, v) {
				return
			}
		}
	})
	n, share, _ := c.CustomersFor(0.8)
	fmt.Println(n, share)
	// Output:
	// 2 0.6666666666666666
}

func ExampleConcentration_Pareto() {
	c, _ := segment.CollectionOf(slices.Values(sample()), segment.Options{})
	k, _ := c.Concentration()
	p, _ := k.Pareto(0.2, 0.8)
	fmt.Println(p)
	js, _ := json.Marshal(p)
	fmt.Println(string(js))
	// Output:
	// 5 customers, revenue 2900.89: the top 20% make 86.2% of it, 1 customer (20.0%) makes 80%; Gini 0.726
	// {"customers":5,"revenue_amount":"2900.89","top_pct":20,"top_revenue_pct":86.1804480693856,"target_revenue_pct":80,"target_customers":1,"target_customer_pct":20,"gini_ratio":0.726042007797607,"gini_sample_ratio":0.9075525097470086}
}

// Shards aggregated on several machines travel as encodings and merge
// into the collection of all their transactions, whatever the order.
func ExampleCollection_MarshalBinary() {
	txs := sample()
	east, _ := segment.CollectionOf(slices.Values(txs[:4]), segment.Options{})
	west, _ := segment.CollectionOf(slices.Values(txs[4:]), segment.Options{})
	wire, _ := west.MarshalBinary()

	var received segment.Collection
	if err := received.UnmarshalBinary(wire); err != nil {
		fmt.Println(err)
		return
	}
	if err := east.Merge(&received); err != nil {
		fmt.Println(err)
		return
	}
	all, _ := segment.CollectionOf(slices.Values(txs), segment.Options{})
	a, _ := all.MarshalBinary()
	b, _ := east.MarshalBinary()
	fmt.Println(east.NumCustomers(), east.N(), string(a) == string(b))
	// Output:
	// 5 8 true
}

func ExampleConcentration_ABC() {
	revenues := []decimal.Decimal{decimal.NewFromInt(50), decimal.NewFromInt(30), decimal.NewFromInt(15), decimal.NewFromInt(5)}
	c, _ := segment.NewConcentration(func(yield func(string, decimal.Decimal) bool) {
		for i, v := range revenues {
			if !yield(fmt.Sprint("c", i), v) {
				return
			}
		}
	})
	abc, _ := c.ABC(0.8, 0.95)
	fmt.Println(abc)
	fmt.Println(abc.Labels["c0"], abc.Labels["c1"], abc.Labels["c2"], abc.Labels["c3"])
	// Output:
	// A 2 customers (50.0%) 80.0% of revenue, B 1 customers (25.0%) 15.0% of revenue, C 1 customers (25.0%) 5.0% of revenue
	// A A B C
}

func ExampleConcentration_Top() {
	c, _ := segment.CollectionOf(slices.Values(sample()), segment.Options{})
	k, _ := c.Concentration()
	for _, r := range k.Top(2) {
		fmt.Println(r.ID, r.RevenueAmount)
	}
	// Output:
	// cid 2500
	// ann 300.4
}
