// Package csat computes the customer satisfaction score (CSAT) from
// answers to "How satisfied were you with …?" on a rating scale.
//
// # Scales
//
// A Scale is a range of points with two boxes: the satisfied top box and
// the dissatisfied bottom box; points between are neutral. The built-in
// scales count the top two points as satisfied and the bottom two as
// dissatisfied:
//
//	FivePoint   1–5    satisfied 4–5, neutral 3,    dissatisfied 1–2 (the zero Scale)
//	SevenPoint  1–7    satisfied 6–7, neutral 3–5,  dissatisfied 1–2
//	TenPoint    1–10   satisfied 9–10, neutral 3–8, dissatisfied 1–2
//	Binary      0–1    satisfied 1 (yes), dissatisfied 0 (no)
//
// NewScale builds any other (2 to MaxPoints points) and WithTopBox and
// WithBottomBox choose the boxes: FivePoint.WithTopBox(1) is the top-box
// score. Labels turn answer texts in English or French ("Very satisfied",
// "Extremely satisfied", "Très satisfait") into points, ignoring case,
// accents and punctuation; the built-in sets hold the wordings of the
// common survey tools, and With adds a survey's own.
//
// # Score
//
// With S satisfied, D dissatisfied and N responses,
//
//	CSAT            = S / N      in [0, 1] (Tally.Score)
//	                = 100·S / N  in percent (Result.SatisfiedPct)
//	dissatisfaction = D / N      (Tally.Dissatisfaction)
//
// Shares and percentages are computed from the integer counts and rounded
// once, so 29 of 100 is exactly 29 %. The mean and the sample standard
// deviation (divisor N − 1) of the scores are exact from the counts too:
//
//	mean = Σ x·cₓ / N,  s² = (N·Σx²cₓ − (Σx·cₓ)²) / (N(N − 1))
//
// Levels grades a score against configurable benchmark thresholds
// (DefaultLevels: above 80 % very good, above 70 % good, above 60 % fair),
// compared exactly as the decimals they are written as.
//
// # Intervals (on [0, 1])
//
// For p̂ = S/N and z the two-sided normal critical value of the level:
//
//	Wilson           (p̂ + z²/2N ± z·√(p̂(1−p̂)/N + z²/4N²)) / (1 + z²/N)   the default
//	ClopperPearson   [B(α/2; S, N−S+1), B(1−α/2; S+1, N−S)]
//	Jeffreys         [B(α/2; S+½, N−S+½), B(1−α/2; S+½, N−S+½)]
//	AgrestiCoull     Ñ = N + z², p̃ = (S + z²/2)/Ñ, p̃ ± z·√(p̃(1−p̃)/Ñ)
//	Wald             p̂ ± z·√(p̂(1−p̂)/N)
//
// with B(q; a, b) the beta quantile; bounds are clamped to [0, 1] and the
// degenerate samples 0 of N and N of N give one-sided intervals (Brown,
// Cai & DasGupta 2001, "Interval estimation for a binomial proportion",
// Statistical Science 16(2)). The interval of an empty tally is undefined
// (ok = false).
//
// # Comparing two samples
//
// Compare tests Δ = pₐ − p_b for independent samples with the pooled
// two-proportion z-test,
//
//	p̄ = (Sₐ + S_b)/(Nₐ + N_b),  SE₀ = √(p̄(1−p̄)(1/Nₐ + 1/N_b)),
//	z = Δ/SE₀,  p = 2(1 − Φ(|z|))
//
// (R's prop.test(correct = FALSE) reports X-squared = z² and the same p;
// z and p are undefined when SE₀ = 0),
// and gives Newcombe's hybrid score interval (Newcombe 1998, "Interval
// estimation for the difference between independent proportions",
// Statistics in Medicine 17, method 10): with [lₐ, uₐ] and [l_b, u_b] the
// Wilson intervals of each share,
//
//	[Δ − √((pₐ − lₐ)² + (u_b − p_b)²),  Δ + √((uₐ − pₐ)² + (p_b − l_b)²)]
//
// which keeps close to nominal coverage where the Wald interval
// Δ ± z·√(pₐ(1−pₐ)/Nₐ + p_b(1−p_b)/N_b) (R's prop.test) does not.
//
// # Accumulators and results
//
// Tally follows the accumulator contract of package [github.com/rapportkit/rapport]: a ready
// zero value on FivePoint, Add and AddN, Merge, N, Clone, Result and
// canonical binary and JSON encodings, so that partial tallies computed on
// several machines combine to the byte. TallyOf folds a sequence of
// responses, TallyBy folds it into a tally per key (channel, month,
// segment), TallyColumns tallies grouped columns (group ids and byte
// scores) at the speed of a plain (group, score) histogram. Result and Comparison give shares in percent and differences
// in percentage points, with the unit in each field and JSON key
// (satisfied_pct, delta_points, mean_score), and nil (null) where a
// figure is undefined.
package csat
