package dashboard

import (
	"fmt"
	"math"
	"strings"
)

// Staffing draws an intraday plan: the agents required in each slot
// (an Erlang requirement, as a step line) against the agents staffed
// (bars), the slots short of the requirement hatched and outlined.
type Staffing struct {
	Title string
	Slots []Slot
	Note  string
}

// Slot is one interval of the day.
type Slot struct {
	Label             string // 09:00
	Required, Staffed float64
}

func (s *Staffing) heading() string   { return s.Title }
func (s *Staffing) caption() string   { return s.Note }
func (s *Staffing) tests() []*float64 { return nil }

func (s *Staffing) check() error {
	if len(s.Slots) == 0 {
		return fmt.Errorf("%w: no slot", ErrInput)
	}
	if len(s.Slots) > MaxItems {
		return fmt.Errorf("%w: %d slots, more than %d", ErrInput, len(s.Slots), MaxItems)
	}
	for i, sl := range s.Slots {
		if err := finite(fmt.Sprintf("slot %d %q", i, clean(sl.Label)), &sl.Required, &sl.Staffed); err != nil {
			return err
		}
		if sl.Required < 0 || sl.Staffed < 0 {
			return fmt.Errorf("%w: slot %d %q: negative agents", ErrInput, i, clean(sl.Label))
		}
	}
	return nil
}

func (s *Staffing) draw(id string, _ []mark) (svg, error) {
	if err := s.check(); err != nil {
		return svg{}, err
	}
	g := svg{ID: id, W: 640, H: 330, Title: clean(s.Title), Hatch: true}
	c := canvas{&g}
	left, right, top, bottom := 64.0, 620.0, 52.0, 270.0
	hi := 1.0
	for _, sl := range s.Slots {
		hi = math.Max(hi, math.Max(sl.Required, sl.Staffed))
	}
	y := niceScale(0, hi, 6, bottom, top)
	for _, v := range y.ticks {
		c.line(left, y.at(v), right, y.at(v), "grid", "", "")
		c.text(left-6, y.at(v)+4, "end", "tick", y.tick(v, ""))
	}
	c.add(elem{Tag: "text", X: num(16), Y: num((top + bottom) / 2), Rotate: "-90", Anchor: "middle", Class: "axis", Text: "agents"})
	n := float64(len(s.Slots))
	w := (right - left) / n
	every := (len(s.Slots) + 11) / 12
	var req pathData
	var short []string
	for i, sl := range s.Slots {
		x0 := left + w*float64(i)
		label := clean(sl.Label)
		gap := sl.Required - sl.Staffed
		under := cmpDecimal(sl.Staffed, sl.Required) < 0
		tip := fmt.Sprintf("%s: %s staffed, %s required", label, trimAgents(sl.Staffed), trimAgents(sl.Required))
		class, fill, stroke := "bar", sky, ""
		if under {
			tip += fmt.Sprintf(" (short by %s)", trimAgents(gap))
			class, fill, stroke = "bar short", "url(#hatch)", vermilion
			short = append(short, fmt.Sprintf("%s (short by %s)", label, trimAgents(gap)))
		}
		c.rect(x0+w*0.12, y.at(sl.Staffed), w*0.76, bottom-y.at(sl.Staffed), class, fill, stroke, tip)
		if i == 0 {
			req.move(x0, y.at(sl.Required))
		} else {
			req.to(x0, y.at(sl.Required))
		}
		req.to(x0+w, y.at(sl.Required))
		if i%every == 0 {
			c.line(x0+w/2, bottom, x0+w/2, bottom+4, "axisline", "", "")
			c.text(x0+w/2, bottom+17, "middle", "tick", cut(label, 8))
		}
	}
	c.path(&req, "line required", "none", black, "", "")
	c.text((left+right)/2, bottom+36, "middle", "axis", "time of day")
	c.legend(left, 18, right, []key{{"bar", sky, "agents staffed"}, {"line", black, "agents required"}, {"hatch", "", "hatched: short of the requirement"}})
	g.Desc = fmt.Sprintf("%s. %d slots from %s to %s.", clean(s.Title), len(s.Slots), clean(s.Slots[0].Label), clean(s.Slots[len(s.Slots)-1].Label))
	if len(short) > 0 {
		g.Desc += fmt.Sprintf(" Short of the requirement in %d slots: %s.", len(short), strings.Join(short, ", "))
	} else {
		g.Desc += " Staffed to the requirement in every slot."
	}
	return g, nil
}

func trimAgents(x float64) string {
	if x == math.Trunc(x) {
		return grouped(x, 0)
	}
	return grouped(x, 1)
}
