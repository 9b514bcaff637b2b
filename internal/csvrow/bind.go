package csvrow

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/rapportkit/rapport/row"
)

// Skip is the column name that turns a field off: the reader leaves it
// unread even if a header matches one of its aliases.
const Skip = "-"

// Column is one field of a record in a header.
type Column struct {
	// Name is the field's canonical column name ("arrived").
	Name string
	// Field names the field of the reader's Columns struct, for messages
	// ("Arrived").
	Field string
	// Given is the caller's header name for the field: "" for the
	// library's names (Name and Aliases), Skip for none.
	Given string
	// Aliases are the other names the library knows.
	Aliases []string
	// Required says a row cannot be read without the field.
	Required bool
}

// Layout is a header bound to a record's columns.
type Layout struct {
	cols   []Column
	index  []int    // the field of each column, −1 if absent
	header []string // the header cells, copied
}

// Has reports whether column c is in the header.
func (l *Layout) Has(c int) bool { return l.index[c] >= 0 }

// Index returns the field of column c, −1 if absent.
func (l *Layout) Index(c int) int { return l.index[c] }

// Width returns the number of fields of the header.
func (l *Layout) Width() int { return len(l.header) }

// Header returns the header cell of column c, as the file spells it, or
// its canonical name if absent.
func (l *Layout) Header(c int) string {
	if c < 0 || c >= len(l.index) {
		return ""
	}
	if i := l.index[c]; i >= 0 {
		return l.header[i]
	}
	return l.cols[c].Name
}

// Normalize folds a column name for matching: lower case, without spaces,
// underscores, hyphens, dots or a byte-order mark, so that "Ticket ID",
// "ticket_id" and "TicketId" are one name.
func Normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '_' || r == '-' || r == '.' || r == '\ufeff' || r == '\u00a0' || r == '\t':
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Bind matches a header to columns: each column to the header cell of its
// Given name, or else of its Name or an alias. It fails with
// row.ErrHeader, naming the column and listing the header, when a given
// or required column is missing, when two cells match one column, or, if
// strict, when a cell matches no column.
func Bind(header []string, cols []Column, strict bool) (*Layout, error) {
	l := &Layout{cols: cols, index: make([]int, len(cols)), header: make([]string, len(header))}
	for i, h := range header {
		l.header[i] = strings.Clone(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	}
	byName := make(map[string]int, len(header)) // normalized header → cell
	for i, h := range l.header {
		n := Normalize(h)
		if n == "" {
			continue
		}
		if j, dup := byName[n]; dup {
			return nil, fmt.Errorf("%w: columns %q and %q have one name", row.ErrHeader, l.header[j], h)
		}
		byName[n] = i
	}
	used := make([]int, len(header)) // column + 1 using each cell
	for c, col := range cols {
		l.index[c] = -1
		if col.Given == Skip {
			continue
		}
		if col.Given != "" {
			i, ok := byName[Normalize(col.Given)]
			if !ok {
				return nil, fmt.Errorf("%w: no column %q (Columns.%s) in the header %s", row.ErrHeader, col.Given, col.Field, list(l.header))
			}
			l.index[c] = i
			continue
		}
		for _, name := range append([]string{col.Name}, col.Aliases...) {
			i, ok := byName[Normalize(name)]
			if !ok {
				continue
			}
			if l.index[c] >= 0 {
				return nil, fmt.Errorf("%w: columns %q and %q both read as %s; name one in Columns.%s", row.ErrHeader, l.header[l.index[c]], l.header[i], col.Name, col.Field)
			}
			l.index[c] = i
		}
	}
	for c, col := range cols {
		i := l.index[c]
		if i < 0 {
			if col.Required {
				return nil, fmt.Errorf("%w: missing column %s (%s; or name it in Columns.%s) in the header %s", row.ErrHeader, col.Name, strings.Join(append([]string{col.Name}, col.Aliases...), ", "), col.Field, list(l.header))
			}
			continue
		}
		if u := used[i]; u > 0 {
			return nil, fmt.Errorf("%w: column %q read as both %s and %s", row.ErrHeader, l.header[i], cols[u-1].Name, col.Name)
		}
		used[i] = c + 1
	}
	if strict {
		for i, h := range l.header {
			if used[i] == 0 {
				return nil, fmt.Errorf("%w: column %q is not a field (Strict)", row.ErrHeader, h)
			}
		}
	}
	return l, nil
}

// list quotes the header cells, the first 40 of them.
func list(header []string) string {
	q := make([]string, 0, min(len(header), 40))
	for i, h := range header {
		if i == 40 {
			q = append(q, fmt.Sprintf("and %d more", len(header)-40))
			break
		}
		q = append(q, fmt.Sprintf("%q", h))
	}
	return "(" + strings.Join(q, ", ") + ")"
}
