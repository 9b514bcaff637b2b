package agent

import (
	"iter"
	"slices"
	"testing"
	"time"
)

// benchIntervals yields n intervals of agents agents, interleaved as an
// export sorted by time lists them: each agent's in order, 5 minutes
// apart, in states cycling through the day's mix.
func benchIntervals(n, agents int) iter.Seq[Interval] {
	names := make([]string, agents)
	for i := range names {
		names[i] = "agent-" + string(rune('A'+i%26)) + string(rune('a'+i/26%26)) + string(rune('0'+i/676%10))
	}
	mix := [...]State{Available, OnContact, AfterContactWork, OnContact, AfterContactWork, Available, Break, OnContact,
		AfterContactWork, Training, OnContact, Meeting, Available, OnContact, AfterContactWork, Absence}
	base := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	return func(yield func(Interval) bool) {
		for i := range n {
			a, k := i%agents, i/agents
			st := mix[(k+a)%len(mix)]
			start := base.Add(time.Duration(k) * 5 * time.Minute)
			iv := Interval{Agent: names[a], State: st, Start: start, End: start.Add(4*time.Minute + time.Duration(a%60)*time.Second)}
			if st == OnContact {
				iv.Contacts = 1 + a%3
			}
			if !yield(iv) {
				return
			}
		}
	}
}

// BenchmarkTallyAdd is one Add in the steady state.
func BenchmarkTallyAdd(b *testing.B) {
	ivs := slices.Collect(benchIntervals(1<<16, 1000))
	var t Tally
	for _, iv := range ivs {
		_ = t.Add(iv)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if err := t.Add(ivs[i&(len(ivs)-1)]); err != nil {
			b.Fatal(err)
		}
	}
}

const tenMillion = 10_000_000

// BenchmarkTallyOf10M tallies 10M intervals of 1,000 agents, with the
// overlap check, from a generator (no slice of 10M intervals in memory).
func BenchmarkTallyOf10M(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		t, err := TallyOf(benchIntervals(tenMillion, 1000))
		if err != nil || t.N() != tenMillion {
			b.Fatal(err)
		}
		if _, ok := t.Occupancy(); !ok {
			b.Fatal("no occupancy")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/tenMillion, "ns/interval")
}

// BenchmarkTallyBy10M tallies 10M intervals of 1,000 agents by agent and
// reads every agent's occupancy and AHT.
func BenchmarkTallyBy10M(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		by, err := TallyBy(benchIntervals(tenMillion, 1000), func(iv Interval) string { return iv.Agent })
		if err != nil || len(by) != 1000 {
			b.Fatal(err)
		}
		for _, t := range by {
			if _, ok := t.AHT(); !ok {
				b.Fatal("no AHT")
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/tenMillion, "ns/interval")
}

// BenchmarkGenerate10M is the generator alone, to subtract.
func BenchmarkGenerate10M(b *testing.B) {
	for b.Loop() {
		n := 0
		for iv := range benchIntervals(tenMillion, 1000) {
			n += iv.Contacts
		}
		if n == 0 {
			b.Fatal(n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/tenMillion, "ns/interval")
}

// BenchmarkCompare10M measures 10M intervals of 1,000 agents against a
// schedule of 8 planned activities per agent and day.
func BenchmarkCompare10M(b *testing.B) {
	var plan []Interval
	days := tenMillion / 1000 * 5 / (24 * 60) // the days the intervals span
	base := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for a := range 1000 {
		name := ""
		for iv := range benchIntervals(a+1, 1000) {
			name = iv.Agent
		}
		for d := range days + 1 {
			t := base.Add(time.Duration(d)*24*time.Hour + 8*time.Hour)
			for _, st := range []State{Available, Break, Available, Break, Available, Training, Available, Break} {
				plan = append(plan, Interval{Agent: name, State: st, Start: t, End: t.Add(time.Hour)})
				t = t.Add(time.Hour)
			}
		}
	}
	s, err := NewSchedule(slices.Values(plan))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		by, err := s.Compare(benchIntervals(tenMillion, 1000))
		if err != nil || len(by) != 1000 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/tenMillion, "ns/interval")
}
