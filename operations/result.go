package operations

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/unit"
	"github.com/shopspring/decimal"
)

// Thresholds are the answer times a Result reports service levels at. In
// JSON they are seconds:
// {"answer_seconds":20,"response_seconds":86400,"short_abandon_seconds":5}.
type Thresholds struct {
	// Answer is the live-queue service-level threshold (20 s in "80/20").
	Answer time.Duration
	// Response is the asynchronous response-time threshold (24 h).
	Response time.Duration
	// ShortAbandon is the short-abandon threshold of SLNoShortAbandons:
	// contacts abandoned within it are left out (5 s by default; Genesys
	// Cloud and Cisco let it be set per centre). A JSON object without the
	// key reads as 0: no short abandon.
	ShortAbandon time.Duration
}

// DefaultThresholds are 20 s for live queues, 24 h for asynchronous
// channels and 5 s for short abandons.
var DefaultThresholds = Thresholds{Answer: 20 * time.Second, Response: 24 * time.Hour, ShortAbandon: 5 * time.Second}

type thresholdsJSON struct {
	AnswerSeconds       float64 `json:"answer_seconds"`
	ResponseSeconds     float64 `json:"response_seconds"`
	ShortAbandonSeconds float64 `json:"short_abandon_seconds"`
}

// MarshalJSON writes the thresholds in seconds.
func (th Thresholds) MarshalJSON() ([]byte, error) {
	return json.Marshal(thresholdsJSON{th.Answer.Seconds(), th.Response.Seconds(), th.ShortAbandon.Seconds()})
}

// UnmarshalJSON reads thresholds in seconds, rounded to the nanosecond. A
// negative threshold, or one past 292 years, fails with ErrDuration; on
// error th is unchanged.
func (th *Thresholds) UnmarshalJSON(b []byte) error {
	var j thresholdsJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	answer, err := fromSeconds("answer_seconds", j.AnswerSeconds)
	if err != nil {
		return err
	}
	response, err := fromSeconds("response_seconds", j.ResponseSeconds)
	if err != nil {
		return err
	}
	short, err := fromSeconds("short_abandon_seconds", j.ShortAbandonSeconds)
	if err != nil {
		return err
	}
	*th = Thresholds{Answer: answer, Response: response, ShortAbandon: short}
	return nil
}

// fromSeconds returns s seconds as a Duration, or ErrDuration naming the
// key when s is negative or does not fit.
func fromSeconds(key string, s float64) (time.Duration, error) {
	ns := math.Round(s * 1e9)
	if !(ns >= 0 && ns < math.MaxInt64) {
		return 0, fmt.Errorf("%w: %s %v not in [0, 292 years)", ErrDuration, key, s)
	}
	return time.Duration(ns), nil
}

func (th Thresholds) check() error {
	switch {
	case th.Answer < 0:
		return fmt.Errorf("%w: Thresholds.Answer %v is negative", ErrDuration, th.Answer)
	case th.Response < 0:
		return fmt.Errorf("%w: Thresholds.Response %v is negative", ErrDuration, th.Response)
	case th.ShortAbandon < 0:
		return fmt.Errorf("%w: Thresholds.ShortAbandon %v is negative", ErrDuration, th.ShortAbandon)
	}
	return nil
}

// Result is the reporting view of a Tally. Every figure carries its unit
// in its name and JSON key: percentages 0–100 (Pct, _pct), seconds
// (Seconds, _seconds) and decimal amounts in the contacts' currency
// (Amount, _amount, a JSON string). A figure that is undefined — its
// denominator is empty, or a cost is unknown — is nil, JSON null and
// "n/a" in String; never 0. Counts have no suffix.
type Result struct {
	N              uint64     `json:"n"` // contacts
	Incoming       uint64     `json:"incoming"`
	CallsReceived  uint64     `json:"calls_received"`
	TicketsCreated uint64     `json:"tickets_created"`
	Presented      uint64     `json:"presented"`
	Answered       uint64     `json:"answered"`
	Abandoned      uint64     `json:"abandoned"`
	Costed         uint64     `json:"costed"` // contacts whose cost is known
	Thresholds     Thresholds `json:"thresholds"`

	ReachabilityPct   *float64 `json:"reachability_pct"`    // Reachability
	ServiceLevelPct   *float64 `json:"service_level_pct"`   // ServiceLevel(Thresholds.Answer): SLQueued
	ASASeconds        *float64 `json:"asa_seconds"`         // ASA
	WaitP90Seconds    *float64 `json:"wait_p90_seconds"`    // WaitQuantile(0.9)
	AbandonmentPct    *float64 `json:"abandonment_pct"`     // Abandonment
	ResponseWithinPct *float64 `json:"response_within_pct"` // ResponseWithin(Thresholds.Response)
	AHTSeconds        *float64 `json:"aht_seconds"`         // AHT
	FCRPct            *float64 `json:"fcr_pct"`             // FCR
	ResolutionPct     *float64 `json:"resolution_pct"`      // ResolutionRate
	ComplaintPct      *float64 `json:"complaint_pct"`       // ComplaintRate
	DeflectionPct     *float64 `json:"deflection_pct"`      // Deflection
	HighValuePct      *float64 `json:"high_value_pct"`      // HighValueShare

	CostAmount              *decimal.Decimal `json:"cost_amount"`                // Cost: every cost known
	CostPerContactAmount    *decimal.Decimal `json:"cost_per_contact_amount"`    // CostPerContact
	CostPerResolutionAmount *decimal.Decimal `json:"cost_per_resolution_amount"` // CostPerResolution

	// ServiceLevels is the service level by every definition, in the
	// order of their values, at Thresholds.Answer and, for
	// SLNoShortAbandons, Thresholds.ShortAbandon.
	ServiceLevels []ServiceLevelFigure `json:"service_levels"`
}

// ServiceLevelFigure is the service level by one definition, named:
// {"definition":"offered","service_level_pct":72.5}.
type ServiceLevelFigure struct {
	Definition      ServiceLevel `json:"definition"`
	ServiceLevelPct *float64     `json:"service_level_pct"` // ServiceLevelAs(Definition, …)
}

// serviceLevels returns the figure of every definition at th.
func (t *Tally) serviceLevels(th Thresholds) []ServiceLevelFigure {
	fs := make([]ServiceLevelFigure, numServiceLevels)
	for i := range fs {
		def := ServiceLevel(i + 1)
		fs[i] = ServiceLevelFigure{def, unit.Pct(t.ServiceLevelAs(def, th.Answer, th.ShortAbandon))}
	}
	return fs
}

// Result returns the reporting view of the tally, with service levels at
// the given thresholds. It fails only for a negative threshold
// (ErrDuration); an empty tally has N = 0 and every figure nil.
func (t *Tally) Result(th Thresholds) (Result, error) {
	if err := th.check(); err != nil {
		return Result{}, err
	}
	return Result{
		N:              t.n,
		Incoming:       t.Incoming(),
		CallsReceived:  t.CallsReceived(),
		TicketsCreated: t.TicketsCreated(),
		Presented:      t.Presented(),
		Answered:       t.Answered(),
		Abandoned:      t.Abandoned(),
		Costed:         t.costed,
		Thresholds:     th,

		ReachabilityPct:   unit.Pct(t.Reachability()),
		ServiceLevelPct:   unit.Pct(t.ServiceLevel(th.Answer)),
		ASASeconds:        unit.Seconds(t.ASA()),
		WaitP90Seconds:    unit.Seconds(t.WaitQuantile(0.9)),
		AbandonmentPct:    unit.Pct(t.Abandonment()),
		ResponseWithinPct: unit.Pct(t.ResponseWithin(th.Response)),
		AHTSeconds:        unit.Seconds(t.AHT()),
		FCRPct:            unit.Pct(t.FCR()),
		ResolutionPct:     unit.Pct(t.ResolutionRate()),
		ComplaintPct:      unit.Pct(t.ComplaintRate()),
		DeflectionPct:     unit.Pct(t.Deflection()),
		HighValuePct:      unit.Pct(t.HighValueShare()),

		CostAmount:              unit.Amount(t.Cost()),
		CostPerContactAmount:    unit.Amount(t.CostPerContact()),
		CostPerResolutionAmount: unit.Amount(t.CostPerResolution()),

		ServiceLevels: t.serviceLevels(th),
	}, nil
}

// String returns a one-line summary, e.g. "contacts 12 (incoming 11,
// calls 8, tickets 3), reachability 80.0%, SL 62.5% in 20s, ASA 14.3s, …,
// cost 34.50 (4.93 per contact, 6.90 per resolution)", with "n/a" for
// undefined figures and amounts to two places; while a cost is unknown,
// "cost n/a (known for 9 of 10 contacts)".
func (r Result) String() string {
	pct := func(p *float64) string {
		if p == nil {
			return "n/a"
		}
		return fmt.Sprintf("%.1f%%", *p)
	}
	sec := func(p *float64) string {
		if p == nil {
			return "n/a"
		}
		return fmt.Sprintf("%.1fs", *p)
	}
	amount := func(d *decimal.Decimal) string {
		if d == nil {
			return "n/a"
		}
		return d.StringFixed(2)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "contacts %d (incoming %d, calls %d, tickets %d), reachability %s, SL %s in %v, ASA %s, P90 wait %s, abandonment %s, ",
		r.N, r.Incoming, r.CallsReceived, r.TicketsCreated, pct(r.ReachabilityPct), pct(r.ServiceLevelPct), r.Thresholds.Answer,
		sec(r.ASASeconds), sec(r.WaitP90Seconds), pct(r.AbandonmentPct))
	fmt.Fprintf(&b, "response in %v %s, AHT %s, FCR %s, resolution %s, complaints %s, deflection %s, high value %s, ",
		r.Thresholds.Response, pct(r.ResponseWithinPct), sec(r.AHTSeconds), pct(r.FCRPct), pct(r.ResolutionPct), pct(r.ComplaintPct),
		pct(r.DeflectionPct), pct(r.HighValuePct))
	if r.CostAmount == nil {
		fmt.Fprintf(&b, "cost n/a (known for %d of %d contacts)", r.Costed, r.N)
	} else {
		fmt.Fprintf(&b, "cost %s (%s per contact, %s per resolution)",
			amount(r.CostAmount), amount(r.CostPerContactAmount), amount(r.CostPerResolutionAmount))
	}
	return b.String()
}
