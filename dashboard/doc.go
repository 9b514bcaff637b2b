// Package dashboard renders a KPI dashboard as one self-contained HTML
// file: inline CSS and SVG, no script, no font, image or stylesheet to
// fetch, so that it opens offline, as a mail attachment and in a browser
// that blocks scripts, and prints as it shows.
//
// The page is drawn from values the caller gives — figures, intervals,
// p-values, as the Results of the rapport packages hold them — not from
// the packages' types, so any program can feed it:
//
//	d := dashboard.Dashboard{Title: "Customer relationship — March 2025", Sections: []dashboard.Section{{
//		Tiles:  []dashboard.Tile{{Label: "NPS", Unit: tidy.Points, Value: r.ScorePoints, Previous: prev.ScorePoints, Target: &target}},
//		Charts: []dashboard.Chart{&dashboard.Trend{Title: "NPS by month", Unit: tidy.Points, Periods: months, Lines: lines}},
//	}}}
//	err := d.Render(w)
//
// # What it draws
//
//   - Tile: a headline figure in its unit, its change since the
//     previous period (▲ +2.1 pts vs Nov, better or worse by the figure's
//     Direction), its status against a target (✓ on target, ! near
//     target, ✗ off target: a symbol, a word and a colour, never the
//     colour alone), and "n/a" for an undefined figure or unknown cost.
//   - Trend: a KPI by period, a line per series with its confidence
//     interval as a band, a dashed target, and ▲/▼ in a ring on each
//     change from the period before that is significant after
//     adjustment. Periods are the texts of the tidy and period packages
//     (2025-03, 2025-W11, 2025-03-14, 2025-Q1), drawn as Mar, W11, 14 Mar,
//     Q1 with the year under the first tick and each new year's; at most
//     about twelve ticks.
//   - Bars: a KPI by group (NPS, CSAT or CES by channel) from zero, with
//     interval whiskers, a target and * on each group that differs
//     significantly, after adjustment, from its reference.
//   - Survival: Kaplan–Meier curves as steps with their pointwise band,
//     censored lifetimes ticked and the median dashed; CurveOf takes a
//     churn.CurveResult.
//   - Lorenz: the concentration of revenue over customers against the
//     line of equal shares, with the Gini ratio and the share of the
//     largest 20 %.
//   - Matrix: a tier transition matrix, counts and row shares, shaded by
//     share of the row, the diagonal (customers who stayed) outlined.
//   - Heatmap: a grid of figures shaded by value, a cohort table (the
//     share of each acquisition month still active k months on) or an RFM
//     grid; undefined cells blank.
//   - Staffing: agents required (a step line) against agents staffed
//     (bars) through the day, the slots short of the requirement hatched.
//   - Table: texts, numbers right-aligned; format cells with FormatValue,
//     FormatAmount and FormatP.
//
// Axes have labels and ticks on round numbers (steps of 1, 2 or 5 times
// a power of ten); values print in their unit: 82.4 %, +31.2 points,
// 6 min 12 s, 12,345 contacts, 1,234.50 EUR (money exactly, from its
// decimal), a p-value as p = 0.012, p < 0.001 (never 2.22e-206 or 0) or
// p > 0.99.
//
// # Significance
//
// Every p-value on the page — tiles, trend points, bars — is one test of
// one family: Render adjusts them together by Dashboard.Adjust
// (Benjamini–Hochberg unless set; see package adjust for the choice) and
// marks a change or difference significant when its adjusted p-value is
// at most Dashboard.Alpha (0.05 unless set), as adjust.Significant
// decides it. A grid of a dozen KPIs over twelve months runs over a
// hundred tests; unadjusted, five of them would light up by chance. Give
// each test once: the change of a tile and the last point of its trend
// are the same test, so give its p-value on one of them. The footer
// says which adjustment was made across how many tests.
//
// # Accessibility
//
// Colours are the Okabe–Ito palette, told apart with every common
// colour-vision deficiency; shades of a single hue for the matrix; and no
// state is told by colour alone (status symbols and words, ▲▼ and rings
// for significance, hatching for understaffing, * for differences).
// Every chart is an SVG with role="img", a <title> and a <desc>: a text
// alternative that states the first and last values, the extremes, the
// target and the significant changes, for a screen reader and for a
// reader of the page's text. Each point, bar and cell has a tooltip with
// its value, interval and test.
//
// # Texts and escaping
//
// Every text given — titles, labels, periods, notes, table cells — goes
// through html/template's contextual escaping, so a label
// "<script>alert(1)</script>" shows as those characters and runs
// nothing. Before that, texts are cleaned: invalid UTF-8 becomes U+FFFD,
// control characters show as their pictures (a terminal escape sequence
// ESC[31m shows as ␛[31m), and direction overrides and isolates become
// U+FFFD, so that no label can reorder or hide the text around it.
// Labels in charts are cut to MaxLabel characters (the whole label is in
// the tooltip and the text alternative).
//
// # Bounds
//
// A chart has at most MaxItems items: the points of all its lines, its
// bars, steps, cells or slots; Render fails with ErrInput beyond, and for
// figures that are NaN, infinite or beyond ±MaxValue, series of different
// lengths, intervals upside down and curves that go back. It writes nothing when it fails. A
// survival curve of more than 120 steps is drawn without a mark per step,
// so that a curve of thousands of customers stays a few kilobytes.
package dashboard
