package operations

import (
	"fmt"
	"math"
)

// Limits of the staffing calculators.
const (
	// MaxTraffic is the largest offered load accepted, in Erlangs.
	MaxTraffic = 1e8
	// MaxAgents is the largest number of agents or lines accepted or returned.
	MaxAgents = 1 << 30
)

// recursionFrom returns the n₀ from which invB runs the recursion for
// n ≥ a: 0 below 200 Erlangs, else ⌊a − 12√a − 10⌋. Starting there from
// the value 1 instead of the true 1/B(n₀) changes 1/B(n) for n ≥ a by a
// relative amount below ∏_{j=n₀+1}^{⌊a⌋} (j/a) · 1/B(n₀) ≈ e^{−72}·√a/12,
// far below the rounding error, because the terms the start value feeds
// are that much smaller than the largest term of the sum
// 1/B(n) = Σₖ n!/((n−k)!·aᵏ).
func recursionFrom(a float64) int {
	if a < 200 {
		return 0
	}
	return int(a - 12*math.Sqrt(a) - 10)
}

// invB returns 1/B(n, a), the inverse of the Erlang B blocking
// probability, +Inf when B underflows. For n ≥ a it runs the stable
// recursion x(k) = 1 + (k/a)·x(k−1) from recursionFrom(a) with x = 1; for
// n < a it sums the series Σₖ ∏_{i<k} (n−i)/a, whose terms fall
// geometrically, until they are negligible. a ≥ 0, n ≥ 0.
//
// Its work is bounded whatever n: the recursion stops when x overflows,
// which it does once Σ_{k>a} log(k/a) passes 709, within a + 40√a + 200
// agents, so it runs at most 50√a + 230 steps (5·10⁵ at MaxTraffic); the
// series stops when its terms fall below 2⁻⁶⁰ of the sum, within about
// 9√a terms.
func invB(a float64, n int) float64 {
	if n == 0 {
		return 1
	}
	if float64(n) >= a {
		x := 1.0
		for k := recursionFrom(a) + 1; k <= n; k++ {
			x = step(a, k, x)
			if math.IsInf(x, 1) {
				break
			}
		}
		return x
	}
	sum, term := 1.0, 1.0
	for k := 0; k < n; k++ {
		term *= float64(n-k) / a
		sum += term
		if term < 0x1p-60*sum {
			break
		}
	}
	return sum
}

// step advances 1/B from k−1 to k agents. The solver and invB share it so
// that they agree to the bit.
func step(a float64, k int, x float64) float64 {
	return 1 + float64(k)/a*x
}

func checkTraffic(a float64) error {
	if !(a >= 0 && a <= MaxTraffic) {
		return fmt.Errorf("%w: traffic %v Erlangs not in [0, %g]", ErrQueue, a, float64(MaxTraffic))
	}
	return nil
}

func checkAgents(n int) error {
	if n < 0 || n > MaxAgents {
		return fmt.Errorf("%w: %d agents not in 0..%d", ErrAgents, n, MaxAgents)
	}
	return nil
}

// ErlangB returns the Erlang B blocking probability: the share of
// contacts turned away by `lines` servers without a queue carrying
// `traffic` Erlangs (M/M/N/N),
//
//	B(N, A) = (Aᴺ/N!) / Σ_{k=0}^{N} Aᵏ/k!,
//
// computed with a stable recursion, never factorials, for fractional
// traffic and any number of lines. It is below 1e-308, so 0, when that
// underflows. It fails with ErrQueue or ErrAgents on a traffic outside
// [0, MaxTraffic] or lines outside [0, MaxAgents].
func ErlangB(traffic float64, lines int) (float64, error) {
	if err := checkTraffic(traffic); err != nil {
		return 0, err
	}
	if err := checkAgents(lines); err != nil {
		return 0, err
	}
	return 1 / invB(traffic, lines), nil
}

// erlangC returns C(N, A) = N·B / (N − A + A·B) from x = 1/B; N > A.
// (The form N / (A + (N − A)·x) overflows to 0 while B is still normal.)
func erlangC(a float64, n int, x float64) float64 {
	b := 1 / x
	return float64(n) * b / (float64(n) - a + a*b)
}

// ErlangC returns the Erlang C probability that a contact waits: the
// share of contacts that find all `agents` busy in an M/M/N queue with
// `traffic` Erlangs,
//
//	C(N, A) = N·B(N, A) / (N − A·(1 − B(N, A))).
//
// It fails with ErrUnstable when traffic ≥ agents (there is no steady
// state: every contact waits, and waits grow without bound), and with
// ErrQueue or ErrAgents on invalid input.
func ErlangC(traffic float64, agents int) (float64, error) {
	if err := checkTraffic(traffic); err != nil {
		return 0, err
	}
	if err := checkAgents(agents); err != nil {
		return 0, err
	}
	if traffic >= float64(agents) {
		return 0, fmt.Errorf("%w: %v Erlangs on %d agents", ErrUnstable, traffic, agents)
	}
	return erlangC(traffic, agents, invB(traffic, agents)), nil
}

// Lines returns the smallest number of lines (trunks, or agents without a
// queue) whose Erlang B blocking is at most `blocking` for `traffic`
// Erlangs (0 for no traffic). The blocking is read as the decimal it
// prints as, and B, rounded to 12 significant digits, is compared with it
// (see Queue.Staff). Blocking falls strictly as lines are added, so
// galloping from ⌈traffic⌉ and bisecting finds that smallest number in
// at most 62 evaluations of B, each bounded as ErlangB is; B underflows,
// meeting any blocking, within about traffic + 40√traffic + 200 lines. It
// fails with ErrTargets for a blocking outside (0, 1) and ErrQueue for a
// bad traffic.
func Lines(traffic, blocking float64) (int, error) {
	if err := checkTraffic(traffic); err != nil {
		return 0, err
	}
	if !(blocking > 0 && blocking < 1) {
		return 0, fmt.Errorf("%w: blocking %v not in (0, 1)", ErrTargets, blocking)
	}
	if traffic == 0 {
		return 0, nil
	}
	target := shareLimit(blocking)
	ok := func(n int) bool { return target.cmp(1/invB(traffic, n)) <= 0 }
	return smallest(ok, 0, int(math.Ceil(traffic)))
}

// smallest returns the smallest n ≥ lo for which the monotone predicate ok
// holds (false below some n, true from it on), searching from the guess
// g ≥ lo by galloping then bisection. It fails with ErrUnreachable if ok
// fails at MaxAgents.
func smallest(ok func(int) bool, lo, g int) (int, error) {
	g = min(max(g, lo), MaxAgents)
	var bad, good int // ok(bad) is false (or bad = lo−1), ok(good) is true
	if ok(g) {
		good, bad = g, g-1
		for step := 1; bad >= lo && ok(bad); step *= 2 {
			good = bad
			bad = max(good-2*step, lo-1)
		}
	} else {
		bad = g
		for step := 1; ; step *= 2 {
			if bad >= MaxAgents {
				return 0, fmt.Errorf("%w: not met with %d", ErrUnreachable, MaxAgents)
			}
			good = min(bad+step, MaxAgents)
			if ok(good) {
				break
			}
			bad = good
		}
	}
	for good-bad > 1 {
		mid := bad + (good-bad)/2
		if ok(mid) {
			good = mid
		} else {
			bad = mid
		}
	}
	return good, nil
}
