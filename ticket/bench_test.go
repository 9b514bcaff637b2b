package ticket

import (
	"math/rand/v2"
	"testing"
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

// BenchmarkAdd adds one ticket per op, without and with a business
// calendar (two Between walks a ticket).
func BenchmarkAdd(b *testing.B) {
	ks := benchTickets(1 << 16)
	for _, bc := range []struct {
		name string
		cal  bool
	}{{"calendar-time", false}, {"business-hours", true}} {
		b.Run(bc.name, func(b *testing.B) {
			s := spec(b, bc.cal)
			t := s.New()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := t.Add(ks[i&(1<<16-1)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkTally10M adds 10M tickets (65 536 distinct ones, cycled) into
// one Tally per op: run with -benchtime=1x. It reports ns/ticket.
func BenchmarkTally10M(b *testing.B) {
	const n = 10_000_000
	ks := benchTickets(1 << 16)
	for _, bc := range []struct {
		name string
		cal  bool
	}{{"calendar-time", false}, {"business-hours", true}} {
		b.Run(bc.name, func(b *testing.B) {
			s := spec(b, bc.cal)
			b.ReportAllocs()
			for b.Loop() {
				t := s.New()
				for i := range n {
					if err := t.Add(ks[i&(1<<16-1)]); err != nil {
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
