package nps

import (
	"fmt"
	"math"

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
// +1): p₊ + p₋ − (p₊ − p₋)², with p₊ and p₋ the promoter and detractor
// shares. It is ok = false for an empty tally.
func (t *Tally) Variance() (float64, bool) {
	if t.N() == 0 {
		return 0, false
	}
	return trinomialVariance(float64(t.Promoters()), float64(t.Detractors()), float64(t.N())), true
}

// StdErr returns the standard error of the score on −1..1,
// √(Variance/N), or ok = false for an empty tally.
func (t *Tally) StdErr() (float64, bool) {
	v, ok := t.Variance()
	if !ok {
		return 0, false
	}
	return math.Sqrt(v / float64(t.N())), true
}

// trinomialVariance returns p₊ + p₋ − (p₊ − p₋)² for counts p, d of n,
// never below 0.
func trinomialVariance(p, d, n float64) float64 {
	pp, pd := p/n, d/n
	return math.Max(0, pp+pd-(pp-pd)*(pp-pd))
}

// Interval returns the confidence interval of the score on −1..1 at the
// given level (e.g. 0.95) by method m. It fails with ErrEmpty on an empty
// tally, ErrLevel or ErrMethod.
func (t *Tally) Interval(level float64, m Method) (Interval, error) {
	z, err := stat.Critical(level)
	if err != nil {
		return Interval{}, err
	}
	if t.N() == 0 {
		return Interval{}, ErrEmpty
	}
	p, d, n := float64(t.Promoters()), float64(t.Detractors()), float64(t.N())
	var lo, hi float64
	switch m {
	case Wald:
		lo, hi = waldBounds(p, d, n, z)
	case AdjustedWald:
		lo, hi = waldBounds(p+0.75, d+0.75, n+3, z)
	case Tango:
		lo, hi = tangoBounds(p, d, n, z)
	default:
		return Interval{}, fmt.Errorf("%w: %q", ErrMethod, m)
	}
	return Interval{Lo: lo, Hi: hi, Level: level, Method: m}.Clamp(-1, 1), nil
}

func waldBounds(p, d, n, z float64) (lo, hi float64) {
	score := (p - d) / n
	h := z * math.Sqrt(trinomialVariance(p, d, n)/n)
	return score - h, score + h
}

// tangoBounds returns the Tango score interval: the values δ where
//
//	T(δ) = (P − D − Nδ) / √(N·(p̃₊ + p̃₋ − δ²))
//
// equals ±z, with p̃₊ = p̃₋ + δ and p̃₋ the maximum-likelihood detractor
// share under the constraint p₊ − p₋ = δ. T falls from +∞ to −∞ as δ goes
// from −1 to 1, so each bound is found by bisection.
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
