// Package adjust corrects p-values for multiple testing, and marks
// significance only after the correction.
//
// A month × channel grid of NPS, CSAT or CES comparisons runs hundreds of
// tests. At p < 0.05 one test in twenty of those where nothing changed
// comes out "significant" by chance: a grid of 72 cells where nothing
// changed lights up three or four of them. Adjusting the family of
// p-values before marking cells keeps the false alarms in check.
//
// # Methods
//
// For a family of n defined p-values, p₍ᵣ₎ the r-th smallest (r = 1…n),
// the adjusted p-values are, as R's p.adjust defines them:
//
//	None                p
//	Bonferroni          min(1, n·p)
//	Holm                min(1, max over s ≤ r of (n − s + 1)·p₍ₛ₎)         step-down
//	Hochberg            min(1, min over s ≥ r of (n − s + 1)·p₍ₛ₎)         step-up
//	BenjaminiHochberg   min(1, min over s ≥ r of (n/s)·p₍ₛ₎)               step-up
//	BenjaminiYekutieli  min(1, min over s ≥ r of (Hₙ·n/s)·p₍ₛ₎),  Hₙ = 1 + 1/2 + … + 1/n
//
// The running maximum and minima make every adjustment monotone: a
// smaller p-value never gets a larger adjusted value, equal p-values get
// equal ones, so ties need no rule and the order of the family does not
// matter. Adjusted values lie in [p, 1].
//
// # Which one
//
// Bonferroni, Holm and Hochberg control the family-wise error rate: the
// chance of even one false alarm in the whole grid stays below α. Use
// them when one wrong "significant" is costly (a bonus, a reorganisation
// decided on one cell). Holm is Bonferroni made uniformly better, valid
// under any dependence between the tests; Hochberg rejects a little more
// and needs independent or positively dependent tests.
//
// BenjaminiHochberg controls the false discovery rate: among the cells
// marked significant, the expected share of false alarms stays below α.
// It finds far more real changes than the family-wise methods and is the
// usual choice for a dashboard, where a reader expects most highlighted
// cells to be real, not all. Its guarantee holds for independent or
// positively dependent tests: channels compared with each other over
// disjoint samples are independent. Month-over-month comparisons are not
// quite: consecutive ones share a month, which makes their differences
// negatively correlated, a case the guarantee does not cover, although
// BH is known to hold up well there in practice. BenjaminiYekutieli holds
// under any dependence, at the price of the factor Hₙ (about 4.9 for 72
// tests).
//
// # Undefined tests
//
// A test that could not be run (a cell with no responses, a comparison
// with no variance) is a nil entry: it stays nil in P's result, is never
// Significant, and does not count in n — R's p.adjust leaves NA out of n
// the same way. Counting it would make every other test harder to pass
// for a cell that carries no information.
//
// # Significance
//
// Significant marks the tests whose adjusted p-value is at most α: the
// rule is ≤, as in R (p.adjust(p, m) <= alpha) and in the step-up
// procedures, which reject p₍ᵣ₎ ≤ r·α/n. It decides on the decimals: α
// and each p-value are taken as the decimals they print as (0.05, and
// 0.034 for a p-value exported to three decimals), and the adjusted value
// is compared exactly. P's floats are R's, and may be an ulp above a
// threshold that the exact value meets: 25/17 ·
// 0.034 is 0.05, computed as 0.05000000000000001. Significant says yes
// to it; a hand-written P(…) <= 0.05 would say no.
//
// # Bounds
//
// A family has at most MaxTests entries (ErrOverflow beyond). P and
// Significant take O(n log n) time and O(n) memory.
//
// # References
//
// Holm, S. (1979). A simple sequentially rejective multiple test
// procedure. Scandinavian Journal of Statistics 6(2), 65–70.
//
// Hochberg, Y. (1988). A sharper Bonferroni procedure for multiple tests
// of significance. Biometrika 75(4), 800–802.
//
// Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery
// rate: a practical and powerful approach to multiple testing. Journal of
// the Royal Statistical Society B 57(1), 289–300.
//
// Benjamini, Y. & Yekutieli, D. (2001). The control of the false
// discovery rate in multiple testing under dependency. Annals of
// Statistics 29(4), 1165–1188.
package adjust
