// Package segment groups customers by purchasing habits: RFM scores and
// named segments, spend tiers and the moves between them, and revenue
// concentration (Pareto, ABC, Lorenz, Gini).
//
// Customer and Collection are accumulators that keep the rapport
// contract (see the documentation of the module's root package): a
// ready zero value, Add of one Transaction, Merge in any order with
// identical results, N, Clone, Result, and canonical binary and JSON
// encodings, so that partial aggregates of shards, days or machines
// combine exactly. CollectionOf and CollectionBy build collections from
// an iter.Seq[Transaction]. There is no AddN: a transaction is an event,
// and n identical ones are more often a duplicated export than a
// multiplicity.
//
// # Aggregation
//
// A Transaction is {CustomerID, At, Amount}. A Customer accumulates one
// customer's transactions exactly: first and last purchase, the number of
// purchases, the number of refunds and the net amount as an exact decimal
// sum. A Collection keys Customers by id, in memory proportional to the
// customers, not the transactions; AddColumns reads batches in the
// columnar layout of CSV, Arrow and Parquet readers. Per customer:
//
//	Frequency F = number of purchases (refunds are not purchases)
//	Monetary  M = Σ purchases − Σ |refunds|        (net amount, exact)
//	Recency   R = asOfDay − lastPurchaseDay         (whole days ≥ 0)
//	Tenure    T = asOfDay − firstPurchaseDay        (whole days ≥ 0)
//
// Days are calendar dates in the as-of time's location: a purchase on the
// as-of date is 0 days old, one on the day before is 1, whatever the
// hours (pass asOf in UTC for UTC days). A purchase dated after the as-of
// date is an error (ErrTime), as are missing times and times outside the
// years 1678–2262 (Unix nanoseconds). An empty id is an error (ErrID). So
// is (ErrAmount) an amount outside the bounds every amount keeps: at most
// 64 decimal places and a magnitude below 10⁶⁴. A negative amount is a
// refund: a Customer takes it, a Collection only with Options.Refunds
// (ErrAmount otherwise). Refund-only customers have no recency and are
// left out of the scoring (Scores.Unscored).
//
// A Customer and a Collection hold at most 2⁶⁴−1 transactions, a
// Collection at most 2³²−1 customers (ErrOverflow).
//
// # Scores
//
// Each dimension gets a score 1..k (k = Config.Bins, default 5, at most
// 9), higher being better: more recent, more frequent, more money. With n
// scored customers and L the number of customers strictly worse on that
// dimension (more days, fewer purchases, less money),
//
//	score = 1 + ⌊k·L / n⌋.
//
// This is the tie rule: identical values always share a score (a tie
// group takes the score of its first rank), no result depends on the
// order of the input, bin 1 holds the worst value, and without ties every
// bin holds ⌊n/k⌋ or ⌈n/k⌉ customers. The cut points are returned: score
// ≥ j+1 ⇔ days ≤ RecencyCutsDays[j−1], purchases ≥ FrequencyCuts[j−1],
// net amount ≥ MonetaryCutsAmount[j−1] (normalised: no trailing zeros).
// Explicit cut points in Config follow the same rule, and scoring again
// with the returned cuts gives the same scores. The combined code is
// "RFM" in digits ("543", Score.Code). Scoring takes time linear in the
// customers.
//
// Peers differ: pandas qcut interpolates quantile edges and bins (a, b],
// and raises on duplicate edges (or drops bins); qcut over
// rank(method="first") and dplyr::ntile split ties by input order, so the
// same data in another order scores differently. The R rfm package bins
// [q + 1, q' + 1) around type-7 quantiles, which shares ties too but moves
// the edges by one unit. Here edges are observed values and ranks are
// exact; pandas, R data.table and R collapse computing 1 + ⌊k·L / n⌋ with
// rank functions give the same scores (segment/testdata).
//
// # Distributed scoring
//
// Aggregate each shard into a Collection (or per-customer Customers keyed
// by id, e.g. a Beam combiner), ship the encodings and Merge: the result
// is exact and independent of the merge order. Exact quantile cut points
// then need the merged per-customer values in one place (n values, not
// the transactions) or a second pass: compute each dimension's sorted
// distinct values with their counts per shard, merge those histograms
// (recency and frequency have few distinct values), read the cuts at the
// ranks ⌈j·n/k⌉, and score every shard with Config's explicit cuts — the
// same scores as a single-machine run. A quantile sketch (KLL, t-digest)
// can replace the exact histogram of amounts at the price of approximate
// cuts; apply them the same way.
//
// # Segments and tiers
//
// Rules name score ranges; the first matching rule wins. DefaultRules is
// the classic eleven-segment R×F map (Champions … Lost); Rules.Validate
// lists overlapping and uncovered cells of the k×k×k grid. Tiers assign
// spend levels by minimum net amounts (the boundary belongs to the higher
// tier, compared exactly); Transition builds the transition matrix
// between two snapshots: counts, row shares Counts[i][j]/Before(i),
// upgrades, downgrades, stays, new and lost margins, and one Event per
// changed customer, sorted by id.
//
// # Concentration
//
// With revenues x₍₁₎ ≥ … ≥ x₍ₙ₎, Sᵢ the sum of the i largest and T the
// total:
//
//	TopShare(x)     the concentration curve through (i/n, Sᵢ/T), linear between points
//	CustomersFor(y) min{k : Sₖ ≥ y·T}, and k/n
//	Lorenz          (100·i/n, 100·Lᵢ/T) in percent, Lᵢ the sum of the i smallest
//	Gini            G = 2·Σ i·x₍ᵢ₎ / (n·T) − (n + 1)/n, x ascending  (population form, 0 ≤ G < 1)
//	GiniSample      G·n/(n − 1)
//
// Nine customers spending 10 and one spending 100 give G = 0.4263158 (the
// population form; the corrected form is 0.4736842). ABC classes:
// largest first, a customer is in A while the revenue before them is below
// a·T (the customer crossing the limit is in A), then B below b·T, C after;
// tied revenues share a class. Sums and comparisons are exact, and the
// shares x, y, a and b are compared as the decimals they were typed as,
// not as their binary approximations: on revenues 50, 30 and 20 two
// customers make 80 % (CustomersFor(0.8) is 2); on 50, 30, 15 and 5 the
// third customer, with 80 % before it, is in B. Shares are rounded once
// to float64; Pareto reports them in percent.
//
// # Results
//
// Methods return fractions (TopShare, Transitions.Share), with ok = false
// when undefined and an error for an invalid argument. Reporting structs (Profile, Summary,
// Scores, Scored, Classes, Point, Pareto, Tier) carry the unit in every
// field name and JSON key holding a measured quantity: _pct for
// percentages 0–100, _days, _amount for money (a decimal string in the
// currency of the input), _ratio for the Gini coefficient; counts have no
// suffix, and an undefined figure is nil (null in JSON).
package segment
