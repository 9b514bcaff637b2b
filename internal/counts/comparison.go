package counts

import (
	"fmt"

	"github.com/rapportkit/rapport/internal/stat"
	"github.com/rapportkit/rapport/internal/unit"
)

// Comparison is a two-sample test of the difference of two scores or
// shares, in points: NPS points, or percentage points for a difference of
// two percentages. A figure is nil where it is undefined.
type Comparison struct {
	DeltaPoints         *float64       `json:"delta_points"`
	StdErrPoints        *float64       `json:"std_err_points"`
	Z                   *float64       `json:"z"`
	PValue              *float64       `json:"p_value"`
	DeltaIntervalPoints *stat.Interval `json:"delta_interval_points"`
}

// Compared returns the comparison of a difference d with standard error
// se ≥ 0 and interval ci, all fractions: z = d/se and its two-sided
// p-value, both nil when se = 0.
func Compared(d, se float64, ci stat.Interval) Comparison {
	c := Comparison{
		DeltaPoints:         unit.Points(d, true),
		StdErrPoints:        unit.Points(se, true),
		DeltaIntervalPoints: unit.Interval(ci, nil, 100),
	}
	if se > 0 {
		z := d / se
		c.Z = unit.Value(z, true)
		c.PValue = unit.Value(stat.TwoSidedP(z), true)
	}
	return c
}

// String reports the difference in points, e.g.
// "Δ +12.0 points (95% wald CI +3.1…+20.9), z = 2.64, p = 0.0083".
func (c Comparison) String() string {
	if c.DeltaPoints == nil || c.DeltaIntervalPoints == nil {
		return "Δ undefined: a sample is empty"
	}
	ci := c.DeltaIntervalPoints
	s := fmt.Sprintf("Δ %+.1f points (%g%% %s CI %+.1f…%+.1f)", *c.DeltaPoints, 100*ci.Level, ci.Method, ci.Lo, ci.Hi)
	if c.Z == nil || c.PValue == nil {
		return s + ", z and p undefined: no variance"
	}
	return s + fmt.Sprintf(", z = %.2f, p = %.2g", *c.Z, *c.PValue)
}
