package money

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestBounds(t *testing.T) {
	for _, c := range []struct {
		text string
		ok   bool
	}{
		{"0", true},
		{"1234.50", true},
		{"-0.5", true},
		{"1e3", true},
		{"0." + strings.Repeat("0", 63) + "1", true},  // 10⁻⁶⁴
		{"0." + strings.Repeat("0", 64) + "1", false}, // 10⁻⁶⁵
		{"1.5" + strings.Repeat("0", 62), true},       // 64 places as written
		{"1.5" + strings.Repeat("0", 80), false},      // 1.5, but 81 places as written
		{"1.5" + strings.Repeat("0", 200), false},     // too long a text
		{strings.Repeat("9", 64), true},               // 10⁶⁴ − 1
		{"1" + strings.Repeat("0", 64), false},        // 10⁶⁴
		{"1e63", true},
		{"1e64", false},
		{"1e400", false},
		{"1e-10000", false},
		{"1e-0000000000003", true},
		{"1e-00000099999", false},
		{"1,234.50", false},
		{"1 234", false},
		{"", false},
		{"abc", false},
		{strings.Repeat("1", 3_000_000), false},
	} {
		name := c.text
		if len(name) > 20 {
			name = name[:20] + "…"
		}
		t.Run(name, func(t *testing.T) {
			d, err := Parse(c.text)
			if (err == nil) != c.ok {
				t.Fatalf("Parse(%.30s) = %v, %v; want ok = %v", c.text, d, err, c.ok)
			}
		})
	}
	// Check on decimals made without text.
	for _, c := range []struct {
		d  decimal.Decimal
		ok bool
	}{
		{decimal.New(1, -2_000_000_000), false},
		{decimal.New(1, 2_000_000_000), false},
		{decimal.New(150, -2), true},
		{decimal.New(15, -70).Mul(decimal.New(1, 0)), false},
		{decimal.New(1, -64), true},
		{decimal.RequireFromString("1.5000000000000000000000000000000000000000000000000000000000000000000000"), false},
		{decimal.New(0, -3150), false}, // a zero whose places would make every sum carry them
		{decimal.New(0, 70), false},
		{decimal.New(0, -64), true},
	} {
		if err := Check(c.d); (err == nil) != c.ok {
			t.Errorf("Check(%v·10^%d) = %v; want ok = %v", c.d.Coefficient(), c.d.Exponent(), err, c.ok)
		}
	}
}

// Check allocates nothing for an amount of a usual exponent, so that the
// accumulators that check every amount they add stay allocation-free.
func TestCheckAllocFree(t *testing.T) {
	for _, d := range []decimal.Decimal{decimal.New(650, -2), decimal.New(-7, 0), decimal.New(1, 63),
		decimal.RequireFromString("123456789012345678901234567890.5"), decimal.New(1, 64), decimal.New(1, -64)} {
		if n := testing.AllocsPerRun(100, func() { _ = Check(d) }); n != 0 {
			t.Errorf("Check(%v) allocates %v times", d, n)
		}
	}
}
