package survey

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/ces"
	"github.com/rapportkit/rapport/csat"
	"github.com/rapportkit/rapport/internal/csvrow/rowtest"
	"github.com/rapportkit/rapport/row"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReaderRows(t *testing.T) {
	read, readAll := rowtest.Readers(NewReader)
	rowtest.Check(t, rowtest.Spec{
		Read:    read,
		ReadAll: readAll,
		Header:  "id,customer_id,at,channel,contact_id,nps,csat,ces,comment",
		Good: []string{
			"S1,C1,2025-01-01T10:01:14Z,email,K1,6,3,5,",
			"S2,C2,2025-01-01T15:06:53Z,chatbot,,9,,,",
			"S3,C3,2025-01-02,phone,K3,,Very satisfied,7,\"Great, thanks\"",
			"S4,C4,2025-01-02,phone,K4,10 - Extremely likely,,,",
			"S5,C5,2025-01-03,phone,,,,,only a comment",
		},
		Bad: []rowtest.Bad{
			{Row: "S6,C6,2025-01-01,email,,11,,,", Err: ErrScore},
			{Row: "S7,C7,2025-01-01,email,,,6,,", Err: ErrScore},
			{Row: "S8,C8,2025-01-01,email,,,,0,", Err: ErrScore},
			{Row: "S9,C9,2025-01-01,email,,,,,", Err: ErrNoAnswer},
			{Row: "S10,C10,yesterday,email,,9,,,", Err: row.ErrTime},
			{Row: "S11,C11,2025-01-01,email,,nine,,,", Err: ErrScore},
			{Row: "S12,C12,2025-01-01,email,,,Meh,,", Err: ErrScore},
		},
	})
}

func TestReaderScales(t *testing.T) {
	file := "at,csat,ces\n2025-01-01,Extremely satisfied,2\n2025-01-01,No,5\n"
	r := NewReader(strings.NewReader(file))
	r.CSATScale, r.CSATLabels = csat.SevenPoint, nil
	r.CESScale = ces.FivePointEffort
	rs, sum, err := r.ReadAll()
	require.NoError(t, err)
	require.Len(t, rs, 1)
	v, _ := rs[0].CSAT.Value()
	assert.Equal(t, 7, v)
	require.Len(t, sum.Errors, 1)
	assert.ErrorIs(t, sum.Errors[0], ErrScore)
	assert.Equal(t, "csat", sum.Errors[0].Column)

	r = NewReader(strings.NewReader("at,csat\n2025-01-01,Oui\n2025-01-01,0\n"))
	r.CSATScale = csat.Binary
	rs, sum, err = r.ReadAll()
	require.NoError(t, err)
	require.Empty(t, sum.Errors)
	assert.Equal(t, []Score{Answer(1), Answer(0)}, []Score{rs[0].CSAT, rs[1].CSAT})
}

func TestReaderHeaderNeedsAnAnswer(t *testing.T) {
	_, err := NewReader(strings.NewReader("id,at,channel\nS1,2025-01-01,phone\n")).Read()
	require.ErrorIs(t, err, row.ErrHeader)
	assert.ErrorContains(t, err, "none of the columns nps, csat, ces, comment")
}

// The report's embedded surveys read through the reader.
func TestReaderReportData(t *testing.T) {
	f, err := os.Open("../examples/report/data/surveys.csv")
	require.NoError(t, err)
	defer f.Close()
	rs, sum, err := NewReader(f).ReadAll()
	require.NoError(t, err)
	assert.Empty(t, sum.Errors)
	assert.Equal(t, 4545, sum.Read)
	n, err := NPSOf(slices.Values(rs))
	require.NoError(t, err)
	assert.Positive(t, n.N())
}

func TestScore(t *testing.T) {
	assert.False(t, NoAnswer.Answered())
	assert.NotEqual(t, NoAnswer, Answer(0), "no answer is not a zero score")
	b, err := json.Marshal(Response{NPS: Answer(0)})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"nps":0,"csat":null,"ces":null`)
	var r Response
	require.NoError(t, json.Unmarshal(b, &r))
	assert.Equal(t, Answer(0), r.NPS)
	assert.Equal(t, NoAnswer, r.CSAT)
	assert.Error(t, json.Unmarshal([]byte(`{"nps":1.5}`), &r))
}

func TestTallies(t *testing.T) {
	rs := []Response{
		{ID: "a", NPS: Answer(10), CSAT: Answer(5), CES: Answer(7)},
		{ID: "b", NPS: Answer(0)},
		{ID: "c", CSAT: Answer(1)},
	}
	n, err := NPSOf(slices.Values(rs))
	require.NoError(t, err)
	assert.Equal(t, uint64(2), n.N())
	c, err := CSATOf(slices.Values(rs), csat.FivePoint)
	require.NoError(t, err)
	assert.Equal(t, uint64(2), c.N())
	e, err := CESOf(slices.Values(rs), ces.SevenPointEase)
	require.NoError(t, err)
	assert.Equal(t, uint64(1), e.N())
	// A score off the scale names the response.
	_, err = CSATOf(slices.Values(rs), csat.Binary)
	require.ErrorIs(t, err, csat.ErrScoreOutOfRange)
	assert.ErrorContains(t, err, `survey: response 0 (id "a")`)
	by, err := CESBy(slices.Values(rs), ces.SevenPointEase, func(r Response) string { return r.ID })
	require.NoError(t, err)
	assert.Len(t, by, 1, "responses without the answer make no group")
}

func FuzzReader(f *testing.F) {
	f.Add("id,at,nps,csat,ces,comment\nS1,2025-01-01,9,5,7,ok\nS2,2025-01-01,,,,\n")
	f.Fuzz(func(t *testing.T, file string) {
		rs, sum, err := NewReader(strings.NewReader(file)).ReadAll()
		if err != nil {
			return
		}
		require.Equal(t, sum.Read, sum.Accepted+sum.Rejected)
		for _, r := range rs {
			require.True(t, r.Answered())
		}
		_, err = NPSOf(slices.Values(rs))
		require.NoError(t, err, "scores read are on their scales")
		_, err = CSATOf(slices.Values(rs), csat.FivePoint)
		require.NoError(t, err)
		_, err = CESOf(slices.Values(rs), ces.SevenPointEase)
		require.NoError(t, err)
	})
}
