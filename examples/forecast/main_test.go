package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/operations"
)

// The program runs end to end; what it prints is checked against what the
// generated data imply, independently of the packages: the contacts
// binned are the contacts generated, the holiday is closed, the weekday
// mean (which ignores the growth) is biased low where Holt–Winters with a
// trend is not, and every plan costs more when staffed with more agents.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	per := map[operations.Channel]int{}
	for _, c := range contacts() {
		per[c.Channel]++
	}
	for _, c := range channels {
		section := text[strings.Index(text, "== "+c.ch.String()):]
		if next := strings.Index(section[3:], "== "); next > 0 {
			section = section[:next+3]
		}
		for _, want := range []string{
			fmt.Sprintf("history: %d contacts in ", per[c.ch]),
			"2026-04-06 Mon      0.0 contacts, holiday",
			"week 14 (2026-03-30 to 2026-04-05)",
			"offset agents positions",
			"shifts for the first week:\n2026-03-30: cost ",
		} {
			if !strings.Contains(section, want) {
				t.Errorf("%v: output lacks %q:\n%s", c.ch, want, section)
			}
		}
		bias := regexp.MustCompile(`backtest: (\S+) .*?days WAPE ([\d.]+)%, MAPE [\d.]+% \(\d+ zero\), bias (-?[\d.]+)%`).FindAllStringSubmatch(section, -1)
		if len(bias) != 2 || bias[0][1] != "weekday-mean" || bias[1][1] != "holt-winters" {
			t.Fatalf("%v: backtests %q", c.ch, bias)
		}
		mean, hw := num(t, bias[0][3]), num(t, bias[1][3])
		if !(mean < -5 && hw > mean) {
			t.Errorf("%v: bias weekday-mean %v%%, holt-winters %v%%", c.ch, mean, hw)
		}
		if num(t, bias[1][2]) >= num(t, bias[0][2]) {
			t.Errorf("%v: holt-winters does not beat the weekday mean: %v", c.ch, bias)
		}
		costs := regexp.MustCompile(`(?m)^ *[-+]\d+ .* (\d+\.\d\d) +(\d+\.\d\d) +\d+$`).FindAllStringSubmatch(section, -1)
		if len(costs) != 5 {
			t.Fatalf("%v: table rows %q", c.ch, costs)
		}
		for i := 1; i < len(costs); i++ {
			if num(t, costs[i][1]) <= num(t, costs[i-1][1]) {
				t.Errorf("%v: cost falls from %s to %s with more agents", c.ch, costs[i-1][1], costs[i][1])
			}
		}
	}
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
