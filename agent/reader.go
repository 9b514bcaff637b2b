package agent

import (
	"fmt"
	"io"
	"strconv"

	"github.com/rapportkit/rapport/internal/csvrow"
	"github.com/rapportkit/rapport/row"
)

// Columns names the columns of an agent-status file, for a Reader. An
// empty name means the library's names for the field, listed here (in any
// case, with spaces, underscores, hyphens or dots alike: "Agent Name" is
// agent_name); "-" means the field is not in the file even if a column
// has one of those names. Agent, State and Start are required, and End or
// Duration.
type Columns struct {
	Agent    string // agent, agent_id, agent_name, user, user_id, user_name, username
	State    string // state, status, presence, routing_status, agent_state, agent_status, activity, status_name
	Start    string // start, start_time, started_at, start_date, status_start_time, state_start_time, from
	End      string // end, end_time, ended_at, end_date, status_end_time, state_end_time, to
	Duration string // duration, duration_s, duration_seconds, seconds, status_duration, time_in_state
	Contacts string // contacts, handled, contacts_handled, interactions, interactions_handled, calls_handled
}

const (
	colAgent = iota
	colState
	colStart
	colEnd
	colDuration
	colContacts
)

func (c *Columns) columns() []csvrow.Column {
	col := func(name, field, given string, required bool, aliases ...string) csvrow.Column {
		return csvrow.Column{Name: name, Field: field, Given: given, Required: required, Aliases: aliases}
	}
	return []csvrow.Column{
		colAgent:    col("agent", "Agent", c.Agent, true, "agent_id", "agent_name", "user", "user_id", "user_name", "username"),
		colState:    col("state", "State", c.State, true, "status", "presence", "routing_status", "agent_state", "agent_status", "activity", "status_name"),
		colStart:    col("start", "Start", c.Start, true, "start_time", "started_at", "start_date", "status_start_time", "state_start_time", "from"),
		colEnd:      col("end", "End", c.End, false, "end_time", "ended_at", "end_date", "status_end_time", "state_end_time", "to"),
		colDuration: col("duration", "Duration", c.Duration, false, "duration_s", "duration_seconds", "seconds", "status_duration", "time_in_state"),
		colContacts: col("contacts", "Contacts", c.Contacts, false, "handled", "contacts_handled", "interactions", "interactions_handled", "calls_handled"),
	}
}

// Reader reads agent-state intervals from CSV with a header row, in the
// manner of encoding/csv: set the option fields, then call Read for one
// interval at a time, or ReadAll for the whole file.
//
// Columns are matched by name (Columns; any order, extra columns ignored
// unless Strict), so that a Genesys Cloud "Agent Status Duration Details"
// export (Agent Name, Presence or Routing Status, Start Date, End Date,
// Duration) or a Talkdesk "Agent Status" report (Agent Name, Status,
// Status Start Time, Status End Time, Status Duration) reads as it is.
// Cells are read by the Format's rules (package row): times in its
// layouts, location and window; durations in seconds ("185", "12.5"),
// h:mm:ss or mm:ss; states by ParseState's names and the caller's own
// (States). The end is the End cell, or, when it is empty or there is no
// End column, Start + Duration. An empty Contacts cell is no count.
//
// Each row is accepted or rejected with its reason, a *row.Error naming
// the line, the column and the agent: a cell that does not read, an
// interval Interval.Validate rejects, or one that starts before the end
// of the same agent's previous row (ErrOverlap): a file must list each
// agent's intervals in the order of time, the agents in any interleaving.
// The reader goes on after a rejected row. Memory is bounded by the
// longest row and one time per agent; agent names are shared between
// rows.
type Reader struct {
	// Columns maps the file's headers to the fields.
	Columns Columns
	// Format is how the file writes its cells.
	Format row.Format
	// Strict rejects a header with columns that are not fields.
	Strict bool
	// States adds state names (in any case, spaces, underscores, hyphens
	// and dots alike) to ParseState's, and wins over them: "Busy",
	// "Away", "On Queue" mean what the caller's tool means by them.
	States map[string]State
	// MaxErrors bounds the row errors ReadAll keeps (0 means
	// row.DefaultMaxErrors); it counts them all.
	MaxErrors int

	src io.Reader
	r   *csvrow.Reader[Interval]
}

// NewReader returns a reader of intervals from r. The header is read by
// the first Read or ReadAll.
func NewReader(r io.Reader) *Reader { return &Reader{src: r} }

// intervalParser reads intervals; one per goroutine.
type intervalParser struct {
	l      *csvrow.Layout
	f      *row.Format
	names  map[string]State
	agents csvrow.Interner
	states csvrow.Cache[State]
}

func (p *intervalParser) cell(fields []string, c int) string {
	if i := p.l.Index(c); i >= 0 {
		return row.Trim(fields[i])
	}
	return ""
}

func (p *intervalParser) state(s string) (State, error) {
	if st, ok := p.names[csvrow.Normalize(s)]; ok {
		return st, nil
	}
	return ParseState(s)
}

func (p *intervalParser) Parse(fields []string) (Interval, int, error) {
	var iv Interval
	var err error
	if iv.State, err = p.states.Get(p.cell(fields, colState), p.state); err != nil {
		return Interval{}, colState, err
	}
	s := p.cell(fields, colStart)
	if s == "" {
		return Interval{}, colStart, fmt.Errorf("%w: no start time", row.ErrTime)
	}
	if iv.Start, err = p.f.Time(s); err != nil {
		return Interval{}, colStart, err
	}
	if s := p.cell(fields, colEnd); s != "" {
		if iv.End, err = p.f.Time(s); err != nil {
			return Interval{}, colEnd, err
		}
	} else {
		s := p.cell(fields, colDuration)
		if s == "" {
			return Interval{}, colEnd, fmt.Errorf("%w: no end time and no duration", ErrTime)
		}
		d, err := p.f.Duration(s)
		if err != nil {
			return Interval{}, colDuration, err
		}
		iv.End = iv.Start.Add(d)
		if iv.End.Sub(iv.Start) != d {
			return Interval{}, colDuration, fmt.Errorf("%w: %s past the end of time", ErrDuration, s)
		}
	}
	if s := p.cell(fields, colContacts); s != "" {
		n, err := strconv.ParseUint(s, 10, 31)
		if err != nil {
			return Interval{}, colContacts, fmt.Errorf("%w: %q is not a count of contacts", ErrContacts, s)
		}
		iv.Contacts = int(n)
	}
	iv.Agent = p.agents.Intern(p.cell(fields, colAgent))
	if err := iv.Validate(); err != nil {
		col := -1
		switch {
		case iv.Agent == "":
			col = colAgent
		case iv.Contacts != 0:
			col = colContacts
		}
		return Interval{}, col, err
	}
	return iv, -1, nil
}

func (r *Reader) reader() *csvrow.Reader[Interval] {
	if r.r == nil {
		f := r.Format
		names := make(map[string]State, len(r.States))
		for k, v := range r.States {
			names[csvrow.Normalize(k)] = v
		}
		q := make(sequence)
		r.r = csvrow.NewReader(r.src, csvrow.Spec[Interval]{
			Columns: r.Columns.columns(),
			Strict:  r.Strict,
			Format:  f,
			Words:   readerWords,
			ID:      colAgent,
			AnyOf:   []int{colEnd, colDuration},
			New: func(l *csvrow.Layout) csvrow.Parser[Interval] {
				return &intervalParser{l: l, f: &f, names: names}
			},
			Check: func(iv *Interval, line int) (int, string, error) {
				if err := q.follow(*iv); err != nil {
					return colStart, iv.Agent, err
				}
				return -1, "", nil
			},
		})
	}
	return r.r
}

// Read returns the next interval. A rejected row is a *row.Error, and the
// next Read goes on; io.EOF ends the file; any other error (a
// *row.FileError: the header, the text encoding, the underlying reader)
// ends the stream and is returned again by every later Read.
func (r *Reader) Read() (Interval, error) { return r.reader().Read() }

// ReadAll reads the rest of the file and returns its intervals, with the
// count of the rows read, accepted and rejected and the first MaxErrors
// row errors. The error is nil at the end of the file, or the error that
// ended the stream (the intervals read before it are returned). Rows are
// parsed on every core and checked in file order: the result is that of
// calling Read to the end.
func (r *Reader) ReadAll() ([]Interval, row.Summary, error) {
	return r.reader().Records(r.MaxErrors)
}

// readerWords are this package's words for the failures of package row.
var readerWords = map[error]error{row.ErrTime: ErrTime, row.ErrDuration: ErrDuration, row.ErrID: ErrID}
