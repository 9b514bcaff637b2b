package main

import (
	"slices"
	"time"
)

// bandwidth returns the machine's sequential read bandwidth in bytes per
// second: the median over reps of summing a 256 MiB buffer of uint64s with
// four independent accumulators.
func bandwidth(reps int) float64 {
	buf := make([]uint64, 32<<20)
	for i := range buf {
		buf[i] = uint64(i)
	}
	var sink uint64
	times := make([]time.Duration, 0, reps)
	for range max(reps, 3) {
		start := time.Now()
		var a, b, c, d uint64
		for i := 0; i+4 <= len(buf); i += 4 {
			a += buf[i]
			b += buf[i+1]
			c += buf[i+2]
			d += buf[i+3]
		}
		sink += a + b + c + d
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	if sink == 42 { // keep the loop
		println()
	}
	return float64(len(buf)*8) / times[len(times)/2].Seconds()
}
