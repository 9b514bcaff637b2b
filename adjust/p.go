package adjust

// P returns the p-values ps adjusted for multiple testing by method m, in
// the order of ps, as R's p.adjust computes them, operation for
// operation: the same float64 values (for Benjamini–Yekutieli, up to the
// last bit of Hₙ, which R sums in long double). A nil entry is a test that could not
// be run (a comparison with an empty cell): it stays nil and does not
// count in the family's size n, as R leaves NA out. An empty family gives
// an empty result.
//
// Adjusted values are capped at 1 and monotone: a smaller p-value never
// gets a larger adjusted one, and equal p-values get equal ones. To mark
// significance, use Significant, which decides on the decimals rather
// than on these floats.
//
// P fails with ErrMethod, ErrPValue (a p-value that is not in [0, 1])
// or ErrOverflow (more than MaxTests entries). It takes O(n log n) time.
func P(ps []*float64, m Method) ([]*float64, error) {
	f, err := family(ps, m, "P")
	if err != nil {
		return nil, err
	}
	q := adjusted(f, m)
	out := make([]*float64, len(ps))
	for k, e := range f {
		out[e.i] = &q[k]
	}
	return out, nil
}

// adjusted returns the adjusted p-values of the sorted family f, in its
// order. The expressions are R's, in R's order of evaluation, so that the
// floats agree to the bit: for the r-th smallest of n p-values (r from 1)
//
//	bonferroni  min(1, n·p)
//	holm        min(1, max over s ≤ r of (n + 1 − s)·p₍ₛ₎)
//	hochberg    min(1, min over s ≥ r of (n + 1 − s)·p₍ₛ₎)
//	BH          min(1, min over s ≥ r of (n/s)·p₍ₛ₎)
//	BY          min(1, min over s ≥ r of ((q·n)/s)·p₍ₛ₎),  q = Σ 1/k, k = 1..n
func adjusted(f []entry, m Method) []float64 {
	n := len(f)
	q := make([]float64, n)
	switch m {
	case None:
		for k, e := range f {
			q[k] = e.p
		}
	case Bonferroni:
		for k, e := range f {
			q[k] = min(1, float64(n)*e.p)
		}
	case Holm:
		run := 0.0
		for k, e := range f {
			run = max(run, float64(n-k)*e.p)
			q[k] = min(1, run)
		}
	case Hochberg, BenjaminiHochberg, BenjaminiYekutieli:
		h := 1.0
		if m == BenjaminiYekutieli {
			h = harmonic(n)
		}
		run := 1.0 // every term is ≤ 1 after the cap, so 1 is a neutral start
		for k := n - 1; k >= 0; k-- {
			p := f[k].p
			var v float64
			switch m {
			case Hochberg:
				v = float64(n-k) * p
			case BenjaminiHochberg:
				v = float64(n) / float64(k+1) * p
			default:
				v = h * float64(n) / float64(k+1) * p
			}
			run = min(run, v)
			q[k] = run
		}
	}
	return q
}
