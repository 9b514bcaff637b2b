package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rapportkit/rapport/nps"
	"github.com/shopspring/decimal"
)

// The text report says every figure one way: the helpers below are the
// only places that format counted nouns, percentages, p-values, durations
// and money, and that print a string read from the data.

// na is printed for a figure that is undefined: a share of nothing, a cost
// not known for every contact.
const na = "n/a"

// counted returns n and the noun, plural unless n is 1: "1 agent",
// "2 agents", "3 replies".
func counted[N ~int | ~int64 | ~uint64](n N, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %s", n, plural(noun))
}

// plural returns the plural of an English noun, or of the last word of a
// noun phrase ("repeat buyer" → "repeat buyers").
func plural(noun string) string {
	switch {
	case strings.HasSuffix(noun, "person"):
		return strings.TrimSuffix(noun, "person") + "people"
	case strings.HasSuffix(noun, "s"), strings.HasSuffix(noun, "x"), strings.HasSuffix(noun, "ch"), strings.HasSuffix(noun, "sh"):
		return noun + "es"
	case strings.HasSuffix(noun, "y") && len(noun) > 1 && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])):
		return noun[:len(noun)-1] + "ies"
	}
	return noun + "s"
}

// pct formats a percentage (0–100) with one decimal: "42.3 %".
func pct(v *float64) string {
	if v == nil {
		return na
	}
	return pctOf(*v)
}

func pctOf(v float64) string { return fmt.Sprintf("%.1f %%", v) }

// share formats a fraction (0–1) as a percentage: "42.3 %".
func share(v float64) string { return pctOf(100 * v) }

// signedPoints formats a difference or an index in points: "+13.4".
func signedPoints(v *float64) string {
	if v == nil {
		return na
	}
	return fmt.Sprintf("%+.1f", *v)
}

// pValue formats a p-value for people: "< 0.001" below a thousandth
// (never 2.22e-206, never 0), three decimals otherwise.
func pValue(p *float64) string {
	switch {
	case p == nil:
		return na
	case *p < 0.001:
		return "< 0.001"
	}
	return fmt.Sprintf("%.3f", *p)
}

// pEquals is pValue with its sign: "p < 0.001", "p = 0.041".
func pEquals(p *float64) string {
	s := pValue(p)
	if strings.HasPrefix(s, "<") {
		return "p " + s
	}
	return "p = " + s
}

// waitText formats a wait or a speed of answer in seconds: "31.9 s".
func waitText(seconds *float64) string {
	if seconds == nil {
		return na
	}
	if *seconds >= 100 {
		return fmt.Sprintf("%.0f s", *seconds)
	}
	return fmt.Sprintf("%.1f s", *seconds)
}

// handleText formats a handle time or a patience, minutes and seconds:
// "5 min 28 s", "45 s".
func handleText(d time.Duration) string {
	s := int64(math.Round(d.Seconds()))
	if s < 60 {
		return fmt.Sprintf("%d s", s)
	}
	return fmt.Sprintf("%d min %d s", s/60, s%60)
}

// handleSeconds is handleText of a figure in seconds that may be undefined.
func handleSeconds(seconds *float64) string {
	if seconds == nil {
		return na
	}
	return handleText(time.Duration(*seconds * float64(time.Second)))
}

// threshold formats a target time in the largest unit that divides it,
// days from two days on: "20 s", "30 min", "24 h", "7 days".
func threshold(d time.Duration) string {
	day := 24 * time.Hour
	switch {
	case d >= 2*day && d%day == 0:
		return counted(int64(d/day), "day")
	case d >= time.Hour && d%time.Hour == 0:
		return fmt.Sprintf("%d h", d/time.Hour)
	case d >= time.Minute && d%time.Minute == 0:
		return fmt.Sprintf("%d min", d/time.Minute)
	}
	return fmt.Sprintf("%g s", d.Seconds())
}

// days formats a lifetime in days: "193 days".
func days(d float64) string {
	return counted(int64(math.Round(d)), "day")
}

// money formats an amount to the cent, "2555020.19"; euros appends the
// currency of the costs, "8.04 €".
func money(d *decimal.Decimal) string {
	if d == nil {
		return na
	}
	return d.StringFixed(2)
}

func euros(d *decimal.Decimal) string {
	if d == nil {
		return na
	}
	return d.StringFixed(2) + " €"
}

// clean returns a string read from the data as it may be printed on a
// terminal: as it is when every character is printable, quoted and escaped
// as Go's %q does otherwise, so that an id holding "\x1b[31m", "\r" or a
// right-to-left override shows as text instead of acting on the terminal.
func clean(s string) string {
	for _, r := range s {
		if r == utf8.RuneError || !strconv.IsPrint(r) {
			return strconv.Quote(s)
		}
	}
	return s
}

// interval formats an interval's bounds with a verb ("%+.1f"): "-13.2 … -8.7".
// Every interval of the survey packages is this type (nps.Interval,
// csat.Interval and ces.Interval are one).
func interval(iv *nps.Interval, verb string) string {
	if iv == nil {
		return na
	}
	return fmt.Sprintf(verb+" … "+verb, iv.Lo, iv.Hi)
}

// mean formats a mean score on a survey's scale: "3.45".
func mean(v *float64) string {
	if v == nil {
		return na
	}
	return fmt.Sprintf("%.2f", *v)
}

// correlation formats a correlation coefficient: "+0.05".
func correlation(v *float64) string {
	if v == nil {
		return na
	}
	return fmt.Sprintf("%+.2f", *v)
}
