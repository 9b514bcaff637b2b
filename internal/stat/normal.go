package stat

import (
	"fmt"
	"math"
)

// NormalCDF returns Φ(x), the standard normal distribution function.
func NormalCDF(x float64) float64 {
	return 0.5 * math.Erfc(-x/math.Sqrt2)
}

// TwoSidedP returns the two-sided p-value 2·(1 − Φ(|z|)) of a z statistic,
// computed through erfc so that it keeps its precision far in the tail.
func TwoSidedP(z float64) float64 {
	return math.Erfc(math.Abs(z) / math.Sqrt2)
}

// Critical returns the two-sided critical value z with Φ(z) = 1 − (1 − level)/2,
// e.g. 1.959964 for level 0.95.
func Critical(level float64) (float64, error) {
	if !(level > 0 && level < 1) {
		return 0, fmt.Errorf("%w: got %v", ErrLevel, level)
	}
	return -NormalQuantile((1 - level) / 2), nil
}

// NormalQuantile returns Φ⁻¹(p) for p in [0, 1]: −Inf at 0, +Inf at 1 and
// NaN outside. It is Wichura's algorithm AS 241 (PPND16, Applied Statistics
// 37, 1988), accurate to about 1e-16 relative over the whole range.
func NormalQuantile(p float64) float64 {
	switch {
	case !(p >= 0 && p <= 1):
		return math.NaN()
	case p == 0:
		return math.Inf(-1)
	case p == 1:
		return math.Inf(1)
	}
	q := p - 0.5
	if math.Abs(q) <= 0.425 {
		r := 0.180625 - q*q
		return q * poly(r, 3.387132872796366608, 133.14166789178437745,
			1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
			67265.770927008700853, 33430.575583588128105, 2509.0809287301226727) /
			poly(r, 1, 42.313330701600911252, 687.1870074920579083,
				5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
				28729.085735721942674, 5226.495278852854561)
	}
	r := math.Min(p, 1-p)
	r = math.Sqrt(-math.Log(r))
	var x float64
	if r <= 5 {
		r -= 1.6
		x = poly(r, 1.42343711074968357734, 4.6303378461565452959,
			5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
			0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4) /
			poly(r, 1, 2.05319162663775882187, 1.6763848301838038494,
				0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966,
				5.475938084995344946e-4, 1.05075007164441684324e-9)
	} else {
		r -= 5
		x = poly(r, 6.6579046435011037772, 5.4637849111641143699,
			1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
			0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7) /
			poly(r, 1, 0.59983220655588793769, 0.13692988092273580531,
				0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5,
				1.4215117583164458887e-7, 2.04426310338993978564e-15)
	}
	if q < 0 {
		return -x
	}
	return x
}

// poly evaluates c[0] + c[1]·x + … + c[n]·xⁿ by Horner's rule.
func poly(x float64, c ...float64) float64 {
	s := 0.0
	for i := len(c) - 1; i >= 0; i-- {
		s = s*x + c[i]
	}
	return s
}
