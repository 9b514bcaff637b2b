package segment

import (
	"encoding/csv"
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rfmAsOf is the as-of instant of testdata/rfm_reference.py.
var rfmAsOf = time.Unix(1735689600, 0).UTC()

// readCSV returns the records of a testdata file after its header.
func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	return rows[1:]
}

// referenceTransactions reads testdata/rfm_transactions.csv.
func referenceTransactions(t *testing.T) []Transaction {
	var txs []Transaction
	for _, row := range readCSV(t, "rfm_transactions.csv") {
		sec, err := strconv.ParseInt(row[1], 10, 64)
		require.NoError(t, err)
		txs = append(txs, Transaction{CustomerID: row[0], At: time.Unix(sec, 0), Amount: dec(row[2])})
	}
	return txs
}

// The scores of pandas, R data.table and R collapse for 3, 5 and 9 bins
// (testdata/rfm_reference.py and rfm_reference.R), from transactions
// added one by one and as columns of cents.
func TestRFMReference(t *testing.T) {
	txs := referenceTransactions(t)
	byTransaction := mustCollect(t, txs, Options{Refunds: true})
	var cols Columns
	cols.Exp = -2
	for _, x := range txs {
		cols.CustomerIDs = append(cols.CustomerIDs, x.CustomerID)
		cols.At = append(cols.At, x.At.UnixNano())
		cols.Amounts = append(cols.Amounts, x.Amount.Shift(2).IntPart())
	}
	byColumns := NewCollection(Options{Refunds: true})
	require.NoError(t, byColumns.AddColumns(cols))
	bins := []int{3, 5, 9}
	for _, peer := range []string{"pandas", "datatable", "collapse"} {
		want := readCSV(t, "rfm_"+peer+".csv")
		for _, c := range []struct {
			name string
			c    *Collection
		}{{"transactions", byTransaction}, {"columns", byColumns}} {
			t.Run(peer+"/"+c.name, func(t *testing.T) {
				for bin, k := range bins {
					s, err := c.c.Score(rfmAsOf, Config{Bins: k})
					require.NoError(t, err)
					got := scoresOf(s)
					require.Len(t, got, len(want), "%d bins: scored customers", k)
					for i, row := range want {
						g := got[i]
						line := []string{g.ID, fmt.Sprint(g.RecencyDays), fmt.Sprint(g.Frequency), g.MonetaryAmount.Shift(2).String()}
						score := func(d uint8) string { return fmt.Sprint(d) }
						line = append(line, score(g.Score.R), score(g.Score.F), score(g.Score.M))
						expect := append(slices.Clone(row[:4]), row[4+3*bin:7+3*bin]...)
						require.Equal(t, expect, line, "%d bins, customer %s", k, row[0])
					}
				}
			})
		}
	}
	// Refund-only customers are left out, as the peers leave them out.
	s, _ := byTransaction.Score(rfmAsOf, Config{})
	assert.Equal(t, byTransaction.NumCustomers()-len(readCSV(t, "rfm_pandas.csv")), s.Unscored)
	assert.Positive(t, s.Unscored)
}
