package ces_test

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/rapportkit/rapport/ces"
)

func ExampleTallyOf() {
	var responses []ces.Response
	for _, score := range []int{7, 6, 6, 5, 4, 2, 7, 6} {
		responses = append(responses, ces.Response{Score: score})
	}
	t, err := ces.TallyOf(slices.Values(responses), ces.SevenPointEase)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := t.Result(0.95, ces.StudentT)
	fmt.Println(r)
	// Output:
	// CES mean 5.38 on 1–7, higher is easier (95% t 3.97…6.78), ease 72.9%, n=8: 75.0% low effort, 12.5% neutral, 12.5% high effort, net +62.5
}

// The original effort question: 1 = minimal effort … 5 = maximal effort.
func ExampleTally() {
	t := ces.NewTally(ces.FivePointEffort)
	for score, n := range map[int]uint64{1: 190, 2: 240, 3: 110, 4: 330, 5: 140} {
		_ = t.AddN(score, n)
	}
	mean, _ := t.Mean()
	net, _ := t.Net()
	fmt.Printf("n %d, mean effort %.4f, low %d, neutral %d, high %d, net %+.2f%%\n",
		t.N(), mean, t.LowEffort(), t.Neutral(), t.HighEffort(), 100*net)
	fmt.Println(t.Add(6))
	// Output:
	// n 1010, mean effort 2.9901, low 430, neutral 110, high 470, net -3.96%
	// ces: score out of range: 6 not in 1..5
}

// An empty tally has no mean: ok is false rather than a silent 0.
func ExampleTally_Mean() {
	var t ces.Tally // the zero value is ready, on the CES 2.0 1–7 scale
	_, ok := t.Mean()
	fmt.Println(ok)
	_ = t.AddN(6, 3)
	_ = t.Add(2)
	m, ok := t.Mean()
	fmt.Println(m, ok)
	// Output:
	// false
	// 5 true
}

func ExampleTally_StdDev() {
	var t ces.Tally
	_ = t.AddN(7, 2)
	_ = t.AddN(3, 2)
	sd, _ := t.StdDev()
	fmt.Printf("%.4f\n", sd)
	// Output:
	// 2.3094
}

// Ease puts scales of either polarity on [0, 1], 1 the easiest.
func ExampleTally_Ease() {
	effort := ces.NewTally(ces.FivePointEffort)
	_ = effort.AddN(2, 10) // low effort
	ease := ces.NewTally(ces.SevenPointEase)
	_ = ease.AddN(5, 10) // somewhat easy
	a, _ := effort.Ease()
	b, _ := ease.Ease()
	fmt.Printf("%.3f %.3f\n", a, b)
	// Output:
	// 0.750 0.667
}

func ExampleTally_Share() {
	var t ces.Tally
	_ = t.AddN(7, 50)
	_ = t.AddN(4, 30)
	_ = t.AddN(1, 20)
	for _, e := range []ces.Effort{ces.LowEffort, ces.NeutralEffort, ces.HighEffort} {
		s, _ := t.Share(e)
		fmt.Println(e, s)
	}
	// Output:
	// low effort 0.5
	// neutral 0.3
	// high effort 0.2
}

func ExampleTally_Net() {
	var t ces.Tally
	_ = t.AddN(6, 62)
	_ = t.AddN(4, 14)
	_ = t.AddN(2, 24)
	net, _ := t.Net()
	fmt.Println(net)
	// Output:
	// 0.38
}

func ExampleTally_Distribution() {
	t := ces.NewTally(ces.FivePointEffort)
	_ = t.AddN(1, 3)
	_ = t.AddN(4, 1)
	bins, _ := t.Distribution()
	for _, b := range bins {
		fmt.Printf("%d: %d (%.0f%%)\n", b.Score, b.Count, 100*b.Share)
	}
	// Output:
	// 1: 3 (75%)
	// 2: 0 (0%)
	// 3: 0 (0%)
	// 4: 1 (25%)
	// 5: 0 (0%)
}

func ExampleTally_Interval() {
	var t ces.Tally
	for score, n := range map[int]uint64{1: 4, 2: 6, 3: 10, 4: 20, 5: 40, 6: 60, 7: 60} {
		_ = t.AddN(score, n)
	}
	ci, _, _ := t.Interval(0.95)
	fmt.Printf("[%.6f, %.6f] %s\n", ci.Lo, ci.Hi, ci.Method)
	var one ces.Tally
	_ = one.Add(5)
	_, ok, err := one.Interval(0.95)
	fmt.Println(ok, err) // a single response has no interval, and no error
	// Output:
	// [5.326989, 5.733011] t
	// false <nil>
}

func ExampleTally_EaseInterval() {
	t := ces.NewTally(ces.FivePointEffort)
	for score, n := range map[int]uint64{1: 190, 2: 240, 3: 110, 4: 330, 5: 140} {
		_ = t.AddN(score, n)
	}
	ci, _, _ := t.EaseInterval(0.95)
	fmt.Println(ci)
	// Output:
	// [0.4813, 0.5236] (95% t)
}

func ExampleTally_Result() {
	var t ces.Tally
	_ = t.AddN(7, 30)
	_ = t.AddN(5, 32)
	_ = t.AddN(4, 14)
	_ = t.AddN(2, 24)
	r, _ := t.Result(0.90, ces.StudentT)
	js, _ := json.Marshal(r)
	fmt.Println(string(js))
	// Output:
	// {"scale":{"min":1,"max":7,"polarity":"higher-is-easier","low_to":3,"high_from":5},"mean_score":4.74,"mean_interval_score":{"lo":4.430833975984368,"hi":5.049166024015633,"level":0.9,"method":"t"},"std_dev_score":1.8620071715948645,"ease_pct":62.33333333333334,"ease_interval_pct":{"lo":57.18056626640613,"hi":67.48610040026054,"level":0.9,"method":"t"},"net_points":38,"n":100,"low_effort":62,"neutral":14,"high_effort":24,"low_effort_pct":62,"neutral_pct":14,"high_effort_pct":24}
}

func ExampleTally_Merge() {
	var paris, lyon ces.Tally
	_ = paris.AddN(7, 30)
	_ = lyon.AddN(3, 10)
	if err := paris.Merge(&lyon); err != nil {
		fmt.Println(err)
	}
	m, _ := paris.Mean()
	fmt.Println(paris.N(), m)
	fmt.Println(paris.Merge(ces.NewTally(ces.FivePointEffort)) != nil)
	// Output:
	// 40 6
	// true
}

// Partial tallies travel between machines as bytes (or JSON) and merge.
func ExampleTally_MarshalBinary() {
	shard := ces.NewTally(ces.FivePointEffort)
	_ = shard.AddN(1, 7)
	_ = shard.AddN(4, 2)
	data, _ := shard.MarshalBinary()

	var received ces.Tally
	if err := received.UnmarshalBinary(data); err != nil {
		fmt.Println(err)
	}
	fmt.Println(len(data), received.N(), received.Scale() == ces.FivePointEffort)
	// Output:
	// 12 9 true
}

func ExampleTally_MarshalJSON() {
	t := ces.NewTally(ces.FivePointEffort)
	_ = t.AddN(1, 2)
	js, _ := json.Marshal(t)
	fmt.Println(string(js))
	// Output:
	// {"scale":{"min":1,"max":5,"polarity":"lower-is-easier","low_to":2,"high_from":4},"counts":[2,0,0,0,0]}
}

func ExampleCompare() {
	after, before := ces.NewTally(ces.SevenPointEase), ces.NewTally(ces.SevenPointEase)
	for i, n := range []uint64{4, 6, 10, 20, 40, 60, 60} {
		_ = after.AddN(i+1, n)
	}
	for i, n := range []uint64{10, 12, 18, 30, 45, 35, 20} {
		_ = before.AddN(i+1, n)
	}
	c, err := ces.Compare(after, before, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c)
	// Output:
	// Δ +0.92 (95% welch CI +0.60…+1.24), t = 5.67, df = 340.5, p = 3e-08
}

// Channels ranked from the easiest: customers will prefer the low-effort
// ones. Each is tested against the easiest, with Holm's correction.
func ExampleRank() {
	responses := []ces.Response{}
	for channel, counts := range map[string][]uint64{
		"chat":  {2, 3, 5, 10, 30, 50, 40},
		"phone": {10, 15, 20, 30, 40, 25, 10},
		"store": {1, 2, 3, 5, 10, 20, 30},
	} {
		for i, n := range counts {
			for range n {
				responses = append(responses, ces.Response{Score: i + 1, Channel: channel})
			}
		}
	}
	byChannel, _ := ces.TallyBy(slices.Values(responses), ces.SevenPointEase, func(r ces.Response) string { return r.Channel })
	ranked, err := ces.Rank(byChannel, 0.05)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range ranked {
		fmt.Println(r)
	}
	// Output:
	// store: mean 5.83, ease 80.5%, n=71
	// chat: mean 5.66, ease 77.7%, n=140, Δ -0.17, p = 0.41 (Holm 0.41)
	// phone: mean 4.27, ease 54.4%, n=150, Δ -1.56, p = 1.5e-11 (Holm 2.9e-11), significant
}

func ExampleTallyBy() {
	responses := []ces.Response{
		{Score: 1, Channel: "chat"}, {Score: 2, Channel: "chat"},
		{Score: 4, Channel: "phone"}, {Score: 5, Channel: "phone"},
	}
	byChannel, err := ces.TallyBy(slices.Values(responses), ces.FivePointEffort, func(r ces.Response) string { return r.Channel })
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ch := range []string{"chat", "phone"} {
		m, _ := byChannel[ch].Mean()
		fmt.Println(ch, m)
	}
	// Output:
	// chat 1.5
	// phone 4.5
}

func ExampleNewScale() {
	s, err := ces.NewScale(1, 10, ces.HigherIsEasier)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s)
	// Output:
	// 1–10, higher is easier (easy 7–10, neutral 5–6, difficult 1–4)
}

func ExampleScale_WithBands() {
	s, _ := ces.SevenPointEase.WithBands(4, 6) // easy 6–7, difficult 1–4
	fmt.Println(s)
	// Output:
	// 1–7, higher is easier (easy 6–7, neutral 5, difficult 1–4)
}

func ExampleScale_Classify() {
	for _, score := range []int{1, 3, 5} {
		e, _ := ces.FivePointEffort.Classify(score)
		fmt.Println(score, e)
	}
	// Output:
	// 1 low effort
	// 3 neutral
	// 5 high effort
}

func ExampleScale_Ease() {
	a, _ := ces.FivePointEffort.Ease(2)
	b, _ := ces.SevenPointEase.Ease(2)
	fmt.Println(a, b)
	// Output:
	// 0.75 0.16666666666666666
}

// An empty tally has a Result: its figures are undefined, null in JSON.
func ExampleTally_Result_empty() {
	t := ces.NewTally(ces.FivePointEffort)
	r, err := t.Result(0.95, ces.StudentT)
	fmt.Println(r, err)
	// Output:
	// CES undefined, n=0 on 1–5, lower is easier <nil>
}

func ExampleTally_Clone() {
	var t ces.Tally
	_ = t.AddN(6, 3)
	c := t.Clone()
	_ = c.Add(1)
	fmt.Println(t.N(), c.N())
	// Output:
	// 3 4
}

// CES 2.0 answers exported as texts, in English or French.
func ExampleSevenPointEaseLabels() {
	var t ces.Tally
	for _, answer := range []string{"Strongly agree", "Somewhat agree", "Tout à fait d’accord", "Plutôt pas d'accord", "Agree", "Disagree"} {
		p, err := ces.SevenPointEaseLabels.Point(answer)
		if err != nil {
			fmt.Println(err)
			continue
		}
		_ = t.Add(p)
	}
	net, _ := t.Net()
	fmt.Printf("n %d, net %+.0f points\n", t.N(), 100*net)
	_, err := ces.SevenPointEaseLabels.Point("Bof")
	fmt.Println(err)
	// Output:
	// n 6, net +33 points
	// ces: unknown label "Bof"
}

// The effort question's wordings, "Very low effort" … "Very high effort"
// and "Very easy" … "Very difficult", on the 1–5 effort scale.
func ExampleFivePointEffortLabels() {
	for _, answer := range []string{"Very low effort", "High effort", "Neither easy nor difficult", "Très difficile"} {
		p, _ := ces.FivePointEffortLabels.Point(answer)
		e, _ := ces.FivePointEffort.Classify(p)
		fmt.Println(p, e)
	}
	// Output:
	// 1 low effort
	// 4 high effort
	// 3 neutral
	// 5 high effort
}

// A survey's own wording extends a built-in set.
func ExampleLabels_With() {
	labels, _ := ces.SevenPointEaseLabels.With(map[string]int{"Un jeu d'enfant": 7})
	p, _ := labels.Point("un jeu d’enfant")
	fmt.Println(p)
	// Output:
	// 7
}

func ExampleNewLabels() {
	tenPoint, _ := ces.NewScale(1, 10, ces.HigherIsEasier)
	labels, _ := ces.NewLabels(tenPoint, map[string]int{"Very difficult": 1, "Very easy": 10})
	p, _ := labels.Point("VERY EASY")
	fmt.Println(p)
	// Output:
	// 10
}

func ExampleTallyColumns() {
	// Responses of two stores, 0 and 1, as columns.
	stores := []uint32{0, 0, 1, 0, 1}
	scores := []uint8{7, 1, 7, 7, 1}
	tallies, err := ces.TallyColumns(stores, scores, ces.SevenPointEase, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := tallies[0].Mean()
	fmt.Println(len(tallies), tallies[0].N(), m, tallies[1].N())
	_, err = ces.TallyColumns([]uint32{0, 2}, scores[:2], ces.SevenPointEase, 2)
	fmt.Println(err)
	// Output:
	// 2 3 5 2
	// ces: row 1: malformed columns: group 2 not below 2
}
