package plan

import (
	"fmt"
	"strings"
)

// Bounds of a cost–service table.
const (
	// MaxOffset is the largest |offset| of a table row.
	MaxOffset = 100
	// MaxRows is the most rows of a table.
	MaxRows = 41
)

// Row is the plan staffed Offset agents off its requirement in every
// interval with contacts (never below 0): what the service and the cost
// become with one agent fewer or more everywhere.
type Row struct {
	Offset int `json:"offset"`
	// PeakAgents and PeakPositions are the most of any interval.
	PeakAgents    int `json:"peak_agents"`
	PeakPositions int `json:"peak_positions"`
	// FTE is as in Period, for the plan's days.
	FTE *float64 `json:"fte_ratio"`
	Figures
	// Unstable counts the intervals left with too few agents for a steady
	// state (Erlang C with agents ≤ traffic, or no agent for some
	// contacts); with any, the row's service figures are nil.
	Unstable int `json:"unstable_intervals"`
}

// Table returns the cost–service trade-off of the plan: a row for each
// offset from `from` to `to`, staffing every interval with contacts at
// its Agents + offset, with the service level, ASA, abandonment and
// occupancy that gives (weighted as in Figures), the positions at the
// shrinkage, the FTE, the cost and the cost per contact. Offset 0 is the
// plan. A plan of one interval (see Span) gives the table of one
// interval, a row per number of agents. It fails with ErrRange unless
// −MaxOffset ≤ from ≤ to ≤ MaxOffset and there are at most MaxRows rows;
// it costs one Erlang evaluation per interval and row.
func (p *Plan) Table(from, to int) ([]Row, error) {
	if from > to || from < -MaxOffset || to > MaxOffset || to-from+1 > MaxRows {
		return nil, fmt.Errorf("%w: offsets %d to %d (at most %d rows within ±%d)", ErrRange, from, to, MaxRows, MaxOffset)
	}
	minutes := p.Interval.Minutes()
	contract := p.Staffing.Contract.Weekly.Minutes() * float64(len(p.Days)) / 7
	rows := make([]Row, 0, to-from+1)
	for k := from; k <= to; k++ {
		var s summary
		for i := range p.Intervals {
			iv := &p.Intervals[i]
			s.addContacts(iv.Contacts)
			if iv.Contacts == 0 {
				p.pricing.add(&s.cost, 0, 0)
				continue
			}
			n := max(iv.Agents+k, 0)
			q := queue(iv.Contacts, p.Interval, iv.aht, p.Staffing.Patience, p.Staffing.Concurrency)
			m, ok, err := at(q, n, within(p.Staffing.Targets))
			if err != nil {
				return nil, fmt.Errorf("%w: interval %d with %d agents: %w", ErrQueue, i, n, err)
			}
			if ok {
				s.addMetrics(iv.Contacts, n, m.sl, m.asa, m.abandon, m.occ)
			} else {
				s.unstable++
			}
			pos, err := positions(n, p.Staffing.Targets)
			if err != nil {
				return nil, fmt.Errorf("%w: interval %d with %d agents: %w", ErrQueue, i, n, err)
			}
			s.addPositions(n, pos, float64(pos), minutes)
			p.pricing.add(&s.cost, pos, iv.Contacts)
		}
		r := Row{Offset: k, PeakAgents: s.peakAgents, PeakPositions: s.peakPos, Figures: s.figures(), Unstable: s.unstable}
		if contract > 0 {
			r.FTE = ratio(s.minutes, contract)
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// TableString formats table rows for people, one line each, with the
// peak agents and positions and the intervals left unstable.
func TableString(rows []Row) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%6s %6s %9s %6s %7s %8s %11s %10s %12s %11s %8s\n",
		"offset", "agents", "positions", "FTE", "SL", "ASA", "abandonment", "occupancy", "cost", "per contact", "unstable")
	num := func(p *float64, format string) string {
		if p == nil {
			return "n/a"
		}
		return fmt.Sprintf(format, *p)
	}
	for _, r := range rows {
		per := "n/a"
		if r.CostPerContactAmount != nil {
			per = r.CostPerContactAmount.StringFixed(2)
		}
		fmt.Fprintf(&b, "%+6d %6d %9d %6s %7s %8s %11s %10s %12s %11s %8d\n", r.Offset, r.PeakAgents, r.PeakPositions,
			num(r.FTE, "%.1f"), num(r.ServiceLevelPct, "%.1f%%"), num(r.ASASeconds, "%.1fs"), num(r.AbandonmentPct, "%.1f%%"),
			num(r.OccupancyPct, "%.1f%%"), r.CostAmount.StringFixed(2), per, r.Unstable)
	}
	return b.String()
}
