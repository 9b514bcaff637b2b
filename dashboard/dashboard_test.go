package dashboard_test

import (
	"bytes"
	"errors"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rapportkit/rapport/adjust"
	"github.com/rapportkit/rapport/dashboard"
	"github.com/rapportkit/rapport/tidy"
	"github.com/stretchr/testify/require"
)

// TestEveryChart draws one chart of each kind: each has its title and
// text alternative, and the elements of its kind.
func TestEveryChart(t *testing.T) {
	page := render(t, every())
	charts := svgs(page)
	require.Len(t, charts, 7)
	want := []struct {
		name     string
		elements []string
	}{
		{"trend", []string{"<path", "<circle", `class="band"`, `class="target"`, `class="ring"`}},
		{"bars", []string{`<rect`, `class="whisker"`, `class="target"`}},
		{"survival", []string{`<path`, `class="band"`, `class="censor"`, `class="median"`}},
		{"lorenz", []string{`<path`, `class="equality"`}},
		{"matrix", []string{`class="cell diag"`, `class="cell"`}},
		{"heatmap", []string{`class="cell"`, `class="ink share"`, `class="ink light share"`}},
		{"staffing", []string{`class="bar short"`, `class="line required"`, `<pattern id="hatch"`}},
	}
	for i, w := range want {
		t.Run(w.name, func(t *testing.T) {
			c := charts[i]
			require.Regexp(t, `^<title id="c\d+-t">[^<]+</title><desc id="c\d+-d">[^<]+</desc>`, c)
			for _, e := range w.elements {
				require.Contains(t, c, e)
			}
			require.Contains(t, c, `class="legend"`, "a legend")
			require.Contains(t, c, `class="tick`, "ticks")
		})
	}
	d := descs(page)
	require.Equal(t, "NPS by month, Jan 2025 to Apr 2025. NPS: +20.0 in Jan 2025, +30.0 in Apr 2025; lowest +20.0 in Jan 2025, highest +31.0 in Mar 2025. Target +30.0. Significant changes: NPS in Mar 2025 (up, p < 0.001, adjusted < 0.001: significant).", d[0])
	require.Equal(t, "NPS by channel: voice +25.0, chat −5.0. Target +20.0. Significantly different from the other channels: chat (p < 0.001, adjusted < 0.001: significant).", d[1])
	require.Equal(t, "Cohorts. acquired by months on, 2 rows and 3 columns, from 70.0\u00a0% (lightest) to 100.0\u00a0% (darkest); 5 cells with a value, 1 without. 2025-01: 0 100%, 1 83%, 2 70%; 2025-02: 0 100%, 1 90%.", d[5])
	require.Equal(t, "Staffing. 3 slots from 09:00 to 10:00. Short of the requirement in 1 slots: 09:30 (short by 3).", d[6])
	require.True(t, strings.Contains(page, "n/a"), "the unknown cost")
	require.True(t, strings.Contains(page, "adjusted by Benjamini–Hochberg across the 5 tests on this page, is at most 0.05"))
	require.False(t, strings.Contains(page, "<script"))
	require.True(t, page == render(t, every()), "the same values give the same page")
}

// hostile are texts that must reach the page as text.
var hostile = []string{
	"<script>alert(1)</script>",
	`"'><img src=x onerror=alert(1)>`,
	"</title></svg><script>alert(2)</script>",
	"\x1b[31mred\x1b[0m\a and a bell",
	"right-to-left \u202eoverride\u202c and isolate \u2066x\u2069",
	"invalid \xff\xfe UTF-8 and NUL \x00",
	"{{.Title}} ]]> <!-- -->",
	"javascript:alert(3)",
}

// allowed are the only elements a page has.
var allowed = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "main": true, "header": true, "h1": true,
	"p": true, "section": true, "h2": true, "div": true, "span": true, "figure": true, "h3": true, "svg": true, "desc": true,
	"defs": true, "pattern": true, "rect": true, "line": true, "circle": true, "path": true, "text": true, "figcaption": true,
	"table": true, "caption": true, "thead": true, "tr": true, "th": true, "tbody": true, "td": true, "footer": true,
}

var tagRe = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9-]*)`)

// TestHostileTexts puts hostile texts in every text a caller gives: the
// page has only its own elements, no control or direction-override
// character and valid UTF-8, and shows each text escaped.
func TestHostileTexts(t *testing.T) {
	for _, h := range hostile {
		t.Run(h, func(t *testing.T) {
			d := every()
			d.Title, d.Subtitle, d.Footer = h, h, h
			s := &d.Sections[0]
			s.Title = h
			for i := range s.Tiles {
				s.Tiles[i].Label, s.Tiles[i].Note, s.Tiles[i].PreviousLabel, s.Tiles[i].Currency = h, h, h, h
			}
			tr := s.Charts[0].(*dashboard.Trend)
			tr.Title, tr.Note, tr.Axis, tr.Lines[0].Name = h, h, h, h
			tr.Periods[1] = h
			b := s.Charts[1].(*dashboard.Bars)
			b.Title, b.Note, b.Axis, b.Reference, b.Bars[0].Label = h, h, h, h, h
			sv := s.Charts[2].(*dashboard.Survival)
			sv.Title, sv.Curves[0].Name = h, h
			l := s.Charts[3].(*dashboard.Lorenz)
			l.Title, l.Of = h, h
			m := s.Charts[4].(*dashboard.Matrix)
			m.Title, m.RowAxis, m.ColAxis, m.Rows[0], m.Cols[1] = h, h, h, h, h
			hm := s.Charts[5].(*dashboard.Heatmap)
			hm.Title, hm.RowAxis, hm.ColAxis, hm.Rows[0], hm.Cols[2] = h, h, h, h, h
			st := s.Charts[6].(*dashboard.Staffing)
			st.Title, st.Slots[1].Label = h, h
			s.Tables[0].Title, s.Tables[0].Header[0], s.Tables[0].Rows[0][0], s.Tables[0].Note = h, h, h, h
			s.Tiles = append(s.Tiles, dashboard.Tile{Label: "cost", Unit: tidy.Amount, Currency: h})

			page := render(t, d)
			require.True(t, utf8.ValidString(page))
			for _, m := range tagRe.FindAllStringSubmatch(page, -1) {
				require.True(t, allowed[strings.ToLower(m[2])], "element <%s%s> in the page", m[1], m[2])
			}
			for _, r := range page {
				if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
					t.Fatalf("character %U in the page", r)
				}
			}
			require.False(t, strings.Contains(page, "onerror=alert(1)>"), "an unescaped attribute")
			require.False(t, strings.Contains(strings.ToLower(page), "<script"), "a script")
			require.False(t, strings.Contains(page, "<img"), "an image")
			if strings.Contains(h, "\x1b") {
				require.True(t, strings.Contains(page, "\u241b[31mred"), "ESC shows as ␛")
			}
		})
	}
}

func TestRefused(t *testing.T) {
	nan := f(0)
	*nan = 0 / *nan
	cases := []struct {
		name   string
		change func(d *dashboard.Dashboard)
		err    error
		says   string
	}{
		{"NaN", func(d *dashboard.Dashboard) {
			d.Sections[0].Charts[0].(*dashboard.Trend).Lines[0].Points[2].Value = nan
		},
			dashboard.ErrInput, `section 0 "All", chart 0 "NPS by month": dashboard: invalid input: line "NPS", period "2025-03"`},
		{"a value too large to draw", func(d *dashboard.Dashboard) { d.Sections[0].Charts[1].(*dashboard.Bars).Bars[1].Value = f(-1.6e308) },
			dashboard.ErrInput, "not a number within ±1e+15"},
		{"points for periods", func(d *dashboard.Dashboard) {
			tr := d.Sections[0].Charts[0].(*dashboard.Trend)
			tr.Periods = tr.Periods[:3]
		}, dashboard.ErrInput, `line 0 "NPS" has 4 points for 3 periods`},
		{"an interval upside down", func(d *dashboard.Dashboard) { d.Sections[0].Charts[1].(*dashboard.Bars).Bars[0].Lo = f(40) }, dashboard.ErrInput, "interval 40 > 30"},
		{"a survival curve going up", func(d *dashboard.Dashboard) {
			d.Sections[0].Charts[2].(*dashboard.Survival).Curves[0].Steps[2].SurvivalPct = 60
		},
			dashboard.ErrInput, "only goes on in time and down"},
		{"a Lorenz curve going back", func(d *dashboard.Dashboard) {
			d.Sections[0].Charts[3].(*dashboard.Lorenz).Points = []dashboard.LorenzPoint{{50, 30}, {40, 35}}
		}, dashboard.ErrInput, "a Lorenz curve rises"},
		{"a ragged matrix", func(d *dashboard.Dashboard) { d.Sections[0].Charts[4].(*dashboard.Matrix).Counts[1] = []uint64{1} }, dashboard.ErrInput, `row 1 "silver" has 1 counts for 2 columns`},
		{"negative agents", func(d *dashboard.Dashboard) { d.Sections[0].Charts[6].(*dashboard.Staffing).Slots[0].Staffed = -1 }, dashboard.ErrInput, "negative agents"},
		{"a heatmap row too long", func(d *dashboard.Dashboard) {
			d.Sections[0].Charts[5].(*dashboard.Heatmap).Values[1] = []*float64{f(1), f(2), f(3), f(4)}
		}, dashboard.ErrInput, `row 1 "2025-02" has 4 values for 3 columns`},
		{"a ragged table", func(d *dashboard.Dashboard) { d.Sections[0].Tables[0].Rows[0] = []string{"x"} }, dashboard.ErrInput, "row 0 has 1 cells for 2 columns"},
		{"a p-value above 1", func(d *dashboard.Dashboard) { d.Sections[0].Tiles[0].P = f(1.5) }, dashboard.ErrInput, "p-value 1.5"},
		{"a warning on the better side", func(d *dashboard.Dashboard) { d.Sections[0].Tiles[0].Warn = f(35) }, dashboard.ErrInput, "Warn 35 on the better side of Target 30"},
		{"a warning without a target", func(d *dashboard.Dashboard) { d.Sections[0].Tiles[0].Target = nil }, dashboard.ErrInput, "without a Target"},
		{"an amount on a tile in points", func(d *dashboard.Dashboard) { d.Sections[0].Tiles[0].Amount = amount("1") }, dashboard.ErrInput, "an Amount on a tile in points"},
		{"a nil chart", func(d *dashboard.Dashboard) { d.Sections[0].Charts[1] = nil }, dashboard.ErrInput, "chart 1 is nil"},
		{"too many points", func(d *dashboard.Dashboard) {
			tr := d.Sections[0].Charts[0].(*dashboard.Trend)
			tr.Periods = make([]string, dashboard.MaxItems+1)
			tr.Lines[0].Points = make([]dashboard.Point, dashboard.MaxItems+1)
		}, dashboard.ErrInput, "more than 10000"},
		{"alpha", func(d *dashboard.Dashboard) { d.Alpha = 1.5 }, dashboard.ErrLevel, "Alpha 1.5"},
		{"an unknown adjustment", func(d *dashboard.Dashboard) { d.Adjust = "tukey" }, dashboard.ErrMethod, `"tukey"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := every()
			c.change(d)
			var buf bytes.Buffer
			err := d.Render(&buf)
			require.ErrorIs(t, err, c.err)
			require.ErrorContains(t, err, c.says)
			require.Zero(t, buf.Len(), "nothing written")
		})
	}
}

// TestFamily marks only what stays significant after adjusting every
// p-value of the page together.
func TestFamily(t *testing.T) {
	ps := []*float64{f(0.001), f(0.04), nil, f(0.03), f(0.9)}
	trend := func() *dashboard.Dashboard {
		pts := make([]dashboard.Point, len(ps)+1)
		periods := make([]string, len(ps)+1)
		for i := range pts {
			pts[i].Value = f(float64(10 + i*i))
			periods[i] = "2025-0" + string(rune('1'+i))
			if i > 0 {
				pts[i].P = ps[i-1]
			}
		}
		return &dashboard.Dashboard{Title: "family", Sections: []dashboard.Section{{Charts: []dashboard.Chart{
			&dashboard.Trend{Title: "t", Unit: tidy.Count, Periods: periods, Lines: []dashboard.Line{{Name: "x", Points: pts}}}}}}}
	}
	for _, m := range []adjust.Method{adjust.BenjaminiHochberg, adjust.Holm, adjust.None} {
		t.Run(string(m), func(t *testing.T) {
			want, err := adjust.Significant(ps, m, 0.05)
			require.NoError(t, err)
			n := 0
			for _, s := range want {
				if s {
					n++
				}
			}
			d := trend()
			d.Adjust = m
			page := render(t, d)
			require.Equal(t, n, count(page, `class="ring"`), "rings")
			require.Equal(t, n, strings.Count(descs(page)[0], ": significant"), descs(page)[0])
			require.True(t, strings.Contains(page, "across the 4 tests on this page"))
		})
	}
	// Benjamini–Hochberg keeps 0.001 alone of 0.001, 0.03 and 0.04.
	require.Equal(t, 1, count(render(t, trend()), `class="ring"`))
}

func TestStatus(t *testing.T) {
	cases := []struct {
		name                   string
		value, previous        float64
		target, warn           float64
		better                 dashboard.Direction
		status, symbol, change string
	}{
		{"above a target, higher is better", 81, 79, 80, 75, dashboard.Higher, "on target", "✓", "▲ +2.0 pts vs Nov (better)"},
		{"on the target exactly", 80, 80, 80, 75, dashboard.Higher, "on target", "✓", "▶ 0.0 pts vs Nov (no change)"},
		{"between the warning and the target", 77.5, 79, 80, 75, dashboard.Higher, "near target", "!", "▼ −1.5 pts vs Nov (worse)"},
		{"below the warning", 74.9, 74, 80, 75, dashboard.Higher, "off target", "✗", "▲ +0.9 pts vs Nov (better)"},
		{"lower is better, under the target", 4.9, 5.2, 5, 8, dashboard.Lower, "on target", "✓", "▼ −0.3 pts vs Nov (better)"},
		{"lower is better, past the warning", 8.1, 8, 5, 8, dashboard.Lower, "off target", "✗", "▲ +0.1 pts vs Nov (worse)"},
		{"a change below the precision", 75.01, 75.0, 80, 75, dashboard.Higher, "near target", "!", "▶ 0.0 pts vs Nov (no change)"},
		{"neutral", 7991, 7796, 7000, 6000, dashboard.Neutral, "on target", "✓", "▲ +195 vs Nov"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u := tidy.Pct
			if c.better == dashboard.Neutral {
				u = tidy.Count
			}
			d := &dashboard.Dashboard{Title: "s", Sections: []dashboard.Section{{Tiles: []dashboard.Tile{{
				Label: "x", Unit: u, Value: f(c.value), Previous: f(c.previous), PreviousLabel: "Nov", Target: f(c.target), Warn: f(c.warn), Better: c.better}}}}}
			page := render(t, d)
			tile := regexp.MustCompile(`(?s)<div class="tile [^"]*">.*?</div></div>`).FindString(page)
			require.True(t, strings.Contains(tile, `<span aria-hidden="true">`+c.symbol+`</span> `+c.status+`</div>`), tile)
			text := html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(tile, ""))
			require.True(t, strings.Contains(text, c.change), "%q does not say %q", text, c.change)
		})
	}
}

func TestNoTests(t *testing.T) {
	d := every()
	d.Sections[0].Charts = d.Sections[0].Charts[2:]
	page := render(t, d)
	require.False(t, strings.Contains(page, "adjusted by"))
	require.True(t, errors.Is(dashboard.ErrInput, dashboard.ErrInput))
}
