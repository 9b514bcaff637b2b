package nps

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// Issue 18, item 1: grouped NPS over 10M rows in 1000 groups, next to
// the floor of a plain Go (group, score) histogram with no validation.
const (
	benchRows   = 10_000_000
	benchGroups = 1000
)

func benchGrouped(n, groups int) ([]uint32, []uint8) {
	rng := rand.New(rand.NewPCG(18, 1))
	g := make([]uint32, n)
	s := make([]uint8, n)
	for i := range s {
		g[i] = uint32(rng.IntN(groups))
		s[i] = uint8(rng.IntN(11))
	}
	return g, s
}

func BenchmarkTallyColumns10M(b *testing.B) {
	g, s := benchGrouped(benchRows, benchGroups)
	b.ResetTimer()
	for b.Loop() {
		if _, err := TallyColumns(g, s, Standard, benchGroups); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHistogramFloor10M is the floor: h[g·16 + s]++ with no check.
func BenchmarkHistogramFloor10M(b *testing.B) {
	g, s := benchGrouped(benchRows, benchGroups)
	b.ResetTimer()
	for b.Loop() {
		h := make([]uint32, benchGroups*16)
		for i, v := range s {
			h[g[i]*16+uint32(v)]++
		}
	}
}

// TallyBy over 1M responses on 1000 days, keyed by the day (an integer
// period) and by the name of its weekday (a small set of strings).
func benchResponses(n, days int) []Response {
	g, s := benchGrouped(n, days)
	rs := make([]Response, n)
	for i := range rs {
		rs[i] = Response{Score: int(s[i]), At: time.Unix(int64(g[i])*86400, 0).UTC()}
	}
	return rs
}

func BenchmarkTallyByDay1M(b *testing.B) {
	rs := benchResponses(1_000_000, benchGroups)
	b.ResetTimer()
	for b.Loop() {
		if _, err := TallyBy(slices.Values(rs), Standard, func(r Response) int64 { return r.At.Unix() / 86400 }); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTallyByWeekday1M(b *testing.B) {
	rs := benchResponses(1_000_000, benchGroups)
	b.ResetTimer()
	for b.Loop() {
		if _, err := TallyBy(slices.Values(rs), Standard, func(r Response) string { return r.At.Weekday().String() }); err != nil {
			b.Fatal(err)
		}
	}
}

// The same responses in order of time, as a survey export comes: runs of
// one day.
func BenchmarkTallyByDaySorted1M(b *testing.B) {
	rs := benchResponses(1_000_000, benchGroups)
	slices.SortFunc(rs, func(x, y Response) int { return x.At.Compare(y.At) })
	b.ResetTimer()
	for b.Loop() {
		if _, err := TallyBy(slices.Values(rs), Standard, func(r Response) int64 { return r.At.Unix() / 86400 }); err != nil {
			b.Fatal(err)
		}
	}
}
