package dashboard

import (
	"fmt"
	"math"
	"strings"

	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/tidy"
)

// maxMarks is the longest curve drawn with a mark and a tooltip per
// step.
const maxMarks = 120

// Survival draws Kaplan–Meier curves: the share of customers still
// there after so many days, a step down at each loss, with the
// pointwise confidence band, the censored lifetimes marked and the
// median.
type Survival struct {
	Title  string
	Curves []Curve
	Level  float64 // the band's confidence level, for the legend
	Note   string
}

// Curve is one survival curve.
type Curve struct {
	Name       string
	Steps      []Step
	MedianDays *float64
}

// Step is the curve from one time on: its survival in percent and the
// band (nil where undefined), and the lifetimes censored there.
type Step struct {
	Days        float64
	SurvivalPct float64
	Lo, Hi      *float64
	Censored    uint64
}

// CurveOf returns the curve of a churn survival Result.
func CurveOf(name string, r churn.CurveResult) Curve {
	c := Curve{Name: name, MedianDays: r.MedianDays, Steps: make([]Step, len(r.Steps))}
	for i, s := range r.Steps {
		c.Steps[i] = Step{Days: s.TimeDays, SurvivalPct: s.SurvivalPct, Censored: s.Censored}
		if ci := s.SurvivalIntervalPct; ci != nil {
			lo, hi := ci.Lo, ci.Hi
			c.Steps[i].Lo, c.Steps[i].Hi = &lo, &hi
		}
	}
	return c
}

func (s *Survival) heading() string   { return s.Title }
func (s *Survival) caption() string   { return s.Note }
func (s *Survival) tests() []*float64 { return nil }

func (s *Survival) check() error {
	if len(s.Curves) == 0 {
		return fmt.Errorf("%w: no curve", ErrInput)
	}
	items := 0
	for ci, c := range s.Curves {
		items += len(c.Steps)
		if err := finite(fmt.Sprintf("curve %q median", clean(c.Name)), c.MedianDays); err != nil {
			return err
		}
		prevDays, prevPct := 0.0, 100.0
		for i, st := range c.Steps {
			at := fmt.Sprintf("curve %d %q, step %d", ci, clean(c.Name), i)
			if err := finite(at, &st.Days, &st.SurvivalPct, st.Lo, st.Hi); err != nil {
				return err
			}
			if st.Days < prevDays || st.SurvivalPct > prevPct || st.SurvivalPct < 0 {
				return fmt.Errorf("%w: %s: a survival curve only goes on in time and down from 100 %%, got %v %% at %v days after %v %% at %v", ErrInput, at, st.SurvivalPct, st.Days, prevPct, prevDays)
			}
			if st.Lo != nil && st.Hi != nil && (*st.Lo > *st.Hi || *st.Lo < 0 || *st.Hi > 100) {
				return fmt.Errorf("%w: %s: band %v to %v not within 0–100 %%", ErrInput, at, *st.Lo, *st.Hi)
			}
			prevDays, prevPct = st.Days, st.SurvivalPct
		}
	}
	if items > MaxItems {
		return fmt.Errorf("%w: %d steps, more than %d", ErrInput, items, MaxItems)
	}
	return nil
}

func (s *Survival) draw(id string, _ []mark) (svg, error) {
	if err := s.check(); err != nil {
		return svg{}, err
	}
	g := svg{ID: id, W: 640, H: 330, Title: clean(s.Title)}
	c := canvas{&g}
	left, right, top, bottom := 64.0, 620.0, 52.0, 270.0
	maxDays := 1.0
	for _, cv := range s.Curves {
		if n := len(cv.Steps); n > 0 {
			maxDays = math.Max(maxDays, cv.Steps[n-1].Days)
		}
	}
	x := niceScale(0, maxDays, 7, left, right)
	y := scale{lo: 0, hi: 100, from: bottom, to: top, step: 25, ticks: []float64{0, 25, 50, 75, 100}}
	for _, v := range y.ticks {
		c.line(left, y.at(v), right, y.at(v), "grid", "", "")
		c.text(left-6, y.at(v)+4, "end", "tick", y.tick(v, "%"))
	}
	for _, v := range x.ticks {
		c.line(x.at(v), bottom, x.at(v), bottom+4, "axisline", "", "")
		c.text(x.at(v), bottom+17, "middle", "tick", grouped(v, x.tickDecimals))
	}
	c.text((left+right)/2, bottom+36, "middle", "axis", "days since the start")
	c.add(elem{Tag: "text", X: num(16), Y: num((top + bottom) / 2), Rotate: "-90", Anchor: "middle", Class: "axis", Text: "% still a customer"})
	band, censored := false, false
	var desc []string
	for ci, cv := range s.Curves {
		col := colour(ci)
		// The band, a step polygon per run of defined bounds: each bound
		// holds from its step to the next.
		n := len(cv.Steps)
		until := func(i int) float64 {
			if i+1 < n {
				return cv.Steps[i+1].Days
			}
			return cv.Steps[i].Days
		}
		for _, run := range runs(n, func(i int) bool { return cv.Steps[i].Lo != nil && cv.Steps[i].Hi != nil }) {
			band = true
			var b pathData
			for i := run[0]; i < run[1]; i++ {
				hi := y.at(*cv.Steps[i].Hi)
				if i == run[0] {
					b.move(x.at(cv.Steps[i].Days), hi)
				} else {
					b.to(x.at(cv.Steps[i].Days), hi)
				}
				b.to(x.at(until(i)), hi)
			}
			for i := run[1] - 1; i >= run[0]; i-- {
				lo := y.at(*cv.Steps[i].Lo)
				b.to(x.at(until(i)), lo)
				b.to(x.at(cv.Steps[i].Days), lo)
			}
			b.close()
			c.path(&b, "band", col, "", "0.18", "")
		}
		var d pathData
		d.move(x.at(0), y.at(100))
		pct := 100.0
		for _, st := range cv.Steps {
			d.to(x.at(st.Days), y.at(pct))
			d.to(x.at(st.Days), y.at(st.SurvivalPct))
			pct = st.SurvivalPct
		}
		last := 0.0
		if n := len(cv.Steps); n > 0 {
			last = cv.Steps[n-1].Days
		}
		d.to(x.at(last), y.at(pct))
		c.path(&d, "line", "none", col, "", fmt.Sprintf("%s: %s after %s days", clean(cv.Name), FormatValue(&pct, tidy.Pct), grouped(last, 0)))
		// A mark with a tooltip at each step, and a tick at each censored
		// time, for curves of up to maxMarks steps; a longer curve keeps
		// its ticks alone, so that the page stays small.
		marks := len(cv.Steps) <= maxMarks
		lastTick := math.Inf(-1)
		for _, st := range cv.Steps {
			if !marks {
				if px := x.at(st.Days); st.Censored > 0 && px-lastTick >= 1.5 {
					censored, lastTick = true, px
					py := y.at(st.SurvivalPct)
					c.line(px, py-4, px, py+4, "censor", col, "")
				}
				continue
			}
			tip := fmt.Sprintf("%s, day %s: %s still a customer", clean(cv.Name), grouped(st.Days, 1), FormatValue(&st.SurvivalPct, tidy.Pct))
			if st.Lo != nil && st.Hi != nil {
				tip += fmt.Sprintf(" (%s %s to %s)", levelWords(s.Level), FormatValue(st.Lo, tidy.Pct), FormatValue(st.Hi, tidy.Pct))
			}
			if st.Censored > 0 {
				censored = true
				tip += fmt.Sprintf("; %d censored", st.Censored)
				px, py := x.at(st.Days), y.at(st.SurvivalPct)
				c.add(elem{Tag: "line", X: num(px), Y: num(py - 5), X2: num(px), Y2: num(py + 5), Class: "censor", Stroke: col, Tip: tip})
			}
			c.circle(x.at(st.Days), y.at(st.SurvivalPct), 2.5, "step", col, "none", tip)
		}
		words := fmt.Sprintf("%s: %s after %s days", clean(cv.Name), FormatValue(&pct, tidy.Pct), grouped(last, 0))
		if m := cv.MedianDays; m != nil {
			mx := x.at(*m)
			c.line(left, y.at(50), mx, y.at(50), "median", col, "3 3")
			c.line(mx, y.at(50), mx, bottom, "median", col, "3 3")
			words += fmt.Sprintf(", median lifetime %s days", grouped(*m, 0))
		} else {
			words += ", median not reached"
		}
		desc = append(desc, words)
	}
	var keys []key
	for ci, cv := range s.Curves {
		name := short(cv.Name)
		if m := cv.MedianDays; m != nil {
			name += fmt.Sprintf(" (median %s days)", grouped(*m, 0))
		}
		keys = append(keys, key{"line", colour(ci), name})
	}
	if band {
		keys = append(keys, key{"band", grey, "band: " + levelWords(s.Level)})
	}
	if censored {
		keys = append(keys, key{"tick", black, "censored (still a customer)"})
	}
	c.legend(left, 18, right, keys)
	g.Desc = fmt.Sprintf("%s. Kaplan–Meier survival: %s.", clean(s.Title), strings.Join(desc, "; "))
	return g, nil
}
