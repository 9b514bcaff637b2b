package stat

import (
	"math"
	"math/big"
	"strconv"
	"testing"
)

// CeilShare agrees with ⌈p·n⌉ computed in big.Rat from the decimal p
// prints as, and reads p as that decimal where floating point does not.
func TestCeilShare(t *testing.T) {
	for _, c := range []struct {
		p    float64
		n    uint64
		want uint64
	}{
		{0.9, 10, 9}, {0.035, 200, 7}, {0.5, 3, 2}, {0, 7, 0}, {1, 7, 7}, {1, math.MaxUint64, math.MaxUint64},
		{1e-25, 10, 1}, {0.95, 20, 19}, {0.07, 100, 7}, {-0.1, 5, 0}, {1.5, 5, 0}, {math.NaN(), 5, 0},
	} {
		if got := CeilShare(c.p, c.n); got != c.want {
			t.Errorf("CeilShare(%v, %d) = %d, want %d", c.p, c.n, got, c.want)
		}
	}
	for _, p := range []float64{0.1, 0.25, 0.333, 0.9, 0.99, 0.999, 1e-19, 1.234567890123e-7, 0.1234567890123456789} {
		for _, n := range []uint64{1, 3, 10, 999, 1 << 40, math.MaxUint64 / 3, math.MaxUint64} {
			r, _ := new(big.Rat).SetString(strconv.FormatFloat(p, 'g', -1, 64))
			r.Mul(r, new(big.Rat).SetUint64(n))
			want := new(big.Int).Div(r.Num(), r.Denom())
			if !r.IsInt() {
				want.Add(want, big.NewInt(1))
			}
			if got := CeilShare(p, n); got != want.Uint64() {
				t.Errorf("CeilShare(%v, %d) = %d, want %v", p, n, got, want)
			}
		}
	}
}
