package csat

import "fmt"

// Level is a named benchmark band for a CSAT score.
type Level int8

// The benchmark levels, worst first.
const (
	Poor Level = iota
	Fair
	Good
	VeryGood
)

// String returns "poor", "fair", "good" or "very good".
func (l Level) String() string {
	switch l {
	case Poor:
		return "poor"
	case Fair:
		return "fair"
	case Good:
		return "good"
	case VeryGood:
		return "very good"
	}
	return "invalid level"
}

// MarshalText writes the level's name, so that it reads as "very good" in
// JSON.
func (l Level) MarshalText() ([]byte, error) {
	if l < Poor || l > VeryGood {
		return nil, fmt.Errorf("%w: level %d", ErrLevels, l)
	}
	return []byte(l.String()), nil
}

// UnmarshalText reads a level's name.
func (l *Level) UnmarshalText(b []byte) error {
	for v := Poor; v <= VeryGood; v++ {
		if string(b) == v.String() {
			*l = v
			return nil
		}
	}
	return fmt.Errorf("%w: level %q", ErrLevels, b)
}

// Levels are the thresholds of the benchmark levels, as satisfied shares
// in [0, 1]: a score strictly above VeryGood is very good, above Good
// good, above Fair fair, and poor otherwise. They must satisfy
// 0 ≤ Fair ≤ Good ≤ VeryGood ≤ 1. Start from DefaultLevels and change
// what your industry's benchmarks need.
type Levels struct {
	Fair     float64 `json:"fair"`
	Good     float64 `json:"good"`
	VeryGood float64 `json:"very_good"`
}

// DefaultLevels calls a score above 80 % very good (the project's
// reference definition), above 70 % good and above 60 % fair.
var DefaultLevels = Levels{Fair: 0.60, Good: 0.70, VeryGood: 0.80}

// Classify returns the level of a satisfied share in [0, 1]. It fails with
// ErrLevels if the thresholds are out of order or the share is outside
// [0, 1] (a percentage passed by mistake, say).
func (l Levels) Classify(share float64) (Level, error) {
	if !(0 <= l.Fair && l.Fair <= l.Good && l.Good <= l.VeryGood && l.VeryGood <= 1) {
		return 0, fmt.Errorf("%w: need 0 ≤ fair ≤ good ≤ very good ≤ 1, got %v, %v, %v", ErrLevels, l.Fair, l.Good, l.VeryGood)
	}
	if !(share >= 0 && share <= 1) {
		return 0, fmt.Errorf("%w: share %v not in [0, 1]", ErrLevels, share)
	}
	switch {
	case share > l.VeryGood:
		return VeryGood, nil
	case share > l.Good:
		return Good, nil
	case share > l.Fair:
		return Fair, nil
	}
	return Poor, nil
}

// Level returns the benchmark level of the tally's score. It fails with
// ErrEmpty on an empty tally, or like Levels.Classify.
func (t *Tally) Level(l Levels) (Level, error) {
	s, ok := t.Score()
	if !ok {
		return 0, ErrEmpty
	}
	return l.Classify(s)
}
