package clv

import "math"

// lnNBD returns ln P(N = k) for the NBD of shape n and odds c, the
// Poisson(λt) count with λ ~ Gamma(n, α) and c = t/α:
//
//	P(N = k) = Γ(n+k)/(Γ(n)·k!) · (1+c)^−n · (c/(1+c))^k,
//
// to full relative precision for large n and k by Loader's saddle-point
// form ("Fast and accurate computation of binomial probabilities", 2000,
// as in R's dnbinom): P(N = k) = n/(n+k)·b(n; n+k, 1/(1+c)) with
//
//	b(x; N, p) = e^(s(N) − s(x) − s(N−x) − d(x, N·p) − d(N−x, N·q)) · √(N/(2π·x·(N−x)))
//
// s the error of Stirling's formula and d(x, m) = x·ln(x/m) + m − x,
// where lgamma differences would lose digits to cancellation.
func lnNBD(n float64, k int, c float64) float64 {
	if k == 0 {
		return -n * math.Log1p(c)
	}
	fk := float64(k)
	big := n + fk
	np, nq := big/(1+c), big*(c/(1+c))
	lc := stirlerr(big) - stirlerr(n) - stirlerr(fk) - bd0(n, np) - bd0(fk, nq)
	lf := math.Log(2*math.Pi) + math.Log(n) + math.Log1p(-n/big)
	return math.Log(n/big) + lc - lf/2
}

// stirlerr returns ln Γ(n+1) − (n+½)·ln n + n − ln √(2π), the error of
// Stirling's formula, by its asymptotic series for n > 15 and directly
// below (where the terms are small enough to lose no absolute precision).
func stirlerr(n float64) float64 {
	const (
		s0 = 1.0 / 12
		s1 = 1.0 / 360
		s2 = 1.0 / 1260
		s3 = 1.0 / 1680
		s4 = 1.0 / 1188
	)
	if n <= 15 {
		return lgamma(n+1) - (n+0.5)*math.Log(n) + n - 0.5*math.Log(2*math.Pi)
	}
	nn := n * n
	switch {
	case n > 500:
		return (s0 - s1/nn) / n
	case n > 80:
		return (s0 - (s1-s2/nn)/nn) / n
	case n > 35:
		return (s0 - (s1-(s2-s3/nn)/nn)/nn) / n
	}
	return (s0 - (s1-(s2-(s3-s4/nn)/nn)/nn)/nn) / n
}

// bd0 returns x·ln(x/m) + m − x ≥ 0 without cancellation when x ≈ m.
func bd0(x, m float64) float64 {
	if math.Abs(x-m) < 0.1*(x+m) {
		v := (x - m) / (x + m)
		s := (x - m) * v
		ej := 2 * x * v
		v *= v
		for j := 1; j < 1000; j++ {
			ej *= v
			s1 := s + ej/float64(2*j+1)
			if s1 == s {
				return s1
			}
			s = s1
		}
		return s
	}
	return x*math.Log(x/m) + m - x
}
