package segment

import (
	"fmt"
	"io"
	"math"
	"slices"
	"time"

	"github.com/rapportkit/rapport/internal/csvrow"
	"github.com/rapportkit/rapport/row"
	"github.com/shopspring/decimal"
)

// TransactionColumns names the columns of a transactions file, for a
// Reader. An empty name means the library's names for the field (in
// any case, with spaces, underscores or hyphens alike), "-" that the
// field is not in the file even if a column has one of those names.
type TransactionColumns struct {
	// CustomerID: customer_id, customer, client, client_id, buyer_id,
	// account_id, user_id. Required.
	CustomerID string
	// At: at, date, time, timestamp, created_at, order_date,
	// processed_at, paid_at, transaction_date, purchase_date. Required.
	At string
	// Amount: amount, total, value, revenue, price, net_amount,
	// total_price. Required.
	Amount string
	// Currency: currency, currency_code. Optional; every cell must then
	// name Format.Currency.
	Currency string
}

const (
	txCustomer = iota
	txAt
	txAmount
	txCurrency
)

func (c *TransactionColumns) columns() []csvrow.Column {
	return []csvrow.Column{
		{Name: "customer_id", Field: "CustomerID", Given: c.CustomerID, Required: true, Aliases: []string{"customer", "client", "client_id", "buyer_id", "account_id", "user_id"}},
		{Name: "at", Field: "At", Given: c.At, Required: true, Aliases: []string{"date", "time", "timestamp", "created_at", "order_date", "processed_at", "paid_at", "transaction_date", "purchase_date"}},
		{Name: "amount", Field: "Amount", Given: c.Amount, Required: true, Aliases: []string{"total", "value", "revenue", "price", "net_amount", "total_price"}},
		{Name: "currency", Field: "Currency", Given: c.Currency, Aliases: []string{"currency_code"}},
	}
}

// Reader reads transactions from CSV with a header row, in the manner of
// encoding/csv: set the option fields, then call Read for one
// transaction at a time, or ReadAll or ReadColumns for the whole file.
//
// Cells are read by the Format's rules (see package row): times in its
// layouts, location and plausible window; amounts with its decimal and
// thousands separators and currency, never guessed. A negative amount is
// a refund, accepted with Options.Refunds. Each row is accepted or
// rejected with its reason, a *row.Error naming the line, the column and
// the customer; the reader goes on after it. Memory is bounded by the
// longest row (row.MaxRecord), not by the file; customer ids are shared
// between rows and never keep the file's text alive.
type Reader struct {
	// Columns maps the file's headers to the fields; the zero value
	// reads the library's names.
	Columns TransactionColumns
	// Format is how the file writes its cells.
	Format row.Format
	// Strict rejects a header with columns that are not fields; by
	// default they are ignored.
	Strict bool
	// Options are the collection's: with Refunds, a negative amount is
	// read as a refund; without it, the row is rejected.
	Options Options
	// MaxErrors bounds the row errors ReadAll and ReadColumns keep (0
	// means row.DefaultMaxErrors); they count them all.
	MaxErrors int

	src     io.Reader
	r       *csvrow.Reader[txRow]
	columns bool // ReadColumns' parser: amounts must fit 64-bit units
}

// NewReader returns a reader of transactions from r. The header is read
// by the first Read, ReadAll or ReadColumns.
func NewReader(r io.Reader) *Reader { return &Reader{src: r} }

// txRow is one parsed row: the amount in units of 10^exp, or as a
// decimal when it does not fit (wide).
type txRow struct {
	id    string
	at    time.Time
	units int64
	exp   int32
	wide  bool
	big   decimal.Decimal
}

type txParser struct {
	l       *csvrow.Layout
	f       *row.Format
	refunds bool
	columns bool
	ids     csvrow.Interner
}

func (p *txParser) Parse(fields []string) (txRow, int, error) {
	var t txRow
	l := p.l
	id := row.Trim(fields[l.Index(txCustomer)])
	if id == "" {
		return t, txCustomer, fmt.Errorf("%w: no customer id", row.ErrID)
	}
	var err error
	if t.at, err = p.f.Time(fields[l.Index(txAt)]); err != nil {
		return t, txAt, err
	}
	if t.at.Before(minTime) || t.at.After(maxTime) {
		return t, txAt, fmt.Errorf("%w: %s is outside the years 1678–2262", row.ErrTime, t.at.Format(time.RFC3339))
	}
	cell := fields[l.Index(txAmount)]
	t.units, t.exp, err = p.f.Units(cell)
	if err != nil {
		if p.columns {
			return t, txAmount, err
		}
		if t.big, err = p.f.Amount(cell); err != nil {
			return t, txAmount, err
		}
		t.wide = true
	}
	if (t.units < 0 || t.wide && t.big.Sign() < 0) && !p.refunds {
		return t, txAmount, fmt.Errorf("%w: %s (a refund; set Options.Refunds to read refunds)", ErrAmount, row.Trim(cell))
	}
	if i := l.Index(txCurrency); i >= 0 {
		if c := row.Trim(fields[i]); !p.f.IsCurrency(c) {
			if p.f.Currency == "" {
				return t, txCurrency, fmt.Errorf("%w: currency %q, and Format.Currency is not set", row.ErrAmount, c)
			}
			return t, txCurrency, fmt.Errorf("%w: currency %q, not %s", row.ErrAmount, c, p.f.Currency)
		}
	}
	t.id = p.ids.Intern(id)
	return t, -1, nil
}

func (r *Reader) reader() *csvrow.Reader[txRow] {
	if r.r == nil {
		f := r.Format
		refunds, columns := r.Options.Refunds, r.columns
		r.r = csvrow.NewReader(r.src, csvrow.Spec[txRow]{
			Columns: r.Columns.columns(),
			Strict:  r.Strict,
			Format:  f,
			Words:   readerWords,
			ID:      txCustomer,
			New: func(l *csvrow.Layout) csvrow.Parser[txRow] {
				return &txParser{l: l, f: &f, refunds: refunds, columns: columns}
			},
		})
	}
	return r.r
}

// Read returns the next transaction. A rejected row is a *row.Error, and
// the next Read goes on; io.EOF ends the file; any other error (a
// *row.FileError: the header, the text encoding, the underlying reader)
// ends the stream and is returned again by every later Read.
func (r *Reader) Read() (Transaction, error) {
	t, err := r.reader().Read()
	if err != nil {
		return Transaction{}, err
	}
	return t.transaction(nil), nil
}

func (t *txRow) transaction(d *csvrow.Decimals) Transaction {
	tx := Transaction{CustomerID: t.id, At: t.at, Amount: t.big}
	switch {
	case t.wide:
	case d != nil:
		tx.Amount = d.Of(t.units, t.exp)
	default:
		tx.Amount = decimal.New(t.units, t.exp)
	}
	return tx
}

// ReadAll reads the rest of the file and returns its transactions, with
// the count of the rows read, accepted and rejected and the first
// MaxErrors row errors. The error is nil at the end of the file, or the
// error that ended the stream (the transactions read before it are
// returned). The rows are parsed on every core and delivered in file
// order: the result is that of calling Read to the end.
//
// For large files prefer ReadColumns: a Transaction holds a decimal, a
// pointer the garbage collector follows, and costs 56 bytes; a row of
// Columns costs 32 and none.
func (r *Reader) ReadAll() ([]Transaction, row.Summary, error) {
	var out csvrow.Chunks[Transaction]
	var d csvrow.Decimals
	sum, err := r.reader().ReadAll(r.MaxErrors, func(t txRow) {
		out.Append(t.transaction(&d))
	}, out.Grow)
	return out.Flatten(), sum, err
}

// ReadColumns reads the rest of the file into Columns, the layout
// Collection.AddColumns aggregates at its full speed: the way to read a
// large file (10 million rows in about a second on two cores; see
// bench/README.md). Amounts are scaled to the smallest exponent among
// them (12.5 and 3 become 1250 and 300 at −2). A row whose amount has
// more than 18 significant digits is rejected (Read and ReadAll take it);
// amounts whose scaling passes 64 bits fail the read with row.ErrAmount.
// Otherwise it is ReadAll, in columns.
func (r *Reader) ReadColumns() (Columns, row.Summary, error) {
	if r.r == nil {
		r.columns = true
	}
	var c Columns
	var scaleErr error
	sum, err := r.reader().ReadAll(r.MaxErrors, func(t txRow) {
		if scaleErr != nil {
			return
		}
		units := t.units
		switch {
		case t.wide:
			scaleErr = fmt.Errorf("segment: customer %q: amount %v: %w: more than 18 digits, for ReadAll", t.id, t.big, row.ErrAmount)
			return
		case len(c.At) == 0:
			c.Exp = t.exp
		case t.exp < c.Exp:
			for i, u := range c.Amounts {
				v, ok := scaleUnits(u, c.Exp-t.exp)
				if !ok {
					scaleErr = fmt.Errorf("segment: customer %q: %w: %d units of 10^%d do not fit 64 bits at 10^%d", c.CustomerIDs[i], row.ErrAmount, u, c.Exp, t.exp)
					return
				}
				c.Amounts[i] = v
			}
			c.Exp = t.exp
		case t.exp > c.Exp:
			var ok bool
			if units, ok = scaleUnits(units, t.exp-c.Exp); !ok {
				scaleErr = fmt.Errorf("segment: customer %q: %w: %d units of 10^%d do not fit 64 bits at 10^%d", t.id, row.ErrAmount, t.units, t.exp, c.Exp)
				return
			}
		}
		c.CustomerIDs = append(c.CustomerIDs, t.id)
		c.At = append(c.At, t.at.UnixNano())
		c.Amounts = append(c.Amounts, units)
	}, func(n int) {
		c.CustomerIDs = slices.Grow(c.CustomerIDs, n)
		c.At = slices.Grow(c.At, n)
		c.Amounts = slices.Grow(c.Amounts, n)
	})
	if err == nil {
		err = scaleErr
	}
	return c, sum, err
}

// pow10s are the powers of ten of int64.
var pow10s = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = 10 * p[i-1]
	}
	return
}()

// scaleUnits returns u·10^k, or false past int64.
func scaleUnits(u int64, k int32) (int64, bool) {
	if k >= int32(len(pow10s)) {
		return 0, u == 0
	}
	p := pow10s[k]
	if u > math.MaxInt64/p || u < math.MinInt64/p {
		return 0, false
	}
	return u * p, true
}

// The times Columns.At holds, int64 nanoseconds since 1970.
var minTime, maxTime = time.Unix(0, minNanos), time.Unix(0, maxNanos)

// readerWords are this package's words for the failures of package row.
var readerWords = map[error]error{row.ErrID: ErrID, row.ErrTime: ErrTime, row.ErrAmount: ErrAmount}
