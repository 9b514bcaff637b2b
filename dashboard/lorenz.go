package dashboard

import (
	"fmt"
	"math"
	"strings"

	"github.com/rapportkit/rapport/tidy"
)

// Lorenz draws the concentration of a quantity (revenue, contacts) over
// customers: the share of the total held by the smallest x % of
// customers, against the diagonal of equal shares; the area between
// them is half the Gini ratio.
type Lorenz struct {
	Title string
	// Points are the curve, customers from the smallest to the largest;
	// (0, 0) and (100, 100) are added when missing.
	Points    []LorenzPoint
	GiniRatio *float64
	Of        string // what is concentrated: "revenue" when empty
	Note      string
}

// LorenzPoint is the share SharePct of the total held by the smallest
// CustomerPct of customers, both in percent.
type LorenzPoint struct {
	CustomerPct, SharePct float64
}

func (l *Lorenz) heading() string   { return l.Title }
func (l *Lorenz) caption() string   { return l.Note }
func (l *Lorenz) tests() []*float64 { return nil }

// curve returns the checked points from (0, 0) to (100, 100).
func (l *Lorenz) curve() ([]LorenzPoint, error) {
	if len(l.Points) > MaxItems {
		return nil, fmt.Errorf("%w: %d points, more than %d", ErrInput, len(l.Points), MaxItems)
	}
	if err := finite("Gini ratio", l.GiniRatio); err != nil {
		return nil, err
	}
	pts := make([]LorenzPoint, 0, len(l.Points)+2)
	if len(l.Points) == 0 || l.Points[0] != (LorenzPoint{}) {
		pts = append(pts, LorenzPoint{})
	}
	pts = append(pts, l.Points...)
	if pts[len(pts)-1] != (LorenzPoint{100, 100}) {
		pts = append(pts, LorenzPoint{100, 100})
	}
	for i, p := range pts {
		if err := finite(fmt.Sprintf("point %d", i), &p.CustomerPct, &p.SharePct); err != nil {
			return nil, err
		}
		if p.CustomerPct < 0 || p.CustomerPct > 100 || p.SharePct < 0 || p.SharePct > 100 {
			return nil, fmt.Errorf("%w: point (%v, %v) not within 0–100 %%", ErrInput, p.CustomerPct, p.SharePct)
		}
		if i > 0 && (p.CustomerPct < pts[i-1].CustomerPct || p.SharePct < pts[i-1].SharePct) {
			return nil, fmt.Errorf("%w: point (%v, %v) before (%v, %v): a Lorenz curve rises from (0, 0) to (100, 100)", ErrInput, p.CustomerPct, p.SharePct, pts[i-1].CustomerPct, pts[i-1].SharePct)
		}
	}
	return pts, nil
}

func (l *Lorenz) draw(id string, _ []mark) (svg, error) {
	pts, err := l.curve()
	if err != nil {
		return svg{}, err
	}
	of := l.Of
	if of == "" {
		of = "revenue"
	}
	of = clean(of)
	s := svg{ID: id, W: 640, H: 330, Title: clean(l.Title)}
	c := canvas{&s}
	left, top, side := 64.0, 40.0, 230.0
	bottom, right := top+side, left+side
	ax := scale{lo: 0, hi: 100, from: left, to: right, ticks: []float64{0, 20, 40, 60, 80, 100}}
	ay := scale{lo: 0, hi: 100, from: bottom, to: top, ticks: ax.ticks}
	for _, v := range ax.ticks {
		c.line(ax.at(v), top, ax.at(v), bottom, "grid", "", "")
		c.line(left, ay.at(v), right, ay.at(v), "grid", "", "")
		c.text(ax.at(v), bottom+16, "middle", "tick", ax.tick(v, "%"))
		c.text(left-6, ay.at(v)+4, "end", "tick", ay.tick(v, "%"))
	}
	c.text((left+right)/2, bottom+34, "middle", "axis", "customers, smallest first")
	c.add(elem{Tag: "text", X: num(16), Y: num((top + bottom) / 2), Rotate: "-90", Anchor: "middle", Class: "axis", Text: "share of " + of})
	var area, curve pathData
	for i, p := range pts {
		if i == 0 {
			area.move(ax.at(p.CustomerPct), ay.at(p.SharePct))
			curve.move(ax.at(p.CustomerPct), ay.at(p.SharePct))
		} else {
			area.to(ax.at(p.CustomerPct), ay.at(p.SharePct))
			curve.to(ax.at(p.CustomerPct), ay.at(p.SharePct))
		}
	}
	area.close() // back along the diagonal
	c.path(&area, "band", blue, "", "0.18", "")
	c.line(left, bottom, right, top, "equality", grey, "5 4")
	c.path(&curve, "line", "none", blue, "", "")
	for _, p := range pts[1 : len(pts)-1] {
		tip := fmt.Sprintf("the smallest %s of customers hold %s of %s", FormatValue(&p.CustomerPct, tidy.Pct), FormatValue(&p.SharePct, tidy.Pct), of)
		c.circle(ax.at(p.CustomerPct), ay.at(p.SharePct), 2.6, "point", blue, "#fff", tip)
	}
	// The words at the right: the Gini ratio and the share of the top 20 %.
	tx := right + 40
	lines := []string{}
	if g := l.GiniRatio; g != nil {
		lines = append(lines, "Gini ratio "+signed(*g, 2, false))
	}
	if top20, ok := shareAt(pts, 80); ok {
		v := 100 - top20
		lines = append(lines, fmt.Sprintf("the largest 20 %% of customers hold %s of %s", FormatValue(&v, tidy.Pct), of))
	}
	ty := top + 44
	for _, t := range lines {
		for _, w := range wrap(t, 34) {
			c.text(tx, ty, "start", "note", w)
			ty += 17
		}
		ty += 8
	}
	c.legend(tx, top+4, 630, []key{{"line", blue, "Lorenz curve"}, {"dash", "", "equal shares"}})
	s.Desc = fmt.Sprintf("%s. Lorenz curve of %s over customers: %s.", clean(l.Title), of, joinWords(lines))
	return s, nil
}

// shareAt interpolates the curve at x percent of customers.
func shareAt(pts []LorenzPoint, x float64) (float64, bool) {
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		if b.CustomerPct >= x && a.CustomerPct <= x {
			if b.CustomerPct == a.CustomerPct {
				return b.SharePct, true
			}
			t := (x - a.CustomerPct) / (b.CustomerPct - a.CustomerPct)
			return a.SharePct + t*(b.SharePct-a.SharePct), !math.IsNaN(t)
		}
	}
	return 0, false
}

func joinWords(ws []string) string {
	if len(ws) == 0 {
		return "no summary"
	}
	out := ws[0]
	for _, w := range ws[1:] {
		out += "; " + w
	}
	return out
}

// wrap breaks a text into lines of at most n characters at spaces.
func wrap(s string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > n {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}
