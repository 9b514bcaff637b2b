package nps

import (
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/period"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTallyOfAndBy(t *testing.T) {
	jan := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	feb := jan.AddDate(0, 1, 0)
	responses := []Response{{Score: 10, At: jan}, {Score: 3, At: jan}, {Score: 9, At: feb}, {Score: 8, At: feb, Weight: 1}}
	all, err := TallyOf(slices.Values(responses), Standard)
	require.NoError(t, err)
	assert.Equal(t, uint64(4), all.N())
	// A month with its year: January 2025 is not January 2026.
	responses = append(responses, Response{Score: 0, At: jan.AddDate(-1, 0, 0)})
	byMonth, err := TallyBy(slices.Values(responses), Standard, func(r Response) period.Month { return period.MonthOf(r.At, nil) })
	require.NoError(t, err)
	assert.Len(t, byMonth, 3)
	assert.Equal(t, uint64(2), byMonth[period.YearMonth(2026, time.January)].N())
	assert.Equal(t, uint64(1), byMonth[period.YearMonth(2025, time.January)].Detractors())
	assert.Equal(t, uint64(1), byMonth[period.YearMonth(2026, time.February)].Promoters())
	responses = responses[:4]

	bad := append(slices.Clone(responses), Response{Score: 12})
	_, err = TallyOf(slices.Values(bad), Standard)
	assert.ErrorIs(t, err, ErrScoreOutOfRange)
	assert.EqualError(t, err, "nps: response 4: score out of range: 12 not in 0..10")
	_, err = TallyBy(slices.Values(bad), Standard, func(Response) int { return 0 })
	assert.ErrorIs(t, err, ErrScoreOutOfRange)
	weighted := append(slices.Clone(responses), Response{Score: 9, Weight: 2})
	_, err = TallyBy(slices.Values(weighted), Standard, func(Response) int { return 0 })
	assert.ErrorIs(t, err, ErrWeighted)

	w, err := WeightedBy(slices.Values(weighted), Standard, func(r Response) bool { return r.Weight == 2 })
	require.NoError(t, err)
	assert.Equal(t, 2.0, w[true].Weight())
	assert.Equal(t, 4.0, w[false].Weight())
	one, err := WeightedOf(slices.Values(weighted), Standard)
	require.NoError(t, err)
	assert.Equal(t, 6.0, one.Weight())
	_, err = WeightedBy(slices.Values([]Response{{Score: 9, Weight: -1}}), Standard, func(Response) int { return 0 })
	assert.ErrorIs(t, err, ErrWeight)
	oneToTen, _ := NewScale(1, 10, 7, 9)
	_, err = TallyOf(slices.Values([]Response{{Score: 0}}), oneToTen)
	assert.ErrorIs(t, err, ErrScoreOutOfRange, "the scale is the one given")
}

func TestResult(t *testing.T) {
	u, err := TallyOf(slices.Values([]Response{{Score: 10}, {Score: 10}, {Score: 9}, {Score: 8}, {Score: 7}, {Score: 6}, {Score: 0}, {Score: 9}, {Score: 10}, {Score: 9}}), Standard)
	require.NoError(t, err)
	r, err := u.Result(0.95, AdjustedWald)
	require.NoError(t, err)
	assert.Equal(t, []uint64{10, 6, 2, 2}, []uint64{r.N, r.Promoters, r.Passives, r.Detractors})
	assert.Equal(t, 40.0, *r.ScorePoints)
	assert.Equal(t, 60.0, *r.PromotersPct)
	assert.Equal(t, AdjustedWald, r.ScoreIntervalPoints.Method)
	ci, _, _ := u.Interval(0.95, AdjustedWald)
	assert.Equal(t, 100*ci.Lo, r.ScoreIntervalPoints.Lo, "points are 100 times the fractions")
	se, _ := u.StdErr()
	assert.Equal(t, 100*se, *r.StdErrPoints)
	_, err = u.Result(0.95, "bootstrap")
	assert.ErrorIs(t, err, ErrMethod)
}
