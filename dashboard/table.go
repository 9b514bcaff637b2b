package dashboard

import "fmt"

// Table is a table of texts; format figures with FormatValue,
// FormatAmount (an unknown cost is "n/a") and FormatP. Cells are text,
// escaped like everything else.
type Table struct {
	Title  string
	Header []string
	Rows   [][]string
	Note   string
}

type tableView struct {
	Title, Note string
	Header      []string
	Rows        [][]cellView
}

type cellView struct {
	Text    string
	Numeric bool // right-aligned
}

func (t *Table) view() (tableView, error) {
	if len(t.Rows)*max(1, len(t.Header)) > MaxItems {
		return tableView{}, fmt.Errorf("%w: %d rows, more than %d cells", ErrInput, len(t.Rows), MaxItems)
	}
	v := tableView{Title: clean(t.Title), Note: clean(t.Note)}
	for _, h := range t.Header {
		v.Header = append(v.Header, clean(h))
	}
	for i, r := range t.Rows {
		if len(t.Header) > 0 && len(r) != len(t.Header) {
			return tableView{}, fmt.Errorf("%w: row %d has %d cells for %d columns", ErrInput, i, len(r), len(t.Header))
		}
		row := make([]cellView, len(r))
		for j, s := range r {
			row[j] = cellView{Text: clean(s), Numeric: j > 0 && numeric(s)}
		}
		v.Rows = append(v.Rows, row)
	}
	return v, nil
}

// numeric reports a cell that reads as a number (to right-align it).
func numeric(s string) bool {
	if s == "n/a" {
		return true
	}
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
		if r != '+' && r != '-' && r != '\u2212' && r != ' ' && r != 'p' && r != '<' && r != '=' {
			return false
		}
	}
	return false
}
