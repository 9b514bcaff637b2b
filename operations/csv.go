package operations

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// column identifies a Contact field in a CSV header.
type column int

const (
	colID column = iota
	colCustomer
	colReason
	colAgent
	colQueue
	colChannel
	colDirection
	colOutcome
	colArrived
	colAnswered
	colEnded
	colTalk
	colHold
	colWrap
	colResolved
	colComplaint
	colValue
	colCost
	colFCR
	numColumns
)

var columnNames = [numColumns]string{"id", "customer_id", "reason", "agent", "queue", "channel", "direction",
	"outcome", "arrived", "answered", "ended", "talk", "hold", "wrap", "resolved", "complaint", "value", "cost", "fcr"}

// columnAliases maps normalized header names (lower case, '-' and ' ' read
// as '_') to columns.
var columnAliases = func() map[string]column {
	m := map[string]column{
		"contact_id": colID, "contact": colID,
		"customer": colCustomer, "client": colCustomer, "client_id": colCustomer,
		"motive": colReason, "motif": colReason, "subject": colReason,
		"agent_id": colAgent, "skill": colQueue, "team": colQueue,
		"canal": colChannel, "sens": colDirection, "status": colOutcome, "result": colOutcome,
		"arrived_at": colArrived, "arrival": colArrived, "start": colArrived, "started_at": colArrived,
		"answered_at": colAnswered, "ended_at": colEnded, "end": colEnded,
		"talk_time": colTalk, "talk_seconds": colTalk, "hold_time": colHold, "hold_seconds": colHold,
		"wrap_time": colWrap, "wrap_seconds": colWrap, "wrap_up": colWrap, "acw": colWrap,
		"value_added": colValue, "cost_eur": colCost,
	}
	for c, name := range columnNames {
		m[name] = column(c)
	}
	return m
}()

func normalizeHeader(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return '_'
		}
		return r
	}, s)
}

// Reader reads contacts from CSV with a header row. Columns are matched
// by name in any order and case: id, customer_id, reason, agent, queue,
// channel, direction, outcome, arrived, answered, ended, talk, hold, wrap,
// resolved, complaint, value, cost and fcr, with aliases (contact_id,
// client, status, arrived_at, acw…). Channel, outcome and arrived are
// required; without a direction column every contact is inbound; other
// missing columns leave their field zero.
//
// Cells: times in RFC 3339 ("2026-03-02T09:15:04+01:00"), empty for none;
// durations as seconds ("185", "12.5") or Go durations ("3m5s"), empty for
// 0; booleans true/false, 1/0, yes/no, y/n, oui/non, empty for false;
// enums as their Parse functions read them; cost a decimal, empty for
// unknown (not 0).
//
// Rows are never dropped silently: a row that cannot be read or fails
// Contact.Validate makes Read return an error naming the line, the
// contact ID and the column; the next Read goes on with the next row.
type Reader struct {
	r    *csv.Reader
	cols [numColumns]int // index of each column in a row, −1 if absent
}

// NewReader reads the header from r. A column that is not a Contact field
// is an error (ErrCSV), so that a misspelt optional column is not ignored,
// unless its name is listed in ignore. Duplicate columns and missing
// required ones are errors too.
func NewReader(r io.Reader, ignore ...string) (*Reader, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = 0
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%w: no header", ErrCSV)
		}
		return nil, fmt.Errorf("%w: header: %v", ErrCSV, err)
	}
	skip := make(map[string]bool, len(ignore))
	for _, name := range ignore {
		skip[normalizeHeader(name)] = true
	}
	rd := &Reader{r: cr}
	for i := range rd.cols {
		rd.cols[i] = -1
	}
	for i, h := range header {
		name := normalizeHeader(h)
		c, ok := columnAliases[name]
		switch {
		case skip[name]:
			continue
		case !ok:
			return nil, fmt.Errorf("%w: unknown column %q (known: %s; or pass it to ignore)", ErrCSV, h, strings.Join(columnNames[:], ", "))
		case rd.cols[c] >= 0:
			return nil, fmt.Errorf("%w: column %q given twice", ErrCSV, columnNames[c])
		}
		rd.cols[c] = i
	}
	for _, c := range []column{colChannel, colOutcome, colArrived} {
		if rd.cols[c] < 0 {
			return nil, fmt.Errorf("%w: missing column %q", ErrCSV, columnNames[c])
		}
	}
	return rd, nil
}

// Read returns the next contact, io.EOF after the last row, or an error
// naming the line and contact.
func (r *Reader) Read() (Contact, error) {
	row, err := r.r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return Contact{}, io.EOF
		}
		return Contact{}, fmt.Errorf("%w: %v", ErrCSV, err) // csv errors name the line
	}
	line, _ := r.r.FieldPos(0)
	cell := func(c column) string {
		if i := r.cols[c]; i >= 0 {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	c := Contact{
		ID: cell(colID), CustomerID: cell(colCustomer), Reason: cell(colReason),
		Agent: cell(colAgent), Queue: cell(colQueue), Direction: Inbound,
	}
	fail := func(col column, err error) (Contact, error) {
		return Contact{}, fmt.Errorf("line %d: contact %q: %s %q: %w", line, c.ID, columnNames[col], cell(col), err)
	}
	var errs [numColumns]error
	c.Channel, errs[colChannel] = ParseChannel(cell(colChannel))
	if r.cols[colDirection] >= 0 {
		c.Direction, errs[colDirection] = ParseDirection(cell(colDirection))
	}
	c.Outcome, errs[colOutcome] = ParseOutcome(cell(colOutcome))
	c.Value, errs[colValue] = ParseValueAdded(cell(colValue))
	c.FCR, errs[colFCR] = ParseFCR(cell(colFCR))
	c.Arrived, errs[colArrived] = parseTime(cell(colArrived))
	c.Answered, errs[colAnswered] = parseTime(cell(colAnswered))
	c.Ended, errs[colEnded] = parseTime(cell(colEnded))
	c.Talk, errs[colTalk] = parseDuration(cell(colTalk))
	c.Hold, errs[colHold] = parseDuration(cell(colHold))
	c.Wrap, errs[colWrap] = parseDuration(cell(colWrap))
	c.Resolved, errs[colResolved] = parseBool(cell(colResolved))
	c.Complaint, errs[colComplaint] = parseBool(cell(colComplaint))
	c.Cost, errs[colCost] = parseCost(cell(colCost))
	for col, err := range errs {
		if err != nil {
			return fail(column(col), err)
		}
	}
	if err := c.Validate(); err != nil {
		return Contact{}, fmt.Errorf("line %d: %w", line, err)
	}
	return c, nil
}

// ReadCSV reads every contact of a CSV file (see Reader), stopping at the
// first bad row with an error naming its line and contact.
func ReadCSV(r io.Reader, ignore ...string) ([]Contact, error) {
	rd, err := NewReader(r, ignore...)
	if err != nil {
		return nil, err
	}
	var cs []Contact
	for {
		c, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return cs, nil
		}
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: not an RFC 3339 time", ErrCSV)
	}
	return t, nil
}

// parseDuration reads seconds ("185", "12.5") or a Go duration ("3m5s").
// Negative values pass, for Validate to reject with ErrNegativeDuration.
func parseDuration(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		ns := f * 1e9
		if math.IsNaN(ns) || math.Abs(ns) >= math.MaxInt64 {
			return 0, fmt.Errorf("%w: duration out of range", ErrCSV)
		}
		return time.Duration(math.Round(ns)), nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%w: not seconds nor a duration", ErrCSV)
	}
	return d, nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "", "false", "0", "no", "n", "non", "f":
		return false, nil
	case "true", "1", "yes", "y", "oui", "o", "t":
		return true, nil
	}
	return false, fmt.Errorf("%w: not a boolean", ErrCSV)
}

// parseCost reads a cost; an empty cell is an unknown cost, not 0.
func parseCost(s string) (decimal.NullDecimal, error) {
	if s == "" {
		return decimal.NullDecimal{}, nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.NullDecimal{}, fmt.Errorf("%w: not a decimal", ErrCSV)
	}
	return decimal.NewNullDecimal(d), nil
}
