package csat

import (
	"math"
	"math/big"

	"github.com/rapportkit/rapport/internal/counts"
	"github.com/rapportkit/rapport/internal/stat"
)

// Comparison is the test of a difference between the scores (satisfied
// shares) of two independent samples a and b, a reporting struct in
// percentage points:
//
//	DeltaPoints          100·(pₐ − p_b)
//	StdErrPoints         100·√(p̄(1−p̄)(1/nₐ + 1/n_b)), p̄ the pooled share:
//	                     the standard error under no difference
//	Z, PValue            Δ/SE and its two-sided p-value, a fraction (R's
//	                     prop.test(correct = FALSE), whose X-squared is z²)
//	DeltaIntervalPoints  Newcombe's hybrid score interval of Δ
//
// A figure is nil where it is undefined: all of them when a sample is
// empty, the z ratio and the p-value when every response of both samples
// is satisfied, or none is. String reports it for people, e.g.
// "Δ +5.0 points (95% newcombe CI -1.9…+11.8), z = 1.42, p = 0.16".
type Comparison = counts.Comparison

// Compare tests whether the scores of two independent samples differ,
// with a two-proportion z-test and Newcombe's hybrid score interval at the
// given level. The tallies may be on different scales: what is compared
// is their satisfied shares. It fails only with ErrLevel; undefined
// figures are nil (see Comparison). A nil tally is an empty one.
func Compare(a, b *Tally, level float64) (Comparison, error) {
	if _, err := kind.Critical("Compare", level); err != nil || a == nil || b == nil || a.N() == 0 || b.N() == 0 {
		return Comparison{}, err
	}
	xa, xb, na, nb := a.Satisfied(), b.Satisfied(), a.N(), b.N()
	ci, _ := stat.NewcombeInterval(xa, na, xb, nb, level) // the level is checked above
	return counts.Compared(stat.Difference(xa, na, xb, nb), pooledStdErr(xa, na, xb, nb), ci), nil
}

// pooledStdErr returns √(p̄(1 − p̄)(1/nₐ + 1/n_b)) with p̄ = X/N the pooled
// share, from the exact X(N − X)/(N·nₐ·n_b), so that a share near 1 keeps
// the digits of 1 − p̄.
func pooledStdErr(xa, na, xb, nb uint64) float64 {
	big2 := func(x uint64) *big.Int { return new(big.Int).SetUint64(x) }
	x := new(big.Int).Add(big2(xa), big2(xb))
	n := new(big.Int).Add(big2(na), big2(nb))
	num := new(big.Int).Mul(x, new(big.Int).Sub(n, x))
	den := new(big.Int).Mul(n, new(big.Int).Mul(big2(na), big2(nb)))
	v, _ := new(big.Rat).SetFrac(num, den).Float64()
	return math.Sqrt(v)
}
