package main

import (
	"bytes"
	"strings"
	"testing"
)

// The KPIs are worked by hand from the twelve contacts: 7 of 10 presented
// answered; 3 of the 8 queued phone and chat contacts answered within 20 s;
// ASA 173 s / 6; AHT (37 + 7) min / 7; 5 of 7 issues resolved at first
// contact (bob's and gus's are reopened); 41.90 over 9 handled. Erlang C is
// the reference case (14 agents, 20 positions). For Erlang A the
// stationary distribution of the M/M/n+M chain, summed in numpy, gives with
// 12 agents P(abandon) 0.0427 and with 13 P(wait) 0.2258, P(abandon) 0.0250,
// occupancy 0.7500; the service levels come from the package's own
// mpmath-checked code.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"12 contacts, 7 calls, 10 presented to agents, 7 answered, 2 abandoned",
		"reachability       70.0%",
		"service level 20 s 37.5%",
		"ASA                28.8s",
		"abandonment        25.0%",
		"AHT                6m17.1s",
		"FCR                71.4% of 7 issues",
		"cost per contact   4.66 (total 41.90)",
		"Erlang C: 20 positions for 14 agents on 10.00 Erlangs: P(wait) 17.4%, SL 88.8% in 20s",
		"Erlang A: 19 positions for 13 agents on 10.00 Erlangs: P(wait) 22.6%, SL 85.8% in 20s, ASA 6.9s, abandonment 2.5%, occupancy 75.0%",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
