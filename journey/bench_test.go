package journey

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"
	"unsafe"

	"github.com/rapportkit/rapport/internal/cputime"
	"github.com/rapportkit/rapport/operations"
)

var reasons = []string{"billing", "move", "fault", "offer"}

// customerIDs returns n customer ids, k0 … k(n−1).
func customerIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = "k" + strconv.Itoa(i)
	}
	return ids
}

// fill writes n steps of n/5 customers over 30 days, in no order: a
// fifth of the customers under one case each, the others linked by
// window; bots, self-service and agents, transfers among them.
func fill(steps []Step, customers []string) {
	agents := []string{"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"}
	for i := range steps {
		h := mix(uint64(i) + 0x9e3779b97f4a7c15)
		k := int(h % uint64(len(customers)))
		at := base.Add(time.Duration(mix(h)%(30*24*3600)) * time.Second)
		s := Step{Contact: operations.Contact{ID: customers[k], CustomerID: customers[k], Reason: reasons[h>>32&3],
			Direction: operations.Inbound, Arrived: at}}
		if k%5 == 0 {
			s.Case = customers[k]
		}
		c := &s.Contact
		switch h >> 40 % 10 {
		case 0, 1: // bot, half of them handing over
			s.Handler, c.Channel, c.Queue = Bot, operations.Chatbot, "bot"
			c.Outcome = operations.Unreached
			if h>>48&1 == 0 {
				c.Outcome, c.Resolved = operations.Deflected, true
			} else {
				s.TransferredTo = "agents"
			}
		case 2:
			s.Handler, c.Channel, c.Outcome, c.Resolved = Self, operations.FAQ, operations.Deflected, h>>48&1 == 0
		default:
			s.Handler, c.Outcome, c.Answered = Agent, operations.Answered, at
			c.Channel = [...]operations.Channel{operations.Phone, operations.Chat, operations.Email, operations.Messaging}[h>>44&3]
			c.Agent, c.Queue, s.Tier = agents[h>>50&7], "agents", int(1+h>>53%3)
			c.Resolved = h>>56&1 == 0
			if !c.Resolved && h>>57&3 == 0 {
				s.TransferredTo = "tier2"
			}
		}
		steps[i] = s
	}
}

// BenchmarkLinkTally links n contacts of n/5 customers into journeys
// (48-hour window by reason) and tallies them, the whole pipeline after
// reading: Link then TallyOf (path=link), or Linker.Tally (path=direct).
// Data is regenerated, untimed, before each run since Link sorts in
// place.
func BenchmarkLinkTally(b *testing.B) {
	b.Logf("sizeof(Step) = %d bytes", unsafe.Sizeof(Step{}))
	for _, n := range []int{100_000, 1_000_000, 10_000_000} {
		b.Run(fmt.Sprintf("path=direct/contacts=%d", n), func(b *testing.B) {
			customers := customerIDs(n / 5)
			steps := make([]Step, n)
			fill(steps, customers)
			l := Linker{Window: 48 * time.Hour, ByReason: true}
			b.ReportAllocs()
			b.ResetTimer()
			var journeys int
			cpu := cputime.Now()
			for range b.N {
				t, err := l.Tally(steps)
				if err != nil {
					b.Fatal(err)
				}
				journeys = int(t.N())
			}
			b.ReportMetric(float64((cputime.Now()-cpu).Nanoseconds())/float64(b.N*n), "cpu-ns/contact")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/contact")
			b.ReportMetric(float64(journeys), "journeys")
		})
		b.Run(fmt.Sprintf("path=link/contacts=%d", n), func(b *testing.B) {
			customers := customerIDs(n / 5)
			steps := make([]Step, n)
			l := Linker{Window: 48 * time.Hour, ByReason: true}
			b.ReportAllocs()
			b.ResetTimer()
			var journeys int
			var cpu time.Duration
			for range b.N {
				b.StopTimer()
				fill(steps, customers)
				b.StartTimer()
				start := cputime.Now()
				js, err := l.Link(steps)
				if err != nil {
					b.Fatal(err)
				}
				t, err := TallyOf(slices.Values(js))
				if err != nil {
					b.Fatal(err)
				}
				journeys = int(t.N())
				cpu += cputime.Now() - start
			}
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*n), "cpu-ns/contact")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/contact")
			b.ReportMetric(float64(journeys), "journeys")
		})
	}
}

// BenchmarkTallyOracle is path=direct of BenchmarkLinkTally against the
// oracle, Linker.Tally before its sorted records, alternating in one run
// (-bench TallyOracle -count 5).
func BenchmarkTallyOracle(b *testing.B) {
	for _, n := range []int{1_000_000} {
		customers := customerIDs(n / 5)
		steps := make([]Step, n)
		fill(steps, customers)
		l := Linker{Window: 48 * time.Hour, ByReason: true}
		for _, path := range []string{"oracle", "new"} {
			b.Run(fmt.Sprintf("path=%s/contacts=%d", path, n), func(b *testing.B) {
				tally := l.Tally
				if path == "oracle" {
					tally = oracle(l).Tally
				}
				cpu := cputime.Now()
				for range b.N {
					if _, err := tally(steps); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64((cputime.Now()-cpu).Nanoseconds())/float64(b.N*n), "cpu-ns/contact")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/contact")
			})
		}
	}
}

// BenchmarkTallyAdd adds one journey of four steps.
func BenchmarkTallyAdd(b *testing.B) {
	steps := make([]Step, 1000)
	customers := []string{"k"}
	fill(steps, customers)
	js, err := Linker{Window: 30 * 24 * time.Hour}.Link(steps[:4])
	if err != nil || len(js) != 1 {
		b.Fatal(err, len(js))
	}
	var t Tally
	b.ReportAllocs()
	for b.Loop() {
		if err := t.Add(js[0]); err != nil {
			b.Fatal(err)
		}
	}
}
