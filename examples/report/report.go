package main

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/rapportkit/rapport/survey"
	"github.com/shopspring/decimal"
)

// report is every figure of the report, computed once and rendered as text
// or HTML.
type report struct {
	AsOf       time.Time
	AsOfNote   string // how the as-of date was chosen
	Window     window
	Files      []file
	Absent     []string
	Rejections int
	Link       *survey.Link // how the responses matched the contacts they rate
	LinkErr    error        // why they could not be matched
	Surveys    *surveySection
	Contacts   *contactSection
	Staffing   *staffingSection
	Churn      *churnSection
	Segments   *segmentSection
	CLV        *clvSection
}

// costs are the plan's cost inputs, which the data do not hold.
type costs struct {
	hourly, perContact decimal.Decimal
}

func build(in *inputs, asOf time.Time, asOfNote string, months int, c costs) (*report, error) {
	w := newWindow(asOf, months)
	r := &report{AsOf: asOf, AsOfNote: asOfNote, Window: w, Files: in.files, Absent: in.absent}
	for _, f := range in.files {
		r.Rejections += f.Rejected
	}
	// A response takes the channel and the customer of the contact it
	// rates where it names none itself.
	if in.surveys != nil && in.contacts != nil {
		link, err := survey.Join(in.surveys.rows, slices.Values(in.contacts.rows))
		switch {
		case errors.Is(err, survey.ErrDuplicateID):
			r.LinkErr = err
		case err != nil:
			return nil, err
		default:
			r.Link = &link
		}
	}
	var err error
	if r.Surveys, err = buildSurveys(in, w); err != nil {
		return nil, err
	}
	if r.Contacts, err = buildContacts(in, w); err != nil {
		return nil, err
	}
	if r.Staffing, err = buildStaffing(in, w, r.Contacts, c.hourly, c.perContact); err != nil {
		return nil, err
	}
	if r.Segments, err = buildSegments(in, w); err != nil {
		return nil, err
	}
	if r.CLV, err = buildCLV(in, w, r.Segments); err != nil {
		return nil, err
	}
	if r.Churn, err = buildChurn(in, w, r.CLV); err != nil {
		return nil, err
	}
	return r, nil
}

// defaultAsOf returns the first day of the month after the latest record
// the readers accepted, and says so: a row dated in 2205 is rejected by
// the readers' plausible window, so it never moves the report.
func defaultAsOf(in *inputs) (time.Time, string, error) {
	latest, name, ok := in.latest()
	if !ok {
		return time.Time{}, "", fmt.Errorf("no record accepted in any file: nothing to report")
	}
	latest = latest.UTC()
	asOf := time.Date(latest.Year(), latest.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	return asOf, fmt.Sprintf("the first day of the month after the latest record accepted, %s in %s (-asof to choose)",
		latest.Format("2006-01-02 15:04:05"), clean(name)), nil
}
