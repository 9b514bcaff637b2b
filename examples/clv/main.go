// Command clv is a quickstart for the clv package on the CDNOW sample
// (2,357 customers of the online music shop, in weeks; Fader, Hardie &
// Lee 2005): it fits the BG/NBD and Pareto/NBD purchase models and the
// Gamma-Gamma spend model, values every customer over the next year, and
// prints the most valuable customers and how many are still active.
//
//	go run ./examples/clv
//	go run ./examples/clv -orders orders.csv -asof 2024-12-31
//
// With -orders it reads an orders export instead (columns customer_id, at,
// amount; at as RFC 3339 or a date), summarised in weeks as of -asof.
package main

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rapportkit/rapport/clv"
	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
)

// cdnow.csv is the CDNOW 1/10 sample as distributed by the Python package
// lifetimes (MIT License, Copyright (c) 2015 Cameron Davidson-Pilon; see
// clv/testdata/CDNOW-LICENSE): ID, x, t_x, T (weeks), zbar (mean value of
// the repeat purchases, dollars).
//
//go:embed cdnow.csv
var cdnowCSV []byte

const week = 7 * 24 * time.Hour

func main() {
	orders := flag.String("orders", "", "an orders CSV (customer_id, at, amount) instead of the CDNOW sample")
	asOf := flag.String("asof", "", "the as-of date of -orders, YYYY-MM-DD")
	flag.Parse()
	var customers []clv.Summary
	var err error
	if *orders == "" {
		customers, err = readSummaries(bytes.NewReader(cdnowCSV))
	} else {
		customers, err = summarise(*orders, *asOf)
	}
	if err == nil {
		err = run(os.Stdout, customers)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer, customers []clv.Summary) error {
	bg, fit, err := clv.FitBGNBD(slices.Values(customers))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%v\n  %v\n", bg, fit)
	pn, pfit, err := clv.FitParetoNBD(slices.Values(customers))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%v\n  %v\n", pn, pfit)
	gg, sfit, err := clv.FitGammaGamma(slices.Values(customers))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%v\n  %v\n", gg, sfit)
	if c := sfit.Correlation; c != nil && (*c > 0.3 || *c < -0.3) {
		fmt.Fprintln(w, "  warning: spend depends on frequency; the CLV below is biased")
	}

	// A year ahead, discounted 1 % a month of 4.345 weeks, lifetimes'
	// convention; amounts in cents.
	v := clv.Valuation{
		Purchases: bg,
		Spend:     gg,
		Horizon:   52,
		Discount:  clv.Discount{Convention: clv.Stepwise, Rate: 0.01, Step: 4.345},
		Places:    2,
	}
	values, err := v.Values(slices.Values(customers))
	if err != nil {
		return err
	}
	total := decimal.Zero
	for _, c := range values {
		total = total.Add(*c.CLVAmount)
	}
	fmt.Fprintf(w, "\nvalue of the next 52 weeks (%v): %s for %d customers\n", v.Discount, total.StringFixed(2), len(values))

	top := slices.Clone(values)
	slices.SortStableFunc(top, func(a, b clv.CustomerValue) int { return b.CLVAmount.Cmp(*a.CLVAmount) })
	fmt.Fprintln(w, "\ntop 10 customers by CLV:")
	for _, c := range top[:min(10, len(top))] {
		fmt.Fprintf(w, "  %v\n", c)
	}

	// P(alive) as of the end of the calibration period, in tenths.
	var bins [10]int
	for _, c := range values {
		bins[min(9, int(c.PAlivePct/10))]++
	}
	fmt.Fprintln(w, "\nP(alive) of the customers:")
	for i, n := range bins {
		fmt.Fprintf(w, "  %3d–%3d%%  %5d  %s\n", 10*i, 10*i+10, n, strings.Repeat("#", (n+24)/25))
	}
	return nil
}

// readSummaries reads ID, x, t_x, T, zbar rows with a header.
func readSummaries(r io.Reader) ([]clv.Summary, error) {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) < 2 {
		return nil, errors.New("no customers")
	}
	out := make([]clv.Summary, 0, len(rows)-1)
	for i, row := range rows[1:] {
		if len(row) != 5 {
			return nil, fmt.Errorf("line %d: %d columns, want ID, x, t_x, T, zbar", i+2, len(row))
		}
		x, err1 := strconv.Atoi(row[1])
		tx, err2 := strconv.ParseFloat(row[2], 64)
		T, err3 := strconv.ParseFloat(row[3], 64)
		z, err4 := decimal.NewFromString(row[4])
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return nil, fmt.Errorf("line %d: %w", i+2, err)
		}
		s := clv.Summary{ID: row[0], X: x, Tx: tx, T: T, Spend: z}
		if err := s.Validate(); err != nil {
			return nil, fmt.Errorf("line %d: %w", i+2, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// summarise reads an orders CSV and summarises it in weeks as of asOf.
func summarise(path, asOf string) ([]clv.Summary, error) {
	end, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		return nil, fmt.Errorf("-asof: %w", err)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, err
	}
	var orders []segment.Transaction
	for i, row := range rows[1:] {
		if len(row) != 3 {
			return nil, fmt.Errorf("%s line %d: %d columns, want customer_id, at, amount", path, i+2, len(row))
		}
		at, err := time.Parse(time.RFC3339, row[1])
		if err != nil {
			at, err = time.Parse(time.DateOnly, row[1])
		}
		amount, err2 := decimal.NewFromString(row[2])
		if err := errors.Join(err, err2); err != nil {
			return nil, fmt.Errorf("%s line %d: %w", path, i+2, err)
		}
		orders = append(orders, segment.Transaction{CustomerID: row[0], At: at, Amount: amount})
	}
	return clv.Summarize(slices.Values(orders), end, clv.Options{Unit: week})
}
