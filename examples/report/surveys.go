package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"github.com/rapportkit/rapport/adjust"
	"github.com/rapportkit/rapport/ces"
	"github.com/rapportkit/rapport/csat"
	"github.com/rapportkit/rapport/nps"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/period"
	"github.com/rapportkit/rapport/survey"
)

// alpha is the significance level of every test the report marks, after
// the Benjamini–Hochberg adjustment of the test's family.
const alpha = 0.05

// level is the confidence level of every interval.
const level = 0.95

// surveySection holds the survey KPIs over the window: overall, by month
// (each month tested against the one before) and by channel.
type surveySection struct {
	NPS       *nps.Result // nil without an NPS answer
	NPSMonths []monthScore[nps.Result]
	NPSBy     []keyed[nps.Result]

	CSAT      *csat.Result
	CSATLevel csat.Level
	CSATScale csat.Scale
	CSATMonth []monthScore[csat.Result]
	CSATBy    []keyed[csat.Result]

	CES      *ces.Result
	CESScale ces.Scale
	CESRank  []rankedCES
	CESMonth []monthCES // for the dashboard and the tidy file
	CESBy    []keyed[ces.Result]
}

// monthScore is a month's score and its test against the month before.
type monthScore[R any] struct {
	Label  string
	R      R
	Change *change // against the month before; nil for the first or an empty month
}

// monthCES is a month's effort and the p-value of its change from the
// month before (Welch's t-test), nil for the first or an empty month.
type monthCES struct {
	Label string
	R     ces.Result
	P     *float64
}

type keyed[R any] struct {
	Key string
	R   R
}

// change is a test of one difference within its family: the comparison,
// its p-value adjusted by Benjamini–Hochberg over the family, and whether
// it stays significant at alpha once adjusted.
type change struct {
	nps.Comparison          // csat.Comparison is the same type
	Adjusted       *float64 `json:"adjusted_p_value"`
	Significant    bool     `json:"significant"`
}

// pValue returns the p-value of a change, nil when there is none.
func (c *change) pValue() *float64 {
	if c == nil {
		return nil
	}
	return c.PValue
}

// rankedCES is a channel of the effort ranking, its p-value against the
// easiest adjusted over the ranking by Benjamini–Hochberg.
type rankedCES struct {
	ces.Ranked[string]
	Adjusted    *float64 `json:"adjusted_p_value"` // in place of the ranking's own Holm adjustment
	Significant bool     `json:"significant"`
}

func buildSurveys(in *inputs, w window) (*surveySection, error) {
	if in.surveys == nil {
		return nil, nil
	}
	s := &surveySection{CSATScale: in.csatScale, CESScale: in.cesScale}
	var responses []survey.Response
	for _, r := range in.surveys.rows {
		if w.contains(r.At) {
			responses = append(responses, r)
		}
	}
	all := slices.Values(responses)
	month := func(r survey.Response) period.Month { return period.MonthOf(r.At, nil) }

	npsAll, err := survey.NPSOf(all)
	if err != nil {
		return nil, err
	}
	if npsAll.N() > 0 {
		byMonth, err := survey.NPSBy(all, month)
		if err != nil {
			return nil, err
		}
		byChannel, err := survey.NPSBy(all, channelKey)
		if err != nil {
			return nil, err
		}
		r, _ := npsAll.Result(level, nps.AdjustedWald) // fails only on a level
		s.NPS = &r
		var tests []*change
		for i, m := range w.months {
			r, _ := npsOrEmpty(byMonth[m]).Result(level, nps.AdjustedWald)
			s.NPSMonths = append(s.NPSMonths, monthScore[nps.Result]{Label: w.label(i), R: r})
			if i > 0 && byMonth[m] != nil && byMonth[w.months[i-1]] != nil {
				c, _ := nps.Compare(byMonth[m], byMonth[w.months[i-1]], level)
				s.NPSMonths[i].Change = &change{Comparison: c}
				tests = append(tests, s.NPSMonths[i].Change)
			}
		}
		if err := adjustFamily(tests); err != nil {
			return nil, err
		}
		for _, k := range byCount(byChannel) {
			r, _ := byChannel[k].Result(level, nps.AdjustedWald)
			s.NPSBy = append(s.NPSBy, keyed[nps.Result]{k, r})
		}
	}

	csatAll, err := survey.CSATOf(all, in.csatScale)
	if err != nil {
		return nil, err
	}
	if csatAll.N() > 0 {
		byMonth, err := survey.CSATBy(all, in.csatScale, month)
		if err != nil {
			return nil, err
		}
		byChannel, err := survey.CSATBy(all, in.csatScale, channelKey)
		if err != nil {
			return nil, err
		}
		r, _ := csatAll.Result(level, csat.Wilson)
		s.CSAT = &r
		s.CSATLevel, _, _ = csatAll.Level(csat.DefaultLevels)
		var tests []*change
		for i, m := range w.months {
			r, _ := csatOrEmpty(byMonth[m], in.csatScale).Result(level, csat.Wilson)
			s.CSATMonth = append(s.CSATMonth, monthScore[csat.Result]{Label: w.label(i), R: r})
			if i > 0 && byMonth[m] != nil && byMonth[w.months[i-1]] != nil {
				c, _ := csat.Compare(byMonth[m], byMonth[w.months[i-1]], level)
				s.CSATMonth[i].Change = &change{Comparison: c}
				tests = append(tests, s.CSATMonth[i].Change)
			}
		}
		if err := adjustFamily(tests); err != nil {
			return nil, err
		}
		for _, k := range byCount(byChannel) {
			r, _ := byChannel[k].Result(level, csat.Wilson)
			s.CSATBy = append(s.CSATBy, keyed[csat.Result]{k, r})
		}
	}

	cesAll, err := survey.CESOf(all, in.cesScale)
	if err != nil {
		return nil, err
	}
	if cesAll.N() > 0 {
		byChannel, err := survey.CESBy(all, in.cesScale, channelKey)
		if err != nil {
			return nil, err
		}
		r, _ := cesAll.Result(level, ces.StudentT)
		s.CES = &r
		byMonth, err := survey.CESBy(all, in.cesScale, month)
		if err != nil {
			return nil, err
		}
		for i, m := range w.months {
			t := byMonth[m]
			if t == nil {
				t = ces.NewTally(in.cesScale)
			}
			r, _ := t.Result(level, ces.StudentT)
			mc := monthCES{Label: w.label(i), R: r}
			if prev := w.months[max(i-1, 0)]; i > 0 && byMonth[m] != nil && byMonth[prev] != nil {
				c, _ := ces.Compare(byMonth[m], byMonth[prev], level)
				mc.P = c.PValue
			}
			s.CESMonth = append(s.CESMonth, mc)
		}
		for _, k := range byCount(byChannel) {
			r, _ := byChannel[k].Result(level, ces.StudentT)
			s.CESBy = append(s.CESBy, keyed[ces.Result]{k, r})
		}
		ranked, err := ces.Rank(byChannel, alpha)
		if err != nil {
			return nil, fmt.Errorf("ranking channels by effort: %w", err)
		}
		ps := make([]*float64, len(ranked))
		for i, c := range ranked {
			ps[i] = c.PValue
		}
		adjusted, significant, err := benjaminiHochberg(ps)
		if err != nil {
			return nil, err
		}
		for i, c := range ranked {
			s.CESRank = append(s.CESRank, rankedCES{Ranked: c, Adjusted: adjusted[i], Significant: significant[i]})
		}
	}
	return s, nil
}

// adjustFamily adjusts the p-values of a family of tests together.
func adjustFamily(tests []*change) error {
	ps := make([]*float64, len(tests))
	for i, t := range tests {
		ps[i] = t.PValue
	}
	adjusted, significant, err := benjaminiHochberg(ps)
	if err != nil {
		return err
	}
	for i, t := range tests {
		t.Adjusted, t.Significant = adjusted[i], significant[i]
	}
	return nil
}

// benjaminiHochberg adjusts a family of p-values for multiple testing
// (nil for a test that could not be run) and marks those significant at
// alpha once adjusted.
func benjaminiHochberg(ps []*float64) ([]*float64, []bool, error) {
	adjusted, err := adjust.P(ps, adjust.BenjaminiHochberg)
	if err != nil {
		return nil, nil, err
	}
	significant, err := adjust.Significant(ps, adjust.BenjaminiHochberg, alpha)
	return adjusted, significant, err
}

// channelKey groups responses by the channel they rate: the library's name
// of an operations channel ("e-mail" and "email" are one), or the text as
// the file gives it for other touchpoints (a store).
func channelKey(r survey.Response) string {
	if ch, err := operations.ParseChannel(r.Channel); err == nil {
		return ch.String()
	}
	if r.Channel == "" {
		return "(no channel)"
	}
	return r.Channel
}

// npsOrEmpty and csatOrEmpty return the tally of a month, or an empty one
// for a month without answers.
func npsOrEmpty(t *nps.Tally) *nps.Tally {
	if t == nil {
		return new(nps.Tally)
	}
	return t
}

func csatOrEmpty(t *csat.Tally, s csat.Scale) *csat.Tally {
	if t == nil {
		return csat.NewTally(s)
	}
	return t
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
