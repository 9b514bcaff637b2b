package churn

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/csvrow"
	"github.com/rapportkit/rapport/row"
)

// CustomerColumns names the columns of a customers file, for a
// CustomerReader. An empty name means the library's names for the field,
// listed here (in any case, with spaces, underscores or hyphens alike);
// "-" means the field is not in the file even if a column has one of
// those names. ID and Start are required.
type CustomerColumns struct {
	ID          string // id, customer_id, customer, client_id, account_id
	Start       string // start, start_date, started_at, created_at, signup_date, subscribed_at, activated_at, since
	End         string // end, end_date, ended_at, cancelled_at, canceled_at, churned_at, churn_date, closed_at
	ContractEnd string // contract_end, contract_end_date, renewal_date, term_end
	// Renewals holds the past term ends at which the customer renewed,
	// in one cell separated by ';' or '|' ("2024-01-31;2025-01-31").
	Renewals string // renewals, renewal_dates, renewed_at
	Segment  string // segment, plan, tier
}

const (
	custID = iota
	custStart
	custEnd
	custContract
	custRenewals
	custSegment
)

func (c *CustomerColumns) columns() []csvrow.Column {
	return []csvrow.Column{
		{Name: "id", Field: "ID", Given: c.ID, Required: true, Aliases: []string{"customer_id", "customer", "client_id", "account_id"}},
		{Name: "start", Field: "Start", Given: c.Start, Required: true, Aliases: []string{"start_date", "started_at", "created_at", "signup_date", "subscribed_at", "activated_at", "since"}},
		{Name: "end", Field: "End", Given: c.End, Aliases: []string{"end_date", "ended_at", "cancelled_at", "canceled_at", "churned_at", "churn_date", "closed_at"}},
		{Name: "contract_end", Field: "ContractEnd", Given: c.ContractEnd, Aliases: []string{"contract_end_date", "renewal_date", "term_end"}},
		{Name: "renewals", Field: "Renewals", Given: c.Renewals, Aliases: []string{"renewal_dates", "renewed_at"}},
		{Name: "segment", Field: "Segment", Given: c.Segment, Aliases: []string{"plan", "tier"}},
	}
}

// CustomerReader reads customers from CSV with a header row, in the
// manner of encoding/csv: set the option fields, then call Read for one
// customer at a time, or ReadAll for the whole file.
//
// Times are read by the Format's rules (package row); an empty end or
// contract end means none (an active customer, no fixed term), and an
// empty renewals cell no renewal. Each row
// is accepted or rejected with its reason, a *row.Error naming the line,
// the column and the customer: a row that fails Customer.Validate, and a
// customer id already read on an earlier row (ErrDuplicateID), which
// would count one customer twice. The reader goes on after a rejected
// row. Memory is bounded by the longest row, and by the ids seen.
type CustomerReader struct {
	// Columns maps the file's headers to the fields.
	Columns CustomerColumns
	// Format is how the file writes its cells.
	Format row.Format
	// Strict rejects a header with columns that are not fields.
	Strict bool
	// MaxErrors bounds the row errors ReadAll keeps (0 means
	// row.DefaultMaxErrors); it counts them all.
	MaxErrors int

	src io.Reader
	r   *csvrow.Reader[Customer]
}

// NewCustomerReader returns a reader of customers from r. The header is
// read by the first Read or ReadAll.
func NewCustomerReader(r io.Reader) *CustomerReader { return &CustomerReader{src: r} }

type customerParser struct {
	l        *csvrow.Layout
	f        *row.Format
	ids      csvrow.Arena
	segments csvrow.Interner
}

func (p *customerParser) time(fields []string, c int, t *time.Time) error {
	i := p.l.Index(c)
	if i < 0 || row.Trim(fields[i]) == "" {
		return nil
	}
	var err error
	*t, err = p.f.Time(fields[i])
	return err
}

func (p *customerParser) Parse(fields []string) (Customer, int, error) {
	var c Customer
	id := row.Trim(fields[p.l.Index(custID)])
	if id == "" {
		return c, custID, fmt.Errorf("%w: no customer id", row.ErrID)
	}
	if row.Trim(fields[p.l.Index(custStart)]) == "" {
		return c, custStart, fmt.Errorf("%w: no start", row.ErrTime)
	}
	for _, t := range []struct {
		col int
		dst *time.Time
	}{{custStart, &c.Start}, {custEnd, &c.End}, {custContract, &c.ContractEnd}} {
		if err := p.time(fields, t.col, t.dst); err != nil {
			return Customer{}, t.col, err
		}
	}
	if i := p.l.Index(custRenewals); i >= 0 {
		for s := range strings.FieldsFuncSeq(fields[i], func(r rune) bool { return r == ';' || r == '|' }) {
			if s = row.Trim(s); s == "" {
				continue
			}
			t, err := p.f.Time(s)
			if err != nil {
				return Customer{}, custRenewals, err
			}
			c.Renewals = append(c.Renewals, t)
		}
	}
	c.ID = p.ids.Copy(id)
	if i := p.l.Index(custSegment); i >= 0 {
		c.Segment = p.segments.Intern(row.Trim(fields[i]))
	}
	if err := c.Validate(); err != nil {
		return Customer{}, -1, err
	}
	return c, -1, nil
}

func (r *CustomerReader) reader() *csvrow.Reader[Customer] {
	if r.r == nil {
		f := r.Format
		seen := make(map[string]int) // id → the line of its row
		r.r = csvrow.NewReader(r.src, csvrow.Spec[Customer]{
			Columns: r.Columns.columns(),
			Strict:  r.Strict,
			Format:  f,
			Words:   readerWords,
			ID:      custID,
			New: func(l *csvrow.Layout) csvrow.Parser[Customer] {
				return &customerParser{l: l, f: &f}
			},
			Check: func(c *Customer, line int) (int, string, error) {
				if first, dup := seen[c.ID]; dup {
					return custID, c.ID, fmt.Errorf("customer %q: %w (first on line %d)", c.ID, ErrDuplicateID, first)
				}
				seen[c.ID] = line
				return -1, "", nil
			},
		})
	}
	return r.r
}

// Read returns the next customer. A rejected row is a *row.Error, and the
// next Read goes on; io.EOF ends the file; any other error (a
// *row.FileError: the header, the text encoding, the underlying reader)
// ends the stream and is returned again by every later Read.
func (r *CustomerReader) Read() (Customer, error) { return r.reader().Read() }

// ReadAll reads the rest of the file and returns its customers, with the
// count of the rows read, accepted and rejected and the first MaxErrors
// row errors. The error is nil at the end of the file, or the error that
// ended the stream (the customers read before it are returned). Rows are
// parsed on every core and delivered in file order: the result is that
// of calling Read to the end.
func (r *CustomerReader) ReadAll() ([]Customer, row.Summary, error) {
	return r.reader().Records(r.MaxErrors)
}

// RevenueColumns names the columns of a revenue file, for a
// RevenueReader, as CustomerColumns does. All but Currency are required.
type RevenueColumns struct {
	CustomerID string // customer_id, customer, client, client_id, account_id
	At         string // at, date, period, month, invoice_date, billed_at, created_at
	Amount     string // amount, revenue, mrr, arr, total, value
	// Currency: currency, currency_code. Every cell must then name
	// Format.Currency.
	Currency string
}

const (
	revCustomer = iota
	revAt
	revAmount
	revCurrency
)

func (c *RevenueColumns) columns() []csvrow.Column {
	return []csvrow.Column{
		{Name: "customer_id", Field: "CustomerID", Given: c.CustomerID, Required: true, Aliases: []string{"customer", "client", "client_id", "account_id"}},
		{Name: "at", Field: "At", Given: c.At, Required: true, Aliases: []string{"date", "period", "month", "invoice_date", "billed_at", "created_at"}},
		{Name: "amount", Field: "Amount", Given: c.Amount, Required: true, Aliases: []string{"revenue", "mrr", "arr", "total", "value"}},
		{Name: "currency", Field: "Currency", Given: c.Currency, Aliases: []string{"currency_code"}},
	}
}

// RevenueReader reads recurring revenue from CSV with a header row: one
// amount of one customer at one time (an invoice, a month's MRR), in the
// manner of encoding/csv, as CustomerReader reads customers. Amounts are
// read by the Format's rules, never guessed; a negative amount is
// rejected (ErrAmount).
type RevenueReader struct {
	// Columns maps the file's headers to the fields.
	Columns RevenueColumns
	// Format is how the file writes its cells.
	Format row.Format
	// Strict rejects a header with columns that are not fields.
	Strict bool
	// MaxErrors bounds the row errors ReadAll keeps (0 means
	// row.DefaultMaxErrors); it counts them all.
	MaxErrors int

	src io.Reader
	r   *csvrow.Reader[Revenue]
}

// NewRevenueReader returns a reader of revenue from r. The header is read
// by the first Read or ReadAll.
func NewRevenueReader(r io.Reader) *RevenueReader { return &RevenueReader{src: r} }

type revenueParser struct {
	l       *csvrow.Layout
	f       *row.Format
	ids     csvrow.Interner
	amounts csvrow.Decimals
}

func (p *revenueParser) Parse(fields []string) (Revenue, int, error) {
	var v Revenue
	id := row.Trim(fields[p.l.Index(revCustomer)])
	if id == "" {
		return v, revCustomer, fmt.Errorf("%w: no customer id", row.ErrID)
	}
	var err error
	if v.At, err = p.f.Time(fields[p.l.Index(revAt)]); err != nil {
		return v, revAt, err
	}
	cell := fields[p.l.Index(revAmount)]
	if u, e, err := p.f.Units(cell); err == nil {
		v.Amount = p.amounts.Of(u, e)
	} else if v.Amount, err = p.f.Amount(cell); err != nil {
		return Revenue{}, revAmount, err
	}
	if v.Amount.Sign() < 0 {
		return Revenue{}, revAmount, fmt.Errorf("%w: %s", ErrAmount, v.Amount)
	}
	if i := p.l.Index(revCurrency); i >= 0 {
		if c := row.Trim(fields[i]); !p.f.IsCurrency(c) {
			if p.f.Currency == "" {
				return Revenue{}, revCurrency, fmt.Errorf("%w: currency %q, and Format.Currency is not set", row.ErrAmount, c)
			}
			return Revenue{}, revCurrency, fmt.Errorf("%w: currency %q, not %s", row.ErrAmount, c, p.f.Currency)
		}
	}
	v.CustomerID = p.ids.Intern(id)
	return v, -1, nil
}

func (r *RevenueReader) reader() *csvrow.Reader[Revenue] {
	if r.r == nil {
		f := r.Format
		r.r = csvrow.NewReader(r.src, csvrow.Spec[Revenue]{
			Columns: r.Columns.columns(),
			Strict:  r.Strict,
			Format:  f,
			Words:   readerWords,
			ID:      revCustomer,
			New: func(l *csvrow.Layout) csvrow.Parser[Revenue] {
				return &revenueParser{l: l, f: &f}
			},
		})
	}
	return r.r
}

// Read returns the next revenue row, as CustomerReader.Read does.
func (r *RevenueReader) Read() (Revenue, error) { return r.reader().Read() }

// ReadAll reads the rest of the file, as CustomerReader.ReadAll does.
func (r *RevenueReader) ReadAll() ([]Revenue, row.Summary, error) {
	return r.reader().Records(r.MaxErrors)
}

// readerWords are this package's words for the failures of package row.
var readerWords = map[error]error{row.ErrID: ErrID, row.ErrTime: ErrTime, row.ErrAmount: ErrAmount}
