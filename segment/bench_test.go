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
		if _, err := Summarize(slices.Values(txs), Options{}); err != nil {
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
			_ = u.Add(t.At, t.Amount)
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

var benchCollection = sync.OnceValue(func() *Collection {
	c, err := Summarize(slices.Values(benchData()), Options{})
	if err != nil {
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
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	amount := decimal.New(1234, -2)
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Add(at, amount)
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
