package ces

import (
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/stat"
	"github.com/rapportkit/rapport/internal/unit"
)

// Compare tests whether the mean scores of two independent samples on the
// same scale differ, with Welch's t-test and interval at the given level.
// It fails with ErrLevel, or ErrMismatch for tallies on different scales;
// undefined figures are nil (see Comparison). A nil tally is an empty one.
func Compare(a, b *Tally, level float64) (Comparison, error) {
	if _, err := kind.Critical("Compare", level); err != nil {
		return Comparison{}, err
	}
	if a == nil {
		a = new(Tally)
	}
	if b == nil {
		b = new(Tally)
	}
	w, err := welch(a, b)
	if err != nil || a.N() == 0 || b.N() == 0 {
		return Comparison{}, err
	}
	c := Comparison{DeltaScore: unit.Value(w.delta, true)}
	if !w.hasSE {
		return c, nil
	}
	c.StdErrScore = unit.Value(w.se, true)
	span := float64(a.Scale().Max() - a.Scale().Min())
	h := 0.0
	if w.tested {
		c.T, c.DF, c.PValue = unit.Value(w.t, true), unit.Value(w.df, true), unit.Value(w.p, true)
		h = stat.TQuantile(1-(1-level)/2, w.df) * w.se
	}
	c.DeltaIntervalScore = unit.Interval(Interval{Lo: w.delta - h, Hi: w.delta + h, Level: level, Method: Welch}.Clamp(-span, span), nil, 1)
	return c, nil
}

// Comparison is Welch's t-test of the difference between the mean scores
// of two independent samples a and b on the same scale, a reporting
// struct on the scale's points:
//
//	DeltaScore          meanₐ − mean_b
//	StdErrScore         √(sₐ²/nₐ + s_b²/n_b)
//	T, DF               Delta/StdErr and the Welch–Satterthwaite degrees of
//	                    freedom (a count, not an integer)
//	PValue              the two-sided p-value 2·F(−|T|; DF), a fraction
//	DeltaIntervalScore  Delta ± t(1 − α/2; DF)·StdErr, clamped to ±(Max − Min)
//
// as R's t.test(a, b, var.equal = FALSE). Whether a positive Delta is
// good depends on the scale's polarity. A figure is nil where it is
// undefined: all of them when a sample is empty, all but Delta when a
// sample has a single response, the t ratio, DF and the p-value when each
// sample is a single repeated score.
type Comparison struct {
	DeltaScore         *float64  `json:"delta_score"`
	StdErrScore        *float64  `json:"std_err_score"`
	T                  *float64  `json:"t"`
	DF                 *float64  `json:"df"`
	PValue             *float64  `json:"p_value"`
	DeltaIntervalScore *Interval `json:"delta_interval_score"`
}

// String reports e.g. "Δ -0.42 (95% welch CI -0.71…-0.13), t = -2.87,
// df = 287.4, p = 0.0044".
func (c Comparison) String() string {
	switch {
	case c.DeltaScore == nil:
		return "Δ undefined: a sample is empty"
	case c.DeltaIntervalScore == nil:
		return fmt.Sprintf("Δ %+.2f, untested: a sample has a single response", *c.DeltaScore)
	}
	ci := c.DeltaIntervalScore
	s := fmt.Sprintf("Δ %+.2f (%g%% %s CI %+.2f…%+.2f)", *c.DeltaScore, 100*ci.Level, ci.Method, ci.Lo, ci.Hi)
	if c.T == nil {
		return s + ", t and p undefined: no variance"
	}
	return s + fmt.Sprintf(", t = %.2f, df = %.1f, p = %.2g", *c.T, *c.DF, *c.PValue)
}

// welchTest is Welch's test of meanₐ − mean_b: hasSE when both samples
// have two responses, tested when moreover the standard error is not 0.
type welchTest struct {
	delta, se, t, df, p float64
	hasSE, tested       bool
}

// welch returns Welch's test of meanₐ − mean_b for two tallies on the
// same scale (its delta is 0 if one is empty), or ErrMismatch.
func welch(a, b *Tally) (welchTest, error) {
	if a.Scale() != b.Scale() {
		return welchTest{}, fmt.Errorf("%w: %v and %v", ErrMismatch, a.Scale(), b.Scale())
	}
	ma, _ := a.Mean()
	mb, _ := b.Mean()
	w := welchTest{delta: ma - mb}
	sa, okA := a.StdDev()
	sb, okB := b.StdDev()
	if !okA || !okB {
		return w, nil
	}
	va, vb := sa*sa/float64(a.N()), sb*sb/float64(b.N())
	w.se, w.hasSE = math.Sqrt(va+vb), true
	if w.se == 0 {
		return w, nil
	}
	w.df = (va + vb) * (va + vb) / (va*va/float64(a.N()-1) + vb*vb/float64(b.N()-1))
	w.t = w.delta / w.se
	w.p = 2 * stat.TCDF(-math.Abs(w.t), w.df)
	w.tested = true
	return w, nil
}
