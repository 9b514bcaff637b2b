package survey

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rapportkit/rapport/ces"
	"github.com/rapportkit/rapport/csat"
	"github.com/rapportkit/rapport/internal/csvrow"
	"github.com/rapportkit/rapport/nps"
	"github.com/rapportkit/rapport/row"
)

// Columns names the columns of a survey export, for a Reader. An empty
// name means the library's names for the field, listed here (in any
// case, with spaces, underscores or hyphens alike: Qualtrics'
// "ResponseId" is response_id); "-" means the field is not in the file
// even if a column has one of those names. At is required, and at least
// one of NPS, CSAT, CES and Comment.
type Columns struct {
	ID         string // id, response_id, survey_response_id
	At         string // at, date, recorded_date, end_date, submitted_at, created_at, response_date, timestamp
	NPS        string // nps, nps_score, likely_to_recommend, recommend, ltr
	CSAT       string // csat, csat_score, satisfaction
	CES        string // ces, ces_score, effort, customer_effort
	Comment    string // comment, comments, feedback, verbatim, free_text, open_text
	Channel    string // channel, touchpoint
	ContactID  string // contact_id, ticket_id, call_id, conversation_id, interaction_id
	CustomerID string // customer_id, customer, client_id, external_reference
	Agent      string // agent, agent_id, agent_name, assignee
	Queue      string // queue, team, group, skill
	Segment    string // segment, plan, tier
	Language   string // language, lang, user_language
}

const (
	colID = iota
	colAt
	colNPS
	colCSAT
	colCES
	colComment
	colChannel
	colContact
	colCustomer
	colAgent
	colQueue
	colSegment
	colLanguage
)

func (c *Columns) columns() []csvrow.Column {
	col := func(name, field, given string, required bool, aliases ...string) csvrow.Column {
		return csvrow.Column{Name: name, Field: field, Given: given, Required: required, Aliases: aliases}
	}
	return []csvrow.Column{
		colID:       col("id", "ID", c.ID, false, "response_id", "survey_response_id"),
		colAt:       col("at", "At", c.At, true, "date", "recorded_date", "end_date", "submitted_at", "created_at", "response_date", "timestamp"),
		colNPS:      col("nps", "NPS", c.NPS, false, "nps_score", "likely_to_recommend", "recommend", "ltr"),
		colCSAT:     col("csat", "CSAT", c.CSAT, false, "csat_score", "satisfaction"),
		colCES:      col("ces", "CES", c.CES, false, "ces_score", "effort", "customer_effort"),
		colComment:  col("comment", "Comment", c.Comment, false, "comments", "feedback", "verbatim", "free_text", "open_text"),
		colChannel:  col("channel", "Channel", c.Channel, false, "touchpoint"),
		colContact:  col("contact_id", "ContactID", c.ContactID, false, "ticket_id", "call_id", "conversation_id", "interaction_id"),
		colCustomer: col("customer_id", "CustomerID", c.CustomerID, false, "customer", "client_id", "external_reference"),
		colAgent:    col("agent", "Agent", c.Agent, false, "agent_id", "agent_name", "assignee"),
		colQueue:    col("queue", "Queue", c.Queue, false, "team", "group", "skill"),
		colSegment:  col("segment", "Segment", c.Segment, false, "plan", "tier"),
		colLanguage: col("language", "Language", c.Language, false, "lang", "user_language"),
	}
}

// Labels turns the text of an answer into a point of a scale:
// *csat.Labels, the CES label sets, or the caller's own.
type Labels interface {
	Point(answer string) (int, error)
}

// Reader reads survey responses from CSV with a header row (a Qualtrics,
// SurveyMonkey, Typeform or Medallia export), in the manner of
// encoding/csv: set the option fields, then call Read for one response at
// a time, or ReadAll for the whole file.
//
// Scores: NPS is an integer 0–10, or one followed by its anchor's text
// ("10 - Extremely likely", as Qualtrics writes its choice texts); CSAT
// and CES are the points of their scales, as integers or as the labels
// of the scale ("Very satisfied", "Très satisfait", "Strongly agree").
// An empty cell is NoAnswer. A row with no score and no comment is
// rejected (ErrNoAnswer); so is a score off its scale, naming the column.
// The time is read by the Format's rules (package row); for a Qualtrics
// export set Format.Skip to 2, past its two rows of question texts and
// import ids.
//
// Each row is accepted or rejected with its reason, a *row.Error naming
// the line, the column and the response; the reader goes on after it.
// Memory is bounded by the longest row, not the file.
type Reader struct {
	// Columns maps the file's headers to the fields.
	Columns Columns
	// Format is how the file writes its cells.
	Format row.Format
	// Strict rejects a header with columns that are not fields.
	Strict bool
	// CSATScale and CESScale are the scales of the CSAT and CES
	// questions; their zero values are csat.FivePoint and
	// ces.SevenPointEase.
	CSATScale csat.Scale
	CESScale  ces.Scale
	// CSATLabels and CESLabels read answers given as text. Nil means, for
	// CSAT, the built-in labels of the scale (csat.FivePointLabels,
	// SevenPointLabels, BinaryLabels; integers only for other scales) and,
	// for CES, integers only.
	CSATLabels Labels
	CESLabels  Labels
	// MaxErrors bounds the row errors ReadAll keeps (0 means
	// row.DefaultMaxErrors); it counts them all.
	MaxErrors int

	src io.Reader
	r   *csvrow.Reader[Response]
}

// NewReader returns a reader of survey responses from r. The header is
// read by the first Read or ReadAll.
func NewReader(r io.Reader) *Reader { return &Reader{src: r} }

type responseParser struct {
	l          *csvrow.Layout
	f          *row.Format
	csatScale  csat.Scale
	cesScale   ces.Scale
	csatLabels Labels
	cesLabels  Labels
	ids        csvrow.Arena
	customers  csvrow.Interner
	dims       csvrow.Interner
	npsCells   csvrow.Cache[Score]
	csatCells  csvrow.Cache[Score]
	cesCells   csvrow.Cache[Score]
}

func (p *responseParser) cell(fields []string, c int) string {
	if i := p.l.Index(c); i >= 0 {
		return row.Trim(fields[i])
	}
	return ""
}

func (p *responseParser) Parse(fields []string) (Response, int, error) {
	var r Response
	var err error
	if s := p.cell(fields, colAt); s == "" {
		return r, colAt, fmt.Errorf("%w: no response time", row.ErrTime)
	}
	if r.At, err = p.f.Time(p.cell(fields, colAt)); err != nil {
		return Response{}, colAt, err
	}
	if s := p.cell(fields, colNPS); s != "" {
		if r.NPS, err = p.npsCells.Get(s, parseNPS); err != nil {
			return Response{}, colNPS, err
		}
	}
	if s := p.cell(fields, colCSAT); s != "" {
		if r.CSAT, err = p.csatCells.Get(s, p.parseCSAT); err != nil {
			return Response{}, colCSAT, err
		}
	}
	if s := p.cell(fields, colCES); s != "" {
		if r.CES, err = p.cesCells.Get(s, p.parseCES); err != nil {
			return Response{}, colCES, err
		}
	}
	if s := p.cell(fields, colComment); s != "" {
		r.Comment = strings.Clone(s)
	}
	if !r.Answered() {
		return Response{}, -1, fmt.Errorf("%w: no score and no comment", ErrNoAnswer)
	}
	r.ID = p.ids.Copy(p.cell(fields, colID))
	r.ContactID = p.ids.Copy(p.cell(fields, colContact))
	r.CustomerID = p.customers.Intern(p.cell(fields, colCustomer))
	r.Channel = p.dims.Intern(p.cell(fields, colChannel))
	r.Agent = p.dims.Intern(p.cell(fields, colAgent))
	r.Queue = p.dims.Intern(p.cell(fields, colQueue))
	r.Segment = p.dims.Intern(p.cell(fields, colSegment))
	r.Language = p.dims.Intern(p.cell(fields, colLanguage))
	return r, -1, nil
}

// parseNPS reads 0–10, or an integer followed by its anchor's text
// ("10 - Extremely likely").
func parseNPS(s string) (Score, error) {
	num := s
	if i := strings.IndexAny(s, " -–"); i > 0 {
		rest := strings.TrimLeft(s[i:], " ")
		if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") {
			num = s[:i]
		}
	}
	v, err := strconv.Atoi(num)
	if err != nil || len(num) > 2 {
		return NoAnswer, fmt.Errorf("%w: NPS %q is not an integer 0–10", ErrScore, s)
	}
	if _, err := nps.Classify(v); err != nil {
		return NoAnswer, fmt.Errorf("%w: NPS %q: %w", ErrScore, s, err)
	}
	return Answer(v), nil
}

func (p *responseParser) parseCSAT(s string) (Score, error) {
	if p.csatLabels != nil {
		v, err := p.csatLabels.Point(s)
		if err != nil {
			return NoAnswer, fmt.Errorf("%w: CSAT %q: %w", ErrScore, s, err)
		}
		if _, err := p.csatScale.Classify(v); err != nil {
			return NoAnswer, fmt.Errorf("%w: CSAT %q: %w", ErrScore, s, err)
		}
		return Answer(v), nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || len(s) > 6 {
		return NoAnswer, fmt.Errorf("%w: CSAT %q is not an integer on %v", ErrScore, s, p.csatScale)
	}
	if _, err := p.csatScale.Classify(v); err != nil {
		return NoAnswer, fmt.Errorf("%w: CSAT %q: %w", ErrScore, s, err)
	}
	return Answer(v), nil
}

func (p *responseParser) parseCES(s string) (Score, error) {
	var v int
	var err error
	if p.cesLabels != nil {
		v, err = p.cesLabels.Point(s)
	} else if v, err = strconv.Atoi(s); err != nil || len(s) > 6 {
		return NoAnswer, fmt.Errorf("%w: CES %q is not an integer on %v", ErrScore, s, p.cesScale)
	}
	if err != nil {
		return NoAnswer, fmt.Errorf("%w: CES %q: %w", ErrScore, s, err)
	}
	if _, err := p.cesScale.Classify(v); err != nil {
		return NoAnswer, fmt.Errorf("%w: CES %q: %w", ErrScore, s, err)
	}
	return Answer(v), nil
}

// builtinLabels returns the built-in CSAT labels of scale s, or nil.
func builtinLabels(s csat.Scale) Labels {
	switch s {
	case csat.FivePoint:
		return csat.FivePointLabels
	case csat.SevenPoint:
		return csat.SevenPointLabels
	case csat.Binary:
		return csat.BinaryLabels
	}
	return nil
}

func (r *Reader) reader() *csvrow.Reader[Response] {
	if r.r == nil {
		f := r.Format
		cl := r.CSATLabels
		if cl == nil {
			cl = builtinLabels(r.CSATScale)
		}
		cols := r.Columns.columns()
		r.r = csvrow.NewReader(r.src, csvrow.Spec[Response]{
			Columns: cols,
			Strict:  r.Strict,
			Format:  f,
			ID:      colID,
			AnyOf:   []int{colNPS, colCSAT, colCES, colComment},
			New: func(l *csvrow.Layout) csvrow.Parser[Response] {
				return &responseParser{l: l, f: &f, csatScale: r.CSATScale, cesScale: r.CESScale, csatLabels: cl, cesLabels: r.CESLabels}
			},
		})
	}
	return r.r
}

// Read returns the next response. A rejected row is a *row.Error, and the
// next Read goes on; io.EOF ends the file; any other error (a
// *row.FileError: the header, the text encoding, the underlying reader)
// ends the stream and is returned again by every later Read.
func (r *Reader) Read() (Response, error) {
	return r.reader().Read()
}

// ReadAll reads the rest of the file and returns its responses, with the
// count of the rows read, accepted and rejected and the first MaxErrors
// row errors. The error is nil at the end of the file, or the error that
// ended the stream (the responses read before it are returned). Rows are
// parsed on every core and delivered in file order: the result is that
// of calling Read to the end.
func (r *Reader) ReadAll() ([]Response, row.Summary, error) {
	return r.reader().Records(r.MaxErrors)
}
