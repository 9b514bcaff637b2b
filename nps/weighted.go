package nps

import (
	"math"
	"math/big"

	"github.com/rapportkit/rapport/internal/counts"
)

// Weighted accumulates responses with survey weights (post-stratification
// or design weights). Its zero value is empty on the Standard scale, and
// it keeps the accumulator contract of package rapport; Add does not
// allocate.
//
// The score is the weighted mean of the categories, Σwᵢcᵢ / Σwᵢ, and its
// variance the linearisation (sandwich) estimate Σwᵢ²(cᵢ − NPS)² / (Σwᵢ)²,
// which reduces to the Tally's Variance/N when every weight is 1. The
// sums Σw and Σw² are kept exactly (in fixed point), so the state and
// every figure are the same in whatever order responses are added and
// tallies merged, and weights as small as 2⁻⁶⁴ keep all their digits.
type Weighted struct {
	c counts.Tally[Scale]  // responses per score, whatever their weights
	s [MaxPoints]weightSum // their weights, per score
}

// NewWeighted returns an empty weighted tally on scale s.
func NewWeighted(s Scale) *Weighted {
	return &Weighted{c: counts.New(s)}
}

// Scale returns the tally's scale.
func (w *Weighted) Scale() Scale { return w.c.Scale() }

// Add counts one response with its weight (0 means 1, as everywhere in
// this package). It fails with ErrScoreOutOfRange, ErrWeight for a weight
// that is negative, not finite or outside 2⁻⁶⁴..2⁶⁴, or ErrOverflow; to
// leave a respondent out, do not add the response.
func (w *Weighted) Add(r Response) error { return w.AddN(r, 1) }

// AddN counts n responses equal to r.
func (w *Weighted) AddN(r Response, n uint64) error {
	m, q, err := splitWeight(r.weight())
	if err != nil {
		return err
	}
	s := w.Scale()
	if err := w.c.AddN(&kind, s.Min(), s.Max(), r.Score, n); err != nil {
		return err
	}
	w.s[r.Score-s.Min()].add(m, q, n)
	return nil
}

// Clone returns an independent copy of the weighted tally.
func (w *Weighted) Clone() *Weighted {
	u := *w
	return &u
}

// Merge adds every response of u to w; u may be w (which doubles it) or
// nil (which adds nothing). Both must be on the same scale, else
// ErrMismatch.
func (w *Weighted) Merge(u *Weighted) error {
	if u == nil {
		return nil
	}
	sums := u.s // a copy, so that w.Merge(w) doubles w
	if err := w.c.Merge(&kind, &u.c); err != nil {
		return err
	}
	for i := range w.s {
		w.s[i].merge(&sums[i])
	}
	return nil
}

// N returns the number of responses, whatever their weights.
func (w *Weighted) N() uint64 { return w.c.N() }

// Count returns the number of responses with the given score, whatever
// their weights.
func (w *Weighted) Count(score int) uint64 { return w.c.Count(score) }

// Weight returns the total weight Σwᵢ, rounded once from the exact sum.
func (w *Weighted) Weight() float64 {
	total := w.sums(w.Scale().Min(), w.Scale().Max())
	f, _ := new(big.Float).SetMantExp(new(big.Float).SetInt(total.w), -unitExp).Float64()
	return f
}

// EffectiveN returns Kish's effective sample size (Σwᵢ)² / Σwᵢ², or
// ok = false for an empty tally.
func (w *Weighted) EffectiveN() (float64, bool) {
	if w.N() == 0 {
		return 0, false
	}
	total := w.sums(w.Scale().Min(), w.Scale().Max())
	f, _ := new(big.Rat).SetFrac(new(big.Int).Mul(total.w, total.w), total.w2).Float64()
	return f, true
}

// Score returns the weighted score on −1..1, or ok = false for an empty
// tally.
func (w *Weighted) Score() (float64, bool) {
	if w.N() == 0 {
		return 0, false
	}
	c := w.categories()
	f, _ := new(big.Rat).SetFrac(c.net(), c.total()).Float64()
	return f, true
}

// StdErr returns the linearisation standard error of the weighted score,
// or ok = false for an empty tally.
func (w *Weighted) StdErr() (float64, bool) {
	if w.N() == 0 {
		return 0, false
	}
	c := w.categories()
	// SE² = Σ over categories of Σw²·(c·W − (P − D))² / W⁴, with c = +1, 0, −1.
	total, net := c.total(), c.net()
	ss := new(big.Int)
	for _, k := range []struct {
		square *big.Int
		dev    *big.Int
	}{
		{c.pro.w2, new(big.Int).Sub(total, net)},
		{c.pas.w2, net},
		{c.det.w2, new(big.Int).Add(total, net)},
	} {
		ss.Add(ss, new(big.Int).Mul(k.square, new(big.Int).Mul(k.dev, k.dev)))
	}
	w4 := new(big.Int).Mul(total, total)
	w4.Mul(w4, w4)
	v, _ := new(big.Rat).SetFrac(ss, w4).Float64()
	return math.Sqrt(v), true
}

// Interval returns the Wald interval of the weighted score on −1..1 at
// the given level, from the linearisation standard error, with ok = false
// for an empty tally. It fails with ErrLevel.
func (w *Weighted) Interval(level float64) (Interval, bool, error) {
	z, err := kind.Critical("Interval", level)
	if err != nil || w.N() == 0 {
		return Interval{}, false, err
	}
	score, _ := w.Score()
	se, _ := w.StdErr()
	return Interval{Lo: score - z*se, Hi: score + z*se, Level: level, Method: Wald}.Clamp(-1, 1), true, nil
}

// exactSum is an exact Σw (in units of 2⁻¹¹⁶) and Σw² (of 2⁻²³²).
type exactSum struct{ w, w2 *big.Int }

// sums returns the exact sums of the scores from..to.
func (w *Weighted) sums(from, to int) exactSum {
	var s weightSum
	for score := from; score <= to; score++ {
		s.merge(&w.s[score-w.Scale().Min()])
	}
	return exactSum{bigOf(s.w[:]), bigOf(s.w2[:])}
}

// categorySums are the exact sums of the promoters, passives and
// detractors.
type categorySums struct{ pro, pas, det exactSum }

func (w *Weighted) categories() categorySums {
	s := w.Scale()
	return categorySums{
		pro: w.sums(s.PromoterFrom(), s.Max()),
		pas: w.sums(s.PassiveFrom(), s.PromoterFrom()-1),
		det: w.sums(s.Min(), s.PassiveFrom()-1),
	}
}

// total returns W = Σw.
func (c categorySums) total() *big.Int {
	t := new(big.Int).Add(c.pro.w, c.pas.w)
	return t.Add(t, c.det.w)
}

// net returns P − D, the promoters' weight less the detractors'.
func (c categorySums) net() *big.Int { return new(big.Int).Sub(c.pro.w, c.det.w) }
