package dashboard

import (
	"fmt"
	"math"
	"strings"

	"github.com/rapportkit/rapport/tidy"
)

// Trend is a KPI over periods: a line per series with its interval as a
// band, a target line, and a mark on every change from one period to
// the next that is significant after adjustment.
type Trend struct {
	Title string
	Unit  tidy.Unit
	Axis  string // the y axis's label; the unit's name when empty
	// Periods are the x axis, as the tidy and period packages write
	// them (2025-03, 2025-W11, 2025-03-14, 2025-Q1); other texts are
	// drawn as they are.
	Periods []string
	Lines   []Line
	// Level is the confidence level of the intervals (0.95), for the
	// legend; 0 when it is not known.
	Level  float64
	Target *float64
	Note   string
}

// Line is one series of a trend, a point per period.
type Line struct {
	Name   string
	Points []Point
}

// Point is a figure of one period: its value and interval (nil where
// undefined) and the p-value of its change from the previous period (nil
// where not tested).
type Point struct {
	Value, Lo, Hi *float64
	P             *float64
}

func (t *Trend) heading() string { return t.Title }
func (t *Trend) caption() string { return t.Note }

func (t *Trend) tests() []*float64 {
	var ps []*float64
	for _, l := range t.Lines {
		for _, p := range l.Points {
			ps = append(ps, p.P)
		}
	}
	return ps
}

func (t *Trend) check() error {
	if len(t.Periods) == 0 {
		return fmt.Errorf("%w: no period", ErrInput)
	}
	items := 0
	for i, l := range t.Lines {
		if len(l.Points) != len(t.Periods) {
			return fmt.Errorf("%w: line %d %q has %d points for %d periods", ErrInput, i, clean(l.Name), len(l.Points), len(t.Periods))
		}
		for j, p := range l.Points {
			if err := finite(fmt.Sprintf("line %q, period %q", clean(l.Name), clean(t.Periods[j])), p.Value, p.Lo, p.Hi); err != nil {
				return err
			}
			if p.Lo != nil && p.Hi != nil && *p.Lo > *p.Hi {
				return fmt.Errorf("%w: line %q, period %q: interval %v > %v", ErrInput, clean(l.Name), clean(t.Periods[j]), *p.Lo, *p.Hi)
			}
		}
		items += len(l.Points)
	}
	if items > MaxItems {
		return fmt.Errorf("%w: %d points, more than %d", ErrInput, items, MaxItems)
	}
	return finite("target", t.Target)
}

// unitWords names a unit on an axis.
func unitWords(u tidy.Unit) string {
	switch u {
	case tidy.Pct:
		return "percent"
	case tidy.Points:
		return "points"
	case tidy.Score:
		return "mean score"
	case tidy.Seconds:
		return "seconds"
	case tidy.Days:
		return "days"
	case tidy.Count:
		return "count"
	case tidy.Erlangs:
		return "Erlangs"
	case tidy.PerHour:
		return "per hour"
	}
	return string(u)
}

func tickMark(u tidy.Unit) string {
	switch u {
	case tidy.Pct:
		return "%"
	case tidy.Points:
		return "+"
	}
	return ""
}

func levelWords(level float64) string {
	if level > 0 && level < 1 {
		return fmt.Sprintf("%g %% interval", 100*level)
	}
	return "interval"
}

func (t *Trend) draw(id string, marks []mark) (svg, error) {
	if err := t.check(); err != nil {
		return svg{}, err
	}
	s := svg{ID: id, W: 640, H: 330, Title: clean(t.Title)}
	c := canvas{&s}
	left, right, top, bottom := 64.0, 620.0, 52.0, 270.0
	lo, hi := math.Inf(1), math.Inf(-1)
	see := func(v *float64) {
		if v != nil {
			lo, hi = math.Min(lo, *v), math.Max(hi, *v)
		}
	}
	for _, l := range t.Lines {
		for _, p := range l.Points {
			see(p.Value)
			see(p.Lo)
			see(p.Hi)
		}
	}
	see(t.Target)
	if math.IsInf(lo, 0) {
		lo, hi = 0, 1
	}
	y := niceScale(lo, hi, 6, bottom, top)
	n := len(t.Periods)
	x := func(i int) float64 {
		if n == 1 {
			return (left + right) / 2
		}
		return left + 12 + (right-left-24)*float64(i)/float64(n-1)
	}
	mark := tickMark(t.Unit)
	for _, v := range y.ticks {
		c.line(left, y.at(v), right, y.at(v), "grid", "", "")
		c.text(left-6, y.at(v)+4, "end", "tick", y.tick(v, mark))
	}
	axis := t.Axis
	if axis == "" {
		axis = unitWords(t.Unit)
	}
	c.add(elem{Tag: "text", X: num(16), Y: num((top + bottom) / 2), Rotate: "-90", Anchor: "middle", Class: "axis", Text: short(axis)})
	fulls := periodTicks(&c, t.Periods, x, bottom)

	if t.Target != nil {
		ty := y.at(*t.Target)
		c.line(left, ty, right, ty, "target", "", "6 4")
		c.text(right, ty-5, "end", "tick", "target "+FormatValue(t.Target, t.Unit))
	}
	var sig []string
	k := 0
	for li, l := range t.Lines {
		col := colour(li)
		// The band, a polygon per run of defined bounds.
		for _, run := range runs(len(l.Points), func(i int) bool { return l.Points[i].Lo != nil && l.Points[i].Hi != nil }) {
			var d pathData
			for i := run[0]; i < run[1]; i++ {
				if i == run[0] {
					d.move(x(i), y.at(*l.Points[i].Hi))
				} else {
					d.to(x(i), y.at(*l.Points[i].Hi))
				}
			}
			for i := run[1] - 1; i >= run[0]; i-- {
				d.to(x(i), y.at(*l.Points[i].Lo))
			}
			d.close()
			c.path(&d, "band", col, "", "0.18", "")
		}
		// The line, a path per run of defined values.
		for _, run := range runs(len(l.Points), func(i int) bool { return l.Points[i].Value != nil }) {
			var d pathData
			for i := run[0]; i < run[1]; i++ {
				if i == run[0] {
					d.move(x(i), y.at(*l.Points[i].Value))
				} else {
					d.to(x(i), y.at(*l.Points[i].Value))
				}
			}
			if run[1]-run[0] > 1 {
				c.path(&d, "line", "none", col, "", "")
			}
		}
		for i, p := range l.Points {
			m := marks[k]
			k++
			if p.Value == nil {
				continue
			}
			px, py := x(i), y.at(*p.Value)
			tip := fmt.Sprintf("%s, %s: %s", clean(l.Name), fulls[i], FormatValue(p.Value, t.Unit))
			if p.Lo != nil && p.Hi != nil {
				tip += fmt.Sprintf(" (%s %s to %s)", levelWords(t.Level), FormatValue(p.Lo, t.Unit), FormatValue(p.Hi, t.Unit))
			}
			if i > 0 && l.Points[i-1].Value != nil {
				tip += "; change " + FormatChange(*p.Value-*l.Points[i-1].Value, t.Unit)
			}
			if m.p != nil {
				tip += "; " + m.String()
			}
			c.circle(px, py, 3.2, "point", col, "#fff", tip)
			if m.significant {
				up := i > 0 && l.Points[i-1].Value != nil && cmpDecimal(*p.Value, *l.Points[i-1].Value) > 0
				glyph, gy := "▼", py+19
				if up {
					glyph, gy = "▲", py-10
				}
				c.circle(px, py, 7, "ring", "none", black, tip)
				c.textTip(px, gy, "middle", "sig", black, glyph, tip)
				sig = append(sig, fmt.Sprintf("%s in %s (%s, %s)", clean(l.Name), fulls[i], glyphWord(up), m.String()))
			}
		}
	}
	// The legend, over the plot.
	var keys []key
	for li, l := range t.Lines {
		keys = append(keys, key{"line", colour(li), short(l.Name)})
	}
	if hasBand(t.Lines) {
		keys = append(keys, key{"band", grey, "band: " + levelWords(t.Level)})
	}
	if t.Target != nil {
		keys = append(keys, key{"dash", "", "target"})
	}
	if len(t.tests()) > 0 {
		keys = append(keys, key{"none", "", "▲▼ significant change from the period before"})
	}
	c.legend(left, 18, right, keys)
	s.Desc = t.describe(fulls, sig)
	return s, nil
}

func glyphWord(up bool) string {
	if up {
		return "up"
	}
	return "down"
}

func hasBand(lines []Line) bool {
	for _, l := range lines {
		for _, p := range l.Points {
			if p.Lo != nil && p.Hi != nil {
				return true
			}
		}
	}
	return false
}

// describe is the text alternative of a trend.
func (t *Trend) describe(fulls []string, sig []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s to %s.", clean(t.Title), fulls[0], fulls[len(fulls)-1])
	for _, l := range t.Lines {
		first, last, lowI, highI := -1, -1, -1, -1
		for i, p := range l.Points {
			if p.Value == nil {
				continue
			}
			if first < 0 {
				first = i
			}
			last = i
			if lowI < 0 || *p.Value < *l.Points[lowI].Value {
				lowI = i
			}
			if highI < 0 || *p.Value > *l.Points[highI].Value {
				highI = i
			}
		}
		if first < 0 {
			fmt.Fprintf(&b, " %s: no value.", clean(l.Name))
			continue
		}
		fmt.Fprintf(&b, " %s: %s in %s, %s in %s; lowest %s in %s, highest %s in %s.", clean(l.Name),
			FormatValue(l.Points[first].Value, t.Unit), fulls[first], FormatValue(l.Points[last].Value, t.Unit), fulls[last],
			FormatValue(l.Points[lowI].Value, t.Unit), fulls[lowI], FormatValue(l.Points[highI].Value, t.Unit), fulls[highI])
	}
	if t.Target != nil {
		fmt.Fprintf(&b, " Target %s.", FormatValue(t.Target, t.Unit))
	}
	switch {
	case len(sig) > 0:
		fmt.Fprintf(&b, " Significant changes: %s.", strings.Join(sig, "; "))
	case len(t.tests()) > 0:
		b.WriteString(" No significant change.")
	}
	return b.String()
}

// runs returns the half-open runs [i, j) of indexes where ok holds.
func runs(n int, ok func(int) bool) [][2]int {
	var out [][2]int
	for i := 0; i < n; {
		if !ok(i) {
			i++
			continue
		}
		j := i
		for j < n && ok(j) {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// periodTicks labels the x axis with periods, at most about a dozen, the
// year under the first tick and under each tick of a new year, and
// returns the full names of all the periods.
func periodTicks(c *canvas, periods []string, x func(int) float64, bottom float64) []string {
	every := (len(periods) + 11) / 12
	fulls := make([]string, len(periods))
	year := ""
	for i, p := range periods {
		tick, y, full := period(p)
		fulls[i] = full
		if i%every != 0 {
			continue
		}
		c.line(x(i), bottom, x(i), bottom+4, "axisline", "", "")
		c.text(x(i), bottom+17, "middle", "tick", tick)
		if y != "" && y != year {
			c.text(x(i), bottom+31, "middle", "tick year", y)
			year = y
		}
	}
	return fulls
}
