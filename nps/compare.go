package nps

import (
	"math"
	"math/big"

	"github.com/rapportkit/rapport/internal/counts"
)

// Comparison is the two-sample test of a − b for independent samples, a
// reporting struct in NPS points:
//
//	DeltaPoints          100·(NPSₐ − NPS_b)
//	StdErrPoints         100·√(Varₐ/Nₐ + Var_b/N_b)
//	Z                    Δ/SE
//	PValue               2(1 − Φ(|z|)), the two-sided p-value, a fraction
//	DeltaIntervalPoints  Δ ± z_level·SE (Wald), clamped to ±200
//
// A figure is nil where it is undefined: all of them when a sample is
// empty, the z ratio and the p-value when both samples are all one
// category (SE = 0). String reports it for people, e.g.
// "Δ +12.0 points (95% wald CI +3.1…+20.9), z = 2.64, p = 0.0083".
type Comparison = counts.Comparison

// Compare tests whether the scores of two independent samples differ (a
// Wald test on the difference of two trinomial means). The samples may
// be on different scales: what is compared is their scores on −1..1. It
// fails only with ErrLevel; undefined figures are nil (see Comparison). A
// nil tally is an empty one.
func Compare(a, b *Tally, level float64) (Comparison, error) {
	z, err := kind.Critical("Compare", level)
	if err != nil || a == nil || b == nil || a.N() == 0 || b.N() == 0 {
		return Comparison{}, err
	}
	sa, sb := a.sample(), b.sample()
	delta := new(big.Rat).SetFrac(sa.net(), &sa.n)
	delta.Sub(delta, new(big.Rat).SetFrac(sb.net(), &sb.n))
	d, _ := delta.Float64()
	se := math.Hypot(sa.stdErr(), sb.stdErr())
	return counts.Compared(d, se, Interval{Lo: d - z*se, Hi: d + z*se, Level: level, Method: Wald}.Clamp(-2, 2)), nil
}
