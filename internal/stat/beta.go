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
	return regIncBeta(x, 1-x, a, b)
}

// regIncBeta is I_x(a, b) with y = 1 − x given apart, so that the
// symmetry keeps the digits of whichever is small: for x in [½, 1]
// 1 − x is exact, and for x below ½ it is at least ½ and within an ulp;
// recomputing 1 − (1 − x) after the swap instead would leave 2·10⁻⁹ with
// 8 digits.
func regIncBeta(x, y, a, b float64) float64 {
	if x > (a+1)/(a+b+2) {
		return 1 - regIncBeta(y, x, b, a)
	}
	return math.Exp(logBetaFront(x, y, a, b)) * betaFraction(x, y, a, b) / a
}

// logBetaFront returns log(xᵃyᵇ / B(a, b)), y = 1 − x.
func logBetaFront(x, y, a, b float64) float64 {
	return a*logOf(x, y) + b*logOf(y, x) - logBeta(a, b)
}

// logOf returns log x for x + y = 1, from whichever of the two is
// accurate where the logarithm needs it.
func logOf(x, y float64) float64 {
	if x < 0.5 {
		return math.Log(x)
	}
	return math.Log1p(-y)
}

// logBeta returns log B(a, b) for a, b > 0. Summing Lgamma(a) + Lgamma(b)
// − Lgamma(a + b) cancels catastrophically when an argument is large
// (at b = 5·10⁹ each Lgamma is 10¹¹ and the sum keeps 5 digits), so past
// 10 the Stirling terms are taken out and only their remainders, small
// and exact to the last bit, are combined; this is the method of R's
// lbeta (nmath/lbeta.c).
func logBeta(a, b float64) float64 {
	p, q := min(a, b), max(a, b)
	switch {
	case p >= 10:
		corr := lgammaCorrection(p) + lgammaCorrection(q) - lgammaCorrection(p+q)
		return -0.5*math.Log(q) + lnSqrt2Pi + corr + (p-0.5)*math.Log(p/(p+q)) + q*math.Log1p(-p/(p+q))
	case q >= 10:
		corr := lgammaCorrection(q) - lgammaCorrection(p+q)
		lp, _ := math.Lgamma(p)
		return lp + corr + p - p*math.Log(p+q) + (q-0.5)*math.Log1p(-p/(p+q))
	}
	lp, _ := math.Lgamma(p)
	lq, _ := math.Lgamma(q)
	lpq, _ := math.Lgamma(p + q)
	return lp + lq - lpq
}

// lnSqrt2Pi is log √(2π).
const lnSqrt2Pi = 0.918938533204672741780329736406

// lgammaCorrection returns log Γ(x) − ((x − ½)·log x − x + log √(2π)) for
// x ≥ 10, by Stirling's series Σ B₂ₖ/(2k(2k − 1)x²ᵏ⁻¹) to the term in
// x⁻¹⁵: the first omitted term is below 10⁻²⁰ there.
func lgammaCorrection(x float64) float64 {
	x2 := 1 / (x * x)
	return (1.0/12 + x2*(-1.0/360+x2*(1.0/1260+x2*(-1.0/1680+x2*(1.0/1188+
		x2*(-691.0/360360+x2*(1.0/156+x2*(-3617.0/122400)))))))) / x
}

// betaFraction evaluates the continued fraction for I_x(a, b), y = 1 − x,
// by the modified Lentz method.
//
// For x near 1 (after the symmetry swap of a small x) the fraction's
// first denominator 1 − (a + b)x/(a + 1) and the odd terms 1 + num are
// differences of nearly equal numbers, which the rounding of x = 1 − y
// would leave with few digits (at 1 of 5·10⁹ trials, 7). There they are
// computed from y with integer coefficients. The odd step then needs
// c + num and 1 + num·d for the c and d of the even step, both near 1
// there; they are written (c − 1) + (1 + num) and (1 + num) + num·(d − 1)
// with c − 1 and d − 1 as the even step makes them, before rounding
// c and d to floats near 1 would lose their digits.
func betaFraction(x, y, a, b float64) float64 {
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
	first := 1 - (a+b)*x/(a+1)
	if x > 0.5 {
		first = ((1 - b) + (a+b)*y) / (a + 1)
	}
	c, d := 1.0, 1/clamp(first)
	h := d
	for m := 1; m <= maxIter; m++ {
		fm := float64(m)
		// Even step: c ← 1 + num/c, d ← 1/(1 + num·d), keeping c − 1 and d − 1.
		num := fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm))
		cm1 := num / c
		den := clamp(1 + num*d)
		dm1 := -num * d / den
		c, d = clamp(1+cm1), 1/den
		h *= c * d
		// Odd step. 1 + num is ((a + 2m)(a + 2m + 1) − (a + m)(a + b + m)x)
		// over the same denominator, whose numerator is
		// a(2m + 1 − b) + m(3m + 2 − b) + (a + m)(a + b + m)·y.
		q := (a + 2*fm) * (a + 2*fm + 1)
		num = -(a + fm) * (a + b + fm) * x / q
		onePlusNum := 1 + num
		if x > 0.5 {
			onePlusNum = (a*(2*fm+1-b) + fm*(3*fm+2-b) + (a+fm)*(a+b+fm)*y) / q
		}
		c = clamp((cm1 + onePlusNum) / c)
		d = 1 / clamp(onePlusNum+num*dm1)
		delta := c * d
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
