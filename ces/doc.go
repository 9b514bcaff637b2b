// Package ces computes the customer effort score (CES): how easy customers
// found it to get what they came for, on a scale whose polarity is always
// explicit.
//
// # Scales
//
//	SevenPointEase   CES 2.0: "the company made it easy for me to handle my
//	                 issue", 1 = strongly disagree (very difficult) …
//	                 7 = strongly agree (very easy). Higher is easier.
//	                 Easy 5–7, neutral 4, difficult 1–3. The zero Scale.
//	FivePointEffort  CES 1.0: "how much effort did you personally have to
//	                 put forth?", 1 = minimal effort … 5 = maximal effort.
//	                 Lower is better. Low effort 1–2, neutral 3, high 4–5.
//
// NewScale builds any other scale (2 to MaxPoints points) with a
// Polarity and symmetric bands; WithBands moves the cut points. Labels
// turn answer texts into points, ignoring case, accents and punctuation:
// SevenPointEaseLabels holds the CES 2.0 agreement wording ("Strongly
// disagree" … "Strongly agree", "Pas du tout d'accord" … "Tout à fait
// d'accord") and the ease wording ("Very difficult" … "Very easy"),
// FivePointEffortLabels the effort wording ("Very low effort" … "Very
// high effort", "Very easy" … "Very difficult"), in English and French;
// With adds a survey's own.
//
// # Statistics
//
// With cₓ responses of score x, N in all, L in the easy band and H in the
// difficult band:
//
//	mean            x̄ = Σx·cₓ / N          exact from the counts, on the scale
//	std deviation   s = √((N·Σx²cₓ − (Σx·cₓ)²) / (N(N − 1)))
//	interval        x̄ ± t(1 − α/2; N − 1)·s/√N, clamped to [Min, Max]
//	                (undefined below two responses)
//	shares          L/N, (N − L − H)/N, H/N            in [0, 1]
//	net index       (L − H)/N                          in [−1, 1], higher is better
//	ease            (x̄ − Min)/(Max − Min) if higher is easier,
//	                (Max − x̄)/(Max − Min) if lower is easier   in [0, 1]
//
// Ease puts any scale on the same footing, 0 for the most difficult point
// and 1 for the easiest, so that a 1–5 effort score and a 1–7 ease score
// read alike (a linear rescaling: it compares positions on each scale, not
// the answers to two differently worded questions).
//
// # Comparing and ranking
//
// Compare is Welch's t-test of two means (R's t.test(var.equal = FALSE)):
//
//	SE = √(sₐ²/Nₐ + s_b²/N_b),  t = (x̄ₐ − x̄_b)/SE,
//	ν  = SE⁴ / ((sₐ²/Nₐ)²/(Nₐ − 1) + (s_b²/N_b)²/(N_b − 1)),
//	p  = 2·F(−|t|; ν),  interval (x̄ₐ − x̄_b) ± t(1 − α/2; ν)·SE
//
// Rank orders channels or touchpoints from the easiest (the one customers
// prefer) to the hardest, ties broken by key and empty groups last, and
// tests each against the easiest with Welch's test. The k − 1 p-values are adjusted by Holm's
// step-down method (Holm 1979, Scandinavian Journal of Statistics 6):
// sorted ascending, p̃₍ⱼ₎ = max over i ≤ j of min(1, (k − i)·p₍ᵢ₎) for
// i, j counted from 1 as in R's p.adjust(method = "holm"); a channel is
// Significant, significantly harder than the best, when p̃ ≤ alpha (the
// decimal alpha as written; package adjust decides it exactly). Holm controls the family-wise error rate like
// Bonferroni but rejects more.
//
// # Accumulators and results
//
// Tally follows the accumulator contract of package [github.com/rapportkit/rapport]: a ready
// zero value on SevenPointEase, Add and AddN, Merge, N, Clone, Result and
// canonical binary and JSON encodings, so that partial tallies computed on
// several machines combine to the byte. TallyOf folds a sequence of
// responses, TallyBy folds it into a tally per key, TallyColumns tallies
// grouped columns (group ids and byte scores) at the speed of a plain
// (group, score) histogram. Result, Comparison
// and Ranked give means on the scale's points (mean_score), shares and
// ease in percent (ease_pct) and the net index in points (net_points),
// and nil (null) where a figure is undefined; p-values are fractions
// (p_value, adjusted_p_value), read against the significance level.
package ces
