package stat

import (
	"math"
	"math/big"
	"testing"
)

func TestDecimal(t *testing.T) {
	tenth, fifth := 0.1, 0.2 // variables: Go folds constant 0.1 + 0.2 exactly
	for _, c := range []struct {
		name string
		x    float64
		want string // an exact decimal or fraction
	}{
		{"typed level", 0.05, "1/20"},
		{"typed share", 0.85, "17/20"},
		{"a float sum is its own decimal", tenth + fifth, "0.30000000000000004"},
		{"integer", 3, "3"},
		{"negative", -0.85, "-0.85"},
		{"zero", 0, "0"},
		{"smallest subnormal", 5e-324, "5e-324"},
		{"largest", math.MaxFloat64, "1.7976931348623157e308"},
	} {
		t.Run(c.name, func(t *testing.T) {
			want, _ := new(big.Rat).SetString(c.want)
			if got := Decimal(c.x); got == nil || got.Cmp(want) != 0 {
				t.Errorf("Decimal(%v) = %v, want %v", c.x, got, want)
			}
		})
	}
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if Decimal(x) != nil {
			t.Errorf("Decimal(%v) is not nil", x)
		}
	}
}
