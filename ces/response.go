package ces

import (
	"fmt"
	"iter"
	"time"

	"github.com/rapportkit/rapport/internal/group"
	"github.com/rapportkit/rapport/internal/stat"
)

// Response is one answer to an effort or ease question.
type Response struct {
	Score   int       `json:"score"`
	Channel string    `json:"channel,omitempty"` // or touchpoint: phone, chat, store …
	At      time.Time `json:"at"`
}

// Of tallies scores on scale s and summarises them with a 95 % interval.
// It fails with ErrScoreOutOfRange naming the first bad score, or like
// Tally.Result.
func Of(s Scale, scores []int) (Result, error) {
	t := NewTally(s)
	for i, score := range scores {
		if err := t.Add(score); err != nil {
			return Result{}, fmt.Errorf("score %d: %w", i, err)
		}
	}
	return t.Result(0.95)
}

// TallyBy tallies responses on scale s in groups chosen by key: a channel
// (func(r Response) string { return r.Channel }), a month, a segment. The
// first bad response stops it with an error naming its position. Rank
// orders the groups it returns.
func TallyBy[K comparable](s Scale, responses iter.Seq[Response], key func(Response) K) (map[K]*Tally, error) {
	return group.By(responses, "response", key, func() *Tally { return NewTally(s) }, func(t *Tally, r Response) error {
		return t.Add(r.Score)
	})
}

// Result is the reporting view of a tally. Mean, StdDev and the Interval
// are on the scale's own points; Ease and the three band shares are
// percentages (0–100) and Net is in points (−100..100), where the Tally's
// read-outs give fractions.
type Result struct {
	Scale      Scale    `json:"scale"`
	N          uint64   `json:"n"`
	Mean       float64  `json:"mean"`
	StdDev     float64  `json:"std_dev"`
	Interval   Interval `json:"interval"`
	Ease       float64  `json:"ease"`
	LowEffort  float64  `json:"low_effort"`
	Neutral    float64  `json:"neutral"`
	HighEffort float64  `json:"high_effort"`
	Net        float64  `json:"net"`
}

// Result summarises the tally with a t interval of the mean at the given
// level. It fails like Interval (so it needs two responses).
func (t *Tally) Result(level float64) (Result, error) {
	ci, err := t.Interval(level)
	if err != nil {
		return Result{}, err
	}
	mean, _ := t.Mean()
	sd, _ := t.StdDev()
	return Result{
		Scale:      t.scale,
		N:          t.N(),
		Mean:       mean,
		StdDev:     sd,
		Interval:   ci,
		Ease:       100 * t.scale.ease(mean),
		LowEffort:  stat.Ratio(t.LowEffort(), t.N(), 100),
		Neutral:    stat.Ratio(t.Neutral(), t.N(), 100),
		HighEffort: stat.Ratio(t.HighEffort(), t.N(), 100),
		Net:        t.net(100),
	}, nil
}

// String returns e.g. "CES mean 5.42 on 1–7, higher is easier (95% t
// 5.21…5.63), ease 73.7%, n=250: 62.0% low effort, 14.0% neutral, 24.0%
// high effort, net +38.0".
func (r Result) String() string {
	return fmt.Sprintf("CES mean %.2f on %d–%d, %v (%g%% %s %.2f…%.2f), ease %.1f%%, n=%d: %.1f%% low effort, %.1f%% neutral, %.1f%% high effort, net %+.1f",
		r.Mean, r.Scale.Min(), r.Scale.Max(), r.Scale.Polarity(), 100*r.Interval.Level, r.Interval.Method, r.Interval.Lo, r.Interval.Hi,
		r.Ease, r.N, r.LowEffort, r.Neutral, r.HighEffort, r.Net)
}
