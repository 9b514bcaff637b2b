package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/rapportkit/rapport/ces"
	"github.com/rapportkit/rapport/csat"
	"github.com/rapportkit/rapport/nps"
)

var surveyColumns = []string{"id", "customer_id", "at", "channel", "nps", "csat", "ces"}

// survey is one response row; a score is −1 when not asked.
type survey struct {
	ID, CustomerID, Channel string
	At                      time.Time
	NPS, CSAT, CES          int
}

func (in *inputs) parseSurvey(r row) (survey, error) {
	s := survey{ID: r.get("id"), CustomerID: r.get("customer_id"), Channel: r.get("channel"), NPS: -1, CSAT: -1, CES: -1}
	var err error
	if s.At, err = parseTime(r, "at"); err != nil {
		return s, err
	}
	if s.CustomerID == "" {
		return s, fmt.Errorf("customer_id: empty")
	}
	for _, f := range []struct {
		column string
		dst    *int
		check  func(int) error
	}{
		{"nps", &s.NPS, func(v int) error { _, err := nps.Classify(v); return err }},
		{"csat", &s.CSAT, func(v int) error { _, err := in.csatScale.Classify(v); return err }},
		{"ces", &s.CES, func(v int) error { _, err := in.cesScale.Classify(v); return err }},
	} {
		if r.get(f.column) == "" {
			continue
		}
		v, err := parseInt(r, f.column)
		if err != nil {
			return s, err
		}
		if err := f.check(v); err != nil {
			return s, fmt.Errorf("%s: %w", f.column, err)
		}
		*f.dst = v
	}
	if s.NPS < 0 && s.CSAT < 0 && s.CES < 0 {
		return s, fmt.Errorf("no score: nps, csat and ces are all empty")
	}
	return s, nil
}

func csatScaleOf(flag string) (csat.Scale, error) {
	switch flag {
	case "2":
		return csat.Binary, nil
	case "5":
		return csat.FivePoint, nil
	case "7":
		return csat.SevenPoint, nil
	case "10":
		return csat.TenPoint, nil
	}
	return csat.Scale{}, fmt.Errorf("-csat-scale %q: want 2, 5, 7 or 10", flag)
}

func cesScaleOf(flag string) (ces.Scale, error) {
	switch flag {
	case "ease7":
		return ces.SevenPointEase, nil
	case "effort5":
		return ces.FivePointEffort, nil
	}
	return ces.Scale{}, fmt.Errorf("-ces-scale %q: want ease7 or effort5", flag)
}

// surveySection holds the survey KPIs, overall, per month and per channel.
type surveySection struct {
	NPS      nps.Result
	HasNPS   bool
	NPSTrend []npsMonth
	NPSDiff  *nps.Comparison // last month against the one before
	NPSBy    []npsGroup

	CSAT      csat.Result
	HasCSAT   bool
	CSATLevel csat.Level
	CSATTrend []csatMonth
	CSATBy    []csatGroup

	CES     ces.Result
	HasCES  bool
	CESRank []ces.Ranked[string]
}

type npsMonth struct {
	Month string
	R     nps.Result
	OK    bool
}

type npsGroup struct {
	Key string
	R   nps.Result
}

type csatMonth struct {
	Month string
	R     csat.Result
	OK    bool
}

type csatGroup struct {
	Key string
	R   csat.Result
}

func buildSurveys(in *inputs, w window) (*surveySection, error) {
	if in.surveys == nil {
		return nil, nil
	}
	s := &surveySection{}
	var npsAll nps.Tally
	npsMonths := make([]nps.Tally, len(w.months))
	npsBy := map[string]*nps.Tally{}
	csatAll := csat.NewTally(in.csatScale)
	csatMonths := make([]*csat.Tally, len(w.months))
	for i := range csatMonths {
		csatMonths[i] = csat.NewTally(in.csatScale)
	}
	csatBy := map[string]*csat.Tally{}
	cesAll := ces.NewTally(in.cesScale)
	cesBy := map[string]*ces.Tally{}
	for _, r := range in.surveys.Rows {
		m, ok := w.month(r.At)
		if !ok {
			continue
		}
		// Scores were validated when the row was read.
		if r.NPS >= 0 {
			_ = npsAll.Add(r.NPS)
			_ = npsMonths[m].Add(r.NPS)
			_ = groupOf(npsBy, r.Channel, func() *nps.Tally { return new(nps.Tally) }).Add(r.NPS)
		}
		if r.CSAT >= 0 {
			_ = csatAll.Add(r.CSAT)
			_ = csatMonths[m].Add(r.CSAT)
			_ = groupOf(csatBy, r.Channel, func() *csat.Tally { return csat.NewTally(in.csatScale) }).Add(r.CSAT)
		}
		if r.CES >= 0 {
			_ = cesAll.Add(r.CES)
			_ = groupOf(cesBy, r.Channel, func() *ces.Tally { return ces.NewTally(in.cesScale) }).Add(r.CES)
		}
	}
	// An empty tally's Result has no figures; a section needs answers.
	if npsAll.N() > 0 {
		s.NPS, _ = npsAll.Result(0.95, nps.AdjustedWald)
		s.HasNPS = true
		for i := range npsMonths {
			r, _ := npsMonths[i].Result(0.95, nps.AdjustedWald)
			s.NPSTrend = append(s.NPSTrend, npsMonth{w.labels[i], r, r.N > 0})
		}
		if last := len(npsMonths) - 1; last > 0 {
			if c, _ := nps.Compare(&npsMonths[last], &npsMonths[last-1], 0.95); c.DeltaPoints != nil {
				s.NPSDiff = &c
			}
		}
		for _, k := range byCount(npsBy) {
			r, _ := npsBy[k].Result(0.95, nps.AdjustedWald)
			s.NPSBy = append(s.NPSBy, npsGroup{k, r})
		}
	}
	if csatAll.N() > 0 {
		s.CSAT, _ = csatAll.Result(0.95, csat.Wilson)
		s.HasCSAT = true
		s.CSATLevel, _, _ = csatAll.Level(csat.DefaultLevels)
		for i, t := range csatMonths {
			r, _ := t.Result(0.95, csat.Wilson)
			s.CSATTrend = append(s.CSATTrend, csatMonth{w.labels[i], r, r.N > 0})
		}
		for _, k := range byCount(csatBy) {
			r, _ := csatBy[k].Result(0.95, csat.Wilson)
			s.CSATBy = append(s.CSATBy, csatGroup{k, r})
		}
	}
	if cesAll.N() > 0 {
		s.CES, _ = cesAll.Result(0.95, ces.StudentT)
		s.HasCES = true
		var err error
		if s.CESRank, err = ces.Rank(cesBy, 0.05); err != nil {
			return nil, fmt.Errorf("ranking channels by effort: %w", err)
		}
	}
	return s, nil
}

// groupOf returns the accumulator of key, made on first use.
func groupOf[K comparable, A any](groups map[K]A, key K, fresh func() A) A {
	a, ok := groups[key]
	if !ok {
		a = fresh()
		groups[key] = a
	}
	return a
}

// byCount returns the keys of groups with the most responses first, ties
// by key.
func byCount[T interface{ N() uint64 }](groups map[string]T) []string {
	keys := slices.Collect(maps.Keys(groups))
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(groups[b].N(), groups[a].N()), cmp.Compare(a, b))
	})
	return keys
}
