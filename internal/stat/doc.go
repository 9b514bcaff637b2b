// Package stat holds the small amount of statistics the public packages
// share: the standard normal and Student t distributions, the regularized
// incomplete beta function and its inverse, and confidence intervals for a
// binomial proportion.
//
// # Normal distribution
//
//	Φ(x)     = ½·erfc(−x/√2)                      NormalCDF
//	Φ⁻¹(p)   Wichura's AS 241 (PPND16), |rel err| < 1e-15   NormalQuantile
//	p(z)     = erfc(|z|/√2) = 2·(1 − Φ(|z|))       TwoSidedP
//	z(level) = Φ⁻¹(1 − (1 − level)/2)              Critical
//
// # Proportion intervals
//
// For x successes out of n trials, p̂ = x/n and z = Critical(level):
//
//	Wald             p̂ ± z·√(p̂(1−p̂)/n)
//	Wilson           (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)
//	Agresti–Coull    ñ = n + z², p̃ = (x + z²/2)/ñ, p̃ ± z·√(p̃(1−p̃)/ñ)
//	Clopper–Pearson  [B(α/2; x, n−x+1), B(1−α/2; x+1, n−x)], B the beta quantile
//	Jeffreys         [B(α/2; x+½, n−x+½), B(1−α/2; x+½, n−x+½)],
//	                 lower bound 0 when x = 0 and upper bound 1 when x = n
//	                 (Brown, Cai & DasGupta 2001)
//
// Every interval is clamped to [0, 1]. Degenerate samples (0 of n, n of n)
// are valid and give one-sided intervals.
package stat
