package rate_test

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/rapportkit/rapport/rate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func spec() laws.Spec[rate.Tally, bool] {
	return laws.Spec[rate.Tally, bool]{
		Item:      func(r *rand.Rand) bool { return r.IntN(3) == 0 },
		AddN:      (*rate.Tally).AddN,
		Result:    func(t *rate.Tally) (any, error) { return t.Result(0.95, rate.Wilson) },
		AllocFree: true,
		BadBinary: [][]byte{
			{'R', 1, 5, 3},       // 5 successes of 3 trials
			{'R', 2, 0, 0},       // another version
			{'C', 1, 0, 0},       // another type's tag
			{'R', 1, 0x80, 0, 0}, // an overlong zero
		},
		BadJSON: []string{
			`{"n":3,"successes":5}`,
			`{"successes":1,"n":3}`,
			`{"n":3}`,
			`{"n":3,"successes":1,"rate":0.3}`,
			`{"n":3.0,"successes":1}`,
			`{"n":-3,"successes":1}`,
			`null`,
		},
	}
}

func TestTallyLaws(t *testing.T) { laws.Check(t, spec()) }

func FuzzBinary(f *testing.F) { laws.FuzzBinary(f, spec()) }
func FuzzJSON(f *testing.F)   { laws.FuzzJSON(f, spec()) }
func FuzzAdd(f *testing.F) {
	laws.FuzzAdd(f, spec(), func(b []byte) (bool, bool) {
		if len(b) == 0 {
			return false, false
		}
		return b[0]&1 == 1, true
	}, []byte{0}, []byte{1})
}

func TestFromCounts(t *testing.T) {
	tl, err := rate.FromCounts(412, 1500)
	require.NoError(t, err)
	assert.Equal(t, uint64(1500), tl.N())
	assert.Equal(t, uint64(412), tl.Successes())

	_, err = rate.FromCounts(3, 2)
	require.ErrorIs(t, err, rate.ErrCount)
	assert.EqualError(t, err, "rate: successes exceed trials: FromCounts got 3 of 2")

	empty, err := rate.FromCounts(0, 0)
	require.NoError(t, err)
	_, ok := empty.Rate()
	assert.False(t, ok)
}

func TestOverflow(t *testing.T) {
	full, err := rate.FromCounts(7, math.MaxUint64)
	require.NoError(t, err)
	before := *full
	for name, f := range map[string]func() error{
		"Add":   func() error { return full.Add(true) },
		"AddN":  func() error { return full.AddN(false, 2) },
		"Merge": func() error { one, _ := rate.FromCounts(1, 1); return full.Merge(one) },
	} {
		t.Run(name, func(t *testing.T) {
			require.ErrorIs(t, f(), rate.ErrOverflow)
			assert.Equal(t, before, *full, "a rejected %s changed the tally", name)
		})
	}
	var z rate.Tally
	require.NoError(t, z.AddN(true, math.MaxUint64))
	assert.Equal(t, uint64(math.MaxUint64), z.Successes())
}

// The rate is the exact fraction correctly rounded; in percent too, so
// 29 of 100 is 29 rather than 100·0.29 = 28.999999999999996.
func TestRateIsExact(t *testing.T) {
	for _, c := range []struct {
		name string
		x, n uint64
	}{
		{"29 of 100", 29, 100},
		{"a third", 1, 3},
		{"all", 7, 7},
		{"none", 0, 5},
		{"past 2^53", 1<<53 + 1, 1<<54 + 3},
		{"at the bound", math.MaxUint64 - 1, math.MaxUint64},
	} {
		t.Run(c.name, func(t *testing.T) {
			tl, err := rate.FromCounts(c.x, c.n)
			require.NoError(t, err)
			exact := new(big.Rat).SetFrac(new(big.Int).SetUint64(c.x), new(big.Int).SetUint64(c.n))
			want, _ := exact.Float64()
			got, ok := tl.Rate()
			require.True(t, ok)
			assert.Equal(t, want, got)
			wantPct, _ := new(big.Rat).Mul(exact, big.NewRat(100, 1)).Float64()
			r, err := tl.Result(0.95, rate.Wilson)
			require.NoError(t, err)
			require.NotNil(t, r.RatePct)
			assert.Equal(t, wantPct, *r.RatePct)
		})
	}
}

// Result's interval against R (prop.test, binom.test, qbeta) and
// statsmodels (proportion_confint), in percent.
func TestResultIntervals(t *testing.T) {
	rows := append(readTSV(t, "testdata/r-interval.tsv"), readTSV(t, "testdata/sm-interval.tsv")...)
	for _, row := range rows {
		name := row["method"] + "/" + row["x"] + "_of_" + row["n"] + "/" + row["level"] + "/" + row["source"]
		t.Run(name, func(t *testing.T) {
			tl, err := rate.FromCounts(count(t, row["x"]), count(t, row["n"]))
			require.NoError(t, err)
			r, err := tl.Result(*float(t, row["level"]), rate.Method(row["method"]))
			require.NoError(t, err)
			require.NotNil(t, r.RateIntervalPct)
			ci := r.RateIntervalPct
			// The beta quantiles are an iteration; the rest closed forms.
			rel := 1e-13
			if row["method"] == "clopper-pearson" || row["method"] == "jeffreys" {
				rel = 1e-9
			}
			near(t, 100**float(t, row["lo"]), ci.Lo, rel, 0, "lo")
			near(t, 100**float(t, row["hi"]), ci.Hi, rel, 0, "hi")
			assert.Equal(t, *float(t, row["level"]), ci.Level)
			assert.Equal(t, rate.Method(row["method"]), ci.Method)
		})
	}
}

func TestResult(t *testing.T) {
	tl, _ := rate.FromCounts(412, 1500)
	r, err := tl.Result(0.95, rate.Wilson)
	require.NoError(t, err)
	assert.Equal(t, "27.5% (95% wilson 25.3…29.8%), 412 of 1500", r.String())

	var empty rate.Tally
	r, err = empty.Result(0.95, rate.ClopperPearson)
	require.NoError(t, err, "an empty tally is not an error")
	assert.Equal(t, rate.Result{}, r)
	assert.Equal(t, "no trials", r.String())

	for _, c := range []struct {
		name  string
		level float64
		m     rate.Method
		want  error
		msg   string
	}{
		{"level 1", 1, rate.Wilson, rate.ErrLevel, "rate: confidence level not in (0, 1): Result got 1"},
		{"level NaN", math.NaN(), rate.Wilson, rate.ErrLevel, "rate: confidence level not in (0, 1): Result got NaN"},
		{"a difference method", 0.95, rate.Newcombe, rate.ErrMethod, `rate: unknown method: Result got "newcombe", not one of wilson, clopper-pearson, jeffreys, agresti-coull, wald`},
		{"no method", 0.95, "", rate.ErrMethod, `rate: unknown method: Result got "", not one of wilson, clopper-pearson, jeffreys, agresti-coull, wald`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := tl.Result(c.level, c.m)
			require.ErrorIs(t, err, c.want)
			assert.EqualError(t, err, c.msg)
			_, err = empty.Result(c.level, c.m)
			require.ErrorIs(t, err, c.want, "an empty tally checks its arguments too")
		})
	}
}

func TestTallyOfBy(t *testing.T) {
	emails := []email{{"spring", true}, {"spring", false}, {"summer", true}, {"spring", true}, {"summer", false}}
	all, err := rate.TallyOf(slices.Values(emails), opened)
	require.NoError(t, err)
	assert.Equal(t, [2]uint64{3, 5}, [2]uint64{all.Successes(), all.N()})

	by, err := rate.TallyBy(slices.Values(emails), opened, func(e email) string { return e.Campaign })
	require.NoError(t, err)
	require.Len(t, by, 2)
	assert.Equal(t, [2]uint64{2, 3}, [2]uint64{by["spring"].Successes(), by["spring"].N()})
	assert.Equal(t, [2]uint64{1, 2}, [2]uint64{by["summer"].Successes(), by["summer"].N()})

	none, err := rate.TallyOf(slices.Values([]email(nil)), opened)
	require.NoError(t, err)
	assert.Zero(t, none.N())
}
