package forecast

import (
	"math"
	"math/rand/v2"
	"time"
)

// weekShape and dayShape shape the synthetic contact centre of the
// tests: busiest on Monday, half a day on Saturday, closed on Sunday;
// open 08:00–20:00 with peaks at 10:30 and 14:30.
var weekShape = [7]float64{time.Sunday: 0, time.Monday: 1.3, time.Tuesday: 1.15, time.Wednesday: 1.05, time.Thursday: 1.0, time.Friday: 0.95, time.Saturday: 0.5}

func dayShape(minutes float64) float64 {
	h := minutes / 60
	if h < 8 || h >= 20 {
		return 0
	}
	bump := func(c float64) float64 { return math.Exp(-(h - c) * (h - c)) }
	return 1 + 0.8*bump(10.5) + 0.6*bump(14.5)
}

// poisson draws a Poisson count of mean m by inversion.
func poisson(r *rand.Rand, m float64) float64 {
	if m <= 0 {
		return 0
	}
	if m > 500 {
		return math.Max(0, math.Round(m+math.Sqrt(m)*r.NormFloat64()))
	}
	u := r.Float64()
	p := math.Exp(-m)
	k, cdf := 0.0, p
	for u > cdf && k < 10*m+100 {
		k++
		p *= m / k
		cdf += p
	}
	return k
}

// synth returns `days` days from first in loc of a centre whose mean
// daily volume is level·(1 + slope·day)·weekShape, spread by dayShape,
// with Poisson counts and an AHT of 300 s + 60 s in the afternoon (each
// contact handled).
func synth(seed uint64, first Date, days int, loc *time.Location, step time.Duration, level, slope float64) Series {
	r := rand.New(rand.NewPCG(seed, 7))
	c, err := newCalendar(loc, step)
	if err != nil {
		panic(err)
	}
	layout, n, err := c.span(first, days)
	if err != nil {
		panic(err)
	}
	s := Series{Location: loc, Interval: step, Start: first.Start(loc),
		Contacts: make([]float64, n), Handled: make([]float64, n), Handle: make([]time.Duration, n)}
	norm := 0.0
	for k := range c.per {
		norm += dayShape(float64(k) * step.Minutes())
	}
	for i, d := range layout {
		mean := level * (1 + slope*float64(i)) * weekShape[d.date.Weekday()]
		t0 := d.date.Start(loc)
		for k := range d.n {
			t := t0.Add(time.Duration(k) * step)
			mins := float64(sinceMidnight(t))
			x := poisson(r, mean*dayShape(mins)/norm)
			j := d.first + k
			s.Contacts[j] = x
			s.Handled[j] = x
			aht := 300.0
			if mins >= 12*60 {
				aht = 360
			}
			s.Handle[j] = time.Duration(x*aht) * time.Second
		}
	}
	return s
}
