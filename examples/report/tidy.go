package main

import (
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/tidy"
)

// tidyKey is the dimensions of a row of the tidy file: the period it
// covers (a month, the window, the week planned), and the channel or the
// RFM segment of a group, empty for the whole.
type tidyKey struct {
	Period  churn.Period
	Channel string
	Segment string
}

// tidyFormat is the format of the tidy file by its name's extension:
// JSON Lines for .jsonl, CSV otherwise.
func tidyFormat(name string) tidy.Format {
	if strings.EqualFold(filepath.Ext(name), ".jsonl") {
		return tidy.JSONLines
	}
	return tidy.CSV
}

// writeTidy writes every Result of the report as tidy rows (package
// tidy): one row per figure, with its period, channel or segment.
func (r *report) writeTidy(out io.Writer, f tidy.Format) error {
	w, err := tidy.NewWriter[tidyKey](out, tidy.Options{Format: f})
	if err != nil {
		return err
	}
	win := churn.Period{From: r.Window.from, To: r.Window.to}
	month := func(i int) churn.Period {
		from, to := r.Window.span(i)
		return churn.Period{From: from, To: to}
	}
	// put writes one Result; the first error stops the others.
	put := func(k tidyKey, name string, v any) {
		if err == nil {
			err = w.Write(k, name, v)
		}
	}
	if s := r.Surveys; s != nil {
		putScores(put, "nps", win, month, s.NPS, s.NPSMonths, s.NPSBy)
		putScores(put, "csat", win, month, s.CSAT, s.CSATMonth, s.CSATBy)
		if s.CES != nil {
			put(tidyKey{Period: win}, "ces", s.CES)
			for i, m := range s.CESMonth {
				put(tidyKey{Period: month(i)}, "ces", m.R)
			}
			for _, c := range s.CESBy {
				put(tidyKey{Period: win, Channel: c.Key}, "ces", c.R)
			}
			for _, c := range s.CESRank {
				put(tidyKey{Period: win, Channel: c.Key}, "ces_rank", c)
			}
		}
	}
	if c := r.Contacts; c != nil {
		put(tidyKey{Period: win}, "contacts", c.All)
		for _, ch := range c.ByChannel {
			put(tidyKey{Period: win, Channel: ch.Channel.String()}, "contacts", ch.R)
		}
		for i, m := range c.ByMonth {
			put(tidyKey{Period: month(i)}, "contacts", m.R)
		}
	}
	if s := r.Staffing; s != nil {
		week := churn.Period{From: s.AsOf.Start(time.UTC), To: s.AsOf.AddDays(horizon).Start(time.UTC)}
		held := churn.Period{From: s.AsOf.AddDays(-holdout).Start(time.UTC), To: s.AsOf.Start(time.UTC)}
		for _, q := range s.Queues {
			if q.Plan == nil {
				continue
			}
			ch := q.Channel.String()
			put(tidyKey{Period: held, Channel: ch}, "forecast_accuracy", q.Accuracy)
			put(tidyKey{Period: week, Channel: ch}, "forecast", q.Forecast)
			put(tidyKey{Period: week, Channel: ch}, "staffing_plan", q.Plan)
			put(tidyKey{Period: week, Channel: ch}, "staffing_table", q.Table)
		}
	}
	if c := r.Churn; c != nil {
		put(tidyKey{Period: win}, "churn", c.Year)
		for i, m := range c.Months {
			put(tidyKey{Period: month(i)}, "churn", m)
		}
		if c.Cohorts != nil {
			put(tidyKey{Period: win}, "cohorts", c.Cohorts)
		}
		if c.Curve != nil {
			put(tidyKey{Period: win}, "survival", c.Curve)
		}
		if len(c.Risks) > 0 {
			put(tidyKey{Period: win}, "churn_risk", c.Risks)
		}
		if c.Hole != nil {
			put(tidyKey{Period: win}, "hole_in_the_rocket", c.Hole)
		}
		if c.RepeatOf != nil {
			put(tidyKey{Period: win}, "repeat", c.RepeatOf)
		}
		if c.RepurchaseOf != nil {
			put(tidyKey{Period: win}, "repurchase", c.RepurchaseOf)
		}
	}
	if s := r.Segments; s != nil {
		put(tidyKey{Period: win}, "rfm", s.Scores)
		put(tidyKey{Period: win}, "tier_transitions", s.Transitions)
		put(tidyKey{Period: win}, "concentration", s.Pareto)
		put(tidyKey{Period: win}, "abc", s.ABC)
	}
	if c := r.CLV; c != nil && c.Skipped == "" {
		put(tidyKey{Period: win}, "clv_purchase_fit", c.Fit)
		put(tidyKey{Period: win}, "clv_spend_fit", c.SpendFit)
		put(tidyKey{Period: win}, "clv", c.Total)
		for k, g := range c.segments(segmentOrder(r.Segments)) {
			put(tidyKey{Period: win, Segment: k}, "clv", g)
		}
	}
	if err != nil {
		return err
	}
	return w.Flush()
}

// segmentOrder returns the RFM segments largest first, or none.
func segmentOrder(s *segmentSection) []count {
	if s == nil {
		return nil
	}
	return s.Segments
}

// putScores writes a survey score over the window, by month with its test
// against the month before (name_change), and by channel.
func putScores[R any](put func(tidyKey, string, any), name string, win churn.Period, month func(int) churn.Period,
	all *R, months []monthScore[R], by []keyed[R]) {
	if all == nil {
		return
	}
	put(tidyKey{Period: win}, name, all)
	for i, m := range months {
		put(tidyKey{Period: month(i)}, name, m.R)
		if m.Change != nil {
			put(tidyKey{Period: month(i)}, name+"_change", m.Change)
		}
	}
	for _, c := range by {
		put(tidyKey{Period: win, Channel: c.Key}, name, c.R)
	}
}
