package csat_test

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/rapportkit/rapport/csat"
)

func ExampleTallyOf() {
	var responses []csat.Response
	for _, score := range []int{5, 4, 4, 3, 2, 5, 5, 4, 1, 4} {
		responses = append(responses, csat.Response{Score: score})
	}
	t, err := csat.TallyOf(slices.Values(responses), csat.FivePoint)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := t.Result(0.95, csat.Wilson)
	fmt.Println(r)
	// Output:
	// CSAT 70.0% (95% wilson 39.7…89.2), n=10: 7 satisfied, 1 neutral, 2 dissatisfied; mean 3.70 on 1–5
}

func ExampleTally() {
	var t csat.Tally // the zero value is ready, on the 1–5 scale
	for _, score := range []int{5, 4, 3, 1} {
		if err := t.Add(score); err != nil {
			fmt.Println(err)
		}
	}
	_ = t.AddN(4, 96) // 96 more fours
	s, _ := t.Score()
	fmt.Println(t.N(), t.Satisfied(), t.Neutral(), t.Dissatisfied(), s)
	fmt.Println(t.Add(6))
	// Output:
	// 100 98 1 1 0.98
	// csat: score out of range: 6 not in 1..5
}

// An empty tally has no score: ok is false rather than a silent 0.
func ExampleTally_Score_empty() {
	var t csat.Tally
	_, ok := t.Score()
	fmt.Println(ok)
	// Output:
	// false
}

func ExampleTally_Dissatisfaction() {
	t := csat.NewTally(csat.SevenPoint)
	_ = t.AddN(1, 3)
	_ = t.AddN(2, 9)
	_ = t.AddN(6, 88)
	d, _ := t.Dissatisfaction()
	fmt.Printf("dissatisfied %.0f%%, above 10%%: %v\n", 100*d, d > 0.10)
	// Output:
	// dissatisfied 12%, above 10%: true
}

// The mean and standard deviation are exact from the counts.
func ExampleTally_Mean() {
	var t csat.Tally
	for score, n := range map[int]uint64{1: 190, 2: 240, 3: 110, 4: 330, 5: 140} {
		_ = t.AddN(score, n)
	}
	mean, _ := t.Mean()
	sd, _ := t.StdDev()
	fmt.Printf("mean %.4f, sd %.4f, n %d\n", mean, sd, t.N())
	// Output:
	// mean 2.9901, sd 1.3686, n 1010
}

func ExampleTally_StdDev() {
	t := csat.NewTally(csat.TenPoint)
	_ = t.AddN(10, 3)
	_ = t.AddN(6, 1)
	sd, ok := t.StdDev()
	fmt.Println(sd, ok)
	// Output:
	// 2 true
}

func ExampleTally_Distribution() {
	var t csat.Tally
	_ = t.AddN(5, 3)
	_ = t.AddN(4, 1)
	bins, _ := t.Distribution()
	for _, b := range bins {
		fmt.Printf("%d: %d (%.0f%%)\n", b.Score, b.Count, 100*b.Share)
	}
	// Output:
	// 1: 0 (0%)
	// 2: 0 (0%)
	// 3: 0 (0%)
	// 4: 1 (25%)
	// 5: 3 (75%)
}

func ExampleTally_Interval() {
	t := csat.NewTally(csat.Binary)
	_ = t.AddN(1, 85) // yes
	_ = t.AddN(0, 15) // no
	for _, m := range []csat.Method{csat.Wilson, csat.ClopperPearson, csat.Jeffreys, csat.AgrestiCoull} {
		ci, _, _ := t.Interval(0.95, m)
		fmt.Printf("%.7f %.7f %s\n", ci.Lo, ci.Hi, ci.Method)
	}
	// Output:
	// 0.7671644 0.9069401 wilson
	// 0.7646925 0.9135456 clopper-pearson
	// 0.7704693 0.9096305 jeffreys
	// 0.7660188 0.9080858 agresti-coull
}

func ExampleTally_DissatisfactionInterval() {
	var t csat.Tally
	_ = t.AddN(1, 4)
	_ = t.AddN(2, 8)
	_ = t.AddN(5, 188)
	ci, _, _ := t.DissatisfactionInterval(0.95, csat.Wilson)
	fmt.Println(ci)
	// Output:
	// [0.03465, 0.1019] (95% wilson)
}

func ExampleTally_Result() {
	t := csat.NewTally(csat.SevenPoint)
	for score, n := range map[int]uint64{7: 120, 6: 180, 5: 60, 4: 20, 3: 10, 2: 6, 1: 4} {
		_ = t.AddN(score, n)
	}
	r, _ := t.Result(0.90, csat.Jeffreys)
	fmt.Println(r)
	js, _ := json.Marshal(r)
	fmt.Println(string(js))
	// Output:
	// CSAT 75.0% (90% jeffreys 71.3…78.4), n=400: 300 satisfied, 90 neutral, 10 dissatisfied; mean 5.87 on 1–7
	// {"satisfied_pct":75,"satisfied_interval_pct":{"lo":71.31233025742547,"hi":78.42139631431945,"level":0.9,"method":"jeffreys"},"n":400,"satisfied":300,"neutral":90,"neutral_pct":22.5,"dissatisfied":10,"dissatisfied_pct":2.5,"mean_score":5.865,"std_dev_score":1.1619597135614683,"scale":{"min":1,"max":7,"satisfied_from":6,"dissatisfied_to":2}}
}

func ExampleTally_Merge() {
	var paris, lyon csat.Tally
	_ = paris.AddN(5, 30)
	_ = lyon.AddN(2, 10)
	if err := paris.Merge(&lyon); err != nil {
		fmt.Println(err)
	}
	s, _ := paris.Score()
	fmt.Println(paris.N(), s)
	fmt.Println(paris.Merge(csat.NewTally(csat.SevenPoint)))
	// Output:
	// 40 0.75
	// csat: tallies on different scales: merging a tally on 1–7 (satisfied 6–7, dissatisfied 1–2) into one on 1–5 (satisfied 4–5, dissatisfied 1–2)
}

// Partial tallies travel between machines as bytes (or JSON) and merge.
func ExampleTally_MarshalBinary() {
	var shard csat.Tally
	_ = shard.AddN(4, 7)
	_ = shard.AddN(2, 2)
	data, _ := shard.MarshalBinary()

	var total, received csat.Tally
	if err := received.UnmarshalBinary(data); err != nil {
		fmt.Println(err)
	}
	_ = total.Merge(&received)
	fmt.Println(len(data), total.N())
	// Output:
	// 11 9
}

func ExampleTally_MarshalJSON() {
	t := csat.NewTally(csat.Binary)
	_ = t.AddN(1, 2)
	_ = t.Add(0)
	js, _ := json.Marshal(t)
	fmt.Println(string(js))
	// Output:
	// {"scale":{"min":0,"max":1,"satisfied_from":1,"dissatisfied_to":0},"counts":[1,2]}
}

func ExampleTally_Level() {
	var t csat.Tally
	_ = t.AddN(5, 83)
	_ = t.AddN(3, 17)
	l, _, _ := t.Level(csat.DefaultLevels)
	fmt.Println(l)
	demanding := csat.DefaultLevels
	demanding.VeryGood = 0.90
	l, _, _ = t.Level(demanding)
	fmt.Println(l)
	// Output:
	// very good
	// good
}

func ExampleLevels_Classify() {
	for _, share := range []float64{0.92, 0.80, 0.65, 0.4} {
		l, _ := csat.DefaultLevels.Classify(share)
		fmt.Println(share, l)
	}
	// Output:
	// 0.92 very good
	// 0.8 good
	// 0.65 fair
	// 0.4 poor
}

func ExampleCompare() {
	phone, chat := csat.NewTally(csat.FivePoint), csat.NewTally(csat.FivePoint)
	_ = phone.AddN(5, 412)
	_ = phone.AddN(2, 88)
	_ = chat.AddN(4, 380)
	_ = chat.AddN(3, 120)
	c, err := csat.Compare(phone, chat, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c)
	// Output:
	// Δ +6.4 points (95% newcombe CI +1.4…+11.4), z = 2.49, p = 0.013
}

// Where everyone is satisfied in both samples the test is undefined,
// not a silent 0: z and p are nil.
func ExampleCompare_undefined() {
	a, b := csat.NewTally(csat.Binary), csat.NewTally(csat.Binary)
	_ = a.AddN(1, 40)
	_ = b.AddN(1, 25)
	c, _ := csat.Compare(a, b, 0.95)
	fmt.Println(c)
	fmt.Println(c.Z == nil, c.PValue == nil)
	// Output:
	// Δ +0.0 points (95% newcombe CI -8.8…+13.3), z and p undefined: no variance
	// true true
}

func ExampleTallyBy() {
	responses := []csat.Response{
		{Score: 5, Channel: "phone"}, {Score: 2, Channel: "phone"},
		{Score: 4, Channel: "chat"}, {Score: 5, Channel: "chat"},
	}
	byChannel, err := csat.TallyBy(slices.Values(responses), csat.FivePoint, func(r csat.Response) string { return r.Channel })
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ch := range []string{"chat", "phone"} {
		s, _ := byChannel[ch].Score()
		fmt.Println(ch, s)
	}
	// Output:
	// chat 1
	// phone 0.5
}

func ExampleNewScale() {
	zeroToTen, err := csat.NewScale(0, 10, 9)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(zeroToTen)
	_, err = csat.NewScale(1, 5, 6)
	fmt.Println(err)
	// Output:
	// 0–10 (satisfied 9–10, dissatisfied 0–1)
	// csat: invalid scale: need min < satisfiedFrom ≤ max, got 1..5 satisfied from 6
}

// The top-box score counts only the best answer as satisfied.
func ExampleScale_WithTopBox() {
	topBox, _ := csat.FivePoint.WithTopBox(1)
	t := csat.NewTally(topBox)
	_ = t.AddN(5, 40)
	_ = t.AddN(4, 45)
	_ = t.AddN(1, 15)
	s, _ := t.Score()
	fmt.Println(topBox, s)
	// Output:
	// 1–5 (satisfied 5, dissatisfied 1–2) 0.4
}

func ExampleScale_WithBottomBox() {
	bottom3, _ := csat.TenPoint.WithBottomBox(3)
	c, _ := bottom3.Classify(3)
	fmt.Println(bottom3, c)
	// Output:
	// 1–10 (satisfied 9–10, dissatisfied 1–3) dissatisfied
}

func ExampleScale_Classify() {
	for _, score := range []int{2, 3, 4} {
		c, _ := csat.FivePoint.Classify(score)
		fmt.Println(score, c)
	}
	// Output:
	// 2 dissatisfied
	// 3 neutral
	// 4 satisfied
}

// Answers in English or French, whatever their case, accents or spacing.
func ExampleLabels_Point() {
	var t csat.Tally
	for _, answer := range []string{"Very satisfied", "Très satisfait", "tres SATISFAITE", "Satisfait(e)", "Neither satisfied nor dissatisfied", "2"} {
		p, err := csat.FivePointLabels.Point(answer)
		if err != nil {
			fmt.Println(err)
			continue
		}
		_ = t.Add(p)
	}
	_, err := csat.FivePointLabels.Point("Plutôt content")
	fmt.Println(t.N(), t.Satisfied(), err)
	// Output:
	// 6 4 csat: unknown label "Plutôt content"
}

func ExampleNewLabels() {
	stars, err := csat.NewLabels(csat.FivePoint, map[string]int{"★": 1, "★★": 2, "★★★": 3, "★★★★": 4, "★★★★★": 5})
	fmt.Println(err) // stars are not letters: they fold to nothing
	stars, _ = csat.NewLabels(csat.FivePoint, map[string]int{"one star": 1, "five stars": 5})
	p, _ := stars.Point("Five Stars")
	fmt.Println(p)
	// Output:
	// csat: invalid labels: label "★" is empty once folded
	// 5
}

func ExampleLabels_With() {
	labels, _ := csat.FivePointLabels.With(map[string]int{"Bof": 3, "Super": 5})
	p, _ := labels.Point("bof")
	fmt.Println(p)
	// Output:
	// 3
}

// The wordings of the common survey tools are built in, in English and
// French.
func ExampleFivePointLabels() {
	for _, answer := range []string{"Extremely satisfied", "Somewhat dissatisfied", "Plutôt satisfaite", "Pas du tout satisfait", "Neutral"} {
		p, _ := csat.FivePointLabels.Point(answer)
		fmt.Println(p, answer)
	}
	// Output:
	// 5 Extremely satisfied
	// 2 Somewhat dissatisfied
	// 4 Plutôt satisfaite
	// 1 Pas du tout satisfait
	// 3 Neutral
}

func ExampleBinaryLabels() {
	for _, answer := range []string{"Oui", "no", "YES"} {
		p, _ := csat.BinaryLabels.Point(answer)
		fmt.Println(answer, p)
	}
	// Output:
	// Oui 1
	// no 0
	// YES 1
}

func ExampleTally_Clone() {
	var t csat.Tally
	_ = t.AddN(5, 3)
	c := t.Clone()
	_ = c.Add(1)
	fmt.Println(t.N(), c.N())
	// Output:
	// 3 4
}

// An empty tally has a Result: its figures are undefined, null in JSON.
func ExampleTally_Result_empty() {
	var t csat.Tally
	r, err := t.Result(0.95, csat.Wilson)
	fmt.Println(r, err)
	js, _ := json.Marshal(r)
	fmt.Println(string(js))
	// Output:
	// CSAT undefined, n=0 on 1–5 <nil>
	// {"satisfied_pct":null,"satisfied_interval_pct":null,"n":0,"satisfied":0,"neutral":0,"neutral_pct":null,"dissatisfied":0,"dissatisfied_pct":null,"mean_score":null,"std_dev_score":null,"scale":{"min":1,"max":5,"satisfied_from":4,"dissatisfied_to":2}}
}

func ExampleTallyColumns() {
	// Responses of two stores, 0 and 1, as columns.
	stores := []uint32{0, 0, 1, 0, 1}
	scores := []uint8{5, 1, 5, 5, 1}
	tallies, err := csat.TallyColumns(stores, scores, csat.FivePoint, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(tallies), tallies[0].N(), tallies[0].Satisfied(), tallies[1].N())
	_, err = csat.TallyColumns([]uint32{0, 2}, scores[:2], csat.FivePoint, 2)
	fmt.Println(err)
	// Output:
	// 2 3 2 2
	// csat: row 1: malformed columns: group 2 not below 2
}
