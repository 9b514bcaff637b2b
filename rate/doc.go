// Package rate computes the rates customer-relationship teams track —
// survey response rate, conversion, e-mail open and click rates, bot
// containment, callback success — from x successes out of n trials, with
// their confidence intervals, the comparison of two rates and the sample
// size an A/B test needs.
//
// It follows the rapport contract ([github.com/rapportkit/rapport]): Tally is an
// exact, mergeable, encodable accumulator of trials, with TallyOf and
// TallyBy over any sequence of records and a predicate that says which
// are successes, and its Result is in percent with nil for what is
// undefined.
//
// # One rate
//
// For x successes of n trials, p̂ = x/n and z = Φ⁻¹(1 − (1 − level)/2):
//
//	Wilson           (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)
//	ClopperPearson   [B(α/2; x, n−x+1), B(1−α/2; x+1, n−x)], B the beta quantile
//	Jeffreys         [B(α/2; x+½, n−x+½), B(1−α/2; x+½, n−x+½)], 0 at x = 0, 1 at x = n
//	AgrestiCoull     p̃ ± z·√(p̃(1−p̃)/ñ),  ñ = n + z², p̃ = (x + z²/2)/ñ
//	Wald             p̂ ± z·√(p̂(1−p̂)/n)
//
// all clamped to [0, 1] and reported in percent (rate_pct,
// rate_interval_pct). Which to choose: Wilson by default, close to its
// nominal coverage at every n and sensible at 0 of n (Brown, Cai &
// DasGupta 2001 recommend Wilson or Jeffreys up to n = 40, and any of
// Wilson, Jeffreys and Agresti–Coull beyond); ClopperPearson when the
// coverage must never fall below the level, at the price of width;
// AgrestiCoull for a formula simple enough to explain on a slide; Wald
// only to match another tool, as it is too narrow for small n or rates
// near 0 or 1 and has zero width at 0 of n.
//
// # Two rates
//
// Compare sets a variant (this month, the new subject line) against a
// base (last month, the old one), independent samples:
//
//	difference   p_v − p_b, in percentage points (difference_points):
//	             20 % → 22 % is +2 points
//	lift         p_v/p_b − 1, in percent (lift_pct): 20 % → 22 % is +10 %
//	z            (p_v − p_b) / √(p̄(1−p̄)(1/n_v + 1/n_b)), p̄ = (x_v + x_b)/(n_v + n_b)
//	p            2·(1 − Φ(|z|)), two-sided: R's prop.test(correct = FALSE)
//
// A difference of two percentages is in points, not in percent, so that
// "+2 points" and "+10 %" cannot be confused: the first is the
// difference, the second the lift. The difference's interval is
// Newcombe's hybrid score interval (Newcombe 1998, method 10), from the
// Wilson intervals [l, u] of both rates,
//
//	[d − √((p_v − l_v)² + (u_b − p_b)²),  d + √((u_v − p_v)² + (p_b − l_b)²)]
//
// which keeps its coverage for small samples and rates near 0 or 1, or
// Wald's d ± z·√(p_v(1−p_v)/n_v + p_b(1−p_b)/n_b). The lift's interval is
// the Katz log interval of the risk ratio (Katz et al. 1978), less one:
//
//	(p_v/p_b)·exp(±z·√((1 − p_v)/x_v + (1 − p_b)/x_b)) − 1
//
// undefined when either rate is 0. For a handful of successes or
// failures in a cell (fewer than 5 expected, the usual rule), Fisher's
// exact test replaces the z-test.
//
// The difference and the lift are exact fractions of the counts,
// correctly rounded: 22 % against 20 % is +2 points, not the
// +2.0000000000000018 of 0.22 − 0.2 in floats. The z statistic and the
// p-value carry no unit in their keys (z, p): p is a probability read
// against α as the fraction it is, and goes as it is into
// adjust.P and adjust.Significant, which correct a grid of comparisons
// for multiple testing.
//
// # Sample size
//
// Plan.SampleSize gives the trials per arm for the two-sided pooled
// z-test to detect a lift with power 1 − β at level α (Fleiss, Levin &
// Paik 2003), with Δ = p₂ − p₁ and p̄ = (p₁ + p₂)/2:
//
//	n  = (z₁₋α/₂·√(2p̄(1 − p̄)) + z₁₋β·√(p₁(1 − p₁) + p₂(1 − p₂)))² / Δ²
//	n' = n/4·(1 + √(1 + 4/(n·|Δ|)))²   with Fleiss' continuity correction
//
// rounded up; n is R's power.prop.test. To detect a move from a 20 %
// open rate to 22 % (a lift of 10 %) at α = 0.05 with 80 % power takes
// 6 510 e-mails per arm.
//
// # Bounds
//
// A tally holds up to 2⁶⁴−1 trials (ErrOverflow past it). Fisher takes at
// most MaxFisher trials in all, SampleSize returns at most MaxSampleSize.
//
// # References
//
// Brown, L. D., Cai, T. T. & DasGupta, A. (2001). Interval estimation
// for a binomial proportion. Statistical Science 16(2), 101–133.
//
// Newcombe, R. G. (1998). Interval estimation for the difference between
// independent proportions: comparison of eleven methods. Statistics in
// Medicine 17(8), 873–890.
//
// Katz, D., Baptista, J., Azen, S. P. & Pike, M. C. (1978). Obtaining
// confidence intervals for the risk ratio in cohort studies. Biometrics
// 34(3), 469–474.
//
// Fleiss, J. L., Levin, B. & Paik, M. C. (2003). Statistical Methods for
// Rates and Proportions, 3rd ed., chapter 4. Wiley.
package rate
