package dashboard

import (
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/rapportkit/rapport/adjust"
)

// Errors of the package; every error it returns wraps one of them.
var (
	// ErrInput reports a value the dashboard cannot draw: a figure that
	// is NaN or infinite, series of different lengths, a curve that goes
	// back, more than MaxItems items in a chart.
	ErrInput = errors.New("dashboard: invalid input")
	// ErrLevel reports a significance level Alpha outside (0, 1).
	ErrLevel = errors.New("dashboard: significance level not in (0, 1)")
	// ErrMethod reports an adjustment package adjust does not offer.
	ErrMethod = errors.New("dashboard: unknown adjustment")
)

// MaxItems bounds the items of one chart (points of all its lines, bars,
// steps, cells, slots), and so the size of the page.
const MaxItems = 10000

// Direction says which way a figure is better.
type Direction int

const (
	// Higher is better: NPS, CSAT, service level, FCR, retention.
	Higher Direction = iota
	// Lower is better: AHT, ASA, abandonment, churn, customer effort on
	// an effort scale.
	Lower
	// Neutral is neither: a volume of contacts. Changes have no verdict
	// and a target is a level to reach.
	Neutral
)

// Dashboard is one self-contained HTML page: inline CSS and SVG, no
// script, no font or image to fetch, so it opens offline, in a mail
// client and in a browser that blocks scripts.
type Dashboard struct {
	Title    string
	Subtitle string // the period, the as-of date, the data source
	Sections []Section
	// Adjust is the multiple-testing adjustment applied to every
	// p-value of the page together (tiles, trend points, bars) before a
	// change is marked significant: BenjaminiHochberg when empty.
	Adjust adjust.Method
	// Alpha is the significance level, 0.05 when zero.
	Alpha  float64
	Footer string // a line at the bottom of the page
}

// Section is a titled part of the page: tiles, then charts, then tables.
type Section struct {
	Title  string
	Tiles  []Tile
	Charts []Chart
	Tables []Table
}

// Chart is one of *Trend, *Bars, *Survival, *Lorenz, *Matrix, *Heatmap
// and *Staffing.
type Chart interface {
	// heading returns the chart's title.
	heading() string
	// tests returns the p-values the chart marks significance by.
	tests() []*float64
	// draw checks the chart and draws it, with the outcome of its tests.
	draw(id string, marks []mark) (svg, error)
	// note returns the line under the chart.
	caption() string
}

// mark is the outcome of one test after adjustment.
type mark struct {
	p, adjusted *float64
	significant bool
}

// Render writes the dashboard as one HTML page. It fails with ErrInput
// for a value it cannot draw, naming the section, chart and item, and
// with ErrLevel or ErrMethod for the significance settings; it writes
// nothing then.
func (d *Dashboard) Render(w io.Writer) error {
	v, err := d.view()
	if err != nil {
		return err
	}
	return page.Execute(w, v)
}

type pageView struct {
	Title, Subtitle, Footer, Significance string
	Sections                              []sectionView
}

type sectionView struct {
	Title  string
	Tiles  []tileView
	Charts []chartView
	Tables []tableView
}

type chartView struct {
	Title, Note string
	SVG         svg
}

func (d *Dashboard) view() (pageView, error) {
	method, alpha := d.Adjust, d.Alpha
	if method == "" {
		method = adjust.BenjaminiHochberg
	}
	if alpha == 0 {
		alpha = 0.05
	}
	if !(alpha > 0 && alpha < 1) {
		return pageView{}, fmt.Errorf("%w: Alpha %v", ErrLevel, alpha)
	}
	// The family: every p-value of the page, in order.
	var ps []*float64
	for _, s := range d.Sections {
		for _, t := range s.Tiles {
			ps = append(ps, t.P)
		}
		for _, c := range s.Charts {
			if c != nil {
				ps = append(ps, c.tests()...)
			}
		}
	}
	for i, p := range ps {
		if p != nil && !(*p >= 0 && *p <= 1) {
			return pageView{}, fmt.Errorf("%w: p-value %v of test %d not in [0, 1]", ErrInput, *p, i)
		}
	}
	marks := make([]mark, len(ps))
	tested := 0
	if len(ps) > 0 {
		adj, err := adjust.P(ps, method)
		if err != nil {
			if errors.Is(err, adjust.ErrMethod) {
				return pageView{}, fmt.Errorf("%w: %q", ErrMethod, method)
			}
			return pageView{}, fmt.Errorf("%w: %v", ErrInput, err)
		}
		sig, err := adjust.Significant(ps, method, alpha)
		if err != nil {
			return pageView{}, fmt.Errorf("%w: %v", ErrInput, err)
		}
		for i := range ps {
			marks[i] = mark{p: ps[i], adjusted: adj[i], significant: sig[i]}
			if ps[i] != nil {
				tested++
			}
		}
	}
	v := pageView{Title: clean(d.Title), Subtitle: clean(d.Subtitle), Footer: clean(d.Footer)}
	if tested > 0 {
		v.Significance = fmt.Sprintf("A change or difference is marked significant when its p-value, adjusted by %s across the %d tests on this page, is at most %s.",
			methodName(method), tested, trimFloat(alpha))
	}
	k, id := 0, 0
	for si, s := range d.Sections {
		sv := sectionView{Title: clean(s.Title)}
		for ti, t := range s.Tiles {
			tv, err := t.view(marks[k])
			if err != nil {
				return pageView{}, fmt.Errorf("section %d %q, tile %d %q: %w", si, clean(s.Title), ti, clean(t.Label), err)
			}
			k++
			sv.Tiles = append(sv.Tiles, tv)
		}
		for ci, c := range s.Charts {
			if c == nil {
				return pageView{}, fmt.Errorf("%w: section %d %q, chart %d is nil", ErrInput, si, clean(s.Title), ci)
			}
			n := len(c.tests())
			id++
			g, err := c.draw(fmt.Sprintf("c%d", id), marks[k:k+n])
			if err != nil {
				return pageView{}, fmt.Errorf("section %d %q, chart %d %q: %w", si, clean(s.Title), ci, clean(c.heading()), err)
			}
			k += n
			sv.Charts = append(sv.Charts, chartView{Title: clean(c.heading()), Note: clean(c.caption()), SVG: g})
		}
		for ti, t := range s.Tables {
			tv, err := t.view()
			if err != nil {
				return pageView{}, fmt.Errorf("section %d %q, table %d %q: %w", si, clean(s.Title), ti, clean(t.Title), err)
			}
			sv.Tables = append(sv.Tables, tv)
		}
		v.Sections = append(v.Sections, sv)
	}
	return v, nil
}

func methodName(m adjust.Method) string {
	switch m {
	case adjust.None:
		return "nothing (no adjustment)"
	case adjust.Bonferroni:
		return "Bonferroni"
	case adjust.Holm:
		return "Holm"
	case adjust.Hochberg:
		return "Hochberg"
	case adjust.BenjaminiHochberg:
		return "Benjamini–Hochberg"
	case adjust.BenjaminiYekutieli:
		return "Benjamini–Yekutieli"
	}
	return clean(string(m))
}

func trimFloat(x float64) string { return fmt.Sprint(x) }

// MaxValue bounds the magnitude of a figure drawn: ±10¹⁵, beyond any
// KPI and within what a float64 scale can be drawn on.
const MaxValue = 1e15

// finite checks optional figures: a number within ±MaxValue.
func finite(what string, vs ...*float64) error {
	for _, v := range vs {
		if v != nil && !(math.Abs(*v) <= MaxValue) {
			return fmt.Errorf("%w: %s is %v, not a number within ±%g", ErrInput, what, *v, MaxValue)
		}
	}
	return nil
}

// significance describes the outcome of a test for a tooltip.
func (m mark) String() string {
	if m.p == nil {
		return ""
	}
	s := FormatP(m.p)
	if m.adjusted != nil {
		s += ", adjusted " + FormatP(m.adjusted)[2:]
	}
	if m.significant {
		return s + ": significant"
	}
	return s + ": not significant"
}
