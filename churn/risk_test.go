package churn

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"testing"
	"time"
)

var asOf = ts("2025-06-01")

// m returns &x: a contribution's measure.
func m(x float64) *float64 { return &x }

func TestScoreEachSignal(t *testing.T) {
	s := DefaultScorecard()
	d := func(n float64) time.Time { return asOf.Add(time.Duration(n * day)) }
	for _, c := range []struct {
		name string
		sig  Signals
		want []Contribution
	}{
		// Two complaints in the 90 days before asOf (one at exactly −90
		// days counts, one at asOf does not, one earlier does not); last
		// contact yesterday.
		{"complaints", Signals{Complaints: []time.Time{d(-90), d(-10), d(0), d(-91)}, LastContact: d(-1)},
			[]Contribution{{Complaints, 25.0 * 2 / 3, m(2)}}},
		// Contract ends in 30 days: 2/3 of 25 points.
		{"contract", Signals{ContractEnd: d(30), LastContact: d(-1)}, []Contribution{{ContractEnding, 25.0 * 2 / 3, m(30)}}},
		// Contract ended 10 days ago: full points.
		{"contract passed", Signals{ContractEnd: d(-10), LastContact: d(-1)}, []Contribution{{ContractEnding, 25, m(-10)}}},
		// 105 days since the last contact: half of 10 points.
		{"contact", Signals{LastContact: d(-105)}, []Contribution{{NoContact, 5, m(105)}}},
		{"never contacted", Signals{}, []Contribution{{NoContact, 10, nil}}},
		// Orders from 4 to 1: a 75 % fall, 15 points; rising orders none.
		{"orders", Signals{PriorOrders: 4, RecentOrders: 1, LastContact: d(-1)}, []Contribution{{FewerOrders, 15, m(0.75)}}},
		{"more orders", Signals{PriorOrders: 1, RecentOrders: 4, LastContact: d(-1)}, nil},
		// CSAT 60 %: half of 10 points; NPS answer 0: 10 points.
		{"satisfaction", Signals{Satisfaction: 0.6, HasSatisfaction: true, Recommend: 0, HasRecommend: true, LastContact: d(-1)},
			[]Contribution{{LowRecommendation, 10, m(0)}, {LowSatisfaction, 5, m(0.6)}}},
		{"unanswered", Signals{Satisfaction: 0, Recommend: 0, LastContact: d(-1)}, nil},
		// P(alive) 50 %: 1 − P(alive) = 0.5 is half-way from 0.2 to 0.8,
		// half of 25 points; 85 % gives none, 10 % all of them.
		{"half lapsed", Signals{PAlive: m(0.5), LastContact: d(-1)}, []Contribution{{Lapsed, 12.5, m(0.5)}}},
		{"alive", Signals{PAlive: m(0.85), LastContact: d(-1)}, nil},
		{"lapsed", Signals{PAlive: m(0.1), LastContact: d(-1)}, []Contribution{{Lapsed, 25, m(0.9)}}},
		{"no P(alive)", Signals{PAlive: nil, LastContact: d(-1)}, nil},
	} {
		c.sig.CustomerID = c.name
		r, err := s.Score(c.sig, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Reasons) != len(c.want) {
			t.Errorf("%s: reasons %+v, want %+v", c.name, r.Reasons, c.want)
			continue
		}
		total := 0.0
		for i, w := range c.want {
			g := r.Reasons[i]
			if g.Reason != w.Reason || !closeTo(g.Points, w.Points, 1e-14) || (g.Measure == nil) != (w.Measure == nil) ||
				g.Measure != nil && !(*g.Measure == *w.Measure || closeTo(*g.Measure, *w.Measure, 1e-14)) {
				t.Errorf("%s: reason %d = %+v, want %+v", c.name, i, g, w)
			}
			total += w.Points
		}
		if !closeTo(r.Points, total, 1e-14) {
			t.Errorf("%s: score %v, want %v", c.name, r.Points, total)
		}
	}
}

// Everything at once: capped at 100, reasons by points then code, and
// identical however often it runs.
func TestScoreAllAndRank(t *testing.T) {
	s := DefaultScorecard()
	worst := Signals{CustomerID: "w", Complaints: []time.Time{asOf.Add(-time.Hour), asOf.Add(-2 * time.Hour), asOf.Add(-3 * time.Hour)},
		ContractEnd: asOf, PriorOrders: 3, Satisfaction: 0.1, HasSatisfaction: true, Recommend: 0, HasRecommend: true}
	r, err := s.Score(worst, asOf)
	if err != nil || r.Points != 100 || len(r.Reasons) != 6 {
		t.Fatalf("worst: %v %v", r, err)
	}
	codes := make([]Reason, len(r.Reasons))
	for i, c := range r.Reasons {
		codes[i] = c.Reason
	}
	// 25, 25, 20, 10, 10, 10 points: ties in code order. They add up to
	// exactly 100: a customer scores on a contract end or on P(alive).
	if !slices.Equal(codes, []Reason{Complaints, ContractEnding, FewerOrders, NoContact, LowSatisfaction, LowRecommendation}) {
		t.Errorf("order %v", codes)
	}
	if r.String() != "w risk 100.0: complaints 25.0, contract-ending 25.0, fewer-orders 20.0, no-contact 10.0, low-satisfaction 10.0, low-recommendation 10.0" {
		t.Errorf("String = %q", r)
	}
	// The same customer without a contract, gone by the purchase model.
	lapsed := worst
	lapsed.ContractEnd, lapsed.PAlive = time.Time{}, m(0)
	if r, err := s.Score(lapsed, asOf); err != nil || r.Points != 100 || r.Reasons[1].Reason != Lapsed || r.Reasons[1].Points != 25 {
		t.Errorf("lapsed: %v %v", r, err)
	}
	// Both signals (a caller who gives P(alive) to a contractual
	// customer): clamped at 100.
	both := worst
	both.PAlive = m(0)
	if r, err := s.Score(both, asOf); err != nil || r.Points != 100 || len(r.Reasons) != 7 {
		t.Errorf("both: %v %v", r, err)
	}
	calm := Signals{CustomerID: "a", LastContact: asOf.Add(-time.Hour)}
	tie1 := Signals{CustomerID: "c", LastContact: asOf.Add(-105 * 24 * time.Hour)}
	tie2 := Signals{CustomerID: "b", LastContact: asOf.Add(-105 * 24 * time.Hour)}
	ranked, err := s.Rank([]Signals{calm, tie1, worst, tie2}, asOf)
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{ranked[0].CustomerID, ranked[1].CustomerID, ranked[2].CustomerID, ranked[3].CustomerID}
	if !slices.Equal(ids, []string{"w", "b", "c", "a"}) || ranked[3].Points != 0 || ranked[3].Reasons != nil {
		t.Errorf("rank %v: %+v", ids, ranked)
	}
	again, _ := s.Rank([]Signals{tie2, worst, calm, tie1}, asOf)
	a, _ := json.Marshal(ranked)
	b, _ := json.Marshal(again)
	if string(a) != string(b) {
		t.Errorf("rank depends on input order:\n%s\n%s", a, b)
	}
	if _, err := s.Rank([]Signals{calm, calm}, asOf); !errors.Is(err, ErrDuplicateID) {
		t.Errorf("duplicate err = %v", err)
	}
}

func TestScorecardErrors(t *testing.T) {
	s := DefaultScorecard()
	for _, c := range []struct {
		sig  Signals
		want error
	}{
		{Signals{}, ErrID},
		{Signals{CustomerID: "x", PriorOrders: -1}, ErrSignal},
		{Signals{CustomerID: "x", Satisfaction: 1.2, HasSatisfaction: true}, ErrSignal},
		{Signals{CustomerID: "x", Satisfaction: math.NaN(), HasSatisfaction: true}, ErrSignal},
		{Signals{CustomerID: "x", Recommend: 11, HasRecommend: true}, ErrSignal},
		{Signals{CustomerID: "x", PAlive: m(1.5)}, ErrSignal},
		{Signals{CustomerID: "x", PAlive: m(-0.1)}, ErrSignal},
		{Signals{CustomerID: "x", PAlive: m(math.NaN())}, ErrSignal},
	} {
		if _, err := s.Score(c.sig, asOf); !errors.Is(err, c.want) {
			t.Errorf("Score(%+v) err = %v, want %v", c.sig, err, c.want)
		}
	}
	bad := []func(*Scorecard){
		func(s *Scorecard) { s.Complaints.Weight = -1 },
		func(s *Scorecard) { s.Orders.Full = s.Orders.Zero },
		func(s *Scorecard) { s.Contact.Zero = math.Inf(1) },
		func(s *Scorecard) { s.ComplaintWindow = -time.Hour },
		func(s *Scorecard) { s.Lapse.Full = s.Lapse.Zero },
	}
	for i, mutate := range bad {
		s := DefaultScorecard()
		mutate(&s)
		if _, err := s.Score(Signals{CustomerID: "x"}, asOf); !errors.Is(err, ErrScorecard) {
			t.Errorf("bad scorecard %d err = %v", i, err)
		}
		if _, err := s.Rank(nil, asOf); !errors.Is(err, ErrScorecard) {
			t.Errorf("bad scorecard %d Rank err = %v", i, err)
		}
	}
	off := DefaultScorecard()
	off.Contact.Weight = 0
	if r, _ := off.Score(Signals{CustomerID: "x"}, asOf); r.Points != 0 {
		t.Errorf("weight 0 still scores: %v", r)
	}
	// A scorecard written before the lapse rule existed leaves it at its
	// zero value: valid, and off.
	old := DefaultScorecard()
	old.Lapse = Rule{}
	if r, err := old.Score(Signals{CustomerID: "x", PAlive: m(0), LastContact: asOf.Add(-time.Hour)}, asOf); err != nil || r.Points != 0 {
		t.Errorf("zero lapse rule: %v %v", r, err)
	}
}

func TestReasonText(t *testing.T) {
	for r := Complaints; r <= Lapsed; r++ {
		b, err := r.MarshalText()
		var u Reason
		if err != nil || u.UnmarshalText(b) != nil || u != r {
			t.Errorf("%v round trip: %s %v", r, b, err)
		}
	}
	if Reason(0).String() != "Reason(0)" {
		t.Error("String of an invalid code")
	}
	if _, err := Reason(9).MarshalText(); !errors.Is(err, ErrEncoding) {
		t.Error("MarshalText of an invalid code")
	}
	var u Reason
	if err := u.UnmarshalText([]byte("bored")); !errors.Is(err, ErrEncoding) {
		t.Error("UnmarshalText of an unknown name")
	}
}

// Score never panics, stays in 0–100 and explains exactly its points.
func FuzzScore(f *testing.F) {
	f.Add(int64(-5), int64(30), int64(-100), 3, 1, 0.5, 6, 0.3, uint8(3))
	f.Add(int64(-5), int64(30), int64(-100), 3, 1, 0.5, 6, 0.3, uint8(31))
	f.Fuzz(func(t *testing.T, complaint, contract, contact int64, prior, recent int, sat float64, rec int, alive float64, flags uint8) {
		sig := Signals{CustomerID: "x", Complaints: []time.Time{asOf.Add(time.Duration(complaint) * time.Hour)},
			PriorOrders: prior, RecentOrders: recent, Satisfaction: sat, HasSatisfaction: flags&1 == 1, Recommend: rec, HasRecommend: flags&2 == 2}
		if flags&16 == 16 {
			sig.PAlive = &alive
		}
		if flags&4 == 4 {
			sig.ContractEnd = asOf.Add(time.Duration(contract) * time.Hour)
		}
		if flags&8 == 8 {
			sig.LastContact = asOf.Add(time.Duration(contact) * time.Hour)
		}
		r, err := DefaultScorecard().Score(sig, asOf)
		if err != nil {
			if !errors.Is(err, ErrSignal) && !errors.Is(err, ErrTime) {
				t.Fatal(err)
			}
			return
		}
		sum := 0.0
		for _, c := range r.Reasons {
			if !(c.Points > 0 && c.Points <= 25) {
				t.Fatalf("contribution %+v", c)
			}
			sum += c.Points
		}
		if !(r.Points >= 0 && r.Points <= 100) || math.Abs(r.Points-math.Min(sum, 100)) > 1e-9 {
			t.Fatalf("score %v from %+v", r.Points, r.Reasons)
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("risk does not marshal: %v", err)
		}
	})
}

// A customer never contacted has no measure of the gap: it used to be
// +Inf, and the risk did not marshal to JSON.
func TestRiskJSON(t *testing.T) {
	r, err := DefaultScorecard().Score(Signals{CustomerID: "x", Satisfaction: 0.6, HasSatisfaction: true, ContractEnd: asOf.Add(24 * time.Hour)}, asOf)
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"customer_id":"x","risk_points":39.72222222222222,"reasons":[{"reason":"contract-ending","risk_points":24.72222222222222,"measure_days":1},` +
		`{"reason":"no-contact","risk_points":10,"measure_days":null},{"reason":"low-satisfaction","risk_points":5.000000000000001,"measure_pct":60}]}`
	if string(js) != want {
		t.Errorf("JSON\n%s\nwant\n%s", js, want)
	}
}

// Times outside the plausible window are refused: time.Time.Sub used to
// clip a contract end in the year 3000 to 292 years.
func TestScoreTimes(t *testing.T) {
	far := time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		sig  Signals
		asOf time.Time
	}{
		{"contract end", Signals{CustomerID: "x", ContractEnd: far}, asOf},
		{"last contact", Signals{CustomerID: "x", LastContact: time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC)}, asOf},
		{"complaint", Signals{CustomerID: "x", Complaints: []time.Time{far}}, asOf},
		{"as-of date", Signals{CustomerID: "x"}, far},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := DefaultScorecard().Score(c.sig, c.asOf); !errors.Is(err, ErrTime) {
				t.Errorf("err = %v", err)
			}
		})
	}
	if _, err := DefaultScorecard().Rank(nil, time.Time{}); !errors.Is(err, ErrTime) {
		t.Errorf("Rank without an as-of date: %v", err)
	}
}

func TestDiagnose(t *testing.T) {
	for _, c := range []struct {
		v    Voice
		hole bool
		text string
	}{
		// 18 % dissatisfied, 0.9 % complain: 1 in 20 voices it.
		{Voice{Customers: 1000, Complainants: 9, Respondents: 200, Dissatisfied: 36}, true, "hole in the rocket: 18.0% dissatisfied, 0.9% complain (1 in 20 voices it)"},
		// 18 % dissatisfied, 5 % complain: they speak up.
		{Voice{Customers: 1000, Complainants: 50, Respondents: 200, Dissatisfied: 36}, false, "no hole: 18.0% dissatisfied, 5.0% complain (1 in 4 voices it)"},
		// Exactly 10 % dissatisfied is not above 10 %.
		{Voice{Customers: 1000, Complainants: 0, Respondents: 100, Dissatisfied: 10}, false, "no hole: 10.0% dissatisfied, 0.0% complain"},
		// Complaints exactly 1/10 of dissatisfaction (1.1 % vs 11 %) are
		// not below it, though in binary 0.011 < 0.1·0.11 = 0.011000000000000001.
		{Voice{Customers: 1000, Complainants: 11, Respondents: 100, Dissatisfied: 11}, false, "no hole: 11.0% dissatisfied, 1.1% complain (1 in 10 voices it)"},
		{Voice{Customers: 1000, Complainants: 10, Respondents: 100, Dissatisfied: 11}, true, "hole in the rocket: 11.0% dissatisfied, 1.0% complain (1 in 11 voices it)"},
		{Voice{Customers: 10, Complainants: 0, Respondents: 10, Dissatisfied: 0}, false, "no hole: 0.0% dissatisfied, 0.0% complain"},
	} {
		d, err := Diagnose(c.v, DefaultHoleRule)
		if err != nil || d.Hole != c.hole || d.String() != c.text {
			t.Errorf("%+v: %v %q %v", c.v, d.Hole, d, err)
		}
	}
	if d, _ := Diagnose(Voice{Customers: 10, Respondents: 10}, DefaultHoleRule); d.VoiceRatio != nil {
		t.Error("voice ratio without dissatisfaction")
	}
	d, _ := Diagnose(Voice{Customers: 1000, Complainants: 9, Respondents: 200, Dissatisfied: 36}, DefaultHoleRule)
	js, _ := json.Marshal(d)
	want := `{"voice":{"customers":1000,"complainants":9,"respondents":200,"dissatisfied":36},"complaint_pct":0.9,"dissatisfaction_pct":18,` +
		`"voice_ratio":0.05,"rule_dissatisfaction_pct":10,"rule_voice_ratio":0.1,"hole":true}`
	if string(js) != want {
		t.Errorf("JSON\n%s\nwant\n%s", js, want)
	}
	for _, c := range []struct {
		v    Voice
		r    HoleRule
		want error
	}{
		{Voice{Customers: 0, Respondents: 5}, DefaultHoleRule, ErrEmpty},
		{Voice{Customers: 5}, DefaultHoleRule, ErrEmpty},
		{Voice{Customers: 5, Complainants: 6, Respondents: 5}, DefaultHoleRule, ErrCount},
		{Voice{Customers: 5, Respondents: 5, Dissatisfied: 6}, DefaultHoleRule, ErrCount},
		{Voice{Customers: 5, Respondents: 5, Dissatisfied: -1}, DefaultHoleRule, ErrCount},
		{Voice{Customers: 5, Respondents: 5}, HoleRule{Dissatisfaction: 1.5, Voice: 0.1}, ErrRate},
		{Voice{Customers: 5, Respondents: 5}, HoleRule{Dissatisfaction: 0.1, Voice: math.NaN()}, ErrRate},
	} {
		if _, err := Diagnose(c.v, c.r); !errors.Is(err, c.want) {
			t.Errorf("Diagnose(%+v, %+v) err = %v, want %v", c.v, c.r, err, c.want)
		}
	}
}

func BenchmarkScore(b *testing.B) {
	s := DefaultScorecard()
	sig := Signals{CustomerID: "x", Complaints: []time.Time{asOf.Add(-time.Hour)}, ContractEnd: asOf.Add(200 * time.Hour),
		LastContact: asOf.Add(-2000 * time.Hour), PriorOrders: 5, RecentOrders: 2, Satisfaction: 0.5, HasSatisfaction: true}
	for b.Loop() {
		if _, err := s.Score(sig, asOf); err != nil {
			b.Fatal(err)
		}
	}
}
