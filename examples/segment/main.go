// Command segment is a quickstart for the segment package: summarize a year
// of transactions per customer, score them RFM with the cut points used,
// name their segments, follow their spend tiers from one half-year to the
// next and measure how concentrated the revenue is.
//
//	go run ./examples/segment
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/rapportkit/rapport/period"
	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
)

func tx(id string, month time.Month, day int, amount string) segment.Transaction {
	return segment.Transaction{CustomerID: id, At: time.Date(2024, month, day, 12, 0, 0, 0, time.UTC),
		Amount: decimal.RequireFromString(amount)} // money is exact: never a float
}

// A year of orders of a small online shop.
var orders = []segment.Transaction{
	tx("ann", 2, 3, "420.00"), tx("ann", 4, 18, "310.00"), tx("ann", 6, 2, "275.00"),
	tx("ann", 9, 9, "890.00"), tx("ann", 11, 28, "1020.00"), tx("ann", 12, 20, "180.00"),
	tx("bob", 1, 12, "1450.00"), tx("bob", 5, 30, "950.00"), tx("bob", 10, 2, "650.00"),
	tx("cid", 3, 1, "6200.00"), tx("cid", 6, 14, "6300.00"), tx("cid", 9, 30, "5900.00"), tx("cid", 12, 2, "5900.00"),
	tx("dee", 3, 22, "180.00"),
	tx("eve", 12, 27, "95.00"),
	tx("fay", 4, 4, "60.00"), tx("fay", 8, 15, "75.00"),
	tx("gus", 2, 14, "420.00"), tx("gus", 5, 5, "430.00"), tx("gus", 8, 1, "450.00"), tx("gus", 11, 11, "450.00"),
	tx("hal", 1, 8, "30.00"), tx("hal", 12, 12, "2100.00"),
	tx("ida", 7, 19, "320.00"), tx("ida", 10, 23, "220.00"),
	tx("jon", 6, 21, "300.00"),
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	// One aggregate per customer and half-year; aggregates merge exactly, so
	// the year is H1 merged with H2 (as shards from several machines would be).
	// The key is a half-year with its year (a time.Month key would put
	// January 2025's orders into H1 2024).
	halves, err := segment.CollectionBy(slices.Values(orders), segment.Options{}, func(t segment.Transaction) string {
		q := period.QuarterOf(t.At, time.UTC)
		return fmt.Sprintf("%d-H%d", q.Year(), (q.Number()+1)/2)
	})
	if err != nil {
		return err
	}
	h1, h2 := halves["2024-H1"], halves["2024-H2"] // nil when a half-year has no orders
	if h1 == nil || h2 == nil {
		return fmt.Errorf("need orders in both half-years")
	}
	year := h1.Clone()
	if err := year.Merge(h2); err != nil {
		return err
	}

	// Scores 1–5 per dimension, 5 the best; the cut points are returned.
	scores, err := year.Score(time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), segment.Config{})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, scores)
	rules := segment.DefaultRules() // Champions, Loyal Customers … Lost, on R and F
	for c := range scores.Customers() {
		name, _ := rules.Match(c.Score)
		fmt.Fprintf(w, "  %-45v %s\n", c, name)
	}

	// Spend tiers per half-year (bronze, silver from 500, gold from 2000,
	// premium from 10000) and who moved between them.
	tiers := segment.DefaultTiers()
	moves, err := segment.Transition(tiers.Levels(), tiers.Labels(h1), tiers.Labels(h2))
	if err != nil {
		return err
	}
	fmt.Fprint(w, "tiers, H1 (rows) → H2 (columns):\n", moves, "\n")
	for _, e := range moves.Events {
		fmt.Fprintf(w, "  %s %s: %q → %q\n", e.ID, e.Move, e.From, e.To)
	}

	// How concentrated revenue is: the share of the top 20 % of
	// customers, the fewest who make 80 % of it, and the Gini coefficient.
	conc, err := year.Concentration() // fails only without revenue or with negative net amounts
	if err != nil {
		return err
	}
	p, err := conc.Pareto(0.2, 0.8)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "revenue %s: the top 20%% of customers make %.1f%% of it, %d of %d make 80%%; Gini %.3f\n",
		p.RevenueAmount.StringFixed(2), p.TopRevenuePct, p.TargetCustomers, p.Customers, p.GiniRatio)
	return nil
}
