package main

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rapportkit/rapport/churn"
)

// loadLifetimes reads customers.csv (untimed) into the []churn.Customer
// a user holds.
func loadLifetimes(d *data) ([]churn.Customer, error) {
	file, err := d.lifetimes()
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	_, body, _ := strings.Cut(string(raw), "\n")
	out := make([]churn.Customer, 0, d.sizes.Lifetimes)
	for line := range strings.Lines(body) {
		id, rest, ok1 := strings.Cut(strings.TrimSuffix(line, "\n"), ",")
		start, end, ok2 := strings.Cut(rest, ",")
		s, err := strconv.ParseInt(start, 10, 64)
		if !ok1 || !ok2 || err != nil {
			return nil, fmt.Errorf("customers.csv: bad line %q", line)
		}
		c := churn.Customer{ID: strings.Clone(id), Start: time.Unix(s, 0).UTC()}
		if end != "" {
			e, err := strconv.ParseInt(end, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("customers.csv: bad line %q", line)
			}
			c.End = time.Unix(e, 0).UTC()
		}
		out = append(out, c)
	}
	return out, nil
}

// kmDigest is the digest every survival peer computes: the lifetimes and
// losses, the median in days and S at 90, 365 and 730 days.
func kmDigest(s *churn.Survival, c *churn.Curve) string {
	median := "none"
	if m, ok := c.Median(); ok {
		median = fmt.Sprintf("%.1f", m.Hours()/24)
	}
	day := 24 * time.Hour
	text := fmt.Sprintf("n=%d events=%d median_days=%s s90=%.6f s365=%.6f s730=%.6f",
		s.N(), s.Events(), median, c.At(90*day), c.At(365*day), c.At(730*day))
	if os.Getenv("BENCH_SHOW") != "" {
		fmt.Fprintln(os.Stderr, text)
	}
	return digestOf(text)
}

// kmOurs estimates the Kaplan–Meier curve of the customers' lifetimes in
// whole days as of asOf with churn.SurvivalOf (validation and the check
// that no id repeats included) and Survival.Curve.
func kmOurs(d *data, reps int) (result, error) {
	cs, err := loadLifetimes(d)
	if err != nil {
		return result{}, err
	}
	type out struct {
		s *churn.Survival
		c *churn.Curve
	}
	return timeIt("km", reps, func() (out, error) {
		s, err := churn.SurvivalOf(slices.Values(cs), time.Unix(asOf, 0).UTC(), 24*time.Hour)
		if err != nil {
			return out{}, err
		}
		c, err := s.Curve()
		return out{s, c}, err
	}, func(o out) string { return kmDigest(o.s, o.c) })
}
