// Command nps is a quickstart for the nps package: tally answers, read the
// score with its interval, compare two waves and size the next survey.
//
//	go run ./examples/nps
package main

import (
	"fmt"

	"github.com/rapportkit/rapport/nps"
)

func main() {
	// Answers to "How likely are you to recommend us?" (0–10).
	spring := []uint8{10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 9, 10, 5, 9, 7, 10, 9, 2, 10}
	autumn := []uint8{9, 9, 8, 6, 7, 10, 6, 3, 8, 10, 8, 9, 4, 5, 9, 7, 6, 9, 2, 10}

	var a, b nps.Tally
	if err := a.AddUint8s(spring); err != nil {
		fmt.Println(err)
		return
	}
	if err := b.AddUint8s(autumn); err != nil {
		fmt.Println(err)
		return
	}

	r, err := a.Result(0.95, nps.AdjustedWald) // in points, for reports
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("spring:", r)

	diff, err := nps.Compare(&b, &a, 0.95)
	if err != nil {
		fmt.Println("compare:", err)
		return
	}
	fmt.Println("autumn vs spring:", diff)

	plan := nps.Plan{Promoters: 0.5, Detractors: 0.2, Margin: 0.05, Level: 0.95}
	n, _ := plan.SampleSize()
	fmt.Printf("answers needed for ±5 points: %d\n", n)
}
