package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"
)

// writeText prints the report for a terminal.
func (r *report) writeText(out io.Writer) {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	heading := func(title string) {
		w.Flush()
		fmt.Fprintf(out, "\n%s\n%s\n", title, strings.Repeat("─", len([]rune(title))))
	}
	fmt.Fprintf(out, "rapport — customer-relationship report\nas of %s, %d months %s … %s\n",
		r.AsOf.Format(time.DateOnly), len(r.Window.labels), r.Window.labels[0], r.Window.labels[len(r.Window.labels)-1])

	heading("Data")
	p("file\tread\taccepted\trejected\t")
	for _, f := range r.Files {
		p("%s\t%d\t%d\t%d\t", f.File, f.Read, f.Accepted, f.Rejected)
	}
	if r.Rejections > 0 {
		w.Flush()
		fmt.Fprintf(out, "%d rejected rows are listed on standard error with their line and reason.\n", r.Rejections)
	}

	if s := r.Surveys; s != nil {
		r.writeSurveys(out, w, heading, p)
	}
	if c := r.Contacts; c != nil {
		r.writeContacts(out, w, heading, p)
	}
	if st := r.Staffing; st != nil {
		r.writeStaffing(out, w, heading, p)
	}
	if c := r.Churn; c != nil {
		r.writeChurn(out, w, heading, p)
	}
	if s := r.Segments; s != nil {
		r.writeSegments(out, w, heading, p)
	}
	w.Flush()
}

type printer = func(format string, args ...any)

func (r *report) writeSurveys(out io.Writer, w *tabwriter.Writer, heading func(string), p printer) {
	s := r.Surveys
	if s.HasNPS {
		heading("Net Promoter Score (0–10; 95 % adjusted-Wald intervals)")
		w.Flush()
		fmt.Fprintln(out, s.NPS)
		p("month\tn\tNPS\t95 %% interval\t")
		for _, m := range s.NPSTrend {
			if !m.OK {
				p("%s\t0\t–\t\t", m.Month)
				continue
			}
			p("%s\t%d\t%+.1f\t%+.1f … %+.1f\t", m.Month, m.R.N, *m.R.ScorePoints, m.R.ScoreIntervalPoints.Lo, m.R.ScoreIntervalPoints.Hi)
		}
		w.Flush()
		if s.NPSDiff != nil {
			verdict := "not significant at 5 %"
			if p := s.NPSDiff.PValue; p != nil && *p < 0.05 {
				verdict = "significant at 5 %"
			}
			fmt.Fprintf(out, "last month against the one before: %v — %s\n", s.NPSDiff, verdict)
		}
		p("channel\tn\tNPS\t95 %% interval\t")
		for _, g := range s.NPSBy {
			p("%s\t%d\t%+.1f\t%+.1f … %+.1f\t", g.Key, g.R.N, *g.R.ScorePoints, g.R.ScoreIntervalPoints.Lo, g.R.ScoreIntervalPoints.Hi)
		}
	}
	if s.HasCSAT {
		heading(fmt.Sprintf("Customer satisfaction (CSAT %v; 95 %% Wilson intervals)", s.CSAT.Scale))
		w.Flush()
		fmt.Fprintf(out, "%v — benchmark level: %v\n", s.CSAT, s.CSATLevel)
		p("month\tn\tsatisfied\t95 %% interval\tmean\t")
		for _, m := range s.CSATTrend {
			if !m.OK {
				p("%s\t0\t–\t\t\t", m.Month)
				continue
			}
			p("%s\t%d\t%.1f %%\t%.1f … %.1f\t%.2f\t", m.Month, m.R.N, *m.R.SatisfiedPct, m.R.SatisfiedIntervalPct.Lo, m.R.SatisfiedIntervalPct.Hi, *m.R.MeanScore)
		}
		p("channel\tn\tsatisfied\t95 %% interval\tmean\t")
		for _, g := range s.CSATBy {
			p("%s\t%d\t%.1f %%\t%.1f … %.1f\t%.2f\t", g.Key, g.R.N, *g.R.SatisfiedPct, g.R.SatisfiedIntervalPct.Lo, g.R.SatisfiedIntervalPct.Hi, *g.R.MeanScore)
		}
	}
	if s.HasCES {
		heading(fmt.Sprintf("Customer effort (CES %v)", s.CES.Scale))
		w.Flush()
		fmt.Fprintln(out, s.CES)
		fmt.Fprintln(out, "channels from the easiest; each tested against the easiest (Welch, Holm-adjusted p):")
		p("channel\tn\tmean\tease\tΔ\tadjusted p\t\t")
		for _, c := range s.CESRank {
			flag := ""
			if c.Significant {
				flag = "harder"
			}
			adj := "–"
			if c.Tested {
				adj = fmt.Sprintf("%.3g", *c.AdjustedPValue)
			}
			p("%s\t%d\t%.2f\t%.0f %%\t%+.2f\t%s\t%s\t", c.Key, c.N, *c.MeanScore, *c.EasePct, *c.DeltaScore, adj, flag)
		}
	}
}

func (r *report) writeChurn(out io.Writer, w *tabwriter.Writer, heading func(string), p printer) {
	c := r.Churn
	heading("Customers: churn and retention")
	p("month\tstart\tacquired\tlost\tend\tchurn\tretention\t")
	for _, m := range c.Months {
		p("%s\t%d\t%d\t%d\t%d\t%s\t%s\t", m.Period.From.Format("2006-01"), m.Start, m.Acquired, m.Lost, m.End, pct(m.ChurnPct), pct(m.RetentionPct))
	}
	y := c.Year
	p("%d months\t%d\t%d\t%d\t%d\t%s\t%s\t", len(c.Months), y.Start, y.Acquired, y.Lost, y.End, pct(y.ChurnPct), pct(y.RetentionPct))
	w.Flush()
	fmt.Fprintln(out, "churn = lost ÷ customers at start; retention = (end − acquired) ÷ start")
	rn := c.Renewals
	fmt.Fprintf(out, "renewal churn %s of %d renewals decided (%d due in the months: %d renewed, %d lost in the month of their term end, %d open)\n",
		pct(rn.ChurnPct()), rn.Renewed+rn.Lost, rn.Due, rn.Renewed, rn.Lost, rn.Open)
	if c.AnnualFromMean != nil {
		fmt.Fprintf(out, "mean monthly churn compounded over a year: %.1f %%\n", *c.AnnualFromMean)
	}
	if c.Repeat != nil {
		fmt.Fprintf(out, "repeat buyers (two orders or more in the window): %.1f %%\n", *c.Repeat)
	}
	if c.Repurchase != nil {
		fmt.Fprintf(out, "repurchase (first half's buyers who bought again in the second half): %.1f %%\n", *c.Repurchase)
	}
	if c.MedianOK {
		fmt.Fprintf(out, "Kaplan–Meier median customer lifetime: %.0f days; still a customer after one year: %.1f %%\n", c.Median.Hours()/24, 100*c.Survival12)
	} else {
		fmt.Fprintf(out, "Kaplan–Meier: fewer than half of the customers were lost, so the median lifetime is not reached; still a customer after one year: %.1f %%\n", 100*c.Survival12)
	}
	if c.Cohorts != nil {
		fmt.Fprintln(out, "\ncohorts acquired in the window, share still active k months after acquisition:")
		fmt.Fprint(out, c.Cohorts)
	}
	if len(c.Risks) > 0 {
		fmt.Fprintln(out, "\nhighest churn risk among active customers (score 0–100, reasons by weight):")
		for _, risk := range c.Risks {
			fmt.Fprintln(out, " ", risk)
		}
	}
	if c.Hole != nil {
		fmt.Fprintln(out, "\nhole in the rocket:", c.Hole)
	}
}

func (r *report) writeSegments(out io.Writer, w *tabwriter.Writer, heading func(string), p printer) {
	s := r.Segments
	heading("Segments: RFM, tiers and concentration")
	w.Flush()
	fmt.Fprintf(out, "%d customers bought in the window, %s in all\n", s.Customers, s.Revenue.StringFixed(2))
	p("RFM segment\tcustomers\tshare\t")
	for _, c := range s.Segments {
		name := c.Key
		if name == "" {
			name = "(no rule)"
		}
		p("%s\t%d\t%.1f %%\t", name, c.N, 100*float64(c.N)/float64(s.Scores.Scored))
	}
	p("tier (annual spend)\tcustomers\t\t")
	for _, c := range s.Tiers {
		p("%s\t%d\t\t", c.Key, c.N)
	}
	w.Flush()
	t := s.Transitions
	fmt.Fprintf(out, "tier moves from the first half to the second: %d up, %d down, %d stayed, %d new, %d without purchase\n",
		t.Upgrades, t.Downgrades, t.Stays, t.Added, t.Dropped)
	fmt.Fprintf(out, "the top 20 %% of customers make %.1f %% of revenue; %d customers (%.1f %%) make 80 %%; Gini %.3f\n",
		100*s.TopShare, s.For80, 100*s.For80Share, s.Gini)
	fmt.Fprintf(out, "ABC (80 %% / 95 %%): %v\n", s.ABC)
	if s.Excluded > 0 {
		fmt.Fprintf(out, "(%d customers whose refunds exceed their purchases are left out of the concentration)\n", s.Excluded)
	}
}

// pct formats a percentage that may be undefined.
func pct(v *float64) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprintf("%.1f %%", *v)
}

func (r *report) writeContacts(out io.Writer, w *tabwriter.Writer, heading func(string), p printer) {
	c := r.Contacts
	heading(fmt.Sprintf("Contact centre (service level: answered within 20 s; response within 24 h; FCR: no repeat within %d days)", fcrWindow/(24*time.Hour)))
	w.Flush()
	fmt.Fprintln(out, c.All)
	p("channel\tcontacts\treach\tserv. level\tASA\tabandon\tresp. 24 h\tFCR\tAHT\tdeflect\tcomplaints\tcost/contact\t")
	for _, ch := range c.ByChannel {
		r := ch.R
		p("%v\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t", ch.Channel, r.N,
			share(r.ReachabilityPct), share(r.ServiceLevelPct), seconds(r.ASASeconds), share(r.AbandonmentPct), share(r.ResponseWithinPct),
			share(r.FCRPct), seconds(r.AHTSeconds), share(r.DeflectionPct), share(r.ComplaintPct), euros(r.CostPerContactAmount))
	}
	header := "month\ttotal\t"
	for _, ch := range c.Channels {
		header += ch.String() + "\t"
	}
	p("%s", header)
	for _, m := range c.Months {
		line := fmt.Sprintf("%s\t%d\t", m.Month, m.Total)
		for _, n := range m.Counts {
			line += fmt.Sprintf("%d\t", n)
		}
		p("%s", line)
	}
}

func (r *report) writeStaffing(out io.Writer, w *tabwriter.Writer, heading func(string), p printer) {
	s := r.Staffing
	heading("Staffing advice for the peak half hour")
	w.Flush()
	fmt.Fprintf(out, "targets: %.0f %% answered within %v, abandonment at most %.0f %% (Erlang A), occupancy at most %.0f %%, shrinkage %.0f %%;\ndemand: mean arrivals in the busiest half hour of the week over the last %d weeks\n",
		100*s.Targets.ServiceLevel, s.Targets.Within, 100*s.Abandonment, 100*s.Targets.Occupancy, 100*s.Targets.Shrinkage, s.Weeks)
	for _, q := range s.Queues {
		observed := ""
		if q.Observed != nil {
			observed = fmt.Sprintf(" (achieved over the window: %.1f %% within 20 s)", 100**q.Observed)
		}
		conc := ""
		if q.Queue.Concurrency > 1 {
			conc = fmt.Sprintf(", %g at once per agent", q.Queue.Concurrency)
		}
		fmt.Fprintf(out, "%v, %s: %.1f contacts per half hour, AHT %v%s%s\n", q.Channel, q.Peak, q.Queue.Contacts, q.Queue.AHT.Round(time.Second), conc, observed)
		fmt.Fprintf(out, "  Erlang C: %v\n", q.ErlangC)
		if q.ErlangA != nil {
			fmt.Fprintf(out, "  Erlang A (mean patience %v): %v\n", q.Queue.Patience.Round(time.Second), *q.ErlangA)
		}
	}
}

// share formats a percentage (0–100) that may be undefined.
func share(v *float64) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprintf("%.1f %%", *v)
}

// euros formats an amount that may be undefined (a cost not known for
// every contact).
func euros(d *decimal.Decimal) string {
	if d == nil {
		return "n/a"
	}
	return d.StringFixed(2) + " €"
}

// seconds formats a number of seconds that may be undefined.
func seconds(v *float64) string {
	if v == nil {
		return "–"
	}
	return (time.Duration(*v * float64(time.Second))).Round(time.Second).String()
}
