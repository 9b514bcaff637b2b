package counts

import (
	"fmt"
	"math"

	"github.com/rapportkit/rapport/internal/stat"
)

// Scale is what the core needs of a survey scale: its integer range and
// a name for messages. Its zero value is the package's default scale.
type Scale interface {
	comparable
	Min() int
	Max() int
	String() string
}

// Kind describes a survey package to the core: how its scales travel in
// the binary encoding and the sentinel errors its messages wrap. Each
// package has one, a package-level variable passed by pointer.
type Kind[S Scale] struct {
	// Tag names the tally in its binary encoding.
	Tag byte
	// Params returns the parameters of a scale for its encodings, Scale
	// builds the scale back from them, validating it, and Keys names them
	// in JSON (nil if the package writes its scales' JSON itself).
	Params func(S) []int
	Scale  func(params []int) (S, error)
	Keys   []string
	// The package's sentinels; ErrLabels and ErrUnknownLabel only where
	// it has labels.
	ErrScore, ErrOverflow, ErrMismatch, ErrEncoding, ErrLevel, ErrMethod error
	ErrLabels, ErrUnknownLabel                                           error
	// ErrColumns reports malformed columns given to Columns.
	ErrColumns error
}

// Critical returns the two-sided normal critical value of a confidence
// level, or k.ErrLevel naming the function fn that was given it.
func (k *Kind[S]) Critical(fn string, level float64) (float64, error) {
	z, err := stat.Critical(level)
	if err != nil {
		return 0, k.BadLevel(fn, level)
	}
	return z, nil
}

// BadLevel returns k.ErrLevel for the level fn was given.
func (k *Kind[S]) BadLevel(fn string, level float64) error {
	return fmt.Errorf("%w: %s got %v", k.ErrLevel, fn, level)
}

// BadMethod returns k.ErrMethod for the method fn was given.
func (k *Kind[S]) BadMethod(fn string, m stat.Method) error {
	return fmt.Errorf("%w: %s got %q", k.ErrMethod, fn, m)
}

// Range checks the range of a scale, min..max, and returns its number of
// points: at least 2 and at most MaxPoints, with both ends within ±2³¹ so
// that every encoding holds them.
func Range(min, max int) (int, error) {
	// max − min is tested only once both ends are known small: it cannot wrap.
	if min < math.MinInt32 || max > math.MaxInt32 || !(min < max && max-min < MaxPoints) {
		return 0, fmt.Errorf("%d..%d must have 2 to %d points within ±2³¹", min, max, MaxPoints)
	}
	return max - min + 1, nil
}

// Tally is a histogram of the answers on a scale S, indexed by score −
// Min. Its zero value is an empty tally on the zero scale.
type Tally[S Scale] struct {
	scale S
	h     Histogram
}

// New returns an empty tally on scale s.
func New[S Scale](s S) Tally[S] { return Tally[S]{scale: s} }

// Scale returns the tally's scale.
func (t *Tally[S]) Scale() S { return t.scale }

// ScaleRef returns the tally's scale in place, for a package whose scale
// is too large to copy on a hot path.
func (t *Tally[S]) ScaleRef() *S { return &t.scale }

// Histogram returns the tally's counts, for a package's fast paths.
func (t *Tally[S]) Histogram() *Histogram { return &t.h }

// N returns the number of answers.
func (t *Tally[S]) N() uint64 { return t.h.n }

// points returns the number of points of the scale.
func (t *Tally[S]) points() int { return t.scale.Max() - t.scale.Min() + 1 }

// CheckScore returns nil for a score on the scale and k.ErrScore naming
// it otherwise.
func CheckScore[S Scale](k *Kind[S], s S, score int) error {
	if score < s.Min() || score > s.Max() {
		return k.badScore(s.Min(), s.Max(), score)
	}
	return nil
}

// badScore returns k.ErrScore for a score off min..max.
func (k *Kind[S]) badScore(min, max, score int) error {
	return fmt.Errorf("%w: %d not in %d..%d", k.ErrScore, score, min, max)
}

// AddN counts n answers of score on the tally's scale, which runs from
// min to max, or fails with k.ErrScore or k.ErrOverflow, changing
// nothing. The package passes the ends of its scale, read from its own
// type where they inline: the hot path then makes no call through S.
func (t *Tally[S]) AddN(k *Kind[S], min, max, score int, n uint64) error {
	if score < min || score > max || !t.h.AddN(score-min, n) {
		return t.refused(k, min, max, score, n)
	}
	return nil
}

// refused returns the error of a refused AddN, out of AddN's inlined
// path.
func (t *Tally[S]) refused(k *Kind[S], min, max, score int, n uint64) error {
	if score < min || score > max {
		return k.badScore(min, max, score)
	}
	return fmt.Errorf("%w: %d more answers to %d", k.ErrOverflow, n, t.h.n)
}

// Merge adds every answer of u, which may be t itself; a nil u adds
// nothing. It fails with k.ErrMismatch for a tally on another scale and
// k.ErrOverflow, changing nothing.
func (t *Tally[S]) Merge(k *Kind[S], u *Tally[S]) error {
	switch {
	case u == nil:
		return nil
	case u.scale != t.scale:
		return fmt.Errorf("%w: merging a tally on %v into one on %v", k.ErrMismatch, u.scale, t.scale)
	case !t.h.Merge(&u.h):
		return fmt.Errorf("%w: merging %d answers into %d", k.ErrOverflow, u.h.n, t.h.n)
	}
	return nil
}

// Count returns the number of answers of score, 0 off the scale.
func (t *Tally[S]) Count(score int) uint64 {
	if score < t.scale.Min() || score > t.scale.Max() {
		return 0
	}
	return t.h.c[score-t.scale.Min()]
}

// Sum returns the number of answers with scores from..to.
func (t *Tally[S]) Sum(from, to int) uint64 {
	return t.h.Sum(from-t.scale.Min(), to-t.scale.Min())
}

// Share returns x/N correctly rounded, or ok = false for an empty tally.
func (t *Tally[S]) Share(x uint64) (float64, bool) {
	if t.h.n == 0 {
		return 0, false
	}
	return stat.Ratio(x, t.h.n, 1), true
}

// Pct returns 100·x/N correctly rounded (29 of 100 is 29, not
// 28.999999999999996), or nil for an empty tally.
func (t *Tally[S]) Pct(x uint64) *float64 {
	if t.h.n == 0 {
		return nil
	}
	p := stat.Ratio(x, t.h.n, 100)
	return &p
}

// Mean returns the mean score, exact from the counts and correctly
// rounded, or ok = false for an empty tally.
func (t *Tally[S]) Mean() (float64, bool) {
	return stat.CountMean(t.h.Counts(t.points()), t.scale.Min())
}

// StdDev returns the sample standard deviation of the scores (divisor
// N − 1), from the exact variance, or ok = false below two answers.
func (t *Tally[S]) StdDev() (float64, bool) {
	v, ok := stat.CountVariance(t.h.Counts(t.points()))
	return math.Sqrt(v), ok
}

// Bin is one point of a distribution: its score, its count and its share
// of all answers in [0, 1].
type Bin struct {
	Score int     `json:"score"`
	Count uint64  `json:"count"`
	Share float64 `json:"share"`
}

// Distribution returns one Bin per point of the scale, from Min to Max,
// or ok = false for an empty tally.
func (t *Tally[S]) Distribution() ([]Bin, bool) {
	if t.h.n == 0 {
		return nil, false
	}
	bins := make([]Bin, t.points())
	for i := range bins {
		bins[i] = Bin{Score: t.scale.Min() + i, Count: t.h.c[i], Share: stat.Ratio(t.h.c[i], t.h.n, 1)}
	}
	return bins, true
}

// proportionMethods are the intervals of a binomial proportion.
var proportionMethods = map[stat.Method]bool{
	stat.Wilson: true, stat.ClopperPearson: true, stat.Jeffreys: true, stat.AgrestiCoull: true, stat.Wald: true,
}

// Proportion returns the interval of the share x/N at the given level by
// method m, with ok = false for an empty tally. It fails with k.ErrLevel
// or k.ErrMethod naming fn.
func (t *Tally[S]) Proportion(k *Kind[S], fn string, x uint64, level float64, m stat.Method) (stat.Interval, bool, error) {
	if _, err := k.Critical(fn, level); err != nil {
		return stat.Interval{}, false, err
	}
	if !proportionMethods[m] {
		return stat.Interval{}, false, k.BadMethod(fn, m)
	}
	if t.h.n == 0 {
		return stat.Interval{}, false, nil
	}
	ci, err := stat.Proportion(float64(x), float64(t.h.n), level, m)
	return ci, err == nil, nil
}

// MeanInterval returns the Student t interval of the mean score at the
// given level, clamped to the scale, with ok = false below two answers.
// It fails with k.ErrLevel naming fn.
func (t *Tally[S]) MeanInterval(k *Kind[S], fn string, level float64) (stat.Interval, bool, error) {
	if _, err := k.Critical(fn, level); err != nil {
		return stat.Interval{}, false, err
	}
	mean, _ := t.Mean()
	sd, ok := t.StdDev()
	if !ok {
		return stat.Interval{}, false, nil
	}
	lo, hi, err := stat.MeanInterval(mean, sd, t.h.n, level)
	if err != nil {
		return stat.Interval{}, false, nil
	}
	ci := stat.Interval{Lo: lo, Hi: hi, Level: level, Method: StudentT}
	return ci.Clamp(float64(t.scale.Min()), float64(t.scale.Max())), true, nil
}

// StudentT names the t interval of a mean.
const StudentT stat.Method = "t"
