// Package nps computes the Net Promoter Score from answers to "How likely
// are you to recommend us to a friend or colleague?" on a 0–10 scale.
//
// Scores 0–6 are detractors, 7–8 passives and 9–10 promoters. With P
// promoters, D detractors and N responses,
//
//	NPS = (P − D) / N                 on −1..1 (Score.Float)
//	    = 100 · (P − D) / N           in points, −100..100 (Score.Points)
//
// A Tally keeps integer counts per score and a Score keeps the exact
// fraction, so 60 % promoters minus 15 % detractors is 45 points, not 44.
// The employee NPS (eNPS, "would you recommend us as a place to work?") is
// the same computation on the same scale: use this package unchanged.
// Other scales and breaks (1–10, or detractors up to 5) are a Scale from
// NewScale, of 2 to 11 points.
//
// # Accumulators
//
// Tally and Weighted follow the accumulator contract of package
// [github.com/rapportkit/rapport]: a ready zero value on the Standard scale, Add and AddN,
// Merge, N, Clone, Result and canonical binary and JSON encodings, so
// that partial tallies computed on several machines combine to the byte.
// Tally adds a score; Weighted adds a Response, whose Weight is its survey
// weight. TallyOf and WeightedOf fold a sequence of responses,
// TallyBy and WeightedBy fold it into a tally per key (segment, channel,
// month). Tally.AddUint8s counts a raw column of byte scores at memory
// speed with full validation. TallyColumns tallies grouped columns (group
// ids and byte scores) at the speed of a plain (group, score) histogram.
//
// # Statistics (on −1..1)
//
// A response contributes c = +1, 0 or −1. With p₊ = P/N and p₋ = D/N,
//
//	Var(c)  = p₊ + p₋ − (p₊ − p₋)² = (N(P + D) − (P − D)²) / N²
//	SE(NPS) = √(Var(c) / N)
//
// both exact from the counts. Intervals (Rocks 2016, The American
// Statistician 70(4)):
//
//	Wald          NPS ± z·SE
//	AdjustedWald  Wald after adding ¾ promoter, 1½ passive, ¾ detractor:
//	              P' = P + ¾, D' = D + ¾, N' = N + 3 (the default)
//	Tango         {δ : |T(δ)| ≤ z}, T(δ) = (P − D − Nδ) / √(N(p̃₊ + p̃₋ − δ²)),
//	              p̃ the maximum-likelihood shares under p₊ − p₋ = δ (Tango 1998)
//
// with z the two-sided normal critical value of the level; bounds are
// clamped to [−1, 1]. An interval of an empty tally is undefined
// (ok = false).
//
// # Survey weights
//
// Weighted gives the weighted score Σwᵢcᵢ / Σwᵢ with the linearisation
// variance Σwᵢ²(cᵢ − NPS)² / (Σwᵢ)², equal to Var(c)/N when all weights
// are 1, Kish's effective sample size (Σwᵢ)² / Σwᵢ² and the design effect
// N·Σwᵢ² / (Σwᵢ)². A weight is 0 (unset, which counts as 1) or between
// 2⁻⁶⁴ and 2⁶⁴; its sums are exact, so the result does not depend on the
// order of the responses.
//
// # Comparing and planning
//
// Compare tests two independent samples: Δ = NPSₐ − NPS_b,
// SE = √(Varₐ/Nₐ + Var_b/N_b), z = Δ/SE, p = 2(1 − Φ(|z|)), and the
// interval Δ ± z·SE. Plan.SampleSize gives the responses needed for a
// margin of error m: n₀ = z²·Var(c)/m², with the finite population
// correction n = n₀ / (1 + (n₀ − 1)/Population) when the population is
// known, at most 2⁵³.
//
// # Results
//
// Result, WeightedResult and Comparison give every figure in NPS points
// or percentages, with the unit in each field and JSON key
// (score_points, score_interval_points, promoters_pct), and nil (null)
// where a figure is undefined.
package nps
