package main

import (
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/rapportkit/rapport/ces"
	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/csat"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/segment"
)

//go:embed data/*.csv
var sample embed.FS

// inputs are the four datasets; a nil one was not given.
type inputs struct {
	csatScale    csat.Scale
	cesScale     ces.Scale
	surveys      *loaded[survey]
	contacts     *loaded[operations.Contact]
	customers    *loaded[churn.Customer]
	transactions *loaded[segment.Transaction]
}

// source opens one dataset: the user's file, or the embedded sample.
type source struct {
	name string // as reported
	open func() (io.ReadCloser, error)
}

func sources(o options) map[string]*source {
	files := map[string]string{"surveys": o.surveys, "contacts": o.contacts, "customers": o.customers, "transactions": o.transactions}
	given := o.dir != ""
	for _, f := range files {
		given = given || f != ""
	}
	out := map[string]*source{}
	for kind, file := range files {
		switch {
		case file == "" && o.dir != "":
			file = filepath.Join(o.dir, kind+".csv")
			if _, err := os.Stat(file); err != nil {
				continue // the directory lacks this dataset: leave it out
			}
		case file == "" && given:
			continue
		case file == "":
			name := "data/" + kind + ".csv"
			out[kind] = &source{name: "sample " + kind + ".csv", open: func() (io.ReadCloser, error) { return sample.Open(name) }}
			continue
		}
		out[kind] = &source{name: file, open: func() (io.ReadCloser, error) { return os.Open(file) }}
	}
	return out
}

func readInputs(o options) (*inputs, error) {
	in := &inputs{}
	var err error
	if in.csatScale, err = csatScaleOf(o.csatScale); err != nil {
		return nil, err
	}
	if in.cesScale, err = cesScaleOf(o.cesScale); err != nil {
		return nil, err
	}
	src := sources(o)
	if s := src["surveys"]; s != nil {
		if in.surveys, err = read(s, surveyColumns, in.parseSurvey); err != nil {
			return nil, err
		}
	}
	if s := src["contacts"]; s != nil {
		if in.contacts, err = readContacts(s); err != nil {
			return nil, err
		}
	}
	if s := src["customers"]; s != nil {
		if in.customers, err = read(s, customerColumns, parseCustomer); err != nil {
			return nil, err
		}
		in.rejectDuplicateCustomers()
	}
	if s := src["transactions"]; s != nil {
		if in.transactions, err = read(s, transactionColumns, parseTransaction); err != nil {
			return nil, err
		}
	}
	return in, nil
}

func read[T any](s *source, columns []string, parse func(row) (T, error)) (*loaded[T], error) {
	f, err := s.open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l, err := load(s.name, f, columns, parse)
	return &l, err
}

// rejections lists every rejected row of every file.
func (in *inputs) rejections() []rejection {
	var all []rejection
	if in.surveys != nil {
		all = append(all, in.surveys.Rejected...)
	}
	if in.contacts != nil {
		all = append(all, in.contacts.Rejected...)
	}
	if in.customers != nil {
		all = append(all, in.customers.Rejected...)
	}
	if in.transactions != nil {
		all = append(all, in.transactions.Rejected...)
	}
	return all
}

// files summarises what each file gave.
func (in *inputs) files() []fileSummary {
	var out []fileSummary
	add := func(file string, read, accepted, rejected int) {
		out = append(out, fileSummary{File: file, Read: read, Accepted: accepted, Rejected: rejected})
	}
	if l := in.surveys; l != nil {
		add(l.File, l.Read, len(l.Rows), len(l.Rejected))
	}
	if l := in.contacts; l != nil {
		add(l.File, l.Read, len(l.Rows), len(l.Rejected))
	}
	if l := in.customers; l != nil {
		add(l.File, l.Read, len(l.Rows), len(l.Rejected))
	}
	if l := in.transactions; l != nil {
		add(l.File, l.Read, len(l.Rows), len(l.Rejected))
	}
	return out
}

type fileSummary struct {
	File                     string
	Read, Accepted, Rejected int
}

// asOf returns the as-of date: the flag's, or the first day of the month
// after the latest record.
func (in *inputs) asOf(flagValue string) (time.Time, error) {
	if flagValue != "" {
		t, err := time.Parse(time.DateOnly, flagValue)
		if err != nil {
			return time.Time{}, fmt.Errorf("-asof %q: want 2006-01-02", flagValue)
		}
		return t, nil
	}
	var latest time.Time
	see := func(t time.Time) {
		if t.After(latest) {
			latest = t
		}
	}
	if in.surveys != nil {
		for _, s := range in.surveys.Rows {
			see(s.At)
		}
	}
	if in.contacts != nil {
		for _, c := range in.contacts.Rows {
			see(c.Arrived)
		}
	}
	if in.customers != nil {
		for _, c := range in.customers.Rows {
			see(c.Start)
			see(c.End)
		}
	}
	if in.transactions != nil {
		for _, t := range in.transactions.Rows {
			see(t.At)
		}
	}
	if latest.IsZero() {
		return time.Time{}, fmt.Errorf("no records: nothing to report")
	}
	return monthStart(latest).AddDate(0, 1, 0), nil
}

// rejectDuplicateCustomers keeps the first row of each customer id and
// rejects the others, so every later figure counts a customer once.
func (in *inputs) rejectDuplicateCustomers() {
	l := in.customers
	seen := map[string]bool{}
	kept, lines := l.Rows[:0], l.lines[:0]
	for i, c := range l.Rows {
		if seen[c.ID] {
			l.Rejected = append(l.Rejected, rejection{l.File, l.lines[i], fmt.Sprintf("duplicate customer id %q", c.ID)})
			continue
		}
		seen[c.ID] = true
		kept, lines = append(kept, c), append(lines, l.lines[i])
	}
	l.Rows, l.lines = slices.Clip(kept), slices.Clip(lines)
	slices.SortStableFunc(l.Rejected, func(a, b rejection) int { return a.Line - b.Line })
}
