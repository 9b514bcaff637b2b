package csat

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tallySpec() laws.Spec[Tally, int] {
	return laws.Spec[Tally, int]{
		Item:        func(r *rand.Rand) int { return 1 + r.IntN(5) },
		Bad:         []int{0, 6, -1, math.MaxInt, math.MinInt},
		AddN:        (*Tally).AddN,
		Result:      func(t *Tally) (any, error) { return t.Result(0.95, Wilson) },
		Other:       func() *Tally { return NewTally(SevenPoint) },
		ErrMismatch: ErrMismatch,
		AllocFree:   true,
		BadBinary: [][]byte{
			{'C', 1, 2, 40, 8, 4},                            // a 1–20 scale
			{'C', 1, 2, 10, 4, 8, 0, 0, 0, 0, 0},             // boxes out of order
			{'C', 1, 0xff, 0xff, 0xff, 0xff, 0x7f, 10, 8, 4}, // a minimum past int32
			append(append([]byte{'C', 1, 2, 10, 8, 4}, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), 1, 0, 0, 0),
		},
		BadJSON: []string{
			`{"scale":{"min":1,"max":30,"satisfied_from":29,"dissatisfied_to":2},"counts":[]}`,
			`{"scale":{"min":1,"max":5,"satisfied_from":4,"dissatisfied_to":2},"counts":[18446744073709551615,1,0,0,0]}`,
			`{"counts":[1,0,0,0,2]}`, // no scale: it used to mean FivePoint
		},
	}
}

func TestTallyLaws(t *testing.T) { laws.Check(t, tallySpec()) }

// The reference sample: counts 190/240/110/330/140 on 1–5. Its
// mean is 3020/1010 = 2.990099… (R, testdata/reference.R), not the 2.82
// the issue quotes.
func TestMoments(t *testing.T) {
	for _, c := range goldenR(t).Moments {
		t.Run(c.Name, func(t *testing.T) {
			s := FivePoint
			if len(c.Counts) == 7 {
				s = SevenPoint
			}
			u := tallyOf(t, s, c.Counts...)
			mean, ok := u.Mean()
			require.True(t, ok)
			assert.Equal(t, c.Mean, mean, "mean")
			sd, ok := u.StdDev()
			require.True(t, ok)
			assert.InEpsilon(t, c.SD, sd, 1e-15, "standard deviation")
		})
	}
	u := tallyOf(t, FivePoint, 190, 240, 110, 330, 140)
	assert.Equal(t, []uint64{470, 110, 430, 1010}, []uint64{u.Satisfied(), u.Neutral(), u.Dissatisfied(), u.N()})
	s, _ := u.Score()
	assert.Equal(t, 470.0/1010, s)
	d, _ := u.Dissatisfaction()
	assert.Equal(t, 430.0/1010, d)
}

func TestTallyCounts(t *testing.T) {
	var u Tally // FivePoint
	for _, s := range []int{1, 2, 3, 4, 5, 5} {
		require.NoError(t, u.Add(s))
	}
	assert.Equal(t, []uint64{6, 2, 0, 0}, []uint64{u.N(), u.Count(5), u.Count(0), u.Count(6)})
	assert.Equal(t, FivePoint, u.Scale())
	before := u
	for _, bad := range []int{0, 6, -1, math.MaxInt, math.MinInt} {
		assert.ErrorIs(t, u.Add(bad), ErrScoreOutOfRange, "Add(%d)", bad)
	}
	assert.ErrorIs(t, u.AddN(4, math.MaxUint64), ErrOverflow)
	assert.Equal(t, before, u, "a rejected Add changed the tally")
	// 29 of 100 satisfied is exactly 29 %, where 100·0.29 is 28.999999999999996.
	p := tallyOf(t, FivePoint, 71, 0, 0, 29, 0)
	r, _ := p.Result(0.95, Wilson)
	assert.Equal(t, 29.0, *r.SatisfiedPct)
	assert.Equal(t, 71.0, *r.DissatisfiedPct)
	bins, ok := p.Distribution()
	require.True(t, ok)
	require.Len(t, bins, 5)
	assert.Equal(t, Bin{Score: 1, Count: 71, Share: 0.71}, bins[0])
	assert.Equal(t, Bin{Score: 4, Count: 29, Share: 0.29}, bins[3])
}

func TestEmpty(t *testing.T) {
	var u Tally
	for name, ok := range map[string]bool{
		"Score":           second(u.Score()),
		"Dissatisfaction": second(u.Dissatisfaction()),
		"Mean":            second(u.Mean()),
		"StdDev":          second(u.StdDev()),
	} {
		assert.False(t, ok, name)
	}
	_, ok := u.Distribution()
	assert.False(t, ok, "Distribution")
	_, ok, err := u.Interval(0.95, Wilson)
	assert.NoError(t, err)
	assert.False(t, ok, "Interval")
	_, ok, err = u.Level(DefaultLevels)
	assert.NoError(t, err)
	assert.False(t, ok, "Level")
	r, err := u.Result(0.95, Wilson)
	require.NoError(t, err)
	assert.Equal(t, Result{Scale: FivePoint}, r)
	assert.Equal(t, "CSAT undefined, n=0 on 1–5", r.String())
	one := tallyOf(t, FivePoint, 0, 0, 0, 1)
	_, ok = one.StdDev()
	assert.False(t, ok, "StdDev of one response")
	r, _ = one.Result(0.95, Wilson)
	assert.Nil(t, r.StdDevScore)
	assert.Equal(t, 4.0, *r.MeanScore)
}

func second[T any](_ T, ok bool) bool { return ok }

// Wilson: R prop.test(correct = FALSE); Clopper–Pearson: R binom.test;
// Jeffreys: R qbeta (testdata/reference.R). Agresti–Coull and Wald:
// statsmodels proportion_confint (testdata/reference.py).
func TestInterval(t *testing.T) {
	r, py := goldenR(t).Intervals, goldenPython(t).Intervals
	require.Len(t, py, len(r))
	for i, c := range r {
		p := py[i]
		require.Equal(t, c.Name, p.Name)
		// Satisfied on Binary as 1s, the rest 0s; the same shares on FivePoint.
		for _, u := range []*Tally{tallyOf(t, Binary, c.N-c.Satisfied, c.Satisfied), tallyOf(t, FivePoint, c.N-c.Satisfied, 0, 0, c.Satisfied, 0)} {
			for _, m := range []struct {
				method Method
				want   [2]float64
			}{{Wilson, c.Wilson}, {ClopperPearson, c.ClopperPearson}, {Jeffreys, c.Jeffreys}, {AgrestiCoull, p.AgrestiCoull}, {Wald, p.Wald}} {
				t.Run(c.Name+" "+string(m.method)+" on "+u.Scale().String(), func(t *testing.T) {
					ci, ok, err := u.Interval(c.Level, m.method)
					require.NoError(t, err)
					require.True(t, ok)
					assert.InDelta(t, m.want[0], ci.Lo, 1e-9*m.want[0], "lo")
					assert.InDelta(t, m.want[1], ci.Hi, 1e-9*m.want[1], "hi")
					assert.Equal(t, m.method, ci.Method)
					assert.Equal(t, c.Level, ci.Level)
				})
			}
			d, ok, err := u.DissatisfactionInterval(c.Level, Wilson)
			require.NoError(t, err)
			require.True(t, ok)
			assert.InDelta(t, 1-c.Wilson[1], d.Lo, 1e-9)
			assert.InDelta(t, 1-c.Wilson[0], d.Hi, 1e-9)
		}
	}
	u := tallyOf(t, FivePoint, 1, 1, 1, 1, 1)
	for _, m := range []Method{Newcombe, "bootstrap"} {
		_, _, err := u.Interval(0.95, m)
		assert.ErrorIs(t, err, ErrMethod, "method %q", m)
		_, _, err = u.DissatisfactionInterval(0.95, m)
		assert.ErrorIs(t, err, ErrMethod, "dissatisfaction method %q", m)
	}
	_, _, err := u.Interval(95, Wilson)
	assert.EqualError(t, err, "csat: confidence level not in (0, 1): Interval got 95")
}

func TestMergeErrors(t *testing.T) {
	var a Tally
	err := a.Merge(NewTally(SevenPoint))
	assert.ErrorIs(t, err, ErrMismatch, "merging 1–7 into 1–5")
	assert.EqualError(t, err, "csat: tallies on different scales: merging a tally on 1–7 (satisfied 6–7, dissatisfied 1–2) into one on 1–5 (satisfied 4–5, dissatisfied 1–2)")
	require.NoError(t, a.AddN(5, math.MaxUint64-1))
	before := a
	assert.ErrorIs(t, a.Merge(tallyOf(t, FivePoint, 2)), ErrOverflow)
	assert.Equal(t, before, a)
}

// Past 2⁵³ responses shares and means stay exact.
func TestLargeCounts(t *testing.T) {
	u := tallyOf(t, FivePoint, 0, 0, 0, 1<<62, 1<<62)
	m, _ := u.Mean()
	assert.Equal(t, 4.5, m)
	s, _ := u.Score()
	assert.Equal(t, 1.0, s)
	v := tallyOf(t, FivePoint, 1<<62+1, 0, 0, 0, 1<<62)
	d, _ := v.Dissatisfaction()
	assert.Equal(t, 0.5, d)
}

func FuzzTallyBinary(f *testing.F) { laws.FuzzBinary(f, tallySpec()) }
func FuzzTallyJSON(f *testing.F)   { laws.FuzzJSON(f, tallySpec()) }
func FuzzTallyAdd(f *testing.F) {
	laws.FuzzAdd(f, tallySpec(), func(b []byte) (int, bool) {
		if len(b) == 0 {
			return 0, false
		}
		return int(int8(b[0])), true
	}, []byte{4}, []byte{0xff}, []byte{6})
}

func BenchmarkTallyAdd(b *testing.B) {
	var u Tally
	for i := 0; b.Loop(); i++ {
		_ = u.Add(1 + i%5)
	}
}

func BenchmarkTallyMerge(b *testing.B) {
	var u Tally
	v := tallyOf(b, FivePoint, 10, 20, 30, 40, 50)
	for b.Loop() {
		_ = u.Merge(v)
	}
}

func BenchmarkTallyMean(b *testing.B) {
	u := tallyOf(b, FivePoint, 190, 240, 110, 330, 140)
	for b.Loop() {
		_, _ = u.Mean()
	}
}

func BenchmarkInterval(b *testing.B) {
	u := tallyOf(b, FivePoint, 15, 0, 0, 85, 0)
	for _, m := range []Method{Wilson, ClopperPearson, Jeffreys} {
		b.Run(string(m), func(b *testing.B) {
			for b.Loop() {
				_, _, _ = u.Interval(0.95, m)
			}
		})
	}
}
