package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/rapportkit/rapport/segment"
)

// transactions is the transaction file as columns, loaded once (untimed);
// the ids are substrings of the file's bytes, as a reader that keeps the
// file would produce them.
type transactions struct {
	ids   []string
	at    []int64 // Unix seconds
	cents []int64
}

func loadTransactions(d *data) (*transactions, error) {
	raw, err := os.ReadFile(d.path("transactions.csv"))
	if err != nil {
		return nil, err
	}
	text := string(raw)
	_, body, _ := strings.Cut(text, "\n") // the header
	n := d.sizes.Transactions
	t := &transactions{ids: make([]string, 0, n), at: make([]int64, 0, n), cents: make([]int64, 0, n)}
	for line := range strings.Lines(body) {
		line = strings.TrimSuffix(line, "\n")
		id, rest, ok1 := strings.Cut(line, ",")
		at, cents, ok2 := strings.Cut(rest, ",")
		a, err1 := strconv.ParseInt(at, 10, 64)
		c, err2 := strconv.ParseInt(cents, 10, 64)
		if !ok1 || !ok2 || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("transactions.csv: bad line %q", line)
		}
		t.ids = append(t.ids, id)
		t.at = append(t.at, a)
		t.cents = append(t.cents, c)
	}
	return t, nil
}

// rfmDigest hashes "id,R,F,M" lines in id order.
func rfmDigest(s *segment.Scores) string {
	var b bytes.Buffer
	for c := range s.Customers() {
		fmt.Fprintf(&b, "%s,%d,%d,%d\n", c.ID, c.Score.R, c.Score.F, c.Score.M)
	}
	return digestOf(b.String())
}

// rfmOurs aggregates the transaction columns into customers
// (Collection.AddColumns) and scores them in five quantile bins, as of asOf
// in UTC.
func rfmOurs(d *data, reps int) (result, error) {
	t, err := loadTransactions(d)
	if err != nil {
		return result{}, err
	}
	cols := segment.Columns{CustomerIDs: t.ids, At: make([]int64, len(t.at)), Amounts: t.cents, Exp: -2}
	for i, sec := range t.at {
		cols.At[i] = sec * int64(time.Second)
	}
	asOfTime := time.Unix(asOf, 0).UTC()
	return timeIt("rfm", reps, func() (*segment.Scores, error) {
		var c segment.Collection
		if err := c.AddColumns(cols); err != nil {
			return nil, err
		}
		return c.Score(asOfTime, segment.Config{})
	}, rfmDigest)
}

// csvRFMOurs reads the shop's transaction file (segment.Reader.ReadColumns,
// refunds accepted: they lower the net amount but are not purchases), then
// aggregates and scores as rfmOurs does: parsing included.
func csvRFMOurs(d *data, reps int) (result, error) {
	asOfTime := time.Unix(asOf, 0).UTC()
	return timeIt("csv-rfm", reps, func() (*segment.Scores, error) {
		f, err := os.Open(d.shopFile())
		if err != nil {
			return nil, err
		}
		defer f.Close()
		cols, err := readShopColumns(f)
		if err != nil {
			return nil, err
		}
		c := segment.NewCollection(segment.Options{Refunds: true})
		if err := c.AddColumns(cols); err != nil {
			return nil, err
		}
		return c.Score(asOfTime, segment.Config{})
	}, rfmDigest)
}

// readShopColumns reads a shop's transactions into columns, refunds
// accepted; a rejected row is an error (the generated data have none).
func readShopColumns(f io.Reader) (segment.Columns, error) {
	r := segment.NewReader(f)
	r.Options.Refunds = true
	cols, sum, err := r.ReadColumns()
	if err == nil && sum.Rejected > 0 {
		err = sum.Errors[0]
	}
	return cols, err
}
