package adjust

import (
	"fmt"
	"math/big"

	"github.com/rapportkit/rapport/internal/stat"
)

// Significant reports, for each p-value of ps, whether its test stays
// significant at level alpha once the family is adjusted by method m:
// whether its adjusted p-value is at most alpha. The rule is ≤, as in R
// (p.adjust(p, m) <= alpha) and in the step-up procedures of Hochberg and
// Benjamini–Hochberg, which reject p₍ᵣ₎ ≤ r·α/n: a p-value exactly on the
// threshold is significant.
//
// It decides exactly, on decimals: each p-value and alpha are taken as
// the decimals they were typed or printed as (the shortest decimal that
// reads back as the float: 0.034, not 0.034000000000000002) and the
// adjusted value is computed in exact arithmetic. So 25 tests whose 17th
// smallest p-value is 0.034 keep it significant at 0.05 by
// Benjamini–Hochberg, as 25/17 · 0.034 is exactly 0.05, where the float
// R and P compute, 0.05000000000000001, is not ≤ 0.05.
//
// A nil entry (a test that could not be run) is not significant and does
// not count in the family's size. Significant fails with ErrLevel (alpha
// not in (0, 1)), ErrMethod, ErrPValue or ErrOverflow, like P. It takes
// O(n log n) time.
func Significant(ps []*float64, m Method, alpha float64) ([]bool, error) {
	if !(alpha > 0 && alpha < 1) {
		return nil, fmt.Errorf("%w: Significant got %v", ErrLevel, alpha)
	}
	f, err := family(ps, m, "Significant")
	if err != nil {
		return nil, err
	}
	n := len(f)
	t := threshold{alpha: alpha, n: n}
	// With the p-values sorted ascending, the r-th smallest (r = k + 1)
	// is compared with α through its coefficient c: c·p ≤ α.
	last := -1 // f[:last+1] is significant, for the step methods
	switch m {
	case None, Bonferroni:
		c := 1
		if m == Bonferroni {
			c = n
		}
		for k, e := range f {
			if t.atMost(e.p, c, 1) {
				last = k
			}
		}
	case Holm: // step down: significant up to the first that is not
		for k, e := range f {
			if !t.atMost(e.p, n-k, 1) {
				break
			}
			last = k
		}
	case Hochberg: // step up: significant up to the last that is
		for k := n - 1; k >= 0 && last < 0; k-- {
			if t.atMost(f[k].p, n-k, 1) {
				last = k
			}
		}
	case BenjaminiHochberg, BenjaminiYekutieli:
		t.harmonic = m == BenjaminiYekutieli
		for k := n - 1; k >= 0 && last < 0; k-- {
			if t.atMost(f[k].p, n, k+1) {
				last = k
			}
		}
	}
	out := make([]bool, len(ps))
	for _, e := range f[:last+1] {
		out[e.i] = true
	}
	return out, nil
}

// threshold decides c·p ≤ α exactly on the decimals of p and α, where c
// is num/den, times the harmonic number Hₙ for Benjamini–Yekutieli.
type threshold struct {
	alpha    float64
	n        int
	harmonic bool

	h      float64  // Hₙ as a float, once harmonic is set
	a      *big.Rat // the decimal α, made on first use
	hp, hq *big.Int // Hₙ = hp/hq exactly, made on first use
}

// atMost decides in float64 arithmetic when the product is clearly on
// one side of α and exactly otherwise. The float product is within 4 ulps
// of the exact product of the decimals (one half ulp for each decimal,
// one per operation, a few more for Hₙ), so a relative margin of 10⁻¹⁴
// (10⁻¹³ with Hₙ) leaves every undecided case to the exact comparison.
// The margin is relative, so α must be a normal float with room to
// spare (α ≥ 2⁻¹⁰⁰⁰): a p-value below that, even a subnormal one, is
// decided by the margin whenever α is not tiny too.
func (t *threshold) atMost(p float64, num, den int) bool {
	x := p * float64(num) / float64(den)
	tol := 1e-14
	if t.harmonic {
		if t.h == 0 {
			t.h = harmonic(t.n)
		}
		x *= t.h
		tol = 1e-13
	}
	if t.alpha >= 0x1p-1000 {
		switch {
		case x < t.alpha*(1-tol):
			return true
		case x > t.alpha*(1+tol):
			return false
		}
	}
	return t.exact(p, num, den)
}

// exact decides c·d ≤ a for the decimals d of p and a of α:
// d·num·hp·a.den ≤ a.num·den·hq·d.den, every factor positive but d.num.
func (t *threshold) exact(p float64, num, den int) bool {
	if t.a == nil {
		t.a = stat.Decimal(t.alpha)
	}
	d := stat.Decimal(p)
	lhs := new(big.Int).Mul(d.Num(), big.NewInt(int64(num)))
	lhs.Mul(lhs, t.a.Denom())
	rhs := new(big.Int).Mul(t.a.Num(), big.NewInt(int64(den)))
	rhs.Mul(rhs, d.Denom())
	if t.harmonic {
		if t.hp == nil {
			t.hp, t.hq = harmonicExact(t.n)
		}
		lhs.Mul(lhs, t.hp)
		rhs.Mul(rhs, t.hq)
	}
	return lhs.Cmp(rhs) <= 0
}
