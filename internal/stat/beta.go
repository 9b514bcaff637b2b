package stat

import "math"

// RegIncBeta returns the regularized incomplete beta function I_x(a, b) for
// a, b > 0 and x in [0, 1], by the continued fraction of Numerical Recipes
// §6.4 evaluated with the modified Lentz method; the symmetry
// I_x(a, b) = 1 − I_{1−x}(b, a) keeps the fraction in its fast-converging
// region. It returns NaN for arguments outside the domain.
func RegIncBeta(x, a, b float64) float64 {
	switch {
	case !(a > 0 && b > 0 && x >= 0 && x <= 1):
		return math.NaN()
	case x == 0:
		return 0
	case x == 1:
		return 1
	}
	if x > (a+1)/(a+b+2) {
		return 1 - RegIncBeta(1-x, b, a)
	}
	return math.Exp(logBetaFront(x, a, b)) * betaFraction(x, a, b) / a
}

// logBetaFront returns log(xᵃ(1−x)ᵇ / B(a, b)).
func logBetaFront(x, a, b float64) float64 {
	return a*math.Log(x) + b*math.Log1p(-x) - logBeta(a, b)
}

func logBeta(a, b float64) float64 {
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	return la + lb - lab
}

// betaFraction evaluates the continued fraction for I_x(a, b).
func betaFraction(x, a, b float64) float64 {
	const (
		tiny    = 1e-300
		eps     = 1e-16
		maxIter = 100000
	)
	clamp := func(v float64) float64 {
		if math.Abs(v) < tiny {
			return tiny
		}
		return v
	}
	c := 1.0
	d := 1 / clamp(1-(a+b)*x/(a+1))
	h := d
	for m := 1; m <= maxIter; m++ {
		fm := float64(m)
		// Even step.
		num := fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm))
		d = 1 / clamp(1+num*d)
		c = clamp(1 + num/c)
		h *= d * c
		// Odd step.
		num = -(a + fm) * (a + b + fm) * x / ((a + 2*fm) * (a + 2*fm + 1))
		d = 1 / clamp(1+num*d)
		c = clamp(1 + num/c)
		delta := d * c
		h *= delta
		if math.Abs(delta-1) < eps {
			break
		}
	}
	return h
}

// BetaQuantile returns x with I_x(a, b) = p, the p-quantile of the Beta(a, b)
// distribution, for p in [0, 1] and a, b > 0 (NaN otherwise). It runs a
// Newton iteration on the beta density, kept inside a shrinking bracket by
// bisection, to full double precision.
func BetaQuantile(p, a, b float64) float64 {
	switch {
	case !(a > 0 && b > 0 && p >= 0 && p <= 1):
		return math.NaN()
	case p == 0:
		return 0
	case p == 1:
		return 1
	}
	lo, hi := 0.0, 1.0
	x := a / (a + b) // the mean: always inside (0, 1)
	lb := logBeta(a, b)
	for range 200 {
		f := RegIncBeta(x, a, b) - p
		if f == 0 {
			return x
		}
		if f < 0 {
			lo = x
		} else {
			hi = x
		}
		density := math.Exp((a-1)*math.Log(x) + (b-1)*math.Log1p(-x) - lb)
		next := x - f/density
		if !(next > lo && next < hi) { // Newton left the bracket: bisect
			next = lo + (hi-lo)/2
		}
		if math.Abs(next-x) <= 1e-15*x || hi-lo <= 1e-15*hi {
			return next
		}
		x = next
	}
	return x
}
