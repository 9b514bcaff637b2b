package ces

import (
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/stat"
)

// Comparison is Welch's t-test of the difference between the mean scores
// of two independent samples a and b on the same scale:
//
//	Delta     meanₐ − mean_b, on the scale's points
//	StdErr    √(sₐ²/nₐ + s_b²/n_b)
//	T, DF     Delta/StdErr and the Welch–Satterthwaite degrees of freedom
//	P         the two-sided p-value, 2·F(−|T|; DF)
//	Interval  Delta ± t(1 − α/2; DF)·StdErr, clamped to ±(Max − Min)
//
// as R's t.test(a, b, var.equal = FALSE). Whether a positive Delta is
// good depends on the scale's polarity.
type Comparison struct {
	Delta    float64  `json:"delta"`
	StdErr   float64  `json:"std_err"`
	T        float64  `json:"t"`
	DF       float64  `json:"df"`
	P        float64  `json:"p"`
	Interval Interval `json:"interval"`
}

// String reports e.g. "Δ -0.42 (95% welch CI -0.71…-0.13), t = -2.87,
// df = 287.4, p = 0.0044".
func (c Comparison) String() string {
	return fmt.Sprintf("Δ %+.2f (%g%% %s CI %+.2f…%+.2f), t = %.2f, df = %.1f, p = %.2g",
		c.Delta, 100*c.Interval.Level, c.Interval.Method, c.Interval.Lo, c.Interval.Hi, c.T, c.DF, c.P)
}

// Compare tests whether the mean scores of two independent samples on the
// same scale differ, with Welch's t-test and interval at the given level.
// It fails with ErrLevel, ErrScale for different scales, ErrTooFew if a
// sample has fewer than two responses, or ErrNoVariance if each sample is
// a single repeated score.
func Compare(a, b *Tally, level float64) (Comparison, error) {
	if _, err := stat.Critical(level); err != nil {
		return Comparison{}, err
	}
	w, err := welch(a, b)
	if err != nil {
		return Comparison{}, fmt.Errorf("compare: %w", err)
	}
	h := stat.TQuantile(1-(1-level)/2, w.df) * w.se
	span := float64(a.scale.Max() - a.scale.Min())
	return Comparison{
		Delta:    w.delta,
		StdErr:   w.se,
		T:        w.t,
		DF:       w.df,
		P:        w.p,
		Interval: Interval{Lo: w.delta - h, Hi: w.delta + h, Level: level, Method: Welch}.Clamp(-span, span),
	}, nil
}

type welchTest struct{ delta, se, t, df, p float64 }

// welch returns Welch's test of meanₐ − mean_b.
func welch(a, b *Tally) (welchTest, error) {
	if a.scale != b.scale {
		return welchTest{}, fmt.Errorf("%w: %v and %v", ErrScale, a.scale, b.scale)
	}
	if a.N() < 2 || b.N() < 2 {
		return welchTest{}, fmt.Errorf("%w: %d and %d responses, a test needs two each", ErrTooFew, a.N(), b.N())
	}
	ma, _ := a.Mean()
	mb, _ := b.Mean()
	sa, _ := a.StdDev()
	sb, _ := b.StdDev()
	va, vb := sa*sa/float64(a.N()), sb*sb/float64(b.N())
	se := math.Sqrt(va + vb)
	if se == 0 {
		return welchTest{}, fmt.Errorf("%w: each sample is a single repeated score", ErrNoVariance)
	}
	df := (va + vb) * (va + vb) / (va*va/float64(a.N()-1) + vb*vb/float64(b.N()-1))
	t := (ma - mb) / se
	return welchTest{delta: ma - mb, se: se, t: t, df: df, p: 2 * stat.TCDF(-math.Abs(t), df)}, nil
}
