package ces

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tallySpec() laws.Spec[Tally, int] {
	reversed, _ := NewScale(1, 7, LowerIsEasier)
	return laws.Spec[Tally, int]{
		Item:        func(r *rand.Rand) int { return 1 + r.IntN(7) },
		Bad:         []int{0, 8, math.MaxInt, math.MinInt},
		AddN:        (*Tally).AddN,
		Result:      func(t *Tally) (any, error) { return t.Result(0.95, StudentT) },
		Other:       func() *Tally { return NewTally(reversed) }, // same range, other polarity
		ErrMismatch: ErrMismatch,
		AllocFree:   true,
		BadBinary: [][]byte{
			{'E', 1, 2, 40, 2, 4, 8},                            // a 1–20 scale
			{'E', 1, 2, 10, 4, 4, 8, 0, 0, 0, 0, 0},             // polarity 2
			{'E', 1, 2, 10, 2, 8, 4, 0, 0, 0, 0, 0},             // bands out of order
			{'E', 1, 0xff, 0xff, 0xff, 0xff, 0x7f, 10, 2, 4, 8}, // a minimum past int32
		},
		BadJSON: []string{
			`{"scale":{"min":1,"max":5,"polarity":"up","low_to":2,"high_from":4},"counts":[1,2,3,4,5]}`,
			`{"scale":{"min":1,"max":5,"polarity":"lower-is-easier","low_to":2,"high_from":4},"counts":[18446744073709551615,1,0,0,0]}`,
			`{"counts":[1,0,0,0,0,0,2]}`, // no scale: it used to mean SevenPointEase
		},
	}
}

func TestTallyLaws(t *testing.T) { laws.Check(t, tallySpec()) }

// The reference sample, counts 190/240/110/330/140 on the 1–5
// effort scale. Its mean is 3020/1010 = 2.990099… (R, testdata/reference.R),
// not the 2.82 the issue quotes.
func TestReferenceSample(t *testing.T) {
	u := tallyOf(t, FivePointEffort, 190, 240, 110, 330, 140)
	assert.Equal(t, []uint64{430, 110, 470}, []uint64{u.LowEffort(), u.Neutral(), u.HighEffort()})
	net, _ := u.Net()
	assert.Equal(t, -40.0/1010, net)
	m, _ := u.Mean()
	e, _ := u.Ease()
	assert.InEpsilon(t, (5-m)/4, e, 1e-15)
	for e, want := range map[Effort]float64{LowEffort: 430.0 / 1010, NeutralEffort: 110.0 / 1010, HighEffort: 470.0 / 1010} {
		got, ok := u.Share(e)
		assert.True(t, ok)
		assert.Equal(t, want, got, "Share(%v)", e)
	}
	_, ok := u.Share(Effort(4))
	assert.False(t, ok, "Share of an invalid band")
	r, err := u.Result(0.95, StudentT)
	require.NoError(t, err)
	assert.Equal(t, 43000.0/1010, *r.LowEffortPct)
	assert.Equal(t, 47000.0/1010, *r.HighEffortPct)
	assert.Equal(t, -4000.0/1010, *r.NetPoints)
	assert.Equal(t, uint64(1010), r.N)
}

// R t.test(x, conf.level = level)$conf.int on the expanded counts
// (testdata/reference.R, "one_sample"), clamped to the scale.
func TestInterval(t *testing.T) {
	for _, c := range vectors(t).OneSample {
		t.Run(c.Name, func(t *testing.T) {
			s := scales[c.Scale]
			u := tallyOf(t, s, c.Counts...)
			m, _ := u.Mean()
			sd, _ := u.StdDev()
			assert.InEpsilon(t, c.Mean, m, 1e-15, "mean")
			assert.InEpsilon(t, c.SD, sd, 1e-15, "sd")
			ci, ok, err := u.Interval(c.Level)
			require.NoError(t, err)
			require.True(t, ok)
			lo, hi := math.Max(c.Lo, float64(s.Min())), math.Min(c.Hi, float64(s.Max()))
			assert.InEpsilon(t, lo, ci.Lo, 1e-12, "lo")
			assert.InEpsilon(t, hi, ci.Hi, 1e-12, "hi")
			assert.Equal(t, StudentT, ci.Method)
			assert.Equal(t, c.Level, ci.Level)
			e, ok, err := u.EaseInterval(c.Level)
			require.NoError(t, err)
			require.True(t, ok)
			elo, ehi := s.ease(lo), s.ease(hi)
			if s.Polarity() == LowerIsEasier {
				elo, ehi = ehi, elo
			}
			assert.InDelta(t, elo, e.Lo, 1e-12)
			assert.InDelta(t, ehi, e.Hi, 1e-12)
		})
	}
	same := tallyOf(t, SevenPointEase, 0, 0, 0, 0, 0, 9)
	ci, ok, err := same.Interval(0.95)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, [2]float64{6, 6}, [2]float64{ci.Lo, ci.Hi}, "no spread")
	for name, u := range map[string]*Tally{"one response": tallyOf(t, SevenPointEase, 1), "empty": {}} {
		_, ok, err := u.Interval(0.95)
		assert.NoError(t, err, name)
		assert.False(t, ok, name)
		_, ok, err = u.EaseInterval(0.95)
		assert.NoError(t, err, name)
		assert.False(t, ok, name)
	}
	_, _, err = same.Interval(1)
	assert.EqualError(t, err, "ces: confidence level not in (0, 1): Interval got 1")
	_, _, err = (&Tally{}).EaseInterval(1)
	assert.ErrorIs(t, err, ErrLevel, "an empty tally still checks the level")
}

func TestTallyCounts(t *testing.T) {
	var u Tally // SevenPointEase
	for _, s := range []int{1, 4, 5, 7, 7} {
		require.NoError(t, u.Add(s))
	}
	assert.Equal(t, []uint64{5, 2, 0, 3, 1, 1}, []uint64{u.N(), u.Count(7), u.Count(8), u.LowEffort(), u.HighEffort(), u.Neutral()})
	assert.Equal(t, SevenPointEase, u.Scale())
	before := u
	for _, bad := range []int{0, 8, math.MaxInt} {
		assert.ErrorIs(t, u.Add(bad), ErrScoreOutOfRange, "Add(%d)", bad)
	}
	assert.ErrorIs(t, u.AddN(4, math.MaxUint64), ErrOverflow)
	assert.Equal(t, before, u)
	bins, ok := u.Distribution()
	require.True(t, ok)
	require.Len(t, bins, 7)
	assert.Equal(t, Bin{Score: 7, Count: 2, Share: 0.4}, bins[6])
	assert.Equal(t, Bin{Score: 2}, bins[1])
	// 29 of 100 easy is exactly 29 %, not 28.999999999999996.
	r, _ := tallyOf(t, SevenPointEase, 71, 0, 0, 0, 0, 0, 29).Result(0.95, StudentT)
	assert.Equal(t, 29.0, *r.LowEffortPct)
	assert.Equal(t, 71.0, *r.HighEffortPct)
	assert.Equal(t, -42.0, *r.NetPoints)
}

func TestEmpty(t *testing.T) {
	var u Tally
	for name, ok := range map[string]bool{
		"Mean": second(u.Mean()), "StdDev": second(u.StdDev()), "Ease": second(u.Ease()),
		"Net": second(u.Net()), "Share": second(u.Share(LowEffort)),
	} {
		assert.False(t, ok, name)
	}
	_, ok := u.Distribution()
	assert.False(t, ok, "Distribution")
	r, err := u.Result(0.95, StudentT)
	require.NoError(t, err, "the Result of an empty tally is no error")
	assert.Equal(t, Result{Scale: SevenPointEase}, r)
	assert.Equal(t, "CES undefined, n=0 on 1–7, higher is easier", r.String())
	one := tallyOf(t, SevenPointEase, 0, 0, 0, 0, 0, 0, 1)
	r, err = one.Result(0.95, StudentT)
	require.NoError(t, err)
	assert.Equal(t, 7.0, *r.MeanScore)
	assert.Nil(t, r.StdDevScore)
	assert.Nil(t, r.MeanIntervalScore)
	assert.Equal(t, "CES mean 7.00 on 1–7, higher is easier, ease 100.0%, n=1: 100.0% low effort, 0.0% neutral, 0.0% high effort, net +100.0", r.String())
	_, err = one.Result(0.95, "bootstrap")
	assert.ErrorIs(t, err, ErrMethod)
}

func second[T any](_ T, ok bool) bool { return ok }

func TestMergeErrors(t *testing.T) {
	var a Tally
	assert.ErrorIs(t, a.Merge(NewTally(FivePointEffort)), ErrMismatch, "merging different scales")
	// Same range, other polarity: a different scale.
	reversed, _ := NewScale(1, 7, LowerIsEasier)
	assert.ErrorIs(t, a.Merge(NewTally(reversed)), ErrMismatch, "merging opposite polarities")
	require.NoError(t, a.AddN(5, math.MaxUint64-1))
	before := a
	assert.ErrorIs(t, a.Merge(tallyOf(t, SevenPointEase, 2)), ErrOverflow)
	assert.Equal(t, before, a)
}

func FuzzTallyBinary(f *testing.F) { laws.FuzzBinary(f, tallySpec()) }
func FuzzTallyJSON(f *testing.F)   { laws.FuzzJSON(f, tallySpec()) }
func FuzzTallyAdd(f *testing.F) {
	laws.FuzzAdd(f, tallySpec(), func(b []byte) (int, bool) {
		if len(b) == 0 {
			return 0, false
		}
		return int(int8(b[0])), true
	}, []byte{3}, []byte{0}, []byte{8})
}

func BenchmarkTallyAdd(b *testing.B) {
	var u Tally
	for i := 0; b.Loop(); i++ {
		_ = u.Add(1 + i%7)
	}
}

func BenchmarkTallyMerge(b *testing.B) {
	var u Tally
	v := tallyOf(b, SevenPointEase, 1, 2, 3, 4, 5, 6, 7)
	for b.Loop() {
		_ = u.Merge(v)
	}
}

func BenchmarkInterval(b *testing.B) {
	u := tallyOf(b, SevenPointEase, 4, 6, 10, 20, 40, 60, 60)
	for b.Loop() {
		_, _, _ = u.Interval(0.95)
	}
}
