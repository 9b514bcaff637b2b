package main

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// Charts are hand-made SVG so the dashboard is one self-contained file
// that works offline and the core module needs no chart library.

const (
	chartWidth  = 640
	chartHeight = 260
	margin      = 40
)

// palette is a colour-blind-safe set (Okabe–Ito).
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"}

// series is one line of a line chart; NaN values leave a gap.
type series struct {
	Name   string
	Values []float64
	Lo, Hi []float64 // optional confidence band, same length as Values
}

// lineChart draws series over shared x labels, with an optional band.
func lineChart(title string, labels []string, yMin, yMax float64, unit string, lines ...series) template.HTML {
	var b strings.Builder
	svgOpen(&b, title)
	plotW, plotH := float64(chartWidth-2*margin), float64(chartHeight-2*margin)
	x := func(i int) float64 {
		if len(labels) < 2 {
			return margin + plotW/2
		}
		return margin + plotW*float64(i)/float64(len(labels)-1)
	}
	y := func(v float64) float64 { return margin + plotH*(1-(v-yMin)/(yMax-yMin)) }
	axes(&b, yMin, yMax, unit, y)
	for i, l := range labels {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" class="tick">%s</text>`, x(i), chartHeight-margin+16, template.HTMLEscapeString(l))
	}
	for k, s := range lines {
		colour := palette[k%len(palette)]
		if len(s.Lo) == len(s.Values) && len(s.Hi) == len(s.Values) {
			var upper, lower []string
			for i := range s.Values {
				if !math.IsNaN(s.Lo[i]) && !math.IsNaN(s.Hi[i]) {
					upper = append(upper, fmt.Sprintf("%.1f,%.1f", x(i), y(s.Hi[i])))
					lower = append([]string{fmt.Sprintf("%.1f,%.1f", x(i), y(s.Lo[i]))}, lower...)
				}
			}
			fmt.Fprintf(&b, `<polygon points="%s" fill="%s" fill-opacity="0.15" stroke="none"/>`, strings.Join(append(upper, lower...), " "), colour)
		}
		var path []string
		for i, v := range s.Values {
			if math.IsNaN(v) {
				continue
			}
			cmd := "L"
			if len(path) == 0 {
				cmd = "M"
			}
			path = append(path, fmt.Sprintf("%s%.1f,%.1f", cmd, x(i), y(v)))
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"><title>%s %s: %.1f%s</title></circle>`, x(i), y(v), colour, template.HTMLEscapeString(s.Name), template.HTMLEscapeString(labels[i]), v, unit)
		}
		fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="%s" stroke-width="2"/>`, strings.Join(path, " "), colour)
		fmt.Fprintf(&b, `<text x="%d" y="%d" fill="%s" class="legend">%s</text>`, margin+8+120*k, margin-10, colour, template.HTMLEscapeString(s.Name))
	}
	return svgClose(&b)
}

// barChart draws horizontal bars, one per label.
func barChart(title string, labels []string, values []float64, unit string) template.HTML {
	var b strings.Builder
	height := margin + 22*len(labels) + 10
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s">`, chartWidth, height, template.HTMLEscapeString(title))
	fmt.Fprintf(&b, `<text x="%d" y="20" class="title">%s</text>`, margin, template.HTMLEscapeString(title))
	top := 0.0
	for _, v := range values {
		top = math.Max(top, v)
	}
	left, width := 110.0, float64(chartWidth)-110-70
	for i, l := range labels {
		w := 0.0
		if top > 0 {
			w = width * values[i] / top
		}
		yy := float64(margin + 22*i)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="end" class="tick">%s</text>`, left-6, yy+13, template.HTMLEscapeString(l))
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.1f" width="%.1f" height="16" fill="%s"><title>%s: %s%s</title></rect>`, left, yy, w, palette[0], template.HTMLEscapeString(l), formatValue(values[i]), unit)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="tick">%s%s</text>`, left+w+4, yy+13, formatValue(values[i]), unit)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// heatMap draws a grid of cells shaded from white to the first palette
// colour by value between lo and hi; NaN cells are blank.
func heatMap(title string, rows, cols []string, cells [][]float64, lo, hi float64, unit string) template.HTML {
	var b strings.Builder
	cw, ch := 44.0, 20.0
	left, top := 90.0, 52.0
	width := int(left + cw*float64(len(cols)) + 20)
	height := int(top + ch*float64(len(rows)) + 10)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s">`, max(width, chartWidth), height, template.HTMLEscapeString(title))
	fmt.Fprintf(&b, `<text x="10" y="20" class="title">%s</text>`, template.HTMLEscapeString(title))
	for j, c := range cols {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="middle" class="tick">%s</text>`, left+cw*float64(j)+cw/2, top-6, template.HTMLEscapeString(c))
	}
	for i, r := range rows {
		yy := top + ch*float64(i)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="end" class="tick">%s</text>`, left-6, yy+14, template.HTMLEscapeString(r))
		for j := range cols {
			if j >= len(cells[i]) || math.IsNaN(cells[i][j]) {
				continue
			}
			v := cells[i][j]
			t := 0.0
			if hi > lo {
				t = math.Min(1, math.Max(0, (v-lo)/(hi-lo)))
			}
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="#fff"><title>%s / %s: %s%s</title></rect>`,
				left+cw*float64(j), yy, cw, ch, shade(t), template.HTMLEscapeString(r), template.HTMLEscapeString(cols[j]), formatValue(v), unit)
			textColour := "#000"
			if t > 0.6 {
				textColour = "#fff"
			}
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" class="cell" fill="%s">%s</text>`, left+cw*float64(j)+cw/2, yy+14, textColour, formatValue(v))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// shade blends white into #0072B2 by t in [0, 1].
func shade(t float64) string {
	mix := func(from, to float64) int { return int(math.Round(from + (to-from)*t)) }
	return fmt.Sprintf("#%02x%02x%02x", mix(255, 0x00), mix(255, 0x72), mix(255, 0xB2))
}

func formatValue(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e6 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

func svgOpen(b *strings.Builder, title string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s">`, chartWidth, chartHeight, template.HTMLEscapeString(title))
	fmt.Fprintf(b, `<text x="%d" y="18" class="title">%s</text>`, margin, template.HTMLEscapeString(title))
}

func svgClose(b *strings.Builder) template.HTML {
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// axes draws the y axis with five gridlines.
func axes(b *strings.Builder, yMin, yMax float64, unit string, y func(float64) float64) {
	for i := 0; i <= 4; i++ {
		v := yMin + (yMax-yMin)*float64(i)/4
		fmt.Fprintf(b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" class="grid"/>`, margin, chartWidth-margin, y(v), y(v))
		fmt.Fprintf(b, `<text x="%d" y="%.1f" text-anchor="end" class="tick">%s%s</text>`, margin-4, y(v)+4, formatValue(v), unit)
	}
}
