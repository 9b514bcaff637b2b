// Command gen writes the report's embedded sample dataset: a fictional
// company's customers, transactions, contact-centre contacts and survey
// responses over the twelve months of 2025. Everything comes from one
// seeded generator, so the files are the same on every run:
//
//	go run ./examples/report/gen -out examples/report/data
//
// The column formats are those the report reads from users' files; see the
// report's package documentation.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

var (
	from  = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	until = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
)

func main() {
	out := flag.String("out", "examples/report/data", "directory to write the CSV files to")
	seed := flag.Uint64("seed", 2025, "generator seed")
	flag.Parse()
	if err := run(*out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string, seed uint64) error {
	g := generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	g.customers()
	g.transactions()
	g.contacts()
	g.surveys()
	for name, rows := range map[string][][]string{
		"customers.csv":    g.customerRows,
		"transactions.csv": g.transactionRows,
		"contacts.csv":     g.contactRows,
		"surveys.csv":      g.surveyRows,
	} {
		if err := write(filepath.Join(out, name), rows); err != nil {
			return err
		}
	}
	return nil
}

func write(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

type customer struct {
	id            string
	start, end    time.Time   // end zero while active
	contractEnd   time.Time   // the end of the current term
	renewals      []time.Time // the term ends at which the customer renewed
	contractYears int         // the length of a term
	contract      bool        // false: no contract end nor renewals in the file
	segment       string
	satisfaction  float64 // latent, 0 (unhappy) … 1 (delighted)
	spend         float64 // mean basket in euros
	rate          float64 // purchases per month
}

type generator struct {
	rng             *rand.Rand
	people          []customer
	customerRows    [][]string
	transactionRows [][]string
	contactRows     [][]string
	surveyRows      [][]string
	contactsOf      map[string][]contactEvent
}

type contactEvent struct {
	at      time.Time
	channel string
	id      string
}

// day returns a random instant within the given day, in office hours.
func (g *generator) officeTime(day time.Time) time.Time {
	minutes := 8*60 + g.rng.IntN(10*60) // 08:00–18:00
	return day.Add(time.Duration(minutes)*time.Minute + time.Duration(g.rng.IntN(60))*time.Second)
}

func (g *generator) randomDay(lo, hi time.Time) time.Time {
	days := int(hi.Sub(lo).Hours() / 24)
	return lo.AddDate(0, 0, g.rng.IntN(days))
}

// segments: consumers pay as they go, without a contract, so the customers
// file gives them no contract end and no renewals; they still tend to leave
// around the anniversary of their sign-up, when their yearly card expires.
// Business and premium customers sign two-year contracts.
var segments = []struct {
	name          string
	share         float64
	spend, rate   float64
	contractYears int
	contract      bool
}{
	{"consumer", 0.70, 45, 1.2, 1, false},
	{"business", 0.22, 180, 0.8, 2, true},
	{"premium", 0.08, 420, 1.6, 2, true},
}

func (g *generator) customers() {
	g.customerRows = [][]string{{"id", "start", "end", "contract_end", "segment", "renewals"}}
	const existing, acquired = 1100, 520
	for i := range existing + acquired {
		c := customer{id: fmt.Sprintf("C%05d", i+1)}
		if i < existing {
			c.start = g.randomDay(from.AddDate(-3, 0, 0), from)
		} else {
			c.start = g.randomDay(from, until)
		}
		r := g.rng.Float64()
		for _, s := range segments {
			if r -= s.share; r < 0 || s.name == "premium" {
				c.segment = s.name
				c.spend = s.spend * math.Exp(g.rng.NormFloat64()*0.35)
				c.rate = s.rate * math.Exp(g.rng.NormFloat64()*0.5)
				// Contracts renew yearly (or every two years) from the start date.
				c.contractYears, c.contract = s.contractYears, s.contract
				c.contractEnd = c.start
				for !c.contractEnd.After(from) {
					c.contractEnd = c.contractEnd.AddDate(s.contractYears, 0, 0)
				}
				break
			}
		}
		c.satisfaction = math.Min(1, math.Max(0, 0.62+0.22*g.rng.NormFloat64()))
		// Unhappy customers leave, mostly at their renewal date.
		monthly := 0.004 + 0.05*math.Pow(1-c.satisfaction, 2)
		atRenewal := false
		for m := c.start; m.Before(until); m = m.AddDate(0, 1, 0) {
			if m.Before(from) {
				continue
			}
			hazard := monthly
			if m.Year() == c.contractEnd.Year() && m.Month() == c.contractEnd.Month() {
				hazard *= 5
			}
			if end := m.AddDate(0, 0, g.rng.IntN(28)); g.rng.Float64() < hazard && end.Before(until) {
				c.end = end
				// Left in the month of the term end: did not renew it.
				atRenewal = m.Year() == c.contractEnd.Year() && m.Month() == c.contractEnd.Month()
				break
			}
		}
		// Every term that ended before the customer left (or before the
		// data ends) was renewed; the current term is the one after.
		c.contractEnd = c.start.AddDate(c.contractYears, 0, 0)
		limit := until
		if !c.end.IsZero() {
			limit = c.end
		}
		for c.contractEnd.Before(limit) && !(atRenewal && c.contractEnd.Year() == c.end.Year() && c.contractEnd.Month() == c.end.Month()) {
			c.renewals = append(c.renewals, c.contractEnd)
			c.contractEnd = c.contractEnd.AddDate(c.contractYears, 0, 0)
		}
		g.people = append(g.people, c)
		end := ""
		if !c.end.IsZero() {
			end = c.end.Format(time.DateOnly)
		}
		var contractEnd string
		var renewals []string
		if c.contract {
			contractEnd = c.contractEnd.Format(time.DateOnly)
			for _, r := range c.renewals {
				renewals = append(renewals, r.Format(time.DateOnly))
			}
		}
		g.customerRows = append(g.customerRows, []string{c.id, c.start.Format(time.DateOnly), end, contractEnd, c.segment, strings.Join(renewals, ";")})
	}
}

// active reports whether c is a customer at t.
func (c customer) active(t time.Time) bool {
	return !t.Before(c.start) && (c.end.IsZero() || t.Before(c.end))
}

func (g *generator) transactions() {
	g.transactionRows = [][]string{{"customer_id", "at", "amount"}}
	var rows [][]string
	for _, c := range g.people {
		for day := from; day.Before(until); day = day.AddDate(0, 0, 1) {
			if !c.active(day) {
				continue
			}
			// Satisfied customers buy more often.
			if g.rng.Float64() < c.rate*(0.6+0.8*c.satisfaction)/30 {
				amount := c.spend * math.Exp(g.rng.NormFloat64()*0.45)
				if g.rng.Float64() < 0.015 { // an occasional refund
					amount = -amount / 2
				}
				rows = append(rows, []string{c.id, g.officeTime(day).Format(time.RFC3339), strconv.FormatFloat(math.Round(amount*100)/100, 'f', 2, 64)})
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b []string) int { return compareStrings(a[1], b[1]) })
	g.transactionRows = append(g.transactionRows, rows...)
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// channels: name, share of contacts, synchronous, cost per contact in euros.
var channels = []struct {
	name  string
	share float64
	sync  bool
	self  bool
	cost  float64
}{
	{"phone", 0.38, true, false, 7.50},
	{"chat", 0.12, true, false, 3.20},
	{"email", 0.14, false, false, 4.10},
	{"letter", 0.02, false, false, 9.80},
	{"form", 0.05, false, false, 3.60},
	{"callback", 0.04, true, false, 6.90},
	{"chatbot", 0.10, true, true, 0.25},
	{"faq", 0.06, false, true, 0.05},
	{"messaging", 0.05, false, false, 2.40},
	{"social", 0.02, false, false, 3.00},
	{"sms", 0.02, false, false, 0.90},
}

var reasons = []string{"billing", "delivery", "technical", "contract", "information", "complaint"}

func (g *generator) contacts() {
	g.contactRows = [][]string{{"id", "customer_id", "reason", "channel", "direction", "arrived", "answered", "ended", "talk", "hold", "wrap", "outcome", "resolved", "complaint", "value_added", "cost"}}
	g.contactsOf = map[string][]contactEvent{}
	var rows [][]string
	n := 0
	for _, c := range g.people {
		// Unhappy customers call more.
		perMonth := 0.35 + 0.9*(1-c.satisfaction)
		for day := from; day.Before(until); day = day.AddDate(0, 0, 1) {
			if !c.active(day) || g.rng.Float64() >= perMonth/30 {
				continue
			}
			n++
			rows = append(rows, g.contact(c, day, n))
		}
	}
	slices.SortStableFunc(rows, func(a, b []string) int { return compareStrings(a[5], b[5]) })
	g.contactRows = append(g.contactRows, rows...)
}

func (g *generator) contact(c customer, day time.Time, n int) []string {
	r := g.rng.Float64()
	ch := channels[len(channels)-1]
	for _, x := range channels {
		if r -= x.share; r < 0 {
			ch = x
			break
		}
	}
	reason := reasons[g.rng.IntN(len(reasons)-1)]
	complaint := g.rng.Float64() < 0.02+0.08*(1-c.satisfaction)
	if complaint {
		reason = "complaint"
	}
	direction := "inbound"
	if ch.name == "callback" || (ch.name == "phone" && g.rng.Float64() < 0.08) {
		direction = "outbound"
	}
	arrived := g.officeTime(day)
	id := fmt.Sprintf("K%06d", n)
	var answered, ended time.Time
	var talk, hold, wrap float64
	outcome := "answered"
	resolved := g.rng.Float64() < 0.55+0.35*c.satisfaction
	valueAdded := "low"
	if reason == "technical" || reason == "contract" || complaint {
		valueAdded = "high"
	}
	switch {
	case ch.self:
		// Self-service: resolved without an agent, or handed over.
		if g.rng.Float64() < 0.62 {
			outcome = "deflected"
		} else {
			outcome = "abandoned"
			resolved = false
		}
		ended = arrived.Add(time.Duration(30+g.rng.IntN(240)) * time.Second)
	case ch.sync:
		// Queue wait, exponential with a busier Monday; patience exponential too.
		meanWait := 35.0
		if arrived.Weekday() == time.Monday {
			meanWait = 70
		}
		if direction == "outbound" && g.rng.Float64() < 0.22 {
			outcome = "unreached"
			resolved = false
			ended = arrived.Add(time.Duration(20+g.rng.IntN(25)) * time.Second)
			break
		}
		wait := g.rng.ExpFloat64() * meanWait
		if direction == "outbound" {
			wait = 0
		}
		if patience := g.rng.ExpFloat64() * 180; wait > patience {
			outcome = "abandoned"
			resolved = false
			ended = arrived.Add(time.Duration(patience * float64(time.Second)))
			break
		}
		if g.rng.Float64() < 0.015 {
			outcome = "busy"
			resolved = false
			ended = arrived
			break
		}
		answered = arrived.Add(time.Duration(wait * float64(time.Second)))
		talk = 60 + g.rng.ExpFloat64()*200
		if ch.name == "chat" {
			talk *= 1.6
		}
		hold = 0
		if g.rng.Float64() < 0.3 {
			hold = g.rng.ExpFloat64() * 45
		}
		wrap = 15 + g.rng.ExpFloat64()*40
		ended = answered.Add(time.Duration((talk + hold) * float64(time.Second)))
	default:
		// Asynchronous: answered hours later, mostly within a day.
		hours := g.rng.ExpFloat64() * 14
		if ch.name == "letter" {
			hours = 24 + g.rng.ExpFloat64()*72
		}
		answered = arrived.Add(time.Duration(hours * float64(time.Hour)))
		talk = 120 + g.rng.ExpFloat64()*300
		wrap = 20 + g.rng.ExpFloat64()*30
		ended = answered.Add(time.Duration(talk * float64(time.Second)))
	}
	cost := ch.cost
	if outcome != "answered" && !ch.self {
		cost *= 0.3
	}
	g.contactsOf[c.id] = append(g.contactsOf[c.id], contactEvent{at: arrived, channel: ch.name, id: id})
	return []string{
		id, c.id, reason, ch.name, direction,
		arrived.Format(time.RFC3339), stamp(answered), stamp(ended),
		seconds(talk), seconds(hold), seconds(wrap),
		outcome, strconv.FormatBool(resolved), strconv.FormatBool(complaint), valueAdded,
		strconv.FormatFloat(math.Round(cost*100)/100, 'f', 2, 64),
	}
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func seconds(s float64) string { return strconv.Itoa(int(math.Round(s))) }

// surveys writes post-contact surveys (NPS, CSAT 1–5, CES 1–7 ease) for
// about a third of contacts, and a relationship NPS wave each quarter.
func (g *generator) surveys() {
	g.surveyRows = [][]string{{"id", "customer_id", "at", "channel", "contact_id", "nps", "csat", "ces"}}
	var rows [][]string
	n := 0
	likert := func(mean float64, lo, hi int) string {
		v := int(math.Round(mean + g.rng.NormFloat64()*0.9))
		return strconv.Itoa(min(hi, max(lo, v)))
	}
	for _, c := range g.people {
		for _, e := range g.contactsOf[c.id] {
			if g.rng.Float64() > 0.33 {
				continue
			}
			n++
			s := c.satisfaction
			ease := map[string]float64{"chatbot": -0.6, "faq": -0.3, "phone": -0.4, "letter": -1.2, "chat": 0.5, "messaging": 0.6, "email": -0.2}[e.channel]
			rows = append(rows, []string{
				fmt.Sprintf("S%06d", n), c.id, e.at.Add(2 * time.Hour).Format(time.RFC3339), e.channel, e.id,
				likert(3+8*s-0.5, 0, 10), likert(1.2+4*s, 1, 5), likert(2.5+4*s+ease, 1, 7),
			})
		}
		for q := range 4 {
			wave := from.AddDate(0, 3*q+1, 14)
			if !c.active(wave) || g.rng.Float64() > 0.25 {
				continue
			}
			n++
			rows = append(rows, []string{
				fmt.Sprintf("S%06d", n), c.id, g.officeTime(wave).Format(time.RFC3339), "email", "",
				likert(2.5+8*c.satisfaction, 0, 10), "", "",
			})
		}
	}
	slices.SortStableFunc(rows, func(a, b []string) int { return compareStrings(a[2], b[2]) })
	g.surveyRows = append(g.surveyRows, rows...)
}
