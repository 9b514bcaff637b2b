package journey

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/rapportkit/rapport/internal/csvrow"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/row"
)

// Columns names the columns of a steps file, for a Reader. An empty name
// means the library's names for the field, listed here (in any case, with
// spaces, underscores or hyphens alike); "-" means the field is not in
// the file. Channel, Outcome and Arrived are required.
type Columns struct {
	ID            string // id, contact_id, ticket_id, call_id, conversation_id, interaction_id
	Case          string // case, case_id, case_number, incident, incident_id, parent_id
	CustomerID    string // customer_id, customer, client, client_id, requester_id, account_id
	Reason        string // reason, motive, motif, subject, topic, category, contact_reason
	Agent         string // agent, agent_id, agent_name, assignee, user
	Queue         string // queue, skill, team, group, queue_name
	Channel       string // channel, canal, via, media_type, source
	Direction     string // direction, sens; without it every step is inbound
	Outcome       string // outcome, status, result
	Arrived       string // arrived, arrived_at, arrival, start, started_at, start_time, created_at, created
	Answered      string // answered, answered_at
	Ended         string // ended, ended_at, end, end_time
	Resolved      string // resolved, is_resolved
	Handler       string // handler, handled_by, participant, participant_type; empty cells: HandlerOf
	Tier          string // tier, level, support_tier, support_level
	TransferredTo string // transferred_to, transfer_to, transfer, transferred
}

const (
	colID = iota
	colCase
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
	colResolved
	colHandler
	colTier
	colTransfer
)

func (c *Columns) columns() []csvrow.Column {
	col := func(name, field, given string, required bool, aliases ...string) csvrow.Column {
		return csvrow.Column{Name: name, Field: field, Given: given, Required: required, Aliases: aliases}
	}
	return []csvrow.Column{
		colID:        col("id", "ID", c.ID, false, "contact_id", "ticket_id", "call_id", "conversation_id", "interaction_id"),
		colCase:      col("case", "Case", c.Case, false, "case_id", "case_number", "incident", "incident_id", "parent_id"),
		colCustomer:  col("customer_id", "CustomerID", c.CustomerID, false, "customer", "client", "client_id", "requester_id", "account_id"),
		colReason:    col("reason", "Reason", c.Reason, false, "motive", "motif", "subject", "topic", "category", "contact_reason"),
		colAgent:     col("agent", "Agent", c.Agent, false, "agent_id", "agent_name", "assignee", "user"),
		colQueue:     col("queue", "Queue", c.Queue, false, "skill", "team", "group", "queue_name"),
		colChannel:   col("channel", "Channel", c.Channel, true, "canal", "via", "media_type", "source"),
		colDirection: col("direction", "Direction", c.Direction, false, "sens"),
		colOutcome:   col("outcome", "Outcome", c.Outcome, true, "status", "result"),
		colArrived:   col("arrived", "Arrived", c.Arrived, true, "arrived_at", "arrival", "start", "started_at", "start_time", "created_at", "created"),
		colAnswered:  col("answered", "Answered", c.Answered, false, "answered_at"),
		colEnded:     col("ended", "Ended", c.Ended, false, "ended_at", "end", "end_time"),
		colResolved:  col("resolved", "Resolved", c.Resolved, false, "is_resolved"),
		colHandler:   col("handler", "Handler", c.Handler, false, "handled_by", "participant", "participant_type"),
		colTier:      col("tier", "Tier", c.Tier, false, "level", "support_tier", "support_level"),
		colTransfer:  col("transferred_to", "TransferredTo", c.TransferredTo, false, "transfer_to", "transfer", "transferred"),
	}
}

// Reader reads steps from CSV with a header row, in the manner of
// encoding/csv and operations.Reader: set the option fields, then call
// Read for one step at a time, or ReadAll for the whole file.
//
// It reads what journeys need: the contact's ids, reason, agent, queue,
// channel, direction, outcome, arrival, answer and end times and
// resolution (cells by the Format's rules, package row; enums by the
// names and aliases of operations.ParseChannel, ParseDirection and
// ParseOutcome; without a direction column every step is inbound), and the
// step's case, handler (ParseHandler; an empty cell or no column is
// HandlerOf the contact), tier (an integer 0..MaxTier, empty for unknown)
// and transfer destination. Handle times, costs and the other contact
// fields are left zero: read the same file with operations.Reader for
// them.
//
// Each row is accepted or rejected with its reason, a *row.Error naming
// the line, the column and the contact; a row that reads but fails
// Step.Validate is rejected with Validate's error. The reader goes on
// after a rejected row. Memory is bounded by the longest row; strings are
// copied (customers, cases, agents, queues and reasons shared between
// rows).
type Reader struct {
	// Columns maps the file's headers to the fields.
	Columns Columns
	// Format is how the file writes its cells.
	Format row.Format
	// Strict rejects a header with columns that are not fields.
	Strict bool
	// MaxErrors bounds the row errors ReadAll keeps (0 means
	// row.DefaultMaxErrors); it counts them all.
	MaxErrors int

	src io.Reader
	r   *csvrow.Reader[Step]
}

// NewReader returns a reader of steps from r. The header is read by the
// first Read or ReadAll.
func NewReader(r io.Reader) *Reader { return &Reader{src: r} }

// stepParser reads steps; one per goroutine.
type stepParser struct {
	l          *csvrow.Layout
	f          *row.Format
	ids        csvrow.Arena
	customers  csvrow.Interner
	dims       csvrow.Interner
	channels   csvrow.Cache[operations.Channel]
	outcomes   csvrow.Cache[operations.Outcome]
	directions csvrow.Cache[operations.Direction]
	handlers   csvrow.Cache[Handler]
}

func (p *stepParser) cell(fields []string, c int) string {
	if i := p.l.Index(c); i >= 0 {
		return row.Trim(fields[i])
	}
	return ""
}

func (p *stepParser) Parse(fields []string) (Step, int, error) {
	var s Step
	c := &s.Contact
	c.Direction = operations.Inbound
	var err error
	if c.Channel, err = p.channels.Get(p.cell(fields, colChannel), operations.ParseChannel); err != nil {
		return Step{}, colChannel, err
	}
	if p.l.Has(colDirection) {
		if c.Direction, err = p.directions.Get(p.cell(fields, colDirection), operations.ParseDirection); err != nil {
			return Step{}, colDirection, err
		}
	}
	if c.Outcome, err = p.outcomes.Get(p.cell(fields, colOutcome), operations.ParseOutcome); err != nil {
		return Step{}, colOutcome, err
	}
	if p.cell(fields, colArrived) == "" {
		return Step{}, colArrived, fmt.Errorf("%w: no arrival time", row.ErrTime)
	}
	for _, t := range [...]struct {
		col int
		dst *time.Time
	}{{colArrived, &c.Arrived}, {colAnswered, &c.Answered}, {colEnded, &c.Ended}} {
		if v := p.cell(fields, t.col); v != "" {
			if *t.dst, err = p.f.Time(v); err != nil {
				return Step{}, t.col, err
			}
		}
	}
	if v := p.cell(fields, colResolved); v != "" {
		if c.Resolved, err = p.f.Bool(v); err != nil {
			return Step{}, colResolved, err
		}
	}
	if v := p.cell(fields, colTier); v != "" {
		tier, err := strconv.Atoi(v)
		if err != nil || tier < 0 || tier > MaxTier {
			return Step{}, colTier, fmt.Errorf("%w: %q is not a tier 0..%d", ErrTier, v, MaxTier)
		}
		s.Tier = tier
	}
	if v := p.cell(fields, colHandler); v != "" {
		if s.Handler, err = p.handlers.Get(v, ParseHandler); err != nil {
			return Step{}, colHandler, err
		}
	} else {
		s.Handler = HandlerOf(c)
	}
	// Strings last: a rejected row copies none.
	c.ID = p.ids.Copy(p.cell(fields, colID))
	c.CustomerID = p.customers.Intern(p.cell(fields, colCustomer))
	s.Case = p.customers.Intern(p.cell(fields, colCase))
	c.Reason = p.dims.Intern(p.cell(fields, colReason))
	c.Agent = p.dims.Intern(p.cell(fields, colAgent))
	c.Queue = p.dims.Intern(p.cell(fields, colQueue))
	s.TransferredTo = p.dims.Intern(p.cell(fields, colTransfer))
	if err := s.Validate(); err != nil {
		return Step{}, -1, err
	}
	return s, -1, nil
}

func (r *Reader) reader() *csvrow.Reader[Step] {
	if r.r == nil {
		f := r.Format
		r.r = csvrow.NewReader(r.src, csvrow.Spec[Step]{
			Columns: r.Columns.columns(),
			Strict:  r.Strict,
			Format:  f,
			Words:   readerWords,
			ID:      colID,
			New: func(l *csvrow.Layout) csvrow.Parser[Step] {
				return &stepParser{l: l, f: &f}
			},
		})
	}
	return r.r
}

// Read returns the next step. A rejected row is a *row.Error, and the
// next Read goes on; io.EOF ends the file; any other error (a
// *row.FileError: the header, the text encoding, the underlying reader)
// ends the stream and is returned again by every later Read.
func (r *Reader) Read() (Step, error) { return r.reader().Read() }

// ReadAll reads the rest of the file and returns its steps, with the
// count of the rows read, accepted and rejected and the first MaxErrors
// row errors. The error is nil at the end of the file, or the error that
// ended the stream (the steps read before it are returned). Rows are
// parsed on every core and delivered in file order.
func (r *Reader) ReadAll() ([]Step, row.Summary, error) {
	return r.reader().Records(r.MaxErrors)
}

// readerWords are the operations package's words for the failures of
// package row: a bad time cell wraps operations.ErrTime, as the
// contact's validation would.
var readerWords = map[error]error{row.ErrTime: operations.ErrTime}
