// Command report prints a customer-relationship KPI report: NPS, CSAT and
// CES from surveys; contact-centre KPIs and next week's staffing plan from
// contacts; churn, retention, cohorts and churn risk from customers; RFM
// segments, lifetime value, tiers and revenue concentration from
// transactions. It is rapport's main job:
//
//	go run ./examples/report                          # the embedded sample (2025)
//	go run ./examples/report -data mydir              # mydir/{surveys,contacts,customers,transactions}.csv
//	go run ./examples/report -contacts calls.csv      # any subset of the four files
//	go run ./examples/report -html dashboard.html     # also write an offline HTML dashboard
//	go run ./examples/report -tidy kpis.csv           # also write every figure as tidy rows (or kpis.jsonl)
//
// With no file flags it reads the embedded sample dataset, written by the
// seeded generator in ./gen. A file that is not given is left out of the
// report, and so are the sections that need it; a directory or a file given
// that does not exist is an error saying so.
//
// # Flags
//
//	-data dir         the directory of the four files (those it lacks are named and left out)
//	-surveys, -contacts, -customers, -transactions file
//	                  one file each, instead of or on top of -data
//	-asof 2025-12-15  the as-of date, the first day the report does not know: every
//	                  figure uses the records dated before it. Default: the first day
//	                  of the month after the latest record accepted (the report says
//	                  which record that is)
//	-months 12        the months reported, ending at the as-of date (1 to 120)
//	-csat-scale 5     the CSAT scale: 2 (yes/no as 0/1), 5, 7 or 10
//	-ces-scale ease7  the CES scale: ease7 (CES 2.0, 7 = very easy) or effort5
//	-hourly 30        the staffing plan's loaded cost of a paid position for an hour, in euros
//	-per-contact 0    what a contact costs besides the agent (telephony, licences), in euros
//	-html file        also write the dashboard (package dashboard)
//	-tidy file        also write every Result of the report as tidy rows (package
//	                  tidy), one per figure with its period, channel or segment:
//	                  JSON Lines when the name ends in .jsonl, CSV otherwise
//
// A mid-month as-of date reports its month as far as it goes: the month is
// marked with a star ("2025-12*") and a note gives its days; its churn is a
// month's losses over part of a month, so the compounded annual churn
// leaves it out.
//
// # File formats
//
// CSV with a header row, read by the library's readers (survey.Reader,
// operations.Reader, churn.CustomerReader, segment.Reader) with the cell
// rules of package row: any column order, extra columns ignored, the
// columns named as below or by the aliases the readers know (talk or
// talk_s, value or value_added…), in any case. Times are ISO 8601, with an
// offset or in UTC: 2025-03-14T09:30:00Z, 2025-03-14 09:30:00 or a date,
// 2025-03-14; a time before 1980 or from 2100 on (a 0001-01-01 placeholder,
// a year 2205 typo) rejects its row. Decimals use a point or a comma (9.80
// or 9,80), without a thousands separator. Booleans are true/false, yes/no,
// 1/0, oui/non and their one-letter forms.
//
//	surveys.csv       id, at, and at least one of nps (0–10), csat (on -csat-scale),
//	                  ces (on -ces-scale), each of which may be empty, or a comment;
//	                  optionally customer_id, channel and contact_id: a response
//	                  without a channel or a customer takes those of the contact it
//	                  rates (survey.Join)
//	contacts.csv      id, customer_id, reason, channel, direction, arrived,
//	                  answered, ended (empty when none), talk_s, hold_s,
//	                  wrap_s (seconds, or h:mm:ss), outcome, resolved, complaint,
//	                  value_added (high/low), cost (euros; empty when unknown, which
//	                  is not 0); channel, outcome and arrived are required
//	customers.csv     id, start, end (empty while active), contract_end (of the
//	                  current term; empty for a customer without a contract),
//	                  segment, and optionally renewals (the past term ends at which
//	                  the customer renewed, separated by ";"); an id already read
//	                  rejects its row
//	transactions.csv  customer_id, at, amount (negative for a refund)
//
// Every data row is either used or rejected; rejected rows are listed on
// standard error with their file, line, column and reason, and the report's
// Data section counts read = accepted + rejected for every file. Every
// string of the data the report prints (an id, a channel) is printed as it
// is when it is plain text, and quoted with its control characters escaped
// otherwise, as Go's %q does.
//
// # Sections
//
// Data: the rows of each file, how the survey responses matched the
// contacts they rate, and how the as-of date was chosen.
//
// Net Promoter Score, customer satisfaction, customer effort: the score
// of the window with its 95 % interval, month by month and by channel.
// Each month is tested against the one before (a two-sample z-test); the
// p-values of a table are adjusted together by Benjamini–Hochberg (package
// adjust) and "significant" marks an adjusted p-value at most 0.05, so that
// eleven tests do not light up one month in two by chance. Channels are
// ranked by effort, each tested against the easiest by Welch's t-test,
// adjusted the same way.
//
// Contact centre: volumes, reachability, service level (answered within
// 20 s), ASA, abandonment, responses within 24 h, AHT, first-contact
// resolution (no repeat within 7 days), complaints, deflection and cost,
// overall, by channel and by month. A cost is reported only when every
// contact's is known ("n/a" otherwise).
//
// Staffing plan: for phone and chat, the contacts offered to agents
// (inbound, answered or abandoned) are binned per half hour over the
// window and forecast for the 7 days from the as-of date by Holt–Winters
// with a weekly season (package forecast), whose accuracy on the last 14
// days held out is printed (WAPE and bias, per half hour and per day).
// Package plan turns the forecast into agents (Erlang A with the patience
// measured in the data: 80 % answered within 20 s, at most 5 % abandoning,
// occupancy at most 85 %), positions (30 % shrinkage), FTE (35 h a week
// over 5 days) and cost (-hourly and -per-contact), day by day, and a
// cost–service table of the week with every staffed half hour given k
// agents more (k = −1 … +2). A queue that never needs more than two
// agents at once is said to be small: its plan is set by the hours to
// cover rather than by the load, and the report says so.
//
// Customers: churn and retention month by month, renewal churn, the
// compounded annual churn, repeat buyers and repurchase, the Kaplan–Meier
// lifetime, cohorts, the ten highest churn risks among the active
// customers and the "hole in the rocket" check of unvoiced dissatisfaction.
// The risk scorecard (churn.DefaultScorecard) scores a customer with a
// contract on its end, and one without on 1 − P(alive) from the purchase
// model below.
//
// Segments: the RFM segments of the window's buyers with, per segment, the
// mean P(alive), the purchases expected over the next 52 weeks and their
// lifetime value (package clv: a BG/NBD purchase model and a Gamma-Gamma
// spend model fitted to every purchase before the as-of date, refunds left
// out, times in weeks; the value is discounted continuously at 10 % a
// year); spend tiers and their moves from the first half of the window to
// the second; revenue concentration (top 20 %, the customers making 80 %,
// Gini, ABC).
//
// # Dashboard
//
// -html writes one self-contained page through package dashboard, offline
// and without script: for each headline KPI a tile with the last month
// against the one before (and the service targets: 80 % answered within
// 20 s, at most 5 % abandoning) and a trend by month with its 95 %
// interval (Wilson for the service level, first-contact resolution and
// churn), each month tested against the one before; NPS, CSAT and CES by
// channel (the 24 with the most answers), each channel's effort tested
// against the easiest; the contact centre by channel, with a cost "n/a"
// when not every contact's is known; the staffing plan with, for the
// busiest day of each queue, the agents the targets require in each half
// hour against the agents the plan staffs; the Kaplan–Meier curve with its
// band, the cohorts, the highest churn risks; revenue concentration
// (Lorenz), the spend-tier moves, the RFM grid and segments, and lifetime
// value by segment. Every p-value of the page is adjusted together by
// Benjamini–Hochberg, so the page marks fewer changes than each table of
// the text report, which adjusts its own family.
//
// # Tidy file
//
// -tidy writes every Result the report computes as tidy rows (package
// tidy): the columns period, channel, segment, result, kpi, item, unit,
// value, lo, hi, level, method and n, one row per figure. The results are
// nps, csat and ces (the window, each month, each channel), nps_change and
// csat_change (each month against the one before, with adjusted_p_value and
// significant as the text marks them), ces_rank, contacts (the window, each
// channel, each month), forecast_accuracy, forecast, staffing_plan and
// staffing_table (each queue), churn (the window and each month), cohorts,
// survival, churn_risk, hole_in_the_rocket, repeat, repurchase, rfm,
// tier_transitions, concentration, abc, clv_purchase_fit, clv_spend_fit and
// clv (the base and each RFM segment). The period of the window is 2025 for
// a calendar year, a month 2025-03, any other span from--to in RFC 3339.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/rapportkit/rapport/row"
	"github.com/shopspring/decimal"
)

func main() {
	var o options
	flag.StringVar(&o.dir, "data", "", "directory holding surveys.csv, contacts.csv, customers.csv and transactions.csv")
	flag.StringVar(&o.surveys, "surveys", "", "surveys CSV file")
	flag.StringVar(&o.contacts, "contacts", "", "contacts CSV file")
	flag.StringVar(&o.customers, "customers", "", "customers CSV file")
	flag.StringVar(&o.transactions, "transactions", "", "transactions CSV file")
	flag.StringVar(&o.html, "html", "", "also write an HTML dashboard to this file")
	flag.StringVar(&o.tidy, "tidy", "", "also write every figure as tidy rows to this file: JSON Lines for .jsonl, CSV otherwise")
	flag.StringVar(&o.asOf, "asof", "", "as-of date (2006-01-02), the first day the report does not know; default: the first day of the month after the latest record")
	flag.IntVar(&o.months, "months", 12, "months reported, ending at the as-of date")
	flag.StringVar(&o.csatScale, "csat-scale", "5", "CSAT scale: 2 (yes/no as 0/1), 5, 7 or 10")
	flag.StringVar(&o.cesScale, "ces-scale", "ease7", "CES scale: ease7 (CES 2.0, 7 = very easy) or effort5 (1 = minimal effort)")
	flag.StringVar(&o.hourly, "hourly", "30", "staffing plan: the loaded cost of a paid position for an hour, in euros")
	flag.StringVar(&o.perContact, "per-contact", "0", "staffing plan: what a contact costs besides the agent (telephony, licences), in euros")
	flag.Parse()
	if err := run(o, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "report:", clean(err.Error()))
		os.Exit(1)
	}
}

type options struct {
	dir, surveys, contacts, customers, transactions string
	html, tidy, asOf, csatScale, cesScale           string
	hourly, perContact                              string
	months                                          int
}

func run(o options, stdout, stderr io.Writer) error {
	if o.months < 1 || o.months > 120 {
		return fmt.Errorf("-months %d: want 1 to 120", o.months)
	}
	var c costs
	var err error
	if c.hourly, err = amountFlag("-hourly", o.hourly); err != nil {
		return err
	}
	if c.perContact, err = amountFlag("-per-contact", o.perContact); err != nil {
		return err
	}
	var asOf time.Time
	if o.asOf != "" {
		if asOf, err = asOfFlag(o.asOf); err != nil {
			return err
		}
	}
	in, err := readInputs(o, stderr)
	if err != nil {
		return err
	}
	note := "given by -asof"
	if asOf.IsZero() {
		if asOf, note, err = defaultAsOf(in); err != nil {
			return err
		}
	}
	r, err := build(in, asOf, note, o.months, c)
	if err != nil {
		return err
	}
	r.writeText(stdout)
	if o.html != "" {
		if err := writeFile(o.html, r.writeDashboard, stderr); err != nil {
			return err
		}
	}
	if o.tidy != "" {
		write := func(w io.Writer) error { return r.writeTidy(w, tidyFormat(o.tidy)) }
		if err := writeFile(o.tidy, write, stderr); err != nil {
			return err
		}
	}
	return nil
}

// writeFile writes a file with write and says so on stderr; a file that
// could not be written whole is removed.
func writeFile(name string, write func(io.Writer) error, stderr io.Writer) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(name)
		return fmt.Errorf("%s: %w", clean(name), err)
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return err
	}
	fmt.Fprintf(stderr, "wrote %s\n", clean(name))
	return nil
}

// asOfFlag reads -asof: a date within the readers' plausible window.
func asOfFlag(v string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("-asof %s: want a date, 2006-01-02", clean(v))
	}
	if t.Before(row.DefaultEarliest) || !t.Before(row.DefaultLatest) {
		return time.Time{}, fmt.Errorf("-asof %s: outside the plausible window, %d to %d", v, row.DefaultEarliest.Year(), row.DefaultLatest.Year()-1)
	}
	return t, nil
}

// amountFlag reads a cost flag as the files' amounts are read, and refuses
// a negative one.
func amountFlag(name, v string) (decimal.Decimal, error) {
	d, err := format.Amount(v)
	if err != nil {
		return d, fmt.Errorf("%s %s: %w", name, clean(v), err)
	}
	if d.IsNegative() {
		return d, fmt.Errorf("%s %s: a cost is not negative", name, v)
	}
	return d, nil
}
