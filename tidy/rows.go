package tidy

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rapportkit/rapport/internal/money"
)

// row is one figure of a Result; an empty string is an empty cell.
type row struct {
	period, kpi, item string
	unit              Unit
	value             string
	lo, hi, level     string
	method            string
	n                 string
}

// walker turns the decoded JSON of one Result into rows.
type walker struct {
	params map[string]bool
	rows   []row
	period string
}

// result walks a whole Result: an object, or an array of objects.
func (w *walker) result(n *node) error {
	switch n.kind {
	case object:
		return w.object(n, "", "", "")
	case array:
		return w.array(n, nil, "", "", "", "")
	}
	return fmt.Errorf("%w: a Result is a JSON object or an array of objects, not a lone value", ErrResult)
}

// object writes the figures of an object: path is the kpi of its key
// (empty at the top), item the labels of the array elements it is in,
// n the count of the nearest object above that has one.
func (w *walker) object(o *node, path, item, n string) error {
	if v, ok := o.get("n"); ok {
		if v.kind != number || !isInteger(v.text) {
			return fmt.Errorf("%w: %s holds %s, not a count", ErrUnit, quote(join(path, "n")), show(v))
		}
		n = v.text
	}
	for i := range o.members {
		m := &o.members[i]
		key, v := m.key, &m.val
		name := join(path, key)
		if key == "n" || key == "period" {
			continue // n goes to the n column, a period to the period column or the item
		}
		if fig, ok := intervalOf(key); ok {
			if _, ok := o.get(fig); !ok {
				return fmt.Errorf("%w: interval %s without its figure %q", ErrResult, quote(name), fig)
			}
			continue // written with its figure
		}
		if w.params[key] {
			if err := w.parameters(v, name, item, n); err != nil {
				return err
			}
			continue
		}
		var iv *node
		if k := intervalKey(key); k != "" {
			iv, _ = o.get(k)
		}
		switch v.kind {
		case object:
			if _, ok := periodOf(v); ok {
				continue // a period other than the Result's own: a description
			}
			if err := w.object(v, name, item, n); err != nil {
				return err
			}
		case array:
			if err := w.array(v, iv, key, path, item, n); err != nil {
				return err
			}
		default:
			if err := w.figure(key, v, iv, path, item, n); err != nil {
				return err
			}
		}
	}
	return nil
}

// array writes the elements of an array under key in the object at
// parent (both empty for a Result that is an array): objects are told
// apart by their labels, numbers and arrays by their positions. iv is
// the sibling interval of the array's key, an array of intervals
// position by position.
func (w *walker) array(a, iv *node, key, parent, item, n string) error {
	path := join(parent, key)
	if len(a.elems) == 0 {
		return nil
	}
	if iv != nil && iv.kind != null && (iv.kind != array || len(iv.elems) != len(a.elems)) {
		return fmt.Errorf("%w: interval of %s is not an array of %d intervals", ErrResult, quote(path), len(a.elems))
	}
	at := func(i int) *node {
		if iv == nil || iv.kind == null {
			return nil
		}
		return &iv.elems[i]
	}
	switch a.elems[0].kind {
	case object:
		labels := make([]string, len(a.elems))
		periods := make([]string, len(a.elems))
		seen := make(map[[2]string]int, len(a.elems))
		for i := range a.elems {
			e := &a.elems[i]
			if e.kind != object {
				return fmt.Errorf("%w: %s mixes objects and other values", ErrResult, quote(path))
			}
			per, l := label(e)
			switch {
			case per != "" && w.period == "":
				periods[i] = per // the row's period, not a label
			case per != "":
				l = joinLabel(escape(per), l)
			}
			if l == "" && periods[i] == "" {
				l = strconv.Itoa(i)
			}
			id := [2]string{periods[i], l}
			if k := seen[id]; k > 0 {
				seen[id] = k + 1
				l += "#" + strconv.Itoa(k+1)
			} else {
				seen[id] = 1
			}
			labels[i] = l
		}
		outer := w.period
		for i := range a.elems {
			if periods[i] != "" {
				w.period = periods[i]
			}
			err := w.object(&a.elems[i], path, joinItem(item, labels[i]), n)
			w.period = outer
			if err != nil {
				return err
			}
		}
	case array:
		for i := range a.elems {
			if a.elems[i].kind != array {
				return fmt.Errorf("%w: %s mixes arrays and other values", ErrResult, quote(path))
			}
			if err := w.array(&a.elems[i], at(i), key, parent, joinItem(item, strconv.Itoa(i)), n); err != nil {
				return err
			}
		}
	default:
		if key == "" {
			return fmt.Errorf("%w: a Result that is an array of lone values has no keys, hence no units", ErrResult)
		}
		for i := range a.elems {
			e := &a.elems[i]
			if e.kind == object || e.kind == array {
				return fmt.Errorf("%w: %s mixes values and containers", ErrResult, quote(path))
			}
			if err := w.figure(key, e, at(i), parent, joinItem(item, strconv.Itoa(i)), n); err != nil {
				return err
			}
		}
	}
	return nil
}

// figure writes one value under key, with its interval iv (or nil).
func (w *walker) figure(key string, v, iv *node, path, item, n string) error {
	name, u, ok := split(key)
	where := join(path, key)
	r := row{period: w.period, kpi: join(path, name), item: item, unit: u, n: n}
	switch v.kind {
	case number:
		switch {
		case ok && u == Amount:
			if _, err := money.Parse(v.text); err != nil {
				return fmt.Errorf("%w: %s: %v", ErrUnit, quote(where), err)
			}
		case ok:
		case statistics[key]:
			r.unit = Number
		case isInteger(v.text):
			r.unit = Count
		default:
			return fmt.Errorf("%w: %s holds %s, a number that is not a count, under a key without a unit suffix (_pct, _points, _score, _seconds, _days, _periods, _erlangs, _amount, _ratio, _count, _per_hour)", ErrUnit, quote(where), v.text)
		}
		r.value = v.text
	case text:
		if !ok {
			return nil // a label or a description, not a figure
		}
		if u != Amount {
			return fmt.Errorf("%w: %s holds the text %q where a number in %s is due", ErrUnit, quote(where), v.text, u)
		}
		d, err := money.Parse(v.text)
		if err != nil {
			return fmt.Errorf("%w: %s is not a decimal amount: %v", ErrUnit, quote(where), err)
		}
		r.value = d.String() // exact, and a JSON number literal
	case null:
		switch {
		case ok:
		case statistics[key]:
			r.unit = Number
		default:
			return fmt.Errorf("%w: %s is null under a key without a unit suffix: an undefined figure must say its unit", ErrUnit, quote(where))
		}
	case boolean:
		if ok {
			return fmt.Errorf("%w: %s holds %s where a number in %s is due", ErrUnit, quote(where), v.text, u)
		}
		r.unit, r.value = Bool, "0"
		if v.text == "true" {
			r.value = "1"
		}
	}
	if iv != nil {
		if err := interval(&r, iv, join(path, intervalKey(key))); err != nil {
			return err
		}
	}
	w.rows = append(w.rows, r)
	return nil
}

// interval fills a row's interval columns from an interval object.
func interval(r *row, iv *node, where string) error {
	if iv.kind == null {
		return nil
	}
	if iv.kind != object {
		return fmt.Errorf("%w: interval %s holds %s, not an object", ErrResult, quote(where), show(iv))
	}
	for _, m := range iv.members {
		v := &m.val
		switch m.key {
		case "lo", "hi", "level":
			if v.kind == null && m.key != "level" {
				continue
			}
			if v.kind != number {
				return fmt.Errorf("%w: interval %s: %s holds %s, not a number", ErrResult, quote(where), m.key, show(v))
			}
			switch m.key {
			case "lo":
				r.lo = v.text
			case "hi":
				r.hi = v.text
			default:
				r.level = v.text
			}
		case "method":
			if v.kind != text {
				return fmt.Errorf("%w: interval %s: method holds %s, not a name", ErrResult, quote(where), show(v))
			}
			r.method = v.text
		default:
			return fmt.Errorf("%w: interval %s has the key %q; an interval has lo, hi, level and method", ErrResult, quote(where), m.key)
		}
	}
	return nil
}

// parameters writes every number below a parameter key.
func (w *walker) parameters(v *node, path, item, n string) error {
	switch v.kind {
	case number, null:
		w.rows = append(w.rows, row{period: w.period, kpi: path, item: item, unit: Parameter, value: v.text, n: n})
	case object:
		for i := range v.members {
			if err := w.parameters(&v.members[i].val, join(path, v.members[i].key), item, n); err != nil {
				return err
			}
		}
	case array:
		for i := range v.elems {
			if err := w.parameters(&v.elems[i], path, joinItem(item, strconv.Itoa(i)), n); err != nil {
				return err
			}
		}
	}
	return nil // texts and yes/no flags of a parameter describe it
}

// label returns what tells an element of an array apart: its period
// (a period object or a text under the key period), and its other
// labels — an integer period (of a model), period objects under other
// keys, and texts (a customer id, a reason, a channel) — escaped and
// joined by commas; "" for an element that has none.
func label(e *node) (period, labels string) {
	var parts []string
	for i := range e.members {
		m := &e.members[i]
		if m.key == "period" && period == "" {
			if p, ok := periodOf(&m.val); ok {
				period = p
				continue
			}
			if m.val.kind == text && m.val.text != "" {
				period = m.val.text
				continue
			}
			if m.val.kind == number {
				parts = append(parts, escape(m.val.text))
				continue
			}
		}
		if p, ok := periodOf(&m.val); ok {
			parts = append(parts, escape(p))
			continue
		}
		if _, _, ok := split(m.key); !ok && m.val.kind == text && m.val.text != "" {
			parts = append(parts, escape(m.val.text))
		}
	}
	return period, strings.Join(parts, ",")
}

func joinLabel(a, b string) string {
	if b == "" {
		return a
	}
	return a + "," + b
}

// escape percent-encodes the characters items are built with, so that
// an item splits back into its labels whatever they hold.
func escape(s string) string {
	if !strings.ContainsAny(s, "%/,#") {
		return s
	}
	var b strings.Builder
	for _, c := range []byte(s) {
		switch c {
		case '%', '/', ',', '#':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func joinItem(item, label string) string {
	if label == "" {
		return item
	}
	if item == "" {
		return label
	}
	return item + "/" + label
}

func quote(path string) string { return strconv.Quote(path) }

func show(v *node) string {
	switch v.kind {
	case null:
		return "null"
	case object:
		return "an object"
	case array:
		return "an array"
	case text:
		return strconv.Quote(v.text)
	}
	return v.text
}
