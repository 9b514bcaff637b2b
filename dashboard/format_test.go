package dashboard_test

import (
	"math"
	"testing"

	"github.com/rapportkit/rapport/dashboard"
	"github.com/rapportkit/rapport/tidy"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func amount(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

func TestFormatP(t *testing.T) {
	cases := []struct {
		name string
		p    *float64
		want string
	}{
		{"undefined", nil, "n/a"},
		{"zero", f(0), "p < 0.001"},
		{"a float's underflow", f(2.22e-206), "p < 0.001"},
		{"just under a thousandth", f(0.000999), "p < 0.001"},
		{"a thousandth", f(0.001), "p = 0.001"},
		{"below a hundredth", f(0.0123), "p = 0.012"},
		{"0.0049", f(0.0049), "p = 0.005"},
		{"two decimals", f(0.2722), "p = 0.27"},
		{"0.05", f(0.05), "p = 0.050"},
		{"just under 0.1", f(0.0996), "p = 0.100"},
		{"0.1", f(0.1), "p = 0.10"},
		{"one", f(1), "p > 0.99"},
		{"NaN", f(math.NaN()), "n/a"},
		{"out of range", f(1.2), "n/a"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { require.Equal(t, c.want, dashboard.FormatP(c.p)) })
	}
}

func TestFormatValue(t *testing.T) {
	cases := []struct {
		v    *float64
		u    tidy.Unit
		want string
	}{
		{nil, tidy.Pct, "n/a"},
		{f(math.Inf(1)), tidy.Pct, "n/a"},
		{f(82.449), tidy.Pct, "82.4\u00a0%"},
		{f(-0.04), tidy.Pct, "0.0\u00a0%"},
		{f(31.25), tidy.Points, "+31.3"},
		{f(-12.35), tidy.Points, "−12.4"},
		{f(0), tidy.Points, "0.0"},
		{f(4.125), tidy.Score, "4.13"},
		{f(4.5), tidy.Seconds, "4.5 s"},
		{f(42), tidy.Seconds, "42 s"},
		{f(372.4), tidy.Seconds, "6 min 12 s"},
		{f(3725), tidy.Seconds, "1 h 02 min"},
		{f(189), tidy.Days, "189 days"},
		{f(2.5), tidy.Days, "2.5 days"},
		{f(1234567), tidy.Count, "1,234,567"},
		{f(-1234), tidy.Count, "−1,234"},
		{f(2.498), tidy.Ratio, "2.50"},
		{f(82.25), tidy.Pct, "82.3\u00a0%"}, // half away from zero, not to even
		{f(0.125), tidy.Score, "0.13"},
		{f(12.34), tidy.Erlangs, "12.3\u00a0Erl"},
		{f(7.26), tidy.PerHour, "7.3/h"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) { require.Equal(t, c.want, dashboard.FormatValue(c.v, c.u)) })
	}
}

func TestFormatChange(t *testing.T) {
	require.Equal(t, "+2.1 pts", dashboard.FormatChange(2.1, tidy.Pct))
	require.Equal(t, "−2.1", dashboard.FormatChange(-2.1, tidy.Points))
	require.Equal(t, "−5 s", dashboard.FormatChange(-5, tidy.Seconds))
	require.Equal(t, "+1 min 05 s", dashboard.FormatChange(65, tidy.Seconds))
	require.Equal(t, "+1,200", dashboard.FormatChange(1200, tidy.Count))
	require.Equal(t, "+0.12", dashboard.FormatChange(0.12, tidy.Score))
}

func TestFormatAmount(t *testing.T) {
	cases := []struct {
		d        *decimal.Decimal
		currency string
		want     string
	}{
		{nil, "EUR", "n/a"},
		{amount("1234.5"), "EUR", "1,234.50\u00a0EUR"},
		{amount("0.125"), "", "0.13"},
		{amount("-0.125"), "", "−0.13"},
		{amount("-0.004"), "", "0.00"},
		{amount("999.995"), "", "1,000.00"},
		{amount("1234567890123456789.125"), "USD", "1,234,567,890,123,456,789.13\u00a0USD"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) { require.Equal(t, c.want, dashboard.FormatAmount(c.d, c.currency)) })
	}
}
