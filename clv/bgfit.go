package clv

import (
	"fmt"
	"iter"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// FitBGNBD fits the BG/NBD model by maximum likelihood to the summaries
// (all in one time unit). Identical summaries (x, t_x, T) are grouped
// first and their likelihood weighted by their count, so the cost of an
// evaluation grows with the distinct summaries, not the customers. The
// search runs on the logarithms of the parameters from r = a = b = 1 and
// α = r·ΣT/Σx, by BFGS with the exact gradient, for at most 1000
// iterations. It fails with ErrSummary for an invalid summary (naming
// its position), ErrEmpty without customers or without any repeat
// purchase, and ErrConverge when the optimiser stops short or a
// parameter runs to a bound (the error says what that means).
func FitBGNBD(summaries iter.Seq[Summary]) (BGNBD, Fit, error) {
	p, fit, err := fitBG("BGNBD", summaries, false)
	if err != nil {
		return BGNBD{}, fit, err
	}
	return BGNBD{p[0], p[1], p[2], p[3]}, fit, nil
}

// FitMBGNBD fits the MBG/NBD model as FitBGNBD fits the BG/NBD model.
func FitMBGNBD(summaries iter.Seq[Summary]) (MBGNBD, Fit, error) {
	p, fit, err := fitBG("MBGNBD", summaries, true)
	if err != nil {
		return MBGNBD{}, fit, err
	}
	return MBGNBD{p[0], p[1], p[2], p[3]}, fit, nil
}

func fitBG(model string, summaries iter.Seq[Summary], modified bool) ([]float64, Fit, error) {
	smp, err := groupSummaries(summaries)
	if err != nil {
		return nil, Fit{}, err
	}
	if err := smp.identifies(model); err != nil {
		return nil, Fit{N: smp.n, Groups: len(smp.rows)}, err
	}
	ll := newBGLikelihood(smp, modified)
	theta0 := []float64{0, math.Log(smp.sumT / smp.sumX), 0, 0}
	return maximise(model, []string{"r", "α", "a", "b"}, theta0, smp.n, len(smp.rows), ll.eval, describeBG)
}

// identifies checks that the sample can identify a purchase model.
func (s *sample) identifies(model string) error {
	switch {
	case s.n == 0:
		return fmt.Errorf("%w: %s: no customers", ErrEmpty, model)
	case s.sumX == 0:
		return fmt.Errorf("%w: %s: no repeat purchase among %d customers", ErrEmpty, model, s.n)
	case s.sumT == 0:
		return fmt.Errorf("%w: %s: every customer has T = 0", ErrEmpty, model)
	}
	return nil
}

// describeBG says what a BG/NBD parameter running to a bound means.
func describeBG(name string, up bool) string {
	switch {
	case (name == "r" || name == "α") && up:
		return "the purchase rates do not vary between customers (the Poisson limit of the NBD)"
	case name == "b" && up || name == "a" && !up:
		return "no evidence of dropout: the customers look like they never leave"
	case name == "a" && up:
		return "the dropout probabilities do not vary between customers"
	}
	return "the likelihood keeps rising towards a degenerate model"
}

// bgLikelihood is the BG/NBD (or MBG/NBD) log-likelihood of a sample,
// with the per-x and per-time terms of one evaluation cached in tables.
type bgLikelihood struct {
	smp      *sample
	modified bool
	wx       []float64 // the customers of each distinct x
	// per distinct x: ln(b+x−1+m) and its inverse; per distinct T and
	// t_x: ln(α+·) and 1/(α+·)
	lnBx, invBx, lnT, invT, lnTx, invTx []float64
}

func newBGLikelihood(smp *sample, modified bool) *bgLikelihood {
	l := &bgLikelihood{smp: smp, modified: modified, wx: make([]float64, len(smp.xs))}
	for _, row := range smp.rows {
		l.wx[row.x] += row.w
	}
	l.lnBx, l.invBx = make([]float64, len(smp.xs)), make([]float64, len(smp.xs))
	l.lnT, l.invT = make([]float64, len(smp.ts)), make([]float64, len(smp.ts))
	l.lnTx, l.invTx = make([]float64, len(smp.txs)), make([]float64, len(smp.txs))
	return l
}

// parallelRows is the number of distinct summaries from which the sum
// over them is split between two goroutines, in two fixed halves added in
// a fixed order, so that the result does not depend on the scheduling.
const parallelRows = 20_000

// eval returns −LL/n at (r, α, a, b) = e^θ and its gradient in θ. With
// m = 1 for the MBG/NBD model and 0 for the BG/NBD model, each summary
// contributes
//
//	ln Γ(r+x) − ln Γ(r) + r·ln α + ln B(a, b+x+m) − ln B(a, b)
//	+ ln(e^A + e^D),  A = −(r+x)·ln(α+T),  D = ln a − ln(b+x−1+m) − (r+x)·ln(α+t_x)
//
// where the BG/NBD model has no D term for x = 0. The terms that depend
// on x alone are summed once per distinct x, weighted by its customers.
func (l *bgLikelihood) eval(theta, grad []float64) (float64, error) {
	r, al, a, b := math.Exp(theta[0]), math.Exp(theta[1]), math.Exp(theta[2]), math.Exp(theta[3])
	m := 0.0
	if l.modified {
		m = 1
	}
	smp := l.smp
	var ll, dr, da, db float64
	for i, x := range smp.xs {
		fx, w := float64(x), l.wx[i]
		ll += w * (lgamma(r+fx) + lgamma(b+fx+m) - lgamma(a+b+fx+m))
		psAB := mathext.Digamma(a + b + fx + m)
		dr += w * mathext.Digamma(r+fx)
		da -= w * psAB
		db += w * (mathext.Digamma(b+fx+m) - psAB)
		if x > 0 || l.modified {
			l.lnBx[i], l.invBx[i] = math.Log(b+fx-1+m), 1/(b+fx-1+m)
		}
	}
	for i, t := range smp.ts {
		l.lnT[i], l.invT[i] = math.Log(al+t), 1/(al+t)
	}
	for i, t := range smp.txs {
		l.lnTx[i], l.invTx[i] = math.Log(al+t), 1/(al+t)
	}
	var s bgSums
	if rows := smp.rows; len(rows) < parallelRows {
		s = l.sum(rows, r, a)
	} else {
		var second bgSums
		done := make(chan struct{})
		go func() {
			second = l.sum(rows[len(rows)/2:], r, a)
			close(done)
		}()
		s = l.sum(rows[:len(rows)/2], r, a)
		<-done
		s.add(second)
	}
	n := float64(smp.n)
	psAB0, psB0 := mathext.Digamma(a+b), mathext.Digamma(b)
	ll += s.ll + n*(-lgamma(r)+r*math.Log(al)+lgamma(a+b)-lgamma(b))
	dr += s.dr + n*(math.Log(al)-mathext.Digamma(r))
	dal := s.dal + n*r/al
	da += s.wd/a + n*psAB0
	db += s.db + n*(psAB0-psB0)
	grad[0], grad[1], grad[2], grad[3] = -r*dr/n, -al*dal/n, -a*da/n, -b*db/n
	return -ll / n, nil
}

// bgSums are the sums over summaries of one evaluation: of ln(e^A + e^D),
// of the derivatives of it in r, α and b, and of the share of e^D.
type bgSums struct {
	ll, dr, dal, db, wd float64
}

func (s *bgSums) add(o bgSums) {
	s.ll, s.dr, s.dal, s.db, s.wd = s.ll+o.ll, s.dr+o.dr, s.dal+o.dal, s.db+o.db, s.wd+o.wd
}

// sum adds up the terms of rows that depend on the times. ln(1 + e) is
// computed as math.Log(1 + e), not Log1p: for e below 10⁻¹⁶ both are
// within 10⁻¹⁶ of 0 in absolute terms, all a sum of log-likelihoods
// needs, and Log is several times faster.
func (l *bgLikelihood) sum(rows []triple, r, a float64) bgSums {
	lnA := math.Log(a)
	xs := l.smp.xs
	var s bgSums
	for _, row := range rows {
		x := xs[row.x]
		rx := r + float64(x)
		lnT := l.lnT[row.t]
		alive := -rx * lnT
		w := row.w
		if x == 0 && !l.modified {
			s.ll += w * alive
			s.dr -= w * lnT
			s.dal -= w * rx * l.invT[row.t]
			continue
		}
		lnTx := l.lnTx[row.tx]
		dead := lnA - l.lnBx[row.x] - rx*lnTx
		d := dead - alive
		e := math.Exp(-math.Abs(d))
		var lse, wd float64 // ln(e^A + e^D) and the share of e^D
		if d > 0 {
			lse, wd = dead+math.Log(1+e), 1/(1+e)
		} else {
			lse, wd = alive+math.Log(1+e), e/(1+e)
		}
		s.ll += w * lse
		s.dr -= w * ((1-wd)*lnT + wd*lnTx)
		s.dal -= w * rx * ((1-wd)*l.invT[row.t] + wd*l.invTx[row.tx])
		s.wd += w * wd
		s.db -= w * wd * l.invBx[row.x]
	}
	return s
}
