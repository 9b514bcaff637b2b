package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// A rejection is a row the report could not use, and why.
type rejection struct {
	File   string
	Line   int
	Reason string
}

func (r rejection) String() string {
	if r.Line == 0 { // the reason names the line itself
		return fmt.Sprintf("%s: %s", r.File, r.Reason)
	}
	return fmt.Sprintf("%s:%d: %s", r.File, r.Line, r.Reason)
}

// loaded is the outcome of reading one file: every data row read is either
// accepted or rejected with its line number and reason.
type loaded[T any] struct {
	File     string
	Rows     []T
	lines    []int // of each row
	Read     int
	Rejected []rejection
}

// row gives a parser named access to one CSV record.
type row struct {
	fields []string
	column map[string]int
}

// get returns the trimmed field of the named column ("" if the file has
// no such optional column).
func (r row) get(name string) string {
	i, ok := r.column[name]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// load reads a CSV file with a header row, tolerating a UTF-8 byte-order
// mark, and parses each data row. It fails only if the file cannot be read
// or lacks a required column; bad rows are rejected, not dropped.
func load[T any](file string, r io.Reader, required []string, parse func(row) (T, error)) (loaded[T], error) {
	out := loaded[T]{File: file}
	data, err := io.ReadAll(r)
	if err != nil {
		return out, fmt.Errorf("%s: %w", file, err)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // counted here, so a short row is a rejection
	header, err := cr.Read()
	if err != nil {
		return out, fmt.Errorf("%s: reading the header: %w", file, err)
	}
	column := make(map[string]int, len(header))
	for i, h := range header {
		column[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, name := range required {
		if _, ok := column[name]; !ok {
			return out, fmt.Errorf("%s: missing column %q (have %s)", file, name, strings.Join(header, ", "))
		}
	}
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		out.Read++
		var parseErr *csv.ParseError
		switch {
		case errors.As(err, &parseErr):
			out.Rejected = append(out.Rejected, rejection{file, parseErr.StartLine, parseErr.Err.Error()})
			continue
		case err != nil:
			return out, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		if len(fields) != len(header) {
			out.Rejected = append(out.Rejected, rejection{file, line, fmt.Sprintf("%d fields, the header has %d", len(fields), len(header))})
			continue
		}
		v, err := parse(row{fields: fields, column: column})
		if err != nil {
			out.Rejected = append(out.Rejected, rejection{file, line, err.Error()})
			continue
		}
		out.Rows = append(out.Rows, v)
		out.lines = append(out.lines, line)
	}
	return out, nil
}

// Field parsers: each names the column in its error.

func parseTime(r row, name string) (time.Time, error) {
	s := r.get(name)
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%s: %q is not a date (2006-01-02) or time (RFC 3339)", name, s)
}

// parseOptionalTime is parseTime that accepts an empty field as the zero time.
func parseOptionalTime(r row, name string) (time.Time, error) {
	if r.get(name) == "" {
		return time.Time{}, nil
	}
	return parseTime(r, name)
}

func parseInt(r row, name string) (int, error) {
	v, err := strconv.Atoi(r.get(name))
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not an integer", name, r.get(name))
	}
	return v, nil
}

func parseDecimal(r row, name string) (decimal.Decimal, error) {
	s := strings.ReplaceAll(r.get(name), ",", ".") // 9,80 as written in France
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%s: %q is not a decimal amount", name, r.get(name))
	}
	return d, nil
}
