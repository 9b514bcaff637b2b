package segment

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// benchData is 10M transactions of 1M customers over a year, in time
// order with customers drawn at random; every transaction has its own id
// string, as a CSV or database reader would produce, and amounts in cents.
var benchData = sync.OnceValue(func() []Transaction {
	const customers, transactions = 1_000_000, 10_000_000
	r := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	txs := make([]Transaction, transactions)
	step := 365 * 24 * time.Hour / transactions
	var sb strings.Builder
	for i := range txs {
		sb.Reset()
		fmt.Fprintf(&sb, "C%07d", r.IntN(customers))
		txs[i] = Transaction{
			CustomerID: strings.Clone(sb.String()),
			At:         base.Add(time.Duration(i) * step),
			Amount:     decimal.New(int64(100+r.IntN(20000)), -2),
		}
	}
	return txs
})

func BenchmarkSummarize10M(b *testing.B) {
	txs := benchData()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CollectionOf(slices.Values(txs), Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(txs)), "ns/transaction")
}

func BenchmarkSummarizeMap10M(b *testing.B) {
	txs := benchData()
	b.ReportAllocs()
	for b.Loop() {
		m := make(map[string]*Customer)
		for i := range txs {
			t := &txs[i]
			u := m[t.CustomerID]
			if u == nil {
				u = new(Customer)
				m[t.CustomerID] = u
			}
			_ = u.Add(*t)
		}
	}
}

func BenchmarkSummarizePresized10M(b *testing.B) {
	txs := benchData()
	b.ReportAllocs()
	for b.Loop() {
		c := NewCollection(Options{})
		c.Grow(1_000_000)
		if err := c.AddAll(slices.Values(txs)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(txs)), "ns/transaction")
}

// benchCollection is the 1M customers of benchColumns.
var benchCollection = sync.OnceValue(func() *Collection {
	c := NewCollection(Options{})
	if err := c.AddColumns(benchColumns()); err != nil {
		panic(err)
	}
	return c
})

func BenchmarkScore1M(b *testing.B) {
	c := benchCollection()
	asOf := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Score(asOf, Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCustomerAdd(b *testing.B) {
	var c Customer
	t := Transaction{CustomerID: "C0000001", At: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Amount: decimal.New(1234, -2)}
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Add(t)
	}
}

func BenchmarkCollectionAddAll100K(b *testing.B) {
	txs := benchData()[:100_000]
	b.ReportAllocs()
	for b.Loop() {
		c := NewCollection(Options{})
		if err := c.AddAll(slices.Values(txs)); err != nil {
			b.Fatal(err)
		}
	}
}

// benchColumns is benchData as columns (the same rows), every id a
// substring of one buffer, as a reader keeping the file's bytes would
// produce. It does not build benchData.
var benchColumns = sync.OnceValue(func() Columns {
	const customers, transactions = 1_000_000, 10_000_000
	r := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	step := 365 * 24 * time.Hour / transactions
	b := Columns{CustomerIDs: make([]string, transactions), At: make([]int64, transactions), Amounts: make([]int64, transactions), Exp: -2}
	buf := make([]byte, 0, 8*transactions)
	for i := range transactions {
		buf = fmt.Appendf(buf, "C%07d", r.IntN(customers))
		b.At[i] = base.Add(time.Duration(i) * step).UnixNano()
		b.Amounts[i] = int64(100 + r.IntN(20000))
	}
	all := string(buf)
	for i := range b.CustomerIDs {
		b.CustomerIDs[i] = all[8*i : 8*i+8]
	}
	return b
})

func benchmarkAddColumns(b *testing.B, cols Columns) {
	b.ReportAllocs()
	for b.Loop() {
		c := NewCollection(Options{})
		if err := c.AddColumns(cols); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(cols.At)), "ns/transaction")
}

func BenchmarkAddColumns10M(b *testing.B) { benchmarkAddColumns(b, benchColumns()) }

// Every id separately allocated, as a reader making strings would.
func BenchmarkAddColumns10MSeparateIDs(b *testing.B) {
	cols := benchColumns()
	cols.CustomerIDs = slices.Clone(cols.CustomerIDs)
	for i, id := range cols.CustomerIDs {
		cols.CustomerIDs[i] = strings.Clone(id)
	}
	benchmarkAddColumns(b, cols)
}

// 10M transactions to 1M scored customers: aggregate and score.
func BenchmarkAddColumnsScore10M(b *testing.B) {
	cols := benchColumns()
	asOf := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		c := NewCollection(Options{})
		if err := c.AddColumns(cols); err != nil {
			b.Fatal(err)
		}
		if _, err := c.Score(asOf, Config{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(cols.At)), "ns/transaction")
}

// Ids of 16 bytes, compared in full after the first 8.
func BenchmarkAddColumns10MLongIDs(b *testing.B) {
	cols := benchColumns()
	buf := make([]byte, 0, 16*len(cols.CustomerIDs))
	for _, id := range cols.CustomerIDs {
		buf = append(append(buf, "customer"...), id...)
	}
	all := string(buf)
	cols.CustomerIDs = make([]string, len(cols.At))
	for i := range cols.CustomerIDs {
		cols.CustomerIDs[i] = all[16*i : 16*i+16]
	}
	benchmarkAddColumns(b, cols)
}

// The 10M rows in batches, as a reader of record batches or row groups
// hands them over, into one collection.
func BenchmarkAddColumns10MBatches(b *testing.B) {
	cols := benchColumns()
	for _, size := range []int{1 << 20, 1 << 16} {
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c := NewCollection(Options{})
				for lo := 0; lo < len(cols.At); lo += size {
					hi := min(lo+size, len(cols.At))
					batch := Columns{CustomerIDs: cols.CustomerIDs[lo:hi], At: cols.At[lo:hi], Amounts: cols.Amounts[lo:hi], Exp: cols.Exp}
					if err := c.AddColumns(batch); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(cols.At)), "ns/transaction")
		})
	}
}
