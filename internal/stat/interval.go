package stat

import (
	"fmt"
	"math"
)

// Method names an interval construction. Its value is the name written in
// JSON and printed by Interval.String.
type Method string

// Methods for a binomial proportion. Packages define their own methods (the
// NPS intervals, for one) with the same type.
const (
	Wald           Method = "wald"
	Wilson         Method = "wilson"
	AgrestiCoull   Method = "agresti-coull"
	ClopperPearson Method = "clopper-pearson"
	Jeffreys       Method = "jeffreys"
)

// Interval is a two-sided confidence interval [Lo, Hi] at confidence Level,
// built by Method and clamped to the valid range of its statistic.
type Interval struct {
	Lo     float64 `json:"lo"`
	Hi     float64 `json:"hi"`
	Level  float64 `json:"level"`
	Method Method  `json:"method"`
}

// String formats the interval as "[lo, hi] (95% method)".
func (i Interval) String() string {
	return fmt.Sprintf("[%.4g, %.4g] (%g%% %s)", i.Lo, i.Hi, 100*i.Level, i.Method)
}

// Clamp returns the interval with both bounds limited to [lo, hi].
func (i Interval) Clamp(lo, hi float64) Interval {
	i.Lo = math.Min(math.Max(i.Lo, lo), hi)
	i.Hi = math.Min(math.Max(i.Hi, lo), hi)
	return i
}

// Proportion returns the confidence interval for x successes in n trials
// (fractional counts allowed, e.g. effective sample sizes) at the given
// level, built by method m and clamped to [0, 1].
func Proportion(x, n, level float64, m Method) (Interval, error) {
	z, err := Critical(level)
	if err != nil {
		return Interval{}, err
	}
	if !(n > 0) || math.IsInf(n, 1) {
		return Interval{}, fmt.Errorf("proportion of %v trials: %w", n, ErrEmpty)
	}
	if !(x >= 0 && x <= n) {
		return Interval{}, fmt.Errorf("%w: %v of %v", ErrCount, x, n)
	}
	alpha := 1 - level
	p := x / n
	var lo, hi float64
	switch m {
	case Wald:
		h := z * math.Sqrt(p*(1-p)/n)
		lo, hi = p-h, p+h
	case Wilson:
		z2 := z * z
		centre := (p + z2/(2*n)) / (1 + z2/n)
		h := z / (1 + z2/n) * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
		lo, hi = centre-h, centre+h
		// At 0 of n the lower bound is 0 and at n of n the upper one is 1
		// exactly; the difference of nearly equal terms leaves 1e-17.
		if x == 0 {
			lo = 0
		}
		if x == n {
			hi = 1
		}
	case AgrestiCoull:
		nt := n + z*z
		pt := (x + z*z/2) / nt
		h := z * math.Sqrt(pt*(1-pt)/nt)
		lo, hi = pt-h, pt+h
	case ClopperPearson:
		lo, hi = 0, 1
		if x > 0 {
			lo = BetaQuantile(alpha/2, x, n-x+1)
		}
		if x < n {
			hi = BetaQuantile(1-alpha/2, x+1, n-x)
		}
	case Jeffreys:
		lo, hi = 0, 1
		if x > 0 {
			lo = BetaQuantile(alpha/2, x+0.5, n-x+0.5)
		}
		if x < n {
			hi = BetaQuantile(1-alpha/2, x+0.5, n-x+0.5)
		}
	default:
		return Interval{}, fmt.Errorf("%w: %q", ErrMethod, m)
	}
	return Interval{Lo: lo, Hi: hi, Level: level, Method: m}.Clamp(0, 1), nil
}
