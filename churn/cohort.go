package churn

import (
	"fmt"
	"iter"
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
	// RetainedPct[k] is Active[k] ÷ Size in percent, nil for an empty
	// cohort.
	RetainedPct []*float64 `json:"retained_pct"`
}

// Share returns Active[k] ÷ Size, the share of the cohort retained into
// period k; ok = false for an empty cohort or an unobserved period.
func (c Cohort) Share(k int) (float64, bool) {
	if k < 0 || k >= len(c.Active) {
		return 0, false
	}
	return share(uint64(c.Active[k]), uint64(c.Size))
}

// CohortTable is the classic retention triangle: one row per acquisition
// period from the earliest to the latest (empty periods included), one
// column per period since acquisition. RetentionPct[k] is Retention(k) in
// percent, nil where no customer has been observed for k periods.
type CohortTable struct {
	Calendar     Calendar   `json:"-"`
	AsOf         time.Time  `json:"as_of"`
	Cohorts      []Cohort   `json:"cohorts"`
	RetentionPct []*float64 `json:"retention_pct"`
}

// Cohorts builds the cohort table of customers on calendar cal as of
// asOf, after checking every customer (see Customer.Validate) and that no
// id repeats; the first bad customer is an error naming its position. A
// customer belongs to the cohort of the period containing its Start and
// counts in column k while End is zero or not before the start of period
// k; customers who start at or after asOf are left out, and losses at or
// after asOf are not yet known, so every cell is final once its period
// has started. The table spans at most MaxPeriods periods from the
// earliest cohort to asOf: an earlier start (a placeholder date, say) is
// refused with ErrPeriod, naming the customer. It reads the customers
// once and keeps two numbers per customer.
func Cohorts(customers iter.Seq[Customer], cal Calendar, asOf time.Time) (*CohortTable, error) {
	if err := cal.Validate(); err != nil {
		return nil, err
	}
	if err := checkTime("as-of date", asOf); err != nil {
		return nil, err
	}
	t := &CohortTable{Calendar: cal.normal(), AsOf: asOf, Cohorts: []Cohort{}, RetentionPct: []*float64{}}
	now := cal.Index(asOf)
	type member struct{ row, last int } // acquisition period, last period observed
	var members []member
	first := now + 1
	var bad error
	for c := range checked(customers, &bad) {
		if !c.Start.Before(asOf) {
			continue
		}
		i := cal.Index(c.Start)
		if now-i >= MaxPeriods {
			return nil, fmt.Errorf("%w: customer %q starts %s, %d periods before the as-of date (at most %d)",
				ErrPeriod, c.ID, c.Start.Format(time.DateOnly), now-i+1, MaxPeriods)
		}
		last := now
		if !c.End.IsZero() {
			last = min(now, cal.Index(c.End))
		}
		members = append(members, member{i, last})
		first = min(first, i)
	}
	if bad != nil {
		return nil, bad
	}
	if len(members) == 0 {
		return t, nil
	}
	last := first
	for _, m := range members {
		last = max(last, m.row)
	}
	// ends[row][k] counts members whose last observed column is k.
	ends := make([][]int, last-first+1)
	for r := range ends {
		ends[r] = make([]int, now-(first+r)+1)
	}
	for _, m := range members {
		ends[m.row-first][m.last-m.row]++
	}
	t.Cohorts = make([]Cohort, len(ends))
	kept, size := make([]int, now-first+1), make([]int, now-first+1)
	for r, e := range ends {
		active := make([]int, len(e))
		n := 0
		for k := len(e) - 1; k >= 0; k-- {
			n += e[k]
			active[k] = n
		}
		retained := make([]*float64, len(e))
		for k := range active {
			retained[k] = pct(uint64(active[k]), uint64(n))
			kept[k] += active[k]
			size[k] += n
		}
		t.Cohorts[r] = Cohort{Period: cal.Period(first + r), Size: n, Active: active, RetainedPct: retained}
	}
	t.RetentionPct = make([]*float64, len(kept))
	for k := range kept {
		t.RetentionPct[k] = pct(uint64(kept[k]), uint64(size[k]))
	}
	return t, nil
}

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
	return share(uint64(kept), uint64(size))
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
