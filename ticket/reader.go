package ticket

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/rapportkit/rapport/internal/csvrow"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/row"
)

// Columns names the columns of a tickets file, for a Reader. An empty
// name means the library's names for the field, listed here (in any case,
// with spaces, underscores or hyphens alike: Zendesk's "Created at" is
// created_at); "-" means the field is not in the file even if a column has
// one of those names. ID and Created are required.
type Columns struct {
	ID       string // id, ticket_id, ticket
	Channel  string // channel, via, source
	Priority string // priority
	Assignee string // assignee, assignee_name, agent
	Group    string // group, group_name, team
	Created  string // created, created_at
	// FirstReply is the time of the first reply; FirstReplyMinutes the
	// minutes from creation to it, as Zendesk exports it (used when the
	// file has no first reply time, or its cell is empty).
	FirstReply        string // first_reply, first_reply_at, first_replied_at
	FirstReplyMinutes string // first_reply_time_in_minutes, first_reply_minutes, first_reply_time
	Solved            string // solved, solved_at, resolved_at
	// ResolutionMinutes is the minutes from creation to the last solve
	// (Zendesk's "Full resolution time in minutes"), used when the file
	// has no solve time or its cell is empty.
	ResolutionMinutes string // full_resolution_time_in_minutes, full_resolution_minutes, resolution_minutes
	Closed            string // closed, closed_at
	Replies           string // replies, agent_replies
	Reopens           string // reopens, reopened
}

const (
	colID = iota
	colChannel
	colPriority
	colAssignee
	colGroup
	colCreated
	colFirstReply
	colFirstReplyMinutes
	colSolved
	colResolutionMinutes
	colClosed
	colReplies
	colReopens
)

func (c *Columns) columns() []csvrow.Column {
	col := func(name, field, given string, required bool, aliases ...string) csvrow.Column {
		return csvrow.Column{Name: name, Field: field, Given: given, Required: required, Aliases: aliases}
	}
	return []csvrow.Column{
		colID:                col("id", "ID", c.ID, true, "ticket_id", "ticket"),
		colChannel:           col("channel", "Channel", c.Channel, false, "via", "source"),
		colPriority:          col("priority", "Priority", c.Priority, false),
		colAssignee:          col("assignee", "Assignee", c.Assignee, false, "assignee_name", "agent"),
		colGroup:             col("group", "Group", c.Group, false, "group_name", "team"),
		colCreated:           col("created", "Created", c.Created, true, "created_at"),
		colFirstReply:        col("first_reply", "FirstReply", c.FirstReply, false, "first_reply_at", "first_replied_at"),
		colFirstReplyMinutes: col("first_reply_time_in_minutes", "FirstReplyMinutes", c.FirstReplyMinutes, false, "first_reply_minutes", "first_reply_time"),
		colSolved:            col("solved", "Solved", c.Solved, false, "solved_at", "resolved_at"),
		colResolutionMinutes: col("full_resolution_time_in_minutes", "ResolutionMinutes", c.ResolutionMinutes, false, "full_resolution_minutes", "resolution_minutes"),
		colClosed:            col("closed", "Closed", c.Closed, false, "closed_at"),
		colReplies:           col("replies", "Replies", c.Replies, false, "agent_replies"),
		colReopens:           col("reopens", "Reopens", c.Reopens, false, "reopened"),
	}
}

// MaxCount bounds a Replies or Reopens cell.
const MaxCount = 1 << 30

// Reader reads tickets from CSV with a header row, in the manner of
// encoding/csv: set the option fields, then call Read for one ticket at a
// time, or ReadAll for the whole file.
//
// Columns are matched by name (Columns; any order, extra columns ignored
// unless Strict), so that a Zendesk ticket export reads as it is ("Id",
// "Via", "Priority", "Group", "Assignee", "Created at", "Solved at",
// "Replies", "Reopens", "First reply time in minutes", "Full resolution
// time in minutes"). Cells are read by
// the Format's rules (package row): times in its layouts, location and
// window; minutes as a number, with a decimal fraction if any; channels
// by operations.ParseChannel (Zendesk's "web", "email", "api"…). An empty
// time cell is an event that has not happened; an empty or absent Replies
// or Reopens cell is Unknown, never 0; an empty channel is unknown.
//
// Each row is accepted or rejected with its reason, a *row.Error naming
// the line, the column and the ticket; a row that reads but fails
// Ticket.Validate is rejected with Validate's error. The reader goes on
// after a rejected row. Memory is bounded by the longest row, not the
// file.
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
	r   *csvrow.Reader[Ticket]
}

// NewReader returns a reader of tickets from r. The header is read by the
// first Read or ReadAll.
func NewReader(r io.Reader) *Reader { return &Reader{src: r} }

// ticketParser reads tickets; one per goroutine.
type ticketParser struct {
	l        *csvrow.Layout
	f        *row.Format
	ids      csvrow.Arena
	dims     csvrow.Interner
	channels csvrow.Cache[operations.Channel]
}

func (p *ticketParser) cell(fields []string, c int) string {
	if i := p.l.Index(c); i >= 0 {
		return row.Trim(fields[i])
	}
	return ""
}

// count reads a Replies or Reopens cell: Unknown when empty.
func count(s string) (int, error) {
	if s == "" {
		return Unknown, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > MaxCount {
		return 0, fmt.Errorf("%w: %q is not a count from 0 to %d", ErrCount, s, MaxCount)
	}
	return n, nil
}

// minutes reads a number of minutes (a decimal fraction allowed).
func (p *ticketParser) minutes(s string) (time.Duration, error) {
	d, err := p.f.Duration(s) // read as seconds
	if err != nil {
		return 0, err
	}
	if d < 0 || d > math.MaxInt64/60 {
		return 0, fmt.Errorf("%w: %s minutes", ErrDuration, s)
	}
	return 60 * d, nil
}

func (p *ticketParser) Parse(fields []string) (Ticket, int, error) {
	k := Ticket{Replies: Unknown, Reopens: Unknown}
	var err error
	if s := p.cell(fields, colChannel); s != "" {
		if k.Channel, err = p.channels.Get(s, operations.ParseChannel); err != nil {
			return Ticket{}, colChannel, fmt.Errorf("%w: %w", ErrChannel, err)
		}
	}
	if p.cell(fields, colCreated) == "" {
		return Ticket{}, colCreated, fmt.Errorf("%w: no creation time", row.ErrTime)
	}
	for _, t := range [...]struct {
		col int
		dst *time.Time
	}{{colCreated, &k.Created}, {colFirstReply, &k.FirstReply}, {colSolved, &k.Solved}, {colClosed, &k.Closed}} {
		if s := p.cell(fields, t.col); s != "" {
			if *t.dst, err = p.f.Time(s); err != nil {
				return Ticket{}, t.col, err
			}
		}
	}
	for _, m := range [...]struct {
		col int
		dst *time.Time
	}{{colFirstReplyMinutes, &k.FirstReply}, {colResolutionMinutes, &k.Solved}} {
		if s := p.cell(fields, m.col); s != "" && m.dst.IsZero() {
			d, err := p.minutes(s)
			if err != nil {
				return Ticket{}, m.col, err
			}
			*m.dst = k.Created.Add(d)
		}
	}
	if k.Replies, err = count(p.cell(fields, colReplies)); err != nil {
		return Ticket{}, colReplies, err
	}
	if k.Reopens, err = count(p.cell(fields, colReopens)); err != nil {
		return Ticket{}, colReopens, err
	}
	// Strings last: a rejected row copies none.
	k.ID = p.ids.Copy(p.cell(fields, colID))
	k.Priority = p.dims.Intern(p.cell(fields, colPriority))
	k.Assignee = p.dims.Intern(p.cell(fields, colAssignee))
	k.Group = p.dims.Intern(p.cell(fields, colGroup))
	if err := k.Validate(); err != nil {
		return Ticket{}, -1, err
	}
	return k, -1, nil
}

func (r *Reader) reader() *csvrow.Reader[Ticket] {
	if r.r == nil {
		f := r.Format
		r.r = csvrow.NewReader(r.src, csvrow.Spec[Ticket]{
			Columns: r.Columns.columns(),
			Strict:  r.Strict,
			Format:  f,
			Words:   readerWords,
			ID:      colID,
			New: func(l *csvrow.Layout) csvrow.Parser[Ticket] {
				return &ticketParser{l: l, f: &f}
			},
		})
	}
	return r.r
}

// Read returns the next ticket. A rejected row is a *row.Error, and the
// next Read goes on; io.EOF ends the file; any other error (a
// *row.FileError: the header, the text encoding, the underlying reader)
// ends the stream and is returned again by every later Read.
func (r *Reader) Read() (Ticket, error) { return r.reader().Read() }

// ReadAll reads the rest of the file and returns its tickets, with the
// count of the rows read, accepted and rejected and the first MaxErrors
// row errors. The error is nil at the end of the file, or the error that
// ended the stream (the tickets read before it are returned). Rows are
// parsed on every core and delivered in file order.
func (r *Reader) ReadAll() ([]Ticket, row.Summary, error) {
	return r.reader().Records(r.MaxErrors)
}

// readerWords are this package's words for the failures of package row.
var readerWords = map[error]error{row.ErrTime: ErrTime, row.ErrDuration: ErrDuration}
