package dashboard_test

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/dashboard"
	"github.com/rapportkit/rapport/tidy"
)

// A tile and a trend with a month-over-month test: the page's text
// alternative says what the chart shows.
func ExampleDashboard_Render() {
	nps := []float64{18, 21, 29, 27}
	lo := []float64{12, 15, 23, 21}
	hi := []float64{24, 27, 35, 33}
	p := []float64{0, 0.41, 0.004, 0.62} // of each change; none for the first month
	trend := &dashboard.Trend{Title: "NPS by month", Unit: tidy.Points, Level: 0.95, Target: f(25),
		Periods: []string{"2025-01", "2025-02", "2025-03", "2025-04"}, Lines: []dashboard.Line{{Name: "NPS"}}}
	for i := range nps {
		pt := dashboard.Point{Value: &nps[i], Lo: &lo[i], Hi: &hi[i]}
		if i > 0 {
			pt.P = &p[i]
		}
		trend.Lines[0].Points = append(trend.Lines[0].Points, pt)
	}
	d := dashboard.Dashboard{Title: "Surveys, April 2025", Sections: []dashboard.Section{{
		Tiles:  []dashboard.Tile{{Label: "NPS", Unit: tidy.Points, Value: &nps[3], Previous: &nps[2], PreviousLabel: "Mar", Target: f(25)}},
		Charts: []dashboard.Chart{trend},
	}}}
	var page bytes.Buffer
	if err := d.Render(&page); err != nil {
		fmt.Println(err)
		return
	}
	desc := regexp.MustCompile(`<desc id="c1-d">(.*?)</desc>`).FindStringSubmatch(page.String())[1]
	fmt.Println(html.UnescapeString(desc))
	// Output:
	// NPS by month, Jan 2025 to Apr 2025. NPS: +18.0 in Jan 2025, +27.0 in Apr 2025; lowest +18.0 in Jan 2025, highest +29.0 in Mar 2025. Target +25.0. Significant changes: NPS in Mar 2025 (up, p = 0.004, adjusted = 0.012: significant).
}

func ExampleFormatP() {
	for _, p := range []float64{2.22e-206, 0.0004, 0.0123, 0.049, 0.27, 1} {
		fmt.Println(dashboard.FormatP(&p))
	}
	fmt.Println(dashboard.FormatP(nil))
	// Output:
	// p < 0.001
	// p < 0.001
	// p = 0.012
	// p = 0.049
	// p = 0.27
	// p > 0.99
	// n/a
}

// Units are separated from the number by a no-break space.
func ExampleFormatValue() {
	for _, c := range []struct {
		v float64
		u tidy.Unit
	}{{82.44, tidy.Pct}, {31.25, tidy.Points}, {-4, tidy.Points}, {372.4, tidy.Seconds}, {12345, tidy.Count}} {
		fmt.Println(dashboard.FormatValue(&c.v, c.u))
	}
	fmt.Println(dashboard.FormatValue(nil, tidy.Pct))
	// Output:
	// 82.4 %
	// +31.3
	// −4.0
	// 6 min 12 s
	// 12,345
	// n/a
}

func ExampleFormatAmount() {
	fmt.Println(dashboard.FormatAmount(amount("21512.405"), "EUR"))
	fmt.Println(dashboard.FormatAmount(nil, "EUR")) // a cost nobody reported
	// Output:
	// 21,512.41 EUR
	// n/a
}

// A churn survival Result as a curve: steps in days and percent, with
// the band.
func ExampleCurveOf() {
	d := func(day int) time.Time { return time.Date(2025, 1, day, 0, 0, 0, 0, time.UTC) }
	customers := []churn.Customer{
		{ID: "a", Start: d(1), End: d(11)}, {ID: "b", Start: d(1), End: d(21)}, {ID: "c", Start: d(1)}, {ID: "d", Start: d(5)},
	}
	s, _ := churn.SurvivalOf(slices.Values(customers), d(31), 24*time.Hour)
	r, _ := s.Result(0.95, churn.LogLog)
	c := dashboard.CurveOf("all", r)
	for _, st := range c.Steps {
		fmt.Printf("day %2.0f: %5.1f %%, %d censored\n", st.Days, st.SurvivalPct, st.Censored)
	}
	// Output:
	// day 10:  75.0 %, 0 censored
	// day 20:  50.0 %, 0 censored
	// day 26:  50.0 %, 1 censored
	// day 30:  50.0 %, 1 censored
}

func BenchmarkRender(b *testing.B) {
	d := every()
	for b.Loop() {
		if err := d.Render(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
