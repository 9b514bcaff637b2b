package nps

import (
	"math"
	"math/big"

	"github.com/rapportkit/rapport/internal/stat"
)

// Interval is a confidence interval; in this package its bounds are on the
// −1..1 scale of the score and always within it.
type Interval = stat.Interval

// Method names an interval construction for the NPS.
type Method = stat.Method

// Interval methods for the NPS, compared by Rocks (2016), "Interval
// estimation for the Net Promoter Score", The American Statistician 70(4).
const (
	// Wald is score ± z·SE with SE from the observed shares.
	Wald Method = "wald"
	// AdjustedWald adds pseudo-counts of ¾ promoter, 1½ passive and ¾
	// detractor (three responses) before the Wald interval; it has good
	// coverage for small samples and is the default.
	AdjustedWald Method = "adjusted-wald"
	// Tango inverts the score test of the trinomial (Tango 1998): every
	// NPS value whose test does not reject at the level is inside.
	Tango Method = "tango"
)

// Variance returns the variance of a single response's category (−1, 0,
// +1), p₊ + p₋ − (p₊ − p₋)² with p₊ and p₋ the promoter and detractor
// shares, computed exactly from the counts as (N(P + D) − (P − D)²)/N² and
// rounded once. It is ok = false for an empty tally.
func (t *Tally) Variance() (float64, bool) {
	if t.N() == 0 {
		return 0, false
	}
	v, _ := t.sample().variance().Float64()
	return v, true
}

// StdErr returns the standard error of the score on −1..1,
// √(Variance/N), or ok = false for an empty tally.
func (t *Tally) StdErr() (float64, bool) {
	if t.N() == 0 {
		return 0, false
	}
	return t.sample().stdErr(), true
}

// Interval returns the confidence interval of the score on −1..1 at the
// given level (e.g. 0.95) by method m, with ok = false for an empty tally.
// It fails with ErrLevel or ErrMethod.
func (t *Tally) Interval(level float64, m Method) (Interval, bool, error) {
	z, err := kind.Critical("Interval", level)
	if err != nil {
		return Interval{}, false, err
	}
	if m != Wald && m != AdjustedWald && m != Tango {
		return Interval{}, false, kind.BadMethod("Interval", m)
	}
	if t.N() == 0 {
		return Interval{}, false, nil
	}
	s := t.sample()
	var lo, hi float64
	switch m {
	case Wald:
		lo, hi = s.wald(z)
	case AdjustedWald:
		lo, hi = s.adjusted().wald(z)
	case Tango:
		lo, hi = tangoBounds(float64(t.Promoters()), float64(t.Detractors()), float64(t.N()), z)
	}
	return Interval{Lo: lo, Hi: hi, Level: level, Method: m}.Clamp(-1, 1), true, nil
}

// sample is a trinomial sample, P promoters and D detractors of N
// responses, as exact integers. The adjusted-Wald sample holds its
// pseudo-counts of ¾ scaled by per = 4 to keep them integers.
type sample struct {
	p, d, n big.Int
	per     int64 // units per response
}

func (t *Tally) sample() *sample {
	s := &sample{per: 1}
	s.p.SetUint64(t.Promoters())
	s.d.SetUint64(t.Detractors())
	s.n.SetUint64(t.N())
	return s
}

// adjusted returns the sample with ¾ promoter, 1½ passive and ¾ detractor
// more, all counts times 4.
func (s *sample) adjusted() *sample {
	four, three := big.NewInt(4), big.NewInt(3)
	a := &sample{per: 4}
	a.p.Mul(&s.p, four).Add(&a.p, three)
	a.d.Mul(&s.d, four).Add(&a.d, three)
	a.n.Mul(&s.n, four).Add(&a.n, big.NewInt(12))
	return a
}

// net returns P − D.
func (s *sample) net() *big.Int { return new(big.Int).Sub(&s.p, &s.d) }

// score returns (P − D)/N correctly rounded.
func (s *sample) score() float64 {
	f, _ := new(big.Rat).SetFrac(s.net(), &s.n).Float64()
	return f
}

// variance returns the exact (N(P + D) − (P − D)²)/N².
func (s *sample) variance() *big.Rat {
	net := s.net()
	num := new(big.Int).Add(&s.p, &s.d)
	num.Mul(num, &s.n).Sub(num, net.Mul(net, net))
	return new(big.Rat).SetFrac(num, new(big.Int).Mul(&s.n, &s.n))
}

// stdErr returns √(variance·per/N), the standard error of the score.
func (s *sample) stdErr() float64 {
	v := s.variance()
	v.Mul(v, new(big.Rat).SetFrac(big.NewInt(s.per), &s.n))
	f, _ := v.Float64()
	return math.Sqrt(f)
}

// wald returns score ± z·SE.
func (s *sample) wald(z float64) (lo, hi float64) {
	score, h := s.score(), z*s.stdErr()
	return score - h, score + h
}

// tangoBounds returns the Tango score interval: the values δ where
//
//	T(δ) = (P − D − Nδ) / √(N·(p̃₊ + p̃₋ − δ²))
//
// equals ±z, with p̃₊ = p̃₋ + δ and p̃₋ the maximum-likelihood detractor
// share under the constraint p₊ − p₋ = δ. T falls from +∞ to −∞ as δ goes
// from −1 to 1, so each bound is found by bisection, in at most 200
// halvings of the bracket.
func tangoBounds(p, d, n, z float64) (lo, hi float64) {
	score := (p - d) / n
	root := func(from, to, target float64) float64 {
		// T(from) > target > T(to)
		for range 200 {
			mid := from + (to-from)/2
			if mid == from || mid == to {
				break
			}
			if tangoStatistic(p, d, n, mid) > target {
				from = mid
			} else {
				to = mid
			}
		}
		return from + (to-from)/2
	}
	lo, hi = -1, 1
	if d < n {
		lo = root(-1, score, z)
	}
	if p < n {
		hi = root(score, 1, -z)
	}
	return lo, hi
}

// tangoStatistic returns T(δ) for P promoters and D detractors of N.
func tangoStatistic(p, d, n, delta float64) float64 {
	// The constrained likelihood P·log(q+δ) + D·log q + Z·log(1−2q−δ) is
	// maximal at the root q of 2N·q² − B·q − D·δ(1−δ) = 0 with
	// B = P + D + δ(P − D − 2N); q is kept in its feasible range.
	b := p + d + delta*(p-d-2*n)
	q := (b + math.Sqrt(math.Max(0, b*b+8*n*d*delta*(1-delta)))) / (4 * n)
	q = math.Min(math.Max(q, math.Max(0, -delta)), (1-delta)/2)
	v := 2*q + delta - delta*delta // p̃₊ + p̃₋ − δ²
	num := p - d - n*delta
	if num == 0 {
		return 0
	}
	if v <= 0 {
		return math.Copysign(math.Inf(1), num)
	}
	return num / math.Sqrt(n*v)
}
