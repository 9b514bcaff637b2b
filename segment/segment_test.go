package segment

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

var asOf = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// randomTransactions returns n transactions of about n/4 customers with
// many ties in every dimension, some amounts with other exponents.
func randomTransactions(r *rand.Rand, n int) []Transaction {
	txs := make([]Transaction, n)
	for i := range txs {
		amount := decimal.New(int64(r.IntN(50))*100, -2)
		if r.IntN(7) == 0 {
			amount = decimal.New(int64(r.IntN(9)), int32(r.IntN(3))) // 0..8, ×1, ×10, ×100
		}
		txs[i] = Transaction{
			CustomerID: fmt.Sprintf("c%03d", r.IntN(n/4+1)),
			At:         asOf.Add(-time.Duration(r.IntN(400*24)) * time.Hour),
			Amount:     amount,
		}
	}
	return txs
}

func mustSummarize(t testing.TB, txs []Transaction, o Options) *Collection {
	t.Helper()
	c, err := Summarize(slices.Values(txs), o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCustomerAggregates(t *testing.T) {
	var c Customer
	day := func(d int) time.Time { return asOf.AddDate(0, 0, -d) }
	for _, x := range []struct {
		d int
		a string
	}{{30, "10.50"}, {3, "0.1"}, {100, "5"}} {
		if err := c.Add(day(x.d), dec(x.a)); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.AddRefund(day(1), dec("-2.6")); err != nil {
		t.Fatal(err)
	}
	first, _ := c.First()
	last, _ := c.Last()
	r, err := c.Recency(asOf)
	if err != nil || r != 3 || c.Frequency() != 3 || c.Refunds() != 1 ||
		!c.Monetary().Equal(dec("13")) || !first.Equal(day(100)) || !last.Equal(day(3)) {
		t.Errorf("got r=%d %v f=%d refunds=%d m=%v first=%v last=%v", r, err, c.Frequency(), c.Refunds(), c.Monetary(), first, last)
	}
	if mean, _ := c.MeanOrder(); !mean.Equal(dec("4.3333333333333333")) {
		t.Errorf("MeanOrder = %v", mean)
	}
	if ten, _ := c.Tenure(asOf); ten != 100 {
		t.Errorf("Tenure = %d", ten)
	}
	before := c
	for _, err := range []error{
		c.Add(day(1), dec("-1")), c.AddRefund(day(1), dec("1")), c.Add(time.Time{}, dec("1")),
		c.Add(time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC), dec("1")),
	} {
		if !errors.Is(err, ErrNegativeAmount) && !errors.Is(err, ErrTime) {
			t.Errorf("bad input accepted: %v", err)
		}
	}
	if c != before {
		t.Error("rejected input changed the customer")
	}
	if _, err := c.Recency(day(4)); !errors.Is(err, ErrFuture) {
		t.Errorf("future purchase: %v", err)
	}
	var empty Customer
	if _, err := empty.Recency(asOf); !errors.Is(err, ErrNoPurchase) {
		t.Errorf("empty Recency err = %v", err)
	}
}

// Recency counts calendar days in the as-of date's location.
func TestRecencyDayBoundary(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip(err)
	}
	var c Customer
	_ = c.Add(time.Date(2024, 3, 30, 23, 30, 0, 0, time.UTC), dec("1")) // 31 March 00:30 in Paris
	for _, x := range []struct {
		asOf time.Time
		want int64
	}{
		{time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), 1},
		{time.Date(2024, 3, 30, 23, 59, 0, 0, time.UTC), 0},
		{time.Date(2024, 3, 31, 12, 0, 0, 0, paris), 0}, // same Paris date
		{time.Date(2024, 4, 1, 0, 0, 0, 0, paris), 1},   // across the DST change
	} {
		if got, err := c.Recency(x.asOf); err != nil || got != x.want {
			t.Errorf("Recency(%v) = %d, %v; want %d", x.asOf, got, err, x.want)
		}
	}
	if _, err := c.Recency(time.Date(2024, 3, 30, 23, 0, 0, 0, paris)); !errors.Is(err, ErrFuture) {
		t.Errorf("purchase on the next Paris day: %v", err)
	}
}

func TestCollectionErrors(t *testing.T) {
	txs := []Transaction{
		{"a", asOf, dec("1")},
		{"b", asOf, dec("2")},
		{"", asOf, dec("3")},
		{"c", asOf, dec("4")},
	}
	var c Collection
	err := c.AddAll(slices.Values(txs))
	if !errors.Is(err, ErrEmptyID) || !strings.Contains(err.Error(), "transaction 2") {
		t.Errorf("err = %v", err)
	}
	if c.Len() != 2 {
		t.Errorf("prefix of %d customers, want 2", c.Len())
	}
	if err := c.Add(Transaction{"a", asOf, dec("-1")}); !errors.Is(err, ErrNegativeAmount) {
		t.Errorf("refund without option: %v", err)
	}
	if _, err := Summarize(slices.Values([]Transaction{{"x", time.Time{}, dec("1")}}), Options{}); !errors.Is(err, ErrTime) {
		t.Errorf("zero time: %v", err)
	}
	r := NewCollection(Options{Refunds: true})
	if err := r.Add(Transaction{"a", asOf, dec("-1")}); err != nil {
		t.Fatal(err)
	}
	if err := c.Merge(r); !errors.Is(err, ErrNegativeAmount) || c.Len() != 2 {
		t.Errorf("merging refunds: %v", err)
	}
	if err := r.Merge(&c); err != nil || r.Len() != 2 {
		t.Errorf("merge into refunds: %v, %d", err, r.Len())
	}
	a, _ := r.Get("a")
	if !a.Monetary().Equal(dec("0")) || a.Frequency() != 1 || a.Refunds() != 1 {
		t.Errorf("a = %+v", a)
	}
	if err := r.Merge(r); err != nil || r.Len() != 2 {
		t.Fatal(err)
	}
	if a, _ := r.Get("a"); a.Frequency() != 2 {
		t.Errorf("self merge: %d", a.Frequency())
	}
	if _, err := c.Score(asOf.AddDate(0, 0, -1), Config{}); !errors.Is(err, ErrFuture) {
		t.Errorf("future: %v", err)
	}
	if _, err := new(Collection).Score(asOf, Config{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
	for _, cfg := range []Config{{Bins: 1}, {Bins: 10}, {RecencyCuts: []int64{1, 2}}, {FrequencyCuts: []uint64{3, 2}},
		{MonetaryCuts: []decimal.Decimal{dec("2"), dec("1")}}, {FrequencyCuts: []uint64{1, 2, 3, 4, 5}}} {
		if _, err := c.Score(asOf, cfg); !errors.Is(err, ErrConfig) {
			t.Errorf("config %+v: %v", cfg, err)
		}
	}
}

// The Python script's brute-force scores (testdata/reference.py).
func TestQuantileScoresReference(t *testing.T) {
	days := []int{0, 3, 3, 10, 45, 45, 45, 90, 200, 365}
	freq := []int{1, 1, 1, 2, 2, 3, 5, 8, 8, 20}
	wantR := []uint8{5, 4, 4, 4, 2, 2, 2, 2, 1, 1}
	wantF := []uint8{1, 1, 1, 2, 2, 3, 4, 4, 4, 5}
	var c Collection
	for i := range days {
		for j := range freq[i] {
			at := asOf.AddDate(0, 0, -days[i]-j) // the last purchase is days[i] old
			if err := c.Add(Transaction{fmt.Sprint(i), at, decimal.NewFromInt(int64(10 * i))}); err != nil {
				t.Fatal(err)
			}
		}
	}
	s, err := c.Score(asOf, Config{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range days {
		got, ok := s.Get(fmt.Sprint(i))
		if !ok || got.Score.R != wantR[i] || got.Score.F != wantF[i] || got.Recency != int64(days[i]) {
			t.Errorf("customer %d: %v, want R %d F %d", i, got, wantR[i], wantF[i])
		}
	}
	// cut j: the score j+1 needs at most RecencyCuts[j-1] days / at least FrequencyCuts[j-1] purchases
	if !slices.Equal(s.RecencyCuts, []int64{90, 10, 10, 0}) || !slices.Equal(s.FrequencyCuts, []uint64{2, 3, 5, 20}) {
		t.Errorf("cuts %v %v", s.RecencyCuts, s.FrequencyCuts)
	}
	if s.Scored != 10 || s.Cells()[Score{5, 1, 1}] != 1 {
		t.Errorf("scored %d, cells %v", s.Scored, s.Cells())
	}
}

// scoresOf lists every score in id order.
func scoresOf(s *Scores) []Scored { return slices.Collect(s.All()) }

func TestScoreOrderAndPartitionIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	txs := randomTransactions(r, 4000)
	whole := mustSummarize(t, txs, Options{})
	want, err := whole.Score(asOf, Config{})
	if err != nil {
		t.Fatal(err)
	}
	wantBin, _ := whole.MarshalBinary()
	for trial := range 5 {
		shuffled := slices.Clone(txs)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		// in three parts merged in another order
		a := mustSummarize(t, shuffled[:1000], Options{})
		b := mustSummarize(t, shuffled[1000:2500], Options{})
		c := mustSummarize(t, shuffled[2500:], Options{})
		if trial%2 == 0 {
			a, c = c, a
		}
		if err := a.Merge(b); err != nil {
			t.Fatal(err)
		}
		if err := a.Merge(c); err != nil {
			t.Fatal(err)
		}
		got, err := a.Score(asOf, Config{})
		if err != nil {
			t.Fatal(err)
		}
		gotBin, _ := a.MarshalBinary()
		if !bytes.Equal(gotBin, wantBin) {
			t.Fatal("merged collection encodes differently")
		}
		if !slices.Equal(got.RecencyCuts, want.RecencyCuts) || !slices.Equal(got.FrequencyCuts, want.FrequencyCuts) ||
			fmt.Sprint(got.MonetaryCuts) != fmt.Sprint(want.MonetaryCuts) {
			t.Fatalf("cuts differ: %v vs %v", got, want)
		}
		if fmt.Sprint(scoresOf(got)) != fmt.Sprint(scoresOf(want)) {
			t.Fatal("scores differ after shuffling and merging")
		}
	}
}

// Scores are 1 + ⌊k·L/n⌋ (brute force); ties share a score; the returned
// cuts, given back, reproduce every score.
func TestScoreProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, k := range []int{2, 3, 5, 9} {
		c := mustSummarize(t, randomTransactions(r, 600), Options{})
		s, err := c.Score(asOf, Config{Bins: k})
		if err != nil {
			t.Fatal(err)
		}
		all := scoresOf(s)
		n := len(all)
		for _, x := range all {
			var lr, lf, lm int
			for _, y := range all {
				if y.Recency > x.Recency {
					lr++
				}
				if y.Frequency < x.Frequency {
					lf++
				}
				if y.Monetary.LessThan(x.Monetary) {
					lm++
				}
			}
			want := Score{uint8(1 + k*lr/n), uint8(1 + k*lf/n), uint8(1 + k*lm/n)}
			if x.Score != want {
				t.Fatalf("k=%d %v: want %v", k, x, want)
			}
		}
		again, err := c.Score(asOf, Config{Bins: k, RecencyCuts: s.RecencyCuts, FrequencyCuts: s.FrequencyCuts, MonetaryCuts: s.MonetaryCuts})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(scoresOf(again)) != fmt.Sprint(all) {
			t.Fatalf("k=%d: explicit cuts do not reproduce the quantile scores", k)
		}
	}
}

// Monetary sums that do not fit 64 bits at a common exponent are ranked
// exactly through decimals.
func TestScoreWideMonetary(t *testing.T) {
	var c Collection
	for i, a := range []string{"1e-10", "5e25", "3", "3.000", "7", "5e25"} {
		if err := c.Add(Transaction{fmt.Sprint(i), asOf, dec(a)}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Score(asOf, Config{Bins: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []uint8
	for x := range s.All() {
		got = append(got, x.Score.M)
	}
	if !slices.Equal(got, []uint8{1, 3, 1, 1, 2, 3}) || fmt.Sprint(s.MonetaryCuts) != "[7 50000000000000000000000000]" {
		t.Errorf("scores %v cuts %v", got, s.MonetaryCuts)
	}
}

func TestRefundOnlyCustomersUnscored(t *testing.T) {
	c := NewCollection(Options{Refunds: true})
	_ = c.Add(Transaction{"a", asOf, dec("5")})
	_ = c.Add(Transaction{"b", asOf, dec("-5")})
	s, err := c.Score(asOf, Config{})
	if err != nil || s.Scored != 1 || s.Unscored != 1 {
		t.Fatalf("%v %v", s, err)
	}
	if _, ok := s.Get("b"); ok {
		t.Error("refund-only customer scored")
	}
}

func TestDefaultRulesCoverage(t *testing.T) {
	cov, err := DefaultRules().Validate(5)
	if err != nil {
		t.Fatal(err)
	}
	if len(cov.Uncovered) != 0 || len(cov.Unused) != 0 || len(cov.Overlaps) != 0 {
		t.Errorf("default rules: %v, uncovered %v", cov, cov.Uncovered)
	}
	for code, want := range map[string]string{"555": "Champions", "111": "Lost", "211": "Hibernating", "511": "New Customers",
		"411": "Promising", "155": "Can't Lose Them", "345": "Loyal Customers", "133": "At Risk", "333": "Need Attention",
		"321": "About To Sleep", "521": "Potential Loyalist"} {
		s, _ := ParseScore(code)
		if got, _ := DefaultRules().Match(s); got != want {
			t.Errorf("%s: %q, want %q", code, got, want)
		}
	}
	bad := Rules{{"x", Range{1, 3}, Range{}, Range{}}, {"y", Range{2, 5}, Range{}, Range{}}}
	cov, _ = bad.Validate(5)
	if len(cov.Overlaps) != 50 || len(cov.Uncovered) != 0 || cov.Overlaps[0].Score != (Score{2, 1, 1}) {
		t.Errorf("overlaps %d uncovered %d", len(cov.Overlaps), len(cov.Uncovered))
	}
	cov, _ = Rules{{"x", Range{1, 3}, Range{4, 5}, Range{}}}.Validate(5)
	if len(cov.Uncovered) != 125-30 {
		t.Errorf("uncovered %d", len(cov.Uncovered))
	}
	for _, rs := range []Rules{{{"", Range{}, Range{}, Range{}}}, {{"a", Range{0, 3}, Range{}, Range{}}},
		{{"a", Range{3, 2}, Range{}, Range{}}}, {{"a", Range{1, 6}, Range{}, Range{}}}, {{"a", Range{}, Range{}, Range{}}, {"a", Range{}, Range{}, Range{}}}} {
		if _, err := rs.Validate(5); !errors.Is(err, ErrRule) {
			t.Errorf("%v: %v", rs, err)
		}
	}
}

func TestTiersAndTransitions(t *testing.T) {
	tiers := DefaultTiers()
	for amount, want := range map[string]string{"0": "bronze", "499.99": "bronze", "500": "silver", "10000": "premium"} {
		if got, _ := tiers.Of(dec(amount)); got != want {
			t.Errorf("Of(%s) = %s", amount, got)
		}
	}
	if _, ok := tiers.Of(dec("-1")); ok {
		t.Error("negative amount has a tier")
	}
	if _, err := NewTiers(Tier{"a", dec("1")}, Tier{"b", dec("1")}); !errors.Is(err, ErrTier) {
		t.Error("equal minimums accepted")
	}
	before := map[string]string{"a": "bronze", "b": "silver", "c": "gold", "d": "premium", "e": "bronze"}
	after := map[string]string{"a": "premium", "b": "silver", "c": "silver", "f": "gold", "e": "bronze"}
	tr, err := Transition(tiers.Levels(), before, after)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Upgrades != 1 || tr.Downgrades != 1 || tr.Stays != 2 || tr.Added != 1 || tr.Dropped != 1 ||
		tr.Counts[0][3] != 1 || tr.Lost[3] != 1 || tr.New[2] != 1 || tr.Before(0) != 2 || tr.After(1) != 2 {
		t.Errorf("%+v", tr)
	}
	if sh, ok := tr.Share(0, 3); !ok || sh != 0.5 {
		t.Errorf("share %v", sh)
	}
	if _, ok := tr.Share(1, 1); !ok {
		t.Error("silver row empty")
	}
	want := "[{a bronze premium upgrade} {c gold silver downgrade} {d premium  lost} {f  gold new}]"
	if fmt.Sprint(tr.Events) != want {
		t.Errorf("events %v", tr.Events)
	}
	if _, err := Transition(tiers.Levels(), map[string]string{"x": "platinum"}, nil); !errors.Is(err, ErrTier) {
		t.Errorf("unknown level: %v", err)
	}
}

func revenues(xs ...string) *Concentration {
	c, err := NewConcentration(func(yield func(string, decimal.Decimal) bool) {
		for i, x := range xs {
			if !yield(fmt.Sprintf("c%02d", i), dec(x)) {
				return
			}
		}
	})
	if err != nil {
		panic(err)
	}
	return c
}

// Gini references: testdata/reference.py (mean absolute difference in
// exact fractions, and numpy's trapezoid Lorenz area).
func TestGiniReference(t *testing.T) {
	for _, x := range []struct {
		vals         []string
		gini, sample float64
	}{
		{[]string{"10", "10", "10", "10", "10", "10", "10", "10", "10", "100"}, 0.4263157894736842, 0.47368421052631576},
		{[]string{"5", "5", "5", "5"}, 0, 0},
		{[]string{"0", "0", "0", "7"}, 0.75, 1},
		{[]string{"12.50", "0.99", "100", "3.333", "47.1", "47.1", "0"}, 0.5903039682201195, 0.6886879629234728},
	} {
		c := revenues(x.vals...)
		g, err := c.Gini()
		gs, _ := c.GiniSample()
		if err != nil || g != x.gini || gs != x.sample {
			t.Errorf("%v: Gini %v sample %v, want %v %v", x.vals, g, gs, x.gini, x.sample)
		}
	}
	if _, err := revenues("0", "0").Gini(); !errors.Is(err, ErrEmpty) {
		t.Errorf("no revenue: %v", err)
	}
}

func TestConcentration(t *testing.T) {
	c := revenues("12.50", "0.99", "100", "3.333", "47.1", "47.1", "0")
	top, err := c.TopShare(0.2)
	if err != nil || math.Abs(top-0.5631613615577449) > 1e-15 {
		t.Errorf("TopShare(0.2) = %v, %v", top, err)
	}
	if k, share, _ := c.CustomersFor(0.8); k != 3 || share != 3.0/7 {
		t.Errorf("CustomersFor(0.8) = %d, %v", k, share)
	}
	if k, _, _ := c.CustomersFor(1); k != 6 { // the zero customer is not needed
		t.Errorf("CustomersFor(1) = %d", k)
	}
	if _, err := c.TopShare(1.5); !errors.Is(err, ErrShare) {
		t.Error("share 1.5 accepted")
	}
	pts, _ := c.Lorenz()
	if len(pts) != 8 || pts[0] != (Point{}) || pts[7] != (Point{1, 1}) || pts[1].Revenue != 0 {
		t.Errorf("Lorenz %v", pts)
	}
	// 100 of 211.023 is 47.4% (A: before it 0 < 80%); 47.1 and 47.1 tie:
	// before them 47.4% < 80% → both A (91.9% together); 12.50 → before it
	// 92.0% → B; the rest before ≥ 95% → C.
	abc, err := c.ABC(0.8, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if abc.A.Customers != 3 || abc.B.Customers != 1 || abc.C.Customers != 3 || abc.Labels["c00"] != "B" || abc.Labels["c05"] != "A" {
		t.Errorf("%v %v", abc, abc.Labels)
	}
	if !abc.A.Revenue.Add(abc.B.Revenue).Add(abc.C.Revenue).Equal(c.Total()) {
		t.Error("class revenues do not add up")
	}
	if _, err := c.ABC(0.9, 0.8); !errors.Is(err, ErrShare) {
		t.Error("ABC limits out of order accepted")
	}
	if top := c.Top(2); top[0].ID != "c02" || top[1].ID != "c04" {
		t.Errorf("Top %v", top)
	}
}

func TestEncodingRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	c := mustSummarize(t, randomTransactions(r, 500), Options{Refunds: true})
	_ = c.Add(Transaction{"wide", asOf, dec("1e40")})
	_ = c.Add(Transaction{"refund", asOf, dec("-3.5")})
	bin, _ := c.MarshalBinary()
	js, _ := c.MarshalJSON()
	var fromBin, fromJSON Collection
	if err := fromBin.UnmarshalBinary(bin); err != nil {
		t.Fatal(err)
	}
	if err := fromJSON.UnmarshalJSON(js); err != nil {
		t.Fatal(err)
	}
	for _, d := range []*Collection{&fromBin, &fromJSON} {
		again, _ := d.MarshalBinary()
		if !bytes.Equal(again, bin) || d.Options() != c.Options() {
			t.Fatal("round trip changed the collection")
		}
	}
	w, _ := fromJSON.Get("wide")
	if !w.Monetary().Equal(dec("1e40")) {
		t.Errorf("wide = %v", w.Monetary())
	}
	for _, bad := range [][]byte{nil, {collectionTag}, append(bin, 0), bin[:len(bin)-1], {collectionTag, version, 2, 0}} {
		keep := fromBin.Clone()
		if err := fromBin.UnmarshalBinary(bad); !errors.Is(err, ErrEncoding) {
			t.Errorf("%x: %v", bad, err)
		}
		if fromBin.Len() != keep.Len() {
			t.Error("failed decode changed the collection")
		}
	}
	for _, bad := range []string{`{"options":{},"customers":[{"id":"a","purchases":1,"monetary":"1"}]}`,
		`{"options":{},"customers":[{"id":"a","purchases":0,"refunds":1,"monetary":"-1"}]}`,
		`{"options":{},"customers":[{"id":"a","purchases":1,"first":"2024-01-02T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary":"1"}]}`,
		`{"options":{},"customers":[{"id":"a","purchases":1,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary":"1"},{"id":"a","purchases":1,"first":"2024-01-01T00:00:00Z","last":"2024-01-01T00:00:00Z","monetary":"1"}]}`} {
		if err := fromJSON.UnmarshalJSON([]byte(bad)); !errors.Is(err, ErrEncoding) {
			t.Errorf("%s: %v", bad, err)
		}
	}
	var u, v Customer
	_ = u.Add(asOf, dec("2.5"))
	b, _ := u.MarshalBinary()
	j, _ := u.MarshalJSON()
	if err := v.UnmarshalBinary(b); err != nil || v != u {
		t.Errorf("customer binary: %v", err)
	}
	v = Customer{}
	if err := v.UnmarshalJSON(j); err != nil || !v.Monetary().Equal(u.Monetary()) || v.Frequency() != 1 {
		t.Errorf("customer JSON %s: %v", j, err)
	}
}

func FuzzCollectionUnmarshalBinary(f *testing.F) {
	c := mustSummarize(f, randomTransactions(rand.New(rand.NewPCG(1, 1)), 40), Options{Refunds: true})
	b, _ := c.MarshalBinary()
	f.Add(b)
	f.Add([]byte{collectionTag, version, 0, 1, 1, 'a', 1, 0, 2, 2, 1, '1'})
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Collection
		if err := u.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, ErrEncoding) || u.Len() != 0 {
				t.Fatalf("failed decode: %v, %d customers", err, u.Len())
			}
			return
		}
		again, _ := u.MarshalBinary()
		var w Collection
		if err := w.UnmarshalBinary(again); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		third, _ := w.MarshalBinary()
		if !bytes.Equal(again, third) {
			t.Fatal("encoding not stable")
		}
	})
}

func FuzzCustomerUnmarshalJSON(f *testing.F) {
	var u Customer
	_ = u.Add(asOf, dec("12.5"))
	j, _ := u.MarshalJSON()
	f.Add(j)
	f.Add([]byte(`{"purchases":0,"refunds":2,"monetary":"-1e3"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Customer
		if err := c.UnmarshalJSON(data); err != nil {
			if c != (Customer{}) {
				t.Fatal("failed decode changed the customer")
			}
			return
		}
		if err := c.valid(); err != nil {
			t.Fatal(err)
		}
		b, _ := c.MarshalBinary()
		var d Customer
		if err := d.UnmarshalBinary(b); err != nil || !d.Monetary().Equal(c.Monetary()) || d.Frequency() != c.Frequency() {
			t.Fatalf("binary round trip: %v", err)
		}
	})
}

// FuzzCollectionAdd checks Add against a plain map of customers and the
// all-or-nothing rule of a rejected transaction.
func FuzzCollectionAdd(f *testing.F) {
	f.Add([]byte("a\x01b\x02a\x03"), int64(0), "1.5", true)
	f.Add([]byte("x"), int64(-1), "-2", false)
	f.Fuzz(func(t *testing.T, ids []byte, offset int64, amount string, refunds bool) {
		a, err := decimal.NewFromString(amount)
		if err != nil || len(amount) > 40 {
			return
		}
		c := NewCollection(Options{Refunds: refunds})
		want := map[string]*Customer{}
		for i, b := range ids {
			tx := Transaction{CustomerID: string(rune('a' + b%8)), At: asOf.Add(time.Duration(offset*int64(i+1)) * time.Second), Amount: a}
			if b%16 == 15 {
				tx.CustomerID = ""
			}
			before := c.Len()
			err := c.Add(tx)
			if err != nil {
				if c.Len() != before {
					t.Fatal("rejected transaction added a customer")
				}
				continue
			}
			u := want[tx.CustomerID]
			if u == nil {
				u = new(Customer)
				want[tx.CustomerID] = u
			}
			if a.Sign() < 0 {
				err = u.AddRefund(tx.At, a)
			} else {
				err = u.Add(tx.At, a)
			}
			if err != nil {
				t.Fatalf("collection accepted what a customer rejects: %v", err)
			}
		}
		if c.Len() != len(want) {
			t.Fatalf("%d customers, want %d", c.Len(), len(want))
		}
		for id, u := range want {
			if got, ok := c.Get(id); !ok || got.Frequency() != u.Frequency() || !got.Monetary().Equal(u.Monetary()) {
				t.Fatalf("customer %q differs", id)
			}
		}
	})
}

func TestScoredStringSingular(t *testing.T) {
	sc, _ := ParseScore("515")
	for _, c := range []struct {
		s    Scored
		want string
	}{
		{Scored{ID: "a", Recency: 1, Frequency: 1, Monetary: dec("5"), Score: sc}, "a 515 (1 day, 1 purchase, 5)"},
		{Scored{ID: "b", Recency: 0, Frequency: 2, Monetary: dec("-1.5"), Score: sc}, "b 515 (0 days, 2 purchases, -1.5)"},
	} {
		if got := c.s.String(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}
