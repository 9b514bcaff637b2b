package clv

import (
	"fmt"
	"math"
)

// The 15-point Kronrod rule and its embedded 7-point Gauss rule on
// [−1, 1] (QUADPACK's qk15): nodes xgk (the odd ones are Gauss nodes),
// Kronrod weights wgk and Gauss weights wg for xgk[1], xgk[3], xgk[5], xgk[7].
var (
	xgk = [8]float64{
		0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
		0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
		0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
		0.207784955007898467600689403773245, 0,
	}
	wgk = [8]float64{
		0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
		0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
		0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
		0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
	}
	wg = [4]float64{
		0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
		0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
	}
)

// maxPanels bounds the subintervals of an adaptive integral.
const maxPanels = 200

// quadTolerance is the relative error an integral is computed to.
const quadTolerance = 1e-13

// maxMoments is the most weighted means an integral computes alongside.
const maxMoments = 4

// panel is one subinterval of an adaptive integral, its estimates scaled
// by e^scale: the integral and its error, and the moments ∫ e^f·g.
type panel struct {
	a, b       float64
	scale      float64
	value, err float64
	moments    [maxMoments]float64
}

// integrand is a log-integrand f with k moment functions gᵢ: eval returns
// f(t) and writes gᵢ(t) into g[:k].
type integrand interface {
	eval(t float64, g []float64) float64
}

// logIntegral returns ln ∫ₐᵇ e^f(t) dt for the integrand of f (−Inf when
// a = b) and the weighted means ∫ e^f·gᵢ ÷ ∫ e^f of its k moments in
// means, by adaptive Gauss–Kronrod (15 points, QUADPACK's error estimate)
// in log space, so that integrands of any magnitude neither overflow nor
// underflow: each panel is scaled by its largest value. It bisects the
// panel of largest error until the estimated error is below
// quadTolerance of the integral, and fails with ErrConverge past
// maxPanels panels.
func logIntegral(f integrand, a, b float64, k int, means []float64) (float64, error) {
	if a == b {
		for i := range k {
			means[i] = 0
		}
		return math.Inf(-1), nil
	}
	var ps [maxPanels]panel
	ps[0] = kronrod(f, a, b, k)
	n := 1
	for {
		top := ps[0].scale
		for _, p := range ps[1:n] {
			top = math.Max(top, p.scale)
		}
		total, errSum, worst, worstErr := 0.0, 0.0, 0, -1.0
		for i, p := range ps[:n] {
			w := math.Exp(p.scale - top)
			total += w * p.value
			e := w * p.err
			errSum += e
			if e > worstErr {
				worst, worstErr = i, e
			}
		}
		if errSum <= quadTolerance*total || total == 0 {
			for i := range k {
				s := 0.0
				for _, p := range ps[:n] {
					s += math.Exp(p.scale-top) * p.moments[i]
				}
				means[i] = s / total
			}
			return top + math.Log(total), nil
		}
		if n == maxPanels {
			return 0, fmt.Errorf("%w: an integral over [%v, %v] did not reach a relative error of %g in %d panels", ErrConverge, a, b, quadTolerance, maxPanels)
		}
		p := ps[worst]
		mid := p.a + (p.b-p.a)/2
		ps[worst] = kronrod(f, p.a, mid, k)
		ps[n] = kronrod(f, mid, p.b, k)
		n++
	}
}

// kronrod integrates e^f over [a, b] with the 15-point rule.
func kronrod(f integrand, a, b float64, k int) panel {
	c, h := a+(b-a)/2, (b-a)/2
	var fv [15]float64
	var gv [15][maxMoments]float64
	var ts [15]float64
	ts[7] = c
	for j := range 7 {
		ts[j], ts[14-j] = c-h*xgk[j], c+h*xgk[j]
	}
	top := math.Inf(-1)
	for j, t := range ts {
		fv[j] = f.eval(t, gv[j][:k])
		top = math.Max(top, fv[j])
	}
	p := panel{a: a, b: b, scale: top}
	if math.IsInf(top, -1) {
		p.scale = 0
		return p
	}
	var ev [15]float64
	for j := range fv {
		ev[j] = math.Exp(fv[j] - top)
	}
	weight := func(j int) float64 { // Kronrod weight of node j
		if j > 7 {
			j = 14 - j
		}
		return wgk[j]
	}
	resk, resg := 0.0, 0.0
	for j := range ev {
		w := weight(j)
		resk += w * ev[j]
		for i := range k {
			p.moments[i] += w * ev[j] * gv[j][i]
		}
	}
	for i, j := range [3]int{1, 3, 5} {
		resg += wg[i] * (ev[j] + ev[14-j])
	}
	resg += wg[3] * ev[7]
	mean := resk / 2
	resasc := 0.0
	for j := range ev {
		resasc += weight(j) * math.Abs(ev[j]-mean)
	}
	err := math.Abs(resk - resg)
	if resasc != 0 && err != 0 {
		err = resasc * math.Min(1, math.Pow(200*err/resasc, 1.5))
	}
	err = math.Max(err, 50*0x1p-52*resk)
	p.value, p.err = resk*h, err*h
	for i := range k {
		p.moments[i] *= h
	}
	return p
}
