package ces

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"

	"github.com/rapportkit/rapport/adjust"
	"github.com/rapportkit/rapport/internal/stat"

	"github.com/rapportkit/rapport/internal/unit"
)

// Ranked is one group (a channel, a touchpoint) in a ranking by effort,
// tested against the best group, the first of the ranking. It is a
// reporting struct: a figure is nil where it is undefined (the mean of an
// empty group, the test of an untested one).
type Ranked[K cmp.Ordered] struct {
	Key       K        `json:"key"`
	N         uint64   `json:"n"`
	MeanScore *float64 `json:"mean_score"`
	EasePct   *float64 `json:"ease_pct"` // the mean on 0–100, 100 the easiest
	// DeltaScore is the mean minus the best group's mean, on the scale's
	// points.
	DeltaScore *float64 `json:"delta_score"`
	// Tested reports whether the group was compared with the best one:
	// false for the best itself, for empty groups and groups of a single
	// response, and when both groups are a single repeated score.
	Tested bool     `json:"tested"`
	T      *float64 `json:"t"`
	DF     *float64 `json:"df"`
	// PValue is the two-sided p-value of Welch's t-test against the
	// best group, a fraction; AdjustedPValue is it after Holm's
	// correction across the tested groups.
	PValue         *float64 `json:"p_value"`
	AdjustedPValue *float64 `json:"adjusted_p_value"`
	// Significant reports an adjusted p-value at most alpha: the group is
	// significantly harder than the best one.
	Significant bool `json:"significant"`
}

// String reports e.g. "phone: mean 4.12, ease 52.0%, n=150, Δ -1.31,
// p = 3.2e-07 (Holm 6.4e-07), significant".
func (r Ranked[K]) String() string {
	if r.MeanScore == nil {
		return fmt.Sprintf("%v: no responses", r.Key)
	}
	s := fmt.Sprintf("%v: mean %.2f, ease %.1f%%, n=%d", r.Key, *r.MeanScore, *r.EasePct, r.N)
	switch {
	case *r.DeltaScore == 0 && !r.Tested:
		return s
	case !r.Tested:
		return s + fmt.Sprintf(", Δ %+.2f, not tested", *r.DeltaScore)
	}
	s += fmt.Sprintf(", Δ %+.2f, p = %.2g (Holm %.2g)", *r.DeltaScore, *r.PValue, *r.AdjustedPValue)
	if r.Significant {
		s += ", significant"
	}
	return s
}

// Rank orders groups from the easiest (least effort, the one customers
// will prefer) to the hardest by mean score in the scale's easy
// direction, breaking ties by key; empty groups (and nil tallies) come
// last, by key, with their figures undefined. Each group after the first
// is compared with the first by Welch's t-test; the p-values are adjusted
// for the multiple comparisons by Holm's step-down method, which keeps
// the family-wise error rate at alpha (e.g. 0.05, compared as that
// decimal), and a group is flagged Significant when its adjusted p-value
// is at most alpha (package adjust: Holm's method, decided on decimals).
//
// The tallies must all be on the same scale. Rank fails with ErrAlpha,
// ErrMismatch, or ErrID for a key that is not equal to itself (a NaN,
// which no map lookup finds). No groups give an empty ranking.
func Rank[K cmp.Ordered](groups map[K]*Tally, alpha float64) ([]Ranked[K], error) {
	if a := stat.Decimal(alpha); a == nil || a.Sign() <= 0 || a.Cmp(big.NewRat(1, 1)) >= 0 {
		return nil, fmt.Errorf("%w: Rank got %v", ErrAlpha, alpha)
	}
	type group struct {
		key  K
		t    *Tally
		mean float64
	}
	var full, empty []group
	for k, t := range groups {
		if k != k {
			return nil, fmt.Errorf("rank: %w: %v", ErrID, k)
		}
		if t == nil || t.N() == 0 {
			empty = append(empty, group{key: k})
			continue
		}
		m, _ := t.Mean()
		full = append(full, group{k, t, m})
	}
	byKey := func(a, b group) int { return cmp.Compare(a.key, b.key) }
	slices.SortFunc(full, byKey)
	slices.SortFunc(empty, byKey)
	for _, g := range full {
		if g.t.Scale() != full[0].t.Scale() {
			return nil, fmt.Errorf("rank: group %v: %w: %v and %v", g.key, ErrMismatch, g.t.Scale(), full[0].t.Scale())
		}
	}
	// Easiest first; keys are sorted and the sort is stable.
	slices.SortStableFunc(full, func(a, b group) int {
		if a.t.Scale().Polarity() == LowerIsEasier {
			return cmp.Compare(a.mean, b.mean)
		}
		return cmp.Compare(b.mean, a.mean)
	})
	ranked := make([]Ranked[K], 0, len(full)+len(empty))
	var p []float64 // of the tested rows, in order
	var tested []int
	for i, g := range full {
		ease, _ := g.t.Ease()
		r := Ranked[K]{Key: g.key, N: g.t.N(), MeanScore: unit.Value(g.mean, true), EasePct: unit.Pct(ease, true),
			DeltaScore: unit.Value(g.mean-full[0].mean, true)}
		if w, _ := welch(g.t, full[0].t); i > 0 && w.tested { // same scale: checked above
			r.Tested, r.T, r.DF = true, unit.Value(w.t, true), unit.Value(w.df, true)
			p, tested = append(p, w.p), append(tested, i)
		}
		ranked = append(ranked, r)
	}
	ps := make([]*float64, len(p))
	for j := range p {
		ps[j] = &p[j]
	}
	// Welch p-values are in [0, 1]; the one failure left is a map of more
	// than adjust.MaxTests groups.
	adjusted, err := adjust.P(ps, adjust.Holm)
	if err != nil {
		return nil, fmt.Errorf("rank: %w", err)
	}
	significant, err := adjust.Significant(ps, adjust.Holm, alpha)
	if err != nil {
		return nil, fmt.Errorf("rank: %w", err)
	}
	for j := range p {
		r := &ranked[tested[j]]
		r.PValue, r.AdjustedPValue, r.Significant = unit.Value(p[j], true), adjusted[j], significant[j]
	}
	for _, g := range empty {
		ranked = append(ranked, Ranked[K]{Key: g.key})
	}
	return ranked, nil
}
