package csat

import (
	"fmt"
	"math/big"

	"github.com/rapportkit/rapport/internal/stat"

	"github.com/rapportkit/rapport/internal/counts"
)

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
	return counts.Name(int(l), "poor", "fair", "good", "very good", "invalid level")
}

// MarshalText writes the level's name, so that it reads as "very good" in
// JSON.
func (l Level) MarshalText() ([]byte, error) {
	if l < Poor || l > VeryGood {
		return nil, fmt.Errorf("%w: level %d", ErrBenchmark, l)
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
	return fmt.Errorf("%w: level %q", ErrBenchmark, b)
}

// Levels are the thresholds of the benchmark levels, as satisfied shares
// in [0, 1]: a score strictly above VeryGood is very good, above Good
// good, above Fair fair, and poor otherwise. They must satisfy
// 0 ≤ Fair ≤ Good ≤ VeryGood ≤ 1, and compare as the decimals they are
// written as: 0.7 is seven tenths, not the float64 a hair below it. Start
// from DefaultLevels and change what your industry's benchmarks need.
type Levels struct {
	Fair     float64 `json:"fair"`
	Good     float64 `json:"good"`
	VeryGood float64 `json:"very_good"`
}

// DefaultLevels calls a score above 80 % very good (the project's
// reference definition), above 70 % good and above 60 % fair.
var DefaultLevels = Levels{Fair: 0.60, Good: 0.70, VeryGood: 0.80}

// Classify returns the level of a satisfied share in [0, 1], compared as
// the decimal it is written as. It fails with ErrBenchmark if the
// thresholds are out of order or the share is outside [0, 1] (a
// percentage passed by mistake, say).
func (l Levels) Classify(share float64) (Level, error) {
	x := stat.Decimal(share)
	if x == nil || x.Sign() < 0 || x.Cmp(big.NewRat(1, 1)) > 0 {
		return 0, fmt.Errorf("%w: share %v not in [0, 1]", ErrBenchmark, share)
	}
	return l.classify(x)
}

// classify returns the level of the exact share x.
func (l Levels) classify(x *big.Rat) (Level, error) {
	fair, good, veryGood := stat.Decimal(l.Fair), stat.Decimal(l.Good), stat.Decimal(l.VeryGood)
	if fair == nil || good == nil || veryGood == nil || fair.Sign() < 0 || fair.Cmp(good) > 0 || good.Cmp(veryGood) > 0 || veryGood.Cmp(big.NewRat(1, 1)) > 0 {
		return 0, fmt.Errorf("%w: need 0 ≤ fair ≤ good ≤ very good ≤ 1, got %v, %v, %v", ErrBenchmark, l.Fair, l.Good, l.VeryGood)
	}
	switch {
	case x.Cmp(veryGood) > 0:
		return VeryGood, nil
	case x.Cmp(good) > 0:
		return Good, nil
	case x.Cmp(fair) > 0:
		return Fair, nil
	}
	return Poor, nil
}

// Level returns the benchmark level of the tally's score, the exact share
// S/N against the thresholds, with ok = false for an empty tally. It fails
// like Levels.Classify.
func (t *Tally) Level(l Levels) (Level, bool, error) {
	if t.N() == 0 {
		_, err := l.classify(new(big.Rat))
		return 0, false, err
	}
	lv, err := l.classify(new(big.Rat).SetFrac(new(big.Int).SetUint64(t.Satisfied()), new(big.Int).SetUint64(t.N())))
	return lv, err == nil, err
}
