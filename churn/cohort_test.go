package churn

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// testdata/reference.py, "# cohorts, monthly, as of 2025-03-10".
func TestCohortsReference(t *testing.T) {
	tab, err := Cohorts(sample(), Monthly, ts("2025-03-10"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]int{
		"2024-01": {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0},
		"2024-03": {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0},
		"2024-06": {1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
		"2024-09": {1, 1, 1, 1, 1, 1, 0},
		"2024-11": {1, 1, 1, 0, 0},
		"2024-12": {1, 1, 1, 1},
		"2025-01": {4, 2, 2},
		"2025-02": {1, 1},
	}
	if len(tab.Cohorts) != 14 {
		t.Fatalf("%d cohorts", len(tab.Cohorts))
	}
	for i, c := range tab.Cohorts {
		label := c.Period.From.Format("2006-01")
		w, ok := want[label]
		if !ok {
			w = make([]int, 15-i) // an empty month
		}
		if !slices.Equal(c.Active, w) || c.Size != w[0] {
			t.Errorf("cohort %s: size %d active %v, want %v", label, c.Size, c.Active, w)
		}
	}
	jan := tab.Cohorts[12]
	if s, ok := jan.Share(1); !ok || s != 0.5 {
		t.Errorf("January share 1 = %v %v", s, ok)
	}
	if _, ok := jan.Share(3); ok {
		t.Error("unobserved share ok")
	}
	if _, ok := tab.Cohorts[1].Share(0); ok {
		t.Error("empty cohort share ok")
	}
	// Retained into month 2: every cohort but February, 8 of 10.
	if r, ok := tab.Retention(2); !ok || r != 0.8 {
		t.Errorf("Retention(2) = %v %v", r, ok)
	}
	if _, ok := tab.Retention(15); ok {
		t.Error("Retention(15) ok")
	}
	lines := strings.Split(tab.String(), "\n")
	if lines[0][:13] != "cohort    siz" || !strings.HasPrefix(lines[13], "2025-01      4 100.0%  50.0%  50.0%") || !strings.Contains(lines[2], "–") {
		t.Errorf("String:\n%s", tab)
	}
}

func TestCohortsEdges(t *testing.T) {
	tab, err := Cohorts(nil, Monthly, ts("2025-01-01"))
	if err != nil || len(tab.Cohorts) != 0 {
		t.Errorf("no customers: %v %v", tab, err)
	}
	if _, err := Cohorts(sample(), Calendar{Months: -1}, ts("2025-01-01")); !errors.Is(err, ErrCalendar) {
		t.Errorf("bad calendar err = %v", err)
	}
	old := []Customer{{ID: "x", Start: time.Date(2, 1, 1, 0, 0, 0, 0, time.UTC)}, {ID: "y", Start: ts("2025-01-01")}}
	if _, err := Cohorts(old, Monthly, ts("2025-06-01")); !errors.Is(err, ErrPeriod) {
		t.Errorf("huge table err = %v", err)
	}
	q, _ := Cohorts(sample(), Quarterly, ts("2025-03-10"))
	if got := q.Cohorts[len(q.Cohorts)-1]; got.Size != 5 || !strings.Contains(q.String(), "2025-Q1") {
		t.Errorf("quarterly: %+v\n%s", got, q)
	}
}

func BenchmarkCohorts10k(b *testing.B) {
	cs := make([]Customer, 10_000)
	t0 := ts("2020-01-01")
	for i := range cs {
		start := t0.Add(time.Duration(i*37%1800) * 24 * time.Hour)
		cs[i] = Customer{ID: string(rune('a'+i%26)) + strings.Repeat("x", i/26%3) + time.Duration(i).String(), Start: start}
		if i%3 == 0 {
			cs[i].End = start.Add(time.Duration(i%700) * 24 * time.Hour)
		}
	}
	asOf := ts("2025-01-01")
	b.ResetTimer()
	for b.Loop() {
		if _, err := Cohorts(cs, Monthly, asOf); err != nil {
			b.Fatal(err)
		}
	}
}
