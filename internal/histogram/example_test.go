package histogram_test

import (
	"fmt"
	"time"

	"github.com/rapportkit/rapport/internal/histogram"
)

// Waits counted in whole seconds: 20.4 s counts as 21 s, so it is not
// within 20 s; the 90th percentile of ten waits is the 9th.
func ExampleDurations() {
	var h histogram.Durations
	for _, ms := range []int{1000, 5000, 12000, 15000, 19000, 20000, 20400, 30000, 45000, 600500} {
		h.Add(time.Duration(ms)*time.Millisecond, time.Second)
	}
	p90, _ := h.Quantile(0.9, time.Second)
	mean, _ := h.Mean()
	fmt.Println(h.N(), h.Within(20*time.Second, time.Second), p90, mean)
	top, _ := h.Quantile(1, time.Second)
	fmt.Println(top) // 601 s is in the bin (600 s, 602 s]
	// Output:
	// 10 6 45s 1m16.79s
	// 10m2s
}
