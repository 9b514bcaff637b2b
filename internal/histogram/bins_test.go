package histogram

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The bins tile [0, 2⁶³] without gap or overlap, each (lo, hi] with
// Bin(lo+1) = Bin(hi) = its index, one unit wide up to ExactBins and at
// most 1/SubBins of lo past it, with edges at hand-worked values.
func TestBins(t *testing.T) {
	prevHi := uint64(0)
	last := Bin(1 << 63)
	for b := 0; b <= last; b++ {
		lo, hi := Edges(b)
		require.True(t, b == 0 || lo == prevHi, "bin %d starts at %d after %d", b, lo, prevHi)
		require.Equal(t, b, Bin(hi), "bin %d = (%d, %d]", b, lo, hi)
		if b > 0 {
			require.Equal(t, b, Bin(lo+1), "bin %d = (%d, %d]", b, lo, hi)
		}
		if b <= ExactBins {
			require.Equal(t, uint64(b), hi)
		} else {
			require.LessOrEqual(t, float64(hi-lo)/float64(lo), 1.0/SubBins, "bin %d", b)
		}
		prevHi = hi
	}
	// Hand-worked: past 512 the bins are 2 wide up to 1024, 4 up to 2048.
	for _, c := range []struct {
		v      uint64
		bin    int
		lo, hi uint64
	}{
		{0, 0, 0, 0}, {1, 1, 0, 1}, {512, 512, 511, 512}, {513, 513, 512, 514}, {514, 513, 512, 514},
		{515, 514, 514, 516}, {1024, 768, 1022, 1024}, {1025, 769, 1024, 1028}, {1028, 769, 1024, 1028},
		{2048, 1024, 2044, 2048}, {2049, 1025, 2048, 2056},
	} {
		lo, hi := Edges(Bin(c.v))
		assert.Equal(t, c.bin, Bin(c.v), "Bin(%d)", c.v)
		assert.Equal(t, [2]uint64{c.lo, c.hi}, [2]uint64{lo, hi}, "Edges(Bin(%d))", c.v)
	}
	// 2⁶³ ns: 6676 bins in seconds, 5159 in minutes (worked by hand:
	// 9223372037 s is in (2³³, 2³⁴], sub-bin ⌊9223372036/2²⁵⌋ − 256 = 18 of
	// that doubling: 513 + 24·256 + 18).
	assert.Equal(t, 6675, MaxBin(time.Second))
	assert.Equal(t, 5158, MaxBin(time.Minute))
	assert.Equal(t, Bin(math.MaxInt64/uint64(time.Second)+1), MaxBin(time.Second))
}

func TestUnits(t *testing.T) {
	for _, c := range []struct {
		d, unit time.Duration
		want    uint64
	}{
		{0, time.Second, 0}, {1, time.Second, 1}, {time.Second, time.Second, 1}, {time.Second + 1, time.Second, 2},
		{59 * time.Second, time.Minute, 1}, {time.Hour, time.Minute, 60}, {math.MaxInt64, time.Second, 9223372037},
	} {
		assert.Equal(t, c.want, Units(c.d, c.unit), "%v in %v", c.d, c.unit)
	}
}
