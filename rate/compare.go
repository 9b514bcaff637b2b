package rate

import (
	"fmt"
	"math"
	"math/big"

	"github.com/rapportkit/rapport/internal/stat"
	"github.com/rapportkit/rapport/internal/unit"
)

// Comparison compares a variant's rate with a base rate (this month with
// last month, a new subject line with the old one, a channel with the
// rest). Undefined figures are nil, null in JSON:
//
//   - the rates, for an empty tally;
//   - the difference and its interval, unless both tallies have trials;
//   - the lift, also when the base rate is 0, and its interval when
//     either rate is 0 (the log of 0);
//   - Z and P, also when the pooled rate is 0 or 1 (no variance).
//
// The difference is in percentage points and the lift in percent, so
// that a move from 20 % to 22 % reads +2 points, or a lift of +10 %.
// Z and P are the pooled z statistic and its two-sided p-value; P is a
// probability in [0, 1], left as a fraction (as α = 0.05 is), ready for
// adjust.P and adjust.Significant.
type Comparison struct {
	BaseN                    uint64    `json:"base_n"`
	BasePct                  *float64  `json:"base_pct"`
	VariantN                 uint64    `json:"variant_n"`
	VariantPct               *float64  `json:"variant_pct"`
	DifferencePoints         *float64  `json:"difference_points"`
	DifferenceIntervalPoints *Interval `json:"difference_interval_points"`
	LiftPct                  *float64  `json:"lift_pct"`
	LiftIntervalPct          *Interval `json:"lift_interval_pct"`
	Z                        *float64  `json:"z"`
	PValue                   *float64  `json:"p_value"`
}

// Compare compares the rate of variant with the rate of base, both
// independent samples, at the given level (0.95) with the difference's
// interval by method m, Newcombe or Wald:
//
//	difference  p_v − p_b                      in points, interval by m
//	lift        p_v / p_b − 1                  in percent, Katz log interval
//	z           (p_v − p_b) / √(p̄(1 − p̄)(1/n_v + 1/n_b)),  p̄ the pooled rate
//	p           2·(1 − Φ(|z|))
//
// which are R's prop.test(correct = FALSE) for z and p. The difference
// and the lift are exact fractions of the counts, correctly rounded (22 %
// against 20 % is +2 points, not +2.0000000000000018). A nil tally is
// empty. Compare fails only with ErrLevel or ErrMethod.
func Compare(base, variant *Tally, level float64, m Method) (Comparison, error) {
	if err := checkLevel(level, "Compare"); err != nil {
		return Comparison{}, err
	}
	if m != Newcombe && m != Wald {
		return Comparison{}, fmt.Errorf("%w: Compare got %q, not newcombe or wald", ErrMethod, string(m))
	}
	xb, nb := base.counts()
	xv, nv := variant.counts()
	c := Comparison{BaseN: nb, VariantN: nv}
	if nb > 0 {
		c.BasePct = unit.Value(stat.Ratio(xb, nb, 100), true)
	}
	if nv > 0 {
		c.VariantPct = unit.Value(stat.Ratio(xv, nv, 100), true)
	}
	if nb == 0 || nv == 0 {
		return c, nil
	}
	z, _ := stat.Critical(level)

	// d = D / (n_v·n_b) with D = x_v·n_b − x_b·n_v, exactly.
	diff := new(big.Int).Sub(mul(xv, nb), mul(xb, nv))
	c.DifferencePoints = unit.Value(quo(new(big.Int).Mul(diff, big.NewInt(100)), mul(nv, nb)), true)
	d := quo(diff, mul(nv, nb))
	pb, pv := stat.Ratio(xb, nb, 1), stat.Ratio(xv, nv, 1)
	var ci Interval
	if m == Newcombe {
		ci, _ = stat.NewcombeInterval(xv, nv, xb, nb, level) // the level is checked above
	} else {
		h := z * math.Sqrt(pv*(1-pv)/float64(nv)+pb*(1-pb)/float64(nb))
		ci = Interval{Lo: d - h, Hi: d + h, Level: level, Method: Wald}.Clamp(-1, 1)
	}
	c.DifferenceIntervalPoints = unit.Interval(ci, nil, 100)

	if xb > 0 { // lift = D / (x_b·n_v)
		c.LiftPct = unit.Value(quo(new(big.Int).Mul(diff, big.NewInt(100)), mul(xb, nv)), true)
		if xv > 0 {
			c.LiftIntervalPct = unit.Interval(katz(xb, nb, xv, nv, z, level), nil, 100)
		}
	}

	// The pooled test: z = D·√(N / (n_v·n_b·X·Y)), X and Y the successes
	// and failures of both, from the exact D.
	x, y := float64(xb)+float64(xv), float64(nb-xb)+float64(nv-xv)
	if x > 0 && y > 0 {
		nf := float64(nb) + float64(nv)
		zs := bigFloat(diff) * math.Sqrt(nf/(float64(nv)*float64(nb)*x*y))
		c.Z = unit.Value(zs, true)
		c.PValue = unit.Value(stat.TwoSidedP(zs), true)
	}
	return c, nil
}

// katz returns the interval of the lift p_v/p_b − 1 from the Katz log
// interval of the ratio, for x_b, x_v > 0:
// exp(log(p_v/p_b) ± z·√((n_v − x_v)/(x_v·n_v) + (n_b − x_b)/(x_b·n_b))) − 1.
func katz(xb, nb, xv, nv uint64, z, level float64) Interval {
	ratio := quo(mul(xv, nb), mul(xb, nv))
	se := math.Sqrt(float64(nv-xv)/(float64(xv)*float64(nv)) + float64(nb-xb)/(float64(xb)*float64(nb)))
	return Interval{
		Lo:     ratio*math.Exp(-z*se) - 1,
		Hi:     ratio*math.Exp(z*se) - 1,
		Level:  level,
		Method: KatzLog,
	}
}

// mul returns a·b exactly.
func mul(a, b uint64) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(a), new(big.Int).SetUint64(b))
}

// quo returns num/den correctly rounded, for den > 0.
func quo(num, den *big.Int) float64 {
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f
}

// bigFloat returns x rounded to float64.
func bigFloat(x *big.Int) float64 {
	f, _ := new(big.Float).SetInt(x).Float64()
	return f
}

// String reports e.g. "22.0% vs 20.0%: +2.0 points (95% newcombe
// -1.6…+5.6), lift +10.0% (95% katz-log -7.3…+30.7%), z = 1.09, p = 0.28",
// with "n/a" for undefined figures.
func (c Comparison) String() string {
	s := fmt.Sprintf("%s vs %s: %s points", figure(c.VariantPct, "%.1f%%"), figure(c.BasePct, "%.1f%%"), figure(c.DifferencePoints, "%+.1f"))
	if ci := c.DifferenceIntervalPoints; ci != nil {
		s += fmt.Sprintf(" (%g%% %s %+.1f…%+.1f)", 100*ci.Level, ci.Method, ci.Lo, ci.Hi)
	}
	s += ", lift " + figure(c.LiftPct, "%+.1f%%")
	if ci := c.LiftIntervalPct; ci != nil {
		s += fmt.Sprintf(" (%g%% %s %+.1f…%+.1f%%)", 100*ci.Level, ci.Method, ci.Lo, ci.Hi)
	}
	return s + fmt.Sprintf(", z = %s, p = %s", figure(c.Z, "%.2f"), figure(c.PValue, "%.2g"))
}

// figure formats *v, or "n/a" for nil.
func figure(v *float64, format string) string {
	if v == nil {
		return "n/a"
	}
	return fmt.Sprintf(format, *v)
}
