package dashboard

import (
	"fmt"
	"strings"

	"github.com/rapportkit/rapport/internal/stat"
	"github.com/rapportkit/rapport/tidy"
	"github.com/shopspring/decimal"
)

// Tile is a headline figure: its value, the change since the previous
// period, and its status against a target.
type Tile struct {
	Label string // NPS, Service level
	Unit  tidy.Unit
	// Value is the figure, nil when undefined ("n/a"). For money (Unit
	// tidy.Amount) it is Amount instead, in Currency.
	Value    *float64
	Amount   *decimal.Decimal
	Currency string
	// Previous is the figure of the previous period, and PreviousLabel
	// names it ("Nov"); the tile shows the change when both are there.
	Previous      *float64
	PreviousLabel string
	// P is the p-value of the change from the previous period, if it was
	// tested; it is adjusted with every other p-value of the page.
	P *float64
	// Target is the goal; Warn, if set, is the threshold between "near
	// target" and "off target", on the worse side of Target. Both are
	// compared with the value as the decimals they print as (80 is 80,
	// 79.99999999999999 is not).
	Target, Warn *float64
	Better       Direction
	Note         string // n, the interval, the definition
}

type tileView struct {
	Label, Value, Note                     string
	Change, ChangeClass, Arrow, ChangeWord string
	Significance                           string
	Status, StatusClass, Symbol, Target    string
}

// status is the state of a figure against its target.
type status int

const (
	noStatus status = iota
	onTarget
	nearTarget
	offTarget
)

func (t *Tile) view(m mark) (tileView, error) {
	if err := finite("value, previous, target or warning", t.Value, t.Previous, t.Target, t.Warn); err != nil {
		return tileView{}, err
	}
	if t.Amount != nil && t.Unit != tidy.Amount {
		return tileView{}, fmt.Errorf("%w: an Amount on a tile in %s", ErrInput, t.Unit)
	}
	if t.Warn != nil && t.Target == nil {
		return tileView{}, fmt.Errorf("%w: a Warn threshold without a Target", ErrInput)
	}
	if t.Warn != nil && t.worse(*t.Target, *t.Warn) {
		return tileView{}, fmt.Errorf("%w: Warn %v on the better side of Target %v", ErrInput, *t.Warn, *t.Target)
	}
	v := tileView{Label: clean(t.Label), Note: clean(t.Note)}
	if t.Unit == tidy.Amount {
		v.Value = FormatAmount(t.Amount, t.Currency)
	} else {
		v.Value = FormatValue(t.Value, t.Unit)
	}
	if t.Value != nil && t.Previous != nil {
		d := *t.Value - *t.Previous
		v.Change = FormatChange(d, t.Unit)
		switch c := cmpDecimal(*t.Value, *t.Previous); {
		case c == 0 || !strings.ContainsAny(v.Change, "123456789"): // 0.0 pts at this precision
			v.Arrow, v.ChangeClass, v.ChangeWord = "▶", "same", "no change"
		case t.Better == Neutral:
			v.Arrow, v.ChangeClass, v.ChangeWord = arrow(c), "same", ""
		case (c > 0) == (t.Better == Higher):
			v.Arrow, v.ChangeClass, v.ChangeWord = arrow(c), "better", "better"
		default:
			v.Arrow, v.ChangeClass, v.ChangeWord = arrow(c), "worse", "worse"
		}
		if t.PreviousLabel != "" {
			v.Change += " vs " + clean(t.PreviousLabel)
		}
		if m.p != nil {
			v.Significance = m.String()
		}
	}
	switch t.status() {
	case onTarget:
		v.Status, v.StatusClass, v.Symbol = "on target", "good", "✓"
	case nearTarget:
		v.Status, v.StatusClass, v.Symbol = "near target", "warn", "!"
	case offTarget:
		v.Status, v.StatusClass, v.Symbol = "off target", "bad", "✗"
	}
	if t.Target != nil {
		v.Target = "target " + FormatValue(t.Target, t.Unit)
	}
	return v, nil
}

func arrow(c int) string {
	if c > 0 {
		return "▲"
	}
	return "▼"
}

// worse reports whether a is worse than b: below it, unless lower is
// better (and, for a neutral figure, below a target is short of it).
func (t *Tile) worse(a, b float64) bool {
	c := cmpDecimal(a, b)
	if t.Better == Lower {
		return c > 0
	}
	return c < 0
}

func (t *Tile) status() status {
	if t.Target == nil || t.Value == nil {
		return noStatus
	}
	switch {
	case !t.worse(*t.Value, *t.Target):
		return onTarget
	case t.Warn != nil && !t.worse(*t.Value, *t.Warn):
		return nearTarget
	}
	return offTarget
}

// cmpDecimal compares two figures as the decimals they print as.
func cmpDecimal(a, b float64) int { return stat.Decimal(a).Cmp(stat.Decimal(b)) }
