package ces

import (
	"encoding/json"
	"fmt"

	"github.com/rapportkit/rapport/internal/counts"
)

// MaxPoints is the most points a scale may have (0–10 has eleven).
const MaxPoints = counts.MaxPoints

// Polarity tells which end of a scale is easy.
type Polarity int8

// The two polarities. The zero Polarity is HigherIsEasier.
const (
	// HigherIsEasier: agreement that something was easy (CES 2.0).
	HigherIsEasier Polarity = 0
	// LowerIsEasier: the effort the customer had to make (CES 1.0).
	LowerIsEasier Polarity = 1
)

// String returns "higher is easier" or "lower is easier".
func (p Polarity) String() string {
	return counts.Name(int(p), "higher is easier", "lower is easier", "invalid polarity")
}

// MarshalText writes "higher-is-easier" or "lower-is-easier".
func (p Polarity) MarshalText() ([]byte, error) {
	switch p {
	case HigherIsEasier:
		return []byte("higher-is-easier"), nil
	case LowerIsEasier:
		return []byte("lower-is-easier"), nil
	}
	return nil, fmt.Errorf("%w: polarity %d", ErrScale, p)
}

// UnmarshalText reads "higher-is-easier" or "lower-is-easier".
func (p *Polarity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "higher-is-easier":
		*p = HigherIsEasier
	case "lower-is-easier":
		*p = LowerIsEasier
	default:
		return fmt.Errorf("%w: polarity %q", ErrScale, b)
	}
	return nil
}

// Scale is an effort or ease rating scale: its range, which end is easy,
// and its three bands. Scores Min..LowTo form the low band, HighFrom..Max
// the high band and any between are neutral; the low band is the easy one
// when lower is easier, the difficult one when higher is easier. The zero
// Scale is SevenPointEase. Build others with NewScale and WithBands; every
// constructor validates, so a Scale in hand is always valid.
type Scale struct {
	// Offsets from SevenPointEase, so that the zero value is SevenPointEase.
	min, max, lowTo, highFrom int
	polarity                  Polarity
}

var (
	// SevenPointEase is CES 2.0: agreement with "the company made it easy
	// for me to handle my issue", 1 (strongly disagree, very difficult) …
	// 7 (strongly agree, very easy); higher is easier. Easy 5–7, neutral
	// 4, difficult 1–3. It is the zero Scale.
	SevenPointEase = Scale{}
	// FivePointEffort is the original CES: "how much effort did you
	// personally have to put forth?", 1 (minimal effort) … 5 (maximal
	// effort); lower is better. Low effort 1–2, neutral 3, high effort 4–5.
	FivePointEffort = mustScale(1, 5, LowerIsEasier, 2, 4)
)

// NewScale returns a scale from min to max (2 to MaxPoints points, within
// ±2³¹) with
// polarity p and symmetric bands of max(1, ⌊(points − 1)/2⌋) points at
// each end: 1–3 and 5–7 on seven points, 1–2 and 4–5 on five, 1–4 and
// 7–10 on ten. Use WithBands for other cut points.
func NewScale(min, max int, p Polarity) (Scale, error) {
	points, err := counts.Range(min, max)
	if err != nil {
		return Scale{}, fmt.Errorf("%w: %w", ErrScale, err)
	}
	k := (points - 1) / 2
	if k < 1 {
		k = 1
	}
	return newScale(min, max, p, min+k-1, max-k+1)
}

func newScale(min, max int, p Polarity, lowTo, highFrom int) (Scale, error) {
	if _, err := counts.Range(min, max); err != nil {
		return Scale{}, fmt.Errorf("%w: %w", ErrScale, err)
	}
	if p != HigherIsEasier && p != LowerIsEasier {
		return Scale{}, fmt.Errorf("%w: polarity %d", ErrScale, p)
	}
	if !(min <= lowTo && lowTo < highFrom && highFrom <= max) {
		return Scale{}, fmt.Errorf("%w: need min ≤ lowTo < highFrom ≤ max, got %d..%d bands %d, %d", ErrScale, min, max, lowTo, highFrom)
	}
	return Scale{min: min - 1, max: max - 7, lowTo: lowTo - 3, highFrom: highFrom - 5, polarity: p}, nil
}

func mustScale(min, max int, p Polarity, lowTo, highFrom int) Scale {
	s, err := newScale(min, max, p, lowTo, highFrom)
	if err != nil {
		panic(err)
	}
	return s
}

// WithBands returns the scale with the low band Min..lowTo and the high
// band highFrom..Max (Min ≤ lowTo < highFrom ≤ Max; highFrom = lowTo + 1
// leaves no neutral band).
func (s Scale) WithBands(lowTo, highFrom int) (Scale, error) {
	return newScale(s.Min(), s.Max(), s.polarity, lowTo, highFrom)
}

// Min returns the lowest score.
func (s Scale) Min() int { return s.min + 1 }

// Max returns the highest score.
func (s Scale) Max() int { return s.max + 7 }

// ends returns Min and Max without copying the scale, whose five fields
// would be copied through memory on Tally.Add's path.
func (s *Scale) ends() (min, max int) { return s.min + 1, s.max + 7 }

// Polarity returns which end of the scale is easy.
func (s Scale) Polarity() Polarity { return s.polarity }

// Points returns the number of points on the scale.
func (s Scale) Points() int { return s.Max() - s.Min() + 1 }

// Bands returns the top of the low band and the bottom of the high band.
func (s Scale) Bands() (lowTo, highFrom int) { return s.lowTo + 3, s.highFrom + 5 }

// Easy returns the scores of the easy (low-effort) band, from..to.
func (s Scale) Easy() (from, to int) {
	lowTo, highFrom := s.Bands()
	if s.polarity == LowerIsEasier {
		return s.Min(), lowTo
	}
	return highFrom, s.Max()
}

// Difficult returns the scores of the difficult (high-effort) band, from..to.
func (s Scale) Difficult() (from, to int) {
	lowTo, highFrom := s.Bands()
	if s.polarity == LowerIsEasier {
		return highFrom, s.Max()
	}
	return s.Min(), lowTo
}

// Classify returns the effort band of a score, or ErrScoreOutOfRange.
func (s Scale) Classify(score int) (Effort, error) {
	if err := s.check(score); err != nil {
		return 0, err
	}
	lowTo, highFrom := s.Bands()
	band := NeutralEffort
	switch {
	case score <= lowTo:
		band = HighEffort
	case score >= highFrom:
		band = LowEffort
	}
	if s.polarity == LowerIsEasier {
		band = -band
	}
	return band, nil
}

// Ease returns a score on the common ease scale [0, 1], 0 the most
// difficult point and 1 the easiest: (score − Min)/(Max − Min) when higher
// is easier, (Max − score)/(Max − Min) when lower is easier.
func (s Scale) Ease(score int) (float64, error) {
	if err := s.check(score); err != nil {
		return 0, err
	}
	return s.ease(float64(score)), nil
}

// ease maps a value of the scale (a mean, say) onto [0, 1].
func (s Scale) ease(x float64) float64 {
	span := float64(s.Max() - s.Min())
	if s.polarity == LowerIsEasier {
		return (float64(s.Max()) - x) / span
	}
	return (x - float64(s.Min())) / span
}

func (s Scale) check(score int) error { return counts.CheckScore(&kind, s, score) }

// String returns the scale as
// "1–7, higher is easier (easy 5–7, neutral 4, difficult 1–3)".
func (s Scale) String() string {
	ef, et := s.Easy()
	df, dt := s.Difficult()
	lowTo, highFrom := s.Bands()
	neutral := "none"
	if highFrom-lowTo > 1 {
		neutral = counts.Span(lowTo+1, highFrom-1)
	}
	return fmt.Sprintf("%d–%d, %v (easy %s, neutral %s, difficult %s)", s.Min(), s.Max(), s.polarity, counts.Span(ef, et), neutral, counts.Span(df, dt))
}

// params returns the scale as the five integers of its binary encoding.
func (s Scale) params() []int {
	lowTo, highFrom := s.Bands()
	return []int{s.Min(), s.Max(), int(s.polarity), lowTo, highFrom}
}

// scaleOf returns the scale of the five integers of params.
func scaleOf(p []int) (Scale, error) {
	if p[2] != int(HigherIsEasier) && p[2] != int(LowerIsEasier) {
		return Scale{}, fmt.Errorf("%w: polarity %d", ErrScale, p[2])
	}
	return newScale(p[0], p[1], Polarity(p[2]), p[3], p[4])
}

// Effort is the band a score falls in. Its numeric value is the response's
// contribution to the net index: +1 low effort, 0 neutral, −1 high effort.
type Effort int8

// The three bands.
const (
	HighEffort    Effort = iota - 1 // −1
	NeutralEffort                   // 0
	LowEffort                       // +1
)

// String returns "low effort", "neutral" or "high effort".
func (e Effort) String() string {
	return counts.Name(int(e)+1, "high effort", "neutral", "low effort", "invalid effort")
}

type scaleJSON struct {
	Min      int      `json:"min"`
	Max      int      `json:"max"`
	Polarity Polarity `json:"polarity"`
	LowTo    int      `json:"low_to"`
	HighFrom int      `json:"high_from"`
}

// MarshalJSON writes the scale as
// {"min":1,"max":7,"polarity":"higher-is-easier","low_to":3,"high_from":5}.
func (s Scale) MarshalJSON() ([]byte, error) {
	lowTo, highFrom := s.Bands()
	return json.Marshal(scaleJSON{s.Min(), s.Max(), s.polarity, lowTo, highFrom})
}

// UnmarshalJSON reads a scale written by MarshalJSON and validates it; on
// error the scale is unchanged.
func (s *Scale) UnmarshalJSON(b []byte) error {
	var j scaleJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("%w: scale: %w", ErrEncoding, err)
	}
	v, err := newScale(j.Min, j.Max, j.Polarity, j.LowTo, j.HighFrom)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrEncoding, err)
	}
	*s = v
	return nil
}
