package stat

import "math"

// TCDF returns the Student t distribution function with df > 0 degrees of
// freedom (NaN otherwise): for t ≥ 0, 1 − ½·I_{df/(df+t²)}(df/2, ½).
func TCDF(t, df float64) float64 {
	if !(df > 0) || math.IsNaN(t) {
		return math.NaN()
	}
	tail := 0.5 * RegIncBeta(df/(df+t*t), df/2, 0.5)
	if t < 0 {
		return tail
	}
	return 1 - tail
}

// TQuantile returns the p-quantile of the Student t distribution with df > 0
// degrees of freedom, through the inverse incomplete beta function; it is
// NaN outside p in [0, 1] or for df ≤ 0 and ±Inf at the ends.
func TQuantile(p, df float64) float64 {
	switch {
	case !(df > 0 && p >= 0 && p <= 1):
		return math.NaN()
	case p == 0:
		return math.Inf(-1)
	case p == 1:
		return math.Inf(1)
	case p == 0.5:
		return 0
	case p < 0.5:
		return -TQuantile(1-p, df)
	}
	// t² / (df + t²) ~ Beta(½, df/2) and df / (df + t²) ~ Beta(df/2, ½);
	// invert whichever one is not close to 1, to keep the digits of 1 − x.
	tail := 2 * (1 - p) // P(|T| > t)
	if tail < 0.5 {
		x := BetaQuantile(tail, df/2, 0.5) // x = df/(df+t²)
		return math.Sqrt(df * (1 - x) / x)
	}
	y := BetaQuantile(1-tail, 0.5, df/2) // y = t²/(df+t²)
	return math.Sqrt(df * y / (1 - y))
}
