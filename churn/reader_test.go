package churn

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/internal/csvrow/rowtest"
	"github.com/rapportkit/rapport/row"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func format[T any](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = fmt.Sprintf("%+v", v)
	}
	return out
}

func TestCustomerReaderRows(t *testing.T) {
	rowtest.Check(t, rowtest.Spec{
		Read: func(r io.Reader) ([]string, []*row.Error, error) { return rowtest.ReadEach(NewCustomerReader(r).Read) },
		ReadAll: func(r io.Reader) ([]string, row.Summary, error) {
			cs, sum, err := NewCustomerReader(r).ReadAll()
			return format(cs), sum, err
		},
		Header: "id,start,end,contract_end,segment",
		Good: []string{
			"C1,2023-07-24,,2027-07-24,business",
			"C2,2022-07-09,2025-04-17,,consumer",
			"C3,2024-01-01T10:00:00Z,2024-01-01T10:00:00Z,,",
		},
		Bad: []rowtest.Bad{
			{Row: ",2023-07-24,,,", Err: row.ErrID},
			{Row: "C4,,,,", Err: row.ErrTime},
			{Row: "C5,2023-13-01,,,", Err: row.ErrTime},
			{Row: "C6,2025-01-01,2024-01-01,,", Err: ErrTime},
			{Row: "C7,2025-01-01,,2024-01-01,", Err: ErrTime},
			{Row: "C8,0001-01-01,,,", Err: row.ErrTime},
		},
	})
}

// In a file of many copies, every repeated id is rejected, in file order,
// by Read and by ReadAll alike (rowtest's parallel check); here, that the
// first row of an id is the one kept.
func TestCustomerReaderDuplicates(t *testing.T) {
	file := "id,start\nC1,2024-01-01\nC2,2024-01-01\nC1,2024-02-01\n"
	cs, sum, err := NewCustomerReader(strings.NewReader(file)).ReadAll()
	require.NoError(t, err)
	require.Len(t, cs, 2)
	assert.Equal(t, "2024-01-01", cs[0].Start.Format("2006-01-02"))
	require.Len(t, sum.Errors, 1)
	assert.ErrorIs(t, sum.Errors[0], ErrDuplicateID)
	assert.Equal(t, 4, sum.Errors[0].Line)
	assert.ErrorContains(t, sum.Errors[0], "first on line 2")
}

func TestRevenueReaderRows(t *testing.T) {
	rowtest.Check(t, rowtest.Spec{
		Read: func(r io.Reader) ([]string, []*row.Error, error) { return rowtest.ReadEach(NewRevenueReader(r).Read) },
		ReadAll: func(r io.Reader) ([]string, row.Summary, error) {
			v, sum, err := NewRevenueReader(r).ReadAll()
			return format(v), sum, err
		},
		Header: "customer_id,month,mrr",
		Good:   []string{"C1,2025-01-01,99.00", "C2,2025-01-01,0", "C1,2025-02-01,120.5"},
		Bad: []rowtest.Bad{
			{Row: "C1,2025-01-01,-5", Err: ErrAmount},
			{Row: "C1,2025-01-01,1e400", Err: row.ErrAmount},
			{Row: "C1,,5", Err: row.ErrTime},
			{Row: ",2025-01-01,5", Err: row.ErrID},
		},
	})
}

// The report's embedded customers read through the reader.
func TestCustomerReaderReportData(t *testing.T) {
	f, err := os.Open("../examples/report/data/customers.csv")
	require.NoError(t, err)
	defer f.Close()
	cs, sum, err := NewCustomerReader(f).ReadAll()
	require.NoError(t, err)
	assert.Empty(t, sum.Errors)
	assert.Equal(t, 1620, sum.Read)
	require.NoError(t, Validate(cs))
}

func FuzzCustomerReader(f *testing.F) {
	f.Add("id,start,end\nC1,2024-01-01,\nC1,2024-01-01,2023-01-01\n")
	f.Fuzz(func(t *testing.T, file string) {
		cs, sum, err := NewCustomerReader(strings.NewReader(file)).ReadAll()
		if err != nil {
			var fe *row.FileError
			require.ErrorAs(t, err, &fe)
			return
		}
		require.Equal(t, sum.Read, sum.Accepted+sum.Rejected)
		require.Len(t, cs, sum.Accepted)
		require.NoError(t, Validate(cs), "customers read are valid and distinct")
	})
}

func FuzzRevenueReader(f *testing.F) {
	f.Add("customer_id,at,amount\nC1,2024-01-01,1.5\nC2,2024-01-01,-1\n")
	f.Fuzz(func(t *testing.T, file string) {
		rev, sum, err := NewRevenueReader(strings.NewReader(file)).ReadAll()
		if err != nil {
			return
		}
		require.Equal(t, sum.Read, sum.Accepted+sum.Rejected)
		var l Ledger
		for _, v := range rev {
			require.NoError(t, l.Add(v), "revenue read is revenue the ledger takes")
		}
	})
}
