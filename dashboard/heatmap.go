package dashboard

import (
	"fmt"
	"math"
	"strings"

	"github.com/rapportkit/rapport/tidy"
)

// Heatmap draws a grid of figures shaded by value: a cohort table (the
// share of each acquisition month still active k months on), an RFM grid
// (customers by recency and frequency score). An undefined cell (nil) is
// left blank.
type Heatmap struct {
	Title            string
	RowAxis, ColAxis string
	Rows, Cols       []string
	Unit             tidy.Unit
	Values           [][]*float64 // Values[i][j]: row i, column j; a row may be shorter
	// Lo and Hi are the values shaded lightest and darkest; the smallest
	// and the largest value when both are nil.
	Lo, Hi *float64
	Note   string
}

func (h *Heatmap) heading() string   { return h.Title }
func (h *Heatmap) caption() string   { return h.Note }
func (h *Heatmap) tests() []*float64 { return nil }

func (h *Heatmap) check() error {
	if len(h.Rows) == 0 || len(h.Cols) == 0 {
		return fmt.Errorf("%w: no row or no column", ErrInput)
	}
	if len(h.Rows)*len(h.Cols) > MaxItems {
		return fmt.Errorf("%w: %d cells, more than %d", ErrInput, len(h.Rows)*len(h.Cols), MaxItems)
	}
	if len(h.Values) != len(h.Rows) {
		return fmt.Errorf("%w: %d rows of values for %d rows", ErrInput, len(h.Values), len(h.Rows))
	}
	for i, r := range h.Values {
		if len(r) > len(h.Cols) {
			return fmt.Errorf("%w: row %d %q has %d values for %d columns", ErrInput, i, clean(h.Rows[i]), len(r), len(h.Cols))
		}
		if err := finite(fmt.Sprintf("row %d %q", i, clean(h.Rows[i])), r...); err != nil {
			return err
		}
	}
	if err := finite("Lo or Hi", h.Lo, h.Hi); err != nil {
		return err
	}
	return nil
}

// compact writes a figure short enough for a cell: 86%, +31, 4.1, 1,234.
func compact(v float64, u tidy.Unit) string {
	switch u {
	case tidy.Pct:
		return signed(v, 0, false) + "%"
	case tidy.Points:
		return signed(v, 0, true)
	case tidy.Score, tidy.Ratio:
		return signed(v, 1, false)
	}
	if v == math.Trunc(v) {
		return grouped(v, 0)
	}
	return grouped(v, 1)
}

func (h *Heatmap) draw(id string, _ []mark) (svg, error) {
	if err := h.check(); err != nil {
		return svg{}, err
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range h.Values {
		for _, v := range r {
			if v != nil {
				lo, hi = math.Min(lo, *v), math.Max(hi, *v)
			}
		}
	}
	if h.Lo != nil {
		lo = *h.Lo
	}
	if h.Hi != nil {
		hi = *h.Hi
	}
	cw := math.Min(64, 460/float64(len(h.Cols)))
	ch := math.Min(26, math.Max(12, 420/float64(len(h.Rows))))
	left, top := 130.0, 66.0
	s := svg{ID: id, W: 640, H: int(top + ch*float64(len(h.Rows)) + 44), Title: clean(h.Title)}
	c := canvas{&s}
	c.text(left+cw*float64(len(h.Cols))/2, 20, "middle", "axis", short(h.ColAxis)+" →")
	c.text(left-8, top-26, "end", "axis", short(h.RowAxis)+" ↓")
	every := (len(h.Cols) + 15) / 16
	for j, col := range h.Cols {
		if j%every == 0 {
			c.textTip(left+cw*(float64(j)+0.5), top-8, "middle", "tick label", "", cut(clean(col), 8), clean(col))
		}
	}
	blank, filled := 0, 0
	for i, row := range h.Values {
		yy := top + ch*float64(i)
		name := clean(h.Rows[i])
		c.textTip(left-8, yy+ch/2+4, "end", "tick label", "", cut(name, 18), name)
		for j := range h.Cols {
			var v *float64
			if j < len(row) {
				v = row[j]
			}
			if v == nil {
				blank++
				continue
			}
			filled++
			t := 0.0
			if hi > lo {
				t = (*v - lo) / (hi - lo)
			}
			tip := fmt.Sprintf("%s, %s: %s", name, clean(h.Cols[j]), FormatValue(v, h.Unit))
			xx := left + cw*float64(j)
			c.rect(xx+0.5, yy+0.5, cw-1, ch-1, "cell", shade(t), "", tip)
			if ch >= 16 && cw >= 30 {
				ink := "ink"
				if t > 0.55 {
					ink = "ink light"
				}
				c.textTip(xx+cw/2, yy+ch/2+4, "middle", ink+" share", "", compact(*v, h.Unit), tip)
			}
		}
	}
	bottom := top + ch*float64(len(h.Rows))
	l, m := lo, hi
	c.legend(left, bottom+26, 630, []key{{"bar", shade(0), FormatValue(&l, h.Unit)}, {"bar", shade(1), FormatValue(&m, h.Unit)}, {"none", "", "blank: no value"}})
	s.Desc = fmt.Sprintf("%s. %s by %s, %d rows and %d columns, from %s (lightest) to %s (darkest); %d cells with a value, %d without.",
		clean(h.Title), clean(h.RowAxis), clean(h.ColAxis), len(h.Rows), len(h.Cols), FormatValue(&l, h.Unit), FormatValue(&m, h.Unit), filled, blank)
	if len(h.Rows) <= 12 {
		var rows []string
		for i, row := range h.Values {
			var cells []string
			for j, v := range row {
				if v != nil {
					cells = append(cells, fmt.Sprintf("%s %s", clean(h.Cols[j]), compact(*v, h.Unit)))
				}
			}
			rows = append(rows, clean(h.Rows[i])+": "+strings.Join(cells, ", "))
		}
		s.Desc += " " + strings.Join(rows, "; ") + "."
	}
	return s, nil
}
