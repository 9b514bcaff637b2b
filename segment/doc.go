// Package segment groups customers by purchasing habits: RFM scores and
// named segments, spend tiers and the moves between them, and revenue
// concentration (Pareto, ABC, Lorenz, Gini).
//
// # Aggregation
//
// A Transaction is {CustomerID, At, Amount}. A Customer accumulates one
// customer's transactions exactly: first and last purchase (Unix
// nanoseconds, so times lie in 1678–2262), the number of purchases, the
// number of refunds and the net amount as an exact decimal sum (128-bit
// units at the smallest exponent seen while they fit, big integers
// after). Merging is min, max and sums, so it is associative and
// commutative: partial aggregates of shards, days or machines combine
// into the same result in any order. A Collection keys Customers by id;
// Summarize builds one from an iter.Seq[Transaction], in memory
// proportional to the customers, not the transactions. Both encode to
// binary and JSON (canonical: equal contents, equal bytes).
//
//	Frequency F = number of purchases (refunds are not purchases)
//	Monetary  M = Σ purchases − Σ |refunds|        (net amount, exact)
//	Recency   R = asOfDay − lastPurchaseDay         (whole days)
//
// Days are calendar dates in the as-of time's location: a purchase on the
// as-of date is 0 days old, one on the day before is 1, whatever the hours
// (pass asOf in UTC for UTC days). A purchase dated after the as-of date
// is an error (ErrFuture), as are empty ids, missing times and negative
// amounts unless Options.Refunds is set. Refund-only customers have no
// recency and are left out of the scoring (Scores.Unscored).
//
// # Columns
//
// Collection.AddColumns reads a batch in the layout of a CSV, Arrow or
// Parquet reader: Columns{CustomerIDs []string, At []int64 (Unix
// nanoseconds), Amounts []int64 (units of 10^Exp), Exp}. Nanoseconds
// rather than time.Time: the layout of Arrow timestamp[ns] and Parquet
// TIMESTAMP(NANOS) columns and of Customer, 8 bytes without a pointer
// (24 with one for time.Time). The batch is checked whole first (all or
// nothing, the error names the row) and the collection ends up exactly as
// AddAll leaves it: same customers, counts, times and sums, down to the
// representation of the sums (see internal/money).
//
// Design, for batches of millions of rows into millions of customers
// (where a per-row lookup misses the CPU caches):
//
//  1. Check and hash each row once, on GOMAXPROCS goroutines, and copy it
//     as a 32-byte pointer-free record (time, amount, the id's first 8
//     bytes, 28 hash bits and the id's length, row) next to the other
//     rows of its partition, given by the top bits of the hash (up to 1024
//     partitions of about 8 Ki rows); each goroutine reads a range of
//     rows, so every partition keeps its rows in their order.
//  2. Aggregate the partitions in parallel, each in its own open-addressing
//     table of the batch's customers, small enough for the L2 cache. Ids
//     of up to 8 bytes are compared by their record alone; longer ones
//     in full. A customer already in the collection is looked up once per
//     batch and copied in; each customer's rows are added in their order
//     with the integer money path (128-bit units, big integers after
//     overflow), so sums are the sequential ones.
//  3. Commit: write the copies back and append the new customers, their
//     ids copied into one string per partition (the batch's buffer is not
//     kept). The collection's slots are homed by the top bits of the
//     hash, so partition p inserts into the p-th range of slots, in
//     parallel too.
//
// Nothing depends on the number of goroutines: partitions are fixed by
// the row count, and each customer's rows keep their order. Memory: the
// collection takes about 100 bytes per customer plus the ids; a call
// also needs about 36 bytes per row (at most 2²⁴ rows at a time; larger
// batches go in chunks, each visiting every partition again) and 150
// bytes per customer of the batch, kept in a sync.Pool for the next call.
//
// Measured on the 2-core virtual machine the work was done on, shared
// with other jobs, where touching fresh memory is slow (page faults): 10M
// rows of 1M customers (8-byte ids, substrings of one buffer) aggregate
// in 0.23–0.29 s (medians of two series of 6 runs of 5 iterations; best
// 0.22 s; slower when the garbage collector has emptied the pool of
// scratch memory), aggregate and score in 0.25–0.33 s (best 0.23 s); the
// first call in a new process, faulting its memory in, takes about
// 0.6 s. Separately allocated ids: 0.30 s; 16-byte ids: 0.59 s. Scoring
// the 1M customers takes 0.02 s. AddAll of the same rows as Transactions
// takes 2.2–2.5 s; the issue reports pandas at about 1.2 s and R collapse
// at 0.6 s on that machine. A customer already in the collection costs
// random memory accesses once per batch, so the same rows in batches of
// 1 Mi rows take 0.8 s and in batches of 64 Ki rows 1.25 s: append record
// batches into large Columns first.
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
// This is the tie policy: identical values always share a score (a tie
// group takes the score of its first rank), no result depends on the
// order of the input, bin 1 holds the worst value, and without ties every
// bin holds ⌊n/k⌋ or ⌈n/k⌉ customers. The cut points are returned: score
// ≥ j+1 ⇔ days ≤ RecencyCuts[j−1], purchases ≥ FrequencyCuts[j−1], net
// amount ≥ MonetaryCuts[j−1] (normalised: no trailing zeros) — explicit
// cut points in Config use the same rule, and scoring again with the
// returned cuts gives the same scores. The combined code is "RFM" in
// digits ("543", Score.Code). Recency and frequency, which span few
// values, are scored from histograms, amounts by a radix sort, the three
// dimensions in parallel: O(n).
//
// Peers differ: pandas qcut interpolates quantile edges and bins (a, b],
// and raises on duplicate edges (or drops bins); qcut over
// rank(method="first") and dplyr::ntile split ties by input order, so the
// same data in another order scores differently. The R rfm package bins
// [q + 1, q' + 1) around type-7 quantiles, which shares ties too but moves
// the edges by one unit. Here edges are observed values and ranks are
// exact.
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
// spend levels by thresholds (the boundary belongs to the higher tier);
// Transition builds the transition matrix between two snapshots: counts, row
// shares Counts[i][j]/Before(i), upgrades, downgrades, stays, new and lost
// margins, and one Event per changed customer, sorted by id.
//
// # Concentration
//
// With revenues x₍₁₎ ≥ … ≥ x₍ₙ₎, Sᵢ the sum of the i largest and T the
// total:
//
//	TopShare(x)     the concentration curve through (i/n, Sᵢ/T), linear between points
//	CustomersFor(y) min{k : Sₖ ≥ y·T}, and k/n
//	Lorenz          (i/n, Lᵢ/T), Lᵢ the sum of the i smallest
//	Gini            G = 2·Σ i·x₍ᵢ₎ / (n·T) − (n + 1)/n, x ascending  (population form)
//	GiniSample      G·n/(n − 1)
//
// Nine customers spending 10 and one spending 100 give G = 0.4263158 (the
// population form; the corrected form is 0.4736842). ABC classes:
// largest first, a customer is in A while the revenue before them is below
// a·T (the customer crossing the limit is in A), then B below b·T, C after;
// tied revenues share a class. Sums and comparisons are exact; shares are
// rounded once to float64.
package segment
