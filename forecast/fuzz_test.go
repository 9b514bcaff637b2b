package forecast

import (
	"encoding/binary"
	"math"
	"slices"
	"testing"
	"time"
)

// FuzzSeriesOf feeds counts at fuzzed offsets and values: SeriesOf never
// panics, and a series it accepts lays out as whole days holding every
// count where it belongs.
func FuzzSeriesOf(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7}, uint8(0))
	f.Add([]byte{3, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0}, uint8(1))
	f.Add([]byte{200, 1, 0, 0, 0, 0, 0xf0, 0x7f}, uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, fill uint8) {
		base := time.Date(2025, 10, 25, 0, 0, 0, 0, paris)
		var counts []Count
		for len(data) >= 8 && len(counts) < 64 {
			step := int(data[0])
			v := math.Float64frombits(binary.LittleEndian.Uint64(append([]byte{0}, data[1:8]...)))
			counts = append(counts, Count{Start: base.Add(time.Duration(step) * 30 * time.Minute), Contacts: v})
			data = data[8:]
		}
		s, err := SeriesOf(slices.Values(counts), 30*time.Minute, paris, Fill(fill%3))
		if err != nil {
			return
		}
		days, err := s.layout()
		if err != nil {
			t.Fatalf("accepted series does not lay out: %v", err)
		}
		n := 0
		for _, d := range days {
			n += d.n
		}
		if n != len(s.Contacts) {
			t.Fatalf("days hold %d intervals of %d", n, len(s.Contacts))
		}
		for _, c := range counts {
			i := int(c.Start.Sub(s.Start) / s.Interval)
			if s.Contacts[i] != c.Contacts {
				t.Fatalf("count at %v is %v in the series, %v given", c.Start, s.Contacts[i], c.Contacts)
			}
		}
	})
}

// FuzzParseDate: an accepted date writes back to what parses to it.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-12-25", "2024-02-29", "0001-01-01", "2025-2-3", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if !d.IsValid() {
			t.Fatalf("ParseDate(%q) = %+v, not a valid date", s, d)
		}
		e, err := ParseDate(d.String())
		if err != nil || e != d {
			t.Fatalf("%q → %v → %v, %v", s, d, e, err)
		}
	})
}

// FuzzFit fits every model to three weeks of fuzzed daily volumes: no
// panic, and an accepted fit forecasts finite, non-negative volumes with
// finite intervals.
func FuzzFit(f *testing.F) {
	f.Add([]byte("the quick brown fox jumps over the lazy dog"), uint8(0))
	f.Add(make([]byte, 42), uint8(5))
	f.Add([]byte{255, 255, 255, 255, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9}, uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, model uint8) {
		y := make([]float64, 21)
		for i := range y {
			if len(data) >= 2 {
				y[i] = float64(binary.LittleEndian.Uint16(data)) * math.Pow(10, float64(data[0]%8))
				data = data[2:]
			}
		}
		s := Series{Location: time.UTC, Interval: 24 * time.Hour, Start: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Contacts: y}
		m := Model{Method: Method(model % 2), Trend: Trend(model / 2 % 3), Season: Season(model / 6 % 2)}
		fit, err := Fit(s, Options{Model: m})
		if err != nil {
			return
		}
		fc, err := fit.Forecast(30)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range fc.Days {
			if !(d.Contacts >= 0) || math.IsInf(d.Contacts, 0) {
				t.Fatalf("%v: forecast %v on %v", m, d.Contacts, d.Date)
			}
			if b := d.ContactsInterval; b != nil && (!finite(b.Lo) || !finite(b.Hi) || b.Lo > b.Hi) {
				t.Fatalf("%v: interval %+v on %v", m, *b, d.Date)
			}
		}
	})
}
