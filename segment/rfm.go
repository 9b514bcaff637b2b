package segment

import (
	"fmt"
	"hash/maphash"
	"iter"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
)

// DefaultBins is the number of scores per dimension when Config.Bins is 0.
const DefaultBins = 5

// Config sets how customers are scored. The zero value scores each
// dimension in DefaultBins quantile bins.
type Config struct {
	// Bins is the number of scores per dimension, 2..9 (0 means
	// DefaultBins), so that the combined code has one digit per dimension.
	Bins int `json:"bins"`
	// RecencyCutsDays, when not nil, replaces the recency quantiles: a
	// customer scores at least j+1 when the last purchase is at most
	// RecencyCutsDays[j−1] days old. Non-increasing, at most Bins−1
	// values; scores above len+1 are then unreachable.
	RecencyCutsDays []int64 `json:"recency_cuts_days,omitempty"`
	// FrequencyCuts, when not nil, replaces the frequency quantiles: a
	// customer scores at least j+1 with at least FrequencyCuts[j−1]
	// purchases. Non-decreasing, at most Bins−1 values.
	FrequencyCuts []uint64 `json:"frequency_cuts,omitempty"`
	// MonetaryCutsAmount, when not nil, replaces the monetary quantiles:
	// a customer scores at least j+1 with a net amount of at least
	// MonetaryCutsAmount[j−1]. Non-decreasing, at most Bins−1 values,
	// each within the bounds of an amount (ErrAmount).
	MonetaryCutsAmount []decimal.Decimal `json:"monetary_cuts_amount,omitempty"`
}

// check validates the configuration and returns the number of bins and
// the monetary cuts, with at most 64 places written (see checkAmount).
func (c Config) check() (int, []decimal.Decimal, error) {
	k := c.Bins
	if k == 0 {
		k = DefaultBins
	}
	if k < 2 || k > 9 {
		return 0, nil, fmt.Errorf("%w: Bins %d, want 2..9", ErrConfig, c.Bins)
	}
	if len(c.RecencyCutsDays) > k-1 || len(c.FrequencyCuts) > k-1 || len(c.MonetaryCutsAmount) > k-1 {
		return 0, nil, fmt.Errorf("%w: more than %d cut points for %d bins", ErrConfig, k-1, k)
	}
	for i := 1; i < len(c.RecencyCutsDays); i++ {
		if c.RecencyCutsDays[i] > c.RecencyCutsDays[i-1] {
			return 0, nil, fmt.Errorf("%w: RecencyCutsDays %v must not increase", ErrConfig, c.RecencyCutsDays)
		}
	}
	for i := 1; i < len(c.FrequencyCuts); i++ {
		if c.FrequencyCuts[i] < c.FrequencyCuts[i-1] {
			return 0, nil, fmt.Errorf("%w: FrequencyCuts %v must not decrease", ErrConfig, c.FrequencyCuts)
		}
	}
	var cuts []decimal.Decimal
	if c.MonetaryCutsAmount != nil {
		cuts = make([]decimal.Decimal, len(c.MonetaryCutsAmount))
	}
	for i, m := range c.MonetaryCutsAmount {
		var err error
		if cuts[i], err = checkAmount(m); err != nil {
			return 0, nil, fmt.Errorf("%w: MonetaryCutsAmount[%d]: %w: %v", ErrConfig, i, ErrAmount, err)
		}
		if i > 0 && cuts[i].LessThan(cuts[i-1]) {
			return 0, nil, fmt.Errorf("%w: MonetaryCutsAmount %v must not decrease", ErrConfig, c.MonetaryCutsAmount)
		}
	}
	return k, cuts, nil
}

// Score is a customer's recency, frequency and monetary scores, each
// 1..Bins, higher being better (more recent, more frequent, more spent).
type Score struct {
	R uint8 `json:"r"`
	F uint8 `json:"f"`
	M uint8 `json:"m"`
}

// Code returns the combined score, one digit per dimension: "543".
func (s Score) Code() string {
	return string([]byte{'0' + s.R, '0' + s.F, '0' + s.M})
}

// Int returns the combined score as a number, 100·R + 10·F + M (543),
// as the R rfm package's rfm_score.
func (s Score) Int() int { return 100*int(s.R) + 10*int(s.F) + int(s.M) }

// String returns Code.
func (s Score) String() string { return s.Code() }

// Scored is one scored customer: whole days since the last purchase,
// the number of purchases, the net amount and the scores.
type Scored struct {
	ID             string          `json:"id"`
	RecencyDays    int64           `json:"recency_days"`
	Frequency      uint64          `json:"frequency"`
	MonetaryAmount decimal.Decimal `json:"monetary_amount"`
	Score          Score           `json:"score"`
}

// String returns e.g. "C042 543 (12 days, 9 purchases, 1234.5)", or
// "(1 day, 1 purchase, …)" in the singular.
func (s Scored) String() string {
	return fmt.Sprintf("%s %s (%d %s, %d %s, %s)", s.ID, s.Score,
		s.RecencyDays, plural(s.RecencyDays, "day", "days"), s.Frequency, plural(s.Frequency, "purchase", "purchases"), s.MonetaryAmount)
}

func plural[N int64 | uint64](n N, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Scores is the RFM scoring of a collection as of a date: the cut points
// of each dimension and every customer's scores.
//
// Cut points mean the same whether they were computed (quantiles) or
// given (Config): a customer scores at least j+1 on recency when the last
// purchase is at most RecencyCutsDays[j−1] days old, on frequency with
// at least FrequencyCuts[j−1] purchases and on monetary with at least
// MonetaryCutsAmount[j−1]. Scoring again with the returned cuts gives
// the same scores. A list shorter than Bins−1 means nobody reaches the
// higher scores (ties at the top).
type Scores struct {
	AsOf               time.Time         `json:"as_of"`
	Bins               int               `json:"bins"`
	RecencyCutsDays    []int64           `json:"recency_cuts_days"`
	FrequencyCuts      []uint64          `json:"frequency_cuts"`
	MonetaryCutsAmount []decimal.Decimal `json:"monetary_cuts_amount"`
	// Scored is the number of customers scored; Unscored those left out
	// for having refunds only (no purchase, hence no recency).
	Scored   int `json:"scored"`
	Unscored int `json:"unscored"`

	// per customer, indexed like the collection's entries
	seed      maphash.Seed
	slots     []uint64
	entries   []Customer
	recency   []int32
	frequency []uint64
	monetary  []money.Sum
	score     []Score
}

// Score scores every customer with at least one purchase as of asOf:
// quantile bins (or the Config's cut points) per dimension, recency
// reversed. It fails with ErrConfig for an invalid configuration, ErrEmpty
// when no customer has a purchase, and ErrTime when asOf is before the
// data, naming, of the customers whose last purchase is dated after
// asOf's date, the one with the smallest id. The result never depends on
// the order of the transactions, nor on GOMAXPROCS (large collections are
// read and scored on several goroutines).
//
// Quantile bins: with n customers and k bins, a customer whose value is
// strictly better than L customers' values (fewer days, more purchases,
// more money) scores 1 + ⌊k·L/n⌋. Identical values always share a score, bin 1 holds the
// worst value, and without ties the bins hold ⌊n/k⌋ or ⌈n/k⌉ customers.
func (c *Collection) Score(asOf time.Time, cfg Config) (*Scores, error) {
	k, monetaryCuts, err := cfg.check()
	if err != nil {
		return nil, err
	}
	n := len(c.entries)
	s := &Scores{
		AsOf: asOf, Bins: k,
		seed: c.seed, slots: c.slots, entries: c.entries[:n:n],
		recency:   make([]int32, n),
		frequency: make([]uint64, n),
		monetary:  make([]money.Sum, n),
		score:     make([]Score, n),
	}
	// Read every customer, in parallel ranges for large collections.
	clock := newDayClock(asOf)
	workers := 1
	if n >= parallelScore {
		workers = max(1, min(runtime.GOMAXPROCS(0), n/parallelScore))
	}
	lists := make([][]uint32, workers) // customers with a purchase
	future := make([]int, workers)
	parallel(workers, func(w int) {
		lo, hi := n*w/workers, n*(w+1)/workers
		list := make([]uint32, 0, hi-lo)
		future[w] = -1
		for i := lo; i < hi; i++ {
			e := &c.entries[i]
			if e.purchases == 0 {
				continue
			}
			days := clock.today - clock.day(e.last)
			if days < 0 {
				if f := future[w]; f < 0 || e.id < c.entries[f].id {
					future[w] = i
				}
				continue
			}
			if days > math.MaxInt32 {
				days = math.MaxInt32 // unreachable: times span 213 000 days
			}
			s.recency[i], s.frequency[i], s.monetary[i] = int32(days), e.purchases, e.sum
			list = append(list, uint32(i))
		}
		lists[w] = list
	})
	// Name the smallest id of a customer buying in the future, so that
	// the error never depends on the order of the customers.
	first := -1
	for _, i := range future {
		if i >= 0 && (first < 0 || c.entries[i].id < c.entries[first].id) {
			first = i
		}
	}
	if first >= 0 {
		e := &c.entries[first]
		return nil, fmt.Errorf("%w: customer %q: last purchase %v after the as-of date %v", ErrTime, e.id,
			time.Unix(0, e.last).In(asOf.Location()), asOf)
	}
	scored := lists[0]
	for _, l := range lists[1:] {
		scored = append(scored, l...)
	}
	s.Scored = len(scored)
	s.Unscored = n - s.Scored
	if s.Scored == 0 {
		return nil, fmt.Errorf("%w: none with a purchase to score", ErrEmpty)
	}
	// Score the three dimensions at once.
	r := make([]uint8, n)
	f := make([]uint8, n)
	m := make([]uint8, n)
	parallel(min(workers, 3), func(w int) {
		for d := w; d < 3; d += min(workers, 3) {
			switch d {
			case 0:
				s.scoreMonetary(monetaryCuts, scored, k, m)
			case 1:
				s.scoreRecency(cfg.RecencyCutsDays, scored, k, r)
			case 2:
				s.scoreFrequency(cfg.FrequencyCuts, scored, k, f)
			}
		}
	})
	for _, i := range scored {
		s.score[i] = Score{R: r[i], F: f[i], M: m[i]}
	}
	return s, nil
}

// parallelScore is the number of customers per goroutine of Score.
var parallelScore = 1 << 16

func (s *Scores) scoreRecency(cuts []int64, scored []uint32, k int, out []uint8) {
	if cuts != nil {
		s.RecencyCutsDays = slices.Clone(cuts)
		for _, i := range scored {
			d := int64(s.recency[i])
			score := 1
			for _, c := range cuts {
				if d <= c {
					score++
				}
			}
			out[i] = uint8(score)
		}
		return
	}
	keys := make([]uint64, len(scored))
	for j, i := range scored {
		keys[j] = uint64(math.MaxInt32 - s.recency[i]) // fewer days, larger key
	}
	s.RecencyCutsDays = []int64{}
	for _, key := range quantileScores(keys, scored, k, out) {
		s.RecencyCutsDays = append(s.RecencyCutsDays, int64(math.MaxInt32-key))
	}
}

func (s *Scores) scoreFrequency(cuts []uint64, scored []uint32, k int, out []uint8) {
	if cuts != nil {
		s.FrequencyCuts = slices.Clone(cuts)
		for _, i := range scored {
			score := 1
			for _, c := range cuts {
				if s.frequency[i] >= c {
					score++
				}
			}
			out[i] = uint8(score)
		}
		return
	}
	keys := make([]uint64, len(scored))
	for j, i := range scored {
		keys[j] = s.frequency[i]
	}
	s.FrequencyCuts = quantileScores(keys, scored, k, out)
}

func (s *Scores) scoreMonetary(cuts []decimal.Decimal, scored []uint32, k int, out []uint8) {
	if cuts != nil {
		s.MonetaryCutsAmount = slices.Clone(cuts)
		cm := make([]money.Sum, len(cuts))
		for j, c := range cuts {
			cm[j] = money.Of(c)
		}
		for _, i := range scored {
			score := 1
			for _, c := range cm {
				if s.monetary[i].Cmp(c) >= 0 {
					score++
				}
			}
			out[i] = uint8(score)
		}
		return
	}
	keys := make([]uint64, len(scored))
	s.MonetaryCutsAmount = []decimal.Decimal{}
	if e, ok := s.monetaryKeys(scored, keys); ok {
		for _, key := range quantileScores(keys, scored, k, out) {
			s.MonetaryCutsAmount = append(s.MonetaryCutsAmount, decimal.New(int64(key^1<<63), e).Normalize())
		}
		return
	}
	// Some sum does not fit 64 bits at the common exponent: rank by exact
	// decimal comparison, then score the dense ranks.
	order := slices.Clone(scored)
	slices.SortFunc(order, func(a, b uint32) int { return s.monetary[a].Cmp(s.monetary[b]) })
	var first []uint32 // a customer of each rank
	rank := make([]uint64, len(s.monetary))
	for j, i := range order {
		if j == 0 || s.monetary[order[j-1]].Cmp(s.monetary[i]) != 0 {
			first = append(first, i)
		}
		rank[i] = uint64(len(first) - 1)
	}
	for j, i := range scored {
		keys[j] = rank[i]
	}
	for _, key := range quantileScores(keys, scored, k, out) {
		s.MonetaryCutsAmount = append(s.MonetaryCutsAmount, s.monetary[first[key]].Value().Normalize())
	}
}

// monetaryKeys fills keys with order-preserving keys of the net amounts
// of the scored customers, their units at the smallest exponent e (the
// sign bit flipped: signed order as unsigned), or reports false if one
// does not fit an int64.
func (s *Scores) monetaryKeys(scored []uint32, keys []uint64) (e int32, ok bool) {
	for _, i := range scored {
		e = min(e, s.monetary[i].Exp())
	}
	for j, i := range scored {
		u, ok := s.monetary[i].Units(e)
		if !ok {
			return 0, false
		}
		keys[j] = uint64(u) ^ 1<<63
	}
	return e, true
}

// scored returns the customer at entry index i.
func (s *Scores) scored(i int) Scored {
	return Scored{
		ID:             s.entries[i].id,
		RecencyDays:    int64(s.recency[i]),
		Frequency:      s.frequency[i],
		MonetaryAmount: s.monetary[i].Value(),
		Score:          s.score[i],
	}
}

// Get returns the scored customer with the given id; ok is false for an
// unknown id or a customer with refunds only. Get reads the collection's
// index: do not modify the collection concurrently.
func (s *Scores) Get(id string) (Scored, bool) {
	if len(s.slots) == 0 {
		return Scored{}, false
	}
	c := Collection{seed: s.seed, slots: s.slots, entries: s.entries}
	i := c.find(maphash.String(s.seed, id), id)
	if i < 0 || i >= len(s.score) || s.score[i].R == 0 {
		return Scored{}, false
	}
	return s.scored(i), true
}

// Customers yields the scored customers in ascending id order (it sorts
// them: O(n log n)).
func (s *Scores) Customers() iter.Seq[Scored] {
	return func(yield func(Scored) bool) {
		c := Collection{entries: s.entries}
		for _, i := range c.order() {
			if s.score[i].R == 0 {
				continue
			}
			if !yield(s.scored(int(i))) {
				return
			}
		}
	}
}

// Cells counts the customers per score: Cells()[Score{5, 4, 3}] is the
// number scored "543".
func (s *Scores) Cells() map[Score]int {
	cells := make(map[Score]int)
	for _, sc := range s.score {
		if sc.R != 0 {
			cells[sc]++
		}
	}
	return cells
}

// String summarises the cut points, e.g. "RFM as of 2024-12-31, 5 bins,
// 1000 customers: R ≤ [200 120 60 20] days, F ≥ [2 3 5 9], M ≥ [...]".
func (s *Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "RFM as of %s, %d bins, %d customers", s.AsOf.Format(time.DateOnly), s.Bins, s.Scored)
	if s.Unscored > 0 {
		fmt.Fprintf(&b, " (%d refund-only left out)", s.Unscored)
	}
	fmt.Fprintf(&b, ": R ≤ %v days, F ≥ %v, M ≥ [", s.RecencyCutsDays, s.FrequencyCuts)
	for i, m := range s.MonetaryCutsAmount {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(m.String())
	}
	b.WriteByte(']')
	return b.String()
}

// ParseScore reads a combined code such as "543": three digits 1..9.
func ParseScore(code string) (Score, error) {
	if len(code) != 3 {
		return Score{}, fmt.Errorf("%w: score code of %d bytes, want 3 digits", ErrConfig, len(code))
	}
	var d [3]uint8
	for i := range d {
		v, err := strconv.Atoi(code[i : i+1])
		if err != nil || v < 1 {
			return Score{}, fmt.Errorf("%w: score code %q", ErrConfig, code)
		}
		d[i] = uint8(v)
	}
	return Score{R: d[0], F: d[1], M: d[2]}, nil
}
