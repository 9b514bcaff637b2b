package tidy

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"unicode/utf8"
)

// Format is the file format a Writer writes.
type Format int

const (
	// CSV is RFC 4180 comma-separated values with a header line: an
	// empty cell for an undefined value or an absent one.
	CSV Format = iota
	// JSONLines is one JSON object per line (https://jsonlines.org),
	// with the columns as keys in the order of the CSV header and null
	// for an empty cell.
	JSONLines
)

// Options configure a Writer; the zero value writes CSV.
type Options struct {
	// Format is CSV (the default) or JSONLines.
	Format Format
	// Key names the column of a key that is not a struct of fields: a
	// channel string, a period.Month. It is "key" when empty; "period"
	// puts the key in the period column.
	Key string
	// Parameters are keys, at any depth of a Result, whose numbers are
	// parameters rather than figures (unit "parameter"), in addition to
	// those of the rapport packages: scale (a survey scale's bounds and
	// breaks), alpha and beta (of a fitted model), params (a forecast
	// model's smoothing parameters).
	Parameters []string
}

// parameters are the parameter keys of the rapport packages.
var parameters = []string{"scale", "alpha", "beta", "params"}

// Writer writes Results as tidy rows, one row per figure, to CSV or
// JSON Lines. Rows go out as they are written, through a buffer, so a
// Writer holds one Result's rows at a time whatever the number of rows
// written. Call Flush at the end. A Writer is not safe for concurrent
// use.
type Writer[K any] struct {
	out    *bufio.Writer
	csv    *csv.Writer
	format Format
	schema schema
	header bool
	err    error
	walk   walker
	keys   []string // the texts of the key's columns, reused
	record []string // a CSV record, reused
	line   []byte   // a JSON line, reused
}

// NewWriter returns a Writer of Results grouped by keys of type K: a
// struct of dimensions (one column per field), a single dimension (one
// column named opt.Key), or struct{} for Results not grouped at all.
// It fails with ErrKey for a key type it cannot write (see ErrKey).
func NewWriter[K any](w io.Writer, opt Options) (*Writer[K], error) {
	if opt.Format != CSV && opt.Format != JSONLines {
		return nil, fmt.Errorf("%w: unknown format %d", ErrKey, opt.Format)
	}
	s, err := schemaOf(reflect.TypeFor[K](), opt.Key)
	if err != nil {
		return nil, err
	}
	tw := &Writer[K]{out: bufio.NewWriterSize(w, 64<<10), format: opt.Format, schema: s}
	tw.walk.params = map[string]bool{}
	for _, p := range parameters {
		tw.walk.params[p] = true
	}
	for _, p := range opt.Parameters {
		tw.walk.params[p] = true
	}
	if opt.Format == CSV {
		tw.csv = csv.NewWriter(tw.out)
	}
	return tw, nil
}

// Columns returns the header: period, the key's columns, then result,
// kpi, item, unit, value, lo, hi, level, method and n.
func (w *Writer[K]) Columns() []string {
	cols := []string{"period"}
	for _, c := range w.schema.cols {
		cols = append(cols, c.name)
	}
	return append(cols, fixed...)
}

// Write writes the rows of one Result r, the value a Result method
// returned (or anything that marshals to JSON the way Results do: a
// json.RawMessage, a slice of Results), for the group key under the
// name result ("nps", "contacts"), which fills the result column.
//
// Each figure of r is a row: a number, a null, a yes/no, or an amount,
// with its interval when r has one next to it. A Write that fails
// writes no row; it fails with ErrUnit for a figure whose unit is not
// in its key, ErrResult for a Result of another shape, ErrPeriod when
// r's period is not the key's, and with the error of the underlying
// writer, which every later call returns too.
func (w *Writer[K]) Write(key K, result string, r any) error {
	if w.err != nil {
		return w.err
	}
	if result == "" || !utf8.ValidString(result) {
		return fmt.Errorf("%w: result name %q is empty or not UTF-8", ErrResult, result)
	}
	kv := reflect.ValueOf(&key).Elem()
	w.keys = w.keys[:0]
	for _, c := range w.schema.cols {
		t, err := c.text(field(kv, c.index))
		if err != nil {
			return err
		}
		w.keys = append(w.keys, t)
	}
	period := ""
	if p := w.schema.period; p != nil {
		t, err := p.text(field(kv, p.index))
		if err != nil {
			return err
		}
		period = t
	}
	data, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("%w: %s does not marshal: %v", ErrResult, result, err)
	}
	tree, err := decode(data)
	if err != nil {
		return fmt.Errorf("%s: %w", result, err)
	}
	if tree.kind == object {
		if v, ok := tree.get("period"); ok {
			own, ok := periodOf(v)
			switch {
			case ok:
			case v.kind == text || v.kind == number:
				own = v.text
			default:
				return fmt.Errorf("%w: %s: key \"period\" holds %s, not a period", ErrResult, result, show(v))
			}
			if period != "" && own != period {
				return fmt.Errorf("%w: %s is for %s, its key for %s", ErrPeriod, result, own, period)
			}
			period = own
		}
	}
	w.walk.rows, w.walk.period = w.walk.rows[:0], period
	if err := w.walk.result(&tree); err != nil {
		return fmt.Errorf("%s: %w", result, err)
	}
	if err := w.writeHeader(); err != nil {
		return err
	}
	for i := range w.walk.rows {
		if err := w.writeRow(result, &w.walk.rows[i]); err != nil {
			w.err = err
			return err
		}
	}
	clear(w.walk.rows) // drop the strings of this Result
	return nil
}

// Flush writes the header if no row was written, and any buffered
// rows, and returns the first error met.
func (w *Writer[K]) Flush() error {
	if w.err != nil {
		return w.err
	}
	if err := w.writeHeader(); err != nil {
		return err
	}
	if w.csv != nil {
		w.csv.Flush()
		if err := w.csv.Error(); err != nil {
			w.err = err
			return err
		}
	}
	if err := w.out.Flush(); err != nil {
		w.err = err
		return err
	}
	return nil
}

func (w *Writer[K]) writeHeader() error {
	if w.header || w.format != CSV {
		return nil
	}
	w.header = true
	if err := w.csv.Write(w.Columns()); err != nil {
		w.err = err
		return err
	}
	return nil
}

func (w *Writer[K]) writeRow(result string, r *row) error {
	if w.format == CSV {
		w.record = append(w.record[:0], r.period)
		w.record = append(w.record, w.keys...)
		w.record = append(w.record, result, r.kpi, r.item, string(r.unit), r.value, r.lo, r.hi, r.level, r.method, r.n)
		return w.csv.Write(w.record)
	}
	b := append(w.line[:0], '{')
	b = appendString(b, "period", r.period, true)
	for i, c := range w.schema.cols {
		b = appendString(b, c.name, w.keys[i], false)
	}
	b = appendString(b, "result", result, false)
	b = appendString(b, "kpi", r.kpi, false)
	b = appendString(b, "item", r.item, true)
	b = appendString(b, "unit", string(r.unit), false)
	b = appendNumber(b, "value", r.value)
	b = appendNumber(b, "lo", r.lo)
	b = appendNumber(b, "hi", r.hi)
	b = appendNumber(b, "level", r.level)
	b = appendString(b, "method", r.method, true)
	b = appendNumber(b, "n", r.n)
	b = append(b, '}', '\n')
	w.line = b
	_, err := w.out.Write(b)
	return err
}

// appendString appends a member holding a string, or null for an empty
// one where empty means absent.
func appendString(b []byte, key, s string, nullable bool) []byte {
	if len(b) > 1 {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	if s == "" && nullable {
		return append(b, "null"...)
	}
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}

// appendNumber appends a member holding a JSON number literal as it is
// (never through a float), or null.
func appendNumber(b []byte, key, lit string) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	if lit == "" {
		return append(b, "null"...)
	}
	return append(b, lit...)
}

func field(v reflect.Value, index []int) reflect.Value {
	if index == nil {
		return v
	}
	return v.FieldByIndex(index)
}

// String returns the format's name.
func (f Format) String() string {
	switch f {
	case CSV:
		return "csv"
	case JSONLines:
		return "jsonl"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}
