package ces

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// R: each channel against the best by t.test(var.equal = FALSE), then
// p.adjust(method = "holm") (testdata/reference.R, "rank").
func TestRank(t *testing.T) {
	for _, c := range vectors(t).Rank {
		t.Run(c.Name, func(t *testing.T) {
			s := scales[c.Scale]
			groups := map[string]*Tally{}
			for _, r := range c.Rows {
				groups[r.Key] = tallyOf(t, s, r.Counts...)
			}
			ranked, err := Rank(groups, 0.05)
			require.NoError(t, err)
			require.Len(t, ranked, len(c.Rows))
			for i, w := range c.Rows {
				r := ranked[i]
				require.Equal(t, w.Key, r.Key, "row %d", i)
				assert.InEpsilon(t, w.Mean, *r.MeanScore, 1e-15, "%s mean", w.Key)
				assert.InDelta(t, w.Mean-c.Rows[0].Mean, *r.DeltaScore, 1e-14, "%s delta", w.Key)
				assert.Equal(t, w.Tested, r.Tested, "%s tested", w.Key)
				if !w.Tested {
					assert.Nil(t, r.PValue, "%s untested: no p-value", w.Key)
					continue
				}
				assert.InEpsilon(t, w.T, *r.T, 1e-12, "%s t", w.Key)
				assert.InEpsilon(t, w.DF, *r.DF, 1e-12, "%s df", w.Key)
				assert.InEpsilon(t, w.P, *r.PValue, 1e-9, "%s p", w.Key)
				assert.InEpsilon(t, w.Holm, *r.AdjustedPValue, 1e-9, "%s Holm", w.Key)
				assert.Equal(t, w.Holm < 0.05, r.Significant, "%s significant", w.Key)
			}
		})
	}
}

func TestRankDetails(t *testing.T) {
	groups := map[string]*Tally{
		"chat":  tallyOf(t, SevenPointEase, 2, 3, 5, 10, 30, 50, 40),
		"apps":  tallyOf(t, SevenPointEase, 2, 3, 5, 10, 30, 50, 40), // ties with chat: by key
		"phone": tallyOf(t, SevenPointEase, 10, 15, 20, 30, 40, 25, 10),
		"email": tallyOf(t, SevenPointEase, 5, 10, 15, 20, 25, 15, 10),
		"store": tallyOf(t, SevenPointEase, 1, 2, 3, 5, 10, 20, 30),
		"kiosk": tallyOf(t, SevenPointEase, 0, 0, 0, 1), // a single response: not tested
		"web":   tallyOf(t, SevenPointEase, 3, 4, 5, 10, 30, 50, 40),
	}
	ranked, err := Rank(groups, 0.05)
	require.NoError(t, err)
	assert.InEpsilon(t, 100*(5.830985915492958-1)/6, *ranked[0].EasePct, 1e-15)
	for i, s := range map[int]string{
		0: "store: mean 5.83, ease 80.5%, n=71",
		1: "apps: mean 5.66, ease 77.7%, n=140, Δ -0.17, p = 0.41 (Holm 0.82)",
		5: "phone: mean 4.27, ease 54.4%, n=150, Δ -1.56, p = 1.5e-11 (Holm 7.3e-11), significant",
		6: "kiosk: mean 4.00, ease 50.0%, n=1, Δ -1.83, not tested",
	} {
		assert.Equal(t, s, ranked[i].String())
	}
	// A stricter alpha keeps the flags where Holm's p-values are.
	strict, _ := Rank(groups, 1e-10)
	assert.False(t, strict[4].Significant, "email at 1e-10")
	assert.True(t, strict[5].Significant, "phone at 1e-10")
	// Holm's correction matters: phone's raw p (1.5e-11) is below 5e-11,
	// its adjusted p (7.3e-11) is not.
	holmed, _ := Rank(groups, 5e-11)
	assert.Equal(t, "phone", holmed[5].Key)
	assert.Less(t, *holmed[5].PValue, 5e-11)
	assert.False(t, holmed[5].Significant)
	js, err := json.Marshal(ranked[5])
	require.NoError(t, err)
	assert.JSONEq(t, `{"key":"phone","n":150,"mean_score":4.266666666666667,"ease_pct":54.44444444444444,"delta_score":-1.5643192488262914,
		"tested":true,"t":-7.294818254078902,"df":154.4261500489946,"p_value":1.4651183371756817e-11,
		"adjusted_p_value":7.325591685878409e-11,"significant":true}`, string(js))
}

// Empty groups rank last with undefined figures; a lone group is simply
// first; no groups are an empty ranking.
func TestRankUndefined(t *testing.T) {
	ok := tallyOf(t, SevenPointEase, 1, 2, 3)
	ranked, err := Rank(map[string]*Tally{"chat": ok, "phone": {}, "email": nil}, 0.05)
	require.NoError(t, err)
	require.Len(t, ranked, 3)
	assert.Equal(t, []string{"chat", "email", "phone"}, []string{ranked[0].Key, ranked[1].Key, ranked[2].Key})
	assert.Equal(t, Ranked[string]{Key: "email"}, ranked[1])
	assert.Equal(t, "phone: no responses", ranked[2].String())
	one, err := Rank(map[string]*Tally{"chat": ok}, 0.05)
	require.NoError(t, err)
	require.Len(t, one, 1)
	assert.False(t, one[0].Tested)
	assert.Nil(t, one[0].PValue)
	assert.Equal(t, 0.0, *one[0].DeltaScore)
	none, err := Rank(map[string]*Tally{}, 0.05)
	require.NoError(t, err)
	assert.Empty(t, none)
	allEmpty, err := Rank(map[int]*Tally{2: {}, 1: nil}, 0.05)
	require.NoError(t, err)
	assert.Equal(t, []Ranked[int]{{Key: 1}, {Key: 2}}, allEmpty)
}

func TestRankErrors(t *testing.T) {
	ok := tallyOf(t, SevenPointEase, 1, 2, 3)
	for name, tc := range map[string]struct {
		groups map[int]*Tally
		alpha  float64
		want   error
	}{
		"alpha 0": {map[int]*Tally{1: ok}, 0, ErrAlpha},
		"alpha 1": {map[int]*Tally{1: ok}, 1, ErrAlpha},
		"NaN":     {map[int]*Tally{1: ok}, math.NaN(), ErrAlpha},
		"scales":  {map[int]*Tally{1: ok, 2: tallyOf(t, FivePointEffort, 3)}, 0.05, ErrMismatch},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Rank(tc.groups, tc.alpha)
			assert.ErrorIs(t, err, tc.want)
		})
	}
	_, err := Rank(map[float64]*Tally{math.NaN(): ok}, 0.05)
	assert.ErrorIs(t, err, ErrID, "a NaN key")
	_, err = Rank(map[string]*Tally{"chat": ok, "phone": tallyOf(t, FivePointEffort, 1)}, 0.05)
	assert.EqualError(t, err, "rank: group phone: ces: tallies on different scales: 1–5, lower is easier (easy 1–2, neutral 3, difficult 4–5) and 1–7, higher is easier (easy 5–7, neutral 4, difficult 1–3)")
}

// Rankings do not depend on map iteration order, and Holm's adjusted
// p-values are monotone in P and never below it.
func TestRankDeterministic(t *testing.T) {
	groups := map[int]*Tally{}
	for k := range 20 {
		groups[k] = tallyOf(t, SevenPointEase, uint64(k%3), 1, 2, uint64(k%5), 3, uint64(k%2), 1)
	}
	first, _ := Rank(groups, 0.05)
	for range 20 {
		again, _ := Rank(groups, 0.05)
		require.Equal(t, first, again)
	}
	for i, r := range first {
		if r.Tested {
			assert.GreaterOrEqual(t, *r.AdjustedPValue, *r.PValue, "row %d", i)
			assert.LessOrEqual(t, *r.AdjustedPValue, 1.0, "row %d", i)
		}
		for _, s := range first {
			if r.Tested && s.Tested && *r.PValue < *s.PValue {
				assert.LessOrEqual(t, *r.AdjustedPValue, *s.AdjustedPValue, "Holm monotone")
			}
		}
		if i > 0 {
			prev := first[i-1]
			assert.True(t, *prev.MeanScore > *r.MeanScore || *prev.MeanScore == *r.MeanScore && prev.Key < r.Key, "rows %d and %d out of order", i-1, i)
		}
	}
}

func FuzzRank(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 0, 0, 9, 1, 1, 1, 2, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		groups := map[int]*Tally{}
		for i := 0; i+7 <= len(data); i += 7 {
			u := NewTally(SevenPointEase)
			for j, c := range data[i : i+7] {
				_ = u.AddN(1+j, uint64(c))
			}
			groups[i] = u
		}
		ranked, err := Rank(groups, 0.05)
		if err != nil || len(ranked) != len(groups) {
			t.Fatalf("%d groups: %d rows, %v", len(groups), len(ranked), err)
		}
		if _, err := json.Marshal(ranked); err != nil {
			t.Fatalf("ranking does not marshal: %v", err)
		}
		for i, r := range ranked {
			if r.MeanScore == nil {
				if r.N != 0 || r.Tested {
					t.Fatalf("row %d: %+v", i, r)
				}
				continue
			}
			if i > 0 && ranked[i-1].MeanScore != nil && *r.MeanScore > *ranked[i-1].MeanScore || r.Significant && !r.Tested ||
				r.Tested && !(*r.PValue >= 0 && *r.AdjustedPValue >= *r.PValue && *r.AdjustedPValue <= 1) {
				t.Fatalf("row %d: %+v", i, r)
			}
		}
	})
}

func BenchmarkRank(b *testing.B) {
	groups := map[string]*Tally{
		"chat":  tallyOf(b, SevenPointEase, 2, 3, 5, 10, 30, 50, 40),
		"phone": tallyOf(b, SevenPointEase, 10, 15, 20, 30, 40, 25, 10),
		"email": tallyOf(b, SevenPointEase, 5, 10, 15, 20, 25, 15, 10),
		"store": tallyOf(b, SevenPointEase, 1, 2, 3, 5, 10, 20, 30),
		"web":   tallyOf(b, SevenPointEase, 3, 4, 5, 10, 30, 50, 40),
	}
	for b.Loop() {
		_, _ = Rank(groups, 0.05)
	}
}
