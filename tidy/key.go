package tidy

import (
	"cmp"
	"encoding"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// fixed are the columns every file has, after the period and the key's.
var fixed = []string{"result", "kpi", "item", "unit", "value", "lo", "hi", "level", "method", "n"}

// MaxKeyColumns bounds the columns of a key.
const MaxKeyColumns = 64

// column is one column of a key: a field of a struct key (index), or
// the whole key (index nil).
type column struct {
	name    string
	index   []int
	text    func(reflect.Value) (string, error)
	compare func(a, b reflect.Value) int
}

// schema is the columns a key type writes; period is the column that
// fills the period column, if the key has one.
type schema struct {
	cols   []column
	period *column
}

var (
	timeType     = reflect.TypeFor[time.Time]()
	marshalerTyp = reflect.TypeFor[encoding.TextMarshaler]()
	stringerType = reflect.TypeFor[fmt.Stringer]()
)

// schemaOf returns the columns of key type t; name is the column of a
// key that is not a struct of fields.
func schemaOf(t reflect.Type, name string) (schema, error) {
	var s schema
	if t.Kind() == reflect.Struct && !scalar(t) {
		if t.NumField() > MaxKeyColumns {
			return s, fmt.Errorf("%w: %v has %d fields, more than %d", ErrKey, t, t.NumField(), MaxKeyColumns)
		}
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("tidy")
			if tag == "-" {
				continue
			}
			if !f.IsExported() {
				return s, fmt.Errorf("%w: field %s of %v is unexported; tag it `tidy:\"-\"` to leave it out", ErrKey, f.Name, t)
			}
			if f.Anonymous {
				return s, fmt.Errorf("%w: embedded field %s of %v; name the field", ErrKey, f.Name, t)
			}
			col := tag
			if col == "" {
				col, _, _ = strings.Cut(f.Tag.Get("json"), ",")
			}
			if col == "" {
				col = snake(f.Name)
			}
			c, err := columnOf(f.Type, col)
			if err != nil {
				return s, fmt.Errorf("%w (field %s of %v)", err, f.Name, t)
			}
			c.index = f.Index
			if err := s.add(c); err != nil {
				return s, err
			}
		}
		return s, nil
	}
	if name == "" {
		name = "key"
	}
	c, err := columnOf(t, name)
	if err != nil {
		return s, err
	}
	return s, s.add(c)
}

func (s *schema) add(c column) error {
	if !validName(c.name) {
		return fmt.Errorf("%w: column name %q is not [a-z][a-z0-9_]*", ErrKey, c.name)
	}
	if c.name == "period" {
		if s.period != nil {
			return fmt.Errorf("%w: two columns named period", ErrKey)
		}
		s.period = &c
		return nil
	}
	for _, f := range fixed {
		if c.name == f {
			return fmt.Errorf("%w: column name %q is one of the fixed columns %v", ErrKey, c.name, fixed)
		}
	}
	for _, o := range s.cols {
		if o.name == c.name {
			return fmt.Errorf("%w: two columns named %q", ErrKey, c.name)
		}
	}
	s.cols = append(s.cols, c)
	return nil
}

// scalar reports whether a struct type is one value, not a set of
// columns: a time, a period, or a type with MarshalText. (A String
// method alone does not make one: a struct of dimensions may have one
// for people.)
func scalar(t reflect.Type) bool {
	return t == timeType || isPeriod(t) || t.Implements(marshalerTyp) || reflect.PointerTo(t).Implements(marshalerTyp)
}

// isPeriod reports a struct with the time.Time fields From and To, as
// churn.Period.
func isPeriod(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || t.NumField() != 2 {
		return false
	}
	f, okF := t.FieldByName("From")
	to, okT := t.FieldByName("To")
	return okF && okT && f.Type == timeType && to.Type == timeType
}

// columnOf returns how a value of type t becomes text and compares.
func columnOf(t reflect.Type, name string) (column, error) {
	c := column{name: name, compare: compareMethod(t)}
	switch {
	case t == timeType:
		c.text = func(v reflect.Value) (string, error) { return instantText(v.Interface().(time.Time)), nil }
		if c.compare == nil {
			c.compare = func(a, b reflect.Value) int { return a.Interface().(time.Time).Compare(b.Interface().(time.Time)) }
		}
	case isPeriod(t):
		c.text = func(v reflect.Value) (string, error) {
			return periodText(v.FieldByName("From").Interface().(time.Time), v.FieldByName("To").Interface().(time.Time)), nil
		}
		if c.compare == nil {
			c.compare = func(a, b reflect.Value) int {
				if r := a.FieldByName("From").Interface().(time.Time).Compare(b.FieldByName("From").Interface().(time.Time)); r != 0 {
					return r
				}
				return a.FieldByName("To").Interface().(time.Time).Compare(b.FieldByName("To").Interface().(time.Time))
			}
		}
	case t.Implements(marshalerTyp) || reflect.PointerTo(t).Implements(marshalerTyp):
		c.text = func(v reflect.Value) (string, error) {
			b, err := addressable(v).Addr().Interface().(encoding.TextMarshaler).MarshalText()
			if err != nil {
				return "", fmt.Errorf("%w: column %s: %v", ErrKey, name, err)
			}
			return valid(string(b)), nil
		}
	case t.Implements(stringerType) || reflect.PointerTo(t).Implements(stringerType):
		c.text = func(v reflect.Value) (string, error) {
			return valid(addressable(v).Addr().Interface().(fmt.Stringer).String()), nil
		}
	default:
		switch t.Kind() {
		case reflect.String:
			c.text = func(v reflect.Value) (string, error) { return valid(v.String()), nil }
		case reflect.Bool:
			c.text = func(v reflect.Value) (string, error) { return strconv.FormatBool(v.Bool()), nil }
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			c.text = func(v reflect.Value) (string, error) { return strconv.FormatInt(v.Int(), 10), nil }
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			c.text = func(v reflect.Value) (string, error) { return strconv.FormatUint(v.Uint(), 10), nil }
		default:
			return c, fmt.Errorf("%w: column %s of type %v: a key column is a string, an integer, a bool, a time, a period or has MarshalText or String", ErrKey, name, t)
		}
	}
	if c.compare == nil {
		c.compare = compareKind(t, c.text)
	}
	return c, nil
}

// compareMethod returns the comparison of a type with a method
// Compare(T) int, as period.Slot has, or nil.
func compareMethod(t reflect.Type) func(a, b reflect.Value) int {
	m, ok := t.MethodByName("Compare")
	if !ok || m.Type.NumIn() != 2 || m.Type.In(1) != t || m.Type.NumOut() != 1 || m.Type.Out(0).Kind() != reflect.Int {
		return nil
	}
	return func(a, b reflect.Value) int { return int(a.Method(m.Index).Call([]reflect.Value{b})[0].Int()) }
}

// compareKind orders integers (period keys among them) by value, so
// chronologically, strings and bools by value, and anything else by
// its text.
func compareKind(t reflect.Type, text func(reflect.Value) (string, error)) func(a, b reflect.Value) int {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(a, b reflect.Value) int { return cmp.Compare(a.Uint(), b.Uint()) }
	case reflect.String:
		return func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) }
	case reflect.Bool:
		return func(a, b reflect.Value) int {
			x, y := a.Bool(), b.Bool()
			switch {
			case x == y:
				return 0
			case !x:
				return -1
			}
			return 1
		}
	}
	return func(a, b reflect.Value) int {
		x, _ := text(a)
		y, _ := text(b)
		return strings.Compare(x, y)
	}
}

// addressable returns v, or an addressable copy of it, so that methods
// with pointer receivers can be called.
func addressable(v reflect.Value) reflect.Value {
	if v.CanAddr() {
		return v
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	return c
}

// valid replaces invalid UTF-8, so that CSV and JSON Lines write the
// same text.
func valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

func validName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, c := range []byte(s) {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// snake turns a Go field name into a column name: AgentID is agent_id,
// QueueName queue_name.
func snake(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsUpper(r) {
			if i > 0 && (!unicode.IsUpper(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])) && rs[i-1] != '_' {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
