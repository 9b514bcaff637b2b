package main

import (
	"strings"
	"testing"
)

// Every data row is accepted or rejected with its line: a BOM, a short
// row, a bare quote and a bad value must all be accounted for.
func TestLoadAccountsForEveryRow(t *testing.T) {
	input := "\uFEFFid,score\n" +
		"a,9\n" +
		"b\n" + // short
		"c,x\n" + // not an integer
		"d,\"7\"x\n" + // bare quote
		"e,10\n"
	got, err := load("t.csv", strings.NewReader(input), []string{"id", "score"}, func(r row) (int, error) {
		return parseInt(r, "score")
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Read != 5 || len(got.Rows) != 2 || len(got.Rejected) != 3 || len(got.Rows)+len(got.Rejected) != got.Read {
		t.Fatalf("read %d, accepted %v, rejected %v", got.Read, got.Rows, got.Rejected)
	}
	for i, want := range []string{"t.csv:3: 1 fields, the header has 2", "t.csv:4: score: \"x\" is not an integer", "t.csv:5: "} {
		if s := got.Rejected[i].String(); !strings.HasPrefix(s, want) {
			t.Errorf("rejection %d = %q, want prefix %q", i, s, want)
		}
	}
	if _, err := load("t.csv", strings.NewReader("id\n1\n"), []string{"id", "score"}, func(r row) (int, error) { return 0, nil }); err == nil {
		t.Error("missing column accepted")
	}
}
