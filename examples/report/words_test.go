package main

import (
	"regexp"
	"testing"
	"time"

	"github.com/rapportkit/rapport/nps"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestCounted(t *testing.T) {
	for _, c := range []struct {
		n    int
		noun string
		want string
	}{
		{0, "agent", "0 agents"},
		{1, "agent", "1 agent"},
		{2, "agent", "2 agents"},
		{1, "day", "1 day"},
		{3, "day", "3 days"},
		{2, "reply", "2 replies"},
		{2, "repeat buyer", "2 repeat buyers"},
		{2, "half hour", "2 half hours"},
		{2, "person", "2 people"},
		{2, "box", "2 boxes"},
	} {
		t.Run(c.want, func(t *testing.T) {
			assert.Equal(t, c.want, counted(c.n, c.noun))
		})
	}
}

func TestPValue(t *testing.T) {
	p := func(v float64) *float64 { return &v }
	for _, c := range []struct {
		name string
		p    *float64
		want string
	}{
		{"tiny", p(2.22e-206), "p < 0.001"},
		{"zero", p(0), "p < 0.001"},
		{"just below a thousandth", p(0.00099), "p < 0.001"},
		{"a thousandth", p(0.001), "p = 0.001"},
		{"small", p(0.0094), "p = 0.009"},
		{"large", p(0.16812), "p = 0.168"},
		{"one", p(1), "p = 1.000"},
		{"undefined", nil, "p = n/a"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, pEquals(c.p))
		})
	}
}

func TestDurations(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{threshold(20 * time.Second), "20 s"},
		{threshold(24 * time.Hour), "24 h"},
		{threshold(7 * 24 * time.Hour), "7 days"},
		{threshold(30 * time.Minute), "30 min"},
		{threshold(1500 * time.Millisecond), "1.5 s"},
		{handleText(328 * time.Second), "5 min 28 s"},
		{handleText(45 * time.Second), "45 s"},
		{handleText(485 * time.Second), "8 min 5 s"},
		{days(11208.0 / 24), "467 days"},
		{days(1), "1 day"},
		{waitText(ptr(31.94)), "31.9 s"},
		{waitText(ptr(312.4)), "312 s"},
		{waitText(nil), "n/a"},
	} {
		assert.Equal(t, c.want, c.got)
	}
}

func TestFigures(t *testing.T) {
	d := decimal.RequireFromString("8.035")
	assert.Equal(t, "42.3 %", pct(ptr(42.25001)))
	assert.Equal(t, "n/a", pct(nil))
	assert.Equal(t, "42.3 %", share(0.42251))
	assert.Equal(t, "+13.4", signedPoints(ptr(13.44)))
	assert.Equal(t, "-13.4", signedPoints(ptr(-13.44)))
	assert.Equal(t, "8.04 €", euros(&d))
	assert.Equal(t, "n/a", euros(nil))
	assert.Equal(t, "-13.2 … -8.7", interval(&nps.Interval{Lo: -13.24, Hi: -8.66}, "%+.1f"))
}

func TestClean(t *testing.T) {
	for _, c := range []struct {
		in, want string
	}{
		{"C00042", "C00042"},
		{"Zoë Müller", "Zoë Müller"},
		{`a "quoted" id`, `a "quoted" id`},
		{"\x1b[31m", `"\x1b[31m"`},
		{"C2\rC9", `"C2\rC9"`},
		{"tab\there", `"tab\there"`},
		{"C3\u202eevil", `"C3\u202eevil"`},
		{"\u2066isolate\u2069", `"\u2066isolate\u2069"`},
		{"\u200fmark", `"\u200fmark"`},
		{"bell\a", `"bell\a"`},
		{"c1\u0085", `"c1\u0085"`},
	} {
		t.Run(c.want, func(t *testing.T) {
			assert.Equal(t, c.want, clean(c.in))
		})
	}
}

// The sample report says every figure the report's way: no Go durations
// (24h0m0s, 5m28s), no "1 agents", no "1 in 1 voices it", no p-value in
// exponent notation, every percentage with one decimal and a space. A
// level or a share the report names as a parameter (a 95 % interval, the
// top 20 % of customers) is a name, not a figure.
func TestSampleWording(t *testing.T) {
	out, _ := runReport(t, defaults())
	out = regexp.MustCompile(`95 % (interval|adjusted|Wilson|t interval)|top 20 %|make 80 %|\(80 % / 95 % of revenue\)|inside their 95 %`).ReplaceAllString(out, "")
	for _, c := range []struct {
		name string
		re   string
	}{
		{"Go duration", `\b\d+h\d+m|\b\d+m\d+(\.\d+)?s\b|\d+h0m0s`},
		{"singular count with a plural noun", `\b1 (agents|positions|customers|days|answers|contacts|calls|months)\b`},
		{"plural count with a singular noun", `\b([02-9]|\d\d+) (agent|position|day|answer|month)\b[^-s]`},
		{"1 in 1", `1 in 1 voices`},
		{"exponent", `\d[eE][-+]?\d`},
		{"percentage without one decimal", `(^|[^.\d])\d+ ?%|\d\.\d\d+ ?%|\d%`},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Empty(t, regexp.MustCompile(c.re).FindAllString(out, 5))
		})
	}
}

func ptr(v float64) *float64 { return &v }
