package clv

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"

	"github.com/rapportkit/rapport/internal/group"

	"gonum.org/v1/gonum/optimize"
)

// Fit reports a maximum-likelihood fit.
type Fit struct {
	// N is the number of customers fitted; Groups is the number of
	// distinct summaries the likelihood was summed over, each weighted
	// by its count.
	N      uint64 `json:"n"`
	Groups int    `json:"groups"`
	// LogLikelihood is the maximised log-likelihood (natural logarithm).
	LogLikelihood float64 `json:"log_likelihood"`
	// Iterations and Evaluations are the optimiser's iterations and
	// evaluations of the likelihood with its gradient.
	Iterations  int `json:"iterations"`
	Evaluations int `json:"evaluations"`
	// Gradient is the largest derivative of the mean log-likelihood per
	// customer in the logarithms of the parameters, at the optimum.
	Gradient float64 `json:"gradient"`
}

// String returns e.g. "2357 customers (1053 groups): LL = -9582.43 after
// 24 iterations, 31 evaluations, gradient 3.1e-10".
func (f Fit) String() string {
	return fmt.Sprintf("%d customers (%d groups): LL = %.6g after %d iterations, %d evaluations, gradient %.2g",
		f.N, f.Groups, f.LogLikelihood, f.Iterations, f.Evaluations, f.Gradient)
}

// The optimiser's bounds: iterations, evaluations, the gradient it stops
// at, the gradient it accepts after a stalled line search, and how far
// (in natural logarithm) a parameter may go from its starting value
// before the fit is reported as running to a bound.
const (
	maxIterations  = 1000
	maxEvaluations = 20000
	gradientStop   = 1e-8
	gradientAccept = 1e-6
	logBound       = 18
)

// gradientStopper stops the optimiser at the first point evaluated
// whose gradient is below gradientStop, line-search trials included:
// gonum checks the gradient at major iterations only, and near the
// optimum its line search can spend tens of evaluations on differences
// of the likelihood below rounding after it has passed a point that was
// good enough. Every evaluation here computes the gradient with the
// likelihood, so found is set by the evaluation and Record ends the run.
type gradientStopper struct {
	found []float64
}

var errStop = errors.New("gradient below the threshold")

func (g *gradientStopper) Init() error { return nil }

func (g *gradientStopper) Record(*optimize.Location, optimize.Operation, *optimize.Stats) error {
	if g.found != nil {
		return errStop
	}
	return nil
}

// check remembers x if the gradient there is small enough.
func (g *gradientStopper) check(x, grad []float64) {
	if g.found != nil {
		return
	}
	for _, v := range grad {
		if !(math.Abs(v) <= gradientStop) {
			return
		}
	}
	g.found = slices.Clone(x)
}

// sample is customer summaries grouped by (x, t_x, T): the distinct
// values of each and the distinct triples with their counts.
type sample struct {
	n       uint64
	xs      []int
	txs, ts []float64
	rows    []triple
	sumX    float64 // Σ x
	sumT    float64 // Σ T
}

// triple is a distinct summary: indices into the distinct values, and
// the number of customers with it.
type triple struct {
	x, tx, t int32
	w        float64
}

// groupSummaries validates and groups summaries. Grouping sorts the
// distinct values, so the sums of the likelihood, and the fit, do not
// depend on the order of the summaries.
func groupSummaries(summaries iter.Seq[Summary]) (*sample, error) {
	// The key holds the bits of t_x and T (+0 for −0), which hash faster
	// than floats.
	counts := make(map[[3]uint64]uint64)
	var n uint64
	i := 0
	for s := range summaries {
		if err := s.Validate(); err != nil {
			return nil, group.At("summary", i, err)
		}
		counts[[3]uint64{uint64(s.X), math.Float64bits(s.Tx + 0), math.Float64bits(s.T + 0)}]++
		n++
		i++
	}
	xs, txs, ts := make(map[int]int32), make(map[float64]int32), make(map[float64]int32)
	for k := range counts {
		xs[int(k[0])], txs[math.Float64frombits(k[1])], ts[math.Float64frombits(k[2])] = 0, 0, 0
	}
	smp := &sample{n: n}
	smp.xs = sortedKeys(xs)
	smp.txs = sortedKeys(txs)
	smp.ts = sortedKeys(ts)
	smp.rows = make([]triple, 0, len(counts))
	for k, c := range counts {
		smp.rows = append(smp.rows, triple{x: xs[int(k[0])], tx: txs[math.Float64frombits(k[1])], t: ts[math.Float64frombits(k[2])], w: float64(c)})
	}
	slices.SortFunc(smp.rows, func(a, b triple) int {
		return cmp.Or(cmp.Compare(a.x, b.x), cmp.Compare(a.tx, b.tx), cmp.Compare(a.t, b.t))
	})
	for _, r := range smp.rows {
		smp.sumX += r.w * float64(smp.xs[r.x])
		smp.sumT += r.w * smp.ts[r.t]
	}
	return smp, nil
}

// sortedKeys sorts the keys of m and sets each one's value to its rank.
func sortedKeys[K cmp.Ordered](m map[K]int32) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		m[k] = int32(i)
	}
	return keys
}

// likelihood returns minus the mean log-likelihood per customer at the
// parameters e^θ and writes its gradient in θ into grad.
type likelihood func(theta, grad []float64) (float64, error)

// maximise finds the maximum-likelihood parameters of model (named by
// names, one per θ) from the logarithms theta0 by BFGS on θ with the
// exact gradient, and returns them with the fit's report. It fails with
// ErrConverge when the optimiser stops before the gradient vanishes, or
// when a parameter runs to a bound (more than e^18 from its start):
// then the likelihood keeps rising towards a limit of the model, which
// says describes.
func maximise(model string, names []string, theta0 []float64, n uint64, groups int, f likelihood, describe func(name string, up bool) string) ([]float64, Fit, error) {
	dim := len(theta0)
	last := make([]float64, dim)
	grad := make([]float64, dim)
	var lastF float64
	var evalErr error
	stop := &gradientStopper{}
	evals := 0
	have := false
	eval := func(x []float64) {
		if have && slices.Equal(x, last) {
			return
		}
		copy(last, x)
		have = true
		evals++
		for i := range x {
			if math.Abs(x[i]-theta0[i]) > logBound+5 {
				lastF = math.Inf(1)
				for j := range grad {
					grad[j] = math.NaN()
				}
				return
			}
		}
		v, err := f(x, grad)
		if err != nil || math.IsNaN(v) {
			if evalErr == nil && err != nil {
				evalErr = err
			}
			v = math.Inf(1)
		} else {
			stop.check(x, grad)
		}
		lastF = v
	}
	p := optimize.Problem{
		Func: func(x []float64) float64 { eval(x); return lastF },
		Grad: func(g, x []float64) { eval(x); copy(g, grad) },
	}
	settings := &optimize.Settings{
		GradientThreshold: gradientStop,
		MajorIterations:   maxIterations,
		FuncEvaluations:   maxEvaluations,
		Converger:         &optimize.FunctionConverge{Absolute: 1e-15, Relative: 1e-15, Iterations: 50},
	}
	settings.Recorder = stop
	res, err := optimize.Minimize(p, theta0, settings, &optimize.BFGS{})
	fit := Fit{N: n, Groups: groups}
	if res == nil {
		return nil, fit, fmt.Errorf("%w: %s: %v", ErrConverge, model, err)
	}
	theta := res.Location.X
	if stop.found != nil {
		theta, err = stop.found, nil
	}
	eval(theta)
	fit.LogLikelihood = -lastF * float64(n)
	fit.Iterations, fit.Evaluations = res.Stats.MajorIterations, evals
	for _, g := range grad {
		fit.Gradient = math.Max(fit.Gradient, math.Abs(g))
	}
	params := make([]float64, dim)
	for i, t := range theta {
		params[i] = math.Exp(t)
	}
	describeParams := func() string {
		var b strings.Builder
		for i, name := range names {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s = %.4g", name, params[i])
		}
		return b.String()
	}
	var away []string
	first := -1
	for i, t := range theta {
		if math.Abs(t-theta0[i]) > logBound {
			away = append(away, names[i])
			if first < 0 {
				first = i
			}
		}
	}
	if first >= 0 {
		verb := "runs"
		if len(away) > 1 {
			verb = "run"
		}
		return nil, fit, fmt.Errorf("%w: %s: %s %s to a bound (%s): %s", ErrConverge, model, strings.Join(away, ", "), verb, describeParams(), describe(names[first], theta[first] > theta0[first]))
	}
	switch {
	case math.IsInf(lastF, 1) || math.IsNaN(fit.Gradient):
		if evalErr != nil {
			return nil, fit, fmt.Errorf("%w: %s: the likelihood failed at %s: %v", ErrConverge, model, describeParams(), evalErr)
		}
		return nil, fit, fmt.Errorf("%w: %s: the likelihood is not finite at %s", ErrConverge, model, describeParams())
	case fit.Gradient <= gradientStop:
	case fit.Gradient <= gradientAccept && (err != nil || res.Status == optimize.FunctionConvergence):
		// A line search that cannot improve on rounding, near enough.
	default:
		why := res.Status.String()
		if err != nil {
			why = err.Error()
		}
		return nil, fit, fmt.Errorf("%w: %s: stopped at %s with gradient %.2g after %d iterations: %s", ErrConverge, model, describeParams(), fit.Gradient, fit.Iterations, why)
	}
	return params, fit, nil
}
