package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rapportkit/rapport/ces"
	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/csat"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/row"
	"github.com/rapportkit/rapport/segment"
	"github.com/rapportkit/rapport/survey"
)

//go:embed data/*.csv
var sample embed.FS

// The four datasets, in the order the report reads and lists them.
var kinds = []string{"surveys", "contacts", "customers", "transactions"}

// format is how the report's files write their cells (see the package
// documentation): ISO 8601 times and dates in UTC ("2025-03-14T09:30:00Z",
// "2025-03-14 09:30:00", "2025-03-14") within the readers' plausible
// window, 1980 to 2099, and decimals with a point or a comma.
var format = row.Format{Decimal: ".,"}

// inputs are the records the report reads; a nil dataset was not given.
type inputs struct {
	csatScale    csat.Scale
	cesScale     ces.Scale
	files        []file   // the files read, in order
	absent       []string // the datasets of -data's directory it lacks
	surveys      *dataset[survey.Response]
	contacts     *dataset[operations.Contact]
	customers    *dataset[churn.Customer]
	transactions *dataset[segment.Transaction]
}

// A dataset is the accepted records of one file.
type dataset[T any] struct {
	file string
	rows []T
}

// A file is one input, and how its rows went: Read = Accepted + Rejected.
type file struct {
	Name string // as printed: the path given, or "sample surveys.csv"
	row.Summary
}

// source opens one input: the user's file, or the embedded sample's.
type source struct {
	name string
	open func() (io.ReadCloser, error)
}

// sources finds the files of the options: the named ones, those of -data's
// directory, or the embedded sample when neither is given. A directory or a
// file given that does not exist is an error saying so.
func sources(o options) (map[string]source, []string, error) {
	named := map[string]string{"surveys": o.surveys, "contacts": o.contacts, "customers": o.customers, "transactions": o.transactions}
	given := o.dir != ""
	for _, kind := range kinds {
		if f := named[kind]; f != "" {
			given = true
			if err := exists(f, false); err != nil {
				return nil, nil, fmt.Errorf("-%s %s: %w", kind, f, err)
			}
		}
	}
	out := map[string]source{}
	if !given {
		for _, kind := range kinds {
			name := "data/" + kind + ".csv"
			out[kind] = source{"sample " + kind + ".csv", func() (io.ReadCloser, error) { return sample.Open(name) }}
		}
		return out, nil, nil
	}
	if o.dir != "" {
		if err := exists(o.dir, true); err != nil {
			return nil, nil, fmt.Errorf("-data %s: %w", o.dir, err)
		}
	}
	var absent []string
	for _, kind := range kinds {
		path := named[kind]
		if path == "" && o.dir != "" {
			path = filepath.Join(o.dir, kind+".csv")
			if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
				absent = append(absent, kind+".csv")
				continue
			}
		}
		if path != "" {
			out[kind] = source{path, func() (io.ReadCloser, error) { return os.Open(path) }}
		}
	}
	if len(out) == 0 {
		return nil, nil, fmt.Errorf("-data %s: the directory holds none of surveys.csv, contacts.csv, customers.csv and transactions.csv", o.dir)
	}
	return out, absent, nil
}

// exists checks that path is there and is (or is not) a directory.
func exists(path string, dir bool) error {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && dir:
		return errors.New("directory does not exist")
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("file does not exist")
	case err != nil:
		return err
	case dir && !info.IsDir():
		return errors.New("not a directory")
	case !dir && info.IsDir():
		return errors.New("a directory, not a file")
	}
	return nil
}

// readInputs reads every file given through the library's readers, and
// lists each rejected row on rejected.
func readInputs(o options, rejected io.Writer) (*inputs, error) {
	in := &inputs{}
	var err error
	if in.csatScale, err = csatScaleOf(o.csatScale); err != nil {
		return nil, err
	}
	if in.cesScale, err = cesScaleOf(o.cesScale); err != nil {
		return nil, err
	}
	src, absent, err := sources(o)
	if err != nil {
		return nil, err
	}
	in.absent = absent
	if s, ok := src["surveys"]; ok {
		in.surveys, err = read(in, s, rejected, func(r io.Reader) recordReader[survey.Response] {
			sr := survey.NewReader(r)
			sr.Format, sr.CSATScale, sr.CESScale = format, in.csatScale, in.cesScale
			return sr
		})
		if err != nil {
			return nil, err
		}
	}
	if s, ok := src["contacts"]; ok {
		in.contacts, err = read(in, s, rejected, func(r io.Reader) recordReader[operations.Contact] {
			cr := operations.NewReader(r)
			cr.Format = format
			return cr
		})
		if err != nil {
			return nil, err
		}
	}
	if s, ok := src["customers"]; ok {
		// The reader rejects a customer id already read: one customer
		// counts once.
		in.customers, err = read(in, s, rejected, func(r io.Reader) recordReader[churn.Customer] {
			cr := churn.NewCustomerReader(r)
			cr.Format = format
			return cr
		})
		if err != nil {
			return nil, err
		}
	}
	if s, ok := src["transactions"]; ok {
		in.transactions, err = read(in, s, rejected, func(r io.Reader) recordReader[segment.Transaction] {
			tr := segment.NewReader(r)
			tr.Format, tr.Options.Refunds = format, true // a negative amount is a refund
			return tr
		})
		if err != nil {
			return nil, err
		}
	}
	return in, nil
}

// recordReader is the shape every reader of the library has.
type recordReader[T any] interface {
	Read() (T, error)
}

// read reads one file to its end: every row is accepted, or rejected and
// listed on rejected with its file, line, column and reason. A file the
// reader cannot go on with (a header without a required column, text that
// is not UTF-8) is an error naming the file.
func read[T any](in *inputs, s source, rejected io.Writer, newReader func(io.Reader) recordReader[T]) (*dataset[T], error) {
	f, err := s.open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := newReader(f)
	d := &dataset[T]{file: s.name}
	sum := file{Name: s.name}
	for {
		v, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var e *row.Error
		if errors.As(err, &e) {
			sum.Reject(e, -1) // counted; listed here rather than kept
			fmt.Fprintln(rejected, "rejected", rejection(s.name, e))
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		sum.Accept()
		d.rows = append(d.rows, v)
	}
	in.files = append(in.files, sum)
	return d, nil
}

// rejection says where a rejected row is and why, its data strings made
// safe for a terminal (ids and columns quoted as %q does, the reason
// cleaned): `surveys.csv:3: id "S2", column "nps": survey: bad score: …`.
func rejection(name string, e *row.Error) string {
	var at []string
	if e.ID != "" {
		at = append(at, fmt.Sprintf("id %q", e.ID))
	}
	if e.Column != "" {
		at = append(at, fmt.Sprintf("column %q", e.Column))
	}
	where := ""
	if len(at) > 0 {
		where = strings.Join(at, ", ") + ": "
	}
	return fmt.Sprintf("%s:%d: %s%s", clean(name), e.Line, where, clean(e.Err.Error()))
}

// latest returns the latest time of the accepted records (survey answers,
// contact arrivals, customer starts and ends, transactions) and the file
// it is in; ok = false without any record.
func (in *inputs) latest() (t time.Time, name string, ok bool) {
	see := func(u time.Time, f string) {
		if u.After(t) {
			t, name, ok = u, f, true
		}
	}
	if d := in.surveys; d != nil {
		for _, r := range d.rows {
			see(r.At, d.file)
		}
	}
	if d := in.contacts; d != nil {
		for _, c := range d.rows {
			see(c.Arrived, d.file)
		}
	}
	if d := in.customers; d != nil {
		for _, c := range d.rows {
			see(c.Start, d.file)
			see(c.End, d.file)
		}
	}
	if d := in.transactions; d != nil {
		for _, x := range d.rows {
			see(x.At, d.file)
		}
	}
	return t, name, ok
}

func csatScaleOf(flag string) (csat.Scale, error) {
	switch flag {
	case "2":
		return csat.Binary, nil
	case "5":
		return csat.FivePoint, nil
	case "7":
		return csat.SevenPoint, nil
	case "10":
		return csat.TenPoint, nil
	}
	return csat.Scale{}, fmt.Errorf("-csat-scale %q: want 2, 5, 7 or 10", flag)
}

func cesScaleOf(flag string) (ces.Scale, error) {
	switch flag {
	case "ease7":
		return ces.SevenPointEase, nil
	case "effort5":
		return ces.FivePointEffort, nil
	}
	return ces.Scale{}, fmt.Errorf("-ces-scale %q: want ease7 or effort5", flag)
}
