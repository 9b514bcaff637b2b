package segment

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/csvrow/rowtest"
	"github.com/rapportkit/rapport/row"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readTransactions(r *Reader) ([]string, []*row.Error, error) {
	var out []string
	var rejected []*row.Error
	for {
		t, err := r.Read()
		if err == io.EOF {
			return out, rejected, nil
		}
		if e, ok := err.(*row.Error); ok {
			rejected = append(rejected, e)
			continue
		}
		if err != nil {
			return out, rejected, err
		}
		out = append(out, fmt.Sprintf("%+v", t))
	}
}

func TestReaderRows(t *testing.T) {
	rowtest.Check(t, rowtest.Spec{
		Read: func(r io.Reader) ([]string, []*row.Error, error) {
			return readTransactions(NewReader(r))
		},
		ReadAll: func(r io.Reader) ([]string, row.Summary, error) {
			txs, sum, err := NewReader(r).ReadAll()
			out := make([]string, len(txs))
			for i, t := range txs {
				out[i] = fmt.Sprintf("%+v", t)
			}
			return out, sum, err
		},
		Header: "customer_id,at,amount",
		Good: []string{
			"C1,2025-03-14T09:30:00Z,50.35",
			"C2,2025-03-14 09:31:00,12",
			`"C,3",2025-03-14,0.5`,
		},
		Bad: []rowtest.Bad{
			{Row: ",2025-03-14T09:30:00Z,1", Err: row.ErrID},
			{Row: "C1,yesterday,1", Err: row.ErrTime},
			{Row: "C1,2205-03-14,1", Err: row.ErrTime},
			{Row: "C1,0001-01-01,1", Err: row.ErrTime},
			{Row: "C1,2025-03-14,1,234", Err: row.ErrFields},
			{Row: "C1,2025-03-14,\"1,234\"", Err: row.ErrAmount},
			{Row: "C1,2025-03-14,1e400", Err: row.ErrAmount},
			{Row: "C1,2025-03-14,1e-10000", Err: row.ErrAmount},
			{Row: "C1,2025-03-14,-5", Err: ErrAmount},
			{Row: `"C1"x,2025-03-14,1`, Err: row.ErrSyntax},
		},
	})
}

func TestReadColumnsMatchesReadAll(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer_id,at,amount\n")
	for i := range 50_000 {
		amount := []string{"12.5", "3", "0.125", "-2.50", "1000"}[i%5]
		fmt.Fprintf(&b, "C%05d,2025-03-%02dT%02d:00:00Z,%s\n", i%7919, 1+i%28, i%24, amount)
	}
	file := b.String()
	r := NewReader(strings.NewReader(file))
	r.Options.Refunds = true
	txs, sum, err := r.ReadAll()
	require.NoError(t, err)
	require.Equal(t, 50_000, sum.Accepted)
	r = NewReader(strings.NewReader(file))
	r.Options.Refunds = true
	cols, sum2, err := r.ReadColumns()
	require.NoError(t, err)
	assert.Equal(t, sum, sum2)
	assert.Equal(t, int32(-3), cols.Exp, "the smallest exponent")
	require.Len(t, cols.At, len(txs))
	for i, tx := range txs {
		require.Equal(t, tx.CustomerID, cols.CustomerIDs[i])
		require.Equal(t, tx.At.UnixNano(), cols.At[i])
		require.True(t, decimal.New(cols.Amounts[i], cols.Exp).Equal(tx.Amount), "row %d", i)
	}
	// The columns aggregate as the transactions do.
	a, b2 := NewCollection(Options{Refunds: true}), NewCollection(Options{Refunds: true})
	require.NoError(t, a.AddColumns(cols))
	for _, tx := range txs {
		require.NoError(t, b2.Add(tx))
	}
	ja, _ := a.MarshalJSON()
	jb, _ := b2.MarshalJSON()
	assert.JSONEq(t, string(jb), string(ja))
}

// Strings are copies: a record read does not change when the reader's
// buffer is reused, and holds no piece of the file.
func TestReaderCopies(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer_id,at,amount\n")
	for i := range 100_000 {
		fmt.Fprintf(&b, "C%06d,2025-03-14T09:30:00Z,1\n", i)
	}
	txs, _, err := NewReader(strings.NewReader(b.String())).ReadAll()
	require.NoError(t, err)
	for i, tx := range txs {
		require.Equal(t, fmt.Sprintf("C%06d", i), tx.CustomerID)
	}
}

func TestReaderFormats(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	for _, c := range []struct {
		name   string
		r      func(io.Reader) *Reader
		file   string
		want   []Transaction
		reject error
	}{
		{
			name: "shopify orders export",
			r: func(f io.Reader) *Reader {
				r := NewReader(f)
				r.Columns = TransactionColumns{CustomerID: "Email", At: "Created at", Amount: "Total"}
				r.Format = row.Format{Currency: "USD", Thousands: ","}
				return r
			},
			file: "Name,Email,Financial Status,Created at,Total,Currency\n" +
				"#1001,ana@example.com,paid,2025-03-14 09:30:00 -0500,\"1,234.50\",USD\n" +
				"#1002,bob@example.com,paid,2025-03-15 10:00:00 -0500,$19.99,USD\n",
			want: []Transaction{
				{CustomerID: "ana@example.com", At: time.Date(2025, 3, 14, 14, 30, 0, 0, time.UTC), Amount: decimal.RequireFromString("1234.50")},
				{CustomerID: "bob@example.com", At: time.Date(2025, 3, 15, 15, 0, 0, 0, time.UTC), Amount: decimal.RequireFromString("19.99")},
			},
		},
		{
			name: "french export",
			r: func(f io.Reader) *Reader {
				r := NewReader(f)
				r.Format = row.Format{Comma: ';', Decimal: ",", Thousands: " ", Currency: "EUR", Location: paris, Times: []string{"02/01/2006 15:04"}}
				return r
			},
			file: "client;date;montant;devise\n" +
				"C1;14/03/2025 09:30;1\u202f234,50 €;EUR\n",
			want: []Transaction{
				{CustomerID: "C1", At: time.Date(2025, 3, 14, 8, 30, 0, 0, time.UTC), Amount: decimal.RequireFromString("1234.50")},
			},
		},
		{
			name: "another currency",
			r: func(f io.Reader) *Reader {
				r := NewReader(f)
				r.Format = row.Format{Currency: "EUR"}
				return r
			},
			file:   "customer_id,at,amount,currency\nC1,2025-03-14,10,USD\n",
			reject: row.ErrAmount,
		},
		{
			name:   "currency column without Format.Currency",
			r:      NewReader,
			file:   "customer_id,at,amount,currency\nC1,2025-03-14,10,EUR\n",
			reject: row.ErrAmount,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := c.r(strings.NewReader(c.file))
			if c.name == "french export" {
				r.Columns.Currency = "devise"
				r.Columns.CustomerID = "client"
				r.Columns.Amount = "montant"
			}
			txs, sum, err := r.ReadAll()
			require.NoError(t, err)
			if c.reject != nil {
				require.Len(t, sum.Errors, 1)
				assert.ErrorIs(t, sum.Errors[0], c.reject)
				return
			}
			require.Empty(t, sum.Errors)
			require.Len(t, txs, len(c.want))
			for i, w := range c.want {
				assert.Equal(t, w.CustomerID, txs[i].CustomerID)
				assert.True(t, w.At.Equal(txs[i].At), "%v", txs[i].At)
				assert.True(t, w.Amount.Equal(txs[i].Amount), "%v", txs[i].Amount)
			}
		})
	}
}

// The report's documented transactions file reads through the reader.
func TestReaderReportTransactions(t *testing.T) {
	f, err := os.Open("../examples/report/data/transactions.csv")
	require.NoError(t, err)
	defer f.Close()
	r := NewReader(f)
	r.Options.Refunds = true
	r.Format.Decimal = ".," // "Decimals use a point or a comma"
	txs, sum, err := r.ReadAll()
	require.NoError(t, err)
	assert.Empty(t, sum.Errors)
	assert.Equal(t, 21417, sum.Read)
	assert.Len(t, txs, sum.Accepted)
	assert.Equal(t, "C00590", txs[0].CustomerID)
	assert.Equal(t, "50.35", txs[0].Amount.String())
}

func TestReaderHeader(t *testing.T) {
	for _, c := range []struct {
		name, file string
		r          func(*Reader)
		err        string
	}{
		{"missing", "customer,when,amount\n", nil, `missing column at (at, date, time`},
		{"named missing", "customer_id,at,amount\n", func(r *Reader) { r.Columns.Amount = "Total" }, `no column "Total" (Columns.Amount)`},
		{"two aliases", "customer_id,date,at,amount\n", nil, `columns "at" and "date" both read as at`},
		{"strict", "customer_id,at,amount,notes\n", func(r *Reader) { r.Strict = true }, `column "notes" is not a field`},
		{"duplicate header", "customer_id,at,amount,Amount\n", nil, `columns "amount" and "Amount" have one name`},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(c.file))
			if c.r != nil {
				c.r(r)
			}
			_, err := r.Read()
			require.ErrorIs(t, err, row.ErrHeader)
			assert.ErrorContains(t, err, c.err)
			_, err2 := r.Read()
			assert.Equal(t, err, err2, "the error ends the stream")
		})
	}
	// "-" leaves out a column the aliases would take.
	r := NewReader(strings.NewReader("customer_id,date,at,amount\nC1,x,2025-03-14,1\n"))
	r.Columns.At = "at"
	tx, err := r.Read()
	require.NoError(t, err)
	assert.Equal(t, "C1", tx.CustomerID)
}

func FuzzReader(f *testing.F) {
	f.Add("customer_id,at,amount\nC1,2025-03-14T09:30:00Z,50.35\n,,\nC2,2025-03-14,1e400\n")
	f.Add("customer_id,at,amount,currency\n\"C1\",2025-03-14 09:30,\"1,5\",EUR\n")
	f.Fuzz(func(t *testing.T, file string) {
		r := NewReader(strings.NewReader(file))
		r.Options.Refunds = true
		var c Collection
		c.opts.Refunds = true
		read := 0
		for range 10_000 {
			tx, err := r.Read()
			if err == io.EOF {
				break
			}
			if _, ok := err.(*row.Error); ok {
				read++
				continue
			}
			if err != nil {
				var fe *row.FileError
				require.ErrorAs(t, err, &fe)
				break
			}
			read++
			require.NoError(t, c.Add(tx), "a transaction read is one the collection takes")
		}
		all, sum, err := func() ([]Transaction, row.Summary, error) {
			r := NewReader(strings.NewReader(file))
			r.Options.Refunds = true
			return r.ReadAll()
		}()
		if err == nil {
			require.Equal(t, read, sum.Read)
			require.Equal(t, sum.Read, sum.Accepted+sum.Rejected)
			require.Len(t, all, sum.Accepted)
		}
	})
}

func BenchmarkReadColumns(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("customer_id,at,amount\n")
	for i := range 100_000 {
		fmt.Fprintf(&sb, "C%07d,2025-03-14T09:%02d:00Z,%d.%02d\n", i*7919%1_000_000, i%60, 5+i%500, i%100)
	}
	data := sb.String()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := NewReader(strings.NewReader(data)).ReadColumns(); err != nil {
			b.Fatal(err)
		}
	}
}
