package main

import (
	"bytes"
	"strings"
	"testing"
)

// The figures were checked with statsmodels 0.13 (proportion_confint
// method="wilson", proportions_ztest): Q1 21 of 30 satisfied, Wilson
// 52.12–83.34 %; Q2 22 of 27, 63.30–91.82 %; z = 1.005, p = 0.3147.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`skipped: csat: unknown label "Sans avis"`,
		"Q1: 30 answers, 70.0% satisfied (95% Wilson 52.1–83.3%), 4 dissatisfied, mean 3.77/5 → fair",
		"Q2: 27 answers, 81.5% satisfied (95% Wilson 63.3–91.8%), 2 dissatisfied, mean 4.07/5 → very good",
		"z = 1.01, p = 0.31",
		"within the noise",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
