package main

import (
	"fmt"
	"slices"
	"time"

	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/rate"
	"github.com/shopspring/decimal"
)

// The survey and contact Results below have the JSON shapes the rapport
// contract gives nps.Result, csat.Result, ces.Result and
// operations.Result (units in every key, intervals next to their figure,
// null for undefined), so that the tidy package writes them as it will
// write those; rate.Result and the churn Results are the packages' own.

// interval is a confidence interval in the unit of its figure.
type interval struct {
	Lo     float64 `json:"lo"`
	Hi     float64 `json:"hi"`
	Level  float64 `json:"level"`
	Method string  `json:"method"`
}

type npsResult struct {
	N                   uint64    `json:"n"`
	Promoters           uint64    `json:"promoters"`
	Passives            uint64    `json:"passives"`
	Detractors          uint64    `json:"detractors"`
	ScorePoints         *float64  `json:"score_points"`
	ScoreIntervalPoints *interval `json:"score_interval_points"`
	variance            float64   // of one response's contribution, for tests
}

type cesResult struct {
	N                 uint64    `json:"n"`
	MeanScore         *float64  `json:"mean_score"`
	MeanIntervalScore *interval `json:"mean_interval_score"`
	StdDevScore       *float64  `json:"std_dev_score"`
	moments           moments
}

// contactResult is the contact-centre view of one group of contacts.
type contactResult struct {
	N                       uint64           `json:"n"` // contacts
	Presented               uint64           `json:"presented"`
	Answered                uint64           `json:"answered"`
	Abandoned               uint64           `json:"abandoned"`
	ServiceLevelPct         *float64         `json:"service_level_pct"`
	ServiceLevelIntervalPct *interval        `json:"service_level_interval_pct"`
	ASASeconds              *float64         `json:"asa_seconds"`
	ASAIntervalSeconds      *interval        `json:"asa_interval_seconds"`
	AbandonmentPct          *float64         `json:"abandonment_pct"`
	AbandonmentIntervalPct  *interval        `json:"abandonment_interval_pct"`
	FCRPct                  *float64         `json:"fcr_pct"`
	FCRIntervalPct          *interval        `json:"fcr_interval_pct"`
	AHTSeconds              *float64         `json:"aht_seconds"`
	AHTIntervalSeconds      *interval        `json:"aht_interval_seconds"`
	CostAmount              *decimal.Decimal `json:"cost_amount"`
	CostPerContactAmount    *decimal.Decimal `json:"cost_per_contact_amount"`
	sl, abandonment, fcr    *rate.Tally
	asa, aht                moments
}

// month holds the figures of one month (or one quarter of one channel).
type month struct {
	label    string // 2025-03
	contacts contactResult
	nps      npsResult
	csat     rate.Result // the share satisfied (4 or 5 of 5)
	satisfy  *rate.Tally
	ces      cesResult
	churn    churn.FlowResult
	base     *rate.Tally // lost from the opening base, of it
}

// figures are what the dashboard shows.
type figures struct {
	months   []month // January to December, all channels
	channels []month // the fourth quarter, per channel
	curves   map[string]churn.CurveResult
	cohorts  *churn.CohortTable
	revenue  [2][]decimal.Decimal
	slots    []slotPlan
	cost     []*decimal.Decimal // December's cost per channel, nil when unknown
}

// December's costs per channel; the e-mail team's is not known.
var costs = []*decimal.Decimal{amount("21512.40"), amount("9840.00"), nil}

func amount(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

func compute(s sample) (figures, error) {
	f := figures{revenue: s.revenue, slots: s.slots, cost: costs}
	for m := range 12 {
		g, err := group(s, func(c contact) bool { return c.month == m }, func(a answer) bool { return a.month == m })
		if err != nil {
			return f, err
		}
		g.label = fmt.Sprintf("%d-%02d", year, m+1)
		from := time.Date(year, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
		flow, err := churn.FlowOf(slices.Values(s.customers), churn.Period{From: from, To: from.AddDate(0, 1, 0)})
		if err != nil {
			return f, err
		}
		if g.churn, err = flow.Result(); err != nil {
			return f, err
		}
		if g.base, err = rate.FromCounts(flow.LostFromStart(), flow.Start()); err != nil {
			return f, err
		}
		f.months = append(f.months, g)
	}
	for ch := range channels {
		g, err := group(s, func(c contact) bool { return c.channel == ch && c.month >= 9 }, func(a answer) bool { return a.channel == ch && a.month >= 9 })
		if err != nil {
			return f, err
		}
		g.label = channels[ch]
		f.channels = append(f.channels, g)
	}
	var err error
	// December's cost per contact.
	for ch, cost := range costs {
		var n uint64
		for _, c := range s.contacts {
			if c.month == 11 && c.channel == ch {
				n++
			}
		}
		f.channels[ch].contacts.CostAmount = cost
		if cost != nil && n > 0 {
			per := cost.DivRound(decimal.NewFromUint64(n), 2)
			f.channels[ch].contacts.CostPerContactAmount = &per
		}
	}
	if f.cohorts, err = churn.Cohorts(slices.Values(s.customers), churn.Monthly, asOf.Add(-time.Nanosecond)); err != nil {
		return f, err
	}
	bySegment, err := churn.SurvivalBy(slices.Values(s.customers), asOf, 24*time.Hour, func(c churn.Customer) string { return c.Segment })
	if err != nil {
		return f, err
	}
	f.curves = map[string]churn.CurveResult{}
	for seg, sv := range bySegment {
		if f.curves[seg], err = sv.Result(level, churn.LogLog); err != nil {
			return f, err
		}
	}
	return f, nil
}

// group computes the figures of the contacts and answers selected.
func group(s sample, isContact func(contact) bool, isAnswer func(answer) bool) (month, error) {
	var g month
	var within, presented, abandoned, resolved, answered uint64
	var waits, handles []float64
	for _, c := range s.contacts {
		if !isContact(c) {
			continue
		}
		g.contacts.N++
		live := c.channel != 2
		if live {
			presented++
			if !c.answered {
				abandoned++
			} else {
				waits = append(waits, c.wait)
				if c.wait <= 20 {
					within++
				}
			}
		}
		if c.answered {
			answered++
			handles = append(handles, c.handle)
			if c.resolved {
				resolved++
			}
		}
	}
	cr := &g.contacts
	cr.Presented, cr.Answered, cr.Abandoned = presented, answered, abandoned
	var err error
	if cr.sl, cr.ServiceLevelPct, cr.ServiceLevelIntervalPct, err = proportion(within, presented); err != nil {
		return g, err
	}
	if cr.abandonment, cr.AbandonmentPct, cr.AbandonmentIntervalPct, err = proportion(abandoned, presented); err != nil {
		return g, err
	}
	if cr.fcr, cr.FCRPct, cr.FCRIntervalPct, err = proportion(resolved, answered); err != nil {
		return g, err
	}
	cr.asa, cr.aht = momentsOf(waits), momentsOf(handles)
	cr.ASASeconds, cr.ASAIntervalSeconds = mean(cr.asa)
	cr.AHTSeconds, cr.AHTIntervalSeconds = mean(cr.aht)

	var promoters, detractors, n, satisfied uint64
	var eases []float64
	for _, a := range s.answers {
		if !isAnswer(a) {
			continue
		}
		n++
		switch {
		case a.nps >= 9:
			promoters++
		case a.nps <= 6:
			detractors++
		}
		if a.csat >= 4 {
			satisfied++
		}
		eases = append(eases, float64(a.ces))
	}
	g.nps = npsResult{N: n, Promoters: promoters, Passives: n - promoters - detractors, Detractors: detractors}
	if score, lo, hi, v, ok := npsFigure(promoters, detractors, n); ok {
		g.nps.ScorePoints, g.nps.variance = &score, v
		g.nps.ScoreIntervalPoints = &interval{lo, hi, level, "adjusted-wald"}
	}
	if g.satisfy, err = rate.FromCounts(satisfied, n); err != nil {
		return g, err
	}
	if g.csat, err = g.satisfy.Result(level, rate.Wilson); err != nil {
		return g, err
	}
	m := momentsOf(eases)
	g.ces = cesResult{N: m.n, moments: m}
	g.ces.MeanScore, g.ces.MeanIntervalScore = mean(m)
	if m.n > 1 {
		g.ces.StdDevScore = &m.sd
	}
	return g, nil
}

// proportion is x of n as a rate tally with its Wilson interval in
// percent.
func proportion(x, n uint64) (*rate.Tally, *float64, *interval, error) {
	t, err := rate.FromCounts(x, n)
	if err != nil {
		return nil, nil, nil, err
	}
	r, err := t.Result(level, rate.Wilson)
	if err != nil {
		return nil, nil, nil, err
	}
	var ci *interval
	if r.RateIntervalPct != nil {
		ci = &interval{r.RateIntervalPct.Lo, r.RateIntervalPct.Hi, level, string(r.RateIntervalPct.Method)}
	}
	return t, r.RatePct, ci, nil
}

// mean is a mean with its t interval.
func mean(m moments) (*float64, *interval) {
	if m.n == 0 {
		return nil, nil
	}
	v := m.mean
	lo, hi, ok := m.interval()
	if !ok {
		return &v, nil
	}
	return &v, &interval{lo, hi, level, "t"}
}
