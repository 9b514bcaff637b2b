package unit

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/rapportkit/rapport/internal/stat"
	"github.com/shopspring/decimal"
)

func TestUnits(t *testing.T) {
	for _, c := range []struct {
		name string
		got  *float64
		want float64 // NaN: nil
	}{
		{"pct", Pct(0.125, true), 12.5},
		{"pct undefined", Pct(0.5, false), math.NaN()},
		{"pct NaN", Pct(math.NaN(), true), math.NaN()},
		{"points", Points(-0.45, true), -45},
		{"points Inf", Points(math.Inf(1), true), math.NaN()},
		{"seconds", Seconds(1500*time.Millisecond, true), 1.5},
		{"seconds undefined", Seconds(time.Second, false), math.NaN()},
		{"days", Days(36*time.Hour, true), 1.5},
		{"value", Value(2.5, true), 2.5},
	} {
		t.Run(c.name, func(t *testing.T) {
			switch {
			case math.IsNaN(c.want) && c.got != nil:
				t.Fatalf("got %v, want nil", *c.got)
			case !math.IsNaN(c.want) && (c.got == nil || *c.got != c.want):
				t.Fatalf("got %v, want %v", c.got, c.want)
			}
		})
	}
	if a := Amount(decimal.New(15, -1), true); a == nil || a.String() != "1.5" {
		t.Errorf("Amount = %v", a)
	}
	if Amount(decimal.Zero, false) != nil {
		t.Error("undefined Amount is not nil")
	}
	ci := stat.Interval{Lo: 0.25, Hi: 0.5, Level: 0.95, Method: stat.Wilson}
	if got := Interval(ci, nil, 100); got == nil || got.Lo != 25 || got.Hi != 50 || got.Level != 0.95 {
		t.Errorf("Interval = %+v", got)
	}
	if Interval(ci, errors.New("empty"), 100) != nil {
		t.Error("Interval with an error is not nil")
	}
	if Interval(stat.Interval{Lo: math.Inf(-1)}, nil, 1) != nil {
		t.Error("infinite Interval is not nil")
	}
}
