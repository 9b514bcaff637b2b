package ces

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTallyOfAndBy(t *testing.T) {
	responses := []Response{{Score: 1, Channel: "chat"}, {Score: 4, Channel: "phone"}, {Score: 2, Channel: "chat"}, {Score: 5, Channel: "phone"}}
	byChannel, err := TallyBy(slices.Values(responses), FivePointEffort, func(r Response) string { return r.Channel })
	require.NoError(t, err)
	assert.Len(t, byChannel, 2)
	assert.Equal(t, uint64(2), byChannel["chat"].LowEffort())
	assert.Equal(t, uint64(2), byChannel["phone"].HighEffort())
	assert.Equal(t, FivePointEffort, byChannel["chat"].Scale())
	bad := append(slices.Clone(responses), Response{Score: 6})
	_, err = TallyBy(slices.Values(bad), FivePointEffort, func(Response) int { return 0 })
	assert.ErrorIs(t, err, ErrScoreOutOfRange)
	assert.EqualError(t, err, "ces: response 4: score out of range: 6 not in 1..5")
	_, err = TallyOf(slices.Values(bad), FivePointEffort)
	assert.EqualError(t, err, "ces: response 4: score out of range: 6 not in 1..5")
}

// R: t.test(c(7, 6, 6, 5, 4, 2, 7, 6)) (testdata/reference.R, "TallyOf sample").
func TestResult(t *testing.T) {
	var responses []Response
	for _, s := range []int{7, 6, 6, 5, 4, 2, 7, 6} {
		responses = append(responses, Response{Score: s})
	}
	u, err := TallyOf(slices.Values(responses), SevenPointEase)
	require.NoError(t, err)
	r, err := u.Result(0.95, StudentT)
	require.NoError(t, err)
	ref := vectors(t).OneSample[4]
	require.Equal(t, "TallyOf sample", ref.Name)
	assert.Equal(t, uint64(8), r.N)
	assert.Equal(t, 5.375, *r.MeanScore)
	assert.Equal(t, []float64{75, 12.5, 12.5, 62.5}, []float64{*r.LowEffortPct, *r.NeutralPct, *r.HighEffortPct, *r.NetPoints})
	assert.InEpsilon(t, 100*4.375/6, *r.EasePct, 1e-15)
	assert.InEpsilon(t, ref.Lo, r.MeanIntervalScore.Lo, 1e-12)
	assert.InEpsilon(t, ref.Hi, r.MeanIntervalScore.Hi, 1e-12)
	assert.InEpsilon(t, 100*(ref.Lo-1)/6, r.EaseIntervalPct.Lo, 1e-12)
	assert.Equal(t, "CES mean 5.38 on 1–7, higher is easier (95% t 3.97…6.78), ease 72.9%, n=8: 75.0% low effort, 12.5% neutral, 12.5% high effort, net +62.5", r.String())
}
