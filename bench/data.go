package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// seed fixes the generated data; change it and every digest changes.
const seed = 20261123

// asOf is the as-of instant of every task, in Unix seconds (2026-01-01
// UTC): recency, survival and the FCR window are measured to it.
const asOf = 1767225600

// data is the generated input of one scale: files every implementation
// reads, in a directory of their own (n<scale>), each written once and
// reused while its stamp matches.
type data struct {
	dir   string
	scale int
	sizes sizes
}

func newData(root string, n int) *data {
	return &data{dir: filepath.Join(root, fmt.Sprintf("n%d", n)), scale: n, sizes: sizesOf(n)}
}

func (d *data) path(name string) string { return filepath.Join(d.dir, name) }

func (d *data) fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}

// ensure writes file with gen unless it is there with a stamp file
// (file.ok) holding stamp; it writes to a temporary file first, so that
// an interrupted run leaves no half file behind a stamp.
func ensure(file, stamp string, gen func(w *bufio.Writer) error) error {
	stamp += "\n"
	if m, err := os.ReadFile(file + ".ok"); err == nil && string(m) == stamp {
		if _, err := os.Stat(file); err == nil {
			return nil
		}
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "generating %s …\n", file)
	tmp := file + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := gen(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, file); err != nil {
		return err
	}
	return os.WriteFile(file+".ok", []byte(stamp), 0o644)
}

// responseDays is the number of groups of the grouped NPS task: days of
// answer.
const responseDays = 1000

// responses writes scores.u8 (one NPS score, 0–10, per byte, skewed
// towards the top of the scale), days.u16 (the day of each answer,
// 0–999, little-endian) and responses.csv (day,score, for DuckDB).
func (d *data) responses() (string, error) {
	n := d.sizes.Scores
	scores := make([]byte, n)
	days := make([]uint16, n)
	gen := func() {
		rng := rand.New(rand.NewPCG(seed, 1))
		weights := []float64{0.03, 0.02, 0.02, 0.03, 0.04, 0.06, 0.08, 0.12, 0.18, 0.20, 0.22}
		for i := range scores {
			u := rng.Float64()
			s := 10
			for v, w := range weights {
				if u -= w; u < 0 {
					s = v
					break
				}
			}
			scores[i] = byte(s)
			days[i] = uint16(rng.IntN(responseDays))
		}
	}
	generated := false
	stamp := fmt.Sprintf("seed %d responses %d v2", seed, n)
	for _, f := range []struct {
		name  string
		write func(w *bufio.Writer) error
	}{
		{"scores.u8", func(w *bufio.Writer) error { _, err := w.Write(scores); return err }},
		{"days.u16", func(w *bufio.Writer) error { return binary.Write(w, binary.LittleEndian, days) }},
		{"responses.csv", func(w *bufio.Writer) error {
			w.WriteString("day,score\n")
			var line []byte
			for i := range scores {
				line = strconv.AppendInt(line[:0], int64(days[i]), 10)
				line = append(line, ',')
				line = strconv.AppendInt(line, int64(scores[i]), 10)
				line = append(line, '\n')
				w.Write(line)
			}
			return nil
		}},
	} {
		err := ensure(d.path(f.name), stamp, func(w *bufio.Writer) error {
			if !generated {
				gen()
				generated = true
			}
			return f.write(w)
		})
		if err != nil {
			return "", err
		}
	}
	return d.path("scores.u8"), nil
}

// transactions writes transactions.csv: customer_id,at,amount_cents rows
// (at in Unix seconds before asOf) of d.sizes.Customers customers with a
// skewed activity.
func (d *data) transactions() error {
	stamp := fmt.Sprintf("seed %d transactions %d customers %d v1", seed, d.sizes.Transactions, d.sizes.Customers)
	return ensure(d.path("transactions.csv"), stamp, func(w *bufio.Writer) error {
		rng := rand.New(rand.NewPCG(seed, 1))
		w.WriteString("customer_id,at,amount_cents\n")
		const twoYears = 2 * 365 * 24 * 3600
		var line []byte
		for range d.sizes.Transactions {
			// Customer activity is skewed: a Pareto-like pick of the customer.
			c := int(float64(d.sizes.Customers) * rng.Float64() * rng.Float64())
			at := asOf - 1 - rng.Int64N(twoYears)
			cents := int64(500 + rng.ExpFloat64()*6000)
			line = append(line[:0], 'C')
			line = append(line, fmt.Sprintf("%07d", c)...)
			line = append(line, ',')
			line = strconv.AppendInt(line, at, 10)
			line = append(line, ',')
			line = strconv.AppendInt(line, cents, 10)
			line = append(line, '\n')
			w.Write(line)
		}
		return nil
	})
}

// contactsFile is the contacts CSV of the scale, in the report's format
// (see writeContacts).
func (d *data) contactsFile() string { return d.path("contacts.csv") }

func (d *data) contacts() (string, error) {
	return d.contactsFile(), writeCSV(d.contactsFile(), "contacts", d.sizes.Contacts)
}

// shopFile is the transactions CSV of the scale as a shop exports it
// (customer_id,at,amount with RFC 3339 times, euros and cents, one row in
// fifty a refund; see writeTransactions).
func (d *data) shopFile() string { return d.path("shop.csv") }

func (d *data) shop() (string, error) {
	return d.shopFile(), writeCSV(d.shopFile(), "transactions", d.sizes.Transactions)
}

// lifetimes writes customers.csv: id,start,end in Unix seconds, end empty
// for a customer still active at asOf. Starts are uniform over the three
// years before asOf, lifetimes exponential with a mean of 500 days.
func (d *data) lifetimes() (string, error) {
	file := d.path("customers.csv")
	n := d.sizes.Lifetimes
	return file, ensure(file, fmt.Sprintf("seed %d lifetimes %d v1", seed, n), func(w *bufio.Writer) error {
		rng := rand.New(rand.NewPCG(seed, 3))
		w.WriteString("id,start,end\n")
		var line []byte
		for i := range n {
			start := asOf - 1 - rng.Int64N(3*365*86400)
			end := start + int64(rng.ExpFloat64()*500*86400)
			line = append(line[:0], 'U')
			line = append(line, fmt.Sprintf("%08d", i)...)
			line = append(line, ',')
			line = strconv.AppendInt(line, start, 10)
			line = append(line, ',')
			if end < asOf {
				line = strconv.AppendInt(line, end, 10)
			}
			line = append(line, '\n')
			w.Write(line)
		}
		return nil
	})
}
