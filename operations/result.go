package operations

import (
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/shopspring/decimal"
)

// Thresholds are the answer times a Result reports service levels at.
type Thresholds struct {
	// Answer is the live-queue service-level threshold (20 s in "80/20").
	Answer time.Duration `json:"answer"`
	// Response is the asynchronous response-time threshold (24 h).
	Response time.Duration `json:"response"`
}

// DefaultThresholds are 20 s for live queues and 24 h for asynchronous
// channels.
var DefaultThresholds = Thresholds{Answer: 20 * time.Second, Response: 24 * time.Hour}

// Result is the reporting view of a Tally. Rates are fractions in [0, 1]
// (String prints them as percentages) and times are in seconds; a figure
// whose denominator is empty is nil (JSON null, "n/a" in String), never 0.
type Result struct {
	Contacts       uint64     `json:"contacts"`
	Incoming       uint64     `json:"incoming"`
	CallsReceived  uint64     `json:"calls_received"`
	TicketsCreated uint64     `json:"tickets_created"`
	Presented      uint64     `json:"presented"`
	Answered       uint64     `json:"answered"`
	Abandoned      uint64     `json:"abandoned"`
	Thresholds     Thresholds `json:"thresholds"`

	Reachability   *float64 `json:"reachability"`
	ServiceLevel   *float64 `json:"service_level"`
	ASA            *float64 `json:"asa_seconds"`
	Wait90         *float64 `json:"wait_p90_seconds"`
	Abandonment    *float64 `json:"abandonment"`
	ResponseWithin *float64 `json:"response_within"`
	AHT            *float64 `json:"aht_seconds"`
	FCR            *float64 `json:"fcr"`
	Resolution     *float64 `json:"resolution"`
	ComplaintRate  *float64 `json:"complaint_rate"`
	Deflection     *float64 `json:"deflection"`
	HighValue      *float64 `json:"high_value_share"`

	Cost              decimal.Decimal  `json:"cost"`
	CostPerContact    *decimal.Decimal `json:"cost_per_contact"`
	CostPerResolution *decimal.Decimal `json:"cost_per_resolution"`
}

func ptr[T any](v T, ok bool) *T {
	if !ok {
		return nil
	}
	return &v
}

func seconds(d time.Duration, ok bool) *float64 { return ptr(d.Seconds(), ok) }

// Result summarises the tally with service levels at the given thresholds.
func (t *Tally) Result(th Thresholds) Result {
	r := Result{
		Contacts:       t.n,
		Incoming:       t.Incoming(),
		CallsReceived:  t.CallsReceived(),
		TicketsCreated: t.TicketsCreated(),
		Presented:      t.Presented(),
		Answered:       t.Answered(),
		Abandoned:      t.Abandoned(),
		Thresholds:     th,
		Cost:           t.Cost(),
	}
	r.Reachability = ptr(t.Reachability())
	r.ServiceLevel = ptr(t.ServiceLevel(th.Answer))
	r.ASA = seconds(t.ASA())
	r.Wait90 = seconds(t.WaitQuantile(0.9))
	r.Abandonment = ptr(t.Abandonment())
	r.ResponseWithin = ptr(t.ResponseWithin(th.Response))
	r.AHT = seconds(t.AHT())
	r.FCR = ptr(t.FCR())
	r.Resolution = ptr(t.ResolutionRate())
	r.ComplaintRate = ptr(t.ComplaintRate())
	r.Deflection = ptr(t.Deflection())
	r.HighValue = ptr(t.HighValueShare())
	r.CostPerContact = ptr(t.CostPerContact())
	r.CostPerResolution = ptr(t.CostPerResolution())
	return r
}

// String returns a one-line summary, e.g. "contacts 12 (incoming 11,
// calls 8, tickets 3), reachability 80.0%, SL 62.5% in 20s, ASA 14.3s,
// …", with "n/a" for undefined figures and costs to the cent.
func (r Result) String() string {
	pct := func(p *float64) string {
		if p == nil {
			return "n/a"
		}
		return fmt.Sprintf("%.1f%%", 100**p)
	}
	sec := func(p *float64) string {
		if p == nil {
			return "n/a"
		}
		return fmt.Sprintf("%.1fs", *p)
	}
	money := func(d *decimal.Decimal) string {
		if d == nil {
			return "n/a"
		}
		return d.StringFixed(2)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "contacts %d (incoming %d, calls %d, tickets %d), reachability %s, SL %s in %v, ASA %s, P90 wait %s, abandonment %s, ",
		r.Contacts, r.Incoming, r.CallsReceived, r.TicketsCreated, pct(r.Reachability), pct(r.ServiceLevel), r.Thresholds.Answer,
		sec(r.ASA), sec(r.Wait90), pct(r.Abandonment))
	fmt.Fprintf(&b, "response in %v %s, AHT %s, FCR %s, resolution %s, complaints %s, deflection %s, high value %s, cost %s (%s per contact, %s per resolution)",
		r.Thresholds.Response, pct(r.ResponseWithin), sec(r.AHT), pct(r.FCR), pct(r.Resolution), pct(r.ComplaintRate),
		pct(r.Deflection), pct(r.HighValue), r.Cost.StringFixed(2), money(r.CostPerContact), money(r.CostPerResolution))
	return b.String()
}

// Of tallies the contacts and summarises them at DefaultThresholds (20 s,
// 24 h). FCR comes from the contacts' FCR statuses (see MarkFCR). The
// first invalid contact stops it with an error naming its position and ID.
func Of(contacts iter.Seq[Contact]) (Result, error) {
	var t Tally
	i := 0
	for c := range contacts {
		if err := t.Add(c); err != nil {
			return Result{}, fmt.Errorf("record %d: %w", i, err)
		}
		i++
	}
	return t.Result(DefaultThresholds), nil
}

// TallyBy tallies contacts in groups chosen by key: a channel
// (func(c Contact) Channel { return c.Channel }), a queue, an agent, a day
// or month of arrival (mind the time zone), or any combination in a struct
// key. The first invalid contact stops it with an error naming its
// position and ID.
func TallyBy[K comparable](contacts iter.Seq[Contact], key func(Contact) K) (map[K]*Tally, error) {
	return group.By(contacts, "record", key, func() *Tally { return new(Tally) }, (*Tally).Add)
}
