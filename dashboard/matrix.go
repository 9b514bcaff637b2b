package dashboard

import (
	"fmt"
	"math"
	"strings"
)

// Matrix draws a transition matrix: the customers in each tier (rows)
// before and in each tier (columns) after, each cell shaded by its
// share of the row and the diagonal — those who stayed — outlined.
type Matrix struct {
	Title            string
	RowAxis, ColAxis string // "tier last year", "tier this year"
	Rows, Cols       []string
	Counts           [][]uint64 // Counts[i][j]: from Rows[i] to Cols[j]
	Note             string
}

func (m *Matrix) heading() string   { return m.Title }
func (m *Matrix) caption() string   { return m.Note }
func (m *Matrix) tests() []*float64 { return nil }

func (m *Matrix) check() error {
	if len(m.Rows) == 0 || len(m.Cols) == 0 {
		return fmt.Errorf("%w: no row or no column", ErrInput)
	}
	if len(m.Rows)*len(m.Cols) > MaxItems {
		return fmt.Errorf("%w: %d cells, more than %d", ErrInput, len(m.Rows)*len(m.Cols), MaxItems)
	}
	if len(m.Counts) != len(m.Rows) {
		return fmt.Errorf("%w: %d rows of counts for %d rows", ErrInput, len(m.Counts), len(m.Rows))
	}
	for i, r := range m.Counts {
		if len(r) != len(m.Cols) {
			return fmt.Errorf("%w: row %d %q has %d counts for %d columns", ErrInput, i, clean(m.Rows[i]), len(r), len(m.Cols))
		}
	}
	return nil
}

func (m *Matrix) draw(id string, _ []mark) (svg, error) {
	if err := m.check(); err != nil {
		return svg{}, err
	}
	cw := math.Min(80, 440/float64(len(m.Cols)+1))
	const ch = 34.0
	left, top := 150.0, 70.0
	s := svg{ID: id, W: 640, H: int(top + ch*float64(len(m.Rows)) + 44), Title: clean(m.Title)}
	c := canvas{&s}
	c.text(left+cw*float64(len(m.Cols))/2, 20, "middle", "axis", short(m.ColAxis)+" →")
	c.text(left-8, top-26, "end", "axis", short(m.RowAxis)+" ↓")
	for j, col := range m.Cols {
		c.textTip(left+cw*(float64(j)+0.5), top-8, "middle", "tick label", "", cut(clean(col), 10), clean(col))
	}
	c.text(left+cw*(float64(len(m.Cols))+0.5), top-8, "middle", "tick label", "total")
	var desc []string
	for i, row := range m.Counts {
		var total uint64
		for _, n := range row {
			total += n
		}
		yy := top + ch*float64(i)
		name := clean(m.Rows[i])
		c.textTip(left-8, yy+ch/2+4, "end", "tick label", "", cut(name, 20), name)
		var parts []string
		for j, n := range row {
			share := 0.0
			if total > 0 {
				share = float64(n) / float64(total)
			}
			tip := fmt.Sprintf("%s → %s: %s of %s (%s)", name, clean(m.Cols[j]), grouped(float64(n), 0), grouped(float64(total), 0), pctText(share, total))
			xx := left + cw*float64(j)
			class := "cell"
			if i == j && i < len(m.Cols) {
				class = "cell diag"
			}
			c.rect(xx+1, yy+1, cw-2, ch-2, class, shade(share), "", tip)
			ink := "ink"
			if share > 0.55 {
				ink = "ink light"
			}
			c.textTip(xx+cw/2, yy+15, "middle", ink+" count", "", grouped(float64(n), 0), tip)
			c.textTip(xx+cw/2, yy+28, "middle", ink+" share", "", pctText(share, total), tip)
			if n > 0 {
				parts = append(parts, fmt.Sprintf("%s to %s", grouped(float64(n), 0), clean(m.Cols[j])))
			}
		}
		c.text(left+cw*(float64(len(m.Cols))+0.5), yy+ch/2+4, "middle", "tick", grouped(float64(total), 0))
		desc = append(desc, fmt.Sprintf("of %s from %s, %s", grouped(float64(total), 0), name, strings.Join(parts, ", ")))
	}
	bottom := top + ch*float64(len(m.Rows))
	c.legend(left, bottom+26, 630, []key{{"bar", shade(0.8), "darker: a larger share of the row"}, {"none", "", "outlined: stayed"}})
	s.Desc = fmt.Sprintf("%s. %s by %s: %s.", clean(m.Title), clean(m.RowAxis), clean(m.ColAxis), strings.Join(desc, "; "))
	return s, nil
}

func pctText(share float64, total uint64) string {
	if total == 0 {
		return "n/a"
	}
	return signed(100*share, 0, false) + "%"
}

// shade blends white into the palette's blue by t in [0, 1]: one hue,
// so the order of the shades reads the same with any colour vision.
func shade(t float64) string {
	t = math.Min(1, math.Max(0, t))
	mix := func(to float64) int { return int(math.Round(255 + (to-255)*t)) }
	return fmt.Sprintf("#%02x%02x%02x", mix(0x00), mix(0x72), mix(0xB2))
}
