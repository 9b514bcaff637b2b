package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/dashboard"
	"github.com/rapportkit/rapport/rate"
	"github.com/rapportkit/rapport/tidy"
	"github.com/shopspring/decimal"
)

func ptr(x float64) *float64 { return &x }

// build lays out the dashboard: tiles for December, a trend for every
// headline KPI with month-over-month tests, bars by channel, the
// survival of subscribers, the concentration of revenue, tier moves and
// tomorrow's staffing.
func build(f figures) (*dashboard.Dashboard, error) {
	periods := make([]string, len(f.months))
	for i, m := range f.months {
		periods[i] = m.label
	}
	// The month-over-month tests, one per KPI and month after the first.
	proportionTrend := func(name string, pick func(m month) (*rate.Tally, *float64, *interval)) (dashboard.Line, error) {
		l := dashboard.Line{Name: name}
		for i, m := range f.months {
			t, v, ci := pick(m)
			p := point(v, ci)
			if i > 0 {
				prev, _, _ := pick(f.months[i-1])
				c, err := rate.Compare(prev, t, level, rate.Newcombe)
				if err != nil {
					return l, err
				}
				p.P = c.PValue
			}
			l.Points = append(l.Points, p)
		}
		return l, nil
	}
	meanTrend := func(name string, pick func(m month) (moments, *float64, *interval)) dashboard.Line {
		l := dashboard.Line{Name: name}
		for i, m := range f.months {
			mo, v, ci := pick(m)
			p := point(v, ci)
			if i > 0 {
				prev, _, _ := pick(f.months[i-1])
				if pv, ok := welchP(prev, mo); ok {
					p.P = ptr(pv)
				}
			}
			l.Points = append(l.Points, p)
		}
		return l
	}

	volume := dashboard.Line{Name: "contacts"}
	for i, m := range f.months {
		lo, hi := poissonInterval(m.contacts.N)
		p := dashboard.Point{Value: ptr(float64(m.contacts.N)), Lo: ptr(lo), Hi: ptr(hi)}
		if i > 0 {
			p.P = ptr(poissonP(f.months[i-1].contacts.N, m.contacts.N))
		}
		volume.Points = append(volume.Points, p)
	}
	sl, err := proportionTrend("service level", func(m month) (*rate.Tally, *float64, *interval) {
		return m.contacts.sl, m.contacts.ServiceLevelPct, m.contacts.ServiceLevelIntervalPct
	})
	if err != nil {
		return nil, err
	}
	abandonment, err := proportionTrend("abandonment", func(m month) (*rate.Tally, *float64, *interval) {
		return m.contacts.abandonment, m.contacts.AbandonmentPct, m.contacts.AbandonmentIntervalPct
	})
	if err != nil {
		return nil, err
	}
	fcr, err := proportionTrend("FCR", func(m month) (*rate.Tally, *float64, *interval) {
		return m.contacts.fcr, m.contacts.FCRPct, m.contacts.FCRIntervalPct
	})
	if err != nil {
		return nil, err
	}
	csat, err := proportionTrend("CSAT", func(m month) (*rate.Tally, *float64, *interval) {
		var ci *interval
		if r := m.csat.RateIntervalPct; r != nil {
			ci = &interval{r.Lo, r.Hi, r.Level, string(r.Method)}
		}
		return m.satisfy, m.csat.RatePct, ci
	})
	if err != nil {
		return nil, err
	}
	churnLine, err := proportionTrend("churn", func(m month) (*rate.Tally, *float64, *interval) {
		r, _ := m.base.Result(level, rate.Wilson)
		var ci *interval
		if r.RateIntervalPct != nil {
			ci = &interval{r.RateIntervalPct.Lo, r.RateIntervalPct.Hi, level, "wilson"}
		}
		return m.base, r.RatePct, ci
	})
	if err != nil {
		return nil, err
	}
	asa := meanTrend("ASA", func(m month) (moments, *float64, *interval) {
		return m.contacts.asa, m.contacts.ASASeconds, m.contacts.ASAIntervalSeconds
	})
	aht := meanTrend("AHT", func(m month) (moments, *float64, *interval) {
		return m.contacts.aht, m.contacts.AHTSeconds, m.contacts.AHTIntervalSeconds
	})
	ces := meanTrend("CES", func(m month) (moments, *float64, *interval) {
		return m.ces.moments, m.ces.MeanScore, m.ces.MeanIntervalScore
	})
	nps := dashboard.Line{Name: "NPS"}
	for i, m := range f.months {
		p := point(m.nps.ScorePoints, m.nps.ScoreIntervalPoints)
		if i > 0 {
			a, b := f.months[i-1].nps, m.nps
			if a.ScorePoints != nil && b.ScorePoints != nil {
				if pv, ok := npsP(*b.ScorePoints, *a.ScorePoints, b.variance, a.variance, b.N, a.N); ok {
					p.P = ptr(pv)
				}
			}
		}
		nps.Points = append(nps.Points, p)
	}

	trend := func(title string, u tidy.Unit, l dashboard.Line, target *float64, note string) *dashboard.Trend {
		return &dashboard.Trend{Title: title, Unit: u, Periods: periods, Lines: []dashboard.Line{l}, Level: level, Target: target, Note: note}
	}
	dec := f.months[11]
	tile := func(label string, u tidy.Unit, l dashboard.Line, target, warn *float64, better dashboard.Direction, note string) dashboard.Tile {
		return dashboard.Tile{Label: label, Unit: u, Value: l.Points[11].Value, Previous: l.Points[10].Value, PreviousLabel: "Nov",
			Target: target, Warn: warn, Better: better, Note: note}
	}
	d := &dashboard.Dashboard{
		Title:    "Customer relationship — December 2025",
		Subtitle: fmt.Sprintf("Sample data: %s contacts and %s survey answers in 2025, %d subscribers. Tiles: December against November.", count(f), answers(f), 1600),
		Footer:   "Intervals at 95 %: Wilson for shares, t for means, adjusted Wald for NPS, Garwood for contact volumes, log-log for survival.",
	}
	d.Sections = append(d.Sections, dashboard.Section{
		Title: "Customers",
		Tiles: []dashboard.Tile{
			tile("NPS", tidy.Points, nps, ptr(30), ptr(25), dashboard.Higher, fmt.Sprintf("n = %d", dec.nps.N)),
			tile("CSAT", tidy.Pct, csat, ptr(85), ptr(80), dashboard.Higher, "satisfied or very satisfied"),
			tile("CES", tidy.Score, ces, ptr(5.5), ptr(5), dashboard.Higher, "ease, 1–7"),
			tile("Churn", tidy.Pct, churnLine, ptr(2), ptr(3), dashboard.Lower, fmt.Sprintf("%d of %d lost", dec.churn.LostFromStart, dec.churn.Start)),
		},
		Charts: []dashboard.Chart{
			trend("NPS by month", tidy.Points, nps, ptr(30), "Promoters minus detractors, of all answers."),
			trend("CSAT by month", tidy.Pct, csat, ptr(85), "Share answering 4 or 5 of 5."),
			trend("Customer effort by month", tidy.Score, ces, ptr(5.5), "Mean ease on 1–7 (CES 2.0), higher is easier."),
			trend("Monthly churn", tidy.Pct, churnLine, ptr(2), "Subscribers of the month's opening base lost during the month."),
		},
	})
	var npsBars, csatBars, cesBars []dashboard.Bar
	for ch, g := range f.channels {
		rest := others(f.channels, ch)
		b := dashboard.Bar{Label: g.label, Value: g.nps.ScorePoints, N: g.nps.N}
		if ci := g.nps.ScoreIntervalPoints; ci != nil {
			b.Lo, b.Hi = ptr(ci.Lo), ptr(ci.Hi)
		}
		if g.nps.ScorePoints != nil && rest.nps.ScorePoints != nil {
			if pv, ok := npsP(*g.nps.ScorePoints, *rest.nps.ScorePoints, g.nps.variance, rest.nps.variance, g.nps.N, rest.nps.N); ok {
				b.P = ptr(pv)
			}
		}
		npsBars = append(npsBars, b)
		c, err := rate.Compare(rest.satisfy, g.satisfy, level, rate.Newcombe)
		if err != nil {
			return nil, err
		}
		b = dashboard.Bar{Label: g.label, Value: g.csat.RatePct, N: g.csat.N, P: c.PValue}
		if ci := g.csat.RateIntervalPct; ci != nil {
			b.Lo, b.Hi = ptr(ci.Lo), ptr(ci.Hi)
		}
		csatBars = append(csatBars, b)
		b = dashboard.Bar{Label: g.label, Value: g.ces.MeanScore, N: g.ces.N}
		if ci := g.ces.MeanIntervalScore; ci != nil {
			b.Lo, b.Hi = ptr(ci.Lo), ptr(ci.Hi)
		}
		if pv, ok := welchP(g.ces.moments, rest.ces.moments); ok {
			b.P = ptr(pv)
		}
		cesBars = append(cesBars, b)
	}
	const ref = "the other channels"
	d.Sections[0].Charts = append(d.Sections[0].Charts,
		&dashboard.Bars{Title: "NPS by channel, Q4", Unit: tidy.Points, Bars: npsBars, Level: level, Target: ptr(30), Reference: ref},
		&dashboard.Bars{Title: "CSAT by channel, Q4", Unit: tidy.Pct, Bars: csatBars, Level: level, Target: ptr(85), Reference: ref},
		&dashboard.Bars{Title: "Customer effort by channel, Q4", Unit: tidy.Score, Axis: "mean ease, 1–7", Bars: cesBars, Level: level, Reference: ref},
	)

	d.Sections = append(d.Sections, dashboard.Section{
		Title: "Contact centre",
		Tiles: []dashboard.Tile{
			tile("Contacts", tidy.Count, volume, nil, nil, dashboard.Neutral, "all channels"),
			tile("Service level", tidy.Pct, sl, ptr(80), ptr(75), dashboard.Higher, "answered within 20 s, voice and chat"),
			tile("ASA", tidy.Seconds, asa, ptr(30), ptr(45), dashboard.Lower, "average speed of answer"),
			tile("Abandonment", tidy.Pct, abandonment, ptr(5), ptr(8), dashboard.Lower, "of contacts offered"),
			tile("FCR", tidy.Pct, fcr, ptr(75), ptr(70), dashboard.Higher, "no repeat within 7 days"),
			tile("AHT", tidy.Seconds, aht, ptr(360), ptr(400), dashboard.Lower, "talk, hold and wrap-up"),
			{Label: "Cost per voice contact", Unit: tidy.Amount, Amount: f.channels[0].contacts.CostPerContactAmount, Currency: "EUR", Note: "December"},
		},
		Charts: []dashboard.Chart{
			trend("Contacts by month", tidy.Count, volume, nil, "All channels; the band is the Poisson interval of the count."),
			trend("Service level by month", tidy.Pct, sl, ptr(80), "Voice and chat contacts answered within 20 seconds, of those offered."),
			trend("Average speed of answer by month", tidy.Seconds, asa, ptr(30), "Mean wait of answered voice and chat contacts."),
			trend("Abandonment by month", tidy.Pct, abandonment, ptr(5), "Voice and chat contacts abandoned in the queue, of those offered."),
			trend("First-contact resolution by month", tidy.Pct, fcr, ptr(75), "Answered contacts with no repeat within 7 days."),
			trend("Average handle time by month", tidy.Seconds, aht, ptr(360), "Talk, hold and wrap-up of answered contacts."),
			staffing(f.slots),
		},
		Tables: []dashboard.Table{channelTable(f)},
	})
	lorenz, gini := lorenzOf(f.revenue[1])
	d.Sections = append(d.Sections, dashboard.Section{
		Title: "Retention and value",
		Charts: []dashboard.Chart{
			survival(f),
			&dashboard.Lorenz{Title: "Concentration of 2025 revenue", Points: lorenz, GiniRatio: &gini, Note: "2,000 customers; the further the curve from the diagonal, the more revenue rests on few customers."},
			tiers(f.revenue),
			cohorts(f.cohorts),
		},
	})
	return d, nil
}

func point(v *float64, ci *interval) dashboard.Point {
	p := dashboard.Point{Value: v}
	if ci != nil {
		p.Lo, p.Hi = ptr(ci.Lo), ptr(ci.Hi)
	}
	return p
}

func count(f figures) string {
	var n uint64
	for _, m := range f.months {
		n += m.contacts.N
	}
	return dashboard.FormatValue(ptr(float64(n)), tidy.Count)
}

func answers(f figures) string {
	var n uint64
	for _, m := range f.months {
		n += m.nps.N
	}
	return dashboard.FormatValue(ptr(float64(n)), tidy.Count)
}

// others merges the groups other than ch, to test ch against.
func others(gs []month, ch int) month {
	var o month
	var satisfied, n uint64
	var p, d uint64
	var sum, ss float64
	for i, g := range gs {
		if i == ch {
			continue
		}
		p += g.nps.Promoters
		d += g.nps.Detractors
		n += g.nps.N
		satisfied += g.satisfy.Successes()
		m := g.ces.moments
		sum += m.mean * float64(m.n)
		ss += m.sd*m.sd*float64(m.n-1) + m.mean*m.mean*float64(m.n)
	}
	o.nps = npsResult{N: n, Promoters: p, Detractors: d}
	if score, _, _, v, ok := npsFigure(p, d, n); ok {
		o.nps.ScorePoints, o.nps.variance = &score, v
	}
	o.satisfy, _ = rate.FromCounts(satisfied, n)
	mean := sum / float64(n)
	o.ces.moments = moments{n: n, mean: mean, sd: math.Sqrt((ss - float64(n)*mean*mean) / float64(n-1))}
	return o
}

func staffing(slots []slotPlan) *dashboard.Staffing {
	s := &dashboard.Staffing{Title: "Voice staffing, Monday 5 January 2026",
		Note: "Required: the square-root staffing rule, A + √A agents for A Erlangs of offered load (calls × AHT ÷ 30 min), rounded up."}
	for _, sl := range slots {
		a := sl.calls * sl.ahtSecond / 1800
		s.Slots = append(s.Slots, dashboard.Slot{Label: sl.label, Required: math.Ceil(a + math.Sqrt(a)), Staffed: sl.staffed})
	}
	return s
}

func channelTable(f figures) dashboard.Table {
	t := dashboard.Table{
		Title:  "Contact centre by channel, Q4 (cost: December)",
		Header: []string{"channel", "contacts", "service level", "ASA", "abandonment", "FCR", "AHT", "cost", "cost per contact"},
		Note:   "E-mail has no queue to time, hence no service level, ASA or abandonment; its cost is not reported.",
	}
	for _, g := range f.channels {
		c := g.contacts
		t.Rows = append(t.Rows, []string{g.label, dashboard.FormatValue(ptr(float64(c.N)), tidy.Count),
			dashboard.FormatValue(c.ServiceLevelPct, tidy.Pct), dashboard.FormatValue(c.ASASeconds, tidy.Seconds),
			dashboard.FormatValue(c.AbandonmentPct, tidy.Pct), dashboard.FormatValue(c.FCRPct, tidy.Pct),
			dashboard.FormatValue(c.AHTSeconds, tidy.Seconds), dashboard.FormatAmount(c.CostAmount, "EUR"),
			dashboard.FormatAmount(c.CostPerContactAmount, "EUR")})
	}
	return t
}

func survival(f figures) *dashboard.Survival {
	s := &dashboard.Survival{Title: "Subscribers still there, by plan", Level: level,
		Note: "Kaplan–Meier estimate from every subscriber since 2023; the band is the pointwise log-log interval."}
	for _, seg := range []string{"monthly", "annual"} {
		s.Curves = append(s.Curves, dashboard.CurveOf(seg+" plan", f.curves[seg]))
	}
	return s
}

// lorenzOf returns the Lorenz curve of amounts at every 5 % of
// customers, and the Gini ratio, 1 − Σ (Xₖ − Xₖ₋₁)(Yₖ + Yₖ₋₁) over all
// customers, from the exact decimal sums.
func lorenzOf(amounts []decimal.Decimal) ([]dashboard.LorenzPoint, float64) {
	a := slices.Clone(amounts)
	slices.SortFunc(a, func(x, y decimal.Decimal) int { return x.Cmp(y) })
	total := decimal.Sum(decimal.Zero, a...)
	n := len(a)
	var pts []dashboard.LorenzPoint
	cum := decimal.Zero
	gini, prev := 1.0, 0.0
	for i, x := range a {
		cum = cum.Add(x)
		share := cum.Div(total).InexactFloat64()
		gini -= (share + prev) / float64(n)
		prev = share
		if k := i + 1; k%(n/20) == 0 {
			pts = append(pts, dashboard.LorenzPoint{CustomerPct: 100 * float64(k) / float64(n), SharePct: 100 * share})
		}
	}
	return pts, gini
}

// tiers moves customers between revenue tiers from last year to this.
func tiers(revenue [2][]decimal.Decimal) *dashboard.Matrix {
	names := []string{"gold", "silver", "bronze"}
	gold, silver := decimal.NewFromInt(2000), decimal.NewFromInt(500)
	tier := func(d decimal.Decimal) int {
		switch {
		case d.GreaterThanOrEqual(gold):
			return 0
		case d.GreaterThanOrEqual(silver):
			return 1
		}
		return 2
	}
	counts := make([][]uint64, 3)
	for i := range counts {
		counts[i] = make([]uint64, 3)
	}
	for i := range revenue[0] {
		counts[tier(revenue[0][i])][tier(revenue[1][i])]++
	}
	return &dashboard.Matrix{Title: "Tier moves, 2024 to 2025", RowAxis: "tier in 2024", ColAxis: "tier in 2025", Rows: names, Cols: names, Counts: counts,
		Note: "Gold from 2,000 EUR of yearly revenue, silver from 500 EUR."}
}

// cohorts draws the retention of the 2025 cohorts, month by month.
func cohorts(t *churn.CohortTable) *dashboard.Heatmap {
	h := &dashboard.Heatmap{Title: "Cohorts of 2025: still subscribed k months on", RowAxis: "joined in", ColAxis: "months since joining",
		Unit: tidy.Pct, Lo: ptr(50), Hi: ptr(100), Note: "Share of each month's new subscribers still there at the start of each later month."}
	for k := range 12 {
		h.Cols = append(h.Cols, strconv.Itoa(k))
	}
	for _, c := range t.Cohorts {
		if c.Period.From.Year() != year {
			continue
		}
		h.Rows = append(h.Rows, c.Period.From.Format("Jan 2006"))
		h.Values = append(h.Values, c.RetainedPct)
	}
	return h
}
