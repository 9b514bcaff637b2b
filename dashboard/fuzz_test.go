package dashboard_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rapportkit/rapport/dashboard"
)

// FuzzRender draws every chart with arbitrary texts and numbers: it
// renders or fails with ErrInput, and a page has only its own elements,
// valid UTF-8 and no control character.
func FuzzRender(f *testing.F) {
	for _, h := range hostile {
		f.Add(h, 31.2, 0.01, 40.0)
	}
	f.Add("", -1e308, 1.0, 1e308)
	f.Fuzz(func(t *testing.T, text string, v, p, days float64) {
		d := every()
		d.Title = text
		s := &d.Sections[0]
		s.Tiles[0].Label, s.Tiles[0].Value, s.Tiles[0].P = text, &v, &p
		tr := s.Charts[0].(*dashboard.Trend)
		tr.Periods[2], tr.Lines[0].Name, tr.Lines[0].Points[1].Value = text, text, &v
		b := s.Charts[1].(*dashboard.Bars)
		b.Bars[1].Label, b.Bars[1].Value, b.Bars[1].P = text, &v, &p
		sv := s.Charts[2].(*dashboard.Survival)
		sv.Curves[0].Steps[1].Days, sv.Curves[0].MedianDays = days, &days
		s.Charts[4].(*dashboard.Matrix).Rows[1] = text
		s.Charts[5].(*dashboard.Heatmap).Values[0][1] = &v
		s.Charts[6].(*dashboard.Staffing).Slots[2].Required = v
		s.Tables[0].Rows[1][1] = text
		var buf bytes.Buffer
		err := d.Render(&buf)
		if err != nil {
			if !errors.Is(err, dashboard.ErrInput) {
				t.Fatalf("%v", err)
			}
			if buf.Len() > 0 {
				t.Fatal("a failed Render wrote")
			}
			return
		}
		page := buf.String()
		if !utf8.ValidString(page) {
			t.Fatal("invalid UTF-8")
		}
		for _, m := range tagRe.FindAllStringSubmatch(page, -1) {
			if !allowed[strings.ToLower(m[2])] {
				t.Fatalf("element <%s> from %q", m[2], text)
			}
		}
		for _, r := range page {
			if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Fatalf("character %U from %q", r, text)
			}
		}
	})
}
