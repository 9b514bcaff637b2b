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
// NewScale.
//
// # Accumulators
//
// Tally and Weighted have a usable zero value, reject bad input with an
// error while leaving their state unchanged, merge, and encode to binary
// and JSON so that partial tallies computed on several machines can be
// combined. Tally.AddUint8s counts a raw column of byte scores at memory
// speed with full validation. TallyBy and WeightedBy group responses by
// any key (segment, channel, month).
//
// # Statistics (on −1..1)
//
// A response contributes c = +1, 0 or −1. With p₊ = P/N and p₋ = D/N,
//
//	Var(c)  = p₊ + p₋ − (p₊ − p₋)²
//	SE(NPS) = √(Var(c) / N)
//
// Intervals (Rocks 2016, The American Statistician 70(4)):
//
//	Wald          NPS ± z·SE
//	AdjustedWald  Wald after adding ¾ promoter, 1½ passive, ¾ detractor:
//	              P' = P + ¾, D' = D + ¾, N' = N + 3 (the default)
//	Tango         {δ : |T(δ)| ≤ z}, T(δ) = (P − D − Nδ) / √(N(p̃₊ + p̃₋ − δ²)),
//	              p̃ the maximum-likelihood shares under p₊ − p₋ = δ (Tango 1998)
//
// with z the two-sided normal critical value of the level; bounds are
// clamped to [−1, 1]. Weighted uses the linearisation variance
// Σwᵢ²(cᵢ − NPS)² / (Σwᵢ)², equal to Var(c)/N when all weights are 1.
//
// Compare tests two independent samples: Δ = NPSₐ − NPS_b,
// SE = √(Varₐ/Nₐ + Var_b/N_b), z = Δ/SE, p = 2(1 − Φ(|z|)).
//
// Plan.SampleSize gives the responses needed for a margin of error m:
// n₀ = z²·Var(c)/m², with the finite population correction
// n = n₀ / (1 + (n₀ − 1)/Population) when the population is known.
//
// Result, the reporting view, gives every figure in points.
package nps
