package forecast

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/optimize"
)

// Bounds of the least-squares fit.
const (
	// maxEvaluations bounds the recursions one Nelder–Mead search runs.
	maxEvaluations = 3000
	// starts is the number of best grid points a search starts from.
	starts = 2
)

// space maps the unconstrained coordinates the optimiser moves in to
// parameters in their ranges, through the logistic function:
//
//	α = σ(u₀), γ = (1 − α)σ(u₁), β = σ(u₂), φ = 0.8 + 0.18σ(u₃)
//
// with the coordinates of β and φ present only for the trends that use
// them.
type space struct{ trend Trend }

// logistic is the logistic function on u clamped to ±30, so that its
// value stays strictly inside (0, 1).
func logistic(u float64) float64 { return 1 / (1 + math.Exp(-min(max(u, -30), 30))) }

func logit(p float64) float64 { return math.Log(p / (1 - p)) }

func (sp space) params(u []float64) Params {
	p := Params{Alpha: logistic(u[0]), Phi: 1}
	p.Gamma = (1 - p.Alpha) * logistic(u[1])
	if sp.trend != TrendNone {
		p.Beta = logistic(u[2])
	}
	if sp.trend == TrendDamped {
		p.Phi = MinPhi + (MaxPhi-MinPhi)*logistic(u[3])
	}
	return p
}

func (sp space) coords(p Params) []float64 {
	u := []float64{logit(p.Alpha), logit(p.Gamma / (1 - p.Alpha))}
	if sp.trend != TrendNone {
		u = append(u, logit(p.Beta))
	}
	if sp.trend == TrendDamped {
		u = append(u, logit((p.Phi-MinPhi)/(MaxPhi-MinPhi)))
	}
	return u
}

// grid returns the starting points of the search: α ∈ {0.05, 0.2, 0.5,
// 0.8}, γ/(1 − α) ∈ {0.01, 0.1, 0.4}, β ∈ {0.01, 0.1, 0.3}, φ ∈ {0.85,
// 0.95}, as the trend needs.
func (sp space) grid() []Params {
	var out []Params
	betas, phis := []float64{0}, []float64{1}
	if sp.trend != TrendNone {
		betas = []float64{0.01, 0.1, 0.3}
	}
	if sp.trend == TrendDamped {
		phis = []float64{0.85, 0.95}
	}
	for _, a := range []float64{0.05, 0.2, 0.5, 0.8} {
		for _, g := range []float64{0.01, 0.1, 0.4} {
			for _, b := range betas {
				for _, f := range phis {
					out = append(out, Params{Alpha: a, Beta: b, Gamma: g * (1 - a), Phi: f})
				}
			}
		}
	}
	return out
}

// fitParams returns the smoothing parameters minimising the sum of
// squared one-step errors of the days not skipped, from init: the SSE on
// the grid, then a Nelder–Mead search in the logistic coordinates from
// each of the best grid points, at most maxEvaluations recursions each.
// It fails with ErrConverge if no search converges.
func fitParams(trend Trend, season Season, init state, y []float64, skip []bool) (Params, float64, error) {
	sp := space{trend}
	sse := func(p Params) float64 {
		m := smoother{trend: trend, season: season, p: p}
		st := init
		v, err := m.run(&st, y, skip, nil)
		if err != nil {
			return math.Inf(1)
		}
		return v
	}
	type point struct {
		p   Params
		sse float64
	}
	var pts []point
	for _, p := range sp.grid() {
		pts = append(pts, point{p, sse(p)})
	}
	slices.SortStableFunc(pts, func(a, b point) int { return cmpFloat(a.sse, b.sse) })
	if math.IsInf(pts[0].sse, 1) {
		return Params{}, 0, fmt.Errorf("%w: the recursion fails for every starting point", ErrModel)
	}
	best := pts[0]
	converged := false
	for _, start := range pts[:starts] {
		if math.IsInf(start.sse, 1) {
			continue
		}
		problem := optimize.Problem{Func: func(u []float64) float64 { return sse(sp.params(u)) }}
		settings := &optimize.Settings{
			FuncEvaluations: maxEvaluations,
			Converger:       &optimize.FunctionConverge{Absolute: 1e-12 * start.sse, Relative: 1e-11, Iterations: 60},
		}
		res, err := optimize.Minimize(problem, sp.coords(start.p), settings, &optimize.NelderMead{SimplexSize: 0.5})
		if err != nil || res == nil {
			continue
		}
		if res.Status == optimize.FunctionConvergence || res.Status == optimize.MethodConverge {
			converged = true
		}
		if p := sp.params(res.X); res.F < best.sse {
			best = point{p, res.F}
		}
	}
	if !converged {
		return Params{}, 0, fmt.Errorf("%w: Nelder–Mead within %d evaluations from %d starts", ErrConverge, maxEvaluations, starts)
	}
	return best.p, best.sse, nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
