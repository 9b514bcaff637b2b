package main

import (
	"bytes"
	"strings"
	"testing"
)

// June is worked by hand (6 at the start, jon joins, dee and gus leave; ada
// renewed and gus left at his term end). R 4.2 survival::survfit on the lifetimes in
// days (533+ 213 61 416 395+ 92 258 172+ 31 45+ 23+) gives median 258 and
// S(365) = 0.405. The sBG figures are Fader & Hardie's (α 0.704, β 1.182).
// eve's risk: 2 of 3 complaints × 25 + 60/90 × 25 + 4/6 × 20 = 46.7.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"6 → 5 customers (+1 −2), churn 33.3%, retention 66.7%, base churn 33.3%, renewal churn 50.0% of 2 renewals decided",
		"renewals due in June: 2 (1 renewed, 1 lost, 0 open)",
		"median lifetime 258 days (6 lost, 5 still customers); 40% stay a year",
		"sBG(α = 0.7041, β = 1.182): year 7 observed 241, fitted 239; projected years 8–12 [220 204 191 180 170]",
		"62.7% in year 1, 92.1% in year 8",
		"eve risk 46.7: complaints 16.7, contract-ending 16.7, fewer-orders 13.3",
		"hole in the rocket: 14.0% dissatisfied, 0.8% complain (1 in 19 voices it)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
