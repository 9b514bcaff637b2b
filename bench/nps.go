package main

import (
	"fmt"
	"strings"

	"github.com/rapportkit/rapport/nps"
)

// npsOurs tallies the score column with nps.Tally.AddUint8s; the digest is
// the eleven counts, comma-separated.
func npsOurs(d *data, reps int) (result, error) {
	scores, err := readFile(d.path("scores.u8"))
	if err != nil {
		return result{}, err
	}
	return timeIt("nps", reps, func() (*nps.Tally, error) {
		var t nps.Tally
		return &t, t.AddUint8s(scores)
	}, func(t *nps.Tally) string {
		counts := make([]string, 11)
		for s := range counts {
			counts[s] = fmt.Sprint(t.Count(s))
		}
		return digestOf(strings.Join(counts, ","))
	})
}
