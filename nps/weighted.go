package nps

import (
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/stat"
)

// Weighted accumulates responses with survey weights (post-stratification
// or design weights). Its zero value is empty on the Standard scale.
//
// The score is the weighted mean of the categories, Σwᵢcᵢ / Σwᵢ, and its
// variance the linearisation (sandwich) estimate Σwᵢ²(cᵢ − NPS)² / (Σwᵢ)²,
// which reduces to the Tally's Variance/N when every weight is 1. Sums are
// float64: merging in another order may change the last bits. Σwᵢ² is
// kept finite (else ErrOverflow), which keeps every other sum finite.
type Weighted struct {
	scale  Scale
	weight [MaxPoints]float64 // Σw per score
	square [MaxPoints]float64 // Σw² per score
	n      uint64
}

// NewWeighted returns an empty weighted tally on scale s.
func NewWeighted(s Scale) *Weighted {
	return &Weighted{scale: s}
}

// Scale returns the tally's scale.
func (w *Weighted) Scale() Scale { return w.scale }

// Add counts one response of the given weight (finite, ≥ 0).
func (w *Weighted) Add(score int, weight float64) error {
	if !isWeight(weight) {
		return fmt.Errorf("%w: %v", ErrWeight, weight)
	}
	i := score - w.scale.Min()
	if score < w.scale.Min() || score > w.scale.Max() {
		return fmt.Errorf("%w: %d not in %d..%d", ErrScoreOutOfRange, score, w.scale.Min(), w.scale.Max())
	}
	if w.n == math.MaxUint64 || math.IsInf(w.totalSquare()+weight*weight, 1) {
		return ErrOverflow
	}
	w.weight[i] += weight
	w.square[i] += weight * weight
	w.n++
	return nil
}

// Merge adds every response of u to w. Both must be on the same scale.
func (w *Weighted) Merge(u *Weighted) error {
	if w.scale != u.scale {
		return fmt.Errorf("%w: merging %v into %v", ErrScale, u.scale, w.scale)
	}
	if w.n > math.MaxUint64-u.n || math.IsInf(w.totalSquare()+u.totalSquare(), 1) {
		return ErrOverflow
	}
	for i := range w.weight {
		w.weight[i] += u.weight[i]
		w.square[i] += u.square[i]
	}
	w.n += u.n
	return nil
}

// isWeight reports whether w is a valid weight: finite and ≥ 0.
func isWeight(w float64) bool { return w >= 0 && !math.IsInf(w, 1) }

// N returns the number of responses, whatever their weights.
func (w *Weighted) N() uint64 { return w.n }

// Weight returns the total weight Σwᵢ.
func (w *Weighted) Weight() float64 {
	return w.sums(w.scale.Min(), w.scale.Max()).weight
}

// totalSquare returns Σwᵢ².
func (w *Weighted) totalSquare() float64 {
	return w.sums(w.scale.Min(), w.scale.Max()).square
}

// EffectiveN returns Kish's effective sample size (Σwᵢ)² / Σwᵢ², or
// ok = false when the total weight is zero.
func (w *Weighted) EffectiveN() (float64, bool) {
	all := w.sums(w.scale.Min(), w.scale.Max())
	if all.weight == 0 {
		return 0, false
	}
	return all.weight * all.weight / all.square, true
}

type weightSums struct{ weight, square float64 }

func (w *Weighted) sums(from, to int) weightSums {
	var s weightSums
	for score := from; score <= to; score++ {
		s.weight += w.weight[score-w.scale.Min()]
		s.square += w.square[score-w.scale.Min()]
	}
	return s
}

// categories returns the promoter, passive and detractor sums.
func (w *Weighted) categories() (pro, pas, det weightSums) {
	s := w.scale
	return w.sums(s.PromoterFrom(), s.Max()), w.sums(s.PassiveFrom(), s.PromoterFrom()-1), w.sums(s.Min(), s.PassiveFrom()-1)
}

// Score returns the weighted score on −1..1, or ok = false when the total
// weight is zero.
func (w *Weighted) Score() (float64, bool) {
	pro, pas, det := w.categories()
	total := pro.weight + pas.weight + det.weight
	if total == 0 {
		return 0, false
	}
	return (pro.weight - det.weight) / total, true
}

// StdErr returns the linearisation standard error of the weighted score,
// or ok = false when the total weight is zero.
func (w *Weighted) StdErr() (float64, bool) {
	score, ok := w.Score()
	if !ok {
		return 0, false
	}
	pro, pas, det := w.categories()
	total := pro.weight + pas.weight + det.weight
	ss := pro.square*(1-score)*(1-score) + pas.square*score*score + det.square*(1+score)*(1+score)
	return math.Sqrt(ss) / total, true
}

// Interval returns the Wald interval of the weighted score on −1..1 at the
// given level, from the linearisation standard error. It fails with
// ErrEmpty when the total weight is zero, or ErrLevel.
func (w *Weighted) Interval(level float64) (Interval, error) {
	score, ok := w.Score()
	if !ok {
		return Interval{}, ErrEmpty
	}
	se, _ := w.StdErr()
	z, err := stat.Critical(level)
	if err != nil {
		return Interval{}, err
	}
	return Interval{Lo: score - z*se, Hi: score + z*se, Level: level, Method: Wald}.Clamp(-1, 1), nil
}
