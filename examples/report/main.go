// Command report prints a customer-relationship KPI report: NPS, CSAT and
// CES from surveys, contact-centre KPIs and staffing advice from contacts,
// churn, retention, cohorts and churn risk from customers, and RFM
// segments, tiers and revenue concentration from transactions. It is
// rapport's main job:
//
//	go run ./examples/report                          # the embedded sample (2025)
//	go run ./examples/report -data mydir              # mydir/{surveys,contacts,customers,transactions}.csv
//	go run ./examples/report -contacts calls.csv      # any subset of the four files
//	go run ./examples/report -html dashboard.html     # also write an offline HTML dashboard
//
// With no file flags it reads the embedded sample dataset, written by the
// seeded generator in ./gen. A file that is not given is left out of the
// report, and so are the sections that need it.
//
// # File formats
//
// CSV with a header row (any column order, extra columns ignored, a UTF-8
// byte-order mark tolerated). Times are RFC 3339 (2025-03-14T09:30:00Z) or
// "2006-01-02 15:04:05" (UTC); dates are 2006-01-02. Decimals use a point
// or a comma. Booleans are true/false, yes/no, 1/0 or oui/non.
//
//	surveys.csv       id, customer_id, at, channel, contact_id (optional),
//	                  nps (0–10), csat (on -csat-scale), ces (on -ces-scale);
//	                  each score may be empty, but not all three
//	contacts.csv      id, customer_id, reason, channel, direction, arrived,
//	                  answered, ended (empty when none), talk_s, hold_s,
//	                  wrap_s (seconds), outcome, resolved, complaint,
//	                  value_added (high/low), cost (euros)
//	customers.csv     id, start, end (empty while active), contract_end (of the
//	                  current term), segment, and optionally renewals (the
//	                  past term ends at which the customer renewed, ";"-separated)
//	transactions.csv  customer_id, at, amount (negative for a refund)
//
// Every data row is either used or rejected; rejected rows are listed on
// standard error with their file, line and reason, and the report's data
// section counts read = accepted + rejected for every file.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	var o options
	flag.StringVar(&o.dir, "data", "", "directory holding surveys.csv, contacts.csv, customers.csv and transactions.csv")
	flag.StringVar(&o.surveys, "surveys", "", "surveys CSV file")
	flag.StringVar(&o.contacts, "contacts", "", "contacts CSV file")
	flag.StringVar(&o.customers, "customers", "", "customers CSV file")
	flag.StringVar(&o.transactions, "transactions", "", "transactions CSV file")
	flag.StringVar(&o.html, "html", "", "also write an HTML dashboard to this file")
	flag.StringVar(&o.asOf, "asof", "", "as-of date (2006-01-02); default: the first day of the month after the latest record")
	flag.IntVar(&o.months, "months", 12, "months reported, ending at the as-of date")
	flag.StringVar(&o.csatScale, "csat-scale", "5", "CSAT scale: 2 (yes/no as 0/1), 5, 7 or 10")
	flag.StringVar(&o.cesScale, "ces-scale", "ease7", "CES scale: ease7 (CES 2.0, 7 = very easy) or effort5 (1 = minimal effort)")
	flag.Parse()
	if err := run(o, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

type options struct {
	dir, surveys, contacts, customers, transactions string
	html, asOf, csatScale, cesScale                 string
	months                                          int
}

func run(o options, stdout, stderr io.Writer) error {
	in, err := readInputs(o)
	if err != nil {
		return err
	}
	for _, r := range in.rejections() {
		fmt.Fprintln(stderr, "rejected", r)
	}
	asOf, err := in.asOf(o.asOf)
	if err != nil {
		return err
	}
	if o.months < 1 || o.months > 120 {
		return fmt.Errorf("-months %d: want 1 to 120", o.months)
	}
	r, err := build(in, asOf, o.months)
	if err != nil {
		return err
	}
	r.writeText(stdout)
	if o.html != "" {
		f, err := os.Create(o.html)
		if err != nil {
			return err
		}
		if err := r.writeHTML(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "wrote %s\n", o.html)
	}
	return nil
}

// monthStart returns the first instant of t's month in UTC.
func monthStart(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}
