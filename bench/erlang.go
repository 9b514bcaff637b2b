package main

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/rapportkit/rapport/operations"
)

// erlangTraffics are 41 offered loads from 1 to 10,000 Erlangs, evenly
// spaced in log scale and rounded to 0.01 Erlang, so every implementation
// reads the same numbers.
func erlangTraffics() []float64 {
	var a []float64
	for i := 0; i <= 40; i++ {
		a = append(a, math.Round(100*math.Pow(10, float64(i)/10))/100)
	}
	return a
}

// The staffing question of the task: AHT 180 s in 30-minute intervals,
// 80 % answered within 20 s and occupancy at most 85 %.
const (
	erlangAHT      = 180 * time.Second
	erlangInterval = 30 * time.Minute
)

// erlangOurs finds the agents for every load with operations.Queue.Staff;
// the digest is the agent counts, comma-separated.
func erlangOurs(d *data, reps int) (result, error) {
	traffics := erlangTraffics()
	return timeIt("erlang", reps, func() ([]int, error) {
		agents := make([]int, len(traffics))
		for i, a := range traffics {
			q := operations.Queue{Contacts: a * float64(erlangInterval/erlangAHT), Interval: erlangInterval, AHT: erlangAHT}
			s, err := q.Staff(operations.Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Occupancy: 0.85})
			if err != nil {
				return nil, fmt.Errorf("%v Erlangs: %w", a, err)
			}
			agents[i] = s.Agents
		}
		return agents, nil
	}, func(agents []int) string {
		s := make([]string, len(agents))
		for i, n := range agents {
			s[i] = fmt.Sprint(n)
		}
		return digestOf(strings.Join(s, ","))
	})
}
