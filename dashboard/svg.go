package dashboard

import (
	"math"
	"strconv"
	"strings"
)

// The Okabe–Ito palette (Okabe & Ito 2008), told apart with every common
// colour-vision deficiency. Series take them in this order; yellow is
// left out of lines for its low contrast on white.
const (
	blue      = "#0072B2"
	orange    = "#E69F00"
	green     = "#009E73" // bluish green
	vermilion = "#D55E00"
	purple    = "#CC79A7" // reddish purple
	sky       = "#56B4E9"
	yellow    = "#F0E442"
	black     = "#000000"
	grey      = "#6b6b6b"
)

var series = []string{blue, orange, green, vermilion, purple, sky, black}

func colour(i int) string { return series[i%len(series)] }

// elem is one SVG element; its attributes are numbers this package
// formats and names of its own (classes, palette colours), and its text
// and tip (a <title> child, the tooltip) are escaped by html/template.
type elem struct {
	Tag                   string // line, rect, circle, path, text
	X, Y, X2, Y2, W, H, R string
	D                     string
	Class, Fill, Stroke   string
	Dash, Anchor, Opacity string
	Text, Tip             string
	Rotate                string // a rotation in degrees about (X, Y)
}

// svg is one chart.
type svg struct {
	ID          string
	W, H        int
	Title, Desc string
	Hatch       bool // define the hatch pattern
	Elems       []elem
}

// canvas draws a chart.
type canvas struct{ s *svg }

func num(x float64) string {
	if math.Abs(x) < 0.05 {
		return "0"
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}

func (c *canvas) add(e elem) { c.s.Elems = append(c.s.Elems, e) }

func (c *canvas) line(x1, y1, x2, y2 float64, class, stroke, dash string) {
	c.add(elem{Tag: "line", X: num(x1), Y: num(y1), X2: num(x2), Y2: num(y2), Class: class, Stroke: stroke, Dash: dash})
}

func (c *canvas) rect(x, y, w, h float64, class, fill, stroke, tip string) {
	if w < 0 {
		x, w = x+w, -w
	}
	if h < 0 {
		y, h = y+h, -h
	}
	c.add(elem{Tag: "rect", X: num(x), Y: num(y), W: num(w), H: num(h), Class: class, Fill: fill, Stroke: stroke, Tip: tip})
}

func (c *canvas) circle(x, y, r float64, class, fill, stroke, tip string) {
	c.add(elem{Tag: "circle", X: num(x), Y: num(y), R: num(r), Class: class, Fill: fill, Stroke: stroke, Tip: tip})
}

func (c *canvas) path(d *pathData, class, fill, stroke, opacity, tip string) {
	if d.Len() == 0 {
		return
	}
	c.add(elem{Tag: "path", D: d.String(), Class: class, Fill: fill, Stroke: stroke, Opacity: opacity, Tip: tip})
}

func (c *canvas) text(x, y float64, anchor, class, s string) {
	c.add(elem{Tag: "text", X: num(x), Y: num(y), Anchor: anchor, Class: class, Text: s})
}

func (c *canvas) textTip(x, y float64, anchor, class, fill, s, tip string) {
	c.add(elem{Tag: "text", X: num(x), Y: num(y), Anchor: anchor, Class: class, Fill: fill, Text: s, Tip: tip})
}

// pathData builds the d attribute of a path from numbers alone, in
// pixels rounded to a tenth: a point on the last one is dropped, and a
// run of points along one horizontal or vertical line keeps its ends, so
// that a curve of thousands of steps costs a few hundred points.
type pathData struct {
	pts    [][2]float64
	starts []int // indexes of the points that begin a subpath
	closed []bool
}

func (p *pathData) move(x, y float64) {
	p.starts = append(p.starts, len(p.pts))
	p.closed = append(p.closed, false)
	p.pts = append(p.pts, [2]float64{round1(x), round1(y)})
}

func (p *pathData) to(x, y float64) {
	q := [2]float64{round1(x), round1(y)}
	n := len(p.pts)
	first := p.starts[len(p.starts)-1]
	if n > first && p.pts[n-1] == q {
		return
	}
	if n-first >= 2 {
		a, b := p.pts[n-2], p.pts[n-1]
		if a[0] == b[0] && b[0] == q[0] || a[1] == b[1] && b[1] == q[1] {
			p.pts[n-1] = q
			return
		}
	}
	p.pts = append(p.pts, q)
}

func (p *pathData) close() { p.closed[len(p.closed)-1] = true }

func (p *pathData) Len() int { return len(p.pts) }

func (p *pathData) String() string {
	var b strings.Builder
	for k, start := range p.starts {
		end := len(p.pts)
		if k+1 < len(p.starts) {
			end = p.starts[k+1]
		}
		for i := start; i < end; i++ {
			if i == start {
				b.WriteByte('M')
			} else {
				b.WriteByte('L')
			}
			b.WriteString(num(p.pts[i][0]))
			b.WriteByte(',')
			b.WriteString(num(p.pts[i][1]))
		}
		if p.closed[k] {
			b.WriteByte('Z')
		}
	}
	return b.String()
}

func round1(x float64) float64 { return math.Round(10*x) / 10 }

// scale maps data values onto pixels.
type scale struct {
	lo, hi       float64 // data
	from, to     float64 // pixels
	step         float64 // between ticks
	ticks        []float64
	tickDecimals int
}

func (s scale) at(v float64) float64 {
	if s.hi == s.lo {
		return (s.from + s.to) / 2
	}
	return s.from + (v-s.lo)/(s.hi-s.lo)*(s.to-s.from)
}

// niceScale covers [lo, hi] with about n ticks on round numbers: steps
// of 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers for graph
// labels", Graphics Gems, 1990).
func niceScale(lo, hi float64, n int, from, to float64) scale {
	if lo > hi {
		lo, hi = hi, lo
	}
	if hi == lo {
		pad := math.Max(1, math.Abs(lo)*0.1)
		lo, hi = lo-pad, hi+pad
	}
	step := nice((hi-lo)/float64(max(1, n-1)), true)
	// lo/step is 50.99999999999999 for 5.1/0.1: round off the float's
	// error before taking the tick below (and above).
	decimals := max(0, int(-math.Floor(math.Log10(step)+1e-9)))
	s := scale{from: from, to: to, step: step, tickDecimals: decimals,
		lo: roundTo(math.Floor(lo/step+1e-9)*step, decimals), hi: roundTo(math.Ceil(hi/step-1e-9)*step, decimals)}
	for i := 0; i <= 4*n; i++ { // about n ticks; the bound is a guard
		v := s.lo + float64(i)*step
		if v > s.hi+step/2 {
			break
		}
		s.ticks = append(s.ticks, roundTo(v, s.tickDecimals))
	}
	return s
}

func nice(x float64, round bool) float64 {
	e := math.Floor(math.Log10(x))
	f := x / math.Pow(10, e)
	var n float64
	switch {
	case round && f < 1.5, !round && f <= 1:
		n = 1
	case round && f < 3, !round && f <= 2:
		n = 2
	case round && f < 7, !round && f <= 5:
		n = 5
	default:
		n = 10
	}
	return n * math.Pow(10, e)
}

func roundTo(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	r := math.Round(v*p) / p
	if r == 0 {
		return 0 // no −0
	}
	return r
}

// tick writes a tick value with the scale's decimals, with the unit's
// mark where it is short (80%, +20).
func (s scale) tick(v float64, mark string) string {
	t := signed(v, s.tickDecimals, mark == "+")
	if mark == "%" {
		t += "%"
	}
	return t
}

// key is one entry of a legend: a swatch and its words.
type key struct {
	swatch string // line, band, bar, hatch, dash, ring, tick, none
	colour string
	words  string
}

// legend draws keys in rows from (x, y) to the right edge.
func (c *canvas) legend(x, y, right float64, keys []key) {
	cx := x
	for _, k := range keys {
		words := clean(k.words)
		w := 28 + 7.2*float64(len([]rune(words)))
		if cx > x && cx+w > right {
			cx, y = x, y+16
		}
		switch k.swatch {
		case "line":
			c.line(cx, y-4, cx+14, y-4, "keyline", k.colour, "")
		case "dash":
			c.line(cx, y-4, cx+14, y-4, "target", "", "6 4")
		case "band":
			c.add(elem{Tag: "rect", X: num(cx), Y: num(y - 10), W: "14", H: "12", Fill: k.colour, Opacity: "0.25"})
		case "bar":
			c.rect(cx, y-10, 14, 12, "", k.colour, "#9a9a9a", "")
		case "hatch":
			c.rect(cx, y-10, 14, 12, "short", "url(#hatch)", vermilion, "")
		case "ring":
			c.circle(cx+7, y-4, 5, "ring", "none", black, "")
		case "tick":
			c.line(cx+7, y-9, cx+7, y+1, "censor", k.colour, "")
		}
		c.text(cx+18, y, "start", "legend", words)
		cx += w
	}
}
