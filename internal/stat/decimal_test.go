package stat

import (
	"math"
	"math/big"
	"math/rand/v2"
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

// DecimalFraction is Decimal without allocating, where the fraction fits
// 64 bits, and says so where it does not.
func TestDecimalFraction(t *testing.T) {
	for _, c := range []struct {
		x        float64
		num, den uint64
		ok       bool
	}{
		{0.85, 85, 100, true},
		{0.3, 3, 10, true},
		{153, 153, 1, true},
		{1e2, 100, 1, true},
		{12.5, 125, 10, true},
		{0, 0, 1, true},
		{1e-20, 0, 0, false},
		{2e19, 0, 0, false},
	} {
		num, den, ok := DecimalFraction(c.x)
		if num != c.num || den != c.den || ok != c.ok {
			t.Errorf("DecimalFraction(%v) = %d/%d, %v; want %d/%d, %v", c.x, num, den, ok, c.num, c.den, c.ok)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		x := math.Ldexp(r.Float64(), r.IntN(80)-60)
		num, den, ok := DecimalFraction(x)
		if !ok {
			continue
		}
		got := new(big.Rat).SetFrac(new(big.Int).SetUint64(num), new(big.Int).SetUint64(den))
		if got.Cmp(Decimal(x)) != 0 {
			t.Fatalf("DecimalFraction(%v) = %v, Decimal = %v", x, got, Decimal(x))
		}
	}
	if n := testing.AllocsPerRun(100, func() { DecimalFraction(0.85) }); n != 0 {
		t.Errorf("DecimalFraction allocates %v times", n)
	}
}
