package dashboard

import (
	"fmt"
	"math"
	"strings"

	"github.com/rapportkit/rapport/tidy"
)

// Bars compares groups (channels, queues, segments) on one KPI: a bar
// per group from zero with its interval as a whisker, a target line,
// and a mark on each group that differs significantly, after
// adjustment, from the reference its P was computed against.
type Bars struct {
	Title string
	Unit  tidy.Unit
	Axis  string // the value axis's label; the unit's name when empty
	Bars  []Bar
	// Level is the confidence level of the intervals, for the legend.
	Level  float64
	Target *float64
	// Reference says what each bar's P compares it with: "the best
	// channel", "the other channels", "last month".
	Reference string
	Note      string
}

// Bar is one group.
type Bar struct {
	Label         string
	Value, Lo, Hi *float64
	N             uint64
	P             *float64
}

func (b *Bars) heading() string { return b.Title }
func (b *Bars) caption() string { return b.Note }

func (b *Bars) tests() []*float64 {
	ps := make([]*float64, len(b.Bars))
	for i, bar := range b.Bars {
		ps[i] = bar.P
	}
	return ps
}

func (b *Bars) check() error {
	if len(b.Bars) == 0 {
		return fmt.Errorf("%w: no bar", ErrInput)
	}
	if len(b.Bars) > MaxItems {
		return fmt.Errorf("%w: %d bars, more than %d", ErrInput, len(b.Bars), MaxItems)
	}
	for i, bar := range b.Bars {
		if err := finite(fmt.Sprintf("bar %d %q", i, clean(bar.Label)), bar.Value, bar.Lo, bar.Hi); err != nil {
			return err
		}
		if bar.Lo != nil && bar.Hi != nil && *bar.Lo > *bar.Hi {
			return fmt.Errorf("%w: bar %d %q: interval %v > %v", ErrInput, i, clean(bar.Label), *bar.Lo, *bar.Hi)
		}
	}
	return finite("target", b.Target)
}

func (b *Bars) draw(id string, marks []mark) (svg, error) {
	if err := b.check(); err != nil {
		return svg{}, err
	}
	const row = 26.0
	left, right, top := 150.0, 550.0, 50.0
	bottom := top + row*float64(len(b.Bars))
	s := svg{ID: id, W: 640, H: int(bottom + 44), Title: clean(b.Title)}
	c := canvas{&s}
	lo, hi := 0.0, 0.0
	for _, bar := range b.Bars {
		for _, v := range []*float64{bar.Value, bar.Lo, bar.Hi} {
			if v != nil {
				lo, hi = math.Min(lo, *v), math.Max(hi, *v)
			}
		}
	}
	if b.Target != nil {
		lo, hi = math.Min(lo, *b.Target), math.Max(hi, *b.Target)
	}
	x := niceScale(lo, hi, 6, left, right)
	mark := tickMark(b.Unit)
	for _, v := range x.ticks {
		c.line(x.at(v), top-4, x.at(v), bottom, "grid", "", "")
		c.text(x.at(v), bottom+16, "middle", "tick", x.tick(v, mark))
	}
	axis := b.Axis
	if axis == "" {
		axis = unitWords(b.Unit)
	}
	c.text((left+right)/2, bottom+34, "middle", "axis", short(axis))
	zero := x.at(0)
	var sig []string
	for i, bar := range b.Bars {
		m := marks[i]
		yy := top + row*float64(i)
		label := clean(bar.Label)
		c.textTip(left-8, yy+row/2+4, "end", "tick label", "", cut(label, 24), label)
		tip := fmt.Sprintf("%s: %s", label, FormatValue(bar.Value, b.Unit))
		if bar.Lo != nil && bar.Hi != nil {
			tip += fmt.Sprintf(" (%s %s to %s)", levelWords(b.Level), FormatValue(bar.Lo, b.Unit), FormatValue(bar.Hi, b.Unit))
		}
		if bar.N > 0 {
			tip += fmt.Sprintf(", n = %s", grouped(float64(bar.N), 0))
		}
		if m.p != nil {
			tip += "; against " + clean(b.Reference) + ": " + m.String()
		}
		if bar.Value != nil {
			c.rect(zero, yy+5, x.at(*bar.Value)-zero, row-10, "bar", blue, "", tip)
		} else {
			c.textTip(zero+4, yy+row/2+4, "start", "tick", "", "n/a", tip)
		}
		if bar.Lo != nil && bar.Hi != nil {
			l, h, my := x.at(*bar.Lo), x.at(*bar.Hi), yy+row/2
			c.line(l, my, h, my, "whisker", "", "")
			c.line(l, my-5, l, my+5, "whisker", "", "")
			c.line(h, my-5, h, my+5, "whisker", "", "")
		}
		if bar.Value != nil {
			text := FormatValue(bar.Value, b.Unit)
			if m.significant {
				text += " *"
				sig = append(sig, fmt.Sprintf("%s (%s)", label, m.String()))
			}
			c.textTip(right+10, yy+row/2+4, "start", "value", "", text, tip)
		}
	}
	c.line(zero, top-4, zero, bottom, "axisline", "", "")
	if b.Target != nil {
		tx := x.at(*b.Target)
		c.line(tx, top-8, tx, bottom, "target", "", "6 4")
	}
	var keys []key
	if hasWhisker(b.Bars) {
		keys = append(keys, key{"none", "", "├┤ " + levelWords(b.Level)})
	}
	if b.Target != nil {
		keys = append(keys, key{"dash", "", "target " + FormatValue(b.Target, b.Unit)})
	}
	if len(b.tests()) > 0 && b.Reference != "" {
		keys = append(keys, key{"none", "", "* differs significantly from " + b.Reference})
	}
	c.legend(left, 22, 630, keys)
	s.Desc = b.describe(sig)
	return s, nil
}

func hasWhisker(bars []Bar) bool {
	for _, b := range bars {
		if b.Lo != nil && b.Hi != nil {
			return true
		}
	}
	return false
}

func (b *Bars) describe(sig []string) string {
	var parts []string
	for _, bar := range b.Bars {
		parts = append(parts, fmt.Sprintf("%s %s", clean(bar.Label), FormatValue(bar.Value, b.Unit)))
	}
	d := fmt.Sprintf("%s: %s.", clean(b.Title), strings.Join(parts, ", "))
	if b.Target != nil {
		d += " Target " + FormatValue(b.Target, b.Unit) + "."
	}
	switch {
	case len(sig) > 0:
		d += " Significantly different from " + clean(b.Reference) + ": " + strings.Join(sig, "; ") + "."
	case len(b.tests()) > 0 && b.Reference != "":
		d += " None differs significantly from " + clean(b.Reference) + "."
	}
	return d
}

// cut shortens a cleaned text to n characters.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
