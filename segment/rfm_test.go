package segment

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reference is testdata/reference.json, written by testdata/reference.py.
type reference struct {
	Concentration []struct {
		Name     string   `json:"name"`
		Revenues []string `json:"revenues"`
		Gini     float64  `json:"gini"`
		Sample   *float64 `json:"sample"`
		Top20    float64  `json:"top20"`
		For80    int      `json:"for80"`
		For100   int      `json:"for100"`
		ABC      string   `json:"abc"`
	} `json:"concentration"`
	Quantiles struct {
		Days            []int    `json:"days"`
		Frequency       []int    `json:"frequency"`
		R               []uint8  `json:"r"`
		F               []uint8  `json:"f"`
		RecencyCutsDays []int64  `json:"recency_cuts_days"`
		FrequencyCuts   []uint64 `json:"frequency_cuts"`
	} `json:"quantiles"`
}

func readReference(t *testing.T) reference {
	t.Helper()
	b, err := os.ReadFile("testdata/reference.json")
	require.NoError(t, err)
	var ref reference
	require.NoError(t, json.Unmarshal(b, &ref))
	return ref
}

// The Python script's brute-force scores and cut points
// (testdata/reference.py).
func TestQuantileScoresReference(t *testing.T) {
	q := readReference(t).Quantiles
	var c Collection
	for i, days := range q.Days {
		for j := range q.Frequency[i] {
			// the last purchase is days old, the others older
			require.NoError(t, c.Add(Transaction{fmt.Sprint(i), daysAgo(days + j), decimal.NewFromInt(int64(10 * i))}))
		}
	}
	s, err := c.Score(asOf, Config{})
	require.NoError(t, err)
	for i := range q.Days {
		t.Run(fmt.Sprint("customer ", i), func(t *testing.T) {
			got, ok := s.Get(fmt.Sprint(i))
			require.True(t, ok)
			assert.Equal(t, q.R[i], got.Score.R, "R")
			assert.Equal(t, q.F[i], got.Score.F, "F")
			assert.Equal(t, int64(q.Days[i]), got.RecencyDays)
		})
	}
	// cut j: the score j+1 needs at most RecencyCutsDays[j-1] days, at
	// least FrequencyCuts[j-1] purchases
	assert.Equal(t, q.RecencyCutsDays, s.RecencyCutsDays)
	assert.Equal(t, q.FrequencyCuts, s.FrequencyCuts)
	assert.Equal(t, 10, s.Scored)
	assert.Equal(t, 1, s.Cells()[Score{5, 1, 1}])
}

// scoresOf lists every score in id order.
func scoresOf(s *Scores) []Scored { return slices.Collect(s.Customers()) }

func TestScoreOrderAndPartitionIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	txs := randomTransactions(r, 4000)
	whole := mustCollect(t, txs, Options{})
	want, err := whole.Score(asOf, Config{})
	require.NoError(t, err)
	wantBin, _ := whole.MarshalBinary()
	for trial := range 5 {
		t.Run(fmt.Sprint("shuffle ", trial), func(t *testing.T) {
			shuffled := slices.Clone(txs)
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			// in three parts merged in another order
			a := mustCollect(t, shuffled[:1000], Options{})
			b := mustCollect(t, shuffled[1000:2500], Options{})
			c := mustCollect(t, shuffled[2500:], Options{})
			if trial%2 == 0 {
				a, c = c, a
			}
			require.NoError(t, a.Merge(b))
			require.NoError(t, a.Merge(c))
			got, err := a.Score(asOf, Config{})
			require.NoError(t, err)
			gotBin, _ := a.MarshalBinary()
			require.True(t, bytes.Equal(gotBin, wantBin), "merged collection encodes differently")
			assert.Equal(t, want.RecencyCutsDays, got.RecencyCutsDays)
			assert.Equal(t, want.FrequencyCuts, got.FrequencyCuts)
			assert.Equal(t, fmt.Sprint(want.MonetaryCutsAmount), fmt.Sprint(got.MonetaryCutsAmount))
			assert.Equal(t, fmt.Sprint(scoresOf(want)), fmt.Sprint(scoresOf(got)), "scores differ after shuffling and merging")
		})
	}
}

// Scores are 1 + ⌊k·L/n⌋ (brute force); ties share a score; the returned
// cuts, given back, reproduce every score.
func TestScoreProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, k := range []int{2, 3, 5, 9} {
		t.Run(fmt.Sprint(k, " bins"), func(t *testing.T) {
			c := mustCollect(t, randomTransactions(r, 600), Options{})
			s, err := c.Score(asOf, Config{Bins: k})
			require.NoError(t, err)
			all := scoresOf(s)
			n := len(all)
			for _, x := range all {
				var lr, lf, lm int
				for _, y := range all {
					if y.RecencyDays > x.RecencyDays {
						lr++
					}
					if y.Frequency < x.Frequency {
						lf++
					}
					if y.MonetaryAmount.LessThan(x.MonetaryAmount) {
						lm++
					}
				}
				want := Score{uint8(1 + k*lr/n), uint8(1 + k*lf/n), uint8(1 + k*lm/n)}
				require.Equal(t, want, x.Score, "%v", x)
			}
			again, err := c.Score(asOf, Config{Bins: k, RecencyCutsDays: s.RecencyCutsDays, FrequencyCuts: s.FrequencyCuts, MonetaryCutsAmount: s.MonetaryCutsAmount})
			require.NoError(t, err)
			assert.Equal(t, fmt.Sprint(all), fmt.Sprint(scoresOf(again)), "explicit cuts do not reproduce the quantile scores")
		})
	}
}

// Monetary sums that do not fit 64 bits at a common exponent are ranked
// exactly through decimals.
func TestScoreWideMonetary(t *testing.T) {
	var c Collection
	for i, a := range []string{"1e-10", "5e25", "3", "3.000", "7", "5e25"} {
		require.NoError(t, c.Add(tx(fmt.Sprint(i), asOf, a)))
	}
	s, err := c.Score(asOf, Config{Bins: 3})
	require.NoError(t, err)
	var got []uint8
	for x := range s.Customers() {
		got = append(got, x.Score.M)
	}
	assert.Equal(t, []uint8{1, 3, 1, 1, 2, 3}, got)
	assert.Equal(t, "[7 50000000000000000000000000]", fmt.Sprint(s.MonetaryCutsAmount))
}

func TestRefundOnlyCustomersUnscored(t *testing.T) {
	c := mustCollect(t, []Transaction{tx("a", asOf, "5"), tx("b", asOf, "-5")}, Options{Refunds: true})
	s, err := c.Score(asOf, Config{})
	require.NoError(t, err)
	assert.Equal(t, 1, s.Scored)
	assert.Equal(t, 1, s.Unscored)
	_, ok := s.Get("b")
	assert.False(t, ok, "refund-only customer scored")
	assert.Contains(t, s.String(), "(1 refund-only left out)")
}

func TestScoreErrors(t *testing.T) {
	c := mustCollect(t, []Transaction{tx("a", asOf, "1"), tx("b", asOf, "2")}, Options{})
	for _, x := range []struct {
		name string
		c    *Collection
		cfg  Config
		want error
	}{
		{"one bin", c, Config{Bins: 1}, ErrConfig},
		{"ten bins", c, Config{Bins: 10}, ErrConfig},
		{"increasing recency cuts", c, Config{RecencyCutsDays: []int64{1, 2}}, ErrConfig},
		{"decreasing frequency cuts", c, Config{FrequencyCuts: []uint64{3, 2}}, ErrConfig},
		{"decreasing monetary cuts", c, Config{MonetaryCutsAmount: []decimal.Decimal{dec("2"), dec("1")}}, ErrConfig},
		{"too many cuts", c, Config{FrequencyCuts: []uint64{1, 2, 3, 4, 5}}, ErrConfig},
		{"a cut out of bounds", c, Config{MonetaryCutsAmount: []decimal.Decimal{decimal.New(1, -2_000_000_000)}}, ErrAmount},
		{"empty", new(Collection), Config{}, ErrEmpty},
	} {
		t.Run(x.name, func(t *testing.T) {
			_, err := x.c.Score(asOf, x.cfg)
			assert.ErrorIs(t, err, x.want)
		})
	}
	_, err := c.Score(daysAgo(1), Config{})
	require.ErrorIs(t, err, ErrTime)
	assert.Regexp(t, `^segment: invalid time: customer "a": last purchase 2024-12-31 .* after the as-of date 2024-12-30`, err.Error())
}

func TestScoredStringSingular(t *testing.T) {
	sc, _ := ParseScore("515")
	for _, c := range []struct {
		s    Scored
		want string
	}{
		{Scored{ID: "a", RecencyDays: 1, Frequency: 1, MonetaryAmount: dec("5"), Score: sc}, "a 515 (1 day, 1 purchase, 5)"},
		{Scored{ID: "b", RecencyDays: 0, Frequency: 2, MonetaryAmount: dec("-1.5"), Score: sc}, "b 515 (0 days, 2 purchases, -1.5)"},
	} {
		t.Run(c.want, func(t *testing.T) { assert.Equal(t, c.want, c.s.String()) })
	}
}

func TestParseScore(t *testing.T) {
	for _, c := range []struct {
		code string
		want Score
		err  bool
	}{
		{"543", Score{5, 4, 3}, false},
		{"999", Score{9, 9, 9}, false},
		{"540", Score{}, true},
		{"54", Score{}, true},
		{"5432", Score{}, true},
		{"5+3", Score{}, true},
		{"", Score{}, true},
	} {
		t.Run(c.code, func(t *testing.T) {
			got, err := ParseScore(c.code)
			if c.err {
				assert.ErrorIs(t, err, ErrConfig)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.code, got.Code())
		})
	}
}

func FuzzParseScore(f *testing.F) {
	for _, s := range []string{"543", "111", "0", "5432", "９９９"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		s, err := ParseScore(code)
		if err != nil {
			return
		}
		if s.Code() != code {
			t.Fatalf("ParseScore(%q) = %v, which is %q", code, s, s.Code())
		}
	})
}
