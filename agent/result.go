package agent

import (
	"fmt"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/unit"
)

// Result is the reporting view of a Tally. Every figure carries its unit
// in its name and JSON key: seconds (Seconds, _seconds), percentages
// 0–100 (Pct, _pct), contacts per hour (_count) and FTE (_ratio). A
// figure that is undefined — a share of no time, an AHT without contact
// counts — is nil, null in JSON.
type Result struct {
	// N is the number of intervals; Agents the number of agents.
	N      uint64 `json:"n"`
	Agents int    `json:"agents"`
	// The time in each state, and the logged-in time (every state but
	// Absence and Offline), in seconds.
	AvailableSeconds        float64 `json:"available_seconds"`
	OnContactSeconds        float64 `json:"on_contact_seconds"`
	AfterContactWorkSeconds float64 `json:"after_contact_work_seconds"`
	BreakSeconds            float64 `json:"break_seconds"`
	TrainingSeconds         float64 `json:"training_seconds"`
	MeetingSeconds          float64 `json:"meeting_seconds"`
	AbsenceSeconds          float64 `json:"absence_seconds"`
	OfflineSeconds          float64 `json:"offline_seconds"`
	LoggedInSeconds         float64 `json:"logged_in_seconds"`
	// OccupancyPct, UtilizationPct and the shrinkages: see the methods of
	// the same names.
	OccupancyPct          *float64 `json:"occupancy_pct"`
	UtilizationPct        *float64 `json:"utilization_pct"`
	OpenSharePct          *float64 `json:"open_share_pct"`
	ShrinkagePct          *float64 `json:"shrinkage_pct"`
	PlannedShrinkagePct   *float64 `json:"planned_shrinkage_pct"`
	UnplannedShrinkagePct *float64 `json:"unplanned_shrinkage_pct"`
	// Contacts is the contacts the intervals carry (nil past 2⁶⁴−1);
	// AHTSeconds and ContactsPerHour need every OnContact interval
	// to carry its count.
	Contacts        *uint64  `json:"contacts"`
	AHTSeconds      *float64 `json:"aht_seconds"`
	ContactsPerHour *float64 `json:"contacts_per_hour"`
	// FTERatio is the logged-in time in full-time equivalents, nil when
	// Result was given no hours per FTE.
	FTERatio *float64 `json:"fte_ratio"`
	// AgentAHT is the spread of the agents' AHTs.
	AgentAHT Spread `json:"agent_aht"`
}

// Spread is the spread of the agents' AHTs, each agent weighing one (see
// Tally.AHTMean, AHTDeviation and AHTQuantile): over Agents agents, in
// seconds, nil when undefined (SD needs two agents).
type Spread struct {
	Agents      int      `json:"agents"`
	MeanSeconds *float64 `json:"mean_seconds"`
	SDSeconds   *float64 `json:"sd_seconds"`
	P10Seconds  *float64 `json:"p10_seconds"`
	P50Seconds  *float64 `json:"p50_seconds"`
	P90Seconds  *float64 `json:"p90_seconds"`
}

// seconds returns a 128-bit sum of nanoseconds in seconds.
func seconds(tot *total, keep func(State) bool) float64 {
	return tot.sum(keep).Float() / float64(time.Second)
}

// Result returns the reporting view of t. perFTE is the paid time of one
// FTE over the tally's period, for FTERatio (0 leaves it nil); a negative
// perFTE fails with ErrDuration.
func (t *Tally) Result(perFTE time.Duration) (Result, error) {
	if perFTE < 0 {
		return Result{}, fmt.Errorf("%w: Result: hours per FTE %v is negative", ErrDuration, perFTE)
	}
	tot := t.total()
	r := Result{
		N: t.n, Agents: len(t.agents),
		AvailableSeconds:        seconds(&tot, is(Available)),
		OnContactSeconds:        seconds(&tot, is(OnContact)),
		AfterContactWorkSeconds: seconds(&tot, is(AfterContactWork)),
		BreakSeconds:            seconds(&tot, is(Break)),
		TrainingSeconds:         seconds(&tot, is(Training)),
		MeetingSeconds:          seconds(&tot, is(Meeting)),
		AbsenceSeconds:          seconds(&tot, is(Absence)),
		OfflineSeconds:          seconds(&tot, is(Offline)),
		LoggedInSeconds:         seconds(&tot, isLoggedIn),
		OccupancyPct:            unit.Pct(t.Occupancy()),
		UtilizationPct:          unit.Pct(t.Utilization()),
		OpenSharePct:            unit.Pct(t.OpenShare()),
		ShrinkagePct:            unit.Pct(t.Shrinkage()),
		PlannedShrinkagePct:     unit.Pct(t.PlannedShrinkage()),
		UnplannedShrinkagePct:   unit.Pct(t.UnplannedShrinkage()),
		AHTSeconds:              unit.Seconds(t.AHT()),
		ContactsPerHour:         unit.Value(t.ContactsPerHour()),
		AgentAHT: Spread{
			Agents:      t.AgentsWithAHT(),
			MeanSeconds: unit.Seconds(t.AHTMean()),
			SDSeconds:   unit.Seconds(t.AHTDeviation()),
			P10Seconds:  unit.Seconds(t.AHTQuantile(0.1)),
			P50Seconds:  unit.Seconds(t.AHTQuantile(0.5)),
			P90Seconds:  unit.Seconds(t.AHTQuantile(0.9)),
		},
	}
	if c, ok := t.Contacts(); ok {
		r.Contacts = &c
	}
	if perFTE > 0 {
		r.FTERatio = unit.Value(t.FTE(perFTE))
	}
	return r, nil
}

// String returns the result for people, one figure a line, "–" for an
// undefined one.
func (r Result) String() string {
	var b strings.Builder
	line := func(name, value string) { fmt.Fprintf(&b, "%-26s %s\n", name, value) }
	pct := func(p *float64) string {
		if p == nil {
			return "–"
		}
		return fmt.Sprintf("%.1f %%", *p)
	}
	dur := func(s *float64) string {
		if s == nil {
			return "–"
		}
		return time.Duration(*s * float64(time.Second)).Round(time.Second).String()
	}
	hours := func(s float64) string { return fmt.Sprintf("%.2f h", s/3600) }
	line("intervals", fmt.Sprint(r.N))
	line("agents", fmt.Sprint(r.Agents))
	line("logged in", hours(r.LoggedInSeconds))
	for _, st := range []struct {
		name string
		s    float64
	}{{"available", r.AvailableSeconds}, {"on contact", r.OnContactSeconds}, {"after-contact work", r.AfterContactWorkSeconds},
		{"break", r.BreakSeconds}, {"training", r.TrainingSeconds}, {"meeting", r.MeetingSeconds},
		{"absence", r.AbsenceSeconds}, {"offline", r.OfflineSeconds}} {
		line("  "+st.name, hours(st.s))
	}
	line("occupancy", pct(r.OccupancyPct))
	line("utilization", pct(r.UtilizationPct))
	line("open share", pct(r.OpenSharePct))
	line("shrinkage", pct(r.ShrinkagePct))
	line("  planned", pct(r.PlannedShrinkagePct))
	line("  unplanned", pct(r.UnplannedShrinkagePct))
	if r.Contacts != nil {
		line("contacts", fmt.Sprint(*r.Contacts))
	}
	line("AHT", dur(r.AHTSeconds))
	if r.ContactsPerHour != nil {
		line("contacts per hour", fmt.Sprintf("%.2f", *r.ContactsPerHour))
	}
	if r.FTERatio != nil {
		line("FTE", fmt.Sprintf("%.2f", *r.FTERatio))
	}
	a := r.AgentAHT
	line("AHT over agents", fmt.Sprintf("%d agents: mean %s, sd %s, p10 %s, p50 %s, p90 %s", a.Agents,
		dur(a.MeanSeconds), dur(a.SDSeconds), dur(a.P10Seconds), dur(a.P50Seconds), dur(a.P90Seconds)))
	return b.String()
}
