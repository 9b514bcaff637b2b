package ticket

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rapportkit/rapport/operations"
)

// benchTickets returns n seeded tickets (see randomTicket).
func benchTickets(n int) []Ticket {
	r := rand.New(rand.NewPCG(10, 20))
	ks := make([]Ticket, n)
	for i := range ks {
		ks[i] = randomTicket(r)
	}
	return ks
}

// benchCases are the tallies benchmarked: without a calendar, and with
// one (two Calendar.Between walks a ticket).
var benchCases = []struct {
	name string
	cal  bool
}{{"calendar-time", false}, {"business-hours", true}}

const benchMask = 1<<16 - 1

// BenchmarkAdd adds one ticket per op; the peer adds the same tickets to
// an operations.Tally as e-mail contacts answered at the first reply (one
// response-time histogram where a ticket Tally has two or four).
func BenchmarkAdd(b *testing.B) {
	ks := benchTickets(benchMask + 1)
	for _, bc := range benchCases {
		b.Run(bc.name, func(b *testing.B) {
			t := spec(b, bc.cal).New()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := t.Add(ks[i&benchMask]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
	b.Run("peer-operations", func(b *testing.B) {
		cs := make([]operations.Contact, len(ks))
		for i, k := range ks {
			cs[i] = operations.Contact{ID: k.ID, Channel: operations.Email, Direction: operations.Inbound,
				Outcome: operations.Unreached, Arrived: k.Created}
			if !k.FirstReply.IsZero() {
				cs[i].Outcome, cs[i].Answered, cs[i].Talk = operations.Answered, k.FirstReply, time.Minute
			}
		}
		var t operations.Tally
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if err := t.Add(cs[i&benchMask]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkTally10M adds 10M tickets (65 536 distinct ones, cycled) into
// one Tally per op: run with -benchtime=1x. It reports ns/ticket.
func BenchmarkTally10M(b *testing.B) {
	const n = 10_000_000
	ks := benchTickets(benchMask + 1)
	for _, bc := range benchCases {
		b.Run(bc.name, func(b *testing.B) {
			s := spec(b, bc.cal)
			b.ReportAllocs()
			for b.Loop() {
				t := s.New()
				for i := range n {
					if err := t.Add(ks[i&benchMask]); err != nil {
						b.Fatal(err)
					}
				}
				if t.N() != n {
					b.Fatal(t.N())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/ticket")
		})
	}
}
