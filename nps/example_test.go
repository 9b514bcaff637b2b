package nps_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/rapportkit/rapport/nps"
	"github.com/rapportkit/rapport/period"
)

func ExampleClassify() {
	for _, score := range []int{6, 7, 9} {
		c, _ := nps.Classify(score)
		fmt.Println(score, c)
	}
	_, err := nps.Classify(11)
	fmt.Println(err)
	// Output:
	// 6 detractor
	// 7 passive
	// 9 promoter
	// nps: score out of range: 11 not in 0..10
}

func ExampleTallyOf() {
	var responses []nps.Response
	for _, score := range []int{10, 9, 9, 8, 7, 10, 6, 3, 9, 10} {
		responses = append(responses, nps.Response{Score: score})
	}
	t, err := nps.TallyOf(slices.Values(responses), nps.Standard)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := t.Result(0.95, nps.AdjustedWald)
	fmt.Println(r)
	// Output:
	// NPS +40.0 (95% adjusted-wald -12.6…+74.1), n=10: 6 promoters, 2 passives, 2 detractors
}

// The first bad response stops TallyOf, named by its position.
func ExampleTallyOf_error() {
	responses := []nps.Response{{Score: 9}, {Score: 10}, {Score: 42}}
	_, err := nps.TallyOf(slices.Values(responses), nps.Standard)
	fmt.Println(err)
	// Output:
	// nps: response 2: score out of range: 42 not in 0..10
}

func ExampleTally() {
	var t nps.Tally // the zero value is ready, on the 0–10 scale
	for _, score := range []int{10, 9, 8, 3} {
		if err := t.Add(score); err != nil {
			fmt.Println(err)
		}
	}
	_ = t.AddN(9, 56) // 56 more nines
	s, ok := t.Score()
	fmt.Println(t.N(), t.Promoters(), t.Passives(), t.Detractors(), s, ok)
	// Output:
	// 60 58 1 1 +95.0 true
}

// An empty tally has no score: ok is false rather than a silent 0.
func ExampleTally_Score_empty() {
	var t nps.Tally
	_, ok := t.Score()
	fmt.Println(ok)
	// Output:
	// false
}

// The score is kept as an exact fraction: 60 % promoters minus 15 %
// detractors is 45, where (0.60 − 0.15)·100 in floating point is
// 44.99999999999999 and truncates to 44.
func ExampleScore() {
	var t nps.Tally
	_ = t.AddN(10, 60)
	_ = t.AddN(8, 25)
	_ = t.AddN(2, 15)
	s, _ := t.Score()
	fmt.Println(s.Points(), s.Float(), s.Rat(), s.Round())
	promoters, detractors := 0.60, 0.15
	naive := (promoters - detractors) * 100
	fmt.Println(naive, int(naive))
	// Output:
	// 45 0.45 9/20 45
	// 44.99999999999999 44
}

func ExampleScore_Round() {
	var t nps.Tally
	_ = t.AddN(0, 89)
	_ = t.AddN(8, 111)
	s, _ := t.Score()
	fmt.Println(s.Points(), s.Round()) // halves round away from zero
	// Output:
	// -44.5 -45
}

func ExampleTally_AddUint8s() {
	column := []uint8{10, 9, 0, 7, 9, 10, 8, 6, 9, 10}
	var t nps.Tally
	if err := t.AddUint8s(column); err != nil {
		fmt.Println(err)
	}
	fmt.Println(t.N(), t.Promoters())
	err := t.AddUint8s([]uint8{9, 10, 42})
	fmt.Println(err, t.N()) // nothing of the bad column was counted
	// Output:
	// 10 6
	// nps: score 2: score out of range: 42 not in 0..10 10
}

func ExampleTally_AddInt8s() {
	var t nps.Tally
	fmt.Println(t.AddInt8s([]int8{9, 10, 3}), t.N())
	// Output:
	// <nil> 3
}

func ExampleTally_Interval() {
	var t nps.Tally
	_ = t.AddN(10, 60)
	_ = t.AddN(8, 25)
	_ = t.AddN(2, 15)
	for _, m := range []nps.Method{nps.Wald, nps.AdjustedWald, nps.Tango} {
		ci, _, _ := t.Interval(0.95, m)
		fmt.Println(ci)
	}
	var empty nps.Tally
	_, ok, err := empty.Interval(0.95, nps.Wald)
	fmt.Println(ok, err) // undefined, and no error: the arguments are fine
	// Output:
	// [0.305, 0.595] (95% wald)
	// [0.2934, 0.5804] (95% adjusted-wald)
	// [0.2926, 0.5813] (95% tango)
	// false <nil>
}

func ExampleTally_StdErr() {
	var t nps.Tally
	_ = t.AddN(10, 60)
	_ = t.AddN(8, 25)
	_ = t.AddN(2, 15)
	v, _ := t.Variance()
	se, _ := t.StdErr()
	fmt.Printf("variance %.4f, standard error %.4f (%.1f points)\n", v, se, 100*se)
	// Output:
	// variance 0.5475, standard error 0.0740 (7.4 points)
}

func ExampleTally_Mean() {
	var t nps.Tally
	_ = t.AddN(10, 3)
	_ = t.AddN(7, 1)
	m, _ := t.Mean()
	fmt.Println(m)
	// Output:
	// 9.25
}

func ExampleTally_Distribution() {
	var t nps.Tally
	_ = t.AddUint8s([]uint8{10, 10, 9, 3})
	bins, _ := t.Distribution()
	for _, b := range bins[8:] {
		fmt.Printf("%d: %d (%.0f%%)\n", b.Score, b.Count, 100*b.Share)
	}
	// Output:
	// 8: 0 (0%)
	// 9: 1 (25%)
	// 10: 2 (50%)
}

func ExampleTally_Result() {
	var t nps.Tally
	_ = t.AddN(10, 412)
	_ = t.AddN(7, 301)
	_ = t.AddN(5, 287)
	r, _ := t.Result(0.90, nps.Tango)
	fmt.Println(r)
	js, _ := json.Marshal(r)
	fmt.Println(string(js))
	// Output:
	// NPS +12.5 (90% tango +8.2…+16.8), n=1000: 412 promoters, 301 passives, 287 detractors
	// {"score_points":12.5,"score_interval_points":{"lo":8.176926878054381,"hi":16.770414517274823,"level":0.9,"method":"tango"},"std_err_points":2.614144219433962,"n":1000,"promoters":412,"promoters_pct":41.2,"passives":301,"passives_pct":30.1,"detractors":287,"detractors_pct":28.7,"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9}}
}

// An empty tally has a Result: its figures are undefined, null in JSON.
func ExampleTally_Result_empty() {
	var t nps.Tally
	r, err := t.Result(0.95, nps.AdjustedWald)
	fmt.Println(r, err)
	js, _ := json.Marshal(r)
	fmt.Println(string(js))
	// Output:
	// NPS undefined, n=0 <nil>
	// {"score_points":null,"score_interval_points":null,"std_err_points":null,"n":0,"promoters":0,"promoters_pct":null,"passives":0,"passives_pct":null,"detractors":0,"detractors_pct":null,"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9}}
}

func ExampleTally_Merge() {
	var paris, lyon nps.Tally
	_ = paris.AddN(10, 30)
	_ = lyon.AddN(3, 10)
	if err := paris.Merge(&lyon); err != nil {
		fmt.Println(err)
	}
	s, _ := paris.Score()
	fmt.Println(paris.N(), s)
	oneToTen, _ := nps.NewScale(1, 10, 7, 9)
	fmt.Println(paris.Merge(nps.NewTally(oneToTen)))
	// Output:
	// 40 +50.0
	// nps: tallies on different scales: merging a tally on 1–10 (passives 7, promoters 9) into one on 0–10 (passives 7, promoters 9)
}

// Partial tallies travel between machines as bytes (or JSON) and merge.
func ExampleTally_MarshalBinary() {
	var shard nps.Tally
	_ = shard.AddN(9, 7)
	_ = shard.AddN(4, 2)
	data, _ := shard.MarshalBinary()

	var total, received nps.Tally
	if err := received.UnmarshalBinary(data); err != nil {
		fmt.Println(err)
	}
	_ = total.Merge(&received)
	fmt.Println(len(data), total.N())
	// Output:
	// 17 9
}

func ExampleTally_MarshalJSON() {
	var t nps.Tally
	_ = t.AddN(10, 2)
	_ = t.Add(0)
	js, _ := json.Marshal(&t)
	fmt.Println(string(js))
	// Output:
	// {"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[1,0,0,0,0,0,0,0,0,0,2]}
}

// A tally decoded from JSON (as sent by another service) merges like any
// other; JSON that is not exactly what MarshalJSON writes is refused.
func ExampleTally_UnmarshalJSON() {
	var t nps.Tally
	err := json.Unmarshal([]byte(`{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[1,0,0,0,0,0,0,0,4,0,5]}`), &t)
	s, _ := t.Score()
	fmt.Println(err, t.N(), s)
	fmt.Println(t.UnmarshalJSON([]byte(`{"counts":[1,0,0,0,0,0,0,0,4,0,5]}`)) != nil)
	// Output:
	// <nil> 10 +40.0
	// true
}

func ExampleTally_Clone() {
	var t nps.Tally
	_ = t.AddN(9, 3)
	c := t.Clone()
	_ = c.Add(0)
	fmt.Println(t.N(), c.N())
	// Output:
	// 3 4
}

// A scale from 1 to 10 with the usual breaks.
func ExampleNewScale() {
	s, err := nps.NewScale(1, 10, 7, 9)
	if err != nil {
		fmt.Println(err)
		return
	}
	t := nps.NewTally(s)
	_ = t.Add(1)
	_ = t.Add(10)
	fmt.Println(s, t.N(), t.Add(0) != nil)
	// Output:
	// 1–10 (passives 7, promoters 9) 2 true
}

func ExampleScale_Classify() {
	fivePoint, _ := nps.NewScale(1, 5, 4, 5)
	c, _ := fivePoint.Classify(4)
	fmt.Println(c)
	// Output:
	// passive
}

// The employee NPS ("would you recommend us as a place to work?") is the
// same engine on the same scale.
func ExampleTally_employee() {
	var enps nps.Tally
	_ = enps.AddUint8s([]uint8{9, 10, 6, 7, 8, 9, 2, 10, 5, 9})
	s, _ := enps.Score()
	fmt.Println("eNPS", s)
	// Output:
	// eNPS +20.0
}

func ExampleCompare() {
	var before, after nps.Tally
	_ = before.AddN(10, 380)
	_ = before.AddN(8, 320)
	_ = before.AddN(3, 300)
	_ = after.AddN(10, 412)
	_ = after.AddN(8, 301)
	_ = after.AddN(3, 287)
	c, err := nps.Compare(&after, &before, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c)
	js, _ := json.Marshal(c)
	fmt.Println(string(js))
	// Output:
	// Δ +4.5 points (95% wald CI -2.7…+11.7), z = 1.22, p = 0.22
	// {"delta_points":4.5,"std_err_points":3.683714158291872,"z":1.2215931547975039,"p_value":0.22186151851414646,"delta_interval_points":{"lo":-2.719947079592348,"hi":11.719947079592348,"level":0.95,"method":"wald"}}
}

func ExamplePlan_SampleSize() {
	plan := nps.Plan{Promoters: 0.5, Detractors: 0.2, Margin: 0.05, Level: 0.95}
	n, _ := plan.SampleSize()
	fmt.Println(n)
	plan.Population = 500 // employee NPS in a company of 500
	n, _ = plan.SampleSize()
	fmt.Println(n)
	plan.Population, plan.Margin = 0, 1e-12
	_, err := plan.SampleSize()
	fmt.Println(err)
	// Output:
	// 938
	// 327
	// nps: invalid plan: margin 1e-12 needs more than 2⁵³ responses
}

// Group by month with its year: a time.Month key would put January 2025
// and January 2026 together.
func ExampleTallyBy() {
	jan := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	responses := []nps.Response{
		{Score: 2, At: jan.AddDate(-1, 0, 0)},
		{Score: 10, At: jan}, {Score: 4, At: jan},
		{Score: 9, At: jan.AddDate(0, 1, 0)}, {Score: 9, At: jan.AddDate(0, 1, 0)},
	}
	byMonth, err := nps.TallyBy(slices.Values(responses), nps.Standard, func(r nps.Response) period.Month {
		return period.MonthOf(r.At, time.UTC)
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range slices.Sorted(maps.Keys(byMonth)) {
		s, _ := byMonth[m].Score()
		fmt.Println(m, s)
	}
	// Output:
	// 2025-01 -100.0
	// 2026-01 +0.0
	// 2026-02 +100.0
}

func ExampleWeightedOf() {
	responses := []nps.Response{{Score: 10, Weight: 2}, {Score: 0, Weight: 1}, {Score: 8, Weight: 1}}
	w, err := nps.WeightedOf(slices.Values(responses), nps.Standard)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := w.Result(0.95, nps.Wald)
	fmt.Println(r)
	// Output:
	// weighted NPS +25.0 (95% wald -71.5…+100.0), n=3, design effect 1.12
}

func ExampleWeightedBy() {
	responses := []nps.Response{
		{Score: 10, Weight: 2, At: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)},
		{Score: 0, Weight: 1, At: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)},
		{Score: 8, Weight: 1, At: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)},
	}
	byMonth, _ := nps.WeightedBy(slices.Values(responses), nps.Standard, func(r nps.Response) period.Month { return period.MonthOf(r.At, nil) })
	s, _ := byMonth[period.YearMonth(2026, time.March)].Score()
	fmt.Printf("%.3f\n", s)
	// Output:
	// 0.333
}

func ExampleWeighted() {
	var w nps.Weighted
	_ = w.Add(nps.Response{Score: 10, Weight: 1.5}) // an under-represented segment counts more
	_ = w.Add(nps.Response{Score: 9, Weight: 1.5})
	_ = w.Add(nps.Response{Score: 3, Weight: 0.5})
	_ = w.Add(nps.Response{Score: 7, Weight: 0.5})
	s, _ := w.Score()
	se, _ := w.StdErr()
	neff, _ := w.EffectiveN()
	ci, _, _ := w.Interval(0.95)
	fmt.Printf("%.3f ± %.3f, n_eff %.1f, %v\n", s, se, neff, ci)
	// Output:
	// 0.625 ± 0.295, n_eff 3.2, [0.04718, 1] (95% wald)
}

// Weights are summed exactly: tiny and huge weights keep every digit, and
// the order of the responses does not matter.
func ExampleWeighted_exact() {
	var a, b nps.Weighted
	rs := []nps.Response{{Score: 10, Weight: 1e-18}, {Score: 0, Weight: 1e18}, {Score: 10, Weight: 1e-18}}
	for i := range rs {
		_ = a.Add(rs[i])
		_ = b.Add(rs[len(rs)-1-i])
	}
	x, _ := a.MarshalBinary()
	y, _ := b.MarshalBinary()
	s, _ := a.Score()
	fmt.Println(string(x) == string(y), s)
	// Output:
	// true -1
}

func ExampleNewWeighted() {
	oneToTen, _ := nps.NewScale(1, 10, 7, 9)
	w := nps.NewWeighted(oneToTen)
	_ = w.Add(nps.Response{Score: 10, Weight: 2})
	_ = w.Add(nps.Response{Score: 1, Weight: 1})
	s, _ := w.Score()
	fmt.Printf("%.3f over %v responses\n", s, w.N())
	// Output:
	// 0.333 over 2 responses
}

// Weighted tallies of two regions merge into the national figure.
func ExampleWeighted_Merge() {
	var north, south nps.Weighted
	_ = north.Add(nps.Response{Score: 9, Weight: 1.2})
	_ = south.Add(nps.Response{Score: 4, Weight: 0.8})
	if err := north.Merge(&south); err != nil {
		fmt.Println(err)
	}
	s, _ := north.Score()
	fmt.Printf("%.1f from %v responses, weight %.1f\n", s, north.N(), north.Weight())
	// Output:
	// 0.2 from 2 responses, weight 2.0
}

func ExampleWeighted_MarshalJSON() {
	var w nps.Weighted
	_ = w.Add(nps.Response{Score: 9, Weight: 1.25})
	_ = w.Add(nps.Response{Score: 9, Weight: 0.5})
	js, _ := json.Marshal(&w)
	fmt.Println(string(js))
	// Output:
	// {"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[0,0,0,0,0,0,0,0,0,2,0],"weight":["0","0","0","0","0","0","0","0","0","1.75","0"],"square":["0","0","0","0","0","0","0","0","0","1.8125","0"]}
}

func ExampleCategory_String() {
	fmt.Println(nps.Detractor, nps.Passive, nps.Promoter, int(nps.Promoter))
	// Output:
	// detractor passive promoter 1
}

func ExampleScale() {
	s := nps.Standard
	fmt.Println(s.Min(), s.Max(), s.PassiveFrom(), s.PromoterFrom(), s.Points())
	// Output:
	// 0 10 7 9 11
}

func ExampleTallyColumns() {
	// Responses of two stores, 0 and 1, as columns.
	stores := []uint32{0, 0, 1, 0, 1}
	scores := []uint8{10, 0, 10, 10, 0}
	tallies, err := nps.TallyColumns(stores, scores, nps.Standard, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(tallies), tallies[0].N(), tallies[0].Promoters(), tallies[1].N())
	_, err = nps.TallyColumns([]uint32{0, 2}, scores[:2], nps.Standard, 2)
	fmt.Println(err)
	// Output:
	// 2 3 2 2
	// nps: row 1: malformed columns: group 2 not below 2
}
