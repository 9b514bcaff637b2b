package main

import "time"

// report is every figure of the report, computed once and rendered as text
// or HTML.
type report struct {
	AsOf       time.Time
	Window     window
	Files      []fileSummary
	Rejections int
	Surveys    *surveySection
	Contacts   *contactSection
	Staffing   *staffingSection
	Churn      *churnSection
	Segments   *segmentSection
}

func build(in *inputs, asOf time.Time, months int) (*report, error) {
	w := newWindow(asOf, months)
	r := &report{AsOf: asOf, Window: w, Files: in.files(), Rejections: len(in.rejections())}
	var err error
	if r.Surveys, err = buildSurveys(in, w); err != nil {
		return nil, err
	}
	if r.Contacts, err = buildContacts(in, w); err != nil {
		return nil, err
	}
	if r.Staffing, err = buildStaffing(in, w); err != nil {
		return nil, err
	}
	if r.Churn, err = buildChurn(in, w, asOf); err != nil {
		return nil, err
	}
	if r.Segments, err = buildSegments(in, w, asOf); err != nil {
		return nil, err
	}
	return r, nil
}
