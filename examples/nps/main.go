// Command nps is a quickstart for the nps package: tally answers, read the
// score with its interval, compare two waves and size the next survey.
//
//	go run ./examples/nps
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/rapportkit/rapport/nps"
)

// Answers to "How likely are you to recommend us?" (0–10), in two waves.
var (
	spring = []uint8{10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 9, 10, 5, 9, 7, 10, 9, 2, 10}
	autumn = []uint8{9, 9, 8, 6, 7, 10, 6, 3, 8, 10, 8, 9, 4, 5, 9, 7, 6, 9, 2, 10}
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	var a, b nps.Tally // the zero value is an empty 0–10 tally
	if err := a.AddUint8s(spring); err != nil {
		return fmt.Errorf("spring: %w", err)
	}
	if err := b.AddUint8s(autumn); err != nil {
		return fmt.Errorf("autumn: %w", err)
	}

	r, err := a.Result(0.95, nps.AdjustedWald) // in points, for reports
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "spring:", r)

	diff, err := nps.Compare(&b, &a, 0.95)
	if err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	fmt.Fprintln(w, "autumn vs spring:", diff)

	plan := nps.Plan{Promoters: 0.5, Detractors: 0.2, Margin: 0.05, Level: 0.95}
	n, err := plan.SampleSize()
	if err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	fmt.Fprintf(w, "answers needed for ±5 points: %d\n", n)
	return nil
}
