package ces

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

// Ranked is one group (a channel, a touchpoint) in a ranking by effort,
// tested against the best group, the first of the ranking.
type Ranked[K cmp.Ordered] struct {
	Key  K       `json:"key"`
	N    uint64  `json:"n"`
	Mean float64 `json:"mean"`
	Ease float64 `json:"ease"` // the mean on [0, 1], 1 the easiest
	// Delta is Mean minus the best group's mean, on the scale's points.
	Delta float64 `json:"delta"`
	// Tested reports whether the group was compared with the best one:
	// false for the best itself, for groups of a single response and when
	// both groups are a single repeated score. Untested rows have T and DF
	// 0, P and AdjustedP 1.
	Tested bool    `json:"tested"`
	T      float64 `json:"t"`
	DF     float64 `json:"df"`
	// P is the two-sided p-value of Welch's t-test against the best group;
	// AdjustedP is P after Holm's correction across the tested groups.
	P         float64 `json:"p"`
	AdjustedP float64 `json:"adjusted_p"`
	// Significant reports AdjustedP < alpha: the group is significantly
	// harder than the best one.
	Significant bool `json:"significant"`
}

// String reports e.g. "phone: mean 4.12, ease 52.0%, n=150, Δ -1.31,
// p = 3.2e-07 (Holm 6.4e-07), significant".
func (r Ranked[K]) String() string {
	s := fmt.Sprintf("%v: mean %.2f, ease %.1f%%, n=%d", r.Key, r.Mean, 100*r.Ease, r.N)
	switch {
	case r.Delta == 0 && !r.Tested:
		return s
	case !r.Tested:
		return s + fmt.Sprintf(", Δ %+.2f, not tested", r.Delta)
	}
	s += fmt.Sprintf(", Δ %+.2f, p = %.2g (Holm %.2g)", r.Delta, r.P, r.AdjustedP)
	if r.Significant {
		s += ", significant"
	}
	return s
}

// Rank orders groups from the easiest (least effort, the one customers
// will prefer) to the hardest by mean score in the scale's easy
// direction, breaking ties by key. Each group after the first is compared
// with the first by Welch's t-test; the p-values are adjusted for the
// multiple comparisons by Holm's step-down method, which keeps the
// family-wise error rate at alpha (e.g. 0.05), and a group is flagged
// Significant when its adjusted p-value is below alpha.
//
// Every group must be a non-empty, non-nil tally, all on the same scale. Rank fails with
// ErrAlpha, ErrEmpty (no groups, or an empty one, named) or ErrScale.
func Rank[K cmp.Ordered](groups map[K]*Tally, alpha float64) ([]Ranked[K], error) {
	if !(alpha > 0 && alpha < 1) {
		return nil, fmt.Errorf("%w: got %v", ErrAlpha, alpha)
	}
	if len(groups) == 0 {
		return nil, fmt.Errorf("rank: %w: no groups", ErrEmpty)
	}
	keys := slices.Sorted(maps.Keys(groups))
	ranked := make([]Ranked[K], 0, len(keys))
	var scale Scale
	for i, k := range keys {
		t := groups[k] // nil for a nil tally, or a NaN key no lookup finds
		if t == nil {
			return nil, fmt.Errorf("rank: group %v: %w", k, ErrEmpty)
		}
		if i == 0 {
			scale = t.scale
		}
		if t.scale != scale {
			return nil, fmt.Errorf("rank: group %v: %w: %v and %v", k, ErrScale, t.scale, scale)
		}
		mean, ok := t.Mean()
		if !ok {
			return nil, fmt.Errorf("rank: group %v: %w", k, ErrEmpty)
		}
		ranked = append(ranked, Ranked[K]{Key: k, N: t.N(), Mean: mean, Ease: scale.ease(mean), P: 1, AdjustedP: 1})
	}
	// Easiest first; keys are already sorted, and the sort is stable.
	slices.SortStableFunc(ranked, func(a, b Ranked[K]) int {
		if scale.polarity == LowerIsEasier {
			return cmp.Compare(a.Mean, b.Mean)
		}
		return cmp.Compare(b.Mean, a.Mean)
	})
	best := groups[ranked[0].Key]
	var tested []int
	for i := 1; i < len(ranked); i++ {
		r := &ranked[i]
		r.Delta = r.Mean - ranked[0].Mean
		w, err := welch(groups[r.Key], best)
		if err != nil { // too few responses or no variance: not tested
			continue
		}
		r.Tested, r.T, r.DF, r.P = true, w.t, w.df, w.p
		tested = append(tested, i)
	}
	holm(ranked, tested)
	for _, i := range tested {
		ranked[i].Significant = ranked[i].AdjustedP < alpha
	}
	return ranked, nil
}

// holm sets AdjustedP of the rows at the given indices by Holm's
// step-down method: with the m p-values sorted ascending,
// p̃₍ⱼ₎ = max over i ≤ j of min(1, (m − i + 1)·p₍ᵢ₎) (R's p.adjust "holm").
func holm[K cmp.Ordered](rows []Ranked[K], idx []int) {
	order := slices.Clone(idx)
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rows[a].P, rows[b].P) })
	m := len(order)
	running := 0.0
	for j, i := range order {
		running = max(running, min(1, float64(m-j)*rows[i].P))
		rows[i].AdjustedP = running
	}
}
