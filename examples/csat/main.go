// Command csat is a quickstart for the csat package: tally 1–5 answers, read
// the share of satisfied customers with its interval and benchmark level,
// turn French answer labels into points and compare two quarters.
//
//	go run ./examples/csat
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/rapportkit/rapport/csat"
)

// Q1: "How satisfied were you with your visit?", 1 = very dissatisfied … 5 = very satisfied.
var q1 = []int{5, 4, 4, 3, 5, 2, 4, 5, 4, 1, 4, 5, 3, 4, 4, 5, 2, 4, 3, 5, 4, 4, 5, 3, 4, 1, 5, 4, 4, 3}

// Q2: the same question from the French survey tool, exported as labels.
var q2 = []string{
	"Très satisfait", "Satisfait", "Satisfait", "très satisfait", "Neutre", "Satisfait",
	"Insatisfait", "Très satisfait", "Satisfait", "Sans avis", "Tout à fait satisfait", "Satisfait",
	"Très satisfait", "Ni satisfait ni insatisfait", "Satisfait", "Très satisfait", "Satisfait",
	"Pas du tout satisfait", "Très satisfait", "SATISFAIT", "Satisfait", "Très satisfait",
	"Satisfait", "Neutre", "Très satisfait", "Satisfait", "Très satisfait", "Satisfait",
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	var before, after csat.Tally // the zero value is an empty 1–5 tally
	for i, score := range q1 {
		if err := before.Add(score); err != nil {
			return fmt.Errorf("Q1 answer %d: %w", i, err)
		}
	}
	for _, label := range q2 {
		point, err := csat.FivePointLabels.Point(label) // ignores case and accents
		if err != nil {
			fmt.Fprintf(w, "skipped: %v\n", err) // "Sans avis" (no opinion) is not a rating
			continue
		}
		if err := after.Add(point); err != nil {
			return fmt.Errorf("Q2 label %q: %w", label, err)
		}
	}

	for _, p := range []struct {
		name string
		t    *csat.Tally
	}{{"Q1", &before}, {"Q2", &after}} {
		r, err := p.t.Result(0.95, csat.Wilson) // percentages, for reports
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		// Benchmark bands: above 80 % very good, above 70 % good, above 60 % fair
		// (strictly above: exactly 70 % is fair).
		level, ok, err := p.t.Level(csat.DefaultLevels)
		if err != nil || !ok {
			return fmt.Errorf("%s: no level (%v)", p.name, err)
		}
		ci := r.SatisfiedIntervalPct
		fmt.Fprintf(w, "%s: %d answers, %.1f%% satisfied (95%% Wilson %.1f–%.1f%%), %d dissatisfied, mean %.2f/5 → %s\n",
			p.name, r.N, *r.SatisfiedPct, ci.Lo, ci.Hi, r.Dissatisfied, *r.MeanScore, level)
	}

	diff, err := csat.Compare(&after, &before, 0.95)
	if err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	fmt.Fprintln(w, "Q2 vs Q1:", diff)
	if diff.PValue != nil && *diff.PValue < 0.05 {
		fmt.Fprintln(w, "the change is significant at the 5 % level")
	} else {
		fmt.Fprintln(w, "the change is within the noise of samples this small")
	}
	return nil
}
