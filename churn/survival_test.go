package churn

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testdata/km.json (reference.R): R 4.2.2 survival 3.5-3 survfit on the
// aml data and on curves sitting exactly on a quantile, for conf.type
// "log", "log-log" and "plain": the table, the standard errors, the
// bands, print(fit)'s median with its 95 % limits and quantile(fit).
func TestKaplanMeierAgainstR(t *testing.T) {
	for _, c := range kmCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			curve, err := c.survival(t).Curve()
			require.NoError(t, err)
			steps := curve.Steps()
			require.Len(t, steps, len(c.Steps))
			se := floats(c.SE)
			for i, s := range steps {
				assert.Equal(t, Step{Time: kmDur(c.Steps[i]), AtRisk: c.Risk[i], Events: c.Event[i], Censored: c.Censor[i], Survival: s.Survival}, s, "step %d", i)
				assert.True(t, closeTo(s.Survival, c.Surv[i], 1e-15), "S(%v) = %.17g, want %.17g", c.Steps[i], s.Survival, c.Surv[i])
				got, ok := curve.StdErr(s.Time)
				if math.IsNaN(se[i]) { // R: 0·Inf once S = 0; undefined here
					assert.False(t, ok, "SE(%v) once S = 0", c.Steps[i])
				} else {
					assert.True(t, ok && closeTo(got, se[i], 1e-14), "SE(%v) = %.17g, want %.17g", c.Steps[i], got, se[i])
				}
				assert.Equal(t, s.Survival, curve.At(s.Time))
				assert.Equal(t, s.AtRisk, curve.AtRisk(s.Time))
			}
			for m, b := range c.Bands {
				lower, upper, median := floats(b.Lower), floats(b.Upper), floats(b.Median[:])
				for i, s := range steps {
					ci, err := curve.Interval(s.Time, 0.95, m)
					require.NoError(t, err)
					lo, hi := lower[i], upper[i]
					if math.IsNaN(lo) { // R's NA at S = 0 (and S = 1 for log-log)
						lo, hi = s.Survival, s.Survival
					}
					assert.True(t, closeTo(ci.Lo, lo, 1e-14) && closeTo(ci.Hi, hi, 1e-14),
						"%s CI at %v = [%.17g, %.17g], want [%.17g, %.17g]", m, c.Steps[i], ci.Lo, ci.Hi, lo, hi)
				}
				med, ok := curve.Median()
				assert.Equal(t, !math.IsNaN(median[0]), ok, "median defined")
				if ok {
					assert.Equal(t, kmDur(median[0]), med, "median")
				}
				qi, err := curve.QuantileInterval(0.5, 0.95, m)
				require.NoError(t, err)
				for j, bound := range []*time.Duration{qi.Lo, qi.Hi} {
					want := median[1+j]
					if assert.Equal(t, !math.IsNaN(want), bound != nil, "%s median bound %d defined", m, j) && bound != nil {
						assert.Equal(t, kmDur(want), *bound, "%s median bound %d", m, j)
					}
				}
			}
			for j, p := range []float64{0.25, 0.5, 0.75} {
				if c.Name == "flat 0.5 to the end" && p == 0.5 {
					// quantile.survfit says 3 (the midpoint to the last
					// time); print.survfit, followed here, says 2.
					continue
				}
				q, ok := curve.Quantile(p)
				want := float64(c.Quantile[j])
				if assert.Equal(t, !math.IsNaN(want), ok, "quantile %v defined", p) && ok {
					assert.Equal(t, kmDur(want), q, "quantile %v", p)
				}
			}
		})
	}
}

// testdata/lifelines.json (reference.py): lifelines' exponential-Greenwood
// expression evaluated on aml (all 23) equals our log-log band.
func TestLogLogIsLifelines(t *testing.T) {
	var ref struct {
		Time         []float64
		Status       []int
		Lower, Upper []float64
	}
	golden(t, "lifelines.json", &ref)
	c := kmCase{Time: ref.Time, Status: ref.Status}
	curve, err := c.survival(t).Curve()
	require.NoError(t, err)
	for i, s := range curve.Steps() {
		ci, err := curve.Interval(s.Time, 0.95, LogLog)
		require.NoError(t, err)
		assert.True(t, closeTo(ci.Lo, ref.Lower[i], 1e-14) && closeTo(ci.Hi, ref.Upper[i], 1e-14),
			"at %v: %v, lifelines [%v, %v]", s.Time, ci, ref.Lower[i], ref.Upper[i])
	}
}

func TestSurvivalEdges(t *testing.T) {
	var s Survival
	_, err := s.Curve()
	assert.ErrorIs(t, err, ErrEmpty)
	for _, c := range []struct {
		name string
		l    Lifetime
		n    uint64
		want error
	}{
		{"negative", Lifetime{Duration: -time.Second, Lost: true}, 1, ErrDuration},
		// Longer than the plausible window: time.Time.Sub would have
		// clipped it at 292 years.
		{"over 250 years", Lifetime{Duration: MaxLifetime + 1}, 1, ErrDuration},
		{"overflow", Lifetime{Duration: time.Hour}, math.MaxUint64, nil},
		{"overflow again", Lifetime{Duration: time.Hour}, 1, ErrOverflow},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := s.Clone()
			err := s.AddN(c.l, c.n)
			if c.want == nil {
				require.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, c.want)
			assert.Equal(t, before, &s, "a rejected AddN changed the accumulator")
		})
	}
	s = Survival{}
	require.NoError(t, s.AddN(Lifetime{Duration: 2 * time.Hour}, 3)) // censored only: S stays 1
	c, _ := s.Curve()
	assert.Equal(t, 1.0, c.At(5*time.Hour))
	assert.Equal(t, uint64(3), c.AtRisk(0))
	assert.Equal(t, uint64(0), c.AtRisk(3*time.Hour))
	_, ok := c.Median()
	assert.False(t, ok, "median of a curve at 1")
	for _, m := range []Method{Log, LogLog, Plain} {
		ci, _ := c.Interval(time.Hour, 0.95, m)
		assert.Equal(t, [2]float64{1, 1}, [2]float64{ci.Lo, ci.Hi}, "%s at S = 1", m)
	}
	_, err = c.Interval(0, 0.95, "arcsin")
	assert.ErrorIs(t, err, ErrMethod)
	_, err = c.Interval(0, 1.5, Log)
	assert.ErrorIs(t, err, ErrLevel)
	assert.Contains(t, err.Error(), "churn: ")
	_, err = c.QuantileInterval(1.5, 0.95, Log)
	assert.ErrorIs(t, err, ErrRate)
	q, ok := c.Quantile(0)
	assert.True(t, ok)
	assert.Zero(t, q)
	_, ok = c.Quantile(-0.1)
	assert.False(t, ok)
	_, err = s.Result(0.95, "arcsin")
	assert.ErrorIs(t, err, ErrMethod)
}

// The binary searches of Quantile agree with survmean's scan (first) on
// random curves, at every probability where the curve has a step.
func TestQuantileSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		var s Survival
		for range 1 + r.IntN(40) {
			_ = s.Add(Lifetime{Duration: time.Duration(r.IntN(20)), Lost: r.IntN(3) > 0})
		}
		c, _ := s.Curve()
		for _, st := range c.Steps() {
			for _, p := range []float64{1 - st.Survival, 1 - st.Survival + 1e-3, 0.5, 0.9} {
				got, ok := c.Quantile(p)
				want, wok := c.first(1-p, func(i int) float64 { return c.steps[i].Survival })
				require.Equal(t, wok, ok, "p = %v", p)
				require.Equal(t, want, got, "p = %v", p)
			}
		}
	}
}

// Merging accumulators in any order gives the same curve as adding
// everything to one.
func TestSurvivalMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var all Survival
	parts := make([]Survival, 4)
	for range 500 {
		l := Lifetime{Duration: time.Duration(r.IntN(40)) * 24 * time.Hour, Lost: r.IntN(3) > 0}
		require.NoError(t, all.Add(l))
		require.NoError(t, parts[r.IntN(4)].Add(l))
	}
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 1, 0, 2}} {
		var m Survival
		for _, i := range order {
			require.NoError(t, m.Merge(&parts[i]))
		}
		a, _ := all.Curve()
		b, _ := m.Curve()
		assert.Equal(t, a.Steps(), b.Steps(), "merge order %v", order)
		assert.Equal(t, all.Events(), m.Events())
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
	s, err := SurvivalOf(slices.Values(customers), asOf, day)
	require.NoError(t, err)
	c, _ := s.Curve()
	assert.Equal(t, []Step{
		{Time: 10 * day, AtRisk: 4, Events: 2, Survival: 0.5},
		{Time: 50 * day, AtRisk: 2, Censored: 1, Survival: 0.5},
		{Time: 100 * day, AtRisk: 1, Censored: 1, Survival: 0.5},
	}, c.Steps())
	se, ok := c.StdErr(50 * day)
	assert.True(t, ok)
	assert.Equal(t, 0.25, se)
	// S = 0.5 flat to the end: the median is where it got there.
	m, ok := c.Median()
	assert.True(t, ok)
	assert.Equal(t, 10*day, m)
	for _, b := range []struct {
		name      string
		customers []Customer
		asOf      time.Time
		unit      time.Duration
		want      error
	}{
		{"duplicate", append(slices.Clone(customers), Customer{ID: "a", Start: t0}), asOf, day, ErrDuplicateID},
		{"negative unit", customers, asOf, -day, ErrDuration},
		{"unit over 250 years", customers, asOf, MaxLifetime + 1, ErrDuration},
		{"no as-of date", customers, time.Time{}, day, ErrTime},
		// As of the year 3000 the lifetimes passed 292 years and
		// time.Time.Sub clipped them.
		{"as of the year 3000", customers, time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC), day, ErrTime},
	} {
		t.Run(b.name, func(t *testing.T) {
			_, err := SurvivalOf(slices.Values(b.customers), b.asOf, b.unit)
			assert.ErrorIs(t, err, b.want)
		})
	}
	bySeg, err := SurvivalBy(slices.Values(customers), asOf, 0, func(c Customer) bool { return c.End.IsZero() })
	require.NoError(t, err)
	assert.Equal(t, uint64(1), bySeg[true].N())
	assert.Equal(t, uint64(3), bySeg[false].N())
}

func TestCurveResult(t *testing.T) {
	s := kmCases(t)[0].survival(t)
	r, err := s.Result(0.95, LogLog)
	require.NoError(t, err)
	assert.Equal(t, uint64(23), r.N)
	assert.Equal(t, uint64(18), r.Events)
	assert.Equal(t, uint64(5), r.Censored)
	require.NotNil(t, r.MedianDays)
	assert.Equal(t, 27.0/24, *r.MedianDays, "27 hours")
	require.NotNil(t, r.MedianIntervalDays.Lo)
	assert.Equal(t, 13.0/24, *r.MedianIntervalDays.Lo)
	assert.Len(t, r.Steps, 18)
	js, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(js), `"median_interval_days":{"lo":0.5416666666666666,"hi":1.4166666666666667,"level":0.95,"method":"log-log"}`)
	// The nonmaintained group falls to 0: no standard error, no band.
	z, err := kmCases(t)[2].survival(t).Result(0.95, Log)
	require.NoError(t, err)
	last := z.Steps[len(z.Steps)-1]
	assert.Nil(t, last.StdErrPct)
	assert.Equal(t, 0.0, last.SurvivalPct)
	var empty Survival
	r, err = empty.Result(0.95, Log)
	require.NoError(t, err)
	assert.Nil(t, r.MedianDays)
	assert.Equal(t, "0 lifetimes, 0 lost; median not reached", r.String())
}

// Properties on random data: S non-increasing in [0, 1], every band
// ordered around S and within [0, 1], quantiles non-decreasing in p.
func FuzzKaplanMeier(f *testing.F) {
	f.Add([]byte{3, 1, 5, 0, 5, 1, 9, 1, 0, 1})
	f.Add([]byte{0, 1, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Survival
		for i := 0; i+1 < len(data); i += 2 {
			if err := s.Add(Lifetime{Duration: time.Duration(data[i]), Lost: data[i+1]&1 == 1}); err != nil {
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
		if r, err := c.Result(0.9, Plain); err != nil {
			t.Fatal(err)
		} else if _, err := json.Marshal(r); err != nil {
			t.Fatalf("result does not marshal: %v", err)
		}
	})
}

func BenchmarkSurvivalAdd(b *testing.B) {
	var s Survival
	for i := 0; b.Loop(); i++ {
		if err := s.Add(Lifetime{Duration: time.Duration(i%1000) * 24 * time.Hour, Lost: i%3 == 0}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCurve100k(b *testing.B) {
	var s Survival
	r := rand.New(rand.NewPCG(3, 4))
	for range 100_000 {
		_ = s.Add(Lifetime{Duration: time.Duration(r.IntN(3650)) * 24 * time.Hour, Lost: r.IntN(2) == 0})
	}
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
