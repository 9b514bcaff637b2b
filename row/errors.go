package row

import (
	"errors"
	"fmt"
	"strings"
)

// The failures a reader names. A rejected row's Error wraps one of them
// (or the record package's own word: operations.ErrChannel for a channel
// no name matches, churn.ErrEndBeforeStart for a customer lost before it
// started); a FileError wraps ErrHeader, ErrEncoding, ErrSyntax, ErrLong,
// ErrFormat or the reader's I/O error.
var (
	// ErrHeader reports a header that cannot be read as the record: no
	// header, a required column missing, a column named twice, or an
	// unknown column in strict mode.
	ErrHeader = errors.New("row: bad header")
	// ErrEncoding reports text that is not UTF-8: a UTF-16 file (with or
	// without its byte-order mark), a NUL byte, an invalid UTF-8 sequence.
	ErrEncoding = errors.New("row: not UTF-8 text")
	// ErrSyntax reports malformed CSV: a quoted field that never ends, a
	// character after a closing quote.
	ErrSyntax = errors.New("row: malformed CSV")
	// ErrFields reports a row with more or fewer fields than the header.
	ErrFields = errors.New("row: wrong number of fields")
	// ErrLong reports a row longer than MaxRecord bytes.
	ErrLong = errors.New("row: row too long")
	// ErrFormat reports an invalid Format: a decimal separator that is also
	// a thousands separator, an unknown currency, an empty time window.
	ErrFormat = errors.New("row: invalid format")

	// ErrID reports an empty identifier where the record needs one.
	ErrID = errors.New("row: empty id")
	// ErrTime reports a cell that is not a time in the Format's layouts,
	// or a time outside the Format's plausible window.
	ErrTime = errors.New("row: bad time")
	// ErrAmount reports a cell that is not an amount under the Format's
	// separators and currency, or an amount out of bounds (more than 64
	// decimal places, 10⁶⁴ or more).
	ErrAmount = errors.New("row: bad amount")
	// ErrDuration reports a cell that is not a duration, or a negative or
	// out-of-range one.
	ErrDuration = errors.New("row: bad duration")
	// ErrBool reports a cell that is not a yes/no word.
	ErrBool = errors.New("row: not a boolean")
	// ErrNumber reports a cell that is not an integer where one is needed
	// (a survey score).
	ErrNumber = errors.New("row: not an integer")
)

// Error is a rejected row: the reader skipped it, said why, and goes on
// with the next one. errors.As finds it in a reader's error; errors.Is
// finds the sentinel it wraps.
type Error struct {
	// Line is the line of the file where the row starts, from 1 (the
	// header's line).
	Line int
	// Column is the header of the cell at fault, as the file spells it;
	// empty when the fault is the row's as a whole (its number of fields,
	// a rule between two cells).
	Column string
	// ID is the record's id as the row gives it, if it has one.
	ID string
	// Err is the reason, wrapping a sentinel.
	Err error
}

// Error returns e.g. `row: line 12 (id "T-1029"), column "Created at":
// row: bad time: "2205-03-01": after the plausible window …`.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "row: line %d", e.Line)
	if e.ID != "" {
		fmt.Fprintf(&b, " (id %q)", e.ID)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, ", column %q", e.Column)
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// FileError ends a stream: the header cannot be read, the text is not
// UTF-8, a quoted field runs on past the bound, the underlying reader
// failed. Every later Read returns it again.
type FileError struct {
	// Line is the line of the file where reading stopped, from 1; 0 when
	// the failure is not at a line (an invalid Format).
	Line int
	// Err is the cause, wrapping a sentinel or the reader's I/O error.
	Err error
}

// Error returns e.g. "row: line 1: row: not UTF-8 text: UTF-16 (little-endian byte-order mark)".
func (e *FileError) Error() string {
	if e.Line == 0 {
		return "row: " + e.Err.Error()
	}
	return fmt.Sprintf("row: line %d: %v", e.Line, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }
