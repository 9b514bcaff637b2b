package csat

import (
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/stat"
)

// Comparison is the test of a difference between the scores (satisfied
// shares) of two independent samples a and b:
//
//	Delta     pₐ − p_b on [−1, 1]
//	StdErr    √(p̄(1−p̄)(1/nₐ + 1/n_b)), p̄ the pooled share, the standard
//	          error under the hypothesis of no difference
//	Z, P      Delta/StdErr and its two-sided p-value (the same as R's
//	          prop.test(correct = FALSE), whose X-squared is Z²)
//	Interval  Newcombe's hybrid score interval of Delta, clamped to [−1, 1]
type Comparison struct {
	Delta    float64  `json:"delta"`
	StdErr   float64  `json:"std_err"`
	Z        float64  `json:"z"`
	P        float64  `json:"p"`
	Interval Interval `json:"interval"`
}

// String reports the difference in percentage points, e.g.
// "Δ +5.0 points (95% newcombe CI -1.9…+11.8), z = 1.42, p = 0.16".
func (c Comparison) String() string {
	return fmt.Sprintf("Δ %+.1f points (%g%% %s CI %+.1f…%+.1f), z = %.2f, p = %.2g",
		100*c.Delta, 100*c.Interval.Level, c.Interval.Method, 100*c.Interval.Lo, 100*c.Interval.Hi, c.Z, c.P)
}

// Compare tests whether the scores of two independent samples differ,
// with a two-proportion z-test and Newcombe's hybrid score interval at
// the given level. The tallies may be on different scales: what is
// compared is their satisfied shares. It fails with ErrLevel, ErrEmpty if
// either tally is empty, or ErrNoVariance if every response of both is
// satisfied, or none is (the test is then undefined; the interval would
// be [0, 0]).
func Compare(a, b *Tally, level float64) (Comparison, error) {
	if _, err := stat.Critical(level); err != nil {
		return Comparison{}, err
	}
	if a.N() == 0 || b.N() == 0 {
		return Comparison{}, fmt.Errorf("compare: %w", ErrEmpty)
	}
	xa, xb := a.Satisfied(), b.Satisfied()
	na, nb := float64(a.N()), float64(b.N())
	pa, pb := stat.Ratio(xa, a.N(), 1), stat.Ratio(xb, b.N(), 1)
	pooled := (float64(xa) + float64(xb)) / (na + nb)
	se := math.Sqrt(pooled * (1 - pooled) * (1/na + 1/nb))
	if se == 0 {
		return Comparison{}, fmt.Errorf("compare: %w: both samples are all satisfied or all not", ErrNoVariance)
	}
	wa, _ := stat.Proportion(float64(xa), na, level, Wilson)
	wb, _ := stat.Proportion(float64(xb), nb, level, Wilson)
	delta := pa - pb
	z := delta / se
	return Comparison{
		Delta:  delta,
		StdErr: se,
		Z:      z,
		P:      stat.TwoSidedP(z),
		Interval: Interval{
			Lo:     delta - math.Hypot(pa-wa.Lo, wb.Hi-pb),
			Hi:     delta + math.Hypot(wa.Hi-pa, pb-wb.Lo),
			Level:  level,
			Method: Newcombe,
		}.Clamp(-1, 1),
	}, nil
}
