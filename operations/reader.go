package operations

import (
	"fmt"
	"io"
	"time"

	"github.com/rapportkit/rapport/internal/csvrow"
	"github.com/rapportkit/rapport/row"
	"github.com/shopspring/decimal"
)

// Columns names the columns of a contacts file, for a Reader. An empty
// name means the library's names for the field, listed here (in any case,
// with spaces, underscores or hyphens alike: "Ticket ID" is ticket_id);
// "-" means the field is not in the file even if a column has one of
// those names. Channel (unless Reader.Channel is set), Outcome and
// Arrived are required.
type Columns struct {
	ID         string // id, contact_id, ticket_id, call_id, conversation_id, interaction_id, case_id
	CustomerID string // customer_id, customer, client, client_id, requester_id, account_id
	Reason     string // reason, motive, motif, subject, topic, category, contact_reason
	Agent      string // agent, agent_id, agent_name, assignee, user
	Queue      string // queue, skill, team, teams, group, queue_name
	Channel    string // channel, canal, via, media_type, source
	Direction  string // direction, sens; without it every contact is inbound
	Outcome    string // outcome, status, result
	// MissedReason is why a call was missed (Aircall's
	// missed_call_reason): when its cell is not empty it gives the
	// outcome ("abandoned_in_ivr", "no_available_agent"…).
	MissedReason string // missed_call_reason, missed_reason
	Arrived      string // arrived, arrived_at, arrival, start, started_at, start_time, created_at, created
	Answered     string // answered, answered_at
	Ended        string // ended, ended_at, end, end_time
	Talk         string // talk, talk_s, talk_time, talk_seconds, talk_duration
	Hold         string // hold, hold_s, hold_time, hold_seconds, hold_duration
	Wrap         string // wrap, wrap_s, wrap_time, wrap_seconds, wrap_up, wrapup, acw, after_call_work
	Resolved     string // resolved, is_resolved
	Complaint    string // complaint, is_complaint
	Value        string // value, value_added
	Cost         string // cost, cost_eur, cost_amount
	FCR          string // fcr, first_contact_resolution
}

const (
	colID = iota
	colCustomer
	colReason
	colAgent
	colQueue
	colChannel
	colDirection
	colOutcome
	colMissed
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
)

func (c *Columns) columns(channelRequired bool) []csvrow.Column {
	col := func(name, field, given string, required bool, aliases ...string) csvrow.Column {
		return csvrow.Column{Name: name, Field: field, Given: given, Required: required, Aliases: aliases}
	}
	return []csvrow.Column{
		colID:        col("id", "ID", c.ID, false, "contact_id", "ticket_id", "call_id", "conversation_id", "interaction_id", "case_id"),
		colCustomer:  col("customer_id", "CustomerID", c.CustomerID, false, "customer", "client", "client_id", "requester_id", "account_id"),
		colReason:    col("reason", "Reason", c.Reason, false, "motive", "motif", "subject", "topic", "category", "contact_reason"),
		colAgent:     col("agent", "Agent", c.Agent, false, "agent_id", "agent_name", "assignee", "user"),
		colQueue:     col("queue", "Queue", c.Queue, false, "skill", "team", "teams", "group", "queue_name"),
		colChannel:   col("channel", "Channel", c.Channel, channelRequired, "canal", "via", "media_type", "source"),
		colDirection: col("direction", "Direction", c.Direction, false, "sens"),
		colOutcome:   col("outcome", "Outcome", c.Outcome, true, "status", "result"),
		colMissed:    col("missed_call_reason", "MissedReason", c.MissedReason, false, "missed_reason"),
		colArrived:   col("arrived", "Arrived", c.Arrived, true, "arrived_at", "arrival", "start", "started_at", "start_time", "created_at", "created"),
		colAnswered:  col("answered", "Answered", c.Answered, false, "answered_at"),
		colEnded:     col("ended", "Ended", c.Ended, false, "ended_at", "end", "end_time"),
		colTalk:      col("talk", "Talk", c.Talk, false, "talk_s", "talk_time", "talk_seconds", "talk_duration"),
		colHold:      col("hold", "Hold", c.Hold, false, "hold_s", "hold_time", "hold_seconds", "hold_duration"),
		colWrap:      col("wrap", "Wrap", c.Wrap, false, "wrap_s", "wrap_time", "wrap_seconds", "wrap_up", "wrapup", "acw", "after_call_work"),
		colResolved:  col("resolved", "Resolved", c.Resolved, false, "is_resolved"),
		colComplaint: col("complaint", "Complaint", c.Complaint, false, "is_complaint"),
		colValue:     col("value", "Value", c.Value, false, "value_added"),
		colCost:      col("cost", "Cost", c.Cost, false, "cost_eur", "cost_amount"),
		colFCR:       col("fcr", "FCR", c.FCR, false, "first_contact_resolution"),
	}
}

// Reader reads contacts from CSV with a header row, in the manner of
// encoding/csv: set the option fields, then call Read for one contact at
// a time, or ReadAll for the whole file.
//
// Columns are matched by name (Columns; any order, extra columns
// ignored unless Strict). Cells are read by the Format's rules (package
// row): times in its layouts, location and window; durations in seconds
// ("185", "12.5"), h:mm:ss or mm:ss; booleans yes/no in English or
// French; costs under its separators and currency; channels, directions
// and outcomes by their names and aliases (ParseChannel, ParseDirection,
// ParseOutcome), the export names of Zendesk, Aircall and Genesys
// ("web", "voice", "Instagram Direct", "abandoned_in_ivr",
// "no_available_agent"…) and the caller's own (Channels, Outcomes,
// Directions). Empty cells leave their field zero: no answer or end
// time, no talk, hold or wrap time, not resolved, no complaint, no cost;
// without a direction column every contact is inbound.
//
// Each row is accepted or rejected with its reason, a *row.Error naming
// the line, the column and the contact; a row that reads but fails
// Contact.Validate is rejected with Validate's error. The reader goes on
// after a rejected row. Memory is bounded by the longest row, not the
// file; strings are copied (customer ids, agents, queues and reasons
// shared between rows), never kept as pieces of the file.
type Reader struct {
	// Columns maps the file's headers to the fields.
	Columns Columns
	// Format is how the file writes its cells.
	Format row.Format
	// Strict rejects a header with columns that are not fields.
	Strict bool
	// Channel is the channel of every contact of a file without a
	// channel column (an Aircall export is all Phone); zero means the
	// file must have one.
	Channel Channel
	// Channels, Outcomes and Directions add names (in any case, spaces,
	// underscores and hyphens alike) to the library's; they win over
	// the library's names.
	Channels   map[string]Channel
	Outcomes   map[string]Outcome
	Directions map[string]Direction
	// MaxErrors bounds the row errors ReadAll keeps (0 means
	// row.DefaultMaxErrors); it counts them all.
	MaxErrors int

	src   io.Reader
	r     *csvrow.Reader[Contact]
	table bool // ReadTable has read the file
}

// NewReader returns a reader of contacts from r. The header is read by
// the first Read or ReadAll.
func NewReader(r io.Reader) *Reader { return &Reader{src: r} }

// contactParser reads contacts; one per goroutine.
type contactParser struct {
	l          *csvrow.Layout
	channel    Channel // without a channel column
	f          *row.Format
	names      *contactNames
	ids        csvrow.Arena
	customers  csvrow.Interner
	dims       csvrow.Interner
	costs      csvrow.Decimals
	channels   enumCache[Channel]
	outcomes   enumCache[Outcome]
	directions enumCache[Direction]
	values     enumCache[ValueAdded]
	fcrs       enumCache[FCRStatus]
}

// enumCache is a csvrow.Cache of the labels of an enum column with, in
// front of it, a direct-mapped table of the labels of up to 16 bytes read
// so far, compared as two words: a label costs a hash of two words
// instead of a map lookup.
type enumCache[E any] struct {
	slots [64]enumSlot[E]
	c     csvrow.Cache[E]
}

type enumSlot[E any] struct {
	a, b uint64
	n    uint32 // length + 1; 0 for an empty slot
	v    E
}

// Get returns parse(s), from the cache if s was seen.
func (e *enumCache[E]) Get(s string, parse func(string) (E, error)) (E, error) {
	if len(s) > 16 {
		return e.c.Get(s, parse)
	}
	w := word16Of(s, nil)
	sl := &e.slots[slotHash(w.a, w.b, w.n)%uint64(len(e.slots))]
	if sl.n == w.n && sl.a == w.a && sl.b == w.b {
		return sl.v, nil
	}
	v, err := e.c.Get(s, parse)
	if err == nil {
		*sl = enumSlot[E]{w.a, w.b, w.n, v}
	}
	return v, err
}

// contactNames are the caller's enum names, normalized.
type contactNames struct {
	channels   map[string]Channel
	outcomes   map[string]Outcome
	directions map[string]Direction
}

func normalized[E any](m map[string]E) map[string]E {
	out := make(map[string]E, len(m))
	for k, v := range m {
		out[normalize(k)] = v
	}
	return out
}

// lookup reads a label: the caller's names, then the export names, then
// parse.
func lookup[E ~uint8](s string, caller map[string]E, parse func(string) (E, error)) (E, error) {
	if len(caller) > 0 {
		if e, ok := caller[normalize(s)]; ok {
			return e, nil
		}
	}
	return parse(s)
}

func (p *contactParser) cell(fields []string, c int) string {
	if i := p.l.Index(c); i >= 0 {
		return row.Trim(fields[i])
	}
	return ""
}

func (p *contactParser) time(fields []string, c int, t *time.Time) error {
	s := p.cell(fields, c)
	if s == "" {
		return nil
	}
	var err error
	*t, err = p.f.Time(s)
	return err
}

func (p *contactParser) duration(fields []string, c int, d *time.Duration) error {
	s := p.cell(fields, c)
	if s == "" {
		return nil
	}
	var err error
	*d, err = p.f.Duration(s)
	return err
}

func (p *contactParser) bool(fields []string, c int, b *bool) error {
	s := p.cell(fields, c)
	if s == "" {
		return nil
	}
	var err error
	*b, err = p.f.Bool(s)
	return err
}

func (p *contactParser) Parse(fields []string) (Contact, int, error) {
	var c Contact
	if col, err := p.fill(fields, &c); err != nil {
		return Contact{}, col, err
	}
	if s := p.cell(fields, colCost); s != "" { // an empty cost is unknown
		d, err := p.cost(s)
		if err != nil {
			return Contact{}, colCost, err
		}
		c.Cost = decimal.NewNullDecimal(d)
	}
	// Strings last: a rejected row copies none.
	c.ID = p.ids.Copy(p.cell(fields, colID))
	c.CustomerID = p.customers.Intern(p.cell(fields, colCustomer))
	c.Reason = p.dims.Intern(p.cell(fields, colReason))
	c.Agent = p.dims.Intern(p.cell(fields, colAgent))
	c.Queue = p.dims.Intern(p.cell(fields, colQueue))
	if err := c.Validate(); err != nil {
		return Contact{}, -1, err
	}
	return c, -1, nil
}

// fill reads a row's cells into c but its strings and its cost, or
// returns the column at fault and its error.
func (p *contactParser) fill(fields []string, c *Contact) (int, error) {
	n := p.names
	*c = Contact{Direction: Inbound, Channel: p.channel}
	var err error
	if p.l.Has(colChannel) {
		if c.Channel, err = p.channels.Get(p.cell(fields, colChannel), func(s string) (Channel, error) {
			return lookup(s, n.channels, ParseChannel)
		}); err != nil {
			return colChannel, err
		}
	}
	if p.l.Has(colDirection) {
		if c.Direction, err = p.directions.Get(p.cell(fields, colDirection), func(s string) (Direction, error) {
			return lookup(s, n.directions, ParseDirection)
		}); err != nil {
			return colDirection, err
		}
	}
	outcome, col := p.cell(fields, colOutcome), colOutcome
	if m := p.cell(fields, colMissed); m != "" {
		outcome, col = m, colMissed
	}
	if c.Outcome, err = p.outcomes.Get(outcome, func(s string) (Outcome, error) {
		return lookup(s, n.outcomes, ParseOutcome)
	}); err != nil {
		return col, err
	}
	if s := p.cell(fields, colArrived); s == "" {
		return colArrived, fmt.Errorf("%w: no arrival time", row.ErrTime)
	}
	for _, t := range []struct {
		col int
		dst *time.Time
	}{{colArrived, &c.Arrived}, {colAnswered, &c.Answered}, {colEnded, &c.Ended}} {
		if err := p.time(fields, t.col, t.dst); err != nil {
			return t.col, err
		}
	}
	for _, d := range []struct {
		col int
		dst *time.Duration
	}{{colTalk, &c.Talk}, {colHold, &c.Hold}, {colWrap, &c.Wrap}} {
		if err := p.duration(fields, d.col, d.dst); err != nil {
			return d.col, err
		}
	}
	if err := p.bool(fields, colResolved, &c.Resolved); err != nil {
		return colResolved, err
	}
	if err := p.bool(fields, colComplaint, &c.Complaint); err != nil {
		return colComplaint, err
	}
	if c.Value, err = p.values.Get(p.cell(fields, colValue), ParseValueAdded); err != nil {
		return colValue, err
	}
	if c.FCR, err = p.fcrs.Get(p.cell(fields, colFCR), ParseFCR); err != nil {
		return colFCR, err
	}
	return -1, nil
}

// cost reads a cost, sharing the decimals of repeated costs.
func (p *contactParser) cost(s string) (decimal.Decimal, error) {
	u, e, err := p.f.Units(s)
	if err == nil {
		return p.costs.Of(u, e), nil
	}
	return p.f.Amount(s)
}

func (r *Reader) reader() *csvrow.Reader[Contact] {
	if r.r == nil {
		if r.table {
			r.src = errReader{}
		}
		f := r.Format
		r.r = csvrow.NewReader(r.src, csvrow.Spec[Contact]{
			Columns: r.Columns.columns(r.Channel == 0),
			Strict:  r.Strict,
			Format:  f,
			Words:   readerWords,
			ID:      colID,
			New:     func(l *csvrow.Layout) csvrow.Parser[Contact] { return r.parser(l, &f) },
		})
	}
	return r.r
}

// parser returns a parser of the bound header l in the format f.
func (r *Reader) parser(l *csvrow.Layout, f *row.Format) *contactParser {
	names := &contactNames{normalized(r.Channels), normalized(r.Outcomes), normalized(r.Directions)}
	return &contactParser{l: l, f: f, names: names, channel: r.Channel}
}

// errReader is the input of a Reader whose file ReadTable read.
type errReader struct{}

func (errReader) Read([]byte) (int, error) {
	return 0, fmt.Errorf("%w: the file was read by ReadTable", ErrCSV)
}

// Read returns the next contact. A rejected row is a *row.Error, and the
// next Read goes on; io.EOF ends the file; any other error (a
// *row.FileError: the header, the text encoding, the underlying reader)
// ends the stream and is returned again by every later Read.
func (r *Reader) Read() (Contact, error) { return r.reader().Read() }

// ReadAll reads the rest of the file and returns its contacts, with the
// count of the rows read, accepted and rejected and the first MaxErrors
// row errors. The error is nil at the end of the file, or the error that
// ended the stream (the contacts read before it are returned). Rows are
// parsed on every core and delivered in file order: the result is that
// of calling Read to the end.
func (r *Reader) ReadAll() ([]Contact, row.Summary, error) {
	return r.reader().Records(r.MaxErrors)
}

// readerWords are this package's words for the failures of package row.
var readerWords = map[error]error{row.ErrTime: ErrTime, row.ErrDuration: ErrDuration, row.ErrAmount: ErrAmount}
