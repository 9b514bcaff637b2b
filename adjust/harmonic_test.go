package adjust

import (
	"math/big"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// The exact harmonic number by binary splitting is the plain sum of
// rationals; the float one is that sum rounded, to within an ulp.
func TestHarmonic(t *testing.T) {
	sum := new(big.Rat)
	for n := 1; n <= 600; n++ {
		sum.Add(sum, big.NewRat(1, int64(n)))
		p, q := harmonicExact(n)
		require.Zero(t, new(big.Rat).SetFrac(p, q).Cmp(sum), "H(%d)", n)
		want, _ := sum.Float64()
		got := harmonic(n)
		require.InDelta(t, want, got, 2.3e-16*want, "H(%d)", n)
	}
	// mpmath 1.3 (Debian python3-mpmath), mp.dps = 30: harmonic(262144).
	require.InDelta(t, 13.0538668223279685830143281367, harmonic(MaxTests), 4e-15)
}

// The worst case of Significant: a Benjamini–Yekutieli threshold hit
// that needs the exact harmonic number.
func BenchmarkHarmonicExact(b *testing.B) {
	for _, n := range []int{72, 1 << 16, MaxTests} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				_, _ = harmonicExact(n)
			}
		})
	}
}
