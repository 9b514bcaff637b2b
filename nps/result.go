package nps

import (
	"fmt"
	"math/big"

	"github.com/rapportkit/rapport/internal/unit"
)

// Result is the reporting view of a tally. Unlike the Tally's read-outs,
// which are fractions on −1..1, its figures are in NPS points
// (−100..100) and percentages; a figure is nil (null in JSON) where it is
// undefined, which for an empty tally is every one.
type Result struct {
	ScorePoints         *float64  `json:"score_points"`
	ScoreIntervalPoints *Interval `json:"score_interval_points"`
	StdErrPoints        *float64  `json:"std_err_points"`
	N                   uint64    `json:"n"`
	Promoters           uint64    `json:"promoters"`
	PromotersPct        *float64  `json:"promoters_pct"`
	Passives            uint64    `json:"passives"`
	PassivesPct         *float64  `json:"passives_pct"`
	Detractors          uint64    `json:"detractors"`
	DetractorsPct       *float64  `json:"detractors_pct"`
	Scale               Scale     `json:"scale"`
}

// Result summarises the tally with an interval of the score at the given
// level by method m. It fails only with ErrLevel or ErrMethod.
func (t *Tally) Result(level float64, m Method) (Result, error) {
	r := Result{N: t.N(), Scale: t.Scale(), StdErrPoints: unit.Points(t.StdErr())}
	if ci, ok, err := t.Interval(level, m); err != nil {
		return Result{}, err
	} else if ok {
		r.ScoreIntervalPoints = unit.Interval(ci, nil, 100)
	}
	if s, ok := t.Score(); ok {
		r.ScorePoints = unit.Value(s.Points(), true)
	}
	r.Promoters, r.Passives, r.Detractors = t.Promoters(), t.Passives(), t.Detractors()
	r.PromotersPct, r.PassivesPct, r.DetractorsPct = t.c.Pct(r.Promoters), t.c.Pct(r.Passives), t.c.Pct(r.Detractors)
	return r, nil
}

// String returns e.g. "NPS +45.0 (95% adjusted-wald +29.3…+58.0), n=100:
// 60 promoters, 25 passives, 15 detractors", or "NPS undefined, n=0" for
// an empty tally.
func (r Result) String() string {
	if r.ScorePoints == nil {
		return fmt.Sprintf("NPS undefined, n=%d", r.N)
	}
	return fmt.Sprintf("NPS %+.1f%s, n=%d: %d promoters, %d passives, %d detractors",
		*r.ScorePoints, intervalText(r.ScoreIntervalPoints), r.N, r.Promoters, r.Passives, r.Detractors)
}

// intervalText returns " (95% method lo…hi)" in points, or "".
func intervalText(ci *Interval) string {
	if ci == nil {
		return ""
	}
	return fmt.Sprintf(" (%g%% %s %+.1f…%+.1f)", 100*ci.Level, ci.Method, ci.Lo, ci.Hi)
}

// WeightedResult is the reporting view of a weighted tally: a Result
// whose counts are of responses whatever their weights and whose
// percentages and points are weighted, with Kish's design effect of the
// weights, N·Σw²/(Σw)² (1 for equal weights; N divided by it is the
// effective sample size). Its JSON is the Result's with one more key.
type WeightedResult struct {
	Result
	DesignEffectRatio *float64 `json:"design_effect_ratio"`
}

// Result summarises the weighted tally with the Wald interval of the
// score (m must be Wald) at the given level. It fails only with ErrLevel
// or ErrMethod.
func (w *Weighted) Result(level float64, m Method) (WeightedResult, error) {
	if m != Wald {
		if _, err := kind.Critical("Result", level); err != nil {
			return WeightedResult{}, err
		}
		return WeightedResult{}, kind.BadMethod("Result", m)
	}
	ci, ok, err := w.Interval(level)
	if err != nil {
		return WeightedResult{}, err
	}
	s := w.Scale()
	var r WeightedResult
	r.N, r.Scale, r.ScorePoints, r.StdErrPoints = w.N(), s, unit.Points(w.Score()), unit.Points(w.StdErr())
	if ok {
		r.ScoreIntervalPoints = unit.Interval(ci, nil, 100)
	}
	r.Promoters = w.c.Sum(s.PromoterFrom(), s.Max())
	r.Passives = w.c.Sum(s.PassiveFrom(), s.PromoterFrom()-1)
	r.Detractors = w.c.Sum(s.Min(), s.PassiveFrom()-1)
	if w.N() > 0 {
		c := w.categories()
		total := c.total()
		r.PromotersPct, r.PassivesPct, r.DetractorsPct = pct(c.pro.w, total), pct(c.pas.w, total), pct(c.det.w, total)
		all := w.sums(s.Min(), s.Max())
		deff := new(big.Int).Mul(new(big.Int).SetUint64(w.N()), all.w2)
		f, _ := new(big.Rat).SetFrac(deff, new(big.Int).Mul(all.w, all.w)).Float64()
		r.DesignEffectRatio = &f
	}
	return r, nil
}

// pct returns 100·x/total, correctly rounded.
func pct(x, total *big.Int) *float64 {
	f, _ := new(big.Rat).SetFrac(new(big.Int).Mul(x, big.NewInt(100)), total).Float64()
	return &f
}

// String returns e.g. "weighted NPS +12.3 (95% wald +1.2…+23.4), n=250,
// design effect 1.31".
func (r WeightedResult) String() string {
	if r.ScorePoints == nil {
		return fmt.Sprintf("weighted NPS undefined, n=%d", r.N)
	}
	return fmt.Sprintf("weighted NPS %+.1f%s, n=%d, design effect %.2f",
		*r.ScorePoints, intervalText(r.ScoreIntervalPoints), r.N, *r.DesignEffectRatio)
}
