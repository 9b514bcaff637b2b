package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSample renders the sample: every chart of the package is on the
// page, each with its text alternative, and the same seed gives the same
// page.
func TestSample(t *testing.T) {
	dir := t.TempDir()
	page, rows := filepath.Join(dir, "dashboard.html"), filepath.Join(dir, "rows.csv")
	require.NoError(t, run(page, rows, 1))
	html, err := os.ReadFile(page)
	require.NoError(t, err)
	s := string(html)
	require.Equal(t, 18, strings.Count(s, "<svg "), "charts")
	require.Equal(t, 18, strings.Count(s, "<desc id="), "text alternatives")
	for _, class := range []string{`class="band"`, `class="ring"`, `class="whisker"`, `class="censor"`, `class="equality"`, `class="cell diag"`, `class="bar short"`} {
		require.True(t, strings.Contains(s, class), "no %s", class)
	}
	require.Equal(t, 11, strings.Count(s, `<div class="tile `), "tiles")
	require.True(t, strings.Contains(s, "<td class=\"num\">n/a</td>"), "the unknown e-mail cost")
	require.Regexp(t, `adjusted by Benjamini–Hochberg across the \d+ tests on this page`, s)
	require.False(t, regexp.MustCompile(`(?i)<script|<img|<link|https?://`).MatchString(strings.ReplaceAll(s, "http://www.w3.org/2000/svg", "")), "nothing to fetch or run")
	require.Less(t, len(html), 300<<10, "the page stays small")

	again := filepath.Join(dir, "again.html")
	require.NoError(t, run(again, "", 1))
	html2, err := os.ReadFile(again)
	require.NoError(t, err)
	require.True(t, bytes.Equal(html, html2), "the same seed, the same page")

	// The tidy rows of the same Results.
	data, err := os.ReadFile(rows)
	require.NoError(t, err)
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"period", "channel", "result", "kpi", "item", "unit", "value", "lo", "hi", "level", "method", "n"}, recs[0])
	kpis := map[string]bool{}
	for _, r := range recs[1:] {
		kpis[r[2]+"."+r[3]+" "+r[5]] = true
		require.NotEmpty(t, r[0], "every row has a period: %v", r)
	}
	for _, k := range []string{"nps.score points", "contacts.service_level pct", "contacts.aht seconds", "csat.rate pct", "ces.mean score", "churn.base_churn pct", "contacts.cost_per_contact amount"} {
		require.True(t, kpis[k], "no %s rows", k)
	}

	jsonl := filepath.Join(dir, "rows.jsonl")
	require.NoError(t, run(filepath.Join(dir, "p.html"), jsonl, 1))
	data, err = os.ReadFile(jsonl)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	require.Len(t, lines, len(recs)-1, "as many JSON lines as CSV rows")
	for _, l := range lines {
		require.True(t, json.Valid([]byte(l)), l)
	}
}
