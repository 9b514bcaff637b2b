package main

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"time"
)

// writeHTML writes a self-contained dashboard: inline CSS and SVG, no
// script and no network access, so it works offline and in e-mail.
func (r *report) writeDashboard(out io.Writer) error {
	return dashboard.Execute(out, r.dashboardView())
}

type card struct {
	Label, Value, Note string
}

type table struct {
	Title  string
	Header []string
	Rows   [][]string
}

type dashboardView struct {
	Title  string
	Period string
	Cards  []card
	Charts []template.HTML
	Tables []table
}

func (r *report) dashboardView() dashboardView {
	w := r.Window
	labels := make([]string, len(w.months))
	for i, m := range w.months {
		labels[i] = m.Start(time.UTC).Format("Jan")
	}
	v := dashboardView{
		Title:  "rapport — customer-relationship dashboard",
		Period: fmt.Sprintf("as of %s · %s … %s", r.AsOf.Format(time.DateOnly), w.label(0), w.label(len(w.months)-1)),
	}
	nan := math.NaN()
	if s := r.Surveys; s != nil {
		if n := s.NPS; n != nil {
			v.Cards = append(v.Cards, card{"NPS", signedPoints(n.ScorePoints), fmt.Sprintf("95 %% %s · n = %d", interval(n.ScoreIntervalPoints, "%+.1f"), n.N)})
			line := series{Name: "NPS"}
			for _, m := range s.NPSMonths {
				if ci := m.R.ScoreIntervalPoints; ci != nil {
					line.Values, line.Lo, line.Hi = append(line.Values, *m.R.ScorePoints), append(line.Lo, ci.Lo), append(line.Hi, ci.Hi)
				} else {
					line.Values, line.Lo, line.Hi = append(line.Values, nan), append(line.Lo, nan), append(line.Hi, nan)
				}
			}
			lo, hi := bounds(line.Lo, line.Hi)
			v.Charts = append(v.Charts, lineChart("NPS by month, with its 95 % interval", labels, lo, hi, "", line))
		}
		if c := s.CSAT; c != nil {
			v.Cards = append(v.Cards, card{"CSAT", pct(c.SatisfiedPct), fmt.Sprintf("satisfied · %v · n = %d", s.CSATLevel, c.N)})
			line := series{Name: "% satisfied"}
			for _, m := range s.CSATMonth {
				if ci := m.R.SatisfiedIntervalPct; ci != nil {
					line.Values, line.Lo, line.Hi = append(line.Values, *m.R.SatisfiedPct), append(line.Lo, ci.Lo), append(line.Hi, ci.Hi)
				} else {
					line.Values, line.Lo, line.Hi = append(line.Values, nan), append(line.Lo, nan), append(line.Hi, nan)
				}
			}
			lo, hi := bounds(line.Lo, line.Hi)
			v.Charts = append(v.Charts, lineChart("CSAT by month (% satisfied), with its 95 % interval", labels, lo, hi, " %", line))
		}
		if c := s.CES; c != nil {
			v.Cards = append(v.Cards, card{"CES", mean(c.MeanScore), fmt.Sprintf("ease %s · net %s", pct(c.EasePct), signedPoints(c.NetPoints))})
			t := table{Title: "Channels by effort, easiest first (Welch t-test against the easiest, Benjamini–Hochberg-adjusted)", Header: []string{"channel", "n", "mean", "ease", "adjusted p", ""}}
			for _, c := range s.CESRank {
				p, flag := "", ""
				if c.Tested {
					p = pValue(c.Adjusted)
				}
				if c.Significant {
					flag = "harder"
				}
				t.Rows = append(t.Rows, []string{clean(c.Key), fmt.Sprint(c.N), mean(c.MeanScore), pct(c.EasePct), p, flag})
			}
			v.Tables = append(v.Tables, t)
		}
	}
	if c := r.Contacts; c != nil {
		if c.All.ServiceLevelPct != nil {
			v.Cards = append(v.Cards, card{"Service level", pct(c.All.ServiceLevelPct), "live queues, answered within 20 s"})
		}
		if c.All.FCRPct != nil {
			v.Cards = append(v.Cards, card{"First-contact resolution", pct(c.All.FCRPct), "no repeat within " + threshold(fcrWindow)})
		}
		var names []string
		var volumes []float64
		for _, ch := range c.ByChannel {
			names = append(names, ch.Channel.String())
			volumes = append(volumes, float64(ch.R.N))
		}
		v.Charts = append(v.Charts, barChart("Contacts by channel", names, volumes, ""))
		t := table{Title: "Contact centre by channel", Header: []string{"channel", "contacts", "reach", "service level", "ASA", "abandon", "response 24 h", "FCR", "AHT", "deflection", "cost/contact"}}
		for _, ch := range c.ByChannel {
			r := ch.R
			t.Rows = append(t.Rows, []string{ch.Channel.String(), fmt.Sprint(r.N), pct(r.ReachabilityPct), pct(r.ServiceLevelPct),
				waitText(r.ASASeconds), pct(r.AbandonmentPct), pct(r.ResponseWithinPct), pct(r.FCRPct), handleSeconds(r.AHTSeconds),
				pct(r.DeflectionPct), euros(r.CostPerContactAmount)})
		}
		v.Tables = append(v.Tables, t)
	}
	if s := r.Staffing; s != nil {
		t := table{Title: fmt.Sprintf("Staffing plan for the %d days from %s (80 %% in 20 s, abandonment ≤ 5 %%, occupancy ≤ 85 %%, shrinkage 30 %%)", horizon, s.AsOf),
			Header: []string{"channel", "contacts", "peak agents", "peak positions", "FTE", "service level", "cost", "cost/contact"}}
		for _, q := range s.Queues {
			if q.Plan == nil {
				continue
			}
			w := q.Plan.Total
			t.Rows = append(t.Rows, []string{q.Channel.String(), fmt.Sprintf("%.1f", w.Contacts), fmt.Sprint(w.PeakAgents), fmt.Sprint(w.PeakPositions),
				fte(w.FTE), pct(w.ServiceLevelPct), euros(&w.CostAmount), euros(w.CostPerContactAmount)})
		}
		v.Tables = append(v.Tables, t)
	}
	if c := r.Churn; c != nil {
		v.Cards = append(v.Cards, card{"Churn", pct(c.Year.ChurnPct), fmt.Sprintf("%d lost of %d at start", c.Year.Lost, c.Year.Start)})
		if c.Cohorts != nil {
			var rows, cols []string
			var cells [][]float64
			width := 0
			for _, co := range c.Cohorts.Cohorts {
				width = max(width, len(co.Active))
			}
			for k := range width {
				cols = append(cols, fmt.Sprint(k))
			}
			for _, co := range c.Cohorts.Cohorts {
				rows = append(rows, co.Period.From.Format("2006-01"))
				row := make([]float64, width)
				for k := range row {
					row[k] = math.NaN()
					if sh, ok := co.Share(k); ok && k < len(co.Active) {
						row[k] = 100 * sh
					}
				}
				cells = append(cells, row)
			}
			v.Charts = append(v.Charts, heatMap("Cohorts: % still active k months after acquisition", rows, cols, cells, 70, 100, " %"))
		}
		if len(c.Risks) > 0 {
			t := table{Title: "Highest churn risk among active customers", Header: []string{"customer", "risk", "reasons"}}
			for _, risk := range c.Risks {
				var reasons []string
				for _, rc := range risk.Reasons {
					reasons = append(reasons, fmt.Sprintf("%s %.0f", reasonText(rc, r.Surveys), rc.Points))
				}
				t.Rows = append(t.Rows, []string{clean(risk.CustomerID), fmt.Sprintf("%.0f", risk.Points), strings.Join(reasons, ", ")})
			}
			v.Tables = append(v.Tables, t)
		}
	}
	if s := r.Segments; s != nil {
		v.Cards = append(v.Cards, card{"Top 20 % of customers", share(s.TopShare), fmt.Sprintf("of revenue · Gini %.3f", s.Gini)})
		v.Charts = append(v.Charts, heatMap("RFM grid: customers by recency (rows) and frequency (columns)",
			[]string{"R 5", "R 4", "R 3", "R 2", "R 1"}, []string{"F 1", "F 2", "F 3", "F 4", "F 5"}, s.Grid, 0, maxCell(s.Grid), ""))
		var names []string
		var counts []float64
		for _, c := range s.Segments {
			names = append(names, c.Key)
			counts = append(counts, float64(c.N))
		}
		v.Charts = append(v.Charts, barChart("Customers by RFM segment", names, counts, ""))
	}
	return v
}

// bounds returns a y range covering every finite value, with a margin.
func bounds(lists ...[]float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, l := range lists {
		for _, v := range l {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 0) {
		return 0, 1
	}
	// Round outwards to multiples of 5 so that the four gridlines fall on
	// readable values.
	pad := math.Max(1, (hi-lo)*0.1)
	lo = 5 * math.Floor((lo-pad)/5)
	step := 5 * math.Ceil((hi+pad-lo)/20)
	return lo, lo + 4*step
}

func maxCell(grid [][]float64) float64 {
	m := 0.0
	for _, row := range grid {
		for _, v := range row {
			m = math.Max(m, v)
		}
	}
	return m
}

var dashboard = template.Must(template.New("dashboard").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #222; background: #fafafa; }
h1 { font-size: 22px; margin: 0; } .period { color: #666; margin-bottom: 18px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 18px; }
.card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px; min-width: 150px; }
.card .label { color: #666; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 26px; font-weight: 600; } .card .note { color: #666; font-size: 12px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 12px; }
.chart { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 8px; }
svg { width: 100%; height: auto; } svg .title { font-size: 14px; font-weight: 600; } svg .tick, svg .legend { font-size: 11px; fill: #555; }
svg .cell { font-size: 10px; } svg .grid { stroke: #e5e5e5; }
table { border-collapse: collapse; background: #fff; margin: 18px 0 4px; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid #eee; padding: 4px 10px; text-align: right; } th:first-child, td:first-child, td:last-child:not(:nth-child(2)) { text-align: left; }
th { background: #f0f0f0; }
footer { color: #888; font-size: 12px; margin-top: 24px; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<div class="period">{{.Period}}</div>
<div class="cards">{{range .Cards}}<div class="card"><div class="label">{{.Label}}</div><div class="value">{{.Value}}</div><div class="note">{{.Note}}</div></div>{{end}}</div>
<div class="charts">{{range .Charts}}<div class="chart">{{.}}</div>{{end}}</div>
{{range .Tables}}<table><caption>{{.Title}}</caption><tr>{{range .Header}}<th>{{.}}</th>{{end}}</tr>{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>{{end}}</table>
{{end}}<footer>Generated by rapport's examples/report. Every figure is computed exactly from the data; intervals at 95 %.</footer>
</body>
</html>
`))
