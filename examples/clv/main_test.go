package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// The fits reproduce the published CDNOW estimates (Fader, Hardie & Lee
// 2005: BG/NBD r = 0.243, α = 4.414, a = 0.793, b = 2.426; Pareto/NBD
// r = 0.553, α = 10.58, s = 0.606, β = 11.67; Gamma-Gamma p = 6.25,
// q = 3.74, v = 15.44, corr 0.11), and the histogram counts every one of
// the 2,357 customers; the 1,411 who never bought again are certainly
// active under the BG/NBD model.
func TestRun(t *testing.T) {
	customers, err := readSummaries(bytes.NewReader(cdnowCSV))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(&out, customers); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"BG/NBD(r = 0.2426, α = 4.414, a = 0.7929, b = 2.426)",
		"2357 customers (1016 groups): LL = -9582.43",
		"Pareto/NBD(r = 0.5533, α = 10.58, s = 0.6062, β = 11.67)",
		"LL = -9594.97",
		"Gamma-Gamma(p = 6.249, q = 3.745, v = 15.45)",
		"corr(x, spend) = 0.114",
		"for 2357 customers",
		"top 10 customers by CLV:",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "warning") {
		t.Errorf("a correlation of 0.11 is no reason for a warning:\n%s", got)
	}
	total := 0
	for _, line := range strings.Split(got, "\n") {
		var lo, hi, n int
		if _, err := histogramLine(line, &lo, &hi, &n); err == nil {
			total += n
			if lo == 90 && n < 1411 {
				t.Errorf("P(alive) 90–100%%: %d customers, want at least the 1411 one-time buyers", n)
			}
		}
	}
	if total != 2357 {
		t.Errorf("the histogram counts %d customers, want 2357:\n%s", total, got)
	}
}

// histogramLine reads a histogram line "   10– 20%     12  #".
func histogramLine(line string, lo, hi, n *int) (int, error) {
	return fmt.Sscanf(strings.TrimSpace(line), "%d–%d%% %d", lo, hi, n)
}

// -orders reads an export of orders into weekly summaries: the 40
// customers of clv's reference orders (summarised with pandas in
// clv/testdata/golden.json: c02 has 4 repeat days, the last 201 days
// after the first, 603 days before the as-of date).
func TestSummarise(t *testing.T) {
	s, err := summarise("../../clv/testdata/orders.csv", "2024-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 40 {
		t.Fatalf("%d customers, want 40", len(s))
	}
	c := s[2]
	if c.ID != "c02" || c.X != 4 || c.Tx != 201.0/7 || c.T != 603.0/7 {
		t.Errorf("c02: %+v", c)
	}
	if _, err := summarise("../../clv/testdata/orders.csv", "31/12/2024"); err == nil {
		t.Error("a bad -asof was accepted")
	}
}
