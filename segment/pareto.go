package segment

import (
	"fmt"
	"iter"
	"math/big"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Concentration holds customers' revenues sorted from largest to
// smallest, exactly (integers at the smallest exponent), to answer "20 %
// of customers make 80 % of sales" questions: TopShare, CustomersFor,
// ABC, Lorenz and Gini. Identical revenues are ordered by id, which only
// matters for listing: no figure depends on it.
type Concentration struct {
	ids   []string
	vals  []*big.Int // revenue·10^−exp, descending
	exp   int32
	total *big.Int
}

// Concentration returns the concentration of the customers' net amounts.
// It fails with ErrNegativeAmount for a negative net amount (refunds
// exceeding purchases) and ErrEmpty for an empty collection.
func (c *Collection) Concentration() (*Concentration, error) {
	return NewConcentration(func(yield func(string, decimal.Decimal) bool) {
		for i := range c.entries {
			if !yield(c.entries[i].id, c.entries[i].sum.Value()) {
				return
			}
		}
	})
}

// NewConcentration reads id → revenue pairs (ids distinct, revenues ≥ 0).
// It fails with ErrNegativeAmount, ErrEmptyID, ErrEncoding for a repeated
// id, or ErrEmpty for no customers.
func NewConcentration(revenues iter.Seq2[string, decimal.Decimal]) (*Concentration, error) {
	var ids []string
	var ds []decimal.Decimal
	exp := int32(0)
	seen := make(map[string]bool)
	for id, v := range revenues {
		switch {
		case id == "":
			return nil, ErrEmptyID
		case seen[id]:
			return nil, fmt.Errorf("customer %q: %w: repeated id", id, ErrEncoding)
		case v.Sign() < 0:
			return nil, fmt.Errorf("customer %q: %w: revenue %v", id, ErrNegativeAmount, v)
		}
		seen[id] = true
		ids = append(ids, id)
		ds = append(ds, v)
		exp = min(exp, v.Exponent())
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("concentration: %w", ErrEmpty)
	}
	c := &Concentration{exp: exp, total: new(big.Int)}
	order := make([]int, len(ids))
	vals := make([]*big.Int, len(ids))
	for i, d := range ds {
		order[i] = i
		vals[i] = d.Shift(-exp).BigInt() // exact: exp ≤ d's exponent
		c.total.Add(c.total, vals[i])
	}
	slices.SortFunc(order, func(a, b int) int {
		if x := vals[b].Cmp(vals[a]); x != 0 {
			return x
		}
		return strings.Compare(ids[a], ids[b])
	})
	c.ids = make([]string, len(ids))
	c.vals = make([]*big.Int, len(ids))
	for j, i := range order {
		c.ids[j], c.vals[j] = ids[i], vals[i]
	}
	return c, nil
}

// Len returns the number of customers.
func (c *Concentration) Len() int { return len(c.ids) }

// Total returns the total revenue.
func (c *Concentration) Total() decimal.Decimal { return decimal.NewFromBigInt(c.total, c.exp) }

// ratFloat returns the float64 nearest to num/den.
func ratFloat(num, den *big.Int) float64 {
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f
}

// share validates a share argument and returns it as an exact rational.
func share(x float64) (*big.Rat, error) {
	if !(x >= 0 && x <= 1) {
		return nil, fmt.Errorf("%w: %v not in [0, 1]", ErrShare, x)
	}
	return new(big.Rat).SetFloat64(x), nil
}

func (c *Concentration) noRevenue() error {
	if c.total.Sign() == 0 {
		return fmt.Errorf("concentration: %w with revenue", ErrEmpty)
	}
	return nil
}

// TopShare returns the share of revenue made by the top fraction x of
// customers (x = 0.2: the top 20 %), read on the concentration curve
// through the points (i/n, Sᵢ/T), Sᵢ the revenue of the i largest
// customers and T the total, linear between them: exact when x·n is a
// whole number of customers. It fails with ErrShare for x outside [0, 1]
// and ErrEmpty when the total revenue is zero.
func (c *Concentration) TopShare(x float64) (float64, error) {
	xr, err := share(x)
	if err != nil {
		return 0, err
	}
	if err := c.noRevenue(); err != nil {
		return 0, err
	}
	n := int64(len(c.vals))
	k := new(big.Rat).Mul(xr, big.NewRat(n, 1)) // customers, fractional
	whole := new(big.Int).Quo(k.Num(), k.Denom()).Int64()
	s := new(big.Rat)
	for i := int64(0); i < whole; i++ {
		s.Add(s, new(big.Rat).SetInt(c.vals[i]))
	}
	if whole < n {
		frac := new(big.Rat).Sub(k, new(big.Rat).SetInt64(whole))
		s.Add(s, frac.Mul(frac, new(big.Rat).SetInt(c.vals[whole])))
	}
	f, _ := s.Quo(s, new(big.Rat).SetInt(c.total)).Float64()
	return f, nil
}

// CustomersFor returns the smallest number of customers whose revenue
// reaches the fraction y of the total (y = 0.8: who makes 80 % of sales),
// taking the largest first, and that number as a share of all customers.
// The comparison Sₖ ≥ y·T is exact. It fails like TopShare.
func (c *Concentration) CustomersFor(y float64) (customers int, customerShare float64, err error) {
	yr, err := share(y)
	if err != nil {
		return 0, 0, err
	}
	if err := c.noRevenue(); err != nil {
		return 0, 0, err
	}
	// Sₖ ≥ y·T ⇔ Sₖ·den ≥ num·T
	need := new(big.Int).Mul(yr.Num(), c.total)
	s := new(big.Int)
	scaled := new(big.Int)
	k := 0
	for scaled.Mul(s, yr.Denom()).Cmp(need) < 0 {
		s.Add(s, c.vals[k])
		k++
	}
	return k, float64(k) / float64(len(c.vals)), nil
}

// Point is a point of the Lorenz curve: the poorest Customers fraction of
// customers make the Revenue fraction of the total.
type Point struct {
	Customers float64 `json:"customers"`
	Revenue   float64 `json:"revenue"`
}

// Lorenz returns the n+1 points (i/n, Lᵢ/T) of the Lorenz curve, Lᵢ the
// revenue of the i smallest customers, from (0, 0) to (1, 1). It fails
// with ErrEmpty when the total revenue is zero.
func (c *Concentration) Lorenz() ([]Point, error) {
	if err := c.noRevenue(); err != nil {
		return nil, err
	}
	n := len(c.vals)
	pts := make([]Point, n+1)
	s := new(big.Int)
	for i := 1; i <= n; i++ {
		s.Add(s, c.vals[n-i])
		pts[i] = Point{Customers: float64(i) / float64(n), Revenue: ratFloat(s, c.total)}
	}
	pts[n].Revenue = 1
	return pts, nil
}

// Gini returns the Gini coefficient of the revenues,
//
//	G = 2·Σᵢ i·x₍ᵢ₎ / (n·Σx) − (n + 1)/n,   x₍₁₎ ≤ … ≤ x₍ₙ₎,
//
// computed exactly and rounded once: 0 when all customers spend the
// same, (n − 1)/n when one makes everything. It is the population form
// (twice the area between the Lorenz curve and the diagonal), as R's
// ineq::Gini and most reports; GiniSample multiplies it by n/(n − 1). It
// fails with ErrEmpty when the total revenue is zero.
func (c *Concentration) Gini() (float64, error) {
	if err := c.noRevenue(); err != nil {
		return 0, err
	}
	num, den := c.gini()
	return ratFloat(num, den), nil
}

// gini returns the numerator and denominator of G.
func (c *Concentration) gini() (num, den *big.Int) {
	n := int64(len(c.vals))
	weighted := new(big.Int)
	t := new(big.Int)
	for j, v := range c.vals { // descending: rank from the bottom is n − j
		weighted.Add(weighted, t.Mul(v, big.NewInt(n-int64(j))))
	}
	num = weighted.Lsh(weighted, 1)
	num.Sub(num, new(big.Int).Mul(big.NewInt(n+1), c.total))
	den = new(big.Int).Mul(big.NewInt(n), c.total)
	return num, den
}

// GiniSample returns the Gini coefficient with the small-sample factor
// n/(n − 1), so that one customer making everything gives 1. It needs at
// least two customers (ErrEmpty otherwise, or without revenue).
func (c *Concentration) GiniSample() (float64, error) {
	if err := c.noRevenue(); err != nil {
		return 0, err
	}
	n := int64(len(c.vals))
	if n < 2 {
		return 0, fmt.Errorf("sample Gini of one customer: %w", ErrEmpty)
	}
	num, den := c.gini()
	num.Mul(num, big.NewInt(n))
	den.Mul(den, big.NewInt(n-1))
	return ratFloat(num, den), nil
}

// Class is one ABC class: its customers and their revenue.
type Class struct {
	Customers     int             `json:"customers"`
	CustomerShare float64         `json:"customer_share"`
	Revenue       decimal.Decimal `json:"revenue"`
	RevenueShare  float64         `json:"revenue_share"`
}

// Classes is an ABC analysis: the three classes and every customer's
// class, id → "A", "B" or "C" (a snapshot for Transition with levels
// C, B, A).
type Classes struct {
	A, B, C Class
	Labels  map[string]string `json:"-"`
}

// String returns e.g. "A 12 customers (12.0%) 80.1% of revenue, B ...".
func (cs Classes) String() string {
	var b strings.Builder
	for i, c := range []Class{cs.A, cs.B, cs.C} {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%c %d customers (%.1f%%) %.1f%% of revenue", 'A'+i, c.Customers, 100*c.CustomerShare, 100*c.RevenueShare)
	}
	return b.String()
}

// ABC classes customers by cumulative revenue, largest first, with limits
// a < b (0.8 and 0.95 classically). The boundary rule: a customer is in A
// while the revenue of the customers before them is below a·T, so the
// customer who crosses a·T is in A; then B while it is below b·T; C for
// the rest. Customers with identical revenues share a class: a group of
// ties takes the class of its first member. It fails with ErrShare unless
// 0 < a < b ≤ 1, and ErrEmpty when the total revenue is zero.
func (c *Concentration) ABC(a, b float64) (Classes, error) {
	if !(a > 0 && a < b && b <= 1) {
		return Classes{}, fmt.Errorf("%w: ABC limits %v, %v (want 0 < a < b ≤ 1)", ErrShare, a, b)
	}
	if err := c.noRevenue(); err != nil {
		return Classes{}, err
	}
	ar, br := new(big.Rat).SetFloat64(a), new(big.Rat).SetFloat64(b)
	needA := new(big.Int).Mul(ar.Num(), c.total)
	needB := new(big.Int).Mul(br.Num(), c.total)
	cs := Classes{Labels: make(map[string]string, len(c.ids))}
	sums := [3]*big.Int{new(big.Int), new(big.Int), new(big.Int)}
	counts := [3]int{}
	before := new(big.Int)
	scaled := new(big.Int)
	class := 0
	for j, v := range c.vals {
		if j == 0 || v.Cmp(c.vals[j-1]) != 0 { // a new group of ties
			switch {
			case scaled.Mul(before, ar.Denom()).Cmp(needA) < 0:
				class = 0
			case scaled.Mul(before, br.Denom()).Cmp(needB) < 0:
				class = 1
			default:
				class = 2
			}
		}
		cs.Labels[c.ids[j]] = string(rune('A' + class))
		counts[class]++
		sums[class].Add(sums[class], v)
		before.Add(before, v)
	}
	n := float64(len(c.ids))
	out := [3]*Class{&cs.A, &cs.B, &cs.C}
	for i := range out {
		*out[i] = Class{
			Customers:     counts[i],
			CustomerShare: float64(counts[i]) / n,
			Revenue:       decimal.NewFromBigInt(sums[i], c.exp),
			RevenueShare:  ratFloat(sums[i], c.total),
		}
	}
	return cs, nil
}

// Top returns the k largest customers' ids and revenues (ties by id), or
// all of them when k exceeds their number.
func (c *Concentration) Top(k int) []Ranked {
	k = min(max(k, 0), len(c.ids))
	out := make([]Ranked, k)
	for i := range out {
		out[i] = Ranked{ID: c.ids[i], Revenue: decimal.NewFromBigInt(c.vals[i], c.exp)}
	}
	return out
}

// Ranked is a customer and their revenue.
type Ranked struct {
	ID      string          `json:"id"`
	Revenue decimal.Decimal `json:"revenue"`
}
