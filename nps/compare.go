package nps

import (
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/stat"
)

// Comparison is the two-sample test of a − b for independent samples:
// Δ = NPSₐ − NPS_b on −1..1, SE = √(Varₐ/Nₐ + Var_b/N_b), z = Δ/SE and the
// two-sided p-value; Interval is Δ ± z_level·SE, clamped to [−2, 2].
type Comparison struct {
	Delta    float64  `json:"delta"`
	StdErr   float64  `json:"std_err"`
	Z        float64  `json:"z"`
	P        float64  `json:"p"`
	Interval Interval `json:"interval"`
}

// String reports the difference in points, e.g.
// "Δ +12.0 points (95% CI +3.1…+20.9), z = 2.64, p = 0.0083".
func (c Comparison) String() string {
	return fmt.Sprintf("Δ %+.1f points (%g%% CI %+.1f…%+.1f), z = %.2f, p = %.2g",
		100*c.Delta, 100*c.Interval.Level, 100*c.Interval.Lo, 100*c.Interval.Hi, c.Z, c.P)
}

// Compare tests whether the scores of two independent samples differ (a
// Wald test on the difference of two trinomial means). It fails with
// ErrEmpty if either tally is empty and ErrNoVariance if both samples are
// all one category (the test is then undefined).
func Compare(a, b *Tally, level float64) (Comparison, error) {
	z, err := stat.Critical(level)
	if err != nil {
		return Comparison{}, err
	}
	sa, okA := a.Score()
	sb, okB := b.Score()
	if !okA || !okB {
		return Comparison{}, fmt.Errorf("compare: %w", ErrEmpty)
	}
	va, _ := a.Variance()
	vb, _ := b.Variance()
	se := math.Sqrt(va/float64(a.N()) + vb/float64(b.N()))
	if se == 0 {
		return Comparison{}, fmt.Errorf("compare: %w: each sample has a single category", ErrNoVariance)
	}
	delta := sa.Float() - sb.Float()
	zStat := delta / se
	return Comparison{
		Delta:    delta,
		StdErr:   se,
		Z:        zStat,
		P:        stat.TwoSidedP(zStat),
		Interval: Interval{Lo: delta - z*se, Hi: delta + z*se, Level: level, Method: Wald}.Clamp(-2, 2),
	}, nil
}
