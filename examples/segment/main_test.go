package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// reference is testdata/reference.json, recomputed in numpy and exact
// fractions from main.go's orders by testdata/reference.py.
type reference struct {
	Customers []struct {
		ID        string `json:"id"`
		Days      int    `json:"days"`
		Purchases int    `json:"purchases"`
		Amount    string `json:"amount"`
		Score     string `json:"score"`
		Segment   string `json:"segment"`
	} `json:"customers"`
	RecencyCutsDays []int    `json:"recency_cuts_days"`
	FrequencyCuts   []int    `json:"frequency_cuts"`
	MonetaryCuts    []string `json:"monetary_cuts"`
	Moves           struct{ Up, Down, Stay, New, Lost int }
	Events          [][]string `json:"events"`
	Revenue         string     `json:"revenue"`
	Top20Pct        float64    `json:"top20_pct"`
	For80           int        `json:"for80"`
	Gini            float64    `json:"gini"`
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// The program prints the reference's scores, segments, tier moves and
// concentration.
func TestRun(t *testing.T) {
	b, err := os.ReadFile("testdata/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref reference
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	want := []string{
		fmt.Sprintf("%d customers: R ≤ %v days, F ≥ %v, M ≥ %v", len(ref.Customers), ref.RecencyCutsDays, ref.FrequencyCuts, ref.MonetaryCuts),
		fmt.Sprintf("%d up, %d down, %d stay, %d new, %d lost", ref.Moves.Up, ref.Moves.Down, ref.Moves.Stay, ref.Moves.New, ref.Moves.Lost),
		fmt.Sprintf("revenue %s.00: the top 20%% of customers make %.1f%% of it, %d of %d make 80%%; Gini %.3f",
			ref.Revenue, ref.Top20Pct, ref.For80, len(ref.Customers), ref.Gini),
	}
	for _, c := range ref.Customers {
		line := fmt.Sprintf("%s %s (%d %s, %d %s, %s)", c.ID, c.Score, c.Days, plural(c.Days, "day", "days"),
			c.Purchases, plural(c.Purchases, "purchase", "purchases"), c.Amount)
		want = append(want, fmt.Sprintf("%-45s %s", line, c.Segment))
	}
	for _, e := range ref.Events {
		want = append(want, fmt.Sprintf("%s %s: %q → %q", e[0], e[1], e[2], e[3]))
	}
	for _, w := range want {
		t.Run(strings.Fields(w)[0], func(t *testing.T) {
			if !strings.Contains(out.String(), w) {
				t.Errorf("output lacks %q:\n%s", w, out.String())
			}
		})
	}
}
