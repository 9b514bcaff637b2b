package main

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/rapportkit/rapport/segment"
	"github.com/shopspring/decimal"
)

// segmentSection holds RFM segments, tiers and revenue concentration over
// the window.
type segmentSection struct {
	Customers   int
	Scores      *segment.Scores
	Segments    []count // named RFM segments, largest first
	Grid        [][]float64
	Tiers       []count
	Transitions segment.Transitions
	TopShare    float64 // revenue share of the top 20 % customers
	For80       int     // customers making 80 % of revenue
	For80Share  float64
	Gini        float64
	ABC         segment.Classes
	Excluded    int // customers whose refunds exceed their purchases
	Revenue     decimal.Decimal
	Pareto      segment.Pareto  // the concentration's figures, for the tidy file
	Lorenz      []segment.Point // the Lorenz curve, customers by revenue
}

type count struct {
	Key string
	N   int
}

// noSegment names the customers no RFM rule matches.
const noSegment = "(no rule)"

func buildSegments(in *inputs, w window) (*segmentSection, error) {
	if in.transactions == nil {
		return nil, nil
	}
	opts := segment.Options{Refunds: true}
	all, first, second := segment.NewCollection(opts), segment.NewCollection(opts), segment.NewCollection(opts)
	mid := w.months[len(w.months)/2].Start(time.UTC)
	for _, t := range in.transactions.rows {
		if !w.contains(t.At) {
			continue
		}
		half := first
		if !t.At.Before(mid) {
			half = second
		}
		if err := all.Add(t); err != nil {
			return nil, err
		}
		if err := half.Add(t); err != nil {
			return nil, err
		}
	}
	if all.NumCustomers() == 0 {
		return nil, nil
	}
	s := &segmentSection{Customers: all.NumCustomers()}
	var err error
	if s.Scores, err = all.Score(w.to, segment.Config{}); err != nil {
		return nil, fmt.Errorf("RFM: %w", err)
	}
	for name, n := range s.Scores.Segments(segment.DefaultRules()) {
		if name == "" {
			name = noSegment
		}
		s.Segments = append(s.Segments, count{name, n})
	}
	sortCounts(s.Segments)
	// Recency × frequency grid, rows R = 5 … 1, columns F = 1 … 5.
	s.Grid = make([][]float64, 5)
	for i := range s.Grid {
		s.Grid[i] = make([]float64, 5)
	}
	for score, n := range s.Scores.Cells() {
		s.Grid[5-int(score.R)][int(score.F)-1] += float64(n)
	}

	tiers := segment.DefaultTiers()
	perTier := map[string]int{}
	for _, t := range tiers.Labels(all) {
		perTier[t]++
	}
	for _, level := range tiers.Levels() {
		s.Tiers = append(s.Tiers, count{level, perTier[level]})
	}
	if s.Transitions, err = segment.Transition(tiers.Levels(), tiers.Labels(first), tiers.Labels(second)); err != nil {
		return nil, fmt.Errorf("tier transitions: %w", err)
	}

	positive := func(yield func(string, decimal.Decimal) bool) {
		for c := range all.Customers() {
			if !c.Monetary().IsPositive() {
				s.Excluded++
				continue
			}
			if !yield(c.ID(), c.Monetary()) {
				return
			}
		}
	}
	conc, err := segment.NewConcentration(positive)
	if err != nil {
		return nil, fmt.Errorf("concentration: %w", err)
	}
	s.Revenue = conc.Total()
	if s.TopShare, err = conc.TopShare(0.2); err != nil {
		return nil, err
	}
	if s.For80, s.For80Share, err = conc.CustomersFor(0.8); err != nil {
		return nil, err
	}
	s.Gini = conc.Gini()
	if s.ABC, err = conc.ABC(0.8, 0.95); err != nil {
		return nil, err
	}
	if s.Pareto, err = conc.Pareto(0.2, 0.8); err != nil {
		return nil, err
	}
	s.Lorenz = conc.Lorenz()
	return s, nil
}

// segmentOf returns the RFM segment of a customer, for keys.
func (s *segmentSection) segmentOf(id string) string {
	if name, ok := s.Scores.Segment(segment.DefaultRules(), id); ok {
		return name
	}
	if _, ok := s.Scores.Get(id); ok {
		return noSegment
	}
	return "(not scored)"
}

func sortCounts(cs []count) {
	slices.SortFunc(cs, func(a, b count) int {
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Key, b.Key))
	})
}
