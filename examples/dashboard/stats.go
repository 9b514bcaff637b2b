package main

import (
	"math"

	"github.com/rapportkit/rapport/internal/stat"
)

// The figures of the survey and contact packages (nps, csat, ces,
// operations) are being rewritten; the sample computes the few it needs
// from counts and values here, by the formulas those packages document,
// so that it depends only on the packages that are stable: rate (every
// proportion), churn and adjust. In a program of your own, take them from
// nps.Tally.Result, ces.Tally.Result and operations.Tally.Result.

const level = 0.95

// npsFigure is the NPS of counts of promoters, passives and detractors,
// in points, with the adjusted-Wald interval of Rocks (2016): the Wald
// interval after adding ¾ promoter, 1½ passive and ¾ detractor. v is
// the variance of a response's ±1/0 contribution, for comparisons.
func npsFigure(p, d, n uint64) (score, lo, hi, v float64, ok bool) {
	if n == 0 {
		return 0, 0, 0, 0, false
	}
	fp, fd, fn := float64(p), float64(d), float64(n)
	score = 100 * (fp - fd) / fn
	v = fp/fn + fd/fn - math.Pow((fp-fd)/fn, 2)
	ap, ad, an := (fp+0.75)/(fn+3), (fd+0.75)/(fn+3), fn+3
	adj := ap - ad
	se := math.Sqrt((ap + ad - adj*adj) / an)
	z, _ := stat.Critical(level)
	lo, hi = 100*math.Max(-1, adj-z*se), 100*math.Min(1, adj+z*se)
	return score, lo, hi, v, true
}

// npsP is the two-sided p-value of the z-test of two NPS, the
// difference over √(Va/Na + Vb/Nb) on −1..1.
func npsP(a, b float64, va, vb float64, na, nb uint64) (float64, bool) {
	se := math.Sqrt(va/float64(na) + vb/float64(nb))
	if na == 0 || nb == 0 || se == 0 {
		return 0, false
	}
	return stat.TwoSidedP((a - b) / 100 / se), true
}

// moments are the mean and the sample standard deviation of values.
type moments struct {
	n        uint64
	mean, sd float64
}

func momentsOf(xs []float64) moments {
	m := moments{n: uint64(len(xs))}
	if m.n == 0 {
		return m
	}
	for _, x := range xs {
		m.mean += x
	}
	m.mean /= float64(m.n)
	if m.n > 1 {
		var ss float64
		for _, x := range xs {
			ss += (x - m.mean) * (x - m.mean)
		}
		m.sd = math.Sqrt(ss / float64(m.n-1))
	}
	return m
}

// interval is the t interval of the mean.
func (m moments) interval() (lo, hi float64, ok bool) {
	lo, hi, err := stat.MeanInterval(m.mean, m.sd, m.n, level)
	return lo, hi, err == nil && m.n > 1
}

// welchP is the two-sided p-value of Welch's t-test of two means.
func welchP(a, b moments) (float64, bool) {
	if a.n < 2 || b.n < 2 {
		return 0, false
	}
	va, vb := a.sd*a.sd/float64(a.n), b.sd*b.sd/float64(b.n)
	if va+vb == 0 {
		return 0, false
	}
	t := (a.mean - b.mean) / math.Sqrt(va+vb)
	df := (va + vb) * (va + vb) / (va*va/float64(a.n-1) + vb*vb/float64(b.n-1))
	return 2 * stat.TCDF(-math.Abs(t), df), true
}

// poissonInterval is the exact (Garwood 1936) interval of a Poisson mean
// from a count x: the means μ at which x or more, and x or fewer, have
// probability (1 − level)/2, found by bisection on the tails
//
//	P(X ≥ x; μ) = P(x, μ)        P(X ≤ x; μ) = 1 − P(x + 1, μ)
//
// with P the regularized lower incomplete gamma function; they are
// R's poisson.test intervals, qgamma(α/2, x) and qgamma(1 − α/2, x + 1).
func poissonInterval(x uint64) (lo, hi float64) {
	tail := (1 - level) / 2
	fx := float64(x)
	if x > 0 {
		lo = bisect(0, fx, func(mu float64) bool { return gammaP(fx, mu) < tail })
	}
	hi = bisect(fx, fx+20*math.Sqrt(fx+1)+20, func(mu float64) bool { return 1-gammaP(fx+1, mu) > tail })
	return lo, hi
}

// bisect returns the x in [a, b] where below turns from true to false.
func bisect(a, b float64, below func(float64) bool) float64 {
	for range 200 {
		m := (a + b) / 2
		if m == a || m == b {
			break
		}
		if below(m) {
			a = m
		} else {
			b = m
		}
	}
	return (a + b) / 2
}

// gammaP is the regularized lower incomplete gamma function P(a, x), by
// its series for x < a + 1 and its continued fraction (Lentz) above, as
// in Numerical Recipes (Press et al., 3rd ed., 6.2). Both need about
// 6√a terms near x = a; the loops stop at maxTerms.
func gammaP(a, x float64) float64 {
	const maxTerms = 1 << 16 // 6√a for counts up to 10⁸
	if x <= 0 {
		return 0
	}
	lg, _ := math.Lgamma(a)
	front := math.Exp(-x + a*math.Log(x) - lg)
	if x < a+1 {
		sum, term := 1/a, 1/a
		for n := 1; n < maxTerms; n++ {
			term *= x / (a + float64(n))
			sum += term
			if term < sum*1e-17 {
				break
			}
		}
		return sum * front
	}
	const tiny = 1e-300
	b := x + 1 - a
	c, d := 1/tiny, 1/b
	h := d
	for i := 1; i < maxTerms; i++ {
		an := -float64(i) * (float64(i) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-17 {
			break
		}
	}
	return 1 - front*h
}

// poissonP is the two-sided p-value of the test of equal Poisson rates
// of two counts over equal exposure: given x + y, x is binomial with
// p = ½, so p = 2·min(P(X ≤ x), P(X ≥ x)), at most 1 — R's
// poisson.test(c(x, y)), through binom.test.
func poissonP(x, y uint64) float64 {
	n := x + y
	if n == 0 {
		return 1
	}
	fx, fn := float64(x), float64(n)
	le := 1.0 // P(X ≤ x) = 1 − I_½(x+1, n−x)
	if x < n {
		le = 1 - stat.RegIncBeta(0.5, fx+1, fn-fx)
	}
	ge := 1.0 // P(X ≥ x) = I_½(x, n−x+1)
	if x > 0 {
		ge = stat.RegIncBeta(0.5, fx, fn-fx+1)
	}
	return math.Min(1, 2*math.Min(le, ge))
}
