package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/dashboard"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pageTests returns the p-values the dashboard is given: every one is a
// test of the page's family.
func pageTests(d dashboard.Dashboard) int {
	n := 0
	for _, s := range d.Sections {
		for _, t := range s.Tiles {
			if t.P != nil {
				n++
			}
		}
		for _, c := range s.Charts {
			switch c := c.(type) {
			case *dashboard.Trend:
				for _, l := range c.Lines {
					for _, p := range l.Points {
						if p.P != nil {
							n++
						}
					}
				}
			case *dashboard.Bars:
				for _, b := range c.Bars {
					if b.P != nil {
						n++
					}
				}
			}
		}
	}
	return n
}

// The sample's dashboard has every section, a tile per headline KPI with
// its change from the month before, a trend with intervals for each, the
// survey scores by channel, the Kaplan–Meier curve with its band, the
// Lorenz curve, the tier moves and the intraday plan; its tests are
// adjusted together over the page.
func TestSampleDashboard(t *testing.T) {
	_, r := sampleReport(t)
	d := r.dashboard()
	var titles []string
	tiles := map[string]dashboard.Tile{}
	charts := map[string]dashboard.Chart{}
	for _, s := range d.Sections {
		titles = append(titles, s.Title)
		for _, t := range s.Tiles {
			tiles[strings.Split(t.Label, ",")[0]] = t
		}
		for _, c := range s.Charts {
			title := reflect.ValueOf(c).Elem().FieldByName("Title").String()
			if _, ok := c.(*dashboard.Staffing); ok {
				title = "staffing " + title
			}
			charts[title] = c
		}
	}
	assert.Equal(t, []string{"Surveys", "Contact centre", "Staffing plan, the 7 days from 2026-01-01", "Customers", "Segments and value"}, titles)
	for _, k := range []string{"NPS", "CSAT", "CES", "Service level", "ASA", "Abandonment", "First-contact resolution", "AHT", "Churn", "Retention"} {
		tile, ok := tiles[k]
		if assert.True(t, ok, "no tile %s", k) {
			assert.NotNil(t, tile.Value, k)
			assert.NotNil(t, tile.Previous, "%s: no change from the month before", k)
			assert.Equal(t, "Nov", tile.PreviousLabel, k)
		}
	}
	assert.Equal(t, *r.Surveys.NPSMonths[11].R.ScorePoints, *tiles["NPS"].Value)
	assert.Equal(t, *r.Surveys.NPSMonths[10].R.ScorePoints, *tiles["NPS"].Previous)
	assert.Equal(t, r.Contacts.All.CostPerContactAmount, tiles["Cost per contact"].Amount)

	// A trend with intervals for every headline KPI, every month.
	for _, title := range []string{"NPS by month", "CSAT by month (% satisfied)", "CES by month (mean score)",
		"Service level by month (answered within 20 s)", "Abandonment by month (live queues)", "First-contact resolution by month", "Monthly churn (lost ÷ customers at the start)"} {
		tr, ok := charts[title].(*dashboard.Trend)
		if !assert.True(t, ok, "no trend %q", title) {
			continue
		}
		require.Len(t, tr.Lines, 1)
		require.Len(t, tr.Lines[0].Points, 12, title)
		tested := 0
		for i, p := range tr.Lines[0].Points {
			require.NotNil(t, p.Value, "%s: month %d", title, i)
			require.NotNil(t, p.Lo, "%s: month %d has no interval", title, i)
			assert.True(t, *p.Lo <= *p.Value && *p.Value <= *p.Hi, "%s: month %d outside its interval", title, i)
			if p.P != nil {
				tested++
			}
		}
		assert.Equal(t, 11, tested, "%s: every month tested against the one before", title)
	}
	// The service level trend's figures are the contact Results'.
	sl := charts["Service level by month (answered within 20 s)"].(*dashboard.Trend)
	ab := charts["Abandonment by month (live queues)"].(*dashboard.Trend)
	for i, p := range sl.Lines[0].Points {
		assert.InDelta(t, *r.Contacts.ByMonth[i].R.ServiceLevelPct, *p.Value, 1e-9, "month %d", i)
		assert.InDelta(t, *r.Contacts.ByMonth[i].R.AbandonmentPct, *ab.Lines[0].Points[i].Value, 1e-9, "month %d", i)
	}
	churn := charts["Monthly churn (lost ÷ customers at the start)"].(*dashboard.Trend)
	for i, p := range churn.Lines[0].Points {
		assert.InDelta(t, *r.Churn.Months[i].ChurnPct, *p.Value, 1e-9, "churn, month %d", i)
	}
	for _, title := range []string{"NPS by channel", "CSAT by channel (% satisfied)", "CES by channel (mean score)"} {
		b, ok := charts[title].(*dashboard.Bars)
		if assert.True(t, ok, title) {
			assert.Len(t, b.Bars, len(r.Surveys.NPSBy), title)
		}
	}
	assert.IsType(t, &dashboard.Survival{}, charts["Customer lifetime (Kaplan–Meier)"])
	assert.NotNil(t, charts["Customer lifetime (Kaplan–Meier)"].(*dashboard.Survival).Curves[0].Steps[0].Lo, "the band")
	assert.IsType(t, &dashboard.Lorenz{}, charts["Revenue concentration"])
	lz := charts["Revenue concentration"].(*dashboard.Lorenz).Points
	assert.Len(t, lz, maxLorenz+1)
	assert.Equal(t, dashboard.LorenzPoint{CustomerPct: 0, SharePct: 0}, lz[0])
	assert.Equal(t, dashboard.LorenzPoint{CustomerPct: 100, SharePct: 100}, lz[maxLorenz])
	assert.IsType(t, &dashboard.Matrix{}, charts["Spend tiers, first half to second half of the window"])
	staffing := 0
	for title := range charts {
		if strings.HasPrefix(title, "staffing ") {
			staffing++
		}
	}
	assert.Equal(t, 2, staffing, "the intraday plans of phone and chat")

	var page bytes.Buffer
	require.NoError(t, d.Render(&page))
	text := html.UnescapeString(page.String())
	n := pageTests(d)
	assert.Greater(t, n, 60)
	assert.Contains(t, text, fmt.Sprintf("adjusted by Benjamini–Hochberg across the %d tests on this page", n))
	assert.NotContains(t, text, "NaN")
	assert.Regexp(t, regexp.MustCompile(`NPS by month, Jan 2025 to Dec 2025\. NPS: −25\.8 in Jan 2025`), text)
}

// The dashboard says n/a for a cost that is not known for every contact,
// never 0.
func TestDashboardUnknownCost(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"contacts.csv": "id,customer_id,reason,channel,direction,arrived,answered,ended,talk_s,hold_s,wrap_s,outcome,resolved,complaint,value_added,cost\n" +
			"K1,C1,billing,phone,inbound,2025-03-01T09:00:00Z,2025-03-01T09:00:20Z,2025-03-01T09:05:00Z,280,0,30,answered,true,false,low,7.50\n" +
			"K2,C2,billing,phone,inbound,2025-03-02T09:00:00Z,2025-03-02T09:00:10Z,2025-03-02T09:04:00Z,200,0,30,answered,true,false,low,\n",
	})
	o := defaults()
	o.dir, o.months = dir, 3
	o.html = filepath.Join(t.TempDir(), "d.html")
	runReport(t, o)
	data, err := os.ReadFile(o.html)
	require.NoError(t, err)
	page := html.UnescapeString(string(data))
	assert.Regexp(t, `<div class="label">Cost per contact</div><div class="value">n/a</div>`, page)
	assert.Contains(t, page, "n/a: the cost is known for 1 of 2 contacts")
	assert.NotContains(t, page, "NaN")
}

// A file naming many touchpoints and ten years of customers still make a
// page: the channels with the most answers, the latest cohorts.
func TestDashboardBounds(t *testing.T) {
	var surveys, customers strings.Builder
	surveys.WriteString("id,at,channel,nps,ces\n")
	for i := range 40 {
		for k := range 3 + i%5 {
			fmt.Fprintf(&surveys, "S%d-%d,2025-%02d-10,store %02d,%d,%d\n", i, k, 1+k%12, i, (i+k)%11, 1+(i*k)%7)
		}
	}
	customers.WriteString("id,start,end\n")
	for i := range 120 {
		start := time.Date(2016, time.Month(1+i), 3, 0, 0, 0, 0, time.UTC)
		end := ""
		if i%3 == 0 {
			end = start.AddDate(0, 7, 0).Format(time.DateOnly)
		}
		fmt.Fprintf(&customers, "C%d,%s,%s\n", i, start.Format(time.DateOnly), end)
		fmt.Fprintf(&customers, "D%d,%s,\n", i, start.AddDate(0, 0, 5).Format(time.DateOnly))
	}
	dir := writeFiles(t, map[string]string{"surveys.csv": surveys.String(), "customers.csv": customers.String()})
	o := defaults()
	o.dir, o.months, o.asOf = dir, 120, "2026-01-01"
	o.html = filepath.Join(t.TempDir(), "d.html")
	runReport(t, o)
	data, err := os.ReadFile(o.html)
	require.NoError(t, err)
	page := html.UnescapeString(string(data))
	assert.Contains(t, page, "NPS by channel: the 24 with the most answers of 40")
	assert.Contains(t, page, "The 24 easiest of 40 channels.")
	assert.Regexp(t, `The latest \d+ of 120 cohorts\.`, page)
}

// A window before every record still makes a page and a tidy file: the
// sections say n/a, no chart is drawn from nothing.
func TestDashboardEmptyWindow(t *testing.T) {
	dir := t.TempDir()
	o := defaults()
	o.asOf, o.months = "1999-01-01", 3
	o.html, o.tidy = filepath.Join(dir, "d.html"), filepath.Join(dir, "t.csv")
	runReport(t, o)
	page, err := os.ReadFile(o.html)
	require.NoError(t, err)
	assert.Contains(t, string(page), "n/a")
	assert.NotContains(t, string(page), "NaN")
	_, err = os.Stat(o.tidy)
	require.NoError(t, err)
}

// The service-level trend agrees with testdata/service_level.py, which
// counts the sample's contacts and computes the Wilson intervals and the
// month-over-month z-tests with Python's standard library alone.
func TestServiceLevelTrendReference(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "service_level.json"))
	require.NoError(t, err)
	var want []struct {
		Month   string   `json:"month"`
		Within  uint64   `json:"within"`
		Offered uint64   `json:"offered"`
		Pct     float64  `json:"pct"`
		LoPct   float64  `json:"lo_pct"`
		HiPct   float64  `json:"hi_pct"`
		PValue  *float64 `json:"p_value"`
	}
	require.NoError(t, json.Unmarshal(data, &want))
	require.Len(t, want, 12)
	_, r := sampleReport(t)
	var trend *dashboard.Trend
	for _, s := range r.dashboard().Sections {
		for _, c := range s.Charts {
			if tr, ok := c.(*dashboard.Trend); ok && strings.HasPrefix(tr.Title, "Service level by month") {
				trend = tr
			}
		}
	}
	require.NotNil(t, trend)
	for i, w := range want {
		assert.Equal(t, w.Month, trend.Periods[i])
		assert.Equal(t, []uint64{w.Within, w.Offered}, []uint64{r.Contacts.ByMonth[i].SL.Successes(), r.Contacts.ByMonth[i].SL.N()}, w.Month)
		p := trend.Lines[0].Points[i]
		assert.InDelta(t, w.Pct, *p.Value, 1e-9, w.Month)
		assert.InDelta(t, w.LoPct, *p.Lo, 1e-9, w.Month)
		assert.InDelta(t, w.HiPct, *p.Hi, 1e-9, w.Month)
		if w.PValue == nil {
			assert.Nil(t, p.P, w.Month)
		} else if assert.NotNil(t, p.P, w.Month) {
			assert.InDelta(t, *w.PValue, *p.P, 1e-9, w.Month)
		}
	}
}
