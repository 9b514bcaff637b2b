package main

import (
	"bytes"
	"strings"
	"testing"
)

// The figures were checked with scipy 1.10 ttest_ind(equal_var=False) and
// statsmodels multipletests(method="holm") on the expanded answers: Welch p
// against app 0.2643, 3.10e-08 and 1.74e-15, Holm 0.2643, 6.21e-08 and
// 5.23e-15; chatbot mean effort 2.4154, net 0.3846, ease 0.6462.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"app      100    5.78      +78.0  79.7%  best",
		"chat     140    5.58      +72.9  76.3%  -0.20, Holm p = 0.26\n",
		"email    118    4.62      +33.9  60.3%  -1.16, Holm p = 6.2e-08, harder",
		"phone    162    4.17      +14.2  52.9%  -1.61, Holm p = 5.2e-15, harder",
		"n=130, mean 2.42, net index +38.5, ease 64.6%",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
