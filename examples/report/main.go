// Command report prints a customer-relationship KPI report. It is the
// project's main job: go run ./examples/report.
//
// For now it reports the NPS part on a small built-in sample; the full
// report on an embedded dataset comes with the examples issue.
package main

import (
	"fmt"
	"os"

	"github.com/rapportkit/rapport/nps"
)

func main() {
	var t nps.Tally
	if err := t.AddUint8s(sample); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
	r, err := t.Result(0.95, nps.AdjustedWald)
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
	fmt.Println(r)
}

// sample is a tiny fixed set of likelihood-to-recommend answers.
var sample = []uint8{10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 9, 10, 5, 9, 7, 10, 9, 2, 10}
