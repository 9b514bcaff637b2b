package operations

import "math"

// Erlang A (M/M/N+M, Palm 1946; Garnett, Mandelbaum & Reiman 2002): Poisson
// arrivals, exponential handle times with mean 1/μ, N agents, and
// customers who abandon after an exponential patience with mean 1/θ.
// Time is measured in handle times, so μ = 1, the traffic is A = λ/μ and
// r = θ/μ = AHT/patience.
//
// With π the stationary distribution of the number in system, everything
// is relative to π_N, the probability of exactly N:
//
//	X  = Σ_{n<N} π_n/π_N = 1/B(N, A) − 1               (no wait)
//	wⱼ = π_{N+j}/π_N = ∏_{i=1}^{j} A/(N + i·r)            (j already waiting)
//
// An arrival who finds j waiting is served with probability
// N/(N + (j+1)·r) (the queue ahead moves at N + i·r while the arrival
// abandons at r), after a mean wait Σ_{i=1}^{j+1} 1/(N + i·r) given
// service. So, with Z = X + Σⱼ wⱼ,
//
//	P(wait)    = Σⱼ wⱼ / Z
//	P(abandon) = Σⱼ wⱼ·(j+1)r/(N + (j+1)r) / Z
//	P(served)  = (X + Σⱼ wⱼ·N/(N + (j+1)r)) / Z
//	ASA        = Σⱼ wⱼ·N/(N + (j+1)r)·Σ_{i≤j+1} 1/(N + i·r) / (X + Σⱼ wⱼ·N/(N + (j+1)r))
//
// The offered wait V (the wait of an infinitely patient arrival) has
// density π_N·N·exp(−N·s + (A/r)(1 − e^{−r·s})) for s > 0; integrating
// e^{−r·s} times it past t gives the contacts served after t,
//
//	P(served, V > t)/π_N = N/(N+r) · exp(−(N+r)t + (A/r)(1 − e^{−rt})) · Σₙ ∏_{i=1}^{n} A·e^{−rt}/(N + (i+1)r),
//
// so that the service level, the share of all arrivals served within t,
// is P(served) − P(served, V > t). As r → 0 these tend to the Erlang C
// formulas. The sums are unimodal with positive terms; they are summed
// from j = 0, rescaled by 2⁻⁶⁰⁰ whenever a term passes 2⁶⁰⁰, until the
// terms fall below 2⁻⁶⁴ of the sum and its geometric tail is negligible.

const (
	rescale    = 0x1p600
	rescaleLog = 600 * math.Ln2
)

// The work the Erlang A sums may do. The sums need about (A − N)/r terms
// to reach their peak and ~9·√(A/r) more past it, which a queue of
// customers far more patient than the handle time (r → 0) on far too few
// agents makes arbitrarily many: one evaluation (Queue.Metrics) may sum
// maxEvalTerms terms, a whole Queue.Staff maxStaffTerms, some tens of
// milliseconds; past that they fail with ErrConverge.
const (
	maxEvalTerms  = 1 << 23
	maxStaffTerms = 1 << 24
)

// terms is a budget of series terms; each term summed spends one.
type terms int

// spend takes one term from the budget, or reports that none is left.
func (b *terms) spend() bool {
	*b--
	return *b >= 0
}

// erlangA holds the metrics of an Erlang A queue, in handle times.
type erlangA struct {
	pWait, pAbandon, serviceLevel, asa, occupancy float64
}

// queueSums returns the sums over j of wⱼ, wⱼ·(j+1)r/(N+(j+1)r),
// wⱼ·N/(N+(j+1)r) and that times Σ_{i≤j+1} 1/(N+i·r), all multiplied by
// 2^(−600·k), and k; ok = false when b runs out.
func queueSums(a, n, r float64, b *terms) (s, sab, ssr, u float64, k int, ok bool) {
	w, h := 1.0, 0.0
	for j := 0; ; j++ {
		if !b.spend() {
			return 0, 0, 0, 0, 0, false
		}
		inv := 1 / (n + float64(j+1)*r)
		h += inv
		s += w
		sab += w * float64(j+1) * r * inv
		sr := w * n * inv
		ssr += sr
		u += sr * h
		q := a * inv // w_{j+1}/w_j
		w *= q
		if q < 1 && w*q <= 0x1p-64*s*(1-q) {
			return s, sab, ssr, u, k, true
		}
		if w > rescale {
			w, s, sab, ssr, u = w/rescale, s/rescale, sab/rescale, ssr/rescale, u/rescale
			k++
		}
	}
}

// logSeries returns log Σₙ ∏_{i=1}^{n} z/(c + i·r); ok = false when b
// runs out.
func logSeries(z, c, r float64, b *terms) (float64, bool) {
	w, s, k := 1.0, 0.0, 0
	for j := 1; ; j++ {
		if !b.spend() {
			return 0, false
		}
		s += w
		q := z / (c + float64(j)*r)
		w *= q
		if q < 1 && w*q <= 0x1p-64*s*(1-q) {
			return math.Log(s) + float64(k)*rescaleLog, true
		}
		if w > rescale {
			w, s = w/rescale, s/rescale
			k++
		}
	}
}

// computeErlangA returns the metrics for traffic a > 0 on n ≥ 1 agents, r > 0,
// and the service-level threshold tau, all in handle times; x is 1/B(n, a).
// It spends at most min(*b, maxEvalTerms) terms and fails when they are
// not enough.
func computeErlangA(a float64, n int, r, tau, x float64, b *terms) (erlangA, bool) {
	own := min(*b, maxEvalTerms)
	*b -= own
	defer func() { *b += max(own, 0) }() // give back what was not spent
	nf := float64(n)
	if math.IsInf(x, 1) { // B(n, a) < 1e-308: nobody waits
		return erlangA{serviceLevel: 1, occupancy: a / nf}, true
	}
	s, sab, ssr, u, k, ok := queueSums(a, nf, r, &own)
	if !ok {
		return erlangA{}, false
	}
	x0 := math.Ldexp(x-1, -600*k) // X on the sums' scale
	z := x0 + s
	m := erlangA{pWait: min(s/z, 1), pAbandon: min(sab/z, 1)}
	served := x0 + ssr
	m.asa = u / served
	m.occupancy = min(a*(1-m.pAbandon)/nf, 1) // carried load ≤ N; rounding may pass it
	late := 0.0                               // P(served, V > tau) on the sums' scale
	if tau > 0 {
		ls, ok := logSeries(a*math.Exp(-r*tau), nf+r, r, &own)
		if !ok {
			return erlangA{}, false
		}
		logLate := math.Log(nf/(nf+r)) - (nf+r)*tau - a/r*math.Expm1(-r*tau) + ls
		late = math.Exp(logLate-(math.Log(s)+float64(k)*rescaleLog)) * s
	} else {
		late = ssr
	}
	m.serviceLevel = min(max((served-late)/z, 0), 1)
	return m, true
}
