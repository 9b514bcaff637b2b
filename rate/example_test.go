package rate_test

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/rapportkit/rapport/rate"
)

// A survey's response rate: 412 answers to 1 500 invitations.
func ExampleFromCounts() {
	t, err := rate.FromCounts(412, 1500)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []rate.Method{rate.Wilson, rate.ClopperPearson, rate.Jeffreys, rate.AgrestiCoull, rate.Wald} {
		r, _ := t.Result(0.95, m)
		fmt.Println(r)
	}
	// Output:
	// 27.5% (95% wilson 25.3…29.8%), 412 of 1500
	// 27.5% (95% clopper-pearson 25.2…29.8%), 412 of 1500
	// 27.5% (95% jeffreys 25.3…29.8%), 412 of 1500
	// 27.5% (95% agresti-coull 25.3…29.8%), 412 of 1500
	// 27.5% (95% wald 25.2…29.7%), 412 of 1500
}

// Bot containment, conversation by conversation; no escalation yet is
// not a 0 % rate but an undefined one.
func ExampleTally() {
	var contained rate.Tally
	r, _ := contained.Result(0.95, rate.Wilson)
	fmt.Println(r)
	_ = contained.AddN(true, 37)
	_ = contained.Add(false)
	_ = contained.AddN(false, 2)
	share, ok := contained.Rate()
	fmt.Println(share, ok)
	r, _ = contained.Result(0.95, rate.Wilson)
	fmt.Println(r)
	// Output:
	// no trials
	// 0.925 true
	// 92.5% (95% wilson 80.1…97.4%), 37 of 40
}

// The Result in JSON: every figure carries its unit, and an empty tally
// has null figures.
func ExampleTally_Result() {
	t, _ := rate.FromCounts(0, 20)
	r, _ := t.Result(0.95, rate.Wilson)
	b, _ := json.Marshal(r)
	fmt.Println(string(b))
	var empty rate.Tally
	r, _ = empty.Result(0.95, rate.Wilson)
	b, _ = json.Marshal(r)
	fmt.Println(string(b))
	// Output:
	// {"n":20,"successes":0,"rate_pct":0,"rate_interval_pct":{"lo":0,"hi":16.11251580528193,"level":0.95,"method":"wilson"}}
	// {"n":0,"successes":0,"rate_pct":null,"rate_interval_pct":null}
}

type email struct {
	Campaign string
	Opened   bool
}

var emails = []email{
	{"spring", true}, {"spring", false}, {"spring", true}, {"spring", false},
	{"summer", true}, {"summer", false}, {"summer", false}, {"spring", true},
}

func opened(e email) bool { return e.Opened }

func ExampleTallyOf() {
	t, err := rate.TallyOf(slices.Values(emails), opened)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d of %d opened\n", t.Successes(), t.N())
	// Output:
	// 4 of 8 opened
}

func ExampleTallyBy() {
	by, err := rate.TallyBy(slices.Values(emails), opened, func(e email) string { return e.Campaign })
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range []string{"spring", "summer"} {
		r, _ := by[c].Result(0.9, rate.Jeffreys)
		fmt.Printf("%s: %v\n", c, r)
	}
	// Output:
	// spring: 60.0% (90% jeffreys 26.1…87.2%), 3 of 5
	// summer: 33.3% (90% jeffreys 6.2…76.4%), 1 of 3
}

// An A/B test of two subject lines on 1 000 e-mails each.
func ExampleCompare() {
	old, _ := rate.FromCounts(200, 1000)
	subject, _ := rate.FromCounts(246, 1000)
	c, err := rate.Compare(old, subject, 0.95, rate.Newcombe)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c)
	b, _ := json.Marshal(c)
	fmt.Println(string(b))
	// Output:
	// 24.6% vs 20.0%: +4.6 points (95% newcombe +1.0…+8.2), lift +23.0% (95% katz-log +4.3…+45.0%), z = 2.47, p = 0.013
	// {"base_n":1000,"base_pct":20,"variant_n":1000,"variant_pct":24.6,"difference_points":4.6,"difference_interval_points":{"lo":0.950810778830103,"hi":8.235327274168215,"level":0.95,"method":"newcombe"},"lift_pct":23,"lift_interval_pct":{"lo":4.3177930230744455,"hi":45.027991501445584,"level":0.95,"method":"katz-log"},"z":2.4710406675086194,"p_value":0.013472049730864464}
}

// Callback success for two small teams: too few failures for the z-test.
func ExampleFisher() {
	day, _ := rate.FromCounts(18, 20)
	night, _ := rate.FromCounts(9, 16)
	p, err := rate.Fisher(day, night)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Fisher's exact p = %.4f\n", p)
	// Output:
	// Fisher's exact p = 0.0491
}

// How many e-mails per arm to detect a move of the open rate from 20 %
// to 22 %?
func ExamplePlan_SampleSize() {
	p := rate.Plan{Base: 0.2, Lift: 0.1, Alpha: 0.05, Power: 0.8}
	n, err := p.SampleSize()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n, "per arm")
	p.Continuity = true
	n, _ = p.SampleSize()
	fmt.Println(n, "per arm with the continuity correction")
	// Output:
	// 6510 per arm
	// 6610 per arm with the continuity correction
}
