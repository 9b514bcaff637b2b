package dashboard

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rapportkit/rapport/tidy"
	"github.com/shopspring/decimal"
)

const minus = "\u2212" // a minus sign, not a hyphen

// FormatValue writes a figure in its unit for people: 82.4 % (pct),
// +31.2 (points, signed), 4.12 (score), 42 s or 6 min 12 s (seconds),
// 189 days, 12,345 (count), 2.50 (ratio), 12.3 Erl; "n/a" for nil.
func FormatValue(v *float64, u tidy.Unit) string {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return "n/a"
	}
	x := *v
	switch u {
	case tidy.Pct:
		return signed(x, 1, false) + "\u00a0%"
	case tidy.Points:
		return signed(x, 1, true)
	case tidy.Score, tidy.Ratio:
		return signed(x, 2, false)
	case tidy.Seconds:
		return duration(x)
	case tidy.Days:
		if math.Abs(x) < 10 && x != math.Trunc(x) {
			return signed(x, 1, false) + " days"
		}
		return signed(x, 0, false) + " days"
	case tidy.Periods:
		return signed(x, 1, false) + " periods"
	case tidy.Erlangs:
		return signed(x, 1, false) + "\u00a0Erl"
	case tidy.Count:
		return grouped(x, 0)
	case tidy.PerHour:
		return signed(x, 1, false) + "/h"
	}
	return signed(x, 3, false)
}

// FormatChange writes a change of a figure in its unit: percentages
// change by points (+2.1 pts), NPS points by points (+2.1), times by
// seconds (−5 s).
func FormatChange(d float64, u tidy.Unit) string {
	switch u {
	case tidy.Pct:
		return signed(d, 1, true) + " pts"
	case tidy.Points:
		return signed(d, 1, true)
	case tidy.Seconds:
		s := duration(math.Abs(d))
		if d < 0 {
			return minus + s
		}
		return "+" + s
	case tidy.Count:
		if d > 0 {
			return "+" + grouped(d, 0)
		}
		return grouped(d, 0)
	}
	v := d
	s := FormatValue(&v, u)
	if d > 0 {
		return "+" + s
	}
	return s
}

// FormatP writes a p-value the way a reader takes it in: "p < 0.001"
// below a thousandth (never 2.22e-206, never 0), three decimals below
// 0.1 (p = 0.012), two above (p = 0.27), "p > 0.99" above 0.99; "n/a"
// for nil.
func FormatP(p *float64) string {
	if p == nil || math.IsNaN(*p) || *p < 0 || *p > 1 {
		return "n/a"
	}
	switch x := *p; {
	case x < 0.001:
		return "p < 0.001"
	case x < 0.1:
		return "p = " + strconv.FormatFloat(x, 'f', 3, 64)
	case x > 0.99:
		return "p > 0.99"
	default:
		return "p = " + strconv.FormatFloat(x, 'f', 2, 64)
	}
}

// FormatAmount writes money with two decimals and thousands separators,
// rounded half away from zero on the exact decimal (never through a
// float), followed by the currency if there is one: 1,234.50 EUR; "n/a"
// for nil, an unknown cost.
func FormatAmount(d *decimal.Decimal, currency string) string {
	if d == nil {
		return "n/a"
	}
	s := d.StringFixed(2)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	s = groupDigits(whole) + "." + frac
	if neg && strings.Trim(s, "0.,") != "" {
		s = minus + s
	}
	if currency != "" {
		s += "\u00a0" + clean(currency)
	}
	return s
}

// fixed writes |x| with the given decimals, rounding the shortest decimal
// that reads back as x half away from zero, as FormatAmount rounds
// money: 82.5 is 83, 0.25 is 0.3 (strconv would round the binary value
// half to even: 82, 0.2).
func fixed(x float64, decimals int) string {
	return decimal.NewFromFloat(math.Abs(x)).StringFixed(int32(decimals))
}

// signed formats x with the given decimals, with a minus sign, and a
// plus sign when plus is set and x > 0; −0.0 is 0.0.
func signed(x float64, decimals int, plus bool) string {
	s := fixed(x, decimals)
	zero := strings.Trim(s, "0.") == ""
	switch {
	case zero:
		return s
	case x < 0:
		return minus + s
	case plus:
		return "+" + s
	}
	return s
}

// grouped formats x with thousands separators.
func grouped(x float64, decimals int) string {
	s := fixed(x, decimals)
	whole, frac, hasFrac := strings.Cut(s, ".")
	out := groupDigits(whole)
	if hasFrac {
		out += "." + frac
	}
	if x < 0 && strings.Trim(s, "0.") != "" {
		out = minus + out
	}
	return out
}

func groupDigits(whole string) string {
	if len(whole) <= 3 {
		return whole
	}
	var b strings.Builder
	first := len(whole) % 3
	if first > 0 {
		b.WriteString(whole[:first])
	}
	for i := first; i < len(whole); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(whole[i : i+3])
	}
	return b.String()
}

// duration formats seconds: 4.5 s, 42 s, 6 min 12 s, 1 h 02 min.
func duration(x float64) string {
	neg := x < 0
	x = math.Abs(x)
	var s string
	switch {
	case x < 10 && x != math.Trunc(x):
		s = fixed(x, 1) + " s"
	case x < 60:
		s = fixed(x, 0) + " s"
	case x < 3600:
		t := int64(math.Round(x))
		s = fmt.Sprintf("%d min %02d s", t/60, t%60)
	default:
		t := int64(math.Round(x / 60))
		s = fmt.Sprintf("%d h %02d min", t/60, t%60)
	}
	if neg && s != "0 s" {
		return minus + s
	}
	return s
}

// MaxLabel bounds the characters of a label drawn in a chart; the whole
// label is in the chart's tooltips and text alternative.
const MaxLabel = 32

// clean makes a text from the data fit to print: invalid UTF-8 becomes
// U+FFFD, C0 control characters their visible pictures (ESC is ␛, so a
// terminal escape sequence shows as text), and other control and
// direction-override characters U+FFFD, so that no label can reorder
// or hide the text around it. Escaping for HTML is html/template's.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || r == 0x7f || unicode.Is(unicode.Bidi_Control, r) || r >= 0x80 && r < 0xa0 {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune(0x2421)
		case r >= 0x80 && r < 0xa0 || unicode.Is(unicode.Bidi_Control, r):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// short cleans a label and cuts it to MaxLabel characters.
func short(s string) string {
	s = clean(s)
	if utf8.RuneCountInString(s) <= MaxLabel {
		return s
	}
	r := []rune(s)
	return string(r[:MaxLabel-1]) + "…"
}

// period reads a period's text as the tidy and period packages write
// it, and returns its tick (Mar, W11, Q1, 14 Mar), the year it is in for
// a second line, and its full name for text alternatives (Mar 2025).
func period(s string) (tick, year, full string) {
	if t, err := time.Parse("2006-01", s); err == nil {
		return t.Format("Jan"), t.Format("2006"), t.Format("Jan 2006")
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Format("2 Jan"), t.Format("2006"), t.Format("2 Jan 2006")
	}
	var y, n int
	if len(s) == 8 && s[4:6] == "-W" {
		if _, err := fmt.Sscanf(s, "%4d-W%2d", &y, &n); err == nil {
			return fmt.Sprintf("W%02d", n), strconv.Itoa(y), fmt.Sprintf("week %d of %d", n, y)
		}
	}
	if len(s) == 7 && s[4:6] == "-Q" {
		if _, err := fmt.Sscanf(s, "%4d-Q%1d", &y, &n); err == nil {
			return fmt.Sprintf("Q%d", n), strconv.Itoa(y), fmt.Sprintf("Q%d %d", n, y)
		}
	}
	c := short(s)
	return c, "", clean(s)
}
