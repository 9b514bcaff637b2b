package rate

import (
	"fmt"
	"math"
)

// MaxFisher is the largest number of trials, both tallies together,
// that Fisher takes: 2³². Beyond a few thousand trials the z-test of
// Compare gives the same answer.
const MaxFisher = 1 << 32

// Fisher returns the two-sided p-value of Fisher's exact test of equal
// rates in base and variant: given the trials of each and the successes
// of both, the probability of a split of the successes no more likely
// than the one observed, the hypergeometric probabilities compared with
// a relative tolerance of 10⁻⁷ as R's fisher.test does. Use it instead
// of Compare's z-test when a cell has a handful of successes or failures
// (fewer than 5 expected, the usual rule). A table whose margins leave
// one possible split has p = 1; a nil tally is empty.
//
// It fails with ErrOverflow past MaxFisher trials. It visits the splits
// within 38 standard deviations of the most likely one, beyond which
// their probabilities are below 2⁻¹⁰⁰⁰ of it: five million at most, at
// MaxFisher trials split evenly. A p-value below about 10⁻³⁰⁰ is 0.
func Fisher(base, variant *Tally) (float64, error) {
	xb, nb := base.counts()
	xv, nv := variant.counts()
	if nb > MaxFisher || nv > MaxFisher-nb {
		return 0, fmt.Errorf("%w: Fisher got %d and %d trials, more than MaxFisher = %d in all", ErrOverflow, nb, nv, uint64(MaxFisher))
	}
	h := newHypergeometric(xb+xv, nb, nv)
	if h.lo == h.hi {
		return 1, nil
	}
	total, observed := 0.0, 0.0
	h.each(func(k uint64, d float64) {
		total += d
		if k == xb {
			observed = d
		}
	})
	// R: sum(d[d <= d[observed] * (1 + 1e-7)]).
	limit := observed * (1 + 1e-7)
	tail := 0.0
	h.each(func(_ uint64, d float64) {
		if d <= limit {
			tail += d
		}
	})
	return min(1, tail/total), nil
}

// hypergeometric is the distribution of the successes k in the base
// sample, given K successes in all and samples of nb and nv trials:
// P(k) ∝ C(K, k)·C(nb + nv − K, nb − k) for k in lo..hi.
type hypergeometric struct {
	K, nb, nv, lo, hi, mode uint64
}

func newHypergeometric(K, nb, nv uint64) hypergeometric {
	h := hypergeometric{K: K, nb: nb, nv: nv, hi: min(K, nb)}
	if K > nv {
		h.lo = K - nv
	}
	// The mode ⌊(nb + 1)(K + 1)/(N + 2)⌋, in floats: any start near it
	// keeps the probabilities relative to it at most about 1.
	m := math.Floor((float64(nb) + 1) * (float64(K) + 1) / (float64(nb) + float64(nv) + 2))
	h.mode = min(max(uint64(m), h.lo), h.hi)
	return h
}

// negligible is where each stops: a split 2¹⁰⁰⁰ times less likely than
// the mode adds nothing to a sum that is at least 1. (Going on to the
// smallest subnormal would not end: it times a ratio near 1 rounds back
// to itself.)
const negligible = 0x1p-1000

// each calls f(k, d) with d = P(k)/P(mode) for the k of the support,
// outwards from the mode, until d is negligible: by the recurrence
// P(k + 1)/P(k) = (K − k)(nb − k) / ((k + 1)(nv − K + k + 1)). As P falls
// like exp(−j²/2σ²) at j standard deviations σ from the mode, that is
// at most 2·38σ splits, σ² ≤ (nb + nv)/16.
func (h hypergeometric) each(f func(k uint64, d float64)) {
	f(h.mode, 1)
	K, nb, nv := float64(h.K), float64(h.nb), float64(h.nv)
	d := 1.0
	for k := h.mode; k < h.hi; k++ {
		x := float64(k)
		d *= (K - x) * (nb - x) / ((x + 1) * (nv - K + x + 1))
		if d < negligible {
			break
		}
		f(k+1, d)
	}
	d = 1.0
	for k := h.mode; k > h.lo; k-- {
		x := float64(k)
		d *= x * (nv - K + x) / ((K - x + 1) * (nb - x + 1))
		if d < negligible {
			break
		}
		f(k-1, d)
	}
}
