package segment

import (
	"fmt"
	"iter"
	"math/big"
	"slices"
	"strings"

	"github.com/rapportkit/rapport/internal/stat"

	"github.com/rapportkit/rapport/internal/unit"
	"github.com/shopspring/decimal"
)

// Concentration holds customers' revenues sorted from largest to
// smallest, exactly (integers at the smallest exponent), to answer "20 %
// of customers make 80 % of sales" questions: TopShare, CustomersFor,
// ABC, Lorenz and Gini, and Pareto for all of them at once. It holds at
// least one customer and a positive total, so that every figure is
// defined. Identical revenues are ordered by id, which only matters for
// listing: no figure depends on it.
type Concentration struct {
	ids   []string
	vals  []*big.Int // revenue·10^−exp, descending
	exp   int32
	total *big.Int // > 0
}

// Concentration returns the concentration of the customers' net amounts.
// It fails with ErrAmount for a negative net amount (refunds exceeding
// purchases), naming the customer of the smallest id, and ErrEmpty for a
// collection without customers or without revenue.
func (c *Collection) Concentration() (*Concentration, error) {
	// Net amounts need no bound check: they are sums of checked amounts
	// (and may reach n·10⁶⁴).
	return concentration(func(yield func(string, decimal.Decimal) bool) {
		for u := range c.Customers() {
			if !yield(u.id, u.sum.Value()) {
				return
			}
		}
	}, func(d decimal.Decimal) (decimal.Decimal, error) { return d, nil })
}

// NewConcentration reads id → revenue pairs: distinct non-empty ids
// (ErrID), revenues ≥ 0 within the bounds of an amount (ErrAmount: at
// most 64 places, magnitude below 10⁶⁴). It fails with ErrEmpty for no
// customers or a total of zero. Errors name the pair by its position
// (from 0) and its id.
func NewConcentration(revenues iter.Seq2[string, decimal.Decimal]) (*Concentration, error) {
	return concentration(revenues, checkAmount)
}

// concentration is NewConcentration with the bound check of amounts.
func concentration(revenues iter.Seq2[string, decimal.Decimal], check func(decimal.Decimal) (decimal.Decimal, error)) (*Concentration, error) {
	var ids []string
	var ds []decimal.Decimal
	exp := int32(0)
	seen := make(map[string]bool)
	for id, v := range revenues {
		i := len(ids)
		switch {
		case id == "":
			return nil, fmt.Errorf("revenue %d: %w: empty", i, ErrID)
		case seen[id]:
			return nil, fmt.Errorf("revenue %d: %w: customer %q repeated", i, ErrID, id)
		}
		v, err := check(v)
		if err != nil {
			return nil, fmt.Errorf("revenue %d: %w: customer %q: %v", i, ErrAmount, id, err)
		}
		if v.Sign() < 0 {
			return nil, fmt.Errorf("revenue %d: %w: customer %q: negative revenue %v", i, ErrAmount, id, v)
		}
		seen[id] = true
		ids = append(ids, id)
		ds = append(ds, v)
		exp = min(exp, v.Exponent())
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("%w: no revenue to concentrate", ErrEmpty)
	}
	c := &Concentration{exp: exp, total: new(big.Int)}
	order := make([]int, len(ids))
	vals := make([]*big.Int, len(ids))
	for i, d := range ds {
		order[i] = i
		vals[i] = d.Shift(-exp).BigInt() // exact: exp ≤ d's exponent, which is ≥ −64
		c.total.Add(c.total, vals[i])
	}
	if c.total.Sign() == 0 {
		return nil, fmt.Errorf("%w: %d customers and no revenue", ErrEmpty, len(ids))
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

// NumCustomers returns the number of customers.
func (c *Concentration) NumCustomers() int { return len(c.ids) }

// Total returns the total revenue.
func (c *Concentration) Total() decimal.Decimal { return decimal.NewFromBigInt(c.total, c.exp) }

// ratFloat returns the float64 nearest to num/den.
func ratFloat(num, den *big.Int) float64 {
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f
}

// share returns the share x the caller typed (0.8) as that decimal,
// exactly: the shortest decimal that gives x back as a float64, not the
// binary fraction nearest to it (0.8000000000000000444…), which would
// put a customer reaching exactly 80 % below 80 %. It fails with ErrShare
// outside [0, 1]; what names the argument.
func share(what string, x float64) (*big.Rat, error) {
	if !(x >= 0 && x <= 1) {
		return nil, fmt.Errorf("%w: %s %v, want [0, 1]", ErrShare, what, x)
	}
	return stat.Decimal(x), nil
}

// pct returns 100·r as the nearest float64.
func pct(r *big.Rat) float64 {
	f, _ := new(big.Rat).Mul(r, big.NewRat(100, 1)).Float64()
	return f
}

// TopShare returns the share of revenue made by the top fraction x of
// customers (x = 0.2: the top 20 %), read on the concentration curve
// through the points (i/n, Sᵢ/T), Sᵢ the revenue of the i largest
// customers and T the total, linear between them: exact when x·n is a
// whole number of customers, x taken as the decimal it was typed as. It
// fails with ErrShare for x outside [0, 1].
func (c *Concentration) TopShare(x float64) (float64, error) {
	xr, err := share("TopShare", x)
	if err != nil {
		return 0, err
	}
	r := c.topShare(xr)
	f, _ := r.Float64()
	return f, nil
}

// topShare returns S(x·n)/T exactly.
func (c *Concentration) topShare(x *big.Rat) *big.Rat {
	n := int64(len(c.vals))
	k := new(big.Rat).Mul(x, big.NewRat(n, 1)) // customers, fractional
	whole := new(big.Int).Quo(k.Num(), k.Denom()).Int64()
	sum := new(big.Int)
	for _, v := range c.vals[:whole] {
		sum.Add(sum, v)
	}
	s := new(big.Rat).SetInt(sum)
	if whole < n {
		frac := new(big.Rat).Sub(k, new(big.Rat).SetInt64(whole))
		s.Add(s, frac.Mul(frac, new(big.Rat).SetInt(c.vals[whole])))
	}
	return s.Quo(s, new(big.Rat).SetInt(c.total))
}

// CustomersFor returns the smallest number of customers whose revenue
// reaches the fraction y of the total (y = 0.8: who makes 80 % of
// sales), taking the largest first, and that number as a share of all
// customers. The comparison Sₖ ≥ y·T is exact, y taken as the decimal it
// was typed as: on revenues 50, 30 and 20, two customers make 80 %. It
// fails with ErrShare for y outside [0, 1].
func (c *Concentration) CustomersFor(y float64) (customers int, customerShare float64, err error) {
	yr, err := share("CustomersFor", y)
	if err != nil {
		return 0, 0, err
	}
	k := c.customersFor(yr)
	return k, float64(k) / float64(len(c.vals)), nil
}

// customersFor returns min{k : Sₖ ≥ y·T}.
func (c *Concentration) customersFor(y *big.Rat) int {
	// Sₖ ≥ y·T ⇔ Sₖ·den ≥ num·T
	need := new(big.Int).Mul(y.Num(), c.total)
	s := new(big.Int)
	scaled := new(big.Int)
	k := 0
	for scaled.Mul(s, y.Denom()).Cmp(need) < 0 {
		s.Add(s, c.vals[k])
		k++
	}
	return k
}

// Point is a point of the Lorenz curve: the poorest CustomerPct percent
// of customers make RevenuePct percent of the revenue.
type Point struct {
	CustomerPct float64 `json:"customer_pct"`
	RevenuePct  float64 `json:"revenue_pct"`
}

// Lorenz returns the n+1 points (100·i/n, 100·Lᵢ/T) of the Lorenz curve,
// in percent, Lᵢ the revenue of the i smallest customers, from (0, 0) to
// (100, 100).
func (c *Concentration) Lorenz() []Point {
	n := len(c.vals)
	pts := make([]Point, n+1)
	s := new(big.Int)
	hundred := big.NewInt(100)
	scaled := new(big.Int)
	for i := 1; i <= n; i++ {
		s.Add(s, c.vals[n-i])
		pts[i] = Point{CustomerPct: 100 * float64(i) / float64(n), RevenuePct: ratFloat(scaled.Mul(s, hundred), c.total)}
	}
	pts[n] = Point{100, 100}
	return pts
}

// Gini returns the Gini coefficient of the revenues,
//
//	G = 2·Σᵢ i·x₍ᵢ₎ / (n·Σx) − (n + 1)/n,   x₍₁₎ ≤ … ≤ x₍ₙ₎,
//
// computed exactly and rounded once: 0 when all customers spend the
// same, (n − 1)/n when one makes everything. It is the population form
// (twice the area between the Lorenz curve and the diagonal), as R's
// ineq::Gini and most reports; GiniSample multiplies it by n/(n − 1).
func (c *Concentration) Gini() float64 {
	num, den := c.gini()
	return ratFloat(num, den)
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
// n/(n − 1), so that one customer making everything gives 1; ok = false
// for a single customer.
func (c *Concentration) GiniSample() (float64, bool) {
	n := int64(len(c.vals))
	if n < 2 {
		return 0, false
	}
	num, den := c.gini()
	num.Mul(num, big.NewInt(n))
	den.Mul(den, big.NewInt(n-1))
	return ratFloat(num, den), true
}

// Class is one ABC class: its customers and their revenue.
type Class struct {
	Customers     int             `json:"customers"`
	CustomerPct   float64         `json:"customer_pct"`
	RevenueAmount decimal.Decimal `json:"revenue_amount"`
	RevenuePct    float64         `json:"revenue_pct"`
}

// Classes is an ABC analysis: the three classes and every customer's
// class, id → "A", "B" or "C" (a snapshot for Transition with levels
// C, B, A).
type Classes struct {
	A      Class             `json:"a"`
	B      Class             `json:"b"`
	C      Class             `json:"c"`
	Labels map[string]string `json:"-"`
}

// String returns e.g. "A 12 customers (12.0%) 80.1% of revenue, B ...".
func (cs Classes) String() string {
	var b strings.Builder
	for i, c := range []Class{cs.A, cs.B, cs.C} {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%c %d customers (%.1f%%) %.1f%% of revenue", 'A'+i, c.Customers, c.CustomerPct, c.RevenuePct)
	}
	return b.String()
}

// ABC classes customers by cumulative revenue, largest first, with limits
// a < b (0.8 and 0.95 classically), each taken as the decimal it was
// typed as. The boundary rule: a customer is in A while the revenue of
// the customers before them is below a·T, so the customer who crosses a·T
// is in A and the one after a customer reaching exactly a·T is not; then
// B while it is below b·T; C for the rest. Customers with identical
// revenues share a class: a group of ties takes the class of its first
// member. It fails with ErrShare unless 0 < a < b ≤ 1.
func (c *Concentration) ABC(a, b float64) (Classes, error) {
	if !(a > 0 && a < b && b <= 1) {
		return Classes{}, fmt.Errorf("%w: ABC limits %v, %v, want 0 < a < b ≤ 1", ErrShare, a, b)
	}
	ar, _ := share("ABC", a)
	br, _ := share("ABC", b)
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
	hundred := big.NewInt(100)
	out := [3]*Class{&cs.A, &cs.B, &cs.C}
	for i := range out {
		*out[i] = Class{
			Customers:     counts[i],
			CustomerPct:   100 * float64(counts[i]) / n,
			RevenueAmount: decimal.NewFromBigInt(sums[i], c.exp),
			RevenuePct:    ratFloat(new(big.Int).Mul(sums[i], hundred), c.total),
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
		out[i] = Ranked{ID: c.ids[i], RevenueAmount: decimal.NewFromBigInt(c.vals[i], c.exp)}
	}
	return out
}

// Ranked is a customer and their revenue.
type Ranked struct {
	ID            string          `json:"id"`
	RevenueAmount decimal.Decimal `json:"revenue_amount"`
}

// Pareto is the reporting view of a Concentration: the share of revenue
// the top customers make, how many customers make a target share of it,
// and the Gini coefficient. Percentages are 0–100.
type Pareto struct {
	Customers     int             `json:"customers"`
	RevenueAmount decimal.Decimal `json:"revenue_amount"`
	// TopPct is the top share of customers asked for (20); TopRevenuePct
	// the share of revenue they make (TopShare).
	TopPct        float64 `json:"top_pct"`
	TopRevenuePct float64 `json:"top_revenue_pct"`
	// TargetRevenuePct is the share of revenue asked for (80);
	// TargetCustomers the fewest customers who make it and
	// TargetCustomerPct their share of all customers (CustomersFor).
	TargetRevenuePct  float64 `json:"target_revenue_pct"`
	TargetCustomers   int     `json:"target_customers"`
	TargetCustomerPct float64 `json:"target_customer_pct"`
	// GiniRatio is the population Gini coefficient, GiniSampleRatio the
	// sample one, null for a single customer.
	GiniRatio       float64  `json:"gini_ratio"`
	GiniSampleRatio *float64 `json:"gini_sample_ratio"`
}

// Pareto returns the concentration's figures for the top fraction top of
// customers (0.2) and the fraction target of revenue (0.8), each taken
// as the decimal it was typed as. It fails with ErrShare for a share
// outside [0, 1].
func (c *Concentration) Pareto(top, target float64) (Pareto, error) {
	x, err := share("Pareto top", top)
	if err != nil {
		return Pareto{}, err
	}
	y, err := share("Pareto target", target)
	if err != nil {
		return Pareto{}, err
	}
	k := c.customersFor(y)
	n := len(c.ids)
	p := Pareto{
		Customers:         n,
		RevenueAmount:     c.Total(),
		TopPct:            pct(x),
		TopRevenuePct:     pct(c.topShare(x)),
		TargetRevenuePct:  pct(y),
		TargetCustomers:   k,
		TargetCustomerPct: pct(big.NewRat(int64(k), int64(n))),
		GiniRatio:         c.Gini(),
	}
	p.GiniSampleRatio = unit.Value(c.GiniSample())
	return p, nil
}

// String returns e.g. "10 customers, revenue 35575: the top 20% make
// 77.0% of it, 3 customers (30.0%) make 80%; Gini 0.730".
func (p Pareto) String() string {
	return fmt.Sprintf("%d %s, revenue %s: the top %g%% make %.1f%% of it, %d %s (%.1f%%) %s %g%%; Gini %.3f",
		p.Customers, plural(int64(p.Customers), "customer", "customers"), p.RevenueAmount, p.TopPct, p.TopRevenuePct,
		p.TargetCustomers, plural(int64(p.TargetCustomers), "customer", "customers"), p.TargetCustomerPct,
		plural(int64(p.TargetCustomers), "makes", "make"), p.TargetRevenuePct, p.GiniRatio)
}
