package main

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/clv"
	"github.com/rapportkit/rapport/segment"
)

// The customer-lifetime-value conventions: times in weeks, as in the
// literature; value over the next 52 weeks, discounted continuously at
// 10 % a year (a rate of ln 1.1 ÷ 52 per week).
const (
	clvUnit       = 7 * 24 * time.Hour
	clvHorizon    = 52.0
	clvAnnualRate = 0.10
)

// clvSection is the customer-base analysis of the transactions: a BG/NBD
// purchase model and a Gamma-Gamma spend model fitted to every purchase
// before the as-of date, and from them each customer's P(alive) and value.
type clvSection struct {
	Discount  clv.Discount
	Customers int // with a purchase
	Repeat    int // of them, with a repeat purchase
	Refunds   int // refund rows left out: the models count purchases
	// Skipped says why there is no model (too few repeat purchases).
	Skipped   string
	Model     clv.BGNBD
	Fit       clv.Fit
	Spend     clv.GammaGamma
	SpendFit  clv.SpendFit
	BySegment map[string]clv.GroupValue // by RFM segment
	Total     clv.GroupValue
	PAlive    map[string]float64 // by customer id
}

func buildCLV(in *inputs, w window, segments *segmentSection) (*clvSection, error) {
	if in.transactions == nil {
		return nil, nil
	}
	s := &clvSection{Discount: clv.Discount{Convention: clv.Continuous, Rate: math.Log1p(clvAnnualRate) / 52}}
	purchases := func(yield func(segment.Transaction) bool) {
		for _, t := range in.transactions.rows {
			if t.At.Before(w.to) && !t.Amount.IsNegative() && !yield(t) {
				return
			}
		}
	}
	for _, t := range in.transactions.rows {
		if t.At.Before(w.to) && t.Amount.IsNegative() {
			s.Refunds++
		}
	}
	// As of the end of the day before the as-of date: everything known.
	summaries, err := clv.Summarize(purchases, w.to.Add(-time.Nanosecond), clv.Options{Unit: clvUnit})
	if err != nil {
		return nil, fmt.Errorf("CLV: %w", err)
	}
	s.Customers = len(summaries)
	for _, sm := range summaries {
		if sm.X > 0 {
			s.Repeat++
		}
	}
	all := slices.Values(summaries)
	if s.Model, s.Fit, err = clv.FitBGNBD(all); err != nil {
		s.Skipped = fmt.Sprintf("no purchase model (%v)", err)
		return s, nil
	}
	if s.Spend, s.SpendFit, err = clv.FitGammaGamma(all); err != nil {
		s.Skipped = fmt.Sprintf("no spend model (%v)", err)
		return s, nil
	}
	v := clv.Valuation{Purchases: s.Model, Spend: s.Spend, Horizon: clvHorizon, Discount: s.Discount, Places: 2}
	key := func(clv.Summary) string { return "" }
	if segments != nil {
		key = func(sm clv.Summary) string { return segments.segmentOf(sm.ID) }
	}
	if s.BySegment, err = clv.ValueBy(all, v, key); err != nil {
		return nil, fmt.Errorf("CLV by segment: %w", err)
	}
	total, err := clv.ValueBy(all, v, func(clv.Summary) bool { return true })
	if err != nil {
		return nil, fmt.Errorf("CLV: %w", err)
	}
	s.Total = total[true]
	predictions, err := clv.Predict(all, s.Model, clvHorizon)
	if err != nil {
		return nil, fmt.Errorf("P(alive): %w", err)
	}
	s.PAlive = make(map[string]float64, len(predictions))
	for _, p := range predictions {
		s.PAlive[p.CustomerID] = p.PAlivePct / 100
	}
	return s, nil
}

// segments lists the groups in the order of the RFM table, then the
// others by name.
func (s *clvSection) segments(order []count) iter.Seq2[string, clv.GroupValue] {
	return func(yield func(string, clv.GroupValue) bool) {
		seen := map[string]bool{}
		for _, c := range order {
			if g, ok := s.BySegment[c.Key]; ok {
				seen[c.Key] = true
				if !yield(c.Key, g) {
					return
				}
			}
		}
		var rest []string
		for k := range s.BySegment {
			if !seen[k] {
				rest = append(rest, k)
			}
		}
		slices.Sort(rest)
		for _, k := range rest {
			if !yield(k, s.BySegment[k]) {
				return
			}
		}
	}
}

// group returns the value of one RFM segment; ok = false without a model.
func (s *clvSection) group(segment string) (clv.GroupValue, bool) {
	if s == nil || s.Skipped != "" {
		return clv.GroupValue{}, false
	}
	g, ok := s.BySegment[segment]
	return g, ok
}

// groupCells are the table cells of a group's value: mean P(alive),
// expected purchases, CLV and CLV per customer.
func groupCells(g clv.GroupValue) []string {
	return []string{pctOf(g.PAliveMeanPct), fmt.Sprintf("%.0f", g.ExpectedPurchases), money(g.CLVAmount), money(g.MeanCLVAmount)}
}
