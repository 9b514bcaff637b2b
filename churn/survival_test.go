package churn

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func closeTo(got, want, rel float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= rel*math.Max(1, math.Abs(want))
}

func (c kmCase) survival(t testing.TB) *Survival {
	t.Helper()
	var s Survival
	for i, x := range c.time {
		if err := s.Add(kmDur(x), c.status[i] == 1); err != nil {
			t.Fatal(err)
		}
	}
	return &s
}

func TestKaplanMeierAgainstR(t *testing.T) {
	for _, c := range kmCases {
		curve, err := c.survival(t).Curve()
		if err != nil {
			t.Fatal(err)
		}
		steps := curve.Steps()
		if len(steps) != len(c.steps) {
			t.Fatalf("%s: %d steps, want %d", c.name, len(steps), len(c.steps))
		}
		for i, s := range steps {
			if s.Time != kmDur(c.steps[i]) || s.AtRisk != c.risk[i] || s.Events != c.event[i] || s.Censored != c.censor[i] {
				t.Errorf("%s step %d: %+v", c.name, i, s)
			}
			if !closeTo(s.Survival, c.surv[i], 1e-15) {
				t.Errorf("%s S(%v) = %.17g, want %.17g", c.name, c.steps[i], s.Survival, c.surv[i])
			}
			wantSE := c.se[i]
			if math.IsNaN(wantSE) { // R: 0·Inf once S = 0; we report +Inf
				wantSE = math.Inf(1)
			}
			if !(s.StdErr == wantSE || closeTo(s.StdErr, wantSE, 1e-14)) {
				t.Errorf("%s SE(%v) = %.17g, want %.17g", c.name, c.steps[i], s.StdErr, wantSE)
			}
			if curve.At(s.Time) != s.Survival || curve.StdErr(s.Time) != s.StdErr || curve.AtRisk(s.Time) != s.AtRisk {
				t.Errorf("%s At/StdErr/AtRisk(%v) disagree with the table", c.name, c.steps[i])
			}
		}
		for m, b := range c.bands {
			for i, s := range steps {
				ci, err := curve.Interval(s.Time, 0.95, m)
				if err != nil {
					t.Fatal(err)
				}
				lo, hi := b.lower[i], b.upper[i]
				if math.IsNaN(lo) { // R's NA at S = 0 (and S = 1 for log-log)
					lo, hi = s.Survival, s.Survival
				}
				if !closeTo(ci.Lo, lo, 1e-14) || !closeTo(ci.Hi, hi, 1e-14) {
					t.Errorf("%s %s CI at %v = [%.17g, %.17g], want [%.17g, %.17g]", c.name, m, c.steps[i], ci.Lo, ci.Hi, lo, hi)
				}
			}
			med, ok := curve.Median()
			if ok != !math.IsNaN(b.median[0]) || (ok && med != kmDur(b.median[0])) {
				t.Errorf("%s median = %v, %v; want %v", c.name, med, ok, b.median[0])
			}
			qi, err := curve.QuantileInterval(0.5, 0.95, m)
			if err != nil {
				t.Fatal(err)
			}
			if qi.HasLo != !math.IsNaN(b.median[1]) || (qi.HasLo && qi.Lo != kmDur(b.median[1])) ||
				qi.HasHi != !math.IsNaN(b.median[2]) || (qi.HasHi && qi.Hi != kmDur(b.median[2])) {
				t.Errorf("%s %s median CI = %+v, want %v", c.name, m, qi, b.median)
			}
		}
		for j, p := range []float64{0.25, 0.5, 0.75} {
			if c.name == "flat 0.5 to the end" && p == 0.5 {
				// quantile.survfit says 3 (the midpoint to the last
				// time); print.survfit, followed here, says 2.
				continue
			}
			q, ok := curve.Quantile(p)
			want := c.quantile[j]
			if ok != !math.IsNaN(want) || (ok && q != kmDur(want)) {
				t.Errorf("%s quantile %v = %v, %v; want %v", c.name, p, q, ok, want)
			}
		}
	}
}

func TestSurvivalEdges(t *testing.T) {
	var s Survival
	if _, err := s.Curve(); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty curve err = %v", err)
	}
	if err := s.Add(-time.Second, true); !errors.Is(err, ErrDuration) || s.N() != 0 {
		t.Errorf("negative duration: %v", err)
	}
	if err := s.AddN(time.Hour, math.MaxUint64, 1); !errors.Is(err, ErrOverflow) || s.N() != 0 {
		t.Errorf("overflow: %v", err)
	}
	_ = s.AddN(2*time.Hour, 0, 3) // censored only: S stays 1
	c, _ := s.Curve()
	if c.At(5*time.Hour) != 1 || c.AtRisk(0) != 3 || c.AtRisk(3*time.Hour) != 0 {
		t.Errorf("censored-only curve: %+v", c.Steps())
	}
	if _, ok := c.Median(); ok {
		t.Error("median of a curve at 1")
	}
	for _, m := range []Method{Log, LogLog, Plain} {
		if ci, _ := c.Interval(time.Hour, 0.95, m); ci.Lo != 1 || ci.Hi != 1 {
			t.Errorf("%s at S = 1: %v", m, ci)
		}
	}
	if _, err := c.Interval(0, 0.95, "arcsin"); !errors.Is(err, ErrMethod) {
		t.Errorf("unknown method err = %v", err)
	}
	if _, err := c.Interval(0, 1.5, Log); !errors.Is(err, ErrLevel) {
		t.Errorf("bad level err = %v", err)
	}
	if _, err := c.QuantileInterval(1.5, 0.95, Log); !errors.Is(err, ErrRate) {
		t.Errorf("bad quantile err = %v", err)
	}
	if q, ok := c.Quantile(0); !ok || q != 0 {
		t.Errorf("Quantile(0) = %v, %v", q, ok)
	}
	if _, ok := c.Quantile(-0.1); ok {
		t.Error("Quantile(-0.1) ok")
	}
}

// Merging accumulators in any order gives the same curve as adding
// everything to one.
func TestSurvivalMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var all Survival
	parts := make([]Survival, 4)
	for range 500 {
		d := time.Duration(r.IntN(40)) * 24 * time.Hour
		lost := r.IntN(3) > 0
		_ = all.Add(d, lost)
		_ = parts[r.IntN(4)].Add(d, lost)
	}
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 1, 0, 2}} {
		var m Survival
		for _, i := range order {
			if err := m.Merge(&parts[i]); err != nil {
				t.Fatal(err)
			}
		}
		a, _ := all.Curve()
		b, _ := m.Curve()
		if !slices.Equal(a.Steps(), b.Steps()) || m.Events() != all.Events() {
			t.Fatalf("merge order %v changed the curve", order)
		}
	}
}

func TestSurvivalOf(t *testing.T) {
	day := 24 * time.Hour
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	asOf := t0.AddDate(0, 0, 100)
	customers := []Customer{
		{ID: "a", Start: t0, End: t0.Add(10*day + time.Hour)}, // lost after 10 days (floored)
		{ID: "b", Start: t0, End: t0.Add(10 * day)},           // tie with a
		{ID: "c", Start: t0.AddDate(0, 0, 50)},                // censored at 50 days
		{ID: "d", Start: t0, End: asOf},                       // end at as-of: not yet known, censored at 100
		{ID: "e", Start: asOf},                                // not started yet: left out
	}
	s, err := SurvivalOf(customers, asOf, day)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := s.Curve()
	want := []Step{
		{Time: 10 * day, AtRisk: 4, Events: 2, Survival: 0.5, StdErr: 0.25},
		{Time: 50 * day, AtRisk: 2, Censored: 1, Survival: 0.5, StdErr: 0.25},
		{Time: 100 * day, AtRisk: 1, Censored: 1, Survival: 0.5, StdErr: 0.25},
	}
	if got := c.Steps(); !slices.Equal(got, want) {
		t.Errorf("steps %+v\nwant %+v", got, want)
	}
	// S = 0.5 flat to the end: the median is where it got there.
	if m, ok := c.Median(); !ok || m != 10*day {
		t.Errorf("median %v %v", m, ok)
	}
	bad := append(slices.Clone(customers), Customer{ID: "a", Start: t0})
	if _, err := SurvivalOf(bad, asOf, day); !errors.Is(err, ErrDuplicateID) {
		t.Errorf("duplicate err = %v", err)
	}
	if _, err := SurvivalOf(customers, asOf, -day); !errors.Is(err, ErrDuration) {
		t.Errorf("negative unit err = %v", err)
	}
	bySeg, err := SurvivalBy(slices.Values(customers), asOf, 0, func(c Customer) bool { return c.End.IsZero() })
	if err != nil || bySeg[true].N() != 1 || bySeg[false].N() != 3 {
		t.Errorf("SurvivalBy: %v %v", bySeg, err)
	}
}

func TestSurvivalEncoding(t *testing.T) {
	s := kmCases[0].survival(t)
	bin, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var u Survival
	if err := u.UnmarshalBinary(bin); err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var v Survival
	if err := json.Unmarshal(js, &v); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Curve()
	for _, w := range []*Survival{&u, &v} {
		b, _ := w.Curve()
		if !slices.Equal(a.Steps(), b.Steps()) {
			t.Fatalf("round trip changed the curve")
		}
	}
	before := u
	for _, bad := range [][]byte{nil, {'S'}, append(bin, 0), bin[:len(bin)-1], {'S', 1, 2, 5, 1, 0, 0, 0, 0}, {'S', 1, 1, 5, 0, 0}} {
		if err := u.UnmarshalBinary(bad); !errors.Is(err, ErrEncoding) || u.N() != before.N() {
			t.Errorf("UnmarshalBinary(%v) err = %v", bad, err)
		}
	}
	for _, bad := range []string{`[1]`, `{"lifetimes":[{"duration_ns":-1,"events":1}]}`, `{"lifetimes":[{"duration_ns":5,"events":1},{"duration_ns":5,"events":1}]}`, `{"lifetimes":[{"duration_ns":5}]}`} {
		if err := json.Unmarshal([]byte(bad), &v); !errors.Is(err, ErrEncoding) || v.N() != s.N() {
			t.Errorf("UnmarshalJSON(%s) err = %v", bad, err)
		}
	}
}

// Properties on random data: S non-increasing in [0, 1], every band
// ordered around S and within [0, 1], quantiles non-decreasing in p.
func FuzzKaplanMeier(f *testing.F) {
	f.Add([]byte{3, 1, 5, 0, 5, 1, 9, 1, 0, 1})
	f.Add([]byte{0, 1, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Survival
		for i := 0; i+1 < len(data); i += 2 {
			if err := s.Add(time.Duration(data[i]), data[i+1]&1 == 1); err != nil {
				t.Fatal(err)
			}
		}
		c, err := s.Curve()
		if err != nil {
			if s.N() != 0 {
				t.Fatal(err)
			}
			return
		}
		prev := 1.0
		for _, st := range c.Steps() {
			if !(st.Survival >= 0 && st.Survival <= prev) {
				t.Fatalf("S rose or left [0, 1]: %+v", st)
			}
			prev = st.Survival
			for _, m := range []Method{Log, LogLog, Plain} {
				ci, err := c.Interval(st.Time, 0.95, m)
				if err != nil || !(ci.Lo >= 0 && ci.Lo <= st.Survival && st.Survival <= ci.Hi && ci.Hi <= 1) {
					t.Fatalf("%s band at %+v: %v %v", m, st, ci, err)
				}
			}
		}
		var last time.Duration
		for _, p := range []float64{0.1, 0.25, 0.5, 0.75, 0.9, 1} {
			q, ok := c.Quantile(p)
			if !ok {
				break
			}
			if q < last {
				t.Fatalf("quantile %v = %v below %v", p, q, last)
			}
			last = q
		}
	})
}

func BenchmarkSurvivalAdd(b *testing.B) {
	var s Survival
	for i := 0; b.Loop(); i++ {
		if err := s.Add(time.Duration(i%1000)*24*time.Hour, i%3 == 0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCurve100k(b *testing.B) {
	var s Survival
	r := rand.New(rand.NewPCG(3, 4))
	for range 100_000 {
		_ = s.Add(time.Duration(r.IntN(3650))*24*time.Hour, r.IntN(2) == 0)
	}
	b.ResetTimer()
	for b.Loop() {
		c, err := s.Curve()
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := c.Median(); !ok {
			b.Fatal("no median")
		}
	}
}

// lifelines' exponential-Greenwood expression evaluated in
// testdata/reference.py on aml (all 23): R's log-log band and ours.
func TestLogLogIsLifelines(t *testing.T) {
	lower := []float64{0.6949475375320584, 0.6006104112371987, 0.5542115066687285, 0.5092094387542186, 0.4656417497620039, 0.4656417497620039, 0.4139529507171171, 0.31925041397118675, 0.27556562801213713, 0.27556562801213713, 0.22738116846254247, 0.1828366186486279, 0.14182569348173835, 0.104441343233593, 0.07099664898286148, 0.042114281261576895, 0.006955966798536445, 0.006955966798536445}
	upper := []float64{0.9775156699007136, 0.9309035583871155, 0.903207489881887, 0.8733757816976766, 0.8417212913917631, 0.8417212913917631, 0.8053077644820786, 0.7264491738206337, 0.6842137884478159, 0.6842137884478159, 0.637092687459888, 0.5874769144179404, 0.5352737899890686, 0.48028466041656165, 0.4221674433809247, 0.36036136027318344, 0.2867603679809181, 0.2867603679809181}
	c, _ := kmCases[0].survival(t).Curve()
	for i, s := range c.Steps() {
		ci, _ := c.Interval(s.Time, 0.95, LogLog)
		if !closeTo(ci.Lo, lower[i], 1e-14) || !closeTo(ci.Hi, upper[i], 1e-14) {
			t.Errorf("at %v: %v, lifelines [%v, %v]", s.Time, ci, lower[i], upper[i])
		}
	}
}

func FuzzSurvivalUnmarshalBinary(f *testing.F) {
	good, _ := kmCases[0].survival(f).MarshalBinary()
	f.Add(good)
	f.Add([]byte{'S', 1, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Survival
		if err := u.UnmarshalBinary(data); err != nil {
			if u.N() != 0 || u.ties != nil {
				t.Fatal("failed decode changed the accumulator")
			}
			return
		}
		again, _ := u.MarshalBinary()
		var v Survival
		if err := v.UnmarshalBinary(again); err != nil || v.N() != u.N() || len(v.ties) != len(u.ties) {
			t.Fatalf("re-decode: %v", err)
		}
		if c, err := u.Curve(); err == nil {
			if s := c.At(math.MaxInt64); !(s >= 0 && s <= 1) {
				t.Fatalf("S = %v", s)
			}
		}
	})
}

func FuzzSurvivalUnmarshalJSON(f *testing.F) {
	js, _ := json.Marshal(kmCases[3].survival(f))
	f.Add(js)
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Survival
		if err := json.Unmarshal(data, &u); err != nil {
			return
		}
		var n uint64
		for d, tie := range u.ties {
			if d < 0 || tie.events+tie.censored == 0 {
				t.Fatalf("decoded entry %v %+v", d, tie)
			}
			n += tie.events + tie.censored
		}
		if n != u.N() {
			t.Fatalf("N %d, entries add to %d", u.N(), n)
		}
	})
}
