package nps

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/rapportkit/rapport/internal/golden"
	"github.com/rapportkit/rapport/internal/laws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomWeight draws a weight of any size the tally accepts: unset (1),
// ordinary, near 2⁻⁶⁴ or near 2⁶⁴, so that float sums would depend on
// their order.
func randomWeight(r *rand.Rand) float64 {
	switch r.IntN(4) {
	case 0:
		return 0
	case 1:
		return 0.2 + 2*r.Float64()
	case 2:
		return math.Ldexp(1+r.Float64(), -64+r.IntN(20))
	}
	return math.Ldexp(1+r.Float64(), 40+r.IntN(23))
}

func weightedSpec() laws.Spec[Weighted, Response] {
	oneToTen, _ := NewScale(1, 10, 7, 9)
	return laws.Spec[Weighted, Response]{
		Item: func(r *rand.Rand) Response { return Response{Score: r.IntN(11), Weight: randomWeight(r)} },
		Bad: []Response{
			{Score: 11}, {Score: -1}, {Score: 9, Weight: -1}, {Score: 9, Weight: math.NaN()},
			{Score: 9, Weight: math.Inf(1)}, {Score: 9, Weight: 1e-30}, {Score: 9, Weight: 0x1p64}, {Score: 9, Weight: 1e154},
		},
		AddN:        (*Weighted).AddN,
		Result:      func(w *Weighted) (any, error) { return w.Result(0.95, Wald) },
		Other:       func() *Weighted { return NewWeighted(oneToTen) },
		ErrMismatch: ErrMismatch,
		AllocFree:   true,
		BadBinary:   [][]byte{weightedBinary(1, 3, 3), weightedBinary(0, 1, 1), weightedBinary(2, 1<<52, 1<<62), weightedBinary(1, 1<<52|1, 1)},
		BadJSON: []string{
			`{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[1],"weight":["1"],"square":["1"]}`,
			weightedJSON1(1, "1", "2"),      // Σw² ≠ (Σw)² for one response
			weightedJSON1(1, "-1", "1"),     // a negative sum
			weightedJSON1(1, "1e0", "1"),    // an exponent
			weightedJSON1(1, "0.1", "0.01"), // not a float64 weight
			weightedJSON1(0, "1", "1"),      // weight without a response
			weightedJSON1(2, "1", "0.375"),  // Σw² < (Σw)²/n
		},
	}
}

// weightedBinary encodes a standard weighted tally with n responses of
// score 0 whose sums are w and w2 units, possible or not.
func weightedBinary(n, w, w2 uint64) []byte {
	b := []byte{'W', 2, 0, 20, 14, 18}
	be := func(x uint64) []byte {
		var buf [8]byte
		binary.BigEndian.PutUint64(buf[:], x)
		i := 0
		for i < 8 && buf[i] == 0 {
			i++
		}
		return append([]byte{byte(8 - i)}, buf[i:]...)
	}
	b = binary.AppendUvarint(b, n)
	b = append(append(b, be(w)...), be(w2)...)
	for range 10 {
		b = append(b, 0, 0, 0)
	}
	return b
}

// weightedJSON1 is the JSON of a standard weighted tally with n responses
// of score 10 summing to w and w2.
func weightedJSON1(n int, w, w2 string) string {
	zeros := `0,0,0,0,0,0,0,0,0,0,`
	strs := `"0","0","0","0","0","0","0","0","0","0",`
	return `{"scale":{"min":0,"max":10,"passive_from":7,"promoter_from":9},"counts":[` + zeros + string(rune('0'+n)) +
		`],"weight":[` + strs + `"` + w + `"],"square":[` + strs + `"` + w2 + `"]}`
}

func TestWeightedLaws(t *testing.T) { laws.Check(t, weightedSpec()) }

func weightedOf(t testing.TB, scores []int, weights []float64) *Weighted {
	t.Helper()
	var w Weighted
	for i := range scores {
		require.NoError(t, w.Add(Response{Score: scores[i], Weight: weights[i]}))
	}
	return &w
}

// testdata/reference.py, "weighted": exact rationals of the float64
// weights, rounded once. The R survey package agrees (weighted.R).
func TestWeightedReference(t *testing.T) {
	for _, c := range vectors(t).Weighted {
		t.Run(c.Name, func(t *testing.T) {
			w := weightedOf(t, c.Scores, c.Weights)
			score, ok := w.Score()
			require.True(t, ok)
			assert.Equal(t, c.Score, score, "score")
			se, _ := w.StdErr()
			assert.InDelta(t, c.StdErr, se, 1e-15*c.StdErr, "standard error")
			neff, _ := w.EffectiveN()
			assert.Equal(t, c.EffectiveN, neff, "effective n")
			assert.Equal(t, c.Weight, w.Weight(), "total weight")
			assert.Equal(t, uint64(len(c.Scores)), w.N())
			r, err := w.Result(0.95, Wald)
			require.NoError(t, err)
			assert.Equal(t, c.DesignEffect, *r.DesignEffectRatio, "design effect")
			ci, ok, err := w.Interval(0.95)
			require.NoError(t, err)
			require.True(t, ok)
			assert.InDelta(t, max(-1, score-1.959963984540054*se), ci.Lo, 1e-12)
		})
	}
}

// R 4.2 survey package (testdata/weighted.R): svymean(~c, svydesign(ids =
// ~1, weights = ~w)) reports the same score and our SE times √(n/(n−1)),
// survey's small-sample factor.
func TestWeightedSurveyPackage(t *testing.T) {
	r := golden.Read[survey](t, "testdata/weighted.json")
	c := vectors(t).Weighted[0]
	w := weightedOf(t, c.Scores, c.Weights)
	score, _ := w.Score()
	se, _ := w.StdErr()
	n := float64(w.N())
	assert.InDelta(t, r.Mean, score, 1e-15)
	assert.InDelta(t, r.SE, se*math.Sqrt(n/(n-1)), 1e-15)
}

// With unit weights the weighted tally agrees with the Tally.
func TestWeightedUnitMatchesTally(t *testing.T) {
	var w Weighted
	u := tallyOf(t, 412, 301, 287)
	for score := range 11 {
		require.NoError(t, w.AddN(Response{Score: score, Weight: 1}, u.Count(score)))
	}
	s, _ := u.Score()
	ws, _ := w.Score()
	se, _ := u.StdErr()
	wse, _ := w.StdErr()
	assert.Equal(t, s.Float(), ws)
	assert.InDelta(t, se, wse, 1e-15)
	neff, _ := w.EffectiveN()
	assert.Equal(t, 1000.0, neff)
}

func TestWeightedRejects(t *testing.T) {
	var w Weighted
	require.NoError(t, w.Add(Response{Score: 9, Weight: 2}))
	before := w
	for _, c := range []struct {
		name string
		r    Response
		want error
	}{
		{"negative", Response{Score: 9, Weight: -1}, ErrWeight},
		{"NaN", Response{Score: 9, Weight: math.NaN()}, ErrWeight},
		{"infinite", Response{Score: 9, Weight: math.Inf(1)}, ErrWeight},
		{"below 2⁻⁶⁴", Response{Score: 9, Weight: 0x1p-65}, ErrWeight},
		{"subnormal", Response{Score: 9, Weight: 5e-324}, ErrWeight},
		{"1e-160, whose square underflowed", Response{Score: 9, Weight: 1e-160}, ErrWeight},
		{"2⁶⁴", Response{Score: 9, Weight: 0x1p64}, ErrWeight},
		{"1e154, whose square used to overflow", Response{Score: 9, Weight: 1e154}, ErrWeight},
		{"off the scale", Response{Score: 11, Weight: 1}, ErrScoreOutOfRange},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.ErrorIs(t, w.Add(c.r), c.want)
			assert.Equal(t, before, w, "a rejected Add changed the tally")
		})
	}
	s, _ := NewScale(1, 10, 7, 9)
	assert.ErrorIs(t, w.Merge(NewWeighted(s)), ErrMismatch)
	assert.EqualError(t, w.Add(Response{Score: 9, Weight: 1e-30}), "nps: invalid weight: 1e-30 (need 2⁻⁶⁴ ≤ weight < 2⁶⁴)")
}

// A weight of 0 is the unset weight, 1, as everywhere in the package.
func TestWeightedZeroIsOne(t *testing.T) {
	var w Weighted
	require.NoError(t, w.Add(Response{Score: 9}))
	require.NoError(t, w.Add(Response{Score: 0, Weight: 1}))
	s, _ := w.Score()
	assert.Equal(t, 0.0, s)
	assert.Equal(t, 2.0, w.Weight())
}

// Weights whose squares underflow float64 (below ~1e-154) used to give
// an effective n of NaN with ok and a standard error of 0; exact sums
// keep them.
func TestWeightedTinyWeights(t *testing.T) {
	w := weightedOf(t, []int{10, 0}, []float64{0x1p-64, 0x1p-63})
	neff, ok := w.EffectiveN()
	require.True(t, ok)
	assert.Equal(t, 1.8, neff) // (3·2⁻⁶⁴)²/(5·2⁻¹²⁸)
	se, _ := w.StdErr()
	assert.Greater(t, se, 0.0)
	assert.False(t, math.IsNaN(se))
}

// The sums are exact: the state is the same in every order, down to the
// bytes, even for weights 2⁸⁰ apart.
func TestWeightedOrderIndependent(t *testing.T) {
	rs := []Response{{Score: 10, Weight: 0x1.3p-60}, {Score: 10, Weight: 0x1.fffffffffffffp62}, {Score: 10, Weight: 1.1}, {Score: 3, Weight: 0.7}}
	var want []byte
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 0, 3, 2}, {2, 3, 0, 1}} {
		var w Weighted
		for _, i := range order {
			require.NoError(t, w.Add(rs[i]))
		}
		b, _ := w.MarshalBinary()
		if want == nil {
			want = b
		}
		assert.Equal(t, want, b, "order %v", order)
	}
}

func FuzzWeightedBinary(f *testing.F) { laws.FuzzBinary(f, weightedSpec()) }
func FuzzWeightedJSON(f *testing.F)   { laws.FuzzJSON(f, weightedSpec()) }
func FuzzWeightedAdd(f *testing.F) {
	laws.FuzzAdd(f, weightedSpec(), func(b []byte) (Response, bool) {
		if len(b) < 9 {
			return Response{}, false
		}
		return Response{Score: int(int8(b[0])), Weight: math.Float64frombits(binary.LittleEndian.Uint64(b[1:]))}, true
	}, append([]byte{9}, binary.LittleEndian.AppendUint64(nil, math.Float64bits(1.5))...),
		append([]byte{3}, binary.LittleEndian.AppendUint64(nil, math.Float64bits(math.Copysign(0, -1)))...),
		append([]byte{9}, binary.LittleEndian.AppendUint64(nil, math.Float64bits(1e200))...))
}

func BenchmarkWeightedAdd(b *testing.B) {
	var w Weighted
	for i := 0; b.Loop(); i++ {
		_ = w.Add(Response{Score: i % 11, Weight: 1.25})
	}
}

func BenchmarkWeightedResult(b *testing.B) {
	w := weightedOf(b, []int{10, 9, 9, 8, 7, 6, 3, 0, 10, 5}, []float64{1.2, 0.8, 1.0, 2.0, 0.5, 1.5, 0.7, 1.1, 0.9, 1.3})
	for b.Loop() {
		_, _ = w.Result(0.95, Wald)
	}
}
