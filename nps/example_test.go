package nps_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/rapportkit/rapport/nps"
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

func ExampleOf() {
	r, err := nps.Of([]int{10, 9, 9, 8, 7, 10, 6, 3, 9, 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	// Output:
	// NPS +40.0 (95% adjusted-wald -12.6…+74.1), n=10: 6 promoters, 2 passives, 2 detractors
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
	// score 2: nps: score out of range: 42 not in 0..10 10
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
		ci, _ := t.Interval(0.95, m)
		fmt.Println(ci)
	}
	// Output:
	// [0.305, 0.595] (95% wald)
	// [0.2934, 0.5804] (95% adjusted-wald)
	// [0.2926, 0.5813] (95% tango)
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

func ExampleTally_Result() {
	var t nps.Tally
	_ = t.AddN(10, 412)
	_ = t.AddN(7, 301)
	_ = t.AddN(5, 287)
	r, _ := t.Result(0.90, nps.Tango)
	fmt.Println(r)
	// Output:
	// NPS +12.5 (90% tango +8.2…+16.8), n=1000: 412 promoters, 301 passives, 287 detractors
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
	// Output:
	// 40 +50.0
}

// Partial tallies travel between machines as bytes (or JSON) and merge.
func ExampleTally_MarshalBinary() {
	var shard nps.Tally
	_ = shard.AddN(9, 7)
	_ = shard.AddN(4, 2)
	data, _ := shard.MarshalBinary()

	var total nps.Tally
	var received nps.Tally
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
	// Output:
	// Δ +4.5 points (95% CI -2.7…+11.7), z = 1.22, p = 0.22
}

func ExamplePlan_SampleSize() {
	plan := nps.Plan{Promoters: 0.5, Detractors: 0.2, Margin: 0.05, Level: 0.95}
	n, _ := plan.SampleSize()
	fmt.Println(n)
	plan.Population = 500 // employee NPS in a company of 500
	n, _ = plan.SampleSize()
	fmt.Println(n)
	// Output:
	// 938
	// 327
}

func ExampleTallyBy() {
	jan := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	responses := []nps.Response{
		{Score: 10, At: jan}, {Score: 4, At: jan},
		{Score: 9, At: jan.AddDate(0, 1, 0)}, {Score: 9, At: jan.AddDate(0, 1, 0)},
	}
	byMonth, err := nps.TallyBy(slices.Values(responses), func(r nps.Response) time.Month { return r.At.Month() })
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []time.Month{time.January, time.February} {
		s, _ := byMonth[m].Score()
		fmt.Println(m, s)
	}
	// Output:
	// January +0.0
	// February +100.0
}

func ExampleWeightedBy() {
	responses := []nps.Response{{Score: 10, Weight: 2}, {Score: 0, Weight: 1}, {Score: 8, Weight: 1}}
	groups, _ := nps.WeightedBy(slices.Values(responses), func(nps.Response) string { return "all" })
	s, _ := groups["all"].Score()
	fmt.Println(s)
	// Output:
	// 0.25
}

func ExampleWeighted() {
	var w nps.Weighted
	_ = w.Add(10, 1.5) // an under-represented segment counts more
	_ = w.Add(9, 1.5)
	_ = w.Add(3, 0.5)
	_ = w.Add(7, 0.5)
	s, _ := w.Score()
	se, _ := w.StdErr()
	neff, _ := w.EffectiveN()
	ci, _ := w.Interval(0.95)
	fmt.Printf("%.3f ± %.3f, n_eff %.1f, %v\n", s, se, neff, ci)
	// Output:
	// 0.625 ± 0.295, n_eff 3.2, [0.04718, 1] (95% wald)
}

func ExampleTally_Count() {
	var t nps.Tally
	_ = t.AddUint8s([]uint8{10, 10, 9, 3})
	fmt.Println(t.Count(10), t.Count(9), t.Count(5), t.Count(42))
	// Output:
	// 2 1 0 0
}

// A tally decoded from JSON (as sent by another service) merges like any other.
func ExampleTally_UnmarshalJSON() {
	var t nps.Tally
	err := json.Unmarshal([]byte(`{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[1,0,0,0,0,0,0,0,4,0,5]}`), &t)
	s, _ := t.Score()
	fmt.Println(err, t.N(), s)
	// Output:
	// <nil> 10 +40.0
}

func ExampleNewWeighted() {
	oneToTen, _ := nps.NewScale(1, 10, 7, 9)
	w := nps.NewWeighted(oneToTen)
	_ = w.Add(10, 2)
	_ = w.Add(1, 1)
	s, _ := w.Score()
	fmt.Printf("%.3f over %v responses\n", s, w.N())
	// Output:
	// 0.333 over 2 responses
}

// Weighted tallies of two regions merge into the national figure.
func ExampleWeighted_Merge() {
	var north, south nps.Weighted
	_ = north.Add(9, 1.2)
	_ = south.Add(4, 0.8)
	if err := north.Merge(&south); err != nil {
		fmt.Println(err)
	}
	s, _ := north.Score()
	fmt.Printf("%.1f from %v responses, weight %.1f\n", s, north.N(), north.Weight())
	// Output:
	// 0.2 from 2 responses, weight 2.0
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
