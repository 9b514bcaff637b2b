package churn

import (
	"fmt"
	"strings"
	"time"
)

// Cohort is one row of a cohort table: the customers acquired in one
// calendar period and how many of them were still there in each later
// period.
type Cohort struct {
	// Period is the acquisition period.
	Period Period `json:"period"`
	// Size is the number of customers acquired in it.
	Size int `json:"size"`
	// Active[k] is the number of them not lost before the start of the
	// k-th period after acquisition (Active[0] = Size): those carried into
	// period k, in the sense of Flow's opening base. Only periods started
	// by the table's as-of date are present, so younger cohorts have
	// shorter rows.
	Active []int `json:"active"`
}

// Share returns Active[k] ÷ Size, the share of the cohort retained into
// period k; ok = false for an empty cohort or an unobserved period.
func (c Cohort) Share(k int) (float64, bool) {
	if k < 0 || k >= len(c.Active) {
		return 0, false
	}
	return ratio(c.Active[k], c.Size)
}

// CohortTable is the classic retention triangle: one row per acquisition
// period from the earliest to the latest (empty periods included), one
// column per period since acquisition.
type CohortTable struct {
	Calendar Calendar  `json:"-"`
	AsOf     time.Time `json:"as_of"`
	Cohorts  []Cohort  `json:"cohorts"`
}

// Cohorts builds the cohort table of customers on calendar cal as of
// asOf, after checking the customers (see Validate). A customer belongs to
// the cohort of the period containing its Start and counts in column k
// while End is zero or not before the start of period k; customers who
// start at or after asOf are left out, and losses at or after asOf are not
// yet known, so every cell is final once its period has started. A table
// spanning more than about 10⁷ cells is refused with ErrPeriod.
func Cohorts(customers []Customer, cal Calendar, asOf time.Time) (*CohortTable, error) {
	if err := cal.Validate(); err != nil {
		return nil, err
	}
	if err := Validate(customers); err != nil {
		return nil, err
	}
	t := &CohortTable{Calendar: cal, AsOf: asOf}
	now := cal.Index(asOf)
	first, last := 0, -1
	for _, c := range customers {
		if !c.Start.Before(asOf) {
			continue
		}
		i := cal.Index(c.Start)
		if last < first {
			first, last = i, i
		}
		first, last = min(first, i), max(last, i)
	}
	if last < first {
		return t, nil
	}
	if rows, cols := last-first+1, now-first+1; rows*cols > maxCohortCells*2 {
		return nil, fmt.Errorf("%w: %d cohorts over %d periods is more than the %d cells a table holds", ErrPeriod, rows, cols, maxCohortCells)
	}
	// ends[row][k] counts members whose last observed column is k.
	ends := make([][]int, last-first+1)
	for r := range ends {
		ends[r] = make([]int, now-(first+r)+1)
	}
	for _, c := range customers {
		if !c.Start.Before(asOf) {
			continue
		}
		i := cal.Index(c.Start)
		k := now - i
		if !c.End.IsZero() {
			k = min(k, cal.Index(c.End)-i)
		}
		ends[i-first][k]++
	}
	t.Cohorts = make([]Cohort, len(ends))
	for r, e := range ends {
		active := make([]int, len(e))
		n := 0
		for k := len(e) - 1; k >= 0; k-- {
			n += e[k]
			active[k] = n
		}
		t.Cohorts[r] = Cohort{Period: cal.Period(first + r), Size: n, Active: active}
	}
	return t, nil
}

// maxCohortCells bounds a cohort table: a stray start date centuries back
// must not allocate gigabytes.
const maxCohortCells = 10_000_000

// Retention returns the share of customers retained into period k across
// every cohort observed that long, Σ Active[k] ÷ Σ Size (each cohort
// weighted by its size); ok = false when no customer has been observed
// for k periods.
func (t *CohortTable) Retention(k int) (float64, bool) {
	var kept, size int
	for _, c := range t.Cohorts {
		if k >= 0 && k < len(c.Active) {
			kept += c.Active[k]
			size += c.Size
		}
	}
	return ratio(kept, size)
}

// String renders the table with shares in percent, e.g.
//
//	cohort   size      0      1      2
//	2025-01     4 100.0%  75.0%  50.0%
//	2025-02     2 100.0%  50.0%
func (t *CohortTable) String() string {
	var b strings.Builder
	cols := 0
	for _, c := range t.Cohorts {
		cols = max(cols, len(c.Active))
	}
	fmt.Fprintf(&b, "%-8s %5s", "cohort", "size")
	for k := range cols {
		fmt.Fprintf(&b, " %6d", k)
	}
	for _, c := range t.Cohorts {
		fmt.Fprintf(&b, "\n%-8s %5d", t.Calendar.label(c.Period.From), c.Size)
		for k := range c.Active {
			if s, ok := c.Share(k); ok {
				fmt.Fprintf(&b, " %5.1f%%", 100*s)
			} else {
				fmt.Fprintf(&b, " %6s", "–")
			}
		}
	}
	return b.String()
}

// label names the period starting at t: "2025" for years, "2025-Q1" for
// quarters, "2025-01" otherwise.
func (c Calendar) label(t time.Time) string {
	switch c.months() {
	case 12:
		return t.Format("2006")
	case 3:
		return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())+2)/3)
	}
	return t.Format("2006-01")
}
