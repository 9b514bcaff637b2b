// Package histogram is the mergeable, encodable histogram of durations
// that operations (waits, times to abandon, response times) and ticket
// (first reply, resolution and backlog ages) keep: counts in bins of
// whole units with the exact sum of the durations.
//
// A duration d ≥ 0 counts as ⌈d/unit⌉ whole units, the unit being the
// caller's (a second for waits, a minute for response and ticket times),
// passed to every method that needs it so that the zero Durations is
// ready to use. Bin 0 holds 0; bin v holds v units up to ExactBins (512);
// past that each doubling (2ᵉ, 2ᵉ⁺¹] is cut into SubBins (256) equal
// bins of 2ᵉ⁻⁸ units, right-closed, so a bin is at most 1/256 (0.4 %) as
// wide as its values. The bins up to the longest time.Duration number
// MaxBin(unit) + 1: 6676 for seconds, 5159 for minutes.
//
// Counting the durations within T units is exact when T is a bin edge:
// every T ≤ 512, every even T ≤ 1024, multiples of 4 up to 2048, of 8
// up to 4096, and so on (every whole minute up to 34 min in seconds,
// every whole hour up to 34 h, 72 h and every whole day up to 11 days in
// minutes). The nearest-rank p-quantile is the upper edge of the bin of
// the ⌈p·n⌉-th smallest duration (the first for p = 0), p read as its
// decimal: never below the true value, above it by less than a unit up
// to 512 units and by at most 1/256 past that. The mean is exact to the
// nanosecond (the sum is kept in 128 bits).
//
// Encodings: the binary form is the number of bins, the counts and the
// sum (two uvarints, see nanos); the JSON form {"counts": [...],
// "sum_ns": "decimal"}. Counts never end in a zero, so each histogram has
// exactly one encoding; Settle rejects what Add could not have made.
package histogram
