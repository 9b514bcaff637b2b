package stat

import (
	"math"
	"math/big"
	"math/bits"
)

// exact is 2⁵³: integers below it convert to float64 exactly, so a single
// division of two of them is correctly rounded.
const exact = 1 << 53

// Ratio returns k·x/n correctly rounded to float64, for n > 0 (it returns 0
// for n = 0). Computing a percentage as Ratio(x, n, 100) rather than
// 100·(x/n) keeps 29 of 100 at exactly 29, where 100·0.29 is
// 28.999999999999996.
func Ratio(x, n, k uint64) float64 {
	if n == 0 {
		return 0
	}
	hi, lo := bits.Mul64(x, k)
	if hi == 0 && lo < exact && n < exact {
		return float64(lo) / float64(n)
	}
	num := new(big.Int).Mul(new(big.Int).SetUint64(x), new(big.Int).SetUint64(k))
	f, _ := new(big.Rat).SetFrac(num, new(big.Int).SetUint64(n)).Float64()
	return f
}

// countSums returns n = Σcᵢ, s1 = Σi·cᵢ and s2 = Σi²·cᵢ over counts[i] (the
// value i counted cᵢ times), with ok = false if any of them overflows.
func countSums(counts []uint64) (n, s1, s2 uint64, ok bool) {
	var carry, c uint64
	for i, ci := range counts {
		u := uint64(i)
		n, c = bits.Add64(n, ci, 0)
		carry |= c
		h1, l1 := bits.Mul64(u, ci)
		s1, c = bits.Add64(s1, l1, 0)
		carry |= c | h1
		h2, l2 := bits.Mul64(u*u, ci)
		s2, c = bits.Add64(s2, l2, 0)
		carry |= c | h2
	}
	return n, s1, s2, carry == 0
}

// bigSums is countSums in arbitrary precision.
func bigSums(counts []uint64) (n, s1, s2 *big.Int) {
	n, s1, s2 = new(big.Int), new(big.Int), new(big.Int)
	var c, t big.Int
	for i, ci := range counts {
		c.SetUint64(ci)
		n.Add(n, &c)
		t.Mul(&c, big.NewInt(int64(i)))
		s1.Add(s1, &t)
		t.Mul(&t, big.NewInt(int64(i)))
		s2.Add(s2, &t)
	}
	return n, s1, s2
}

// CountMean returns the mean of integer data given as counts: counts[i]
// observations of the value min + i. The mean is computed exactly from the
// counts and correctly rounded; ok is false when there are no observations.
func CountMean(counts []uint64, min int) (float64, bool) {
	n, s1, _, ok := countSums(counts)
	if ok && n > 0 && n < exact && s1 < exact/2 {
		// |min·n| < 2⁵² is checked through the product's high bits.
		hi, lo := bits.Mul64(uint64(abs(min)), n)
		if hi == 0 && lo < exact/2 {
			num := int64(s1) + sign(min)*int64(lo) // |num| < 2⁵³
			return float64(num) / float64(n), true
		}
	}
	bn, bs1, _ := bigSums(counts)
	if bn.Sign() == 0 {
		return 0, false
	}
	num := new(big.Int).Mul(big.NewInt(int64(min)), bn)
	num.Add(num, bs1)
	f, _ := new(big.Rat).SetFrac(num, bn).Float64()
	return f, true
}

// CountVariance returns the sample variance (divisor n − 1) of integer data
// given as counts like CountMean, computed exactly as
//
//	s² = (n·Σi²cᵢ − (Σi·cᵢ)²) / (n(n − 1))
//
// and correctly rounded; ok is false with fewer than two observations. The
// variance does not depend on min, which the function therefore omits.
func CountVariance(counts []uint64) (float64, bool) {
	n, s1, s2, ok := countSums(counts)
	if ok && n >= 2 && n < 1<<26 {
		h1, l1 := bits.Mul64(n, s2)
		h2, l2 := bits.Mul64(s1, s1)
		lo, borrow := bits.Sub64(l1, l2, 0)
		hi, _ := bits.Sub64(h1, h2, borrow)
		if hi == 0 && lo < exact { // n(n − 1) < 2⁵² here
			return float64(lo) / float64(n*(n-1)), true
		}
	}
	bn, bs1, bs2 := bigSums(counts)
	if bn.Cmp(big.NewInt(2)) < 0 {
		return 0, false
	}
	num := new(big.Int).Mul(bn, bs2)
	num.Sub(num, new(big.Int).Mul(bs1, bs1))
	den := new(big.Int).Mul(bn, new(big.Int).Sub(bn, big.NewInt(1)))
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f, true
}

func abs(x int) int64 {
	if x < 0 {
		return -int64(x)
	}
	return int64(x)
}

func sign(x int) int64 {
	if x < 0 {
		return -1
	}
	return 1
}

// MeanInterval returns the Student t confidence interval of a mean,
// mean ± t(1 − α/2; n − 1)·s/√n, for a sample of n ≥ 2 observations with
// sample standard deviation s at the given level. It fails with ErrLevel or
// ErrEmpty (fewer than two observations); the caller clamps the bounds.
func MeanInterval(mean, sd float64, n uint64, level float64) (lo, hi float64, err error) {
	if !(level > 0 && level < 1) {
		return 0, 0, ErrLevel
	}
	if n < 2 {
		return 0, 0, ErrEmpty
	}
	h := TQuantile(1-(1-level)/2, float64(n-1)) * sd / math.Sqrt(float64(n))
	return mean - h, mean + h, nil
}
