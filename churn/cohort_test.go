package churn

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testdata/rates.json, "cohorts": monthly, as of 2025-03-10.
func TestCohortsReference(t *testing.T) {
	want := rates().Cohorts
	tab, err := Cohorts(slices.Values(sample()), Monthly, ts(want.AsOf))
	require.NoError(t, err)
	require.Len(t, tab.Cohorts, len(want.Rows))
	for i, w := range want.Rows {
		t.Run(w.Label, func(t *testing.T) {
			c := tab.Cohorts[i]
			assert.Equal(t, w.Label, c.Period.From.Format("2006-01"))
			assert.Equal(t, w.Size, c.Size)
			assert.Equal(t, w.Active, c.Active)
			require.Len(t, c.RetainedPct, len(w.Active))
			for k, p := range c.RetainedPct {
				if w.Size == 0 {
					assert.Nil(t, p)
				} else if assert.NotNil(t, p) {
					assert.Equal(t, ratio(uint64(w.Active[k]), uint64(w.Size), 100), *p)
				}
			}
		})
	}
	jan := tab.Cohorts[12]
	s, ok := jan.Share(1)
	assert.True(t, ok)
	assert.Equal(t, 0.5, s, "January share 1")
	_, ok = jan.Share(3)
	assert.False(t, ok, "unobserved share")
	_, ok = tab.Cohorts[1].Share(0)
	assert.False(t, ok, "empty cohort share")
	// Retained into month 2: every cohort but February, 8 of 10.
	r, ok := tab.Retention(2)
	assert.True(t, ok)
	assert.Equal(t, 0.8, r)
	assert.Equal(t, 80.0, *tab.RetentionPct[2])
	_, ok = tab.Retention(15)
	assert.False(t, ok)
	lines := strings.Split(tab.String(), "\n")
	assert.Equal(t, "cohort    siz", lines[0][:13])
	assert.True(t, strings.HasPrefix(lines[13], "2025-01      4 100.0%  50.0%  50.0%"), lines[13])
	assert.Contains(t, lines[2], "–")
}

func TestCohortsEdges(t *testing.T) {
	tab, err := Cohorts(slices.Values([]Customer(nil)), Monthly, ts("2025-01-01"))
	require.NoError(t, err)
	assert.Empty(t, tab.Cohorts)
	for _, c := range []struct {
		name      string
		customers []Customer
		cal       Calendar
		asOf      time.Time
		want      error
	}{
		{"bad calendar", sample(), Calendar{Months: -1}, ts("2025-01-01"), ErrPeriod},
		{"no as-of date", sample(), Monthly, time.Time{}, ErrTime},
		// A start 300 million years back used to overflow the size guard
		// and run out of memory; now it is not a plausible time.
		{"300 million years back", []Customer{{ID: "x", Start: time.Date(-300_000_000, 1, 1, 0, 0, 0, 0, time.UTC)}}, Monthly, ts("2025-06-01"), ErrTime},
		{"more than MaxPeriods", []Customer{{ID: "x", Start: ts("1920-01-01")}, {ID: "y", Start: ts("2025-01-01")}}, Monthly, ts("2025-06-01"), ErrPeriod},
		{"duplicate", append(sample(), sample()[0]), Monthly, ts("2025-06-01"), ErrDuplicateID},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Cohorts(slices.Values(c.customers), c.cal, c.asOf)
			assert.ErrorIs(t, err, c.want)
		})
	}
	_, err = Cohorts(slices.Values([]Customer{{ID: "placeholder", Start: ts("1920-01-01")}}), Monthly, ts("2025-06-01"))
	assert.Contains(t, err.Error(), `"placeholder"`)
	q, err := Cohorts(slices.Values(sample()), Quarterly, ts("2025-03-10"))
	require.NoError(t, err)
	assert.Equal(t, 5, q.Cohorts[len(q.Cohorts)-1].Size)
	assert.Contains(t, q.String(), "2025-Q1")
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
	for b.Loop() {
		if _, err := Cohorts(slices.Values(cs), Monthly, asOf); err != nil {
			b.Fatal(err)
		}
	}
}
