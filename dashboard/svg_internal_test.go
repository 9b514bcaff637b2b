package dashboard

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNiceScale: ticks on steps of 1, 2 or 5 times a power of ten that
// cover the data (Heckbert 1990).
func TestNiceScale(t *testing.T) {
	cases := []struct {
		name   string
		lo, hi float64
		ticks  []float64
	}{
		{"a share", 0, 1, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{"percentages", 12.3, 87.6, []float64{0, 20, 40, 60, 80, 100}},
		{"NPS across zero", -12, 37, []float64{-20, -10, 0, 10, 20, 30, 40}},
		{"a mean score", 5.1, 5.68, []float64{5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7}},
		{"volumes", 7412, 9530, []float64{7000, 7500, 8000, 8500, 9000, 9500, 10000}},
		{"one value, padded by a tenth", 42, 42, []float64{36, 38, 40, 42, 44, 46, 48}},
		{"reversed", 10, 0, []float64{0, 2, 4, 6, 8, 10}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := niceScale(c.lo, c.hi, 6, 0, 100)
			require.Equal(t, c.ticks, s.ticks)
			require.LessOrEqual(t, s.lo, min(c.lo, c.hi))
			require.GreaterOrEqual(t, s.hi, max(c.lo, c.hi))
		})
	}
}

// TestPathData: points on one line collapse to its ends.
func TestPathData(t *testing.T) {
	var p pathData
	p.move(0, 0)
	p.to(1, 0)
	p.to(2, 0)
	p.to(2, 0)
	p.to(2, 5)
	p.to(2, 7)
	p.to(3, 8)
	p.close()
	p.move(10, 10)
	p.to(11, 11)
	require.Equal(t, "M0,0L2.0,0L2.0,7.0L3.0,8.0ZM10.0,10.0L11.0,11.0", p.String())
}

func TestPeriodTicks(t *testing.T) {
	cases := []struct{ in, tick, year, full string }{
		{"2025-03", "Mar", "2025", "Mar 2025"},
		{"2025-W11", "W11", "2025", "week 11 of 2025"},
		{"2025-03-14", "14 Mar", "2025", "14 Mar 2025"},
		{"2025-Q1", "Q1", "2025", "Q1 2025"},
		{"Fri 09:30", "Fri 09:30", "", "Fri 09:30"},
	}
	for _, c := range cases {
		tick, year, full := period(c.in)
		require.Equal(t, []string{c.tick, c.year, c.full}, []string{tick, year, full}, c.in)
	}
}
