package plan

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/rapportkit/rapport/forecast"
	"github.com/rapportkit/rapport/internal/money"
	"github.com/rapportkit/rapport/operations"
	"github.com/shopspring/decimal"
)

// Staffing says how demand becomes a plan: the service to give, the
// queue's behaviour, the contract of a position and the costs.
type Staffing struct {
	// Targets are the service targets every interval meets (at least one
	// of service level, ASA, abandonment and occupancy) and the shrinkage
	// that turns agents into positions.
	Targets operations.Targets
	// Patience is the customers' mean patience (operations.Tally.Patience):
	// 0 plans with Erlang C, otherwise Erlang A.
	Patience time.Duration
	// Concurrency is the contacts an agent handles at once (2 chats);
	// 0 means 1.
	Concurrency float64
	// AHT, if set, is the handle time of every interval instead of the
	// forecast's.
	AHT time.Duration
	// Contract sets what a full-time equivalent is.
	Contract Contract
	// Cost prices the plan.
	Cost Cost
}

// Contract is the working time of one full-time position.
type Contract struct {
	// Weekly is the paid time of a full-time position in a week (35 h in
	// France, 40 h in the US); 0 leaves FTE undefined.
	Weekly time.Duration
	// DaysPerWeek is the days a full-time position works in a week, for
	// the FTE of one day; 0 means 5.
	DaysPerWeek int
}

func (c Contract) check() error {
	if c.Weekly < 0 || c.Weekly > 7*24*time.Hour || c.DaysPerWeek < 0 || c.DaysPerWeek > 7 {
		return fmt.Errorf("%w: %v a week over %d days", ErrContract, c.Weekly, c.DaysPerWeek)
	}
	return nil
}

func (c Contract) days() int {
	if c.DaysPerWeek == 0 {
		return 5
	}
	return c.DaysPerWeek
}

// Interval is the plan of one interval.
type Interval struct {
	Start      time.Time `json:"start"`
	Contacts   float64   `json:"contacts_count"`
	AHTSeconds float64   `json:"aht_seconds"`
	// TrafficErlangs is the load the agents face: contacts × AHT ÷
	// interval ÷ concurrency.
	TrafficErlangs float64 `json:"traffic_erlangs"`
	// Agents are the agents on contacts meeting every target, and
	// AgentsFractional the requirement before rounding (see the package
	// documentation); ⌈AgentsFractional⌉ = Agents.
	Agents           int     `json:"agents"`
	AgentsFractional float64 `json:"agents_fractional_count"`
	// Positions are the agents with shrinkage, ⌈Agents ÷ (1 − s)⌉ exactly,
	// and PositionsFractional is AgentsFractional ÷ (1 − s).
	Positions           int     `json:"positions"`
	PositionsFractional float64 `json:"positions_fractional_count"`
	// The performance of Agents, nil without contacts.
	ServiceLevelPct *float64 `json:"service_level_pct"`
	ASASeconds      *float64 `json:"asa_seconds"`
	AbandonmentPct  *float64 `json:"abandonment_pct"`
	OccupancyPct    *float64 `json:"occupancy_pct"`
	// CostAmount is Positions for the interval at the hourly cost plus
	// the contacts at the cost per contact.
	CostAmount decimal.Decimal `json:"cost_amount"`

	aht time.Duration
}

// Figures aggregate intervals: contacts, the performance weighted as the
// contacts are (service level and abandonment by contacts, ASA by
// answered contacts, occupancy by agent time), cost and cost per contact.
type Figures struct {
	Contacts             float64          `json:"contacts_count"`
	ServiceLevelPct      *float64         `json:"service_level_pct"`
	ASASeconds           *float64         `json:"asa_seconds"`
	AbandonmentPct       *float64         `json:"abandonment_pct"`
	OccupancyPct         *float64         `json:"occupancy_pct"`
	CostAmount           decimal.Decimal  `json:"cost_amount"`
	CostPerContactAmount *decimal.Decimal `json:"cost_per_contact_amount"`
}

// Period is the plan of a day, a week or the whole plan.
type Period struct {
	Figures
	// PeakAgents and PeakPositions are the most of any interval.
	PeakAgents    int `json:"peak_agents"`
	PeakPositions int `json:"peak_positions"`
	// FTE is the period's position hours (Σ positions × interval) over a
	// contract's hours for the period (Weekly ÷ DaysPerWeek for a day,
	// Weekly for a week, Weekly × days ÷ 7 for the whole plan); nil
	// without a contract. FTEFractional is the same from the fractional
	// positions, which do not overstate needs as rounding each interval
	// does.
	FTE           *float64 `json:"fte_ratio"`
	FTEFractional *float64 `json:"fte_fractional_ratio"`
	// Intervals are the period's intervals in Plan.Intervals, from First.
	First     int `json:"first"`
	Intervals int `json:"intervals"`
}

// Day is the plan of one day.
type Day struct {
	Date forecast.Date `json:"date"`
	Period
}

// Week is the plan of an ISO week (Monday to Sunday), or of the part of
// it the plan covers.
type Week struct {
	Year int           `json:"year"` // ISO year and week
	Week int           `json:"week"`
	From forecast.Date `json:"from"` // the first and last days planned
	To   forecast.Date `json:"to"`
	Period
}

// Plan is the staffing of a forecast, interval by interval, with its
// days, weeks and total.
type Plan struct {
	Location  *time.Location
	Interval  time.Duration
	Staffing  Staffing
	Intervals []Interval
	Days      []Day
	Weeks     []Week
	Total     Period

	pricing pricing
}

// New plans the forecast's intervals: for each, the traffic, the agents
// operations.Queue.Staff finds for the targets (Erlang C, or Erlang A with
// a patience), the fractional requirement, the positions at the
// shrinkage, the performance and the cost; then the days, the ISO weeks
// and the total. Intervals without contacts need no agent. It fails with
// ErrForecast, ErrEmpty, ErrAHT, ErrTargets, ErrContract, ErrAmount, or
// ErrQueue naming the interval operations cannot staff.
//
// The work is one Erlang search per interval, O(√A) steps past the
// recursion to ⌊A⌋ + 1 for Erlang C (see operations.Queue.Staff), and the
// metrics of one agent fewer; at most forecast.MaxIntervals intervals.
func New(f forecast.Forecast, s Staffing) (*Plan, error) {
	if err := check(f, s); err != nil {
		return nil, err
	}
	p := &Plan{Location: f.Location, Interval: f.Interval, Staffing: s, pricing: newPricing(s.Cost, f.Interval)}
	p.Intervals = make([]Interval, len(f.Demand))
	figs := make([]float64, 4*len(f.Demand)) // one allocation for the figures' pointers
	keep := 1 / (1 - shrinkage(s.Targets))
	for i, d := range f.Demand {
		aht := s.AHT
		if aht == 0 && d.AHTSeconds != nil {
			aht = time.Duration(math.Round(*d.AHTSeconds * 1e9))
		}
		iv := &p.Intervals[i]
		iv.Start, iv.Contacts, iv.AHTSeconds, iv.aht = d.Start, d.Contacts, aht.Seconds(), aht
		if d.Contacts == 0 {
			var c money.Sum
			p.pricing.add(&c, 0, 0)
			iv.CostAmount = c.Value()
			continue
		}
		if aht <= 0 {
			return nil, fmt.Errorf("%w: interval %d (%v) has %.4g contacts and no AHT; set Staffing.AHT", ErrAHT, i, d.Start.Format(time.RFC3339), d.Contacts)
		}
		r, err := need(queue(d.Contacts, f.Interval, aht, s.Patience, s.Concurrency), s.Targets)
		if err != nil {
			return nil, fmt.Errorf("%w: interval %d (%v): %w", ErrQueue, i, d.Start.Format(time.RFC3339), err)
		}
		iv.TrafficErlangs, iv.Agents, iv.AgentsFractional = r.traffic, r.agents, r.fractional
		iv.Positions, iv.PositionsFractional = r.positions, r.fractional*keep
		m := figs[4*i : 4*i+4 : 4*i+4]
		m[0], m[1], m[2], m[3] = 100*r.m.sl, r.m.asa, 100*r.m.abandon, 100*r.m.occ
		iv.ServiceLevelPct, iv.ASASeconds, iv.AbandonmentPct, iv.OccupancyPct = &m[0], &m[1], &m[2], &m[3]
		var c money.Sum
		p.pricing.add(&c, r.positions, d.Contacts)
		iv.CostAmount = c.Value()
	}
	p.summarise()
	return p, nil
}

// check validates the forecast and the staffing.
func check(f forecast.Forecast, s Staffing) error {
	switch {
	case f.Location == nil:
		return fmt.Errorf("%w: no location", ErrForecast)
	case f.Interval < time.Minute || f.Interval > 24*time.Hour || f.Interval%time.Minute != 0:
		return fmt.Errorf("%w: interval %v is not a whole number of minutes up to a day", ErrForecast, f.Interval)
	case len(f.Demand) == 0:
		return ErrEmpty
	case len(f.Demand) > forecast.MaxIntervals:
		return fmt.Errorf("%w: %d intervals, more than %d", ErrForecast, len(f.Demand), forecast.MaxIntervals)
	case s.AHT < 0:
		return fmt.Errorf("%w: %v", ErrAHT, s.AHT)
	}
	for i, d := range f.Demand {
		if !(d.Contacts >= 0) || math.IsInf(d.Contacts, 1) {
			return fmt.Errorf("%w: interval %d has %v contacts", ErrForecast, i, d.Contacts)
		}
		if d.AHTSeconds != nil && !(*d.AHTSeconds >= 0 && *d.AHTSeconds < 1e9) {
			return fmt.Errorf("%w: interval %d has an AHT of %v s", ErrAHT, i, *d.AHTSeconds)
		}
		if i > 0 {
			gap := d.Start.Sub(f.Demand[i-1].Start)
			if gap < f.Interval || gap%f.Interval != 0 {
				return fmt.Errorf("%w: interval %d starts %v after the one before, not a positive multiple of %v", ErrForecast, i, gap, f.Interval)
			}
		}
	}
	if err := checkTargets(s.Targets, s.Patience); err != nil {
		return err
	}
	if err := s.Contract.check(); err != nil {
		return err
	}
	return s.Cost.check()
}

// summary accumulates the figures of intervals.
type summary struct {
	micro                    money.Sum // contacts as priced
	n                        float64   // contacts
	sl, ab, answered, asaSum float64   // Σ c·SL, Σ c·ab, Σ answered, Σ answered·ASA
	busy, staffed            float64   // Σ occ·agents, Σ agents
	minutes, fracMinutes     float64   // Σ positions × interval
	cost                     money.Sum
	peakAgents, peakPos      int
	unstable                 int
}

func (s *summary) add(iv *Interval, minutes float64, pr *pricing) {
	s.addContacts(iv.Contacts)
	if iv.ServiceLevelPct != nil {
		s.addMetrics(iv.Contacts, iv.Agents, *iv.ServiceLevelPct/100, *iv.ASASeconds, *iv.AbandonmentPct/100, *iv.OccupancyPct/100)
	}
	s.addPositions(iv.Agents, iv.Positions, iv.PositionsFractional, minutes)
	pr.add(&s.cost, iv.Positions, iv.Contacts)
}

func (s *summary) addContacts(c float64) {
	s.n += c
	if u, ok := micro(c); ok {
		s.micro.AddUnits(u, -ContactPlaces)
	} else {
		s.micro.Add(contactsDecimal(c))
	}
}

func (s *summary) addPositions(agents, positions int, fractional, minutes float64) {
	s.minutes += float64(positions) * minutes
	s.fracMinutes += fractional * minutes
	s.peakAgents, s.peakPos = max(s.peakAgents, agents), max(s.peakPos, positions)
}

func (s *summary) addMetrics(contacts float64, agents int, sl, asa, ab, occ float64) {
	s.sl += contacts * sl
	s.ab += contacts * ab
	answered := contacts * (1 - ab)
	s.answered += answered
	s.asaSum += answered * asa
	s.busy += occ * float64(agents)
	s.staffed += float64(agents)
}

func ratio(num, den float64) *float64 {
	if !(den > 0) {
		return nil
	}
	v := num / den
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func pct(num, den float64) *float64 {
	v := ratio(num, den)
	if v != nil {
		*v *= 100
	}
	return v
}

func (s *summary) figures() Figures {
	f := Figures{Contacts: s.n, CostAmount: s.cost.Value()}
	if s.unstable == 0 {
		f.ServiceLevelPct = pct(s.sl, s.n)
		f.AbandonmentPct = pct(s.ab, s.n)
		f.ASASeconds = ratio(s.asaSum, s.answered)
		f.OccupancyPct = pct(s.busy, s.staffed)
	}
	f.CostPerContactAmount = perContact(f.CostAmount, s.micro)
	return f
}

// period returns the summary as a Period whose contract hours are
// `contract` minutes.
func (s *summary) period(first, n int, contract float64) Period {
	p := Period{Figures: s.figures(), PeakAgents: s.peakAgents, PeakPositions: s.peakPos, First: first, Intervals: n}
	if contract > 0 {
		p.FTE, p.FTEFractional = ratio(s.minutes, contract), ratio(s.fracMinutes, contract)
	}
	return p
}

// summarise computes the days, weeks and total.
func (p *Plan) summarise() {
	minutes := p.Interval.Minutes()
	weekly := p.Staffing.Contract.Weekly.Minutes()
	daily := weekly / float64(p.Staffing.Contract.days())
	p.Days, p.Weeks = nil, nil
	var total, day, week summary
	dayFirst, weekFirst, days := 0, 0, 0
	var date, from forecast.Date
	var year, wk int
	flushDay := func(end int) {
		p.Days = append(p.Days, Day{Date: date, Period: day.period(dayFirst, end-dayFirst, daily)})
	}
	flushWeek := func(end int) {
		p.Weeks = append(p.Weeks, Week{Year: year, Week: wk, From: from, To: date, Period: week.period(weekFirst, end-weekFirst, weekly)})
	}
	for i := range p.Intervals {
		iv := &p.Intervals[i]
		t := iv.Start.In(p.Location)
		if d := forecast.DateOf(t); i == 0 || d != date {
			y, w := t.ISOWeek()
			if i > 0 {
				flushDay(i)
				if y != year || w != wk {
					flushWeek(i)
				}
			}
			if i == 0 || y != year || w != wk {
				week, weekFirst, year, wk, from = summary{}, i, y, w, d
			}
			day, dayFirst, date = summary{}, i, d
			days++
		}
		day.add(iv, minutes, &p.pricing)
		week.add(iv, minutes, &p.pricing)
		total.add(iv, minutes, &p.pricing)
	}
	flushDay(len(p.Intervals))
	flushWeek(len(p.Intervals))
	p.Total = total.period(0, len(p.Intervals), weekly*float64(days)/7)
}

// Peak returns the interval needing the most agents (the first of
// equals).
func (p *Plan) Peak() Interval {
	best := 0
	for i := range p.Intervals {
		if p.Intervals[i].Agents > p.Intervals[best].Agents {
			best = i
		}
	}
	return p.Intervals[best]
}

// Span returns the plan of intervals [from, to) as a plan of its own,
// with its days, weeks and total, or ErrRange.
func (p *Plan) Span(from, to int) (*Plan, error) {
	if from < 0 || to > len(p.Intervals) || from >= to {
		return nil, fmt.Errorf("%w: intervals [%d, %d) of %d", ErrRange, from, to, len(p.Intervals))
	}
	q := *p
	q.Intervals = p.Intervals[from:to:to]
	q.summarise()
	return &q, nil
}

// MarshalJSON writes the plan with its time zone's name and interval in
// seconds.
func (p *Plan) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Zone      string     `json:"time_zone"`
		Interval  float64    `json:"interval_seconds"`
		Intervals []Interval `json:"intervals"`
		Days      []Day      `json:"days"`
		Weeks     []Week     `json:"weeks"`
		Total     Period     `json:"total"`
	}{p.Location.String(), p.Interval.Seconds(), p.Intervals, p.Days, p.Weeks, p.Total})
}

// String returns the plan day by day, e.g. "2026-03-02 Mon  1234.5
// contacts, peak 14 agents (20 positions), 21.3 FTE (20.1 unrounded),
// SL 86.2%, cost 4567.80 (3.70 per contact)", and the total.
func (p *Plan) String() string {
	var b strings.Builder
	for _, d := range p.Days {
		fmt.Fprintf(&b, "%v %s %s\n", d.Date, d.Date.Weekday().String()[:3], d.Period)
	}
	fmt.Fprintf(&b, "total %s\n", p.Total)
	return b.String()
}

// String returns the period on one line.
func (p Period) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%8.1f contacts, peak %d agents (%d positions)", p.Contacts, p.PeakAgents, p.PeakPositions)
	if p.FTE != nil {
		fmt.Fprintf(&b, ", %.1f FTE (%.1f unrounded)", *p.FTE, *p.FTEFractional)
	}
	b.WriteString(", ")
	b.WriteString(p.Figures.String())
	return b.String()
}

// String returns the figures on one line: "SL 86.2%, ASA 12.3s,
// abandonment 0.0%, occupancy 78.1%, cost 4567.80 (3.70 per contact)".
func (f Figures) String() string {
	num := func(p *float64, unit string) string {
		if p == nil {
			return "n/a"
		}
		return fmt.Sprintf("%.1f%s", *p, unit)
	}
	per := "n/a"
	if f.CostPerContactAmount != nil {
		per = f.CostPerContactAmount.StringFixed(2)
	}
	return fmt.Sprintf("SL %s, ASA %s, abandonment %s, occupancy %s, cost %s (%s per contact)",
		num(f.ServiceLevelPct, "%"), num(f.ASASeconds, "s"), num(f.AbandonmentPct, "%"), num(f.OccupancyPct, "%"),
		f.CostAmount.StringFixed(2), per)
}
