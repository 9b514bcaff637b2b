package row

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Format says how a file writes its rows and cells. Its zero value reads
// comma-separated UTF-8 text with ISO 8601 times in UTC, amounts with a
// decimal point and no thousands separator or currency mark, and times
// from 1980 to 2099. Nothing is guessed: "1,234" is not an amount until
// the caller says whether the comma groups thousands or marks decimals.
//
// A reader checks its Format (Validate) before its first row; the cell
// methods (Time, Amount, Duration, Bool) can be called on their own, to
// read a cell the way a reader would.
type Format struct {
	// Comma is the field separator: ',' (the zero value), ';', '\t' or '|'.
	Comma rune
	// Skip is the number of rows after the header that are not data:
	// Qualtrics writes two (the questions' wording and their import ids).
	// At most 100.
	Skip int

	// Times lists the layouts of time cells, tried in order: ISO,
	// UnixSeconds, UnixMillis, or a layout of package time
	// ("02/01/2006 15:04"). Nil means {ISO}.
	Times []string
	// Location is the time zone of times written without an offset, and
	// the location of every time a reader returns; nil means UTC.
	Location *time.Location
	// Earliest and Latest bound the plausible times: a time before
	// Earliest or at or after Latest is rejected with its row, so that a
	// 0001-01-01 placeholder or a year 2205 typo never stretches a
	// report. The zero values mean DefaultEarliest and DefaultLatest.
	Earliest, Latest time.Time

	// Decimal lists the characters that may mark the decimal point: "."
	// (the zero value ""), "," or ".," for either (9.80 and 9,80).
	Decimal string
	// Thousands lists the characters that may group the digits of an
	// amount by three: "" (none, the zero value), ",", ".", "'", "’" or
	// " ", which stands for every space (U+0020, the no-break U+00A0, the
	// narrow no-break U+202F and the thin U+2009). It shares no character
	// with Decimal.
	Thousands string
	// Currency is the ISO 4217 code of the amounts ("EUR"). An amount may
	// then carry that code or its symbol before or after its digits
	// ("€1,234.50", "1234.50 EUR", "12,50 €"), and a currency column must
	// hold the code or symbol; any other currency is rejected. Empty
	// means amounts carry no currency mark at all.
	Currency string
}

// The layout names of Format.Times besides package time's layouts.
const (
	// ISO reads ISO 8601 dates and times: 2025-03-14, 2025-03-14 09:30,
	// 2025-03-14T09:30:00, with a fraction of a second (".5", up to nine
	// digits) and a zone ("Z", "+01:00", "+0100", "+01", " UTC") or none
	// (then in Format.Location).
	ISO = "ISO 8601"
	// UnixSeconds reads seconds since 1970-01-01 UTC, with an optional
	// fraction: 1741944600, 1741944600.25.
	UnixSeconds = "unix seconds"
	// UnixMillis reads whole milliseconds since 1970-01-01 UTC: 1741944600250.
	UnixMillis = "unix milliseconds"
)

// The default plausible window of Format.Earliest and Format.Latest.
var (
	DefaultEarliest = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	DefaultLatest   = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
)

// MaxRecord bounds a row: a row of more bytes (all its lines, for a
// quoted field that spans lines) is rejected, and a quoted field still
// open past it ends the stream (an unterminated quote).
const MaxRecord = 4 << 20

// maxSkip bounds Format.Skip.
const maxSkip = 100

// Validate checks the Format: a known separator, decimal and thousands
// characters that do not overlap, a currency of three letters, a time
// window with Earliest before Latest. The error wraps ErrFormat and names
// the field.
func (f *Format) Validate() error {
	switch f.Comma {
	case 0, ',', ';', '\t', '|':
	default:
		return fmt.Errorf("%w: Comma %q: want ',', ';', '\\t' or '|'", ErrFormat, f.Comma)
	}
	if f.Skip < 0 || f.Skip > maxSkip {
		return fmt.Errorf("%w: Skip %d: want 0 to %d", ErrFormat, f.Skip, maxSkip)
	}
	for _, r := range f.Decimal {
		if r != '.' && r != ',' {
			return fmt.Errorf("%w: Decimal %q: want \".\", \",\" or \".,\"", ErrFormat, f.Decimal)
		}
	}
	for _, r := range f.Thousands {
		if !isGroupMark(r) {
			return fmt.Errorf("%w: Thousands %q: want characters among \",.'’ \"", ErrFormat, f.Thousands)
		}
		if strings.ContainsRune(f.decimal(), r) {
			return fmt.Errorf("%w: %q is both a decimal (Decimal %q) and a thousands separator (Thousands %q)", ErrFormat, r, f.decimal(), f.Thousands)
		}
	}
	if c := f.Currency; c != "" && !isCode(c) {
		return fmt.Errorf("%w: Currency %q: want an ISO 4217 code such as EUR", ErrFormat, c)
	}
	for _, l := range f.Times {
		if l == "" {
			return fmt.Errorf("%w: an empty layout in Times", ErrFormat)
		}
	}
	if lo, hi := f.earliest(), f.latest(); !lo.Before(hi) {
		return fmt.Errorf("%w: Earliest %s is not before Latest %s", ErrFormat, lo.Format(time.RFC3339), hi.Format(time.RFC3339))
	}
	return nil
}

// comma returns the separator as a byte.
func (f *Format) comma() byte {
	if f.Comma == 0 {
		return ','
	}
	return byte(f.Comma)
}

// Separator returns the field separator as a byte (',' for the zero Comma).
func (f *Format) Separator() byte { return f.comma() }

func (f *Format) decimal() string {
	if f.Decimal == "" {
		return "."
	}
	return f.Decimal
}

func (f *Format) location() *time.Location {
	if f.Location == nil {
		return time.UTC
	}
	return f.Location
}

func (f *Format) earliest() time.Time {
	if f.Earliest.IsZero() {
		return DefaultEarliest
	}
	return f.Earliest
}

func (f *Format) latest() time.Time {
	if f.Latest.IsZero() {
		return DefaultLatest
	}
	return f.Latest
}

// isGroupMark reports whether r may be a thousands separator.
func isGroupMark(r rune) bool {
	switch r {
	case ',', '.', '\'', '’', ' ', '\u00a0', '\u202f', '\u2009':
		return true
	}
	return false
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// trim removes spaces, tabs and the no-break, narrow and thin spaces at
// both ends of s.
func trim(s string) string {
	for len(s) > 0 {
		if c := s[0]; c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			s = s[1:]
			continue
		}
		if r, n := utf8.DecodeRuneInString(s); n > 1 && isSpace(r) {
			s = s[n:]
			continue
		}
		break
	}
	for len(s) > 0 {
		if c := s[len(s)-1]; c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			s = s[:len(s)-1]
			continue
		}
		if r, n := utf8.DecodeLastRuneInString(s); n > 1 && isSpace(r) {
			s = s[:len(s)-n]
			continue
		}
		break
	}
	return s
}

// Trim returns the cell s without the spaces at its ends (tabs and the
// no-break, narrow no-break and thin spaces included): how a reader reads
// every cell.
func Trim(s string) string { return trim(s) }
