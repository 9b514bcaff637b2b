package nps

import (
	"fmt"
	"math/big"
)

// Score is a Net Promoter Score kept as the exact fraction (P − D)/N of
// promoters P, detractors D and responses N, so that 60 % promoters minus
// 15 % detractors is exactly 45 points and never 44.999…
type Score struct {
	promoters, detractors, n uint64
}

// Promoters returns the number of promoters the score was computed from.
func (s Score) Promoters() uint64 { return s.promoters }

// Detractors returns the number of detractors the score was computed from.
func (s Score) Detractors() uint64 { return s.detractors }

// N returns the number of responses the score was computed from.
func (s Score) N() uint64 { return s.n }

// Rat returns the score as the exact rational (P − D)/N on −1..1.
func (s Score) Rat() *big.Rat {
	num := new(big.Int).SetUint64(s.promoters)
	num.Sub(num, new(big.Int).SetUint64(s.detractors))
	return new(big.Rat).SetFrac(num, new(big.Int).SetUint64(s.n))
}

// Float returns the score on −1..1, correctly rounded from the exact fraction.
func (s Score) Float() float64 { return s.scaled(1) }

// Points returns the score on −100..100, correctly rounded from the exact
// fraction: (P − D)·100/N.
func (s Score) Points() float64 { return s.scaled(100) }

// scaled returns k·(P − D)/N correctly rounded.
func (s Score) scaled(k int64) float64 {
	const exact = 1 << 53 // integers below it convert to float64 exactly
	if s.n == 0 {
		return 0
	}
	net, neg := s.promoters-s.detractors, s.promoters < s.detractors
	if neg {
		net = s.detractors - s.promoters
	}
	if net < exact/uint64(k) && s.n < exact {
		v := float64(net*uint64(k)) / float64(s.n) // one correctly rounded division
		if neg {
			return -v
		}
		return v
	}
	f, _ := new(big.Rat).Mul(s.Rat(), big.NewRat(k, 1)).Float64()
	return f
}

// Round returns the score in whole points, rounded half away from zero from
// the exact fraction: 44.5 is 45 and −44.5 is −45.
func (s Score) Round() int {
	if s.n == 0 {
		return 0
	}
	r := new(big.Rat).Mul(s.Rat(), big.NewRat(100, 1))
	num, den := r.Num(), r.Denom() // den > 0
	twice := new(big.Int).Lsh(new(big.Int).Abs(num), 1)
	q := twice.Add(twice, den).Quo(twice, new(big.Int).Lsh(den, 1)) // ⌊(2|x| + 1)/2⌋
	if num.Sign() < 0 {
		q.Neg(q)
	}
	return int(q.Int64())
}

// String returns the score in points with one decimal and a sign, "+45.0".
func (s Score) String() string {
	return fmt.Sprintf("%+.1f", s.Points())
}
