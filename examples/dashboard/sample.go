package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/rapportkit/rapport/churn"
	"github.com/shopspring/decimal"
)

// The sample is a seeded simulation of one year of a contact centre and
// its customers: contacts, survey answers, subscriptions, revenue. The
// same seed gives the same dashboard to the byte.

var (
	channels = []string{"voice", "chat", "e-mail"}
	year     = 2025
	asOf     = time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC)
)

// contact is one customer contact.
type contact struct {
	month    int // 0–11
	channel  int
	wait     float64 // seconds in queue (live channels)
	answered bool
	handle   float64 // seconds of talk, hold and wrap-up
	resolved bool    // no repeat contact within 7 days
}

// answer is one survey response, tied to a contact's channel.
type answer struct {
	month, channel int
	nps            int // 0–10
	csat           int // 1–5
	ces            int // 1–7, 7 the easiest
}

type sample struct {
	contacts  []contact
	answers   []answer
	customers []churn.Customer
	revenue   [2][]decimal.Decimal // per customer, last year and this year
	slots     []slotPlan
}

// slotPlan is a half-hour of one day's plan.
type slotPlan struct {
	label            string
	calls, ahtSecond float64
	staffed          float64
}

// summer dips service from June to August, as holidays thin the rota.
func summer(m int) float64 {
	if m >= 5 && m <= 7 {
		return 1
	}
	return 0
}

func simulate(seed uint64) sample {
	r := rand.New(rand.NewPCG(seed, 2025))
	var s sample
	base := []float64{4200, 2600, 1800}
	for m := range 12 {
		season := 1 + 0.12*math.Sin(2*math.Pi*float64(m)/12)
		for ch, b := range base {
			n := int(b*season + math.Sqrt(b)*r.NormFloat64())
			for range n {
				c := contact{month: m, channel: ch}
				live := ch != 2
				if live {
					// waits: exponential, longer in summer
					c.wait = r.ExpFloat64() * (14 + 9*summer(m) - 0.4*float64(m%5))
					patience := r.ExpFloat64() * 420
					c.answered = c.wait < patience
				} else {
					c.answered = true
				}
				if c.answered {
					mean := []float64{365, 520, 280}[ch] - 2*float64(m)
					c.handle = mean * math.Exp(0.45*r.NormFloat64()-0.1)
					c.resolved = r.Float64() < []float64{0.74, 0.70, 0.62}[ch]+0.004*float64(m)-0.03*summer(m)
				}
				s.contacts = append(s.contacts, c)
			}
		}
		// survey answers, about 430 a month
		for range 400 + r.IntN(60) {
			ch := r.IntN(3)
			a := answer{month: m, channel: ch}
			lift := 0.012*float64(m) - 0.05*summer(m) + []float64{0, 0.04, -0.06}[ch]
			switch u := r.Float64(); {
			case u < 0.40+lift:
				a.nps = 9 + r.IntN(2)
			case u < 0.78:
				a.nps = 7 + r.IntN(2)
			default:
				a.nps = r.IntN(7)
			}
			switch u := r.Float64(); {
			case u < 0.74+lift:
				a.csat = 4 + r.IntN(2)
			case u < 0.91:
				a.csat = 3
			default:
				a.csat = 1 + r.IntN(2)
			}
			ease := []float64{5.2, 5.8, 4.7}[ch] + 0.5*r.NormFloat64() + 4*lift
			a.ces = min(7, max(1, int(math.Round(ease+0.9*r.NormFloat64()))))
			s.answers = append(s.answers, a)
		}
	}
	// 1,600 subscribers joined since 2023; annual plans stay longer.
	first := time.Date(year-2, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 1600 {
		start := first.Add(time.Duration(r.Float64() * float64(asOf.Sub(first)-24*time.Hour)))
		start = start.Truncate(24 * time.Hour)
		annual := r.Float64() < 0.4
		scale := 420.0
		if annual {
			scale = 1100
		}
		life := scale * math.Pow(r.ExpFloat64(), 1/1.3) // Weibull, shape 1.3
		c := churn.Customer{ID: fmt.Sprintf("c%04d", i), Start: start, Segment: "monthly"}
		if annual {
			c.Segment = "annual"
		}
		if end := start.Add(time.Duration(life*24) * time.Hour); end.Before(asOf) {
			c.End = end
		}
		s.customers = append(s.customers, c)
	}
	// Revenue of 2,000 customers: lognormal, a few large accounts.
	for range 2000 {
		last := math.Exp(6 + 1.25*r.NormFloat64())
		now := last * math.Exp(0.35*r.NormFloat64()+0.03)
		s.revenue[0] = append(s.revenue[0], cents(last))
		s.revenue[1] = append(s.revenue[1], cents(now))
	}
	// One day's half-hours from 08:00 to 19:30: calls forecast, and the
	// agents the rota puts on.
	for h := range 24 {
		t := float64(h) / 2
		calls := 38 + 70*math.Exp(-math.Pow(t-2.5, 2)/4) + 45*math.Exp(-math.Pow(t-7, 2)/3)
		sp := slotPlan{label: fmt.Sprintf("%02d:%02d", 8+h/2, h%2*30), calls: math.Round(calls), ahtSecond: 330}
		a := sp.calls * sp.ahtSecond / 1800
		sp.staffed = math.Ceil(a + math.Sqrt(a))
		if h >= 8 && h <= 10 { // lunch breaks
			sp.staffed -= float64(2 + r.IntN(2))
		}
		if h == 3 || h == 4 {
			sp.staffed--
		}
		s.slots = append(s.slots, sp)
	}
	return s
}

// cents turns a simulated amount into a decimal of whole cents (money
// never stays a float).
func cents(x float64) decimal.Decimal { return decimal.New(int64(math.Round(100*x)), -2) }
