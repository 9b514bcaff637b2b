package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/rapportkit/rapport/operations"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// -tidy writes every Result of the report as tidy rows, the same rows in
// CSV and JSON Lines, and the figures are the report's.
func TestTidyFile(t *testing.T) {
	dir := t.TempDir()
	o := defaults()
	o.tidy = filepath.Join(dir, "kpis.csv")
	runReport(t, o)
	data, err := os.ReadFile(o.tidy)
	require.NoError(t, err)
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"period", "channel", "segment", "result", "kpi", "item", "unit", "value", "lo", "hi", "level", "method", "n"}, recs[0])
	results := map[string]int{}
	find := func(period, channel, result, kpi, unit string) []string {
		for _, r := range recs[1:] {
			if r[0] == period && r[1] == channel && r[2] == "" && r[3] == result && r[4] == kpi && r[5] == "" && r[6] == unit {
				return r
			}
		}
		return nil
	}
	for _, r := range recs[1:] {
		results[r[3]]++
	}
	for _, name := range []string{"nps", "nps_change", "csat", "csat_change", "ces", "ces_rank", "contacts", "forecast_accuracy",
		"forecast", "staffing_plan", "staffing_table", "churn", "cohorts", "survival", "churn_risk", "hole_in_the_rocket",
		"repeat", "repurchase", "rfm", "tier_transitions", "concentration", "abc", "clv_purchase_fit", "clv_spend_fit", "clv"} {
		assert.Positive(t, results[name], "no row of %s", name)
	}
	_, rep := sampleReport(t)
	literal := func(v any) string {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		return string(b)
	}
	for _, c := range []struct {
		period, channel, result, kpi, unit string
		want                               any
	}{
		{"2025", "", "nps", "score", "points", *rep.Surveys.NPS.ScorePoints},
		{"2025-03", "", "nps", "score", "points", *rep.Surveys.NPSMonths[2].R.ScorePoints},
		{"2025", "", "csat", "satisfied", "pct", *rep.Surveys.CSAT.SatisfiedPct},
		{"2025", "", "ces", "mean", "score", *rep.Surveys.CES.MeanScore},
		{"2025", "phone", "contacts", "service_level", "pct", *rep.Contacts.channel(operations.Phone).ServiceLevelPct},
		{"2025", "", "churn", "churn", "pct", *rep.Churn.Year.ChurnPct},
		{"2025", "", "concentration", "gini", "ratio", rep.Segments.Gini},
	} {
		row := find(c.period, c.channel, c.result, c.kpi, c.unit)
		if assert.NotNil(t, row, "%+v", c) {
			assert.Equal(t, literal(c.want), row[7], "%+v", c)
		}
	}
	row := find("2025", "", "nps", "score", "points")
	require.NotNil(t, row)
	assert.Equal(t, literal(rep.Surveys.NPS.ScoreIntervalPoints.Lo), row[8], "the interval's low bound")

	// The same rows in JSON Lines.
	o.tidy = filepath.Join(dir, "kpis.jsonl")
	runReport(t, o)
	f, err := os.Open(o.tidy)
	require.NoError(t, err)
	defer f.Close()
	lines := 0
	for sc := bufio.NewScanner(f); sc.Scan(); lines++ {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), sc.Text())
		require.Len(t, m, len(recs[0]))
	}
	assert.Equal(t, len(recs)-1, lines)
}
