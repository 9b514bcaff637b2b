package main

import (
	"bytes"
	"strings"
	"testing"
)

// Recomputed in numpy from the per-customer (days, purchases, amount):
// score = 1 + ⌊5·L/n⌋ with L the customers strictly worse gives ann 555, bob
// 244, cid 445 … jon 112; the population Gini of the amounts is 0.72977; the
// top two customers (cid 24300, ann 3095) make 27395 of 35575, 77.0 %.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"10 customers: R ≤ [138 69 29 11] days, F ≥ [2 3 3 6], M ≥ [180 540 2130 3095]",
		"ann 555 (11 days, 6 purchases, 3095)          Champions",
		"bob 244 (90 days, 3 purchases, 3050)          At Risk",
		"cid 445 (29 days, 4 purchases, 24300)         Loyal Customers",
		"eve 511 (4 days, 1 purchase, 95)              New Customers",
		"jon 112 (193 days, 1 purchase, 300)           Lost",
		"2 up, 1 down, 3 stay, 2 new, 2 lost",
		`hal upgrade: "bronze" → "gold"`,
		`bob downgrade: "gold" → "silver"`,
		"revenue 35575.00: the top 20% of customers make 77.0% of it, 3 of 10 make 80%; Gini 0.730",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
