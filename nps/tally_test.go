package nps

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/rapportkit/rapport/internal/laws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tallySpec() laws.Spec[Tally, int] {
	oneToTen, _ := NewScale(1, 10, 7, 9)
	return laws.Spec[Tally, int]{
		Item:        func(r *rand.Rand) int { return r.IntN(11) },
		Bad:         []int{-1, 11, math.MinInt, math.MaxInt},
		AddN:        (*Tally).AddN,
		Result:      func(t *Tally) (any, error) { return t.Result(0.95, AdjustedWald) },
		Other:       func() *Tally { return NewTally(oneToTen) },
		ErrMismatch: ErrMismatch,
		AllocFree:   true,
		BadBinary: [][]byte{
			{'T', 1, 0, 40, 14, 18}, // a 0–20 scale
			append([]byte{'T', 1, 0, 20, 14, 18}, append(maxUvarint(), maxUvarint()...)...), // counts past 2⁶⁴ − 1
		},
		BadJSON: []string{
			`{"scale":{"min":0,"max":30,"passive_from":7,"promoter_from":9},"counts":[]}`,
			`{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[18446744073709551615,1,0,0,0,0,0,0,0,0,0]}`,
			`{"counts":[1,0,0,0,0,0,0,0,0,0,0]}`, // no scale
		},
	}
}

// maxUvarint is the uvarint of 2⁶⁴ − 1.
func maxUvarint() []byte {
	return []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}
}

func TestTallyLaws(t *testing.T) { laws.Check(t, tallySpec()) }

func TestClassify(t *testing.T) {
	for score, want := range []Category{-1, -1, -1, -1, -1, -1, -1, 0, 0, 1, 1} {
		got, err := Classify(score)
		require.NoError(t, err)
		assert.Equal(t, want, got, "Classify(%d)", score)
	}
	for _, score := range []int{-1, 11, math.MaxInt, math.MinInt} {
		_, err := Classify(score)
		assert.ErrorIs(t, err, ErrScoreOutOfRange, "Classify(%d)", score)
	}
	assert.Equal(t, "promoter", Promoter.String())
	assert.Equal(t, "invalid category", Category(5).String())
}

func TestScale(t *testing.T) {
	s, err := NewScale(0, 10, 7, 9)
	require.NoError(t, err)
	assert.Equal(t, Standard, s)
	oneToFive, err := NewScale(1, 5, 4, 5)
	require.NoError(t, err)
	for score, want := range map[int]Category{1: Detractor, 3: Detractor, 4: Passive, 5: Promoter} {
		got, _ := oneToFive.Classify(score)
		assert.Equal(t, want, got, "1–5 Classify(%d)", score)
	}
	noPassives, err := NewScale(0, 10, 9, 9)
	require.NoError(t, err)
	c, _ := noPassives.Classify(8)
	assert.Equal(t, Detractor, c, "no-passive scale: 8")
	for _, bad := range [][4]int{
		{0, 11, 7, 9}, {0, 10, 0, 9}, {0, 10, 9, 7}, {0, 10, 7, 11}, {5, 4, 4, 4},
		{math.MinInt, math.MaxInt, 0, 1}, {math.MaxInt - 4, math.MaxInt, math.MaxInt - 1, math.MaxInt},
	} {
		_, err := NewScale(bad[0], bad[1], bad[2], bad[3])
		assert.ErrorIs(t, err, ErrScale, "NewScale%v", bad)
	}
	assert.Equal(t, "0–10 (passives 7, promoters 9)", Standard.String())
}

func TestTallyCounts(t *testing.T) {
	var u Tally
	for _, s := range []int{0, 6, 7, 8, 9, 10, 10} {
		require.NoError(t, u.Add(s))
	}
	assert.Equal(t, []uint64{7, 3, 2, 2, 2, 0}, []uint64{u.N(), u.Promoters(), u.Passives(), u.Detractors(), u.Count(10), u.Count(11)})
	mean, ok := u.Mean()
	assert.True(t, ok)
	assert.Equal(t, 50.0/7, mean)
	before := u
	assert.ErrorIs(t, u.Add(11), ErrScoreOutOfRange)
	assert.ErrorIs(t, u.AddN(9, math.MaxUint64), ErrOverflow)
	assert.Equal(t, before, u, "a rejected Add changed the tally")
	bins, ok := u.Distribution()
	require.True(t, ok)
	assert.Equal(t, Bin{Score: 10, Count: 2, Share: 2.0 / 7}, bins[10])
}

func TestEmpty(t *testing.T) {
	var u Tally
	_, ok := u.Score()
	assert.False(t, ok, "Score")
	_, ok = u.Mean()
	assert.False(t, ok, "Mean")
	_, ok = u.Variance()
	assert.False(t, ok, "Variance")
	_, ok = u.StdErr()
	assert.False(t, ok, "StdErr")
	_, ok = u.Distribution()
	assert.False(t, ok, "Distribution")
	_, ok, err := u.Interval(0.95, Tango)
	assert.NoError(t, err)
	assert.False(t, ok, "Interval")
	r, err := u.Result(0.95, AdjustedWald)
	require.NoError(t, err, "the Result of an empty tally is no error")
	assert.Equal(t, Result{Scale: Standard}, r, "every figure nil")
	assert.Equal(t, "NPS undefined, n=0", r.String())
	_, err = u.Result(1.5, AdjustedWald)
	assert.ErrorIs(t, err, ErrLevel, "an empty tally still checks its arguments")
}

// 60 % promoters − 15 % detractors must be exactly 45, where the float
// expression (0.60 − 0.15)·100 gives 44.99999999999999.
func TestScoreExact(t *testing.T) {
	s, _ := tallyOf(t, 60, 25, 15).Score()
	assert.Equal(t, 45.0, s.Points())
	assert.Equal(t, 0.45, s.Float())
	assert.Equal(t, 45, s.Round())
	assert.Equal(t, "+45.0", s.String())
	assert.Zero(t, s.Rat().Cmp(big.NewRat(9, 20)), "Rat = %v", s.Rat())
	for _, c := range []struct {
		name string
		s    Score
		want int
	}{
		{"−44.5 rounds away from zero", Score{promoters: 0, detractors: 89, n: 200}, -45},
		{"44.5 rounds away from zero", Score{promoters: 89, detractors: 0, n: 200}, 45},
		{"33.3", Score{promoters: 1, detractors: 0, n: 3}, 33},
	} {
		t.Run(c.name, func(t *testing.T) { assert.Equal(t, c.want, c.s.Round()) })
	}
	// Past 2⁵³ the exact big.Rat path takes over: (2⁶² + 1 − 2⁶¹)/2⁶³.
	huge := Score{promoters: 1<<62 + 1, detractors: 1 << 61, n: 1 << 63}
	assert.Equal(t, 0.25, huge.Float())
}

// testdata/reference.py, "variance": exact rationals rounded once. At 10¹²
// promoters and one passive the float formula p₊ + p₋ − (p₊ − p₋)² was
// off by 2e-5 relative; the counts give it to the last bit.
func TestVariance(t *testing.T) {
	for _, c := range vectors(t).Variance {
		t.Run(c.Name, func(t *testing.T) {
			u := tallyOf(t, c.Promoters, c.Passives, c.Detractors)
			v, ok := u.Variance()
			require.True(t, ok)
			assert.Equal(t, c.Variance, v, "variance")
			se, _ := u.StdErr()
			assert.InDelta(t, c.StdErr, se, 1e-15*c.StdErr, "standard error")
		})
	}
}

// testdata/reference.py, "intervals": Wald and adjusted-Wald from the
// formulas, Tango from a brute-force constrained maximum likelihood.
func TestInterval(t *testing.T) {
	for _, c := range vectors(t).Intervals {
		u := tallyOf(t, c.Promoters, c.Passives, c.Detractors)
		for _, m := range []struct {
			method Method
			want   [2]float64
			tol    float64 // the Python optimizer is good to ~1e-9
		}{{Wald, c.Wald, 1e-12}, {AdjustedWald, c.AdjustedWald, 1e-12}, {Tango, c.Tango, 1e-8}} {
			t.Run(c.Name+" "+string(m.method), func(t *testing.T) {
				ci, ok, err := u.Interval(c.Level, m.method)
				require.NoError(t, err)
				require.True(t, ok)
				assert.InDelta(t, m.want[0], ci.Lo, m.tol, "lo")
				assert.InDelta(t, m.want[1], ci.Hi, m.tol, "hi")
				assert.Equal(t, m.method, ci.Method)
			})
		}
	}
	u := tallyOf(t, 1, 1, 1)
	_, _, err := u.Interval(0.95, "bootstrap")
	assert.ErrorIs(t, err, ErrMethod)
	assert.EqualError(t, err, `nps: unknown interval method: Interval got "bootstrap"`)
	_, _, err = u.Interval(95, Wald)
	assert.ErrorIs(t, err, ErrLevel)
	assert.EqualError(t, err, "nps: confidence level not in (0, 1): Interval got 95")
}

// Every method stays in [−1, 1] and holds the point estimate, for every
// trinomial sample up to n = 30.
func TestIntervalAlwaysValid(t *testing.T) {
	for n := uint64(1); n <= 30; n++ {
		for p := uint64(0); p <= n; p++ {
			for d := uint64(0); p+d <= n; d++ {
				u := tallyOf(t, p, n-p-d, d)
				s, _ := u.Score()
				for _, m := range []Method{Wald, AdjustedWald, Tango} {
					ci, ok, err := u.Interval(0.95, m)
					if err != nil || !ok || ci.Lo < -1 || ci.Hi > 1 || m != AdjustedWald && (ci.Lo > s.Float()+1e-12 || ci.Hi < s.Float()-1e-12) {
						t.Fatalf("%d/%d/%d %s: %v %v", p, n-p-d, d, m, ci, err)
					}
				}
			}
		}
	}
}

func TestCustomScaleTally(t *testing.T) {
	s, _ := NewScale(1, 10, 7, 9)
	u := NewTally(s)
	for _, score := range []int{1, 6, 7, 9, 10} {
		require.NoError(t, u.Add(score))
	}
	assert.ErrorIs(t, u.Add(0), ErrScoreOutOfRange, "0 on 1–10")
	sc, _ := u.Score()
	assert.Equal(t, 0.0, sc.Points())
	assert.Equal(t, uint64(1), u.Count(1))
	err := u.Merge(&Tally{})
	assert.ErrorIs(t, err, ErrMismatch, "merging different scales")
	assert.EqualError(t, err, "nps: tallies on different scales: merging a tally on 0–10 (passives 7, promoters 9) into one on 1–10 (passives 7, promoters 9)")
}

func TestMergeOverflow(t *testing.T) {
	var a Tally
	require.NoError(t, a.AddN(9, math.MaxUint64-1))
	assert.ErrorIs(t, a.Merge(tallyOf(t, 2, 0, 0)), ErrOverflow)
	assert.Equal(t, uint64(math.MaxUint64-1), a.N())
	assert.ErrorIs(t, a.Merge(&a), ErrOverflow, "doubling")
}

func FuzzTallyBinary(f *testing.F) { laws.FuzzBinary(f, tallySpec()) }
func FuzzTallyJSON(f *testing.F)   { laws.FuzzJSON(f, tallySpec()) }
func FuzzTallyAdd(f *testing.F) {
	laws.FuzzAdd(f, tallySpec(), func(b []byte) (int, bool) {
		if len(b) == 0 {
			return 0, false
		}
		return int(int8(b[0])), true
	}, []byte{9}, []byte{200}, []byte{11})
}

func BenchmarkTallyAdd(b *testing.B) {
	var u Tally
	for i := 0; b.Loop(); i++ {
		_ = u.Add(i % 11)
	}
}

func BenchmarkTallyMerge(b *testing.B) {
	var u Tally
	v := tallyOf(b, 10, 20, 30)
	for b.Loop() {
		_ = u.Merge(v)
	}
}

func BenchmarkIntervalTango(b *testing.B) {
	u := tallyOf(b, 412, 301, 287)
	for b.Loop() {
		_, _, _ = u.Interval(0.95, Tango)
	}
}

func BenchmarkResult(b *testing.B) {
	u := tallyOf(b, 412, 301, 287)
	for b.Loop() {
		_, _ = u.Result(0.95, AdjustedWald)
	}
}
