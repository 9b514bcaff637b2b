package csat

import (
	"fmt"
	"iter"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/rapportkit/rapport/internal/stat"
)

// Response is one answer to a satisfaction question.
type Response struct {
	Score   int       `json:"score"`
	Channel string    `json:"channel,omitempty"` // or touchpoint: phone, chat, store …
	At      time.Time `json:"at"`
}

// Of tallies scores on scale s and summarises them at 95 % with the
// Wilson interval. It fails with ErrEmpty on no scores and
// ErrScoreOutOfRange naming the first bad one.
func Of(s Scale, scores []int) (Result, error) {
	t := NewTally(s)
	for i, score := range scores {
		if err := t.Add(score); err != nil {
			return Result{}, fmt.Errorf("score %d: %w", i, err)
		}
	}
	return t.Result(0.95, Wilson)
}

// TallyBy tallies responses on scale s in groups chosen by key: a channel
// (func(r Response) string { return r.Channel }), a month, a segment. The
// first bad response stops it with an error naming its position.
func TallyBy[K comparable](s Scale, responses iter.Seq[Response], key func(Response) K) (map[K]*Tally, error) {
	return group.By(responses, "response", key, func() *Tally { return NewTally(s) }, func(t *Tally, r Response) error {
		return t.Add(r.Score)
	})
}

// Result is the reporting view of a tally. Unlike the Tally's read-outs,
// which are shares in [0, 1], Score, Dissatisfaction and the Interval are
// percentages (0–100); Mean and StdDev are on the scale's own points
// (StdDev is 0 for a single response).
type Result struct {
	Scale           Scale    `json:"scale"`
	N               uint64   `json:"n"`
	Satisfied       uint64   `json:"satisfied"`
	Neutral         uint64   `json:"neutral"`
	Dissatisfied    uint64   `json:"dissatisfied"`
	Score           float64  `json:"score"`
	Dissatisfaction float64  `json:"dissatisfaction"`
	Interval        Interval `json:"interval"`
	Mean            float64  `json:"mean"`
	StdDev          float64  `json:"std_dev"`
}

// Result summarises the tally with an interval of the score at the given
// level by method m. It fails like Interval.
func (t *Tally) Result(level float64, m Method) (Result, error) {
	ci, err := t.Interval(level, m)
	if err != nil {
		return Result{}, err
	}
	ci.Lo, ci.Hi = 100*ci.Lo, 100*ci.Hi
	mean, _ := t.Mean()
	sd, _ := t.StdDev()
	return Result{
		Scale:           t.scale,
		N:               t.N(),
		Satisfied:       t.Satisfied(),
		Neutral:         t.Neutral(),
		Dissatisfied:    t.Dissatisfied(),
		Score:           stat.Ratio(t.Satisfied(), t.N(), 100),
		Dissatisfaction: stat.Ratio(t.Dissatisfied(), t.N(), 100),
		Interval:        ci,
		Mean:            mean,
		StdDev:          sd,
	}, nil
}

// String returns e.g. "CSAT 85.0% (95% wilson 76.7…90.7), n=100: 85
// satisfied, 10 neutral, 5 dissatisfied; mean 4.20 on 1–5".
func (r Result) String() string {
	return fmt.Sprintf("CSAT %.1f%% (%g%% %s %.1f…%.1f), n=%d: %d satisfied, %d neutral, %d dissatisfied; mean %.2f on %d–%d",
		r.Score, 100*r.Interval.Level, r.Interval.Method, r.Interval.Lo, r.Interval.Hi,
		r.N, r.Satisfied, r.Neutral, r.Dissatisfied, r.Mean, r.Scale.Min(), r.Scale.Max())
}
