package main

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
)

// The sample's renewal line counts renewals: it used to read "renewal
// churn 100.0 % of 176 customers up for renewal", as a customer who
// renewed was never seen up for renewal.
func TestSampleRenewals(t *testing.T) {
	var out bytes.Buffer
	if err := run(options{months: 12, csatScale: "5", cesScale: "ease7"}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`renewal churn (\d+\.\d) % of (\d+) renewals decided \((\d+) due in the months: (\d+) renewed, (\d+) lost`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no renewal line in\n%s", out.String())
	}
	churnPct, _ := strconv.ParseFloat(m[1], 64)
	decided, _ := strconv.Atoi(m[2])
	renewed, _ := strconv.Atoi(m[4])
	lost, _ := strconv.Atoi(m[5])
	if churnPct <= 0 || churnPct >= 50 || decided < 500 || renewed+lost != decided {
		t.Errorf("renewal line %q: churn %v %% of %d decided (%d renewed, %d lost)", m[0], churnPct, decided, renewed, lost)
	}
}

func TestParseRenewals(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
		ok   bool
	}{{"", 0, true}, {"2024-01-10", 1, true}, {"2024-01-10;2025-01-10", 2, true}, {"2024-01-10;soon", 0, false}} {
		got, err := parseRenewals(c.text)
		if (err == nil) != c.ok || len(got) != c.n {
			t.Errorf("parseRenewals(%q) = %v, %v", c.text, got, err)
		}
	}
}
