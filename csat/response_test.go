package csat

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTallyOfAndBy(t *testing.T) {
	responses := []Response{{Score: 1, Channel: "phone"}, {Score: 0, Channel: "chat"}, {Score: 1, Channel: "chat"}, {Score: 1, Channel: "phone"}}
	byChannel, err := TallyBy(slices.Values(responses), Binary, func(r Response) string { return r.Channel })
	require.NoError(t, err)
	assert.Len(t, byChannel, 2)
	assert.Equal(t, uint64(2), byChannel["phone"].Satisfied())
	assert.Equal(t, uint64(2), byChannel["chat"].N())
	assert.Equal(t, Binary, byChannel["chat"].Scale())
	all, err := TallyOf(slices.Values(responses), Binary)
	require.NoError(t, err)
	assert.Equal(t, uint64(3), all.Satisfied())
	bad := append(slices.Clone(responses), Response{Score: 2})
	_, err = TallyBy(slices.Values(bad), Binary, func(Response) int { return 0 })
	assert.ErrorIs(t, err, ErrScoreOutOfRange)
	assert.EqualError(t, err, "csat: response 4: score out of range: 2 not in 0..1")
	_, err = TallyOf(slices.Values(bad), Binary)
	assert.EqualError(t, err, "csat: response 4: score out of range: 2 not in 0..1")
}

func TestResult(t *testing.T) {
	var responses []Response
	for _, s := range []int{5, 4, 4, 3, 2, 5, 5, 4, 1, 4} {
		responses = append(responses, Response{Score: s})
	}
	u, err := TallyOf(slices.Values(responses), FivePoint)
	require.NoError(t, err)
	r, err := u.Result(0.95, Wilson)
	require.NoError(t, err)
	assert.Equal(t, []uint64{10, 7, 1, 2}, []uint64{r.N, r.Satisfied, r.Neutral, r.Dissatisfied})
	assert.Equal(t, 70.0, *r.SatisfiedPct)
	assert.Equal(t, 20.0, *r.DissatisfiedPct)
	assert.Equal(t, 10.0, *r.NeutralPct)
	assert.Equal(t, 3.7, *r.MeanScore)
	assert.Equal(t, Wilson, r.SatisfiedIntervalPct.Method)
	assert.Equal(t, FivePoint, r.Scale)
	assert.Equal(t, "CSAT 70.0% (95% wilson 39.7…89.2), n=10: 7 satisfied, 1 neutral, 2 dissatisfied; mean 3.70 on 1–5", r.String())
	_, err = u.Result(0.95, Newcombe)
	assert.ErrorIs(t, err, ErrMethod)
}
