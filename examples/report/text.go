package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/plan"
	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
)

// text prints the report for a terminal: prose lines, and tables aligned
// on their columns.
type text struct {
	out io.Writer
	tw  *tabwriter.Writer
}

// line prints a line of prose (after any table).
func (t *text) line(format string, args ...any) {
	t.tw.Flush()
	fmt.Fprintf(t.out, format+"\n", args...)
}

// row prints a row of a table: cells separated by tabs.
func (t *text) row(cells ...string) {
	fmt.Fprintln(t.tw, strings.Join(cells, "\t")+"\t")
}

func (t *text) heading(title string) {
	t.tw.Flush()
	fmt.Fprintf(t.out, "\n%s\n%s\n", title, strings.Repeat("─", len([]rune(title))))
}

// writeText prints the report for a terminal.
func (r *report) writeText(out io.Writer) {
	t := &text{out: out, tw: tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)}
	w := r.Window
	t.line("rapport — customer-relationship report")
	t.line("as of %s, %s %s … %s", r.AsOf.Format(time.DateOnly), counted(len(w.months), "month"), w.label(0), w.label(len(w.months)-1))
	t.line("the as-of date is %s; the report knows the records dated before it", r.AsOfNote)
	if note := w.partialNote(); note != "" {
		t.line("%s", note)
	}

	t.heading("Data")
	t.row("file", "read", "accepted", "rejected")
	for _, f := range r.Files {
		t.row(clean(f.Name), fmt.Sprint(f.Read), fmt.Sprint(f.Accepted), fmt.Sprint(f.Rejected))
	}
	if r.Rejections > 0 {
		verb := "are listed on standard error with their"
		if r.Rejections == 1 {
			verb = "is listed on standard error with its"
		}
		t.line("%s %s file, line, column and reason.", counted(r.Rejections, "rejected row"), verb)
	}
	for _, a := range r.Absent {
		t.line("%s is not in the directory: the sections that need it are left out.", a)
	}
	if l := r.Link; l != nil {
		t.line("survey responses linked to the contacts they rate: %d matched, %d without a contact id, %s not found among the contacts.",
			l.Matched, l.NoContact, counted(len(l.Unmatched), "contact id"))
	}
	if r.LinkErr != nil {
		t.line("survey responses not linked to contacts: %s", clean(r.LinkErr.Error()))
	}

	if r.Surveys != nil {
		r.writeSurveys(t)
	}
	if r.Contacts != nil {
		r.writeContacts(t)
	}
	if r.Staffing != nil {
		r.writeStaffing(t)
	}
	if r.Churn != nil {
		r.writeChurn(t)
	}
	if r.Segments != nil || r.CLV != nil {
		r.writeSegments(t)
	}
	t.tw.Flush()
}

func (r *report) writeSurveys(t *text) {
	s := r.Surveys
	familyNote := func(tests int) {
		if tests > 0 {
			t.line("Δ is each month against the one before; the %s are adjusted together (Benjamini–Hochberg), and \"significant\" marks an adjusted p at most %.2f.",
				counted(tests, "month-over-month p-value"), alpha)
		}
	}
	if s.NPS != nil {
		t.heading("Net Promoter Score (0–10; 95 % adjusted-Wald intervals)")
		n := s.NPS
		t.line("NPS %s (95 %% interval %s) from %s: %s (%s), %s (%s), %s (%s)", signedPoints(n.ScorePoints), interval(n.ScoreIntervalPoints, "%+.1f"),
			counted(n.N, "answer"), counted(n.Promoters, "promoter"), pct(n.PromotersPct), counted(n.Passives, "passive"), pct(n.PassivesPct),
			counted(n.Detractors, "detractor"), pct(n.DetractorsPct))
		t.row("month", "n", "NPS", "95 % interval", "Δ points", "adjusted p", "")
		tests := 0
		for _, m := range s.NPSMonths {
			d, p, mark := changeCells(m.Change)
			if m.Change != nil {
				tests++
			}
			t.row(m.Label, fmt.Sprint(m.R.N), signedPoints(m.R.ScorePoints), interval(m.R.ScoreIntervalPoints, "%+.1f"), d, p, mark)
		}
		familyNote(tests)
		if last := s.NPSMonths[len(s.NPSMonths)-1].Change; last != nil {
			t.line("last month against the one before: %s", changeText(last, "points"))
		}
		t.row("channel", "n", "NPS", "95 % interval")
		for _, g := range s.NPSBy {
			t.row(clean(g.Key), fmt.Sprint(g.R.N), signedPoints(g.R.ScorePoints), interval(g.R.ScoreIntervalPoints, "%+.1f"))
		}
	}
	if s.CSAT != nil {
		t.heading(fmt.Sprintf("Customer satisfaction (CSAT %v; 95 %% Wilson intervals)", s.CSATScale))
		c := s.CSAT
		t.line("CSAT %s satisfied (95 %% interval %s) from %s: %d satisfied, %d neutral (%s), %d dissatisfied (%s); mean %s — benchmark level: %v",
			pct(c.SatisfiedPct), interval(c.SatisfiedIntervalPct, "%.1f"), counted(c.N, "answer"), c.Satisfied, c.Neutral, pct(c.NeutralPct),
			c.Dissatisfied, pct(c.DissatisfiedPct), mean(c.MeanScore), s.CSATLevel)
		t.row("month", "n", "satisfied", "95 % interval", "mean", "Δ points", "adjusted p", "")
		tests := 0
		for _, m := range s.CSATMonth {
			d, p, mark := changeCells(m.Change)
			if m.Change != nil {
				tests++
			}
			t.row(m.Label, fmt.Sprint(m.R.N), pct(m.R.SatisfiedPct), interval(m.R.SatisfiedIntervalPct, "%.1f"), mean(m.R.MeanScore), d, p, mark)
		}
		familyNote(tests)
		t.row("channel", "n", "satisfied", "95 % interval", "mean")
		for _, g := range s.CSATBy {
			t.row(clean(g.Key), fmt.Sprint(g.R.N), pct(g.R.SatisfiedPct), interval(g.R.SatisfiedIntervalPct, "%.1f"), mean(g.R.MeanScore))
		}
	}
	if s.CES != nil {
		t.heading(fmt.Sprintf("Customer effort (CES %v)", s.CESScale))
		c := s.CES
		t.line("CES mean %s (95 %% t interval %s), ease %s, from %s: %s low effort, %s neutral, %s high effort; net %s",
			mean(c.MeanScore), interval(c.MeanIntervalScore, "%.2f"), pct(c.EasePct), counted(c.N, "answer"),
			pct(c.LowEffortPct), pct(c.NeutralPct), pct(c.HighEffortPct), signedPoints(c.NetPoints))
		t.line("channels from the easiest, each tested against the easiest (Welch's t-test); the p-values are adjusted together")
		t.line("(Benjamini–Hochberg), and \"harder\" marks an adjusted p at most %.2f:", alpha)
		t.row("channel", "n", "mean", "ease", "Δ", "adjusted p", "")
		for _, c := range s.CESRank {
			p, mark := "", ""
			if c.Tested {
				p = pValue(c.Adjusted)
			}
			if c.Significant {
				mark = "harder"
			}
			delta := na
			if c.DeltaScore != nil {
				delta = fmt.Sprintf("%+.2f", *c.DeltaScore)
			}
			t.row(clean(c.Key), fmt.Sprint(c.N), mean(c.MeanScore), pct(c.EasePct), delta, p, mark)
		}
	}
}

// changeCells returns the cells of a month-over-month test: Δ, the
// adjusted p-value and the mark.
func changeCells(c *change) (delta, p, mark string) {
	if c == nil {
		return "", "", ""
	}
	if c.Significant {
		mark = "significant"
	}
	return signedPoints(c.DeltaPoints), pValue(c.Adjusted), mark
}

// changeText says a test in a sentence.
func changeText(c *change, unit string) string {
	verdict := "not significant once adjusted"
	if c.Significant {
		verdict = "significant once adjusted"
	}
	return fmt.Sprintf("Δ %s %s (95 %% interval %s), %s before adjustment, adjusted %s: %s",
		signedPoints(c.DeltaPoints), unit, interval(c.DeltaIntervalPoints, "%+.1f"), pEquals(c.PValue), pValue(c.Adjusted), verdict)
}

func (r *report) writeContacts(t *text) {
	c := r.Contacts
	th := operations.DefaultThresholds
	t.heading(fmt.Sprintf("Contact centre (service level: answered within %s; response within %s; FCR: no repeat within %s)",
		threshold(th.Answer), threshold(th.Response), threshold(fcrWindow)))
	a := c.All
	t.line("%s (%d incoming: %s, %s); reachability %s, service level %s within %s, ASA %s, 90th percentile of waits %s, abandonment %s,",
		counted(a.N, "contact"), a.Incoming, counted(a.CallsReceived, "call"), counted(a.TicketsCreated, "ticket"),
		pct(a.ReachabilityPct), pct(a.ServiceLevelPct), threshold(th.Answer), waitText(a.ASASeconds), waitText(a.WaitP90Seconds), pct(a.AbandonmentPct))
	t.line("responses within %s %s, AHT %s, FCR %s, resolution %s, complaints %s, self-service deflection %s, high value %s",
		threshold(th.Response), pct(a.ResponseWithinPct), handleSeconds(a.AHTSeconds), pct(a.FCRPct), pct(a.ResolutionPct),
		pct(a.ComplaintPct), pct(a.DeflectionPct), pct(a.HighValuePct))
	if a.CostAmount != nil {
		t.line("cost %s (%s per handled contact, %s per resolution)", euros(a.CostAmount), euros(a.CostPerContactAmount), euros(a.CostPerResolutionAmount))
	} else {
		t.line("cost %s: known for %d of %s", na, a.Costed, counted(a.N, "contact"))
	}
	t.row("channel", "contacts", "reach", "serv. level", "ASA", "abandon", "resp. "+threshold(th.Response), "FCR", "AHT", "deflect", "complaints", "cost/contact")
	for _, ch := range c.ByChannel {
		r := ch.R
		t.row(ch.Channel.String(), fmt.Sprint(r.N), pct(r.ReachabilityPct), pct(r.ServiceLevelPct), waitText(r.ASASeconds), pct(r.AbandonmentPct),
			pct(r.ResponseWithinPct), pct(r.FCRPct), handleSeconds(r.AHTSeconds), pct(r.DeflectionPct), pct(r.ComplaintPct), euros(r.CostPerContactAmount))
	}
	t.line("(%s: not measured for the channel, or an unknown cost: a cost is known only when every contact's is)", na)
	header := []string{"month", "total"}
	for _, ch := range c.Channels {
		header = append(header, ch.String())
	}
	t.row(header...)
	for _, m := range c.Months {
		cells := []string{m.Label, fmt.Sprint(m.Total)}
		for _, n := range m.Counts {
			cells = append(cells, fmt.Sprint(n))
		}
		t.row(cells...)
	}
}

func (r *report) writeStaffing(t *text) {
	s := r.Staffing
	tg := s.Targets
	t.heading(fmt.Sprintf("Staffing plan for the %d days from %s (live channels, %s intervals)", horizon, s.AsOf, threshold(halfHour)))
	t.line("targets in every half hour: %s answered within %s, at most %s abandoning (Erlang A, with the customers' patience), agents busy at most %s;",
		share(tg.ServiceLevel), threshold(tg.Within), share(tg.Abandonment), share(tg.Occupancy))
	t.line("shrinkage %s turns agents into positions; a full-time position (FTE) is %s a week over %s.",
		share(tg.Shrinkage), threshold(s.Contract.Weekly), counted(s.Contract.DaysPerWeek, "day"))
	t.line("demand: the inbound contacts offered to agents (answered or abandoned) per half hour from %s to %s, forecast by Holt–Winters",
		s.HistoryFrom, s.AsOf.AddDays(-1))
	t.line("with a weekly season and tested on the last %d days held out.", holdout)
	t.line("costs: %s per paid position hour (-hourly) and %s per contact besides the agent (-per-contact). The data hold costs",
		euros(&s.Hourly), euros(&s.PerContact))
	t.line("per contact, not wages: these two are inputs to set, not measures; the plan prices agent time and these per-contact costs only.")
	for _, q := range s.Queues {
		noun := "contact"
		switch q.Channel {
		case operations.Phone:
			noun = "call"
		case operations.Chat:
			noun = "chat"
		}
		t.line("")
		conc := ""
		if q.Concurrency > 1 {
			conc = fmt.Sprintf(", %g at once per agent", q.Concurrency)
		}
		patience := "patience unknown: Erlang C, no abandonment target"
		if q.Patience > 0 {
			patience = "mean patience " + handleText(q.Patience)
		}
		t.line("%s: %s offered over the history%s; %s; achieved %s within %s", q.Channel, counted(q.Offered, noun), conc, patience,
			pct(q.Observed), threshold(tg.Within))
		if q.Skipped != "" {
			t.line("  no plan: %s", clean(q.Skipped))
			continue
		}
		a := q.Accuracy
		t.line("  forecast accuracy on %s to %s: per half hour WAPE %s, bias %s; per day WAPE %s, bias %s; %d of %s inside their 95 %% interval",
			a.From, a.To, pct(a.Intervals.WAPEPct), signedPct(a.Intervals.BiasPct), pct(a.Days.WAPEPct), signedPct(a.Days.BiasPct),
			a.Covered, counted(a.WithInterval, "day"))
		peak, _ := q.Forecast.Peak()
		p := q.Plan
		top := p.Peak()
		t.line("  next %d days: %.1f %s forecast; the busiest half hour, %s, holds %.1f; the most agents any half hour needs: %s (%s)",
			horizon, q.Forecast.Contacts(), plural(noun), peak.Start.Format("Mon 2006-01-02 15:04"), peak.Contacts,
			counted(top.Agents, "agent"), counted(top.Positions, "position"))
		if top.Agents <= 2 {
			t.line("  a small queue: its busiest half hour holds %.1f %s, so the plan is set by the hours to cover more than by the load",
				peak.Contacts, plural(noun))
			t.line("  (at most %s in any half hour), and an error per half hour is mostly the noise of a handful of %s: read the plan by day.",
				counted(top.Agents, "agent"), plural(noun))
		}
		t.row("day", plural(noun), "half hours staffed", "peak agents", "peak positions", "FTE", "serv. level", "abandon", "occupancy", "cost", "cost/"+noun)
		for _, d := range p.Days {
			t.row(fmt.Sprintf("%s %s", d.Date, d.Date.Weekday().String()[:3]), fmt.Sprintf("%.1f", d.Contacts), fmt.Sprint(staffed(p, d.Period)),
				fmt.Sprint(d.PeakAgents), fmt.Sprint(d.PeakPositions), fte(d.FTE), pct(d.ServiceLevelPct), pct(d.AbandonmentPct),
				pct(d.OccupancyPct), euros(&d.CostAmount), euros(d.CostPerContactAmount))
		}
		w := p.Total
		t.row(fmt.Sprintf("%d days", len(p.Days)), fmt.Sprintf("%.1f", w.Contacts), fmt.Sprint(staffed(p, w)), fmt.Sprint(w.PeakAgents),
			fmt.Sprint(w.PeakPositions), fte(w.FTE), pct(w.ServiceLevelPct), pct(w.AbandonmentPct), pct(w.OccupancyPct),
			euros(&w.CostAmount), euros(w.CostPerContactAmount))
		t.line("  FTE: position hours over a full-time day (%s) for a day, over a full-time week (%s) for the %d days; %s before rounding",
			threshold(s.Contract.Weekly/time.Duration(s.Contract.DaysPerWeek)), threshold(s.Contract.Weekly), len(p.Days), fte(w.FTEFractional))
		t.line("  each half hour up to whole positions. The contacts file's own cost per handled %s over the window: %s.", noun, euros(q.Measured))
		if m, c := q.Measured, w.CostPerContactAmount; m != nil && c != nil && c.GreaterThan(m.Mul(decimal.NewFromInt(2))) {
			t.line("  The plan costs more per %s: a small queue pays for hours of availability rather than minutes of work (occupancy %s).",
				noun, pct(w.OccupancyPct))
		}
		t.line("  cost and service with every staffed half hour given k agents more than the plan:")
		t.row("k", "peak agents", "peak positions", "FTE", "serv. level", "ASA", "abandon", "occupancy", "cost", "cost/"+noun, "")
		for _, row := range q.Table {
			t.row(fmt.Sprintf("%+d", row.Offset), fmt.Sprint(row.PeakAgents), fmt.Sprint(row.PeakPositions), fte(row.FTE), pct(row.ServiceLevelPct),
				waitText(row.ASASeconds), pct(row.AbandonmentPct), pct(row.OccupancyPct), euros(&row.CostAmount), euros(row.CostPerContactAmount),
				unstable(row))
		}
	}
}

// staffed counts the half hours of a period that have an agent.
func staffed(p *plan.Plan, period plan.Period) int {
	n := 0
	for _, in := range p.Intervals[period.First : period.First+period.Intervals] {
		if in.Agents > 0 {
			n++
		}
	}
	return n
}

func unstable(r plan.Row) string {
	if r.Unstable == 0 {
		return ""
	}
	return counted(r.Unstable, "half hour") + " without enough agents"
}

func fte(v *float64) string {
	if v == nil {
		return na
	}
	return fmt.Sprintf("%.1f", *v)
}

func signedPct(v *float64) string {
	if v == nil {
		return na
	}
	return fmt.Sprintf("%+.1f %%", *v)
}

func (r *report) writeChurn(t *text) {
	c := r.Churn
	w := r.Window
	t.heading("Customers: churn and retention")
	t.row("month", "start", "acquired", "lost", "end", "churn", "retention")
	for i, m := range c.Months {
		t.row(w.label(i), fmt.Sprint(m.Start), fmt.Sprint(m.Acquired), fmt.Sprint(m.Lost), fmt.Sprint(m.End), pct(m.ChurnPct), pct(m.RetentionPct))
	}
	y := c.Year
	t.row(counted(len(c.Months), "month"), fmt.Sprint(y.Start), fmt.Sprint(y.Acquired), fmt.Sprint(y.Lost), fmt.Sprint(y.End), pct(y.ChurnPct), pct(y.RetentionPct))
	t.line("churn = lost ÷ customers at start; retention = (end − acquired) ÷ start")
	rn := c.Renewals
	t.line("renewal churn %s of %s decided (%d due in the months: %d renewed, %d lost in the month of their term end, %d open)",
		pct(rn.ChurnPct()), counted(rn.Renewed+rn.Lost, "renewal"), rn.Due, rn.Renewed, rn.Lost, rn.Open)
	if c.AnnualFromMean != nil {
		t.line("mean monthly churn compounded over a year: %s", pct(c.AnnualFromMean))
	}
	if c.Repeat != nil {
		t.line("repeat buyers (two orders or more in the window): %s", pct(c.Repeat))
	}
	if c.Repurchase != nil {
		t.line("repurchase (the first half's buyers who bought again in the second half): %s", pct(c.Repurchase))
	}
	lifetimes := fmt.Sprintf("Kaplan–Meier over %s, %d lost", counted(c.Lifetimes, "customer lifetime"), c.Lost)
	if c.MedianDays != nil {
		t.line("%s: median lifetime %s; still a customer after one year: %s", lifetimes, days(*c.MedianDays), share(c.SurvivalYear))
	} else {
		t.line("%s: fewer than half were lost, so the median lifetime is not reached; still a customer after one year: %s", lifetimes, share(c.SurvivalYear))
	}
	if c.Cohorts != nil {
		t.line("")
		t.line("cohorts acquired in the window: the percentage still active k months after acquisition")
		width := 0
		for _, co := range c.Cohorts.Cohorts {
			width = max(width, len(co.Active))
		}
		header := []string{"cohort", "size"}
		for k := range width {
			header = append(header, fmt.Sprint(k))
		}
		t.row(header...)
		for _, co := range c.Cohorts.Cohorts {
			cells := []string{co.Period.From.Format("2006-01"), fmt.Sprint(co.Size)}
			for _, p := range co.RetainedPct {
				cell := na
				if p != nil {
					cell = fmt.Sprintf("%.1f", *p)
				}
				cells = append(cells, cell)
			}
			for range width - len(co.RetainedPct) {
				cells = append(cells, "")
			}
			t.row(cells...)
		}
	}
	if len(c.Risks) > 0 {
		t.line("")
		t.line("highest churn risk among the %s (score 0–100; reasons with their points): %d with a contract score on its end,",
			counted(c.Scored, "active customer"), c.WithContract)
		t.line("%d without one on P(alive), the probability the purchase model gives that they still buy, and %d on neither", c.WithPAlive,
			c.Scored-c.WithContract-c.WithPAlive)
		for _, risk := range c.Risks {
			var reasons []string
			for _, rc := range risk.Reasons {
				reasons = append(reasons, fmt.Sprintf("%s (%.1f)", reasonText(rc, r.Surveys), rc.Points))
			}
			t.line("  %s  %.1f: %s", clean(risk.CustomerID), risk.Points, strings.Join(reasons, ", "))
		}
	}
	if h := c.Hole; h != nil {
		verdict := "no hole in the rocket"
		if h.Hole {
			verdict = "a hole in the rocket"
		}
		t.line("")
		t.line("%s: %s of the surveyed are dissatisfied, %s of the customers complained; %s",
			verdict, pctOf(h.DissatisfactionPct), pctOf(h.ComplaintPct), voice(h.VoiceRatio))
	}
}

// reasonText says what a risk reason measured: "contract ends in 12 days".
func reasonText(c churn.Contribution, surveys *surveySection) string {
	if c.Measure == nil {
		if c.Reason == churn.NoContact {
			return "never contacted"
		}
		return c.Reason.String()
	}
	m := *c.Measure
	switch c.Reason {
	case churn.Complaints:
		return counted(int(m), "complaint")
	case churn.ContractEnding:
		if m < 0 {
			return "contract ended " + days(-m) + " ago"
		}
		return "contract ends in " + days(m)
	case churn.NoContact:
		return "no contact for " + days(m)
	case churn.FewerOrders:
		return "orders down " + share(m)
	case churn.LowSatisfaction:
		if surveys != nil { // back to the answer: a share of the scale's range
			lo, hi := surveys.CSATScale.Min(), surveys.CSATScale.Max()
			return fmt.Sprintf("latest CSAT %.0f on %d–%d", float64(lo)+m*float64(hi-lo), lo, hi)
		}
		return "latest CSAT " + share(m) + " of the scale"
	case churn.LowRecommendation:
		return fmt.Sprintf("latest likelihood to recommend %.0f/10", m)
	case churn.Lapsed:
		return "P(alive) " + share(1-m)
	}
	return c.Reason.String()
}

// voice says how many of the dissatisfied voice it, from the ratio of the
// complaint rate to the dissatisfaction rate.
func voice(ratio *float64) string {
	switch {
	case ratio == nil:
		return "nobody is dissatisfied"
	case *ratio >= 0.95:
		return "about as many complain as are dissatisfied"
	case *ratio >= 0.1:
		return fmt.Sprintf("about %.0f in 10 of the dissatisfied voice it", 10**ratio)
	case *ratio > 0:
		return fmt.Sprintf("about 1 in %.0f of the dissatisfied voices it", 1 / *ratio)
	}
	return "none of the dissatisfied complains"
}

func (r *report) writeSegments(t *text) {
	s, v := r.Segments, r.CLV
	t.heading("Segments: RFM, lifetime value, tiers and concentration")
	if s != nil {
		t.line("%s bought in the window, %s in all", counted(s.Customers, "customer"), money(&s.Revenue))
	}
	modelled := v != nil && v.Skipped == ""
	if s != nil {
		header := []string{"RFM segment", "customers", "share"}
		if modelled {
			header = append(header, "P(alive)", fmt.Sprintf("purchases, %g wk", clvHorizon), fmt.Sprintf("CLV, %g wk", clvHorizon), "per customer")
		}
		t.row(header...)
		for _, c := range s.Segments {
			cells := []string{c.Key, fmt.Sprint(c.N), share(float64(c.N) / float64(s.Scores.Scored))}
			if g, ok := v.group(c.Key); ok && modelled {
				cells = append(cells, groupCells(g)...)
			}
			t.row(cells...)
		}
		if modelled {
			for name, g := range v.segments(s.Segments) {
				if !slices.ContainsFunc(s.Segments, func(c count) bool { return c.Key == name }) { // not scored in the window
					t.row(append([]string{name, "", ""}, groupCells(g)...)...)
				}
			}
			t.row(append([]string{"all", fmt.Sprint(s.Scores.Scored), share(1)}, groupCells(v.Total)...)...)
		}
	}
	if v != nil {
		if v.Skipped != "" {
			t.line("lifetime value: %s", clean(v.Skipped))
		} else {
			t.line("P(alive) is the mean probability that a customer still buys, from a BG/NBD purchase model; CLV is the value of the purchases")
			t.line("expected over the next %g weeks, each at a Gamma-Gamma expected spend, discounted continuously at %s a year (a rate of ln 1.1 ÷ 52 = %.5f a week).",
				clvHorizon, share(clvAnnualRate), v.Discount.Rate)
			t.line("Both models are fitted to every purchase before the as-of date, times in weeks: %s (%d with a repeat purchase); %s left out.",
				counted(v.Customers, "customer"), v.Repeat, counted(v.Refunds, "refund"))
			t.line("They count from each customer's first purchase in the file: a file that starts after it makes the customer look newer.")
			t.line("%v, log-likelihood %.1f; %v, spend–frequency correlation %s (the model assumes none; beyond ±0.3 the CLV is biased)",
				v.Model, v.Fit.LogLikelihood, v.Spend, correlation(v.SpendFit.Correlation))
		}
	}
	if s == nil {
		return
	}
	t.row("tier (annual spend)", "customers")
	for _, c := range s.Tiers {
		t.row(c.Key, fmt.Sprint(c.N))
	}
	tr := s.Transitions
	t.line("tier moves from the first half to the second: %d up, %d down, %d stayed, %d new, %d without purchase",
		tr.Upgrades, tr.Downgrades, tr.Stays, tr.Added, tr.Dropped)
	t.line("the top 20 %% of customers make %s of revenue; %s (%s) make 80 %%; Gini %.3f",
		share(s.TopShare), counted(s.For80, "customer"), share(s.For80Share), s.Gini)
	abc := func(c segment.Class) string {
		return fmt.Sprintf("%s (%s) with %s of revenue", counted(c.Customers, "customer"), pctOf(c.CustomerPct), pctOf(c.RevenuePct))
	}
	t.line("ABC (80 %% / 95 %% of revenue): A %s; B %s; C %s", abc(s.ABC.A), abc(s.ABC.B), abc(s.ABC.C))
	if s.Excluded > 0 {
		t.line("(%s whose refunds exceed their purchases are left out of the concentration)", counted(s.Excluded, "customer"))
	}
}
