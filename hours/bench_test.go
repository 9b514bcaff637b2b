package hours

import (
	"testing"
	"time"
)

// BenchmarkBetween measures the open time of spans of 1 hour to 10 days
// in the office calendar (Europe/Paris), and one of 100 years.
func BenchmarkBetween(b *testing.B) {
	c := office(b)
	a := time.Date(2026, 10, 20, 15, 4, 0, 0, time.UTC) // across the change of 25 October
	for _, d := range []time.Duration{time.Hour, 24 * time.Hour, 10 * 24 * time.Hour, MaxDays * 24 * time.Hour} {
		b.Run(d.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Between(a, a.Add(d)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
