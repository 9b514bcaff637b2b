package ticket

import (
	"fmt"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/histogram"
	"github.com/rapportkit/rapport/internal/unit"
)

// Result is the reporting view of a Tally. Undefined figures are nil
// (null in JSON): the business times without a calendar, a rate of no
// tickets, a breach rate without a target.
type Result struct {
	N       uint64 `json:"n"`
	Replied uint64 `json:"replied"`
	Solved  uint64 `json:"solved"`

	FirstReply Times `json:"first_reply"`
	Resolution Times `json:"resolution"`
	// The business-hours times; without a calendar their n is 0 and
	// their figures are null.
	BusinessFirstReply Times `json:"business_first_reply"`
	BusinessResolution Times `json:"business_resolution"`

	OneTouchPct *float64 `json:"one_touch_pct"`
	ReopenPct   *float64 `json:"reopen_pct"`

	// SLA has a row per priority with a target, in priority order.
	SLA []SLA `json:"sla"`
}

// Times summarises one measure: the tickets measured, the exact mean
// and the 50th, 90th and 95th percentiles (see Tally.Percentile).
type Times struct {
	N           uint64   `json:"n"`
	MeanSeconds *float64 `json:"mean_seconds"`
	P50Seconds  *float64 `json:"p50_seconds"`
	P90Seconds  *float64 `json:"p90_seconds"`
	P95Seconds  *float64 `json:"p95_seconds"`
}

// SLA is the service level of one priority against its target.
type SLA struct {
	Priority string `json:"priority"`
	Business bool   `json:"business"` // the targets are in business hours
	Tickets  uint64 `json:"tickets"`

	FirstReplyTargetSeconds *float64 `json:"first_reply_target_seconds"`
	Replied                 uint64   `json:"replied"`
	FirstReplyBreached      uint64   `json:"first_reply_breached"`
	FirstReplyBreachPct     *float64 `json:"first_reply_breach_pct"`

	ResolutionTargetSeconds *float64 `json:"resolution_target_seconds"`
	Solved                  uint64   `json:"solved"`
	ResolutionBreached      uint64   `json:"resolution_breached"`
	ResolutionBreachPct     *float64 `json:"resolution_breach_pct"`
}

func (t *Tally) times(m Measure) Times {
	if h := t.durations(m); h != nil {
		return timesOf(h)
	}
	return Times{}
}

// timesOf summarises a histogram.
func timesOf(h *histogram.Durations) Times {
	mean, ok := h.Mean()
	r := Times{N: h.N(), MeanSeconds: unit.Seconds(mean, ok)}
	for _, q := range [...]struct {
		p   float64
		dst **float64
	}{{0.5, &r.P50Seconds}, {0.9, &r.P90Seconds}, {0.95, &r.P95Seconds}} {
		*q.dst = unit.Seconds(h.Quantile(q.p, binUnit))
	}
	return r
}

func targetSeconds(d time.Duration) *float64 { return unit.Seconds(d, d > 0) }

// Result returns the reporting view. It never fails; the error is the
// contract's, for Results that take arguments.
func (t *Tally) Result() (Result, error) {
	r := Result{
		N: t.n, Replied: t.Replied(), Solved: t.Solved(),
		FirstReply:         t.times(FirstReplyTime),
		Resolution:         t.times(ResolutionTime),
		BusinessFirstReply: t.times(BusinessFirstReplyTime),
		BusinessResolution: t.times(BusinessResolutionTime),
		OneTouchPct:        unit.Pct(t.OneTouch()),
		ReopenPct:          unit.Pct(t.ReopenRate()),
		SLA:                []SLA{},
	}
	for _, g := range t.targets {
		r.SLA = append(r.SLA, SLA{
			Priority: g.priority, Business: g.Business, Tickets: g.tickets,
			FirstReplyTargetSeconds: targetSeconds(g.FirstReply), Replied: g.replied, FirstReplyBreached: g.replyBreached,
			FirstReplyBreachPct:     unit.Pct(t.ReplyBreachRate(g.priority)),
			ResolutionTargetSeconds: targetSeconds(g.Resolution), Solved: g.solved, ResolutionBreached: g.resolutionBreached,
			ResolutionBreachPct: unit.Pct(t.ResolutionBreachRate(g.priority)),
		})
	}
	return r, nil
}

func seconds(p *float64) string {
	if p == nil {
		return "–"
	}
	return (time.Duration(*p * float64(time.Second))).Round(time.Second).String()
}

func pct(p *float64) string {
	if p == nil {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", *p)
}

func (m Times) String() string {
	return fmt.Sprintf("n=%d mean %s p50 %s p90 %s p95 %s", m.N, seconds(m.MeanSeconds),
		seconds(m.P50Seconds), seconds(m.P90Seconds), seconds(m.P95Seconds))
}

// String returns the result for people, a line a figure.
func (r Result) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "tickets %d, replied %d, solved %d\n", r.N, r.Replied, r.Solved)
	fmt.Fprintf(&b, "first reply: %v\nresolution: %v\n", r.FirstReply, r.Resolution)
	if r.BusinessFirstReply.N+r.BusinessResolution.N > 0 {
		fmt.Fprintf(&b, "first reply (business hours): %v\nresolution (business hours): %v\n", r.BusinessFirstReply, r.BusinessResolution)
	}
	fmt.Fprintf(&b, "one-touch %s, reopened %s", pct(r.OneTouchPct), pct(r.ReopenPct))
	for _, s := range r.SLA {
		fmt.Fprintf(&b, "\nSLA %q: first reply %s, resolution %s", s.Priority,
			breaches(s.FirstReplyTargetSeconds, s.FirstReplyBreached, s.Replied, s.FirstReplyBreachPct),
			breaches(s.ResolutionTargetSeconds, s.ResolutionBreached, s.Solved, s.ResolutionBreachPct))
	}
	return b.String()
}

// breaches says how many of n tickets breached a target, or that there is
// no target.
func breaches(target *float64, breached, n uint64, p *float64) string {
	if target == nil {
		return "no target"
	}
	return fmt.Sprintf("breached %d of %d (%s)", breached, n, pct(p))
}
