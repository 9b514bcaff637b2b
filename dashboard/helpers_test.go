package dashboard_test

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/dashboard"
	"github.com/rapportkit/rapport/tidy"
	"github.com/stretchr/testify/require"
)

func f(x float64) *float64 { return &x }

func render(t *testing.T, d *dashboard.Dashboard) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, d.Render(&buf))
	return buf.String()
}

// every returns a dashboard with one chart of each kind, and tiles.
func every() *dashboard.Dashboard {
	months := []string{"2025-01", "2025-02", "2025-03", "2025-04"}
	return &dashboard.Dashboard{
		Title: "Every chart", Subtitle: "as of 2025-04-30",
		Sections: []dashboard.Section{{
			Title: "All",
			Tiles: []dashboard.Tile{
				{Label: "NPS", Unit: tidy.Points, Value: f(31.2), Previous: f(28.9), PreviousLabel: "Mar", Target: f(30), Warn: f(25), Note: "n = 412"},
				{Label: "AHT", Unit: tidy.Seconds, Value: f(372), Previous: f(360), Better: dashboard.Lower, Target: f(360), Warn: f(380)},
			},
			Charts: []dashboard.Chart{
				&dashboard.Trend{Title: "NPS by month", Unit: tidy.Points, Level: 0.95, Target: f(30), Periods: months,
					Lines: []dashboard.Line{{Name: "NPS", Points: []dashboard.Point{
						{Value: f(20), Lo: f(15), Hi: f(25)}, {Value: f(22), Lo: f(17), Hi: f(27), P: f(0.3)},
						{Value: f(31), Lo: f(27), Hi: f(35), P: f(0.0001)}, {Value: f(30), Lo: f(26), Hi: f(34), P: f(0.7)}}}}},
				&dashboard.Bars{Title: "NPS by channel", Unit: tidy.Points, Level: 0.95, Target: f(20), Reference: "the other channels", Bars: []dashboard.Bar{
					{Label: "voice", Value: f(25), Lo: f(20), Hi: f(30), N: 300, P: f(0.2)},
					{Label: "chat", Value: f(-5), Lo: f(-12), Hi: f(2), N: 120, P: f(0.00001)}}},
				&dashboard.Survival{Title: "Survival", Level: 0.95, Curves: []dashboard.Curve{{Name: "all", MedianDays: f(40), Steps: []dashboard.Step{
					{Days: 10, SurvivalPct: 80, Lo: f(60), Hi: f(90)}, {Days: 40, SurvivalPct: 50, Lo: f(30), Hi: f(70), Censored: 1}, {Days: 90, SurvivalPct: 20}}}}},
				&dashboard.Lorenz{Title: "Revenue", GiniRatio: f(0.5), Points: []dashboard.LorenzPoint{{50, 10}, {80, 35}}},
				&dashboard.Matrix{Title: "Tiers", RowAxis: "before", ColAxis: "after", Rows: []string{"gold", "silver"}, Cols: []string{"gold", "silver"},
					Counts: [][]uint64{{8, 2}, {1, 9}}},
				&dashboard.Heatmap{Title: "Cohorts", RowAxis: "acquired", ColAxis: "months on", Rows: []string{"2025-01", "2025-02"}, Cols: []string{"0", "1", "2"},
					Unit: tidy.Pct, Values: [][]*float64{{f(100), f(82.5), f(70)}, {f(100), f(90)}}},
				&dashboard.Staffing{Title: "Staffing", Slots: []dashboard.Slot{{"09:00", 10, 10}, {"09:30", 12, 9}, {"10:00", 8.5, 9}}},
			},
			Tables: []dashboard.Table{{Title: "Costs", Header: []string{"channel", "cost"}, Rows: [][]string{{"voice", "1.00"}, {"e-mail", dashboard.FormatAmount(nil, "EUR")}}}},
		}},
	}
}

var (
	svgRe  = regexp.MustCompile(`(?s)<svg [^>]*>(.*?)</svg>`)
	descRe = regexp.MustCompile(`(?s)<desc id="[^"]*">(.*?)</desc>`)
)

// svgs returns the markup inside each chart.
func svgs(page string) []string {
	var out []string
	for _, m := range svgRe.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

func descs(page string) []string {
	var out []string
	for _, m := range descRe.FindAllStringSubmatch(page, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

func count(s, sub string) int { return strings.Count(s, sub) }
