package main

import (
	"bytes"
	"strings"
	"testing"
)

// The figures were worked by hand from the CSV texts in main.go:
//
//   - first replies 35 min, 16 h 20, 18 h, 25 h (mean 59 h 55 min ÷ 4 =
//     14 h 58 min 45 s); in the opening hours (weekdays 9–18 in Paris)
//     35 min, 20 + 60 min, 90 min (Friday 16:30–18:00), 0 (a Saturday):
//     mean 51 min 15 s; business resolutions 3 h, 1 h 20, 1 h 30 + 2 h 30
//     (Friday and Monday): mean 2 h 46 min 40 s; one solved ticket of 3
//     has one reply, one was reopened; the urgent ticket of Saturday
//     waited 25 h for a 1 h target; at Monday noon tickets 104 (50 h
//     old) and 105 (4 h) are open;
//   - ada's chatbot hands her to chat (bot → agent), cyd's tier-1 call is
//     transferred to tier 2 (agent → agent) and ends with a repeat
//     e-mail; bob's chatbot resolves alone: of the two journeys a bot
//     starts one is contained and one escalated; 4 of 6 steps are
//     digital, 2 of 6 automated;
//   - handling is 6 h 10 on contact + 20 min after-contact work = 6 h 30
//     of 7 h open (occupancy 92.9 %) and of 7 h 55 logged in (82.1 %);
//     31 contacts: AHT 390 min ÷ 31 = 12 min 35 s; lea 185 min ÷ 17 and
//     max 205 min ÷ 14: mean 12 min 46 s; lea leaves for her break 10
//     minutes early: 3 h 50 of 4 h in adherence.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"tickets: 5 rows read, 5 accepted",
		"first reply: n=4 mean 14h58m45s",
		"first reply (business hours): n=4 mean 51m15s",
		"resolution (business hours): n=3 mean 2h46m40s",
		"one-touch 33.3%, reopened 33.3%",
		`SLA "urgent": first reply breached 1 of 2 (50.0%)`,
		"2 open, oldest 50h0m0s",
		"journeys 3, steps 6",
		"agent→agent 1, bot→agent 1",
		"automated journeys 2: contained 50.0%, escalated 50.0%",
		"digital share 66.7%, self-service share 33.3%",
		"occupancy                  92.9 %",
		"utilization                82.1 %",
		"AHT                        12m35s",
		"mean 12m46s",
		"lea: scheduled 4.00 h, in adherence 3.83 h, worked 4.00 h: adherence 95.8 %, conformance 100.0 %",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
