package main

import (
	"bytes"
	"strings"
	"testing"
)

// The figures were checked with scipy 1.10 (norm.ppf) and the formulas of
// nps/testdata/reference.py: spring 12/4/4 of 20, adjusted Wald
// +2.09…+67.47; autumn 8/5/7, Δ −35.0, Wald −86.62…+16.62, z = −1.329,
// p = 0.1839; the plan n₀ = 937.3.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"spring: NPS +40.0 (95% adjusted-wald +2.1…+67.5), n=20: 12 promoters, 4 passives, 4 detractors",
		"autumn vs spring: Δ -35.0 points (95% wald CI -86.6…+16.6), z = -1.33, p = 0.18",
		"answers needed for ±5 points: 938",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
