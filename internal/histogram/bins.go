package histogram

import (
	"math"
	"math/bits"
	"time"
)

// The bins: one per unit up to ExactBins, then SubBins per doubling.
const (
	ExactBins = 512
	SubBits   = 8
	SubBins   = 1 << SubBits
)

// Bin returns the bin of v ≤ 2⁶³ whole units (a duration has at most
// 9.3·10⁹ seconds).
func Bin(v uint64) int {
	if v <= ExactBins {
		return int(v)
	}
	u := v - 1
	e := bits.Len64(u) - 1  // ≥ 9
	m := u >> (e - SubBits) // SubBins..2·SubBins−1
	return ExactBins + 1 + (e-9)*SubBins + int(m-SubBins)
}

// Edges returns the bin's values lo < v ≤ hi in whole units (bin 0 holds
// only 0: lo = 0 there too, with the convention that 0 is in it).
func Edges(bin int) (lo, hi uint64) {
	if bin <= ExactBins {
		return uint64(max(bin-1, 0)), uint64(bin)
	}
	k := bin - ExactBins - 1
	s := 9 + k/SubBins - SubBits
	m := uint64(SubBins + k%SubBins)
	return m << s, (m + 1) << s
}

// Units returns ⌈d/unit⌉ for d ≥ 0 and unit > 0.
func Units(d, unit time.Duration) uint64 {
	q := uint64(d / unit)
	if d%unit != 0 {
		q++
	}
	return q
}

// MaxBin returns the bin of the longest time.Duration in the unit.
func MaxBin(unit time.Duration) int { return Bin(Units(math.MaxInt64, unit)) }
