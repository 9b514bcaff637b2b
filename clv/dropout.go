package clv

import (
	"fmt"
	"math"
)

// maxTerms bounds the terms of the series of dropoutMean.
const maxTerms = 10_000_000

// dropoutMean returns E[min(N, D)], the expected purchases of the beta-
// geometric/NBD family over a horizon, where
//
//	N ~ NBD(n, c)  the purchases of a customer who never drops out:
//	               Poisson(λt) with λ ~ Gamma(n, α) and c = t/α, so
//	               P(N = k) = Γ(n+k)/(Γ(n)·k!)·(1−z)ⁿ·zᵏ, z = c/(1+c)
//	D              the purchases before dropout, P(D > j) = E[(1−p)ʲ]
//	               with p ~ Beta(a, b): mⱼ = (b)ⱼ/(a+b)ⱼ
//
// as a series of positive terms:
//
//	E[min(N, D)] = Σⱼ P(N > j)·mⱼ = Σₖ P(N = k)·hₖ,  hₖ = Σ_{j<k} mⱼ.
//
// It is the closed form (a+b−1)/(a−1)·[1 − (1−z)ⁿ·₂F₁(n, b; a+b−1; z)]
// of Fader, Hardie & Lee (2005) summed without the hypergeometric
// function, so without its cancellations at a ≈ 1, its singularity at
// a + b = 1 and its slow convergence as z → 1. The terms start where
// P(N = k) exceeds e⁻⁷⁰⁰ and stop when a bound on the remaining ones,
// P(N = k)·(hₖ/(1−ρ) + mₖ·ρ/(1−ρ)²) with ρ the largest ratio of
// successive probabilities still to come, is below 10⁻¹⁷ of the sum.
// About n·c + 40·√(n·c·(1+c)) + 40·(1+c) terms are needed; beyond
// maxTerms it fails with ErrConverge.
func dropoutMean(n, c, a, b float64) (float64, error) {
	if c == 0 {
		return 0, nil
	}
	if est := n*c + 40*math.Sqrt(n*c*(1+c)) + 40*(1+c); !(est < maxTerms) {
		return 0, fmt.Errorf("%w: the expected purchases need about %.3g terms, more than %.3g: the horizon is %.3g times the model's time scale",
			ErrConverge, est, float64(maxTerms), c)
	}
	// z = c/(1+c) is z·(1+eps) exactly, up to rounding: the k-th term
	// is multiplied by 1 + k·eps, so that z's rounding does not grow
	// with the power of z the recurrence takes.
	s1 := 1 + c
	e1 := c - (s1 - 1) // s1 + e1 = 1 + c exactly
	if c > 1 {
		e1 = 1 - (s1 - c)
	}
	z := c / s1
	eps := (math.FMA(-z, s1, c) - z*e1) / s1 / z
	k0 := 0
	if n*math.Log1p(c) > 700 {
		// The first k with P(N = k) > e⁻⁷⁰⁰: ln P is concave in k, and
		// rises up to the mode (n−1)·c (n > 1 here, or c would be past
		// the bound above).
		lo, hi := 0, int((n-1)*c)
		for lo < hi {
			if mid := (lo + hi) / 2; lnNBD(n, mid, c) > -700 {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		k0 = lo
	}
	h, m := 0.0, 1.0
	for j := range k0 {
		h += m
		m *= (b + float64(j)) / (a + b + float64(j))
	}
	p := math.Exp(lnNBD(n, k0, c))
	mode := (n - 1) * c
	sum := 0.0
	for k := k0; k < maxTerms; k++ {
		sum += p * h * (1 + float64(k)*eps)
		fk := float64(k)
		h += m
		m *= (b + fk) / (a + b + fk)
		ratio := (n + fk) / (fk + 1) * z
		p *= ratio
		if fk >= mode && ratio < 1 {
			rho := ratio // (n+j)/(j+1) falls with j when n ≥ 1
			if n < 1 {
				rho = z // and rises towards 1 when n < 1
			}
			if tail := p * (h/(1-rho) + m*rho/((1-rho)*(1-rho))); tail <= 1e-17*sum {
				return sum, nil
			}
		}
	}
	return 0, fmt.Errorf("%w: the expected purchases did not converge in %d terms", ErrConverge, maxTerms)
}
