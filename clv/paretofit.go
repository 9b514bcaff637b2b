package clv

import (
	"iter"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// FitParetoNBD fits the Pareto/NBD model by maximum likelihood to the
// summaries, as FitBGNBD fits the BG/NBD model: grouped summaries,
// BFGS on the logarithms of the parameters from r = s = 1, α = ΣT/Σx
// and β the mean T, with the exact gradient (the derivatives of the
// integral are integrated alongside it), and the same errors.
func FitParetoNBD(summaries iter.Seq[Summary]) (ParetoNBD, Fit, error) {
	smp, err := groupSummaries(summaries)
	if err != nil {
		return ParetoNBD{}, Fit{}, err
	}
	if err := smp.identifies("ParetoNBD"); err != nil {
		return ParetoNBD{}, Fit{N: smp.n, Groups: len(smp.rows)}, err
	}
	theta0 := []float64{0, math.Log(smp.sumT / smp.sumX), 0, math.Log(smp.sumT / float64(smp.n))}
	l := paretoLikelihood{smp: smp, lgR: make([]float64, len(smp.xs)), psR: make([]float64, len(smp.xs))}
	p, fit, err := maximise("ParetoNBD", []string{"r", "α", "s", "β"}, theta0, smp.n, len(smp.rows), l.eval, describePareto)
	if err != nil {
		return ParetoNBD{}, fit, err
	}
	return ParetoNBD{p[0], p[1], p[2], p[3]}, fit, nil
}

// describePareto says what a Pareto/NBD parameter running to a bound
// means.
func describePareto(name string, up bool) string {
	switch {
	case (name == "r" || name == "α") && up:
		return "the purchase rates do not vary between customers (the Poisson limit of the NBD)"
	case (name == "s" || name == "β") && up:
		return "the dropout rates do not vary between customers, or there is no dropout"
	case name == "s" && !up:
		return "no evidence of dropout: the customers look like they never leave"
	}
	return "the likelihood keeps rising towards a degenerate model"
}

// paretoLikelihood is the Pareto/NBD log-likelihood of a sample.
type paretoLikelihood struct {
	smp      *sample
	lgR, psR []float64 // ln Γ(r+x) and ψ(r+x) per distinct x
}

// eval returns −LL/n at (r, α, s, β) = e^θ and its gradient in θ: each
// summary contributes ln Γ(r+x) − ln Γ(r) + r·ln α + s·ln β + ln(e^A + e^D)
// with the terms A and D of ParetoNBD.terms.
func (l *paretoLikelihood) eval(theta, grad []float64) (float64, error) {
	r, al, s, be := math.Exp(theta[0]), math.Exp(theta[1]), math.Exp(theta[2]), math.Exp(theta[3])
	m := ParetoNBD{r, al, s, be}
	smp := l.smp
	for i, x := range smp.xs {
		l.lgR[i], l.psR[i] = lgamma(r+float64(x)), mathext.Digamma(r+float64(x))
	}
	var ll, dr, dal, ds, dbe float64
	var means [4]float64
	for _, row := range smp.rows {
		x, tx, T := smp.xs[row.x], smp.txs[row.tx], smp.ts[row.t]
		alive, dead, err := m.terms(x, tx, T, means[:])
		if err != nil {
			return 0, err
		}
		wd := sigmoid(dead - alive)
		lse := logAddExp(alive, dead)
		rx := r + float64(x)
		w := row.w
		ll += w * (l.lgR[row.x] + lse)
		dr += w * (l.psR[row.x] - (1-wd)*math.Log(al+T) + wd*means[0])
		dal += w * (-(1-wd)*rx/(al+T) + wd*means[1])
		ds += w * (-(1-wd)*math.Log(be+T) + wd*(1/s+means[2]))
		dbe += w * (-(1-wd)*s/(be+T) + wd*means[3])
	}
	n := float64(smp.n)
	ll += n * (-lgamma(r) + r*math.Log(al) + s*math.Log(be))
	dr += n * (math.Log(al) - mathext.Digamma(r))
	dal += n * r / al
	ds += n * math.Log(be)
	dbe += n * s / be
	grad[0], grad[1], grad[2], grad[3] = -r*dr/n, -al*dal/n, -s*ds/n, -be*dbe/n
	return -ll / n, nil
}
