package nps

import (
	"fmt"
	"iter"
	"time"

	"github.com/rapportkit/rapport/internal/group"
)

// Response is one answer to the likelihood-to-recommend question.
type Response struct {
	Score int `json:"score"`
	// Weight is the survey weight; 0 means unweighted, the same as 1.
	Weight float64   `json:"weight,omitempty"`
	At     time.Time `json:"at"`
}

// weight returns the response's weight, 1 when unset.
func (r Response) weight() float64 {
	if r.Weight == 0 {
		return 1
	}
	return r.Weight
}

// Of tallies scores on the Standard scale and summarises them at 95 % with
// the adjusted-Wald interval. It fails with ErrEmpty on no scores and
// ErrScoreOutOfRange naming the first bad one.
func Of(scores []int) (Result, error) {
	var t Tally
	for i, s := range scores {
		if err := t.Add(s); err != nil {
			return Result{}, fmt.Errorf("score %d: %w", i, err)
		}
	}
	return t.Result(0.95, AdjustedWald)
}

// TallyBy tallies responses on the Standard scale in groups chosen by key:
// a segment, a channel, a month (key might be
// func(r Response) time.Month { return r.At.Month() }). Responses must be
// unweighted (Weight 0 or 1; use WeightedBy otherwise). The first bad
// response stops it with an error naming its position.
func TallyBy[K comparable](responses iter.Seq[Response], key func(Response) K) (map[K]*Tally, error) {
	return group.By(responses, "response", key, func() *Tally { return new(Tally) }, func(t *Tally, r Response) error {
		if r.weight() != 1 {
			return fmt.Errorf("%w (weight %v)", ErrWeighted, r.Weight)
		}
		return t.Add(r.Score)
	})
}

// WeightedBy is TallyBy for weighted responses.
func WeightedBy[K comparable](responses iter.Seq[Response], key func(Response) K) (map[K]*Weighted, error) {
	return group.By(responses, "response", key, func() *Weighted { return new(Weighted) }, func(w *Weighted, r Response) error {
		return w.Add(r.Score, r.weight())
	})
}

// Result is the reporting view of a tally. Unlike the Tally's statistics,
// which are on −1..1, every figure here is in NPS points (−100..100).
type Result struct {
	N          uint64   `json:"n"`
	Promoters  uint64   `json:"promoters"`
	Passives   uint64   `json:"passives"`
	Detractors uint64   `json:"detractors"`
	Score      float64  `json:"score"`
	StdErr     float64  `json:"std_err"`
	Interval   Interval `json:"interval"`
}

// Result summarises the tally with an interval at the given level by
// method m. It fails like Interval.
func (t *Tally) Result(level float64, m Method) (Result, error) {
	ci, err := t.Interval(level, m)
	if err != nil {
		return Result{}, err
	}
	s, _ := t.Score()
	se, _ := t.StdErr()
	ci.Lo, ci.Hi = 100*ci.Lo, 100*ci.Hi
	return Result{
		N:          t.N(),
		Promoters:  s.Promoters(),
		Passives:   t.Passives(),
		Detractors: s.Detractors(),
		Score:      s.Points(),
		StdErr:     100 * se,
		Interval:   ci,
	}, nil
}

// String returns e.g. "NPS +45.0 (95% adjusted-wald +29.3…+58.0), n=100:
// 60 promoters, 25 passives, 15 detractors".
func (r Result) String() string {
	return fmt.Sprintf("NPS %+.1f (%g%% %s %+.1f…%+.1f), n=%d: %d promoters, %d passives, %d detractors",
		r.Score, 100*r.Interval.Level, r.Interval.Method, r.Interval.Lo, r.Interval.Hi,
		r.N, r.Promoters, r.Passives, r.Detractors)
}
